import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { Tx } from '../common/unit-of-work/unit-of-work';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { assertSchedule, latestOccurrence, occurrenceJobId, SCHEDULE_CATCH_UP_MS } from './cron';

/** The PostgreSQL schema pg-boss keeps its tables in, beside TypeORM's (decision 0011). */
export const JOBS_SCHEMA = 'pgboss';
/** Finished jobs move to the archive after a day (and leave it after pg-boss's 7 days): longer than a schedule's catch-up window. */
const ARCHIVE_AFTER_SECONDS = 24 * 3600;
/** How long `onModuleDestroy` lets running jobs finish when the app closes without the shutdown sequence (tests). */
const CLOSE_WAIT_MS = 2000;
/** The singleton key of a job sent by a schedule: this prefix and the occurrence it runs for. */
const SCHEDULED = 'schedule:';

/** A job's data: a JSON object. */
export type JobPayload = Record<string, unknown>;

/**
 * The payload of each named queue, for the compiler: a capability declares its queues by
 * augmenting this interface (`declare module '../jobs/job-queue' { interface JobPayloads { … } }`),
 * so `send` and `register` check the payload. A name not declared takes any object.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}
export type PayloadOf<K extends string> = K extends keyof JobPayloads ? JobPayloads[K] : JobPayload;

export type JobContext = {
  id: string;
  name: string;
  /** 1 at the first run, 2 at the first retry, … */
  attempt: number;
  /** The occurrence a schedule sent this job for; null for a job sent with `send`. */
  scheduledFor: Date | null;
  /**
   * Aborted when this process gives up on the job: its time (`expireInSeconds`) ran out, or the
   * process is stopping and the job was released for another process to retry. Long handlers
   * check it between steps; work not yet committed then rolls back.
   */
  signal: AbortSignal;
};

export type JobHandler<P = JobPayload> = (payload: P, job: JobContext) => unknown;

/**
 * pg-boss's queue policies: 'standard' (every send is a job), 'short' (a send whose
 * singletonKey matches a job still waiting is dropped: `send` answers null; jobs without a key
 * share one), 'singleton' (jobs with the same key never run at the same time), 'stately' (both).
 */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export type QueueOptions = {
  /** Jobs of this queue one process runs at once (default 1). */
  concurrency?: number;
  /** Runs after the first that a failing, timed-out, released or crashed job gets (default 3). */
  retryLimit?: number;
  /** Seconds before a retry (default 10), doubled at each retry unless `retryBackoff` is false. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * A run not finished after this long is given up on and retried (default 15 minutes). It is
   * also how long a job taken by a process that died waits before another process retries it.
   */
  expireInSeconds?: number;
  policy?: QueuePolicy;
};

export type SendOptions = {
  /** What the queue's policy deduplicates on (see QueuePolicy); on a 'standard' queue a label only. */
  singletonKey?: string;
  /** Not before this time (a Date), or this many seconds from now. */
  startAfter?: Date | number;
  /**
   * The unit of work to enqueue in: the job's row is written on the transaction's connection,
   * so it exists exactly when the change commits (a rollback enqueues nothing, and a process
   * that dies just after the commit still leaves the job for another to run).
   */
  tx?: Pick<Tx, 'manager'>;
};

type Queue = { name: string; handler: JobHandler<never>; options: Required<QueueOptions> };
type Schedule = { name: string; cron: string; tz: string; payload: JobPayload };
type RunningJob = { name: string; id: string; controller: AbortController; settled: boolean };
type FetchedJob = PgBoss.JobWithMetadata<JobPayload> & { singletonKey: string | null };

const DEFAULTS: Required<QueueOptions> = {
  concurrency: 1,
  retryLimit: 3,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  policy: 'standard',
};

/**
 * pg-boss's statements on TypeORM's pool: the queue takes no connections of its own, and
 * TypeORM closes the pool after the queue has stopped (Nest's shutdown hooks run after the
 * destroy hooks). pg-boss's schema statements open and commit their own transaction in one
 * text: a failure would leave it open on the pooled connection, so it is rolled back there.
 */
function poolDb(dataSource: DataSource): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const runner = dataSource.createQueryRunner();
      try {
        return { rows: (await runner.query(text, values, true)).records ?? [] };
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await runner.release();
      }
    },
  };
}

/** Any fixed number; every process of a deployment uses the same one (the migrations' lock is 73_201_001). */
const QUEUE_CREATION_LOCK = 73_201_011;

/**
 * pg-boss's `create_queue` (a table per queue, attached to the job table, with foreign keys to
 * the queue table) one at a time across processes, under an advisory lock: two at once
 * deadlock on those foreign keys. A queue that exists is left as it is.
 */
async function createQueue(dataSource: DataSource, settings: PgBoss.Queue): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [QUEUE_CREATION_LOCK]);
    await runner.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [settings.name, JSON.stringify(settings)]);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** pg-boss's insert on the connection of a running unit of work. */
function txDb(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('JobQueue.send: `tx` must be the unit of work of a running change');
  return { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await runner.query(text, values, true)).records ?? [] }) };
}

/**
 * The job queue: work that runs later or periodically, once across all server processes, on
 * the app's own PostgreSQL through pg-boss (decision 0011). Capabilities `register` a handler per
 * queue and `schedule` periodic jobs in their constructor; anyone `send`s. Nothing runs until
 * `start` (called once the server listens) and only where JOBS_ENABLED; a process that opts out
 * still enqueues. `stop` (the shutdown sequence) stops taking work and lets running jobs finish,
 * releasing those that do not in time for another process to retry.
 *
 * Exactly once: a job is taken with FOR UPDATE SKIP LOCKED by one process; it is completed
 * only if it finished before its expiry (a late finish is ignored here), and a job whose
 * process died is failed by the upkeep after its expiry and retried elsewhere. A retry runs the
 * handler again from the start, so a handler commits its work in one unit of work and is safe
 * to run twice (it checks what is already done).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, Queue>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly created = new Map<string, Promise<void>>();
  private readonly running = new Map<string, RunningJob>();
  /** Wakes the idle workers of a queue (a job was just sent from this process). */
  private readonly wakers = new Map<string, Set<() => void>>();
  /** The occurrence each schedule last sent from this process (epoch ms). */
  private readonly sent = new Map<string, number>();
  private booting: Promise<void> | null = null;
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private stopping: Promise<string[]> | null = null;
  private scheduleTimer: NodeJS.Timeout | null = null;
  private ticking = false;
  private lastWarning = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.boss = new PgBoss({
      db: poolDb(dataSource),
      schema: JOBS_SCHEMA,
      // pg-boss creates its schema at the first start and migrates it on upgrades (decision 0011).
      migrate: true,
      // Upkeep (expiry of dead processes' jobs, archive, purge) only where jobs run; our own schedules.
      supervise: config.jobsEnabled,
      schedule: false,
      maintenanceIntervalSeconds: config.jobsMaintenanceSeconds,
      archiveCompletedAfterSeconds: ARCHIVE_AFTER_SECONDS,
      archiveFailedAfterSeconds: ARCHIVE_AFTER_SECONDS,
    });
    this.boss.on('error', (error: Error) => this.warn(`job queue upkeep failed: ${error.message}`));
  }

  /** Whether this process runs jobs (JOBS_ENABLED). */
  get enabled(): boolean {
    return this.config.jobsEnabled;
  }

  /**
   * The handler of a queue, in the registering module's constructor. Where jobs run, each of
   * `concurrency` workers takes one job at a time once `start` has run.
   */
  register<K extends string>(name: K, handler: JobHandler<PayloadOf<K>>, options: QueueOptions = {}): void {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`Job queue name "${name}": letters, digits, '.', '_' and '-' only`);
    if (this.queues.has(name)) throw new Error(`Job queue ${name} has a handler already`);
    const queue: Queue = { name, handler: handler as JobHandler<never>, options: { ...DEFAULTS, ...options } };
    if (queue.options.concurrency < 1 || queue.options.retryLimit < 0) throw new Error(`Job queue ${name}: concurrency ≥ 1 and retryLimit ≥ 0`);
    this.queues.set(name, queue);
    if (this.booting) this.queueReady(name).catch((error: unknown) => this.warn(`job queue ${name} not created: ${String(error)}`));
    if (this.state === 'running' && this.enabled) this.startWorkers(queue);
  }

  /**
   * A job for the queue `name` every time `cron` (minute hour day-of-month month day-of-week)
   * fires in the time zone `tz`, e.g. `schedule('followup.weekly-summary', '0 8 * * 1', {}, { tz:
   * 'Asia/Shanghai' })` for Mondays 08:00 in China. Each occurrence runs once however many
   * processes run jobs (its job id is derived from the occurrence); one missed while every
   * process was down still runs within SCHEDULE_CATCH_UP_MS.
   */
  schedule<K extends string>(name: K, cron: string, payload: PayloadOf<K>, options: { tz: string }): void {
    if (!this.queues.has(name)) throw new Error(`Schedule ${name}: register the queue's handler first`);
    assertSchedule(cron, options.tz);
    this.schedules.set(name, { name, cron, tz: options.tz, payload: payload as JobPayload });
  }

  /**
   * Enqueues a job. Answers its id, or null when the queue's policy dropped it as a duplicate.
   * With `tx` it is part of that change (see SendOptions).
   */
  async send<K extends string>(name: K, payload: PayloadOf<K>, options: SendOptions = {}): Promise<string | null> {
    if (!this.queues.has(name)) throw new Error(`No job queue named ${name} is registered`);
    await this.queueReady(name);
    const id = await this.boss.send(name, payload as JobPayload, {
      ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.tx ? { db: txDb(options.tx.manager) } : {}),
    });
    // A job sent outside a transaction is there now: an idle worker here need not wait for its next poll.
    if (id && !options.tx && options.startAfter === undefined) this.wake(name);
    return id;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.boot();
  }

  /** Starts the workers and schedules (where JOBS_ENABLED): once the server is up. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    await this.boot();
    this.state = 'running';
    if (!this.enabled) return this.logger.log('Jobs are not run in this process (JOBS_ENABLED=false); it still enqueues them');
    for (const queue of this.queues.values()) this.startWorkers(queue);
    const tick = () => void this.sendDue().catch((error: unknown) => this.warn(`schedules not checked: ${String(error)}`));
    tick();
    this.scheduleTimer = setInterval(tick, Math.min(Math.max(this.config.jobsPollIntervalMs, 1000), 30_000));
    this.scheduleTimer.unref();
  }

  /**
   * Stops taking work (workers, schedules, upkeep) at once, lets running jobs finish for up to
   * `ms`, then releases those still running: they are failed here, so that another process
   * retries them, and their handlers' signals are aborted. Answers the released ones, as
   * "queue id". Repeated calls share the first one.
   */
  stop(ms: number): Promise<string[]> {
    this.stopping ??= this.stopNow(ms);
    return this.stopping;
  }

  async onModuleDestroy(): Promise<void> {
    const released = await this.stop(CLOSE_WAIT_MS);
    if (released.length) this.logger.warn(`Released ${released.length} running job(s) at close: ${released.join(', ')}`);
  }

  /** Sends the jobs of the schedules' latest occurrences, once each. Called on a timer; `now` for tests. */
  async sendDue(now = new Date()): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const s of this.schedules.values()) {
        const at = latestOccurrence(s.cron, s.tz, now);
        if (now.getTime() - at.getTime() > SCHEDULE_CATCH_UP_MS || this.sent.get(s.name) === at.getTime()) continue;
        await this.queueReady(s.name);
        // Every process sends it under the same id: the first insert wins, the others do nothing.
        const id = await this.boss.send(s.name, s.payload, { id: occurrenceJobId(s.name, at), singletonKey: `${SCHEDULED}${at.toISOString()}` });
        this.sent.set(s.name, at.getTime());
        if (id) this.wake(s.name);
      }
    } finally {
      this.ticking = false;
    }
  }

  /** pg-boss's schema (created or migrated under its advisory lock), then every queue registered so far. */
  private async boot(): Promise<void> {
    await this.schemaReady();
    await Promise.all([...this.queues.keys()].map((name) => this.queueReady(name)));
  }

  private schemaReady(): Promise<void> {
    if (!this.booting) {
      const booting = this.boss.start().then(() => undefined);
      booting.catch(() => {
        if (this.booting === booting) this.booting = null;
      });
      this.booting = booting;
    }
    return this.booting;
  }

  /** Creates the queue's table once, and brings its options up to date (another version may have created it). */
  private queueReady(name: string): Promise<void> {
    let ready = this.created.get(name);
    if (!ready) {
      const { options } = this.queues.get(name)!;
      const settings: PgBoss.Queue = {
        name,
        policy: options.policy,
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: options.retryBackoff,
        expireInSeconds: options.expireInSeconds,
      };
      ready = this.schemaReady()
        .then(() => createQueue(this.dataSource, settings))
        .then(() => this.boss.updateQueue(name, settings));
      ready.catch(() => this.created.delete(name));
      this.created.set(name, ready);
    }
    return ready;
  }

  private startWorkers(queue: Queue): void {
    for (let i = 0; i < queue.options.concurrency; i++) {
      this.work(queue).catch((error: unknown) => this.warn(`a worker of ${queue.name} stopped: ${String(error)}`));
    }
  }

  /** One worker: takes a job, runs it, and again; waits a poll interval when there is none. */
  private async work(queue: Queue): Promise<void> {
    while (this.state === 'running') {
      let job: FetchedJob | undefined;
      try {
        await this.queueReady(queue.name);
        // pg-boss takes it with FOR UPDATE SKIP LOCKED and marks it active in one statement.
        [job] = (await this.boss.fetch<JobPayload>(queue.name, { batchSize: 1, includeMetadata: true })) as FetchedJob[];
      } catch (error) {
        this.warn(`could not take a job of ${queue.name}: ${String(error)}`);
      }
      if (job && this.state === 'running') await this.run(queue, job);
      else if (job) await this.settle({ name: queue.name, id: job.id, controller: new AbortController(), settled: false }, new Error('released: stopping'));
      else await this.idle(queue.name, this.config.jobsPollIntervalMs);
    }
  }

  private async run(queue: Queue, job: FetchedJob): Promise<void> {
    const entry: RunningJob = { name: queue.name, id: job.id, controller: new AbortController(), settled: false };
    this.running.set(job.id, entry);
    const context: JobContext = {
      id: job.id,
      name: queue.name,
      attempt: job.retryCount + 1,
      scheduledFor: job.singletonKey?.startsWith(SCHEDULED) ? new Date(job.singletonKey.slice(SCHEDULED.length)) : null,
      signal: entry.controller.signal,
    };
    // Given up on here a little before the queue's expiry, so this process fails it before the
    // upkeep of another could hand it to a second run (a late finish is then ignored).
    const expiry = Number(job.expireInSeconds) * 1000;
    const budget = Math.max(expiry - Math.min(1000, expiry / 10), 500);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${budget} ms`)), budget);
    });
    try {
      await Promise.race([Promise.resolve().then(() => (queue.handler as JobHandler)(job.data ?? {}, context)), timedOut]);
      await this.settle(entry, null);
    } catch (error) {
      await this.settle(entry, error);
    } finally {
      clearTimeout(timer);
      this.running.delete(job.id);
    }
  }

  /** Completes (error null) or fails a job, once; a job whose completion is lost stays active until its expiry retries it. */
  private async settle(entry: RunningJob, error: unknown): Promise<void> {
    if (entry.settled) return;
    entry.settled = true;
    try {
      if (error === null) return void (await this.boss.complete(entry.name, entry.id));
      entry.controller.abort(error);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Job ${entry.name} ${entry.id} failed: ${message}`);
      await this.boss.fail(entry.name, entry.id, { message });
    } catch (failure) {
      this.warn(`job ${entry.name} ${entry.id} not recorded as ${error === null ? 'completed' : 'failed'} (its expiry retries it): ${String(failure)}`);
    }
  }

  private async stopNow(ms: number): Promise<string[]> {
    const wasRunning = this.state === 'running';
    this.state = 'stopped';
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    for (const wakers of this.wakers.values()) for (const wake of [...wakers]) wake();
    // pg-boss's upkeep timers (a start still under way is let finish first, or they would start after this).
    if (this.booting) {
      await this.booting.catch(() => undefined);
      await this.boss.stop({ graceful: false, close: false, wait: true }).catch((error: unknown) => this.warn(String(error)));
    }
    if (!wasRunning) return [];
    const deadline = Date.now() + ms;
    while (this.running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, Math.min(25, deadline - Date.now())));
    const released = [...this.running.values()];
    await Promise.all(released.map((entry) => this.settle(entry, new Error('released: the process is stopping'))));
    return released.map((entry) => `${entry.name} ${entry.id}`);
  }

  private idle(name: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wakers = this.wakers.get(name) ?? new Set<() => void>();
      this.wakers.set(name, wakers);
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });
  }

  private wake(name: string): void {
    for (const wake of [...(this.wakers.get(name) ?? [])]) wake();
  }

  /** A warning, but not the same one again and again (e.g. every poll while the database is away). */
  private warn(line: string): void {
    if (line === this.lastWarning) return;
    this.lastWarning = line;
    this.logger.warn(line);
  }
}
