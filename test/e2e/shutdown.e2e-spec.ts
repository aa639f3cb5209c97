// Stopping the server: the built server on its embedded PostgreSQL, signalled as an
// orchestrator (SIGTERM), an impatient operator (a second signal) and a terminal's Ctrl-C
// (SIGINT to the whole process group, PostgreSQL included) would.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { ADMIN, startServer, type RunningServer } from './server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a crash on a lost database connection, or any unhandled error, leaves on stderr. */
const CRASH = /Emitted 'error' event|Unhandled|uncaught|57P01|terminating connection due to administrator command/i;

type Answer = { status: number; body: string; connection: string | undefined };

/**
 * A login whose body arrives in two parts, as from a slow uplink: the server has the request
 * (headers and half the body) and waits for the rest, so it is in flight until `finish`.
 */
function slowLogin(baseUrl: string): { finish: () => void; answer: Promise<Answer> } {
  const body = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });
  const half = Math.floor(body.length / 2);
  const { hostname, port } = new URL(baseUrl);
  const req = request({
    host: hostname,
    port,
    method: 'POST',
    path: '/api/auth/login',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      res.on('error', reject);
    });
  });
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), answer };
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

function connected(url: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const portOf = (url: string) => Number(new URL(url).port);

describe('stopping the server', () => {
  let dataDir: string;
  let server: RunningServer | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'duijie-shutdown-'));
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM refuses new connections, closes sockets, lets a running request finish, stops PostgreSQL and exits 0', async () => {
    const DRAIN_MS = 8000;
    server = await startServer({ dataDir, keepData: true, env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) } });
    const { url, databaseUrl } = server;
    const socket = await connected(url, await login(url));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const running = slowLogin(url);
    await sleep(300); // the server has the request's headers and half its body

    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');

    // New HTTP connections are refused at once, and so are new sockets.
    expect(await until(() => refused(portOf(url)), 2000)).toBe(true);
    await expect(connected(url, 'any')).rejects.toThrow();
    // Open sockets are closed as a transport loss, so their clients reconnect (elsewhere).
    expect(await disconnected).toBe('transport close');
    socket.close();

    // The request that was running gets its answer, after the signal.
    await sleep(1000);
    running.finish();
    const answer = await running.answer;
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    expect(JSON.parse(answer.body)).toHaveProperty('accessToken');
    expect(answer.connection).toBe('close');

    const exit = await server.exited;
    const took = Date.now() - signalled;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(DRAIN_MS);

    expect(server.stderr()).not.toMatch(CRASH);
    expect(server.output()).toMatch(/SIGTERM: shutting down/);
    expect(server.output()).toMatch(/Stopped in \d+ ms/);
    // The embedded PostgreSQL is stopped: its lock file is gone and its port closed.
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(await refused(portOf(databaseUrl))).toBe(true);
  });

  it('cuts short a request that outlives the drain budget, and still exits 0', async () => {
    const DRAIN_MS = 1500;
    server = await startServer({ dataDir, keepData: true, env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) } });
    const stuck = slowLogin(server.url);
    await sleep(300);
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');

    await expect(stuck.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(DRAIN_MS);
    expect(Date.now() - signalled).toBeLessThan(DRAIN_MS + 5000);
    expect(server.output()).toMatch(/cut short.*POST \/api\/auth\/login/);
    expect(server.stderr()).not.toMatch(CRASH);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('exits 1 at once on a second signal during the shutdown, and PostgreSQL still stops', async () => {
    server = await startServer({ dataDir, keepData: true, env: { SHUTDOWN_DRAIN_MS: '60000' } });
    const stuck = slowLogin(server.url);
    stuck.answer.catch(() => undefined);
    await sleep(300);
    process.kill(server.pid, 'SIGTERM');
    await sleep(1500); // past the window in which a repeat is the same Ctrl-C delivered twice
    expect(server.output()).toMatch(/SIGTERM: shutting down/);
    const again = Date.now();
    process.kill(server.pid, 'SIGTERM');

    const exit = await server.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - again).toBeLessThan(3000);
    expect(server.output()).toMatch(/SIGTERM again during the shutdown: exiting now/);
    expect(server.stderr()).not.toMatch(CRASH);
    // The exit still hands PostgreSQL its fast shutdown.
    expect(await until(() => !existsSync(join(dataDir, 'pg', 'postmaster.pid')), 10_000)).toBe(true);
    expect(await refused(portOf(server.databaseUrl))).toBe(true);
  });

  it('on a Ctrl-C that reaches PostgreSQL too, survives the database going first and exits 0', async () => {
    server = await startServer({ dataDir, keepData: true, detached: true, env: { SHUTDOWN_DRAIN_MS: '8000' } });
    const { url, pid } = server;
    const socket = await connected(url, await login(url));
    const running = slowLogin(url);
    await sleep(300);

    // A terminal's Ctrl-C: SIGINT to every process of the foreground group, PostgreSQL included.
    const signalled = Date.now();
    process.kill(-pid, 'SIGINT');
    await sleep(1000);
    running.finish();
    // The database is gone under it: the request is answered (503, to be retried), not dropped.
    const answer = await running.answer;
    expect([200, 201, 503]).toContain(answer.status);
    socket.close();

    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(8000);
    expect(server.output()).not.toMatch(/Emitted 'error' event|Unhandled|uncaught/i);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
