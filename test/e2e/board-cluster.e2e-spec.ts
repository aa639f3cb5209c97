// Live boards across real server processes and through faults: two processes on one
// PostgreSQL, a tenth of the clients losing their transport mid-burst, and a server
// restart. Every client must end with exactly the database's board, with no gap or
// duplicate applied.
import { Api, steelSupply, type Actor } from './api';
import { BoardMirror, boardTruth, mirrorVersions, waitFor } from './board-mirror';
import { startRedis } from './redis';
import { ADMIN, startServer, type RunningServer } from './server';

describe.each([
  ['the PostgreSQL adapter', false],
  ['the Redis adapter', true],
])('live boards across processes and faults, through %s', (_name, useRedis) => {
  let redis: { url: string; stop: () => Promise<void> } | null = null;
  let env: Record<string, string> = {};
  let a: RunningServer;
  let b: RunningServer;
  let apiA: Api;
  let apiB: Api;
  let organiser: Actor;
  let supplier: Actor;
  let viewer: Actor;
  let sessionId: string;
  const mirrors: BoardMirror[] = [];

  beforeAll(async () => {
    if (useRedis) {
      redis = await startRedis();
      env = { REDIS_URL: redis.url };
    }
    a = await startServer({ env });
    // The second process shares the first one's PostgreSQL, like a second machine would.
    b = await startServer({ env: { ...env, DATABASE_URL: a.databaseUrl } });
    apiA = new Api(a.url);
    apiB = new Api(b.url);
    organiser = await apiA.login(ADMIN.email, ADMIN.password);
    supplier = await apiA.organisation(organiser, 'enterprise');
    viewer = await apiA.organisation(organiser, 'enterprise');
    sessionId = (await apiA.liveSession(organiser, 'upstream_downstream')).id;
    await apiA.participate(supplier, organiser, sessionId, 'supplier');
    for (const server of [a, b]) expect(server.output()).toContain(useRedis ? 'Redis pub/sub' : 'PostgreSQL LISTEN/NOTIFY');
  });

  afterEach(() => {
    for (const m of mirrors.splice(0)) m.close();
  });

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  async function expectExact(clients: BoardMirror[]): Promise<void> {
    const truth = await boardTruth(a.databaseUrl, sessionId);
    await waitFor(() => clients.every((m) => m.seq === truth.seq), `every client to reach seq ${truth.seq}`);
    for (const m of clients) expect(mirrorVersions(m)).toEqual(truth.versions);
  }

  it('delivers a change made through one process to clients connected to the other', async () => {
    const onA = new BoardMirror(a.url, { token: viewer.token }, sessionId);
    const onB = new BoardMirror(b.url, { token: viewer.token }, sessionId);
    mirrors.push(onA, onB);
    await waitFor(() => onA.state !== null && onB.state !== null, 'both clients to join');
    const viaA = await apiA.createListing(supplier, sessionId, steelSupply('经A进程发布'));
    const viaB = await apiB.createListing(supplier, sessionId, steelSupply('经B进程发布'));
    await waitFor(() => [onA, onB].every((m) => m.state!.listings.has(viaA.id) && m.state!.listings.has(viaB.id)), 'both listings on both boards');
    await expectExact([onA, onB]);
    // Totals computed on either process reach both.
    await waitFor(() => [onA, onB].every((m) => m.state!.totalsSeq === m.state!.seq), 'totals to catch up');
  });

  it('recovers clients whose transport drops in the middle of a burst', async () => {
    const clients = Array.from({ length: 40 }, (_, i) => new BoardMirror(i % 2 ? b.url : a.url, { token: viewer.token }, sessionId));
    mirrors.push(...clients);
    await waitFor(() => clients.every((m) => m.state !== null), 'all clients to join');
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 80; i++) {
      const api = i % 2 ? apiB : apiA;
      writes.push(api.createListing(supplier, sessionId, steelSupply(`突发${i}`, 100 + i)));
      if (i === 40) {
        // A tenth of the clients lose their connection without saying goodbye.
        for (const m of clients.slice(0, 4)) m.socket.io.engine.close();
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(writes);
    await expectExact(clients);
    expect(clients.slice(0, 4).every((m) => m.joins >= 2)).toBe(true);
  });

  it('brings every client back to the exact board after a server restart', async () => {
    const clients = Array.from({ length: 10 }, () => new BoardMirror(b.url, { token: viewer.token }, sessionId));
    mirrors.push(...clients);
    await waitFor(() => clients.every((m) => m.state !== null), 'all clients to join');
    const port = Number(new URL(b.url).port);
    await b.stop();
    // Changes keep coming through the other process while this one is down.
    for (let i = 0; i < 5; i++) await apiA.createListing(supplier, sessionId, steelSupply(`重启期间${i}`));
    b = await startServer({ env: { ...env, DATABASE_URL: a.databaseUrl }, port });
    await expectExact(clients);
    expect(clients.every((m) => m.joins >= 2)).toBe(true);
  });
});
