// npm run bench:signing — agreement signing through the HTTP API against plain-pg baselines, same run.
//   --agreements S (2000)  --clients C (50)  --watchers W (300)
// Starts the built server on a fresh embedded PostgreSQL (with its default pool of
// database connections), drafts S two-party loans (not measured), then C clients, one
// per organisation, sign all 2·S signatures through the HTTP API at once while W big
// screens (a separate process) watch the event's ceremony room. A few signs are sent
// twice with the same Idempotency-Key (after the answer, and concurrently): the retry
// must get the same answer and sign nothing twice. Then checks the database (every
// acknowledged signature present and live once, every audit record placed in
// the log within seconds (sequencer_lag_p99_ms), the log verifying against its signed head) and that every
// screen shows the database's total. Then, from C plain `pg` connections to the same
// PostgreSQL, 2·S transactions of each baseline:
//   baseline_tps — the statements one signing request sends, recorded from the server
//     (sql-tap.ts) and replayed for fresh copies of an agreement: what HTTP, auth,
//     validation and the ORM cost on top of the SQL;
//   plain_tps — insert one row, update one row, commit: what the signing transaction's
//     design (its locks, its round trips) costs on top of the least a write can do.
// Progress and diagnostics (CPU per signature by process, what the database connections
// wait for, each replayed statement's time) go to stderr; the last line of stdout is JSON.
import { fork, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agreement } from '@duijie/shared';
import { Client } from 'pg';
import { Api, E2E_PASSWORD, type Actor } from '../e2e/api';
import { ADMIN, startServer, type RunningServer } from '../e2e/server';
import { fromConnections, plainTransactions, play, substitute, type Statement } from './signing-baselines';
import type { TappedStatement } from './sql-tap';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const AGREEMENTS = option('agreements', 2000);
const CLIENTS = Math.max(2, option('clients', 50));
const WATCHERS = option('watchers', 300);
/** One sign in RETRY_EVERY is re-sent after its answer, and another one sent twice at once. */
const RETRY_EVERY = 50;
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs work over items with at most `concurrency` in flight. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i], i);
    }),
  );
}

/** JSON with sorted keys: a replayed answer comes back from jsonb with its keys reordered. */
function canonical(value: unknown): string {
  const normalise = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(normalise)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, normalise((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(normalise(value));
}

/** A deterministic shuffle, so runs sign in the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

type ScreensReport = { watchers: number; equal: number; pushes: number; disconnects: number; reasons: string[]; lowestCount: number };

class Screens {
  readonly child: ChildProcess = fork(join(__dirname, 'signing-screens.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  private next<T>(kind: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { kind: string; message?: string }) => {
        if (msg.kind === 'error') reject(new Error(msg.message));
        else if (msg.kind === kind) resolve(msg as T);
        else return;
        this.child.off('message', onMessage);
      };
      this.child.on('message', onMessage);
    });
  }
  async start(url: string, screenToken: string, eventId: string): Promise<void> {
    const ready = this.next('ready');
    this.child.send({ kind: 'start', url, screenToken, eventId, watchers: WATCHERS });
    await ready;
  }
  report(eventId: string, signedCount: number, signedAmount: number): Promise<ScreensReport> {
    const r = this.next<ScreensReport>('report');
    this.child.send({ kind: 'report', eventId, signedCount, signedAmount });
    return r;
  }
  stop(): void {
    if (this.child.connected) this.child.send({ kind: 'stop' });
  }
}

type Answer = { status: number; body: unknown; at: number };
type Task = { agreementId: string; contentHash: string };
type Signer = { actor: Actor; tasks: Task[] };

/** What the signing phase saw. */
class Tally {
  acknowledged: { agreementId: string; organisationId: string }[] = [];
  latencies: number[] = [];
  /** Acknowledged signs whose answer did not carry the signature. */
  missingFromAnswer = 0;
  /** Re-sent signs whose answer differed from the first. */
  replayMismatches = 0;
  replaysChecked = 0;
  retriesAfterError = 0;
  failures: string[] = [];
}

async function send(api: Api, actor: Actor, task: Task, key: string): Promise<Answer> {
  try {
    const res = await fetch(`${api.baseUrl}/api/agreements/${task.agreementId}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}`, 'idempotency-key': key },
      body: JSON.stringify({ contentHash: task.contentHash }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, at: performance.now() };
  } catch (error) {
    return { status: 0, body: String(error), at: performance.now() };
  }
}

/** Sends until answered: a 5xx, a dropped connection or "still in progress" is retried with the same key. */
async function signUntilAnswered(api: Api, actor: Actor, task: Task, key: string, tally: Tally): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send(api, actor, task, key);
    const code = (answer.body as { code?: string } | null)?.code;
    const retry = answer.status === 0 || answer.status >= 500 || (answer.status === 409 && code === 'request_in_progress');
    if (!retry || attempt >= 20) return answer;
    if (code !== 'request_in_progress') tally.retriesAfterError += 1;
    await sleep(20 * attempt);
  }
}

async function signAll(api: Api, signers: Signer[], tally: Tally): Promise<number> {
  let sent = 0;
  const began = performance.now();
  const progress = setInterval(() => {
    const s = (performance.now() - began) / 1000;
    log(`  ${tally.acknowledged.length} signatures in ${s.toFixed(0)} s (${(tally.acknowledged.length / s).toFixed(0)}/s)`);
  }, 2000);
  try {
    await Promise.all(
      signers.map(async ({ actor, tasks }) => {
        for (const task of tasks) {
          const n = sent++;
          const key = `bench-sign-${task.agreementId}`;
          const start = performance.now();
          let answer: Answer;
          if (n % RETRY_EVERY === RETRY_EVERY / 2) {
            // The same request twice at once: one signs, the other waits for its answer (409 until then).
            const [a, b] = await Promise.all([signUntilAnswered(api, actor, task, key, tally), signUntilAnswered(api, actor, task, key, tally)]);
            answer = a.at <= b.at ? a : b;
            tally.replaysChecked += 1;
            if (a.status !== b.status || canonical(a.body) !== canonical(b.body)) tally.replayMismatches += 1;
          } else {
            answer = await signUntilAnswered(api, actor, task, key, tally);
          }
          if (answer.status !== 200) {
            tally.failures.push(`${task.agreementId} by ${actor.organisationId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
            continue;
          }
          tally.latencies.push(answer.at - start);
          tally.acknowledged.push({ agreementId: task.agreementId, organisationId: actor.organisationId });
          const party = (answer.body as Agreement).parties?.find((p) => p.organisationId === actor.organisationId);
          if (party?.signature?.contentHash !== task.contentHash) tally.missingFromAnswer += 1;
          if (n % RETRY_EVERY === 0) {
            // A retry after the answer (as if it had been lost on the way): the same answer again.
            const again = await send(api, actor, task, key);
            tally.replaysChecked += 1;
            if (again.status !== answer.status || canonical(again.body) !== canonical(answer.body)) tally.replayMismatches += 1;
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  return (performance.now() - began) / 1000;
}

/**
 * CPU seconds (user + system) used so far by the server's process and by its PostgreSQL
 * (the postmaster and its backends), and by this process and the screens' process: where
 * a 2-core machine's time goes. Linux only (/proc); zeros elsewhere.
 */
function cpuSeconds(serverPid: number, screensPid: number | undefined): { server: number; postgres: number; driver: number; screens: number } {
  const out = { server: 0, postgres: 0, driver: 0, screens: 0 };
  if (!existsSync('/proc/self/stat')) return out;
  const tick = 100; // USER_HZ
  // Own time, and (for PostgreSQL's postmaster) that of children that have ended: backends of closed connections.
  const stats = new Map<number, { ppid: number; cpu: number; children: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) / tick,
        children: (Number(fields[13]) + Number(fields[14])) / tick,
      });
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number, from: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p !== undefined && p > 1; p = stats.get(p)?.ppid) if (p === from) return true;
    return false;
  };
  for (const [pid, { cpu, children }] of stats) {
    if (pid === serverPid) out.server += cpu;
    else if (descends(pid, serverPid)) out.postgres += cpu + children;
    else if (pid === process.pid) out.driver += cpu;
    else if (pid === screensPid) out.screens += cpu;
  }
  return out;
}

/**
 * Samples what the database's connections are doing (pg_stat_activity) every 100 ms until
 * stopped; answers the mean number of connections in each state: waiting for a lock, idle
 * in a transaction (waiting for the server's next statement), running, ...
 */
function sampleActivity(db: Client): () => Promise<string> {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ what: string; n: number }>(
        `SELECT concat_ws(' ', state, wait_event_type, wait_event) AS what, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'
          GROUP BY 1`,
      );
      // Whoever lock waiters wait for, unless itself waiting for a lock: the audit chain head's holder, or an agreement's.
      const { rows: holders } = await db.query<{ what: string; n: number }>(
        `SELECT concat_ws(' ', 'lock holder', h.state, h.wait_event_type, h.wait_event) AS what, count(*)::int AS n
           FROM pg_stat_activity h
          WHERE h.pid IN (SELECT unnest(pg_blocking_pids(w.pid)) FROM pg_stat_activity w WHERE w.wait_event_type = 'Lock')
            AND h.wait_event_type IS DISTINCT FROM 'Lock'
          GROUP BY 1`,
      );
      samples += 1;
      for (const r of [...rows, ...holders]) counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
      await sleep(100);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return [...counts]
      .map(([what, n]): [string, number] => [what, n / Math.max(1, samples)])
      .filter(([, mean]) => mean >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([what, mean]) => `${what} ${mean.toFixed(1)}`)
      .join(', ');
  };
}

/** Records the SQL the server sends while `work` runs (the server was started with sql-tap.js preloaded). */
async function capture(server: RunningServer, tapFile: string, work: () => Promise<void>): Promise<TappedStatement[]> {
  rmSync(tapFile, { force: true });
  process.kill(server.pid, 'SIGWINCH');
  await sleep(200);
  await work();
  // Let what the request set off after its answer (pushes to screens and other servers) run too, to be left out below.
  await sleep(500);
  process.kill(server.pid, 'SIGWINCH');
  for (let i = 0; !existsSync(tapFile); i++) {
    if (i > 100) throw new Error('the SQL tap wrote nothing: is sql-tap.js preloaded into the server?');
    await sleep(50);
  }
  await sleep(100);
  return JSON.parse(readFileSync(tapFile, 'utf8')) as TappedStatement[];
}

/** The statements `keep` keeps, less the transactions in which it keeps nothing but their BEGIN, SET TRANSACTION and COMMIT. */
function withoutEmptyTransactions(recorded: TappedStatement[], keep: (s: TappedStatement) => boolean): TappedStatement[] {
  const isBegin = (s: TappedStatement) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(s.text);
  const isControl = (s: TappedStatement) => /^\s*SET TRANSACTION\b/i.test(s.text);
  const isEnd = (s: TappedStatement) => /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.test(s.text);
  const dropped = new Set<TappedStatement>();
  /** Per connection, its open transaction: its control statements, and whether a statement in it is kept. */
  const open = new Map<number, { control: TappedStatement[]; kept: boolean }>();
  for (const s of recorded) {
    const tx = open.get(s.connection);
    if (isBegin(s)) open.set(s.connection, { control: [s], kept: false });
    else if (tx && isEnd(s)) {
      open.delete(s.connection);
      if (!tx.kept) for (const c of [...tx.control, s]) dropped.add(c);
    } else if (tx && isControl(s)) tx.control.push(s);
    else if (tx && keep(s)) tx.kept = true;
  }
  return recorded.filter((s) => keep(s) && !dropped.has(s));
}

/**
 * One signing request's statements: what it sent for the authentication, the
 * Idempotency-Key and the transaction, and the NOTIFY that relays the change to other
 * server processes (sent after the commit, one per request). Left out: the ceremony
 * figures for the big screens — reading them, and their broadcast through the
 * socket.io adapter — which are coalesced to at most four a second per event, not one
 * per request; the adapter's heartbeats; and the audit log's sequencer and tree head signer (on their own clock).
 */
function requestStatements(recorded: TappedStatement[], eventId: string): { statements: Statement[]; transaction: number; left: number } {
  const partOfRequest = (s: TappedStatement) => {
    const values = s.values ?? [];
    if (/pg_notify/i.test(s.text)) return values.some((v) => typeof v === 'string' && v.includes('"agreement:relay"'));
    // The audit log's sequencer and tree head signer run on their own clock and connection, not per request.
    if (/\/\* audit-log \*\/|audit_tree_/.test(s.text)) return false;
    // pg-boss's polling and maintenance run on timers, whatever the requests.
    return !/socket_io_attachments|pgboss\.|^\s*(UN)?LISTEN\b/i.test(s.text) && !values.includes(eventId);
  };
  // A transaction left empty by that (the sequencer's batches: START TRANSACTION, its marked
  // statements, COMMIT on its own connection) is left out whole, its BEGIN and COMMIT too.
  const kept = withoutEmptyTransactions(recorded, partOfRequest);
  const begin = kept.findIndex((s) => /^(START TRANSACTION|BEGIN)/i.test(s.text));
  // The COMMIT may be the last statement of a message (the server writes its audit records and commits in one).
  const commit = kept.findIndex((s, i) => i > begin && /(^|;)\s*COMMIT\s*;?\s*$/i.test(s.text));
  if (begin < 0 || commit < begin) throw new Error(`no transaction in the recorded signing request:\n${kept.map((s) => s.text).join('\n')}`);
  if (process.env.BENCH_SHOW_SQL)
    for (const s of recorded.filter((r) => !kept.includes(r)))
      log(`    left out: ${s.text.replace(/\s+/g, ' ').slice(0, 100)} ${JSON.stringify(s.values).slice(0, 120)}`);
  return { statements: kept.map(({ text, values }) => ({ text, values })), transaction: commit - begin + 1, left: recorded.length - kept.length };
}

async function main(): Promise<void> {
  log(`bench:signing — ${AGREEMENTS} agreements (${AGREEMENTS * 2} signatures), ${CLIENTS} clients, ${WATCHERS} screens`);
  const tapDir = mkdtempSync(join(tmpdir(), 'duijie-bench-signing-'));
  const tapFile = join(tapDir, 'statements.json');
  const preload = `--require ${join(__dirname, 'sql-tap.js')}`;
  const server = await startServer({
    env: { LOGIN_MAX_ATTEMPTS: '1000', SQL_TAP_FILE: tapFile, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' ') },
  });
  const screens = new Screens();
  const db = new Client({ connectionString: server.databaseUrl });
  try {
    await db.connect();
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    const session = await api.liveSession(organiser, 'bank_enterprise');
    const eventId = session.eventId;

    // Organisations: half borrowers, half lenders, one signer (their admin) each; and a pair for the probe.
    const enterprises = Math.ceil(CLIENTS / 2);
    const kinds = Array.from({ length: CLIENTS + 2 }, (_, i) => (i < enterprises || i === CLIENTS ? 'enterprise' : 'bank') as 'enterprise' | 'bank');
    log(`registering ${kinds.length} organisations ...`);
    const actors: Actor[] = new Array<Actor>(kinds.length);
    await inParallel(kinds, 8, async (kind, i) => {
      const actor = await api.organisation(organiser, kind);
      await api.participate(actor, organiser, session.id, kind === 'enterprise' ? 'borrower' : 'lender');
      await api.call('POST', '/auth/step-up', { password: E2E_PASSWORD }, actor.token);
      actors[i] = actor;
    });
    const borrowers = actors.slice(0, enterprises);
    const lenders = actors.slice(enterprises, CLIENTS);
    const [probeBorrower, probeLender] = actors.slice(CLIENTS);

    const loan = (k: number, borrower: Actor, lender: Actor) => ({
      kind: 'loan',
      title: `基准贷款合同${k}`,
      amount: 1_000_000 + randomInt(99_000_000),
      termMonths: 36,
      keyTerms: '年利率3.85%，按季付息，到期还本；以厂房设备抵押。',
      parties: [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: lender.organisationId, role: 'lender' },
      ],
    });

    log(`drafting ${AGREEMENTS} agreements ...`);
    const signers: Signer[] = actors.slice(0, CLIENTS).map((actor) => ({ actor, tasks: [] }));
    const agreementIds: string[] = new Array<string>(AGREEMENTS);
    await inParallel(
      Array.from({ length: AGREEMENTS }, (_, k) => k),
      16,
      async (k) => {
        const b = k % borrowers.length;
        const l = (k + Math.floor(k / borrowers.length)) % lenders.length;
        const a = await api.call<Agreement>('POST', `/sessions/${session.id}/agreements`, loan(k, borrowers[b], lenders[l]), borrowers[b].token);
        agreementIds[k] = a.id;
        signers[b].tasks.push({ agreementId: a.id, contentHash: a.contentHash });
        signers[enterprises + l].tasks.push({ agreementId: a.id, contentHash: a.contentHash });
      },
    );
    signers.forEach((s, i) => (s.tasks = shuffled(s.tasks, i + 1)));

    // The probe: one agreement signed by both parties while the server's SQL is recorded.
    log('recording the SQL of one first and one completing signature ...');
    const probe = await api.call<Agreement>('POST', `/sessions/${session.id}/agreements`, loan(-1, probeBorrower, probeLender), probeBorrower.token);
    const probeKeys = [`probe-${randomUUID()}`, `probe-${randomUUID()}`];
    const probeSign = async (actor: Actor, key: string) => {
      const answer = await send(api, actor, { agreementId: probe.id, contentHash: probe.contentHash }, key);
      if (answer.status !== 200) throw new Error(`probe sign → ${answer.status}: ${JSON.stringify(answer.body)}`);
    };
    const first = requestStatements(await capture(server, tapFile, () => probeSign(probeBorrower, probeKeys[0])), eventId);
    const completing = requestStatements(await capture(server, tapFile, () => probeSign(probeLender, probeKeys[1])), eventId);
    for (const [name, r] of [
      ['first', first],
      ['completing', completing],
    ] as const) {
      log(
        `  ${name} signature: ${r.statements.length} statements, ${r.transaction} of them in its transaction (left out: ${r.left} of the big screens, the audit log's sequencer and timers)`,
      );
    }
    if (process.env.BENCH_SHOW_SQL) for (const s of [...first.statements, ...completing.statements]) log(`    ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    const { rows: probeParties } = await db.query<{ id: string; organisationId: string }>(
      `SELECT id, "organisationId" FROM agreement_party WHERE "agreementId" = $1`,
      [probe.id],
    );

    log(`connecting ${WATCHERS} screens ...`);
    const link = await api.call<{ token: string }>('POST', `/events/${eventId}/screen-links`, { label: '基准大屏' }, organiser.token);
    if (WATCHERS > 0) await screens.start(server.url, link.token, eventId);

    // A signing grant lasts ten minutes: renew them, so a slow setup does not cut into the signing.
    await inParallel(signers, 8, ({ actor }) => api.call('POST', '/auth/step-up', { password: E2E_PASSWORD }, actor.token));
    log(`signing ${AGREEMENTS * 2} signatures from ${CLIENTS} clients ...`);
    const tally = new Tally();
    const cpuBefore = cpuSeconds(server.pid, screens.child.pid);
    const activity = sampleActivity(db);
    const seconds = await signAll(api, signers, tally);
    const cpuAfter = cpuSeconds(server.pid, screens.child.pid);
    const busy = await activity();
    const signatures = tally.acknowledged.length;
    const perSecond = signatures / seconds;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    log(
      `signed ${signatures} in ${seconds.toFixed(1)} s: ${perSecond.toFixed(0)}/s, p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms; ${tally.replaysChecked} retries with the same key checked, ${tally.retriesAfterError} retries after errors`,
    );
    for (const f of tally.failures.slice(0, 10)) log(`  failed: ${f}`);
    const cpu = (k: keyof typeof cpuAfter) => `${(((cpuAfter[k] - cpuBefore[k]) * 1000) / Math.max(1, signatures)).toFixed(1)} ms`;
    log(
      `CPU per signature: server ${cpu('server')}, its PostgreSQL ${cpu('postgres')}, screens ${cpu('screens')}, these clients ${cpu('driver')} (wall time per signature ${((seconds * 1000) / Math.max(1, signatures)).toFixed(1)} ms, on ${availableParallelism()} cores)`,
    );
    log(`database connections not idle, on average: ${busy}`);

    // The database: every acknowledged signature is there, live, once.
    const { rows: live } = await db.query<{ agreementId: string; organisationId: string; n: number }>(
      `SELECT s."agreementId", p."organisationId", count(*)::int AS n
         FROM agreement_signature s JOIN agreement_party p ON p.id = s."partyId"
        WHERE s."voidedAt" IS NULL AND s."agreementId" = ANY($1::uuid[])
        GROUP BY 1, 2`,
      [agreementIds],
    );
    const inDb = new Map(live.map((r) => [`${r.agreementId}/${r.organisationId}`, r.n]));
    const lost = tally.acknowledged.filter((a) => !inDb.has(`${a.agreementId}/${a.organisationId}`)).length;
    const doubled = live.reduce((sum, r) => sum + (r.n - 1), 0);
    const duplicates = doubled + tally.missingFromAnswer + tally.replayMismatches;
    const { rows: statuses } = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM agreement WHERE id = ANY($1::uuid[]) GROUP BY 1`,
      [agreementIds],
    );
    log(
      `database: ${live.length} live signatures, ${lost} acknowledged but missing, ${doubled} doubled, ${tally.missingFromAnswer} answers without the signature, ${tally.replayMismatches} retries answered differently; agreements ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`,
    );
    // Every signature's audit record placed in the log (the sequencer runs on its own), and how long
    // after its write: the lag from the transaction's last step to its position.
    const placedBy = Date.now() + 30_000;
    let unsequenced = -1;
    for (; unsequenced !== 0 && Date.now() < placedBy; await sleep(200)) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_record WHERE "entityType" = 'agreement' AND "entityId" = ANY($1::text[]) AND position IS NULL`,
        [agreementIds],
      );
      unsequenced = rows[0].n;
    }
    const { rows: lagRows } = await db.query<{ p50: number | null; p99: number | null; signed: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "sequencedAt" - at) * 1000) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM "sequencedAt" - at) * 1000) AS p99,
              count(*) FILTER (WHERE action = 'agreement.signed')::int AS signed
         FROM audit_record WHERE "entityType" = 'agreement' AND "entityId" = ANY($1::text[])`,
      [agreementIds],
    );
    const lag = lagRows[0];
    log(
      `audit log: ${unsequenced} records not placed after 30 s; ${lag.signed} signature records (${live.reduce((sum, r) => sum + r.n, 0)} live signatures); sequencer lag p50 ${round(lag.p50 ?? 0)} ms, p99 ${round(lag.p99 ?? 0)} ms`,
    );
    const audit = await api.call<{ ok: boolean; checked: number; firstBroken: unknown }>('GET', '/audit/verify?full=true', undefined, organiser.token);
    log(`audit log: ${audit.ok ? 'verifies' : `BROKEN at ${JSON.stringify(audit.firstBroken)}`} (${audit.checked} positions)`);

    // The screens: each must settle on the database's figures.
    const [totals] = (
      await db.query<{ count: number; amount: string | null }>(
        `SELECT count(*)::int AS count, sum(amount)::text AS amount FROM agreement WHERE "eventId" = $1 AND status IN ('signed', 'confirmed')`,
        [eventId],
      )
    ).rows;
    let screenEqualsDb = WATCHERS === 0;
    if (WATCHERS > 0) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const r = await screens.report(eventId, totals.count, Number(totals.amount ?? 0));
        if (r.equal === WATCHERS || Date.now() > deadline) {
          screenEqualsDb = r.equal === WATCHERS;
          const cutOff = r.disconnects ? `, cut off ${r.disconnects} times and rejoined (${r.reasons.join(', ')})` : '';
          log(
            `screens: ${r.equal} of ${r.watchers} show the database's ${totals.count} agreements / ${totals.amount} yuan (${r.pushes} pushes received${cutOff}; lowest count shown ${r.lowestCount})`,
          );
          break;
        }
        await sleep(250);
      }
    }
    screens.stop();

    // Baseline: the recorded statements, replayed for S fresh copies of the probe agreement.
    log(`baseline: replaying the signing requests' SQL, ${AGREEMENTS * 2} transactions from ${CLIENTS} connections ...`);
    const copies = Array.from({ length: AGREEMENTS }, () => ({ id: randomUUID(), parties: probeParties.map(() => randomUUID()) }));
    await db.query(
      `INSERT INTO agreement ("id", "eventId", "sessionId", "kind", "title", "amount", "product", "quantity", "unit", "termMonths", "keyTerms", "listingIds", "contentHash", "draftedByOrganisationId", "draftedByUserId")
       SELECT c.id, p."eventId", p."sessionId", p."kind", p."title", p."amount", p."product", p."quantity", p."unit", p."termMonths", p."keyTerms", p."listingIds", p."contentHash", p."draftedByOrganisationId", p."draftedByUserId"
         FROM agreement p, unnest($2::uuid[]) AS c(id) WHERE p.id = $1`,
      [probe.id, copies.map((c) => c.id)],
    );
    for (const [i, party] of probeParties.entries()) {
      await db.query(
        `INSERT INTO agreement_party (id, "agreementId", "organisationId", role) SELECT u.id, u.a, p."organisationId", p.role FROM agreement_party p, unnest($2::uuid[], $3::uuid[]) AS u(id, a) WHERE p.id = $1`,
        [party.id, copies.map((c) => c.parties[i]), copies.map((c) => c.id)],
      );
    }
    const runId = randomUUID().slice(0, 8);
    const replacementsFor = (j: number): [string, string][] => [
      [probe.id, copies[j].id],
      ...probeParties.map((p, i): [string, string] => [p.id, copies[j].parties[i]]),
      [probeKeys[0], `bl-${runId}-${j}-a`],
      [probeKeys[1], `bl-${runId}-${j}-b`],
    ];
    // Each connection signs a copy for both parties in turn, so the two never wait for each other's lock.
    const times: [number[], number[]] = [[], []];
    const cpuBeforeReplay = cpuSeconds(server.pid, undefined);
    const replayed = await fromConnections(server.databaseUrl, CLIENTS, AGREEMENTS, async (client, _connection, j) => {
      await play(
        client,
        first.statements.map((s) => substitute(s, replacementsFor(j))),
        times[0],
      );
      await play(
        client,
        completing.statements.map((s) => substitute(s, replacementsFor(j))),
        times[1],
      );
    });
    const baseline = { perSecond: replayed.perSecond * 2, seconds: replayed.seconds };
    const cpuAfterReplay = cpuSeconds(server.pid, undefined);
    const replayCpu = (k: 'postgres' | 'driver' | 'server') => `${(((cpuAfterReplay[k] - cpuBeforeReplay[k]) * 1000) / (AGREEMENTS * 2)).toFixed(1)} ms`;
    log(
      `  ${baseline.perSecond.toFixed(0)} transactions/s (${baseline.seconds.toFixed(1)} s); CPU per transaction: PostgreSQL ${replayCpu('postgres')}, this client ${replayCpu('driver')}, the idle server ${replayCpu('server')}`,
    );
    log('  mean time of each statement, first and completing signature:');
    for (const [k, r] of [first, completing].entries()) {
      log(`    ${r.statements.map((s, i) => `${s.text.replace(/\s+/g, ' ').slice(0, 28)}… ${(times[k][i] / AGREEMENTS).toFixed(1)} ms`).join(' | ')}`);
    }

    log(`plain: insert one row and update one row per transaction, ${AGREEMENTS * 2} transactions from ${CLIENTS} connections ...`);
    const cpuBeforePlain = cpuSeconds(server.pid, undefined);
    const plain = await plainTransactions(server.databaseUrl, CLIENTS, AGREEMENTS * 2);
    const cpuAfterPlain = cpuSeconds(server.pid, undefined);
    const plainCpu = (k: 'postgres' | 'driver') => `${(((cpuAfterPlain[k] - cpuBeforePlain[k]) * 1000) / (AGREEMENTS * 2)).toFixed(2)} ms`;
    log(
      `  ${plain.perSecond.toFixed(0)} transactions/s (${plain.seconds.toFixed(1)} s); CPU per transaction: PostgreSQL ${plainCpu('postgres')}, this client ${plainCpu('driver')}`,
    );

    if (!audit.ok || tally.failures.length > 0 || unsequenced !== 0) process.exitCode = 1;
    console.log(
      JSON.stringify({
        signatures,
        per_s: round(perSecond),
        p99_ms: round(pct(99)),
        lost,
        duplicates,
        screen_total_equals_db: screenEqualsDb,
        baseline_tps: round(baseline.perSecond),
        plain_tps: round(plain.perSecond),
        ratio: round(perSecond / baseline.perSecond, 3),
        plain_ratio: round(perSecond / plain.perSecond, 3),
        sequencer_lag_p99_ms: round(lag.p99 ?? 0),
        unsequenced,
      }),
    );
  } finally {
    screens.stop();
    await db.end().catch(() => undefined);
    await server.stop().catch(() => undefined);
    rmSync(tapDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
