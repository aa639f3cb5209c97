// npm run bench:followup — the follow-up half at the scale of a province's year of agreements.
//   --agreements N (50000)  --reps R (25)
// Starts the built server on a fresh embedded PostgreSQL (jobs off, so nothing runs unasked),
// signs a few dozen agreements through the HTTP API and copies them in bulk SQL to N signed
// agreements with a year of report schedules (followup-data.ts; setup, not measured). Then:
//   sweep — the ladder's sweep (reminders, overdue marks, lapsed notices, recounts) through the
//     server's own LadderService, as the hourly job runs it: the first run on the data (it marks
//     everything that fell due in its look-back window), a second run at the same instant (it
//     must find nothing), and the next day's run (the steady state). Baseline: one plain SQL
//     statement that selects the same reminders and overdue marks into a table, from the same
//     PostgreSQL, in the same run.
//   tab — the organisers' 跟踪落实 tab (GET /events/:id/tracking) over HTTP, R times each of seven
//     queries (first page, a deep page, each state, one bank, one organisation): p50/p95. The tab
//     reads the per-agreement summary (obligation_subject) that ObligationsService keeps in every
//     write's transaction (filled here in bulk, as the copies bypass the service).
//     Baseline: a plain SQL query that answers the same first page and totals from the reports
//     themselves, without the summary (next report due per agreement by DISTINCT ON, state by
//     CASE), as the tab did before the summary; timed from a pg connection (no HTTP); its totals
//     must equal the route's.
// The last line of stdout is JSON.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dayInZone } from '@duijie/shared';
import { Api } from '../e2e/api';
import { ADMIN, E2E_SECRETS, ROOT, startServer } from '../e2e/server';
import { copyAgreements, signedTemplates } from './followup-data';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const AGREEMENTS = option('agreements', 50_000);
const REPS = option('reps', 25);
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
type App = { init(): Promise<unknown>; get<T>(token: unknown): T; close(): Promise<void> };
const { createApp } = serverRequire('./dist/bootstrap.js') as { createApp: (config: unknown, url: string, logger: false) => Promise<App> };
const { loadConfig } = serverRequire('./dist/config/config.js') as { loadConfig: (argv: string[]) => Record<string, unknown> };
const { LadderService } = serverRequire('./dist/supervision/ladder.service.js') as { LadderService: unknown };
type SweepResult = { reminded: number; overdue: number; lapsed: number; recounted: number };
type Ladder = { sweep(now: Date): Promise<SweepResult> };
const { REMINDER_WORKING_DAYS, OVERDUE_LOOKBACK_MS } = {
  ...(serverRequire('@duijie/shared') as { REMINDER_WORKING_DAYS: number }),
  ...(serverRequire('./dist/supervision/ladder.service.js') as { OVERDUE_LOOKBACK_MS: number }),
};
const { countWorkingDays, dueInstant, dueSoonUntil } = serverRequire('@duijie/shared') as {
  countWorkingDays: (day: string, n: number) => { day: string };
  dueInstant: (day: string, zone: string) => Date;
  dueSoonUntil: (now: Date, zone: string) => string;
};

type TrackingPage = { total: number; totals: Record<string, number>; items: { id: string; state: string }[] };

/**
 * The plain-SQL answer to the tab's first page from the reports themselves (no summary table):
 * each agreement's soonest outstanding report (DISTINCT ON over the event's outstanding reports),
 * its state by the same rules, totals per state, and the page sorted by the next due instant. It
 * reads every outstanding report of the event on every call; the tab reads one summary row per
 * agreement (and counts most of them by index ranges), so the baseline is now the slower of the two.
 */
const BASELINE_SQL = `
  WITH next AS (
    SELECT DISTINCT ON (o."subjectId") o."subjectId" AS id, o."dueAt", o."dueOn"
      FROM obligation o
     WHERE o."eventId" = $1 AND o.kind = 'agreement_report' AND o.state IN ('open', 'returned')
     ORDER BY o."subjectId", o."dueAt"
  ), closed AS (
    SELECT DISTINCT l."agreementId" AS id FROM agreement_ledger_entry l
     WHERE l.kind IN ('performed', 'terminated') AND l."reopenedAt" IS NULL
  ), supervised AS (
    SELECT DISTINCT so."subjectId" AS id FROM supervision_notice n JOIN obligation so ON so.id = n."obligationId"
     WHERE n."eventId" = $1 AND n.state IN ('issued', 'acknowledged')
  ), rows AS (
    SELECT a.id, a."signedAt", next."dueAt",
           CASE WHEN a.id IN (SELECT id FROM closed) THEN 'performed'
                WHEN a.id IN (SELECT id FROM supervised) THEN 'under_supervision'
                WHEN next."dueAt" <= $2 THEN 'overdue'
                WHEN next."dueOn" <= $3::date THEN 'due_soon'
                ELSE 'on_time' END AS state
      FROM agreement a LEFT JOIN next ON next.id = a.id
     WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed')
  )
  SELECT (SELECT json_object_agg(state, n) FROM (SELECT state, count(*)::int AS n FROM rows GROUP BY state) s) AS totals,
         (SELECT json_agg(p) FROM (SELECT id, state FROM rows ORDER BY "dueAt" NULLS LAST, "signedAt" DESC NULLS LAST, id LIMIT 20) p) AS page`;

async function main(): Promise<void> {
  const server = await startServer({ env: { JOBS_ENABLED: 'false' } });
  const db = new Client({ connectionString: server.databaseUrl });
  let app: App | null = null;
  try {
    await db.connect();
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    const event = await signedTemplates(api, organiser, { banks: 6, borrowers: 18, pairs: 6 });
    const now = new Date();
    const today = dayInZone(now, 'Asia/Shanghai');
    const [data, setupMs] = await timed(() => copyAgreements(db, event, AGREEMENTS, today));
    log(`${data.agreements} agreements, ${data.obligations} reports owed, in ${round(setupMs / 1000)} s`);

    // The sweep, in a server app of its own on the same database (as a process running jobs would),
    // with the server's secrets and a data folder of its own.
    Object.assign(process.env, { DATA_DIR: mkdtempSync(join(tmpdir(), 'duijie-bench-')), ...E2E_SECRETS });
    const config = { ...loadConfig([]), jobsEnabled: false, clientDist: null };
    app = await createApp(config, server.databaseUrl, false);
    await app.init();
    const ladder = app.get<Ladder>(LadderService);
    const [first, firstMs] = await timed(() => ladder.sweep(now));
    log(`sweep (first): ${JSON.stringify(first)} in ${round(firstMs)} ms`);
    const [again, againMs] = await timed(() => ladder.sweep(now));
    log(`sweep (again, same instant): ${JSON.stringify(again)} in ${round(againMs)} ms`);
    if (again.reminded + again.overdue !== 0) throw new Error('a second sweep at the same instant marked something again');
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const [next, nextMs] = await timed(() => ladder.sweep(tomorrow));
    log(`sweep (next day): ${JSON.stringify(next)} in ${round(nextMs)} ms`);

    // Baseline: the first sweep's selection (reminders and overdue marks, as of `now`) in one plain statement.
    const zone = 'Asia/Shanghai';
    const remindUntil = dueInstant(countWorkingDays(today, REMINDER_WORKING_DAYS).day, zone);
    const [baselineCount, baselineMs] = await timed(async () => {
      const r = await db.query(
        `CREATE TEMP TABLE baseline_marks AS
           SELECT o.id, o."organisationId", CASE WHEN o."dueAt" <= $2 THEN 'overdue' ELSE 'reminder' END AS kind
             FROM obligation o
            WHERE o."eventId" = $1 AND o.state IN ('open', 'returned')
              AND ((o."dueAt" > $2 AND o."dueAt" <= $3) OR (o."dueAt" > $4 AND o."dueAt" <= $2))`,
        [event.eventId, now, remindUntil, new Date(now.getTime() - OVERDUE_LOOKBACK_MS)],
      );
      return r.rowCount ?? 0;
    });
    log(`baseline sweep selection: ${baselineCount} marks in ${round(baselineMs)} ms`);
    if (baselineCount !== first.reminded + first.overdue) {
      throw new Error(`the sweep marked ${first.reminded + first.overdue}, the plain SQL selects ${baselineCount}`);
    }

    // The tab over HTTP: seven queries, REPS times each, after one warm-up round.
    const bank = event.banks[0].organisationId;
    const borrower = event.borrowers[0].organisationId;
    const queries = [
      '',
      `page=${Math.max(1, Math.floor(AGREEMENTS / 20 / 2))}`,
      'state=overdue',
      'state=due_soon',
      'state=on_time',
      `bankId=${bank}`,
      `organisationId=${borrower}`,
    ];
    const tab = (q: string) => api.call<TrackingPage>('GET', `/events/${event.eventId}/tracking?pageSize=20${q ? `&${q}` : ''}`, undefined, organiser.token);
    for (const q of queries) await tab(q);
    const tabMs: number[] = [];
    for (let r = 0; r < REPS; r++) for (const q of queries) tabMs.push((await timed(() => tab(q)))[1]);
    const first20 = await tab('');

    const soon = dueSoonUntil(now, zone);
    const base = async () =>
      (await db.query<{ totals: Record<string, number>; page: { id: string; state: string }[] }>(BASELINE_SQL, [event.eventId, now, soon])).rows[0];
    await base();
    const baselineTabMs: number[] = [];
    for (let r = 0; r < REPS * queries.length; r++) baselineTabMs.push((await timed(base))[1]);
    const reference = await base();
    for (const [state, n] of Object.entries(reference.totals)) {
      if (first20.totals[state] !== n)
        throw new Error(`tab totals ${JSON.stringify(first20.totals)} differ from plain SQL ${JSON.stringify(reference.totals)}`);
    }
    if (first20.total !== data.agreements) throw new Error(`the tab lists ${first20.total} agreements, ${data.agreements} were signed`);
    log(`tab: p50 ${round(percentile(tabMs, 50))} ms, p95 ${round(percentile(tabMs, 95))} ms; plain SQL p95 ${round(percentile(baselineTabMs, 95))} ms`);
    log(`totals: ${JSON.stringify(first20.totals)}`);

    console.log(
      JSON.stringify({
        bench: 'followup',
        agreements: data.agreements,
        obligations: data.obligations,
        sweep_first_ms: round(firstMs),
        sweep_first_marked: first.reminded + first.overdue,
        sweep_again_ms: round(againMs),
        sweep_next_day_ms: round(nextMs),
        sweep_next_day_marked: next.reminded + next.overdue,
        baseline_sweep_select_ms: round(baselineMs),
        tab_p50_ms: round(percentile(tabMs, 50)),
        tab_p95_ms: round(percentile(tabMs, 95)),
        baseline_tab_p95_ms: round(percentile(baselineTabMs, 95)),
        tab_requests: tabMs.length,
      }),
    );
  } finally {
    await app?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
