import { parseExpression } from 'cron-parser';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Typed configuration read once from the environment and validated at start. */
export type AppConfig = {
  port: number;
  host: string;
  /** Unset means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  /** When set, socket.io fans out through Redis instead of PostgreSQL. */
  redisUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  adminEmail: string;
  /** Null: the first start generates one and prints it once. */
  adminPassword: string | null;
  /** Express `trust proxy`: null (off), a hop count, or addresses/subnets of the proxies. */
  trustProxy: number | string | null;
  publicUrl: string;
  demo: boolean;
  clientDist: string | null;
  loginMaxAttempts: number;
  /** A client further behind than this many board events gets a snapshot instead of a replay. */
  boardReplayLimit: number;
  loginWindowSeconds: number;
  /** HTTP requests a minute per signed-in user (or per address without a login). */
  rateLimitPerMinute: number;
  /** Self-registrations an hour per address. */
  registrationsPerHour: number;
  /** Messages a second per socket (bursts of twice that). */
  socketMessagesPerSecond: number;
  /** Matching score points an in-province supplier gains over an otherwise equal one (本地优先). */
  matchLocalBonus: number;
  /** Time the meeting scheduler may search per run (it stops earlier at a proven optimum). */
  schedulerBudgetMs: number;
  /** Threads of the scheduler's exact phase; unset: the scheduler's default (2, or 1 on one core). */
  schedulerThreads: number | undefined;
  /** Ed25519 key signing the audit log's tree heads (PKCS#8 PEM or base64 DER); unset: a key file in dataDir. */
  auditSigningKey: string | null;
  /** How often, at most, the sequencer signs the log's tree head while it grows. */
  auditHeadIntervalSeconds: number;
  /** After SIGTERM/SIGINT: how long running requests and background jobs get to finish before they are cut short. */
  shutdownDrainMs: number;
  /** Whether this process runs queued and scheduled jobs (JOBS_ENABLED); one that does not still enqueues them. */
  jobsEnabled: boolean;
  /** How often an idle job worker asks the queue for work, and how often due schedules are checked. */
  jobsPollIntervalMs: number;
  /** How often the queue's upkeep runs (in one process at a time): jobs of a dead process are retried, old ones archived. */
  jobsMaintenanceSeconds: number;
  /** When the follow-up ladder's sweep runs (reminders, overdue marks, lapsed supervision notices): a cron expression in Asia/Shanghai. */
  ladderSweepCron: string;
  /** Where uploaded files go: an S3-compatible bucket when S3_BUCKET is set, else the disk under dataDir. */
  s3: S3Config | null;
  /** Notifications are also emailed when set (smtp:// or smtps://user:pass@host:port); unset: no email. */
  smtpUrl: string | null;
  /** The From address of those emails. */
  smtpFrom: string;
};

/** An S3-compatible bucket (AWS S3, MinIO, Alibaba OSS, Tencent COS …), addressed path-style at `endpoint`. */
export type S3Config = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

export const DEFAULT_ADMIN_EMAIL = 'admin@duijie.local';
/** The password earlier versions published as the default; refused in production. */
export const DEFAULT_ADMIN_PASSWORD = 'Duijie-admin-2026';

/**
 * Which proxies may tell us the client address (X-Forwarded-For). `true` would trust any
 * sender, so anybody could pick the address the login limiter counts: refused.
 */
function trustProxy(raw: string | undefined): number | string | null {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') {
    throw new Error(
      'Configuration: TRUST_PROXY=true trusts spoofable X-Forwarded-For headers; give the number of proxy hops (e.g. 1) or their addresses/subnets (e.g. loopback, 10.0.0.0/8)',
    );
  }
  return raw;
}

const repoRoot = resolve(__dirname, '..', '..', '..');

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Configuration: ${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A cron expression (minute hour day-of-month month day-of-week); unset or empty means `fallback`. */
function cron(name: string, fallback: string): string {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  try {
    if (raw.split(/\s+/).length !== 5) throw new Error('five fields');
    // The parser jobs/cron.ts (assertSchedule) uses; config sits below jobs in layers.json.
    parseExpression(raw, { tz: 'Asia/Shanghai' });
  } catch {
    throw new Error(
      `Configuration: ${name} must be a cron expression (minute hour day-of-month month day-of-week, e.g. "${fallback}"), got "${process.env[name]}"`,
    );
  }
  return raw;
}

/** A yes/no setting: true/1/yes or false/0/no (case-insensitive); unset or empty means `fallback`. */
function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`Configuration: ${name} must be true or false, got "${process.env[name]}"`);
}

/**
 * A local start without JWT_SECRET gets a random secret kept in the data folder, so
 * tokens survive restarts. Several processes must share one: set JWT_SECRET.
 */
function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(argv: readonly string[] = process.argv): AppConfig {
  const env = process.env;
  const port = int('PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR ?? join(repoRoot, '.data'));
  const jwtSecret = env.JWT_SECRET ?? localJwtSecret(dataDir);
  if (jwtSecret.length < 32) throw new Error('Configuration: JWT_SECRET must be at least 32 characters');
  const clientDist = env.CLIENT_DIST ?? join(repoRoot, 'client', 'dist');
  const production = env.NODE_ENV === 'production' || Boolean(env.DATABASE_URL);
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (production && adminPassword === DEFAULT_ADMIN_PASSWORD) {
    throw new Error('Configuration: ADMIN_PASSWORD is the published default password; choose another one (or leave it unset to have one generated)');
  }
  if (adminPassword !== null && adminPassword.length < 10) throw new Error('Configuration: ADMIN_PASSWORD must be at least 10 characters');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
    dataDir,
    embeddedPgPort: int('EMBEDDED_PG_PORT', 5433, 1024, 65535),
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    adminEmail: env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL,
    adminPassword,
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    demo: argv.includes('--demo') || env.DEMO === '1' || env.DEMO === 'true',
    clientDist: existsSync(clientDist) ? clientDist : null,
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', 10, 1, 1000),
    boardReplayLimit: int('BOARD_REPLAY_LIMIT', 500, 1, 100_000),
    matchLocalBonus: int('MATCH_LOCAL_BONUS', 5, 0, 30),
    schedulerBudgetMs: int('SCHEDULER_BUDGET_MS', 8000, 100, 120_000),
    schedulerThreads: env.SCHEDULER_THREADS ? int('SCHEDULER_THREADS', 2, 1, 16) : undefined,
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 1, 10_000_000),
    registrationsPerHour: int('REGISTRATIONS_PER_HOUR', 20, 1, 1_000_000),
    socketMessagesPerSecond: int('SOCKET_MESSAGES_PER_SECOND', 20, 1, 100_000),
    auditSigningKey: env.AUDIT_SIGNING_KEY || null,
    auditHeadIntervalSeconds: int('AUDIT_HEAD_INTERVAL_SECONDS', 5, 1, 3600),
    shutdownDrainMs: int('SHUTDOWN_DRAIN_MS', 10_000, 0, 600_000),
    jobsEnabled: flag('JOBS_ENABLED', true),
    jobsPollIntervalMs: int('JOBS_POLL_INTERVAL_MS', 2000, 500, 60_000),
    jobsMaintenanceSeconds: int('JOBS_MAINTENANCE_SECONDS', 30, 1, 3600),
    ladderSweepCron: cron('LADDER_SWEEP_CRON', '1 * * * *'),
    s3: s3Config(env),
    smtpUrl: smtpUrl(env.SMTP_URL),
    smtpFrom: env.SMTP_FROM || 'Duijie <no-reply@duijie.local>',
  };
}

/** SMTP_URL must be an smtp:// or smtps:// address with a host. */
function smtpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('Configuration: SMTP_URL must be a URL such as smtp://user:password@smtp.example.com:587');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new Error('Configuration: SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587');
  }
  return raw;
}

/** S3_BUCKET turns the S3-compatible file store on; its endpoint and keys are then required. */
function s3Config(env: NodeJS.ProcessEnv): S3Config | null {
  if (!env.S3_BUCKET) return null;
  const missing = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Configuration: S3_BUCKET is set, so ${missing.join(', ')} must be set too`);
  const endpoint = (env.S3_ENDPOINT as string).replace(/\/$/, '');
  if (!/^https?:\/\/[^/]+$/.test(endpoint))
    throw new Error('Configuration: S3_ENDPOINT must be an http(s) origin such as https://s3.cn-north-1.amazonaws.com.cn');
  return {
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
