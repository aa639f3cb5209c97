// Probe queues for the job queue's integration spec (jobs/jobs.int-spec.ts), registered alike in
// the spec's own app and in the server processes it starts (job-process.js): their handlers
// write what they do to a probe table, so the spec sees across processes which ran which job.
import type { DataSource } from 'typeorm';
import type { JobContext, JobQueue } from '../jobs/job-queue';

export type ProbeRow = { job_id: string; queue: string; what: string; pid: number; attempt: number; scheduled_for: Date | null; tag: string | null };

export const probeTable = (probe: string) =>
  `CREATE TABLE ${probe} (job_id uuid NOT NULL, queue text NOT NULL, what text NOT NULL, pid int NOT NULL, attempt int NOT NULL,
     scheduled_for timestamptz, tag text, at timestamptz NOT NULL DEFAULT clock_timestamp())`;

/**
 * `<probe>.count` records each run (after `sleepMs`); `<probe>.hang` records its start and, at
 * its first attempt, never finishes (its process is to be killed), later ones finish; `<probe>.cron`
 * runs every minute (Asia/Shanghai) and records the occurrence it ran for.
 */
export function registerProbes(jobs: JobQueue, dataSource: DataSource, probe: string): void {
  const record = (job: JobContext, what: string, tag: string | null = null) =>
    dataSource.query(`INSERT INTO ${probe} (job_id, queue, what, pid, attempt, scheduled_for, tag) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      job.id,
      job.name,
      what,
      process.pid,
      job.attempt,
      job.scheduledFor,
      tag,
    ]);
  jobs.register<string>(
    `${probe}.count`,
    async (payload, job) => {
      await new Promise((resolve) => setTimeout(resolve, Number(payload.sleepMs ?? 0)));
      await record(job, 'done', typeof payload.tag === 'string' ? payload.tag : null);
    },
    { concurrency: 2 },
  );
  jobs.register<string>(
    `${probe}.hang`,
    async (_payload, job) => {
      await record(job, 'started');
      if (job.attempt === 1) await new Promise(() => undefined);
      await record(job, 'done');
    },
    { expireInSeconds: 4, retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false },
  );
  jobs.register<string>(`${probe}.cron`, (_payload, job) => record(job, 'done'));
  jobs.schedule<string>(`${probe}.cron`, '* * * * *', {}, { tz: 'Asia/Shanghai' });
}
