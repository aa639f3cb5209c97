// npm run bench:rewards — assessment and rewards (考核奖励) at the scale of a province's year.
//   --institutions N (5000)  --periods P (12)  --reps R (1: runs of each period)  --engine-reps E (3)  --sql-reps S (3)
// Starts the built server on a fresh embedded PostgreSQL (jobs off). Setup (not measured, timings
// to stderr; rewards-data.ts): one event and its bank–enterprise session; N institutions (half
// banks, then enterprises, micro-loan companies, guarantee institutions and insurers), a few
// registered through the API and the rest copied in bulk SQL as approved participants; P monthly
// reporting periods of the seed's year (2011-12 onwards, the reward deadline 2012-03-31 inside it)
// opened through POST /events/:id/reward-periods, so every form and obligation is the service's
// own; each period's forms filed and reviewed in bulk SQL (a realistic spread of figures: growth
// below, at and above 5%, NPL ratios around 1–6% and at the band's ends, capital events around
// the deadline, fees past the cap, ties planted at rank 3; ~95% accepted, some after a return and
// a correction, the rest awaiting review, returned or never filed); DEFAULT_REWARD_PROGRAM created
// and published through the API. Then, per period:
//   run — POST /reward-periods/:id/runs over HTTP, the whole run: read the confirmed figures,
//     compute every rule and scheme with their reasons, store the run and one award row per
//     institution. R runs of each period (a rerun supersedes the previous one and lists the
//     changes); one untimed warm-up run of the first period before.
//   read, engine and store — the run's parts in this process, E times each: the server's own
//     confirmedFigures (built, over a pg connection), computeProgram alone over its answer (its
//     totals must equal the run's), and the award rows (the server's awardRows) written with the
//     statement RewardRunsService's insertAwards uses, 1,000 rows per INSERT, into a copy of
//     reward_award (without its foreign keys) dropped afterwards. Measured apart, under the
//     machine's load at that moment: they show where a run's time goes, they need not add up to it.
//   sql — the baseline: each rule's award per institution computed in plain SQL straight over the
//     stored form figures (jsonb, the latest version of each accepted form) from a pg connection,
//     compiled from the same program's parameters (growth_excess, rank_prize by rank() windows,
//     capital_and_volume, percent with its cap, band_compensation, threshold_prize), S times each
//     after a warm-up. The run's totals per rule, and every institution's amount in reward_award,
//     must equal the baseline's (the bench fails loudly otherwise).
// Goals: a run of 5,000 institutions under 5 s (p95), the year's 12 runs within a minute, and
// within 25× the plain SQL's time (the run also writes every institution's reasons, ~8 MB of
// jsonb a run, which the baseline does not: ~10× is its floor; a round trip per institution would
// show as far more). The last line of stdout is JSON.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  computeProgram,
  DEFAULT_REWARD_PROGRAM,
  type Condition,
  type InstitutionClass,
  type InstitutionFigures,
  type ProgramOutcome,
  type RewardProgram,
  type RewardProgramContent,
  type RewardRule,
  type RewardRun,
  type StatisticsFigures,
} from '@duijie/shared';
import { Api } from '../e2e/api';
import { ADMIN, ROOT, startServer } from '../e2e/server';
import { createInstitutions, fileForms, MIX, openPeriods, type FiledPeriod, type Period } from './rewards-data';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const INSTITUTIONS = option('institutions', 5000);
const PERIODS = option('periods', 12);
const REPS = option('reps', 1);
const ENGINE_REPS = option('engine-reps', 3);
const SQL_REPS = option('sql-reps', 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};
/** p50 and p95 over every sample, and the total for the P periods (the sum of the samples over the reps per period). */
const stats = (xs: number[], perPeriod: number) => ({
  p50: round(percentile(xs, 50)),
  p95: round(percentile(xs, 95)),
  total: round(xs.reduce((s, x) => s + x, 0) / perPeriod),
});

// The server's own modules, as built (npm run build).
const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
type Manager = { query: (sql: string, params?: unknown[]) => Promise<unknown> };
const { confirmedFigures } = serverRequire('./dist/statistics/statistics.repository.js') as {
  confirmedFigures: (manager: Manager, periodId: string, now?: Date) => Promise<{ institutions: InstitutionFigures[]; unconfirmed: unknown[] }>;
};
const { awardRows } = serverRequire('./dist/rewards/reward-runs.service.js') as {
  awardRows: (
    institutions: InstitutionFigures[],
    outcome: ProgramOutcome,
  ) => { organisationId: string; class: string; amount: number; outcomes: unknown; scores: unknown }[];
};
const { figuresProblems } = serverRequire('./dist/statistics/statistics-rules.js') as {
  figuresProblems: (cls: InstitutionClass, figures: StatisticsFigures, complete: boolean) => { field: string; message: string }[];
};

// ---- the baseline: the program's rules compiled to plain SQL over the stored figures ----

/** A numeric figure of the form's latest version (`f`), NULL when empty or not a number (as the engine reads it). */
function num(key: string): string {
  if (key.startsWith('platform.')) throw new Error(`the baseline reads only reported figures, not ${key}`);
  const k = key.replace(/'/g, "''");
  return `(CASE WHEN jsonb_typeof(f->'${k}') = 'number' THEN floor((f->>'${k}')::numeric) END)`;
}
const text = (key: string) => `(f->>'${key.replace(/'/g, "''")}')`;
const OPS: Record<Condition['op'], string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** All conditions hold (a figure not reported fails its condition). */
function conditionsSql(conditions: Condition[] | undefined): string {
  const parts = (conditions ?? []).map(
    (c) => `COALESCE(${num(c.figure)} ${OPS[c.op]} ${c.otherFigure !== undefined ? num(c.otherFigure) : `${c.value ?? 0}`}, false)`,
  );
  return parts.length ? parts.join(' AND ') : 'true';
}
const capped = (rule: RewardRule, amount: string) => (rule.cap === undefined || rule.cap === null ? amount : `LEAST(${amount}, ${Math.floor(rule.cap)})`);
/** Units of `num` yuan (≥ 0) at amountPerUnit per unit, whole units or pro rata floored (div: exact integer division). */
const perUnit = (n: string, unit: number, apu: number, rounding: string) =>
  rounding === 'whole_units' ? `(div(${n}, ${unit}) * ${apu})` : `div(${n} * ${apu}, ${unit})`;

/** One SELECT per rule: (rule, org, amount) for every accepted institution of its class. */
function ruleSql(rule: RewardRule, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const cls = add(rule.class);
  const id = add(rule.id);
  const cond = conditionsSql(rule.conditions);
  switch (rule.kind) {
    case 'growth_excess': {
      const F = num(rule.figure);
      const B = num(rule.baseFigure);
      const t = rule.thresholdBp;
      const excess = rule.excessFrom === 'threshold' ? `(${F} * 10000 - ${B} * ${10_000 + t})` : `((${F} - ${B}) * 10000)`;
      const amount = perUnit(excess, rule.unit * 10_000, rule.amountPerUnit, rule.rounding);
      return `SELECT ${id}::text AS rule, org, CASE WHEN ${cond} AND ${B} > 0 AND ${F} * 10000 > ${B} * ${10_000 + t} THEN ${capped(rule, amount)} ELSE 0 END AS amount
                FROM inst WHERE class = ${cls}`;
    }
    case 'rank_prize': {
      if (rule.ties !== 'shared_rank') throw new Error(`the baseline ranks with shared ranks only (${rule.id})`);
      const v = num(rule.figure);
      const prize = `CASE ${rule.bands.map((b) => `WHEN rnk BETWEEN ${b.fromRank} AND ${b.toRank} THEN ${b.amount}`).join(' ')} ELSE 0 END`;
      return `SELECT ${id}::text AS rule, org, CASE WHEN eligible THEN ${capped(rule, prize)} ELSE 0 END AS amount
                FROM (SELECT org, eligible, rank() OVER (PARTITION BY eligible ORDER BY v DESC) AS rnk
                        FROM (SELECT org, ${v} AS v, (${cond} AND ${v} IS NOT NULL) AS eligible FROM inst WHERE class = ${cls}) e) r`;
    }
    case 'capital_and_volume': {
      const approved = text('capitalApprovedOn');
      const deadline = rule.deadline === null ? null : add(rule.deadline);
      const applies = `${cond} AND ${text('capitalEvent')} = ${add(rule.capitalEvent)} AND ${approved} ~ '^\\d{4}-\\d{2}-\\d{2}$' AND ${approved} <= p."endsOn"`;
      const capital = `CASE WHEN ${approved} >= p."startsOn" ${deadline ? `AND ${approved} <= ${deadline}` : ''} AND ${num(rule.capitalFigure)} IS NOT NULL
                            THEN div(GREATEST(0, ${num(rule.capitalFigure)}) * ${rule.capitalBp}, 10000) ELSE 0 END`;
      const V = num(rule.volumeFigure);
      const Bv = rule.volumeBaseFigure === null ? '0' : num(rule.volumeBaseFigure);
      const volume = `CASE WHEN ${deadline ? `p."endsOn" <= ${deadline} AND ` : ''}${V} IS NOT NULL AND ${Bv} IS NOT NULL AND ${V} - ${Bv} > 0
                           THEN ${perUnit(`(${V} - ${Bv})`, rule.unit, rule.amountPerUnit, rule.rounding)} ELSE 0 END`;
      return `SELECT ${id}::text AS rule, org, CASE WHEN ${applies} THEN ${capped(rule, `(${capital}) + (${volume})`)} ELSE 0 END AS amount
                FROM inst, p WHERE class = ${cls}`;
    }
    case 'percent': {
      const sum = rule.figures.map((k) => `COALESCE(GREATEST(0, ${num(k)}), 0)`).join(' + ');
      return `SELECT ${id}::text AS rule, org, CASE WHEN ${cond} THEN ${capped(rule, `div((${sum}) * ${rule.bp}, 10000)`)} ELSE 0 END AS amount
                FROM inst WHERE class = ${cls}`;
    }
    case 'band_compensation': {
      const base = num(rule.baseFigure);
      const ratio = num(rule.ratioFigure);
      const amount = `div(${base} * (LEAST(${ratio}, ${rule.highBp}) - ${rule.lowBp}) * ${rule.bp}, 100000000)`;
      return `SELECT ${id}::text AS rule, org, CASE WHEN ${cond} AND ${base} > 0 AND ${ratio} > ${rule.lowBp} THEN ${capped(rule, amount)} ELSE 0 END AS amount
                FROM inst WHERE class = ${cls}`;
    }
    case 'threshold_prize': {
      const v = num(rule.figure);
      return `SELECT ${id}::text AS rule, org, CASE WHEN ${cond} AND ${v} >= ${rule.min} THEN ${capped(rule, String(rule.amount))} ELSE 0 END AS amount
                FROM inst WHERE class = ${cls}`;
    }
  }
}

/**
 * The whole program's money rules for one period in one statement: the accepted forms' latest
 * figures, every rule's award per institution, and the totals per rule and per institution.
 */
function baselineSql(content: RewardProgramContent, periodId: string): [string, unknown[]] {
  const params: unknown[] = [periodId];
  const rules = content.rules.map((r) => ruleSql(r, params)).join('\n UNION ALL ');
  return [
    `WITH p AS (SELECT to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn" FROM reward_period WHERE id = $1),
     inst AS MATERIALIZED (
       SELECT DISTINCT ON (fm.id) fm."organisationId" AS org, fm.class, v.figures AS f
         FROM statistics_form fm
         JOIN obligation o ON o.id = fm."obligationId"
         JOIN statistics_form_version v ON v."formId" = fm.id
        WHERE fm."periodId" = $1 AND o.state = 'accepted'
        ORDER BY fm.id, v.n DESC
     ), awards AS MATERIALIZED (${rules})
     SELECT (SELECT count(*)::int FROM inst) AS institutions,
            (SELECT json_object_agg(rule, total) FROM (SELECT rule, sum(amount)::bigint::text AS total FROM awards GROUP BY rule) r) AS "byRule",
            (SELECT json_object_agg(org, total) FROM (SELECT org, sum(amount)::bigint::text AS total FROM awards GROUP BY org) o) AS "byOrg"`,
    params,
  ];
}

/** JSON with keys sorted, to compare objects whatever order their keys were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

type BaselineAnswer = { institutions: number; byRule: Record<string, string>; byOrg: Record<string, string> };

async function main(): Promise<void> {
  const started = performance.now();
  const server = await startServer({ env: { JOBS_ENABLED: 'false' } });
  const db = new Client({ connectionString: server.databaseUrl });
  const manager: Manager = { query: async (sql, params) => (await db.query(sql, params as unknown[])).rows };
  try {
    await db.connect();
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    log(`server up in ${round((performance.now() - started) / 1000)} s`);

    // ---- setup (not measured) ----
    const [ev, instMs] = await timed(() => createInstitutions(api, db, organiser, INSTITUTIONS));
    const byClass = Object.fromEntries(MIX.map((m) => [m.cls, ev.institutions.filter((i) => i.cls === m.cls).length]));
    log(`${ev.institutions.length} institutions (${JSON.stringify(byClass)}), approved participants, in ${round(instMs / 1000)} s`);
    const dueOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const opened = await openPeriods(api, organiser, ev.eventId, PERIODS, dueOn);
    const openMs = opened.map((o) => o.ms);
    log(
      `${opened.length} periods opened through the API (${opened[0]?.period.forms.owed} forms owed each): p50 ${round(percentile(openMs, 50))} ms, max ${round(Math.max(...openMs))} ms per period`,
    );
    const periods: Period[] = opened.map((o) => o.period);
    const check = (cls: InstitutionClass, f: StatisticsFigures) => {
      const problems = figuresProblems(cls, f, true);
      return problems.length ? problems.map((p) => `${p.field} ${p.message}`).join('; ') : null;
    };
    const filed: FiledPeriod[] = [];
    const [, fileMs] = await timed(async () => {
      for (const [i, period] of periods.entries()) filed.push(await fileForms(db, ev, period, 1000 + i, check));
    });
    const sum = (k: keyof FiledPeriod) => filed.reduce((s, f) => s + f[k], 0);
    log(
      `forms filed and reviewed in bulk SQL in ${round(fileMs / 1000)} s: ${sum('versions')} versions; accepted ${sum('accepted')} + ${sum('corrected')} after a correction, ${sum('submitted')} awaiting review, ${sum('returned')} returned, ${sum('open')} never filed`,
    );
    const draft = await api.call<RewardProgram>(
      'POST',
      `/events/${ev.eventId}/reward-programs`,
      { name: '金融支持工业经济平稳发展奖励办法', content: DEFAULT_REWARD_PROGRAM },
      organiser.token,
    );
    const program = await api.call<RewardProgram>('POST', `/reward-programs/${draft.id}/publish`, { version: draft.version }, organiser.token);
    log(`program ${program.name} v${program.versionNo} ${program.state}`);
    await db.query('VACUUM ANALYZE');
    log(`setup done at ${round((performance.now() - started) / 1000)} s`);

    // ---- run: the route over HTTP ----
    const compute = (period: Period) => api.call<RewardRun>('POST', `/reward-periods/${period.id}/runs`, { programId: program.id }, organiser.token);
    const [warm, warmMs] = await timed(() => compute(periods[0]));
    log(`warm-up run of ${periods[0].name}: ${warm.institutions} institutions in ${round(warmMs)} ms`);
    const loadAtStart = loadavg()[0];
    const runMs: number[] = [];
    const runs = new Map<string, RewardRun>();
    for (let r = 0; r < REPS; r++) {
      for (const period of periods) {
        const [run, ms] = await timed(() => compute(period));
        runMs.push(ms);
        runs.set(period.id, run);
        log(
          `run ${period.name} #${run.seq}: ${run.institutions} institutions (${run.unconfirmed} left out), total ${run.totals.total} yuan, ${run.changes.length} changes, in ${round(ms)} ms`,
        );
      }
    }

    // ---- read and engine: the same inputs in this process ----
    const readMs: number[] = [];
    const engineMs: number[] = [];
    const storeMs: number[] = [];
    // The run's award rows written as RewardRunsService's insertAwards writes them (1,000 rows per
    // INSERT … SELECT FROM jsonb_to_recordset), into a copy of reward_award without its foreign keys.
    await db.query(`DROP TABLE IF EXISTS bench_award_probe`);
    await db.query(`CREATE TABLE bench_award_probe (LIKE reward_award INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const store = async (rows: ReturnType<typeof awardRows>) => {
      const runId = randomUUID();
      for (let start = 0; start < rows.length; start += 1000) {
        const chunk = rows
          .slice(start, start + 1000)
          .map((r) => ({ organisationId: r.organisationId, class: r.class, amount: r.amount, outcomes: r.outcomes, scores: r.scores }));
        await db.query(
          `INSERT INTO bench_award_probe ("runId", "organisationId", class, amount, outcomes, scores)
           SELECT $1, r."organisationId", r.class, r.amount, r.outcomes, r.scores
             FROM jsonb_to_recordset($2::jsonb) AS r("organisationId" uuid, class varchar, amount bigint, outcomes jsonb, scores jsonb)`,
          [runId, JSON.stringify(chunk)],
        );
      }
    };
    for (const period of periods) {
      let inputs: InstitutionFigures[] = [];
      for (let e = 0; e < ENGINE_REPS; e++) {
        const [figures, ms] = await timed(() => confirmedFigures(manager, period.id));
        readMs.push(ms);
        inputs = figures.institutions;
      }
      const span = { startsOn: period.startsOn, endsOn: period.endsOn };
      computeProgram(DEFAULT_REWARD_PROGRAM, inputs, span);
      for (let e = 0; e < ENGINE_REPS; e++) {
        const t0 = performance.now();
        const outcome = computeProgram(DEFAULT_REWARD_PROGRAM, inputs, span);
        engineMs.push(performance.now() - t0);
        const run = runs.get(period.id)!;
        if (canonical(outcome.totals) !== canonical(run.totals)) {
          throw new Error(
            `[${period.name}] the engine in process differs from the run:\n engine ${JSON.stringify(outcome.totals)}\n run    ${JSON.stringify(run.totals)}`,
          );
        }
        const rows = awardRows(inputs, outcome);
        storeMs.push((await timed(() => store(rows)))[1]);
      }
    }
    await db.query(`DROP TABLE bench_award_probe`);
    log(
      `read (confirmedFigures over pg) p50 ${round(percentile(readMs, 50))} ms; engine (computeProgram) p50 ${round(percentile(engineMs, 50))} ms, p95 ${round(percentile(engineMs, 95))} ms; store (award rows) p50 ${round(percentile(storeMs, 50))} ms`,
    );

    // ---- sql: the baseline, and the check ----
    const sqlMs: number[] = [];
    let awarded = 0;
    /** The size of each run's award rows as stored (outcomes and scores with their reasons, jsonb, compressed where large). */
    const storedBytes: number[] = [];
    let grandTotal = 0;
    for (const period of periods) {
      const [text, params] = baselineSql(program.content, period.id);
      const [[answer]] = await timed(async () => (await db.query<BaselineAnswer>(text, params)).rows);
      for (let s = 0; s < SQL_REPS; s++) sqlMs.push((await timed(() => db.query(text, params)))[1]);
      const run = runs.get(period.id)!;
      const byRule = Object.fromEntries(Object.entries(answer.byRule ?? {}).map(([k, v]) => [k, Number(v)]));
      const wanted = Object.fromEntries(program.content.rules.map((r) => [r.id, byRule[r.id] ?? 0]));
      const got = Object.fromEntries(program.content.rules.map((r) => [r.id, run.totals.byRule[r.id] ?? 0]));
      if (JSON.stringify(wanted) !== JSON.stringify(got) || answer.institutions !== run.institutions) {
        throw new Error(
          `[${period.name}] the run's totals per rule differ from plain SQL:\n run      ${run.institutions} institutions ${JSON.stringify(got)}\n baseline ${answer.institutions} institutions ${JSON.stringify(wanted)}`,
        );
      }
      const stored = (
        await db.query<{ org: string; amount: string }>(`SELECT "organisationId" AS org, amount::text FROM reward_award WHERE "runId" = $1`, [run.id])
      ).rows;
      const expected = answer.byOrg ?? {};
      const wrong = stored.filter((s) => expected[s.org] !== s.amount);
      if (stored.length !== Object.keys(expected).length || wrong.length > 0) {
        throw new Error(
          `[${period.name}] ${stored.length} awards stored, ${Object.keys(expected).length} in plain SQL; ${wrong.length} differ, e.g. ${wrong
            .slice(0, 3)
            .map((w) => `${w.org}: run ${w.amount}, SQL ${expected[w.org]}`)
            .join('; ')}`,
        );
      }
      const [{ bytes }] = (
        await db.query<{ bytes: string }>(`SELECT COALESCE(sum(pg_column_size(a.*)), 0)::bigint::text AS bytes FROM reward_award a WHERE "runId" = $1`, [
          run.id,
        ])
      ).rows;
      storedBytes.push(Number(bytes));
      awarded += stored.filter((s) => s.amount !== '0').length;
      grandTotal += run.totals.total;
      log(`${period.name}: totals per rule and ${stored.length} awards equal to plain SQL (${JSON.stringify(got)})`);
    }
    const run = stats(runMs, REPS);
    const engine = stats(engineMs, ENGINE_REPS);
    const read = stats(readMs, ENGINE_REPS);
    const sql = stats(sqlMs, SQL_REPS);
    const storeStats = stats(storeMs, ENGINE_REPS);
    const goal = { runUnder5s: run.p95 < 5_000, yearUnder1min: run.total < 60_000, within25xSql: run.total <= 25 * sql.total };
    const met = goal.runUnder5s && goal.yearUnder1min && goal.within25xSql;
    log(
      `run p50 ${run.p50} ms p95 ${run.p95} ms, ${PERIODS} periods ${round(run.total / 1000, 2)} s | engine p50 ${engine.p50} ms | plain SQL p50 ${sql.p50} ms p95 ${sql.p95} ms, ${round(sql.total / 1000, 2)} s | ratio ${round(run.total / sql.total, 1)}`,
    );
    log(
      `goals (run p95 < 5 s, ${PERIODS} runs < 1 min, within 25× plain SQL): ${met ? 'met' : 'NOT met'}; total ${round((performance.now() - started) / 1000)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'rewards',
        load_avg: [round(loadAtStart, 2), round(loadavg()[0], 2)],
        institutions: ev.institutions.length,
        by_class: byClass,
        periods: PERIODS,
        reps: REPS,
        confirmed_per_period: round(filed.reduce((s, f) => s + f.accepted + f.corrected, 0) / PERIODS, 0),
        form_versions: sum('versions'),
        open_period_ms: { p50: round(percentile(openMs, 50)), max: round(Math.max(...openMs)) },
        run,
        read,
        engine,
        sql,
        store: storeStats,
        award_rows_mb_per_run: round(storedBytes.reduce((a, b) => a + b, 0) / storedBytes.length / 1048576, 2),
        ratio: round(run.total / sql.total, 1),
        ratio_p50: round(run.p50 / sql.p50, 1),
        awarded_institution_periods: awarded,
        awarded_total_yuan: grandTotal,
        goal: 'run p95 under 5 s for 5,000 institutions; 12 periods under 1 min; run total within 25x the plain SQL total',
        goal_met: met,
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
