// PostgreSQL dropping the server's connections (pg_terminate_backend, as a failover or an
// administrator does) must not end the process: every pool and dedicated connection handles
// the error, and the server reconnects by itself (health, presence, the socket.io LISTEN).
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { ServerPresence } from '../common/server-presence';
import { TestApp } from '../testing/test-app';

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('losing database connections (integration)', () => {
  let t: TestApp;
  let admin: Client;
  let socket: Socket;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => void uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', record);
    t = await TestApp.start({ listen: true });
    const organiser = await t.organiser();
    // A connected socket: the adapter now LISTENs on a connection of its own.
    socket = io(t.url!, { auth: { token: organiser.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    socket?.close();
    await admin?.end();
    await t?.close();
    process.off('uncaughtException', record);
  });

  const listening = async () =>
    (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN "socket.io#%'`)).rowCount! > 0;

  it('survives pg_terminate_backend of all its connections and reconnects by itself', async () => {
    await until(listening, 'the adapter LISTENing');
    await t.http.get('/api/health').expect(200);
    const { rows } = await admin.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(3); // the pool, the presence lock, the adapter's LISTEN
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught).toEqual([]);

    await until(async () => (await t.http.get('/api/health')).status === 200, 'health answering 200 again');
    await until(() => t.app.get(ServerPresence).instance !== null, 'the presence lock held again');
    await until(listening, 'the adapter LISTENing again');
    // Broken connections were dropped from the pools, not kept: the API works on fresh ones.
    await t.http.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong-password' }).expect(401);
    expect(uncaught).toEqual([]);
  });
});
