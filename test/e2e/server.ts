// Starts the built server (server/dist/main.js) as a child process with its own data
// folder, so the embedded-PostgreSQL path users take with `npm start` is what is tested.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root, from the sources (test/e2e) or their build (test/dist/e2e). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'server', 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root');
    dir = parent;
  }
  return dir;
})();
export const ADMIN = { email: 'organiser@e2e.duijie.cn', password: 'Organiser-e2e-2026' };

export type RunningServer = {
  url: string;
  /** The PostgreSQL this server uses (its embedded one, or the DATABASE_URL it was given). */
  databaseUrl: string;
  /** The server's process id (to signal it, e.g. bench:signing's SQL tap). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or the out-of-memory killer would: no shutdown at all. Keeps the data folder. */
  kill: () => Promise<void>;
  /** What the server wrote to stderr alone. */
  stderr: () => string;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Every process of a cluster signs the audit chain's head with one key (Ed25519, PKCS#8 DER base64). */
const E2E_AUDIT_SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI';

/** The secrets every process of a run shares (a bench's in-process server app joins them with these). */
export const E2E_SECRETS = { JWT_SECRET: 'e2e-secret-shared-by-every-process-of-the-run', AUDIT_SIGNING_KEY: E2E_AUDIT_SIGNING_KEY };

/**
 * The harness sets up from one address and one organiser far faster than people do (a bench
 * registers hundreds of organisations): its request and registration budgets are out of reach.
 * The budgets themselves are proved by server/src/security/rate-limits.int-spec.ts.
 */
const HARNESS_BUDGETS = { RATE_LIMIT_PER_MINUTE: '10000000', REGISTRATIONS_PER_HOUR: '1000000' };

export type ServerOptions = {
  env?: Record<string, string>;
  args?: string[];
  port?: number;
  dataDir?: string;
  keepData?: boolean;
  /** In a process group of its own (with its PostgreSQL), to signal the group as a terminal's Ctrl-C does. */
  detached?: boolean;
};

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { env: extraEnv = {}, args = [] } = options;
  const main = join(ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('server/dist/main.js is missing: run `npm run build` first (npm test does)');
  if (!existsSync(join(ROOT, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'duijie-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = options.port ?? (await freePort());
  const pgPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...E2E_SECRETS,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...HARNESS_BUDGETS,
    ...extraEnv,
  };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [main, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && output.includes('Duijie is running')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The embedded database's password is generated per data folder and kept beside it.
  const pgPassword = () => encodeURIComponent(readFileSync(join(dataDir, 'pg-password'), 'utf8').trim());
  const databaseUrl = extraEnv.DATABASE_URL ?? `postgres://duijie:${pgPassword()}@127.0.0.1:${pgPort}/duijie`;
  return {
    url,
    databaseUrl,
    pid: child.pid ?? 0,
    output: () => output,
    stderr: () => stderr,
    exited,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        let timer: NodeJS.Timeout | undefined;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
