// npm run bench:board — live-board delivery against a bare socket.io baseline, same run.
//   --clients N (1000)  --rate updates/s (20)  --seconds T (30)
// Starts the built server on a fresh embedded PostgreSQL, connects N socket.io clients
// from a separate process to one session, creates listings through the HTTP API at a
// steady rate, and measures per client the delay from each write's acknowledgement to
// the board event's receipt. Then the same clients, rate and message size against a
// bare socket.io server. The last line is JSON.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Api, steelSupply } from '../e2e/api';
import { ADMIN, startServer } from '../e2e/server';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CLIENTS = option('clients', 1000);
const RATE = option('rate', 20);
const SECONDS = option('seconds', 30);
const now = () => performance.timeOrigin + performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);

type Report = { clients: number; updates: number; delivered: number; duplicates: number; p50: number; p99: number; max: number };

class ClientProcess {
  private readonly child: ChildProcess = fork(join(__dirname, 'board-clients.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
  async start(url: string, auth: Record<string, string>, sessionId: string | null): Promise<void> {
    const ready = this.next('ready');
    this.child.send({ kind: 'start', url, auth, sessionId, clients: CLIENTS, writes: RATE * SECONDS });
    await ready;
  }
  acks(acks: [number, number][]): void {
    this.child.send({ kind: 'acks', acks });
  }
  report(): Promise<Report> {
    const r = this.next<Report>('report');
    this.child.send({ kind: 'report' });
    return r;
  }
  stop(): void {
    this.child.send({ kind: 'stop' });
  }
}

/** Writes at a steady rate for the run's duration; returns the acknowledgement time of each. */
async function steadyWrites(write: (i: number) => Promise<void>, clients: ClientProcess): Promise<number> {
  const total = RATE * SECONDS;
  const began = now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / RATE;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(write(i).then(() => clients.acks([[i, now()]])));
  }
  await Promise.all(inFlight);
  return total;
}

async function settle(clients: ClientProcess, expected: number): Promise<Report> {
  // Give pushes in flight up to ten seconds to land once the writes are acknowledged.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = await clients.report();
    if (r.delivered >= expected || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 250));
  }
}

async function main(): Promise<void> {
  log(`bench:board — ${CLIENTS} clients, ${RATE} updates/s for ${SECONDS} s`);
  const server = await startServer({ env: { LOGIN_MAX_ATTEMPTS: '1000', DB_POOL_SIZE: '20' } });
  const clients = new ClientProcess();
  try {
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    const supplier = await api.organisation(organiser, 'enterprise');
    const viewer = await api.organisation(organiser, 'enterprise');
    const session = await api.liveSession(organiser, 'upstream_downstream');
    await api.participate(supplier, organiser, session.id, 'supplier');
    const sample = await api.createListing(supplier, session.id, steelSupply('样本'));
    const eventSize = JSON.stringify({ type: 'listing.created', listing: await api.call('GET', `/listings/${sample.id}`, undefined, viewer.token) }).length;

    log(`connecting ${CLIENTS} clients to Duijie ...`);
    await clients.start(server.url, { token: viewer.token }, session.id);
    log('writing ...');
    const updates = await steadyWrites(async (i) => {
      await api.createListing(supplier, session.id, steelSupply(`基准${i}`, 100 + i));
    }, clients);
    const duijie = await settle(clients, updates * CLIENTS);
    log(`duijie: ${JSON.stringify(duijie)}`);
    await server.stop();

    // Baseline: the same clients, rate and message size on a bare socket.io server.
    const bare = fork(join(__dirname, 'bare-server.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve) => bare.once('message', (m: { port: number }) => resolve(m.port)));
    const bareUrl = `http://127.0.0.1:${port}`;
    log(`connecting ${CLIENTS} clients to the bare socket.io server ...`);
    await clients.start(bareUrl, {}, null);
    const padding = 'x'.repeat(Math.max(0, eventSize - 60));
    const baselineUpdates = await steadyWrites(async (i) => {
      const res = await fetch(`${bareUrl}/emit`, { method: 'POST', body: JSON.stringify({ seq: i + 1, index: i, padding }) });
      await res.arrayBuffer();
    }, clients);
    const baseline = await settle(clients, baselineUpdates * CLIENTS);
    log(`baseline: ${JSON.stringify(baseline)}`);
    bare.kill();

    const expected = updates * CLIENTS;
    const round = (x: number) => Math.round(x * 100) / 100;
    console.log(
      JSON.stringify({
        clients: duijie.clients,
        updates,
        expected,
        delivered: duijie.delivered,
        lost: expected - duijie.delivered,
        duplicates: duijie.duplicates,
        p50_ms: round(duijie.p50),
        p99_ms: round(duijie.p99),
        baseline_p50_ms: round(baseline.p50),
        baseline_p99_ms: round(baseline.p99),
        ratio_p99: round(duijie.p99 / Math.max(baseline.p99, 0.01)),
      }),
    );
  } finally {
    clients.stop();
    await server.stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
