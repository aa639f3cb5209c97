// npm run bench:figures — the results layer (对接成效) at the scale of a provincial event.
//   --agreements N (100000)  --ledger L (10·N)  --reps R (25)  --base-reps B (5)  --export 0 to skip the export part
//   --tracking-export 1 to add the tracking view's export (~40 s more)
// Starts the built server on a fresh embedded PostgreSQL (jobs off), signs two dozen agreements of
// every kind through the HTTP API and copies them in bulk SQL (figures-data.ts) to an event of N
// agreements over sessions of all four kinds with L ledger entries, and an earlier event a tenth
// its size to compare with. The copies bypass the agreements service, so their progress rows
// (agreement_progress, which the service keeps in every write's transaction) are then filled by
// ONE call of the server's own refreshAgreementProgress over every agreement id; then VACUUM
// ANALYZE. Setup is not measured (its timings go to stderr). Then:
//   figures — the dashboard's full answer, GET /api/events/:id/figures over HTTP, with no filter,
//     a chain, a prefecture, one bank, a two-day range and a comparison with the earlier event:
//     R times each after 3 warm-ups; p50/p95 per query and the overall p95.
//     Baseline: the same aggregates (every breakdown by GROUPING SETS, and the agreement steps of
//     the funnel) in one plain SQL statement straight over agreement, agreement_ledger_entry,
//     agreement_party and organisation (no agreement_progress), from a pg connection, timed the
//     same way but B times (each call sums every ledger entry: seconds, not milliseconds) after a
//     warm-up; the route's headline and funnel must equal the baseline's sums for every query.
//     Goal: the route's p95 within 3× the baseline's and under 500 ms.
//   export — the agreements export (GET /sessions/:id/agreements/export.xlsx, per session) of
//     25,000, 50,000 and N rows: the agreements are moved into one session of those sizes (SQL,
//     not measured), then downloaded over HTTP: total time, bytes, and the server process's RSS
//     sampled every 50 ms (/proc/<pid>/status VmRSS): peak and growth over its level before.
//     With --tracking-export 1, also the tracking view's export of the whole event (GET
//     /events/:id/tracking/export.xlsx, its signed agreements) once, measured the same way.
// The last line of stdout is JSON.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EventFigures } from '@duijie/shared';
import { Api } from '../e2e/api';
import { ADMIN, ROOT, startServer } from '../e2e/server';
import { copyAgreements, copyOrganisations, createEvent, signedTemplates } from './figures-data';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const AGREEMENTS = option('agreements', 100_000);
const LEDGER = option('ledger', AGREEMENTS * 10);
const REPS = option('reps', 25);
// The baseline sums a million ledger entries on every call (seconds each): fewer reps keep the run near 5 minutes.
const BASE_REPS = option('base-reps', Math.min(REPS, 5));
const WARMUPS = 3;
const EXPORT = option('export', 1) !== 0;
const TRACKING_EXPORT = option('tracking-export', 0) !== 0;
const ZONE = 'Asia/Shanghai';
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

// The server's own modules, as built (npm run build).
const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
const { refreshAgreementProgress } = serverRequire('./dist/agreements/agreement-figures.js') as {
  refreshAgreementProgress: (manager: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, ids: string[]) => Promise<void>;
};
const { ENTERPRISE_ROLE_ORDER, productsOfChain, regionPrefix } = serverRequire('@duijie/shared') as {
  ENTERPRISE_ROLE_ORDER: readonly string[];
  productsOfChain: (chain: string) => string[];
  regionPrefix: (code: string) => string;
};

/** What a query narrows to, as the baseline reads it. */
type Narrowing = { chain?: string; region?: string; institutionId?: string; from?: string; to?: string };

type BaselineRow = {
  g: number;
  dealClass: 'signed' | 'intent' | 'negotiating';
  count: number;
  amount: number;
  approved: number;
  disbursed: number;
  delivered: number;
  performed: number;
};
type BaselineFunnel = { drafted: number; signed: number; confirmed: number; approved: number; fulfilling: number; performed: number };
type Baseline = { rows: BaselineRow[]; funnel: BaselineFunnel };

/**
 * The conditions of a narrowing over `agreement a`, the enterprise side's `organisation o` and the
 * lender `lender`, except the dates (applied per figure below).
 */
function conditions(eventId: string, n: Narrowing, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = [`a."eventId" = ${add(eventId)}`];
  if (n.chain) where.push(`a.product = ANY(${add(productsOfChain(n.chain))}::text[])`);
  if (n.region) where.push(`o.region LIKE ${add(`${regionPrefix(n.region)}%`)}`);
  if (n.institutionId) where.push(`lender.org = ${add(n.institutionId)}::uuid`);
  return where.join(' AND ');
}

/** The date range over an instant column of `base` (true when none). */
function dated(n: Narrowing, at: string, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = ['true'];
  if (n.from) where.push(`${at} >= (${add(n.from)}::date)::timestamp AT TIME ZONE '${ZONE}'`);
  if (n.to) where.push(`${at} < (${add(n.to)}::date + 1)::timestamp AT TIME ZONE '${ZONE}'`);
  return where.join(' AND ');
}

const SIZES = [500_000_000, 100_000_000, 50_000_000, 10_000_000, 1_000_000, 0];

/**
 * The same aggregates as the figures in one plain statement over the raw tables, without
 * agreement_progress: each agreement's ledger sums (every entry of the event), its enterprise
 * side (the first party in ENTERPRISE_ROLE_ORDER) and lender, then every breakdown of the
 * dashboard in one GROUPING SETS (dated by signing, or drafting for drafts) and the agreement
 * steps of the funnel (dated by drafting), as the route dates them.
 */
function baselineSql(eventId: string, n: Narrowing): [string, unknown[]] {
  const params: unknown[] = [eventId, ENTERPRISE_ROLE_ORDER];
  const where = conditions(eventId, n, params);
  const byDeal = dated(n, 'COALESCE("signedAt", "createdAt")', params);
  const byDraft = dated(n, '"createdAt"', params);
  return [
    `WITH led AS (
       SELECT e."agreementId" AS id,
              SUM(e.amount) FILTER (WHERE e.kind = 'approved') AS approved,
              SUM(e.amount) FILTER (WHERE e.kind = 'disbursed') AS disbursed,
              SUM(e.amount) FILTER (WHERE e.kind = 'delivered') AS delivered,
              bool_or(e.kind = 'performed' AND e."reopenedAt" IS NULL) AS performed
         FROM agreement_ledger_entry e JOIN agreement a ON a.id = e."agreementId"
        WHERE a."eventId" = $1
        GROUP BY e."agreementId"
     ), ent AS (
       SELECT DISTINCT ON (p."agreementId") p."agreementId" AS id, p."organisationId" AS org
         FROM agreement_party p JOIN agreement a ON a.id = p."agreementId"
        WHERE a."eventId" = $1 AND p.role = ANY($2::text[])
        ORDER BY p."agreementId", array_position($2::text[], p.role::text), p."organisationId"
     ), lender AS (
       SELECT DISTINCT ON (p."agreementId") p."agreementId" AS id, p."organisationId" AS org
         FROM agreement_party p JOIN agreement a ON a.id = p."agreementId"
        WHERE a."eventId" = $1 AND p.role = 'lender'
        ORDER BY p."agreementId", p."organisationId"
     ), base AS MATERIALIZED (
       SELECT a."sessionId" AS session, a.product, a.unit, a.amount, COALESCE(a.quantity, 0) AS quantity, a.status, a."signedAt", a."createdAt",
              CASE WHEN a.status = 'drafting' THEN 'negotiating' WHEN a.kind = 'intent' THEN 'intent' ELSE 'signed' END AS "dealClass",
              o.region, lender.org AS institution,
              to_char(COALESCE(a."signedAt", a."createdAt") AT TIME ZONE '${ZONE}', 'YYYY-MM-DD') AS day,
              CASE ${SIZES.map((s) => `WHEN a.amount >= ${s} THEN '${s}'`).join(' ')} END AS size,
              COALESCE(led.approved, 0) AS approved, COALESCE(led.disbursed, 0) AS disbursed, COALESCE(led.delivered, 0) AS delivered,
              COALESCE(led.performed, false) AS performed
         FROM agreement a
         LEFT JOIN led ON led.id = a.id
         LEFT JOIN ent ON ent.id = a.id
         LEFT JOIN organisation o ON o.id = ent.org
         LEFT JOIN lender ON lender.id = a.id
        WHERE ${where}
     ), groups AS (
       SELECT GROUPING(session, product, unit, region, day, size, institution) AS g,
              session, product, unit, region, day, size, institution, "dealClass",
              COUNT(*)::int AS count, COALESCE(SUM(amount), 0)::float8 AS amount, COALESCE(SUM(quantity), 0)::float8 AS quantity,
              SUM(approved)::float8 AS approved, SUM(disbursed)::float8 AS disbursed, SUM(delivered)::float8 AS delivered,
              (COUNT(*) FILTER (WHERE performed))::int AS performed
         FROM base
        WHERE ${byDeal}
        GROUP BY GROUPING SETS (("dealClass"), ("dealClass", session), ("dealClass", product, unit), ("dealClass", region),
                                ("dealClass", day), ("dealClass", size), ("dealClass", institution))
     ), funnel AS (
       SELECT COUNT(*)::int AS drafted,
              (COUNT(*) FILTER (WHERE status IN ('signed', 'confirmed')))::int AS signed,
              (COUNT(*) FILTER (WHERE status = 'confirmed'))::int AS confirmed,
              (COUNT(*) FILTER (WHERE approved > 0))::int AS approved,
              (COUNT(*) FILTER (WHERE disbursed > 0 OR delivered > 0))::int AS fulfilling,
              (COUNT(*) FILTER (WHERE performed))::int AS performed
         FROM base
        WHERE ${byDraft}
     )
     SELECT (SELECT json_agg(groups) FROM groups) AS rows, (SELECT row_to_json(funnel) FROM funnel) AS funnel`,
    params,
  ];
}

async function baseline(db: Client, eventId: string, n: Narrowing): Promise<Baseline> {
  const [answer] = (await db.query<{ rows: BaselineRow[] | null; funnel: BaselineFunnel }>(...baselineSql(eventId, n))).rows;
  return { rows: answer.rows ?? [], funnel: answer.funnel };
}

/** The headline (and the funnel's agreement steps) the baseline gives, in the route's shape. */
function headlineOf(b: Baseline) {
  const all = b.rows.filter((r) => r.g === 0b1111111);
  const of = (c: BaselineRow['dealClass']) => all.find((r) => r.dealClass === c);
  const signed = of('signed');
  return {
    signed: { count: signed?.count ?? 0, amount: signed?.amount ?? 0 },
    intent: { count: of('intent')?.count ?? 0, amount: of('intent')?.amount ?? 0 },
    negotiating: { count: of('negotiating')?.count ?? 0, amount: of('negotiating')?.amount ?? 0 },
    approved: signed?.approved ?? 0,
    disbursed: signed?.disbursed ?? 0,
    delivered: signed?.delivered ?? 0,
    performed: signed?.performed ?? 0,
  };
}

/** Fails loudly when the route's headline or agreement funnel differs from the plain SQL sums. */
function assertAgrees(label: string, route: Pick<EventFigures, 'headline' | 'funnel'>, b: Baseline): void {
  const expected = headlineOf(b);
  const { target: _target, ...got } = route.headline;
  const funnel = Object.fromEntries(route.funnel.map((s) => [s.key, s.count]));
  const gotFunnel = Object.fromEntries(Object.keys(b.funnel).map((k) => [k, funnel[k]]));
  if (JSON.stringify(got) !== JSON.stringify(expected) || JSON.stringify(gotFunnel) !== JSON.stringify(b.funnel)) {
    throw new Error(
      `[${label}] the route's figures differ from plain SQL:\n route    ${JSON.stringify(got)} ${JSON.stringify(gotFunnel)}\n baseline ${JSON.stringify(expected)} ${JSON.stringify(b.funnel)}`,
    );
  }
}

/** The server process's resident set (kB), from /proc. */
function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function main(): Promise<void> {
  const started = performance.now();
  const server = await startServer({ env: { JOBS_ENABLED: 'false' } });
  const db = new Client({ connectionString: server.databaseUrl });
  try {
    await db.connect();
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    log(`server up in ${round((performance.now() - started) / 1000)} s`);

    // ---- setup (not measured) ----
    let ms = 0;
    const event = await createEvent(api, organiser, {
      name: '2026年青海省产融合作暨产业链供需对接大会',
      startDate: '2026-09-14',
      endDate: '2026-09-18',
      targetAmount: 300_000_000_000,
      perKind: 2,
      live: true,
    });
    const earlier = await createEvent(api, organiser, {
      name: '2025年青海省产融合作暨产业链供需对接大会',
      startDate: '2025-09-15',
      endDate: '2025-09-17',
      targetAmount: 50_000_000_000,
      perKind: 1,
      live: false,
    });
    const [templates, templatesMs] = await timed(() => signedTemplates(api, organiser, event));
    log(`events, sessions and ${templates.templates.length} template agreements through the API in ${round(templatesMs / 1000)} s`);
    const [pools, poolsMs] = await timed(() =>
      copyOrganisations(db, templates, { bank: 30, guarantor: 6, seller: 2400, buyer: 700, builder: 300, distributor: 250 }),
    );
    log(
      `organisations: ${Object.entries(pools)
        .map(([k, v]) => `${v.length} ${k}`)
        .join(', ')} in ${round(poolsMs)} ms`,
    );
    const [current, currentMs] = await timed(() => copyAgreements(db, templates, event, pools, AGREEMENTS, LEDGER, 16));
    log(`event: ${current.agreements} agreements (${current.drafting} drafting), ${current.ledger} ledger entries in ${round(currentMs / 1000)} s`);
    const [before, beforeMs] = await timed(() => copyAgreements(db, templates, earlier, pools, Math.round(AGREEMENTS / 10), Math.round(LEDGER / 10), 15));
    log(`earlier event: ${before.agreements} agreements, ${before.ledger} ledger entries in ${round(beforeMs / 1000)} s`);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM agreement WHERE "eventId" = ANY($1::uuid[])`, [[event.eventId, earlier.eventId]])).rows.map(
      (r) => r.id,
    );
    // The server's own statement, in one call over every id, as a write's transaction runs it for its agreements.
    [, ms] = await timed(() => refreshAgreementProgress({ query: async (sql, params) => (await db.query(sql, params)).rows }, ids));
    log(`agreement_progress: one refreshAgreementProgress call over ${ids.length} ids in ${round(ms / 1000)} s`);
    [, ms] = await timed(() => db.query('VACUUM ANALYZE'));
    log(`VACUUM ANALYZE in ${round(ms / 1000)} s; setup done at ${round((performance.now() - started) / 1000)} s`);

    // ---- figures: the route against plain SQL ----
    const bank = templates.organisations.bank[0];
    const queries: { name: string; query: string; narrowing: Narrowing; compare?: boolean }[] = [
      { name: 'all', query: '', narrowing: {} },
      { name: 'chain', query: 'chain=iron_steel_construction', narrowing: { chain: 'iron_steel_construction' } },
      { name: 'region', query: 'region=632800', narrowing: { region: '632800' } },
      { name: 'institution', query: `institutionId=${bank}`, narrowing: { institutionId: bank } },
      { name: 'dates', query: `from=${event.days[1]}&to=${event.days[2]}`, narrowing: { from: event.days[1], to: event.days[2] } },
      { name: 'compare', query: `compareTo=${earlier.eventId}`, narrowing: {}, compare: true },
    ];
    const route = (q: string) => api.call<EventFigures>('GET', `/events/${event.eventId}/figures${q ? `?${q}` : ''}`, undefined, organiser.token);
    const base = async (q: (typeof queries)[number]): Promise<Baseline[]> => [
      await baseline(db, event.eventId, q.narrowing),
      ...(q.compare ? [await baseline(db, earlier.eventId, q.narrowing)] : []),
    ];

    // The answers must agree before anything is timed.
    for (const q of queries) {
      const answer = await route(q.query);
      const [now, then] = await base(q);
      assertAgrees(q.name, answer, now);
      if (q.compare) {
        if (!answer.comparison || !then) throw new Error('[compare] the route gave no comparison');
        assertAgrees('compare (earlier event)', answer.comparison, then);
      }
      log(
        `${q.name}: signed ${answer.headline.signed.count} / ${answer.headline.signed.amount} yuan, approved ${answer.headline.approved}, disbursed ${answer.headline.disbursed}, delivered ${answer.headline.delivered} — equal to plain SQL`,
      );
    }

    const loadAtStart = loadavg()[0];
    const routeMs: Record<string, number[]> = {};
    const baseMs: Record<string, number[]> = {};
    for (const q of queries) {
      for (let i = 0; i < WARMUPS; i++) await route(q.query);
      routeMs[q.name] = [];
      for (let r = 0; r < REPS; r++) routeMs[q.name].push((await timed(() => route(q.query)))[1]);
      // One warm-up more than the check above already ran.
      await base(q);
      baseMs[q.name] = [];
      for (let r = 0; r < BASE_REPS; r++) baseMs[q.name].push((await timed(() => base(q)))[1]);
      log(
        `${q.name.padEnd(12)} route p50 ${round(percentile(routeMs[q.name], 50))} ms p95 ${round(percentile(routeMs[q.name], 95))} ms | plain SQL p50 ${round(percentile(baseMs[q.name], 50))} ms p95 ${round(percentile(baseMs[q.name], 95))} ms`,
      );
    }
    const allRoute = Object.values(routeMs).flat();
    const allBase = Object.values(baseMs).flat();
    const p95 = percentile(allRoute, 95);
    const baseP95 = percentile(allBase, 95);
    const goal = { within3xSql: p95 <= 3 * baseP95, under500ms: p95 < 500 };
    log(
      `overall: route p95 ${round(p95)} ms, plain SQL p95 ${round(baseP95)} ms (ratio ${round(p95 / baseP95, 2)}); goal p95 ≤ 3× SQL and < 500 ms: ${goal.within3xSql && goal.under500ms ? 'met' : 'NOT met'}`,
    );

    // ---- export: the agreements workbook at three sizes, memory sampled ----
    const exports: { rows: number; ms: number; bytes: number; rss_before_mb: number; rss_peak_mb: number; rss_growth_mb: number }[] = [];
    let trackingExport: (typeof exports)[number] | null = null;
    if (EXPORT) {
      // A session of its own, which the agreements are moved into 25,000, 50,000 and then all at a time.
      const session = (
        await api.call<{ id: string }>(
          'POST',
          `/events/${event.eventId}/sessions`,
          {
            kind: 'bank_enterprise',
            title: '导出基准专场',
            leadDepartment: '省工业和信息化厅',
            venue: '西宁',
            startsAt: `${event.days[4] ?? event.days[0]}T09:00:00+08:00`,
            endsAt: `${event.days[4] ?? event.days[0]}T17:00:00+08:00`,
            slotMinutes: 20,
            tableCount: 20,
            registrationMode: 'open',
          },
          organiser.token,
        )
      ).id;
      const order = (await db.query<{ id: string }>(`SELECT id FROM agreement WHERE "eventId" = $1 ORDER BY id`, [event.eventId])).rows.map((r) => r.id);
      /** Downloads a workbook over HTTP: total time, bytes, and the server's RSS sampled every 50 ms. */
      const download = async (label: string, path: string, expectedRows: number | null) => {
        await new Promise((r) => setTimeout(r, 500));
        const rssBefore = rssKb(server.pid);
        let peak = rssBefore;
        const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 50);
        let bytes = 0;
        let rows = '';
        const [, exportMs] = await timed(async () => {
          const res = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${organiser.token}` } });
          if (!res.ok || !res.body) throw new Error(`${path} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
          rows = res.headers.get('x-export-rows') ?? '';
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
        }).finally(() => clearInterval(sampler));
        peak = Math.max(peak, rssKb(server.pid));
        if (expectedRows !== null && rows && Number(rows) !== expectedRows) throw new Error(`${label}: the export says ${rows} rows, expected ${expectedRows}`);
        const row = {
          rows: Number(rows) || (expectedRows ?? 0),
          ms: round(exportMs),
          bytes,
          rss_before_mb: round(rssBefore / 1024),
          rss_peak_mb: round(peak / 1024),
          rss_growth_mb: round((peak - rssBefore) / 1024),
        };
        log(
          `${label} ${row.rows} rows: ${round(exportMs / 1000, 2)} s, ${round(bytes / 1048576, 2)} MiB, server RSS ${row.rss_before_mb} → peak ${row.rss_peak_mb} MB (+${row.rss_growth_mb})`,
        );
        return row;
      };
      for (const size of [25_000, 50_000, order.length].filter((s, i, all) => s <= order.length && all.indexOf(s) === i)) {
        await db.query(`UPDATE agreement SET "sessionId" = $1 WHERE id = ANY($2::uuid[]) AND "sessionId" <> $1`, [session, order.slice(0, size)]);
        await db.query('VACUUM ANALYZE agreement');
        exports.push(await download('agreements export', `/sessions/${session}/agreements/export.xlsx`, size));
      }
      // The tracking view's export of the whole event (its signed agreements), as a second data point.
      if (TRACKING_EXPORT) trackingExport = await download('tracking export', `/events/${event.eventId}/tracking/export.xlsx`, null);
    }
    log(`total ${round((performance.now() - started) / 1000)} s`);

    const per = (xs: Record<string, number[]>, p: number) => Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, round(percentile(v, p))]));
    console.log(
      JSON.stringify({
        bench: 'figures',
        // Other work on the machine inflates every timing: the 1-minute load average at the start and end of measuring.
        load_avg: [round(loadAtStart, 2), round(loadavg()[0], 2)],
        agreements: current.agreements,
        drafting: current.drafting,
        ledger_entries: current.ledger,
        earlier_agreements: before.agreements,
        earlier_ledger_entries: before.ledger,
        reps: REPS,
        baseline_reps: BASE_REPS,
        route_p50_ms: per(routeMs, 50),
        route_p95_ms: per(routeMs, 95),
        baseline_p50_ms: per(baseMs, 50),
        baseline_p95_ms: per(baseMs, 95),
        route_overall_p95_ms: round(p95),
        baseline_overall_p95_ms: round(baseP95),
        ratio_p95: round(p95 / baseP95, 2),
        goal: 'route p95 within 3x the plain SQL p95 and under 500 ms',
        goal_within_3x_sql: goal.within3xSql,
        goal_under_500ms: goal.under500ms,
        export: EXPORT ? exports : null,
        tracking_export: trackingExport,
      }),
    );
  } finally {
    await db.end().catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
