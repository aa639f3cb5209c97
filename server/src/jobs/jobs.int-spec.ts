// The job queue across real server processes on the test database: this spec's app enqueues but
// runs no jobs (JOBS_ENABLED=false); two child processes (testing/job-process.js: the whole app)
// run them. Each job runs once, a job is part of the change that sends it, a schedule fires once
// per occurrence, and a process killed with SIGKILL in the middle of a job loses nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { TestApp } from '../testing/test-app';
import { probeTable, registerProbes, type ProbeRow } from '../testing/job-probes';
import { occurrenceJobId } from './cron';
import { JobQueue, JOBS_SCHEMA } from './job-queue';

type Worker = { child: ChildProcess; pid: number; output: () => string; exited: Promise<number | null> };

/** Starts testing/job-process.js and waits for its "ready" line. */
function startWorker(probe: string): Promise<Worker> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'testing', 'job-process.js')], {
    env: { ...process.env, JOB_PROBE: probe },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job process not ready in 90 s:\n${out}`)), 90_000);
    const onData = (data: Buffer) => {
      out += data.toString();
      const ready = /ready (\d+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, pid: Number(ready[1]), output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`job process exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** Removes a probe queue, its jobs and its table (the spec's leftovers in a reused TEST_DATABASE_URL). */
async function dropQueue(app: TestApp, name: string): Promise<void> {
  await app.dataSource.query(`DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1`, [name]);
  await app.dataSource.query(`DELETE FROM ${JOBS_SCHEMA}.archive WHERE name = $1`, [name]);
  await app.dataSource.query(`SELECT ${JOBS_SCHEMA}.delete_queue(name) FROM ${JOBS_SCHEMA}.queue WHERE name = $1`, [name]);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('job queue across server processes (integration)', () => {
  const probe = `jobs_probe_${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let jobs: JobQueue;
  let workers: Worker[] = [];
  const rows = async (where: string, params: unknown[] = []): Promise<ProbeRow[]> =>
    t.dataSource.query(`SELECT * FROM ${probe} WHERE ${where} ORDER BY at`, params);

  beforeAll(async () => {
    t = await TestApp.start({ config: { jobsEnabled: false } });
    await t.dataSource.query(probeTable(probe));
    jobs = t.app.get(JobQueue);
    registerProbes(jobs, t.dataSource, probe);
    workers = await Promise.all([startWorker(probe), startWorker(probe)]);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    try {
      for (const queue of ['count', 'hang', 'cron']) await dropQueue(t, `${probe}.${queue}`);
      await t.dataSource.query(`DROP TABLE IF EXISTS ${probe}`);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('runs each job once across two server processes, and none in the process that opts out (JOBS_ENABLED=false)', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => jobs.send(`${probe}.count`, { tag: `n${i}`, sleepMs: 100 })));
    expect(new Set(ids).size).toBe(40);
    const done = await until(
      '40 jobs done',
      () => rows(`queue = $1 AND job_id = ANY($2)`, [`${probe}.count`, ids]),
      (r) => r.length >= 40,
      30_000,
    );
    // A little longer: a second run of any of them would show now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = await rows(`queue = $1 AND job_id = ANY($2)`, [`${probe}.count`, ids]);
    expect(final).toHaveLength(40);
    expect(new Set(final.map((r) => r.job_id)).size).toBe(40);
    expect(new Set(done.map((r) => r.pid))).toEqual(new Set(workers.map((w) => w.pid)));
    expect(final.some((r) => r.pid === process.pid)).toBe(false);
    const states = await t.dataSource.query(`SELECT state, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = ANY($2) GROUP BY state`, [
      `${probe}.count`,
      ids,
    ]);
    expect(states).toEqual([{ state: 'completed', n: 40 }]);
  }, 60_000);

  it('enqueues a job sent in a unit of work only if the change commits', async () => {
    const uow = t.app.get(UnitOfWork);
    await expect(
      uow.run(async (tx) => {
        await jobs.send(`${probe}.count`, { tag: 'rolled back' }, { tx });
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');
    const id = await uow.run((tx) => jobs.send(`${probe}.count`, { tag: 'committed' }, { tx }));
    expect(id).toEqual(expect.any(String));
    await until(
      'the committed job done',
      () => rows(`job_id = $1`, [id]),
      (r) => r.length === 1,
      15_000,
    );
    const stored = await t.dataSource.query(
      `SELECT data->>'tag' AS tag FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND data->>'tag' IN ('rolled back', 'committed')`,
      [`${probe}.count`],
    );
    expect(stored).toEqual([{ tag: 'committed' }]);
    expect(await rows(`tag = 'rolled back'`)).toEqual([]);
  }, 30_000);

  it('fires a schedule once per occurrence with two processes running it', async () => {
    const cron = `${probe}.cron`;
    // The workers send the current minute's occurrence at start, then each minute: wait for two
    // occurrences, and a few seconds past the second (both check every second, so a duplicate
    // would show by then).
    const runs = await until(
      'two occurrences',
      () => rows(`queue = $1`, [cron]),
      (r) => {
        const times = [...new Set(r.map((row) => new Date(row.scheduled_for!).getTime()))].sort();
        return times.length >= 2 && Date.now() > times[1] + 4000;
      },
      100_000,
    );
    const byOccurrence = new Map<number, ProbeRow[]>();
    for (const run of runs) {
      const at = new Date(run.scheduled_for!).getTime();
      byOccurrence.set(at, [...(byOccurrence.get(at) ?? []), run]);
    }
    for (const [at, list] of byOccurrence) {
      expect(list).toHaveLength(1);
      expect(at % 60_000).toBe(0);
      expect(list[0].job_id).toBe(occurrenceJobId(cron, new Date(at)));
      expect(workers.map((w) => w.pid)).toContain(list[0].pid);
    }
    const [first, second] = [...byOccurrence.keys()].sort();
    expect(second - first).toBe(60_000);
  }, 120_000);

  it('loses nothing when a process is killed with SIGKILL in the middle of a job: another retries it after its expiry', async () => {
    const id = await jobs.send(`${probe}.hang`, {});
    const [started] = await until(
      'the job started',
      () => rows(`job_id = $1`, [id]),
      (r) => r.length === 1,
      15_000,
    );
    const victim = workers.find((w) => w.pid === started.pid)!;
    const survivor = workers.find((w) => w !== victim)!;
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    const runs = await until(
      'the job done elsewhere',
      () => rows(`job_id = $1`, [id]),
      (r) => r.some((row) => row.what === 'done'),
      30_000,
    );
    const recoveredMs = Date.now() - killedAt;
    expect(runs.map((r) => [r.what, r.pid, r.attempt])).toEqual([
      ['started', victim.pid, 1],
      ['started', survivor.pid, 2],
      ['done', survivor.pid, 2],
    ]);
    // Its expiry (4 s) and the upkeep's interval (1 s) and a poll, with some slack.
    expect(recoveredMs).toBeLessThan(12_000);
    const [job] = await t.dataSource.query(`SELECT state, retry_count AS "retryCount" FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`, [
      `${probe}.hang`,
      id,
    ]);
    expect(job).toEqual({ state: 'completed', retryCount: 1 });
    process.stdout.write(`job queue: a job of a process killed with SIGKILL was done by another ${recoveredMs} ms after the kill\n`);
  }, 60_000);
});

describe('job queue stopping (integration)', () => {
  it('stops taking work, lets a running job finish, and releases one that outlives the budget for another process to retry', async () => {
    const probe = `jobs_stop_${randomBytes(4).toString('hex')}`;
    const w = await TestApp.start({ config: { jobsEnabled: true, jobsPollIntervalMs: 500 } });
    const queue = w.app.get(JobQueue);
    const seen: string[] = [];
    let aborted: unknown = null;
    try {
      queue.register<string>(`${probe}.slow`, async () => {
        seen.push('slow started');
        await new Promise((resolve) => setTimeout(resolve, 800));
        seen.push('slow done');
      });
      queue.register<string>(`${probe}.stuck`, async (_payload, job) => {
        seen.push('stuck started');
        await new Promise<void>((resolve) =>
          job.signal.addEventListener('abort', () => {
            aborted = job.signal.reason;
            resolve();
          }),
        );
      });
      const slow = await queue.send(`${probe}.slow`, {});
      const stuck = await queue.send(`${probe}.stuck`, {});
      await until(
        'both started',
        async () => seen.length,
        (n) => n >= 2,
        10_000,
      );

      const started = Date.now();
      const released = await queue.stop(1500);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(released).toEqual([`${probe}.stuck ${stuck}`]);
      expect(seen).toContain('slow done');
      expect(String(aborted)).toMatch(/released: the process is stopping/);
      const state = async (name: string, id: string | null) =>
        (await w.dataSource.query(`SELECT state FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`, [name, id]))[0].state;
      expect(await state(`${probe}.slow`, slow)).toBe('completed');
      // Released, not lost: another process takes it after the retry delay.
      expect(await state(`${probe}.stuck`, stuck)).toBe('retry');
      // Stopped, it takes nothing new, though it still enqueues (a request still running may send).
      const later = await queue.send(`${probe}.slow`, {});
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(await state(`${probe}.slow`, later)).toBe('created');
    } finally {
      try {
        await queue.stop(0);
        for (const name of ['slow', 'stuck']) await dropQueue(w, `${probe}.${name}`);
      } finally {
        await w.close();
      }
    }
  }, 30_000);
});
