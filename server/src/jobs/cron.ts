import { parseExpression } from 'cron-parser';
import { createHash } from 'node:crypto';

/**
 * How far back a schedule still fires an occurrence it missed (every process was down at the
 * time, or started just after): the latest occurrence within this window runs once, older ones
 * are skipped. Kept below the queue's archive delay (JobQueue), so a job's id still stands in
 * the job table for as long as it may be sent again.
 */
export const SCHEDULE_CATCH_UP_MS = 60 * 60_000;

/** Refuses a cron expression or time zone that does not parse, naming which. */
export function assertSchedule(cron: string, tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new Error(`Schedule: "${tz}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  try {
    parseExpression(cron, { tz });
  } catch (error) {
    throw new Error(`Schedule: "${cron}" is not a cron expression (minute hour day-of-month month day-of-week): ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The latest time `cron`, read in the time zone `tz`, fires at or before `now`. */
export function latestOccurrence(cron: string, tz: string, now: Date): Date {
  // cron-parser's prev() is strictly before its current date, which it reads to the second.
  return parseExpression(cron, { tz, currentDate: new Date(now.getTime() + 1) })
    .prev()
    .toDate();
}

/** The first time `cron`, read in the time zone `tz`, fires after `now`. */
export function nextOccurrence(cron: string, tz: string, now: Date): Date {
  return parseExpression(cron, { tz, currentDate: now }).next().toDate();
}

/**
 * The id of the job that an occurrence of a schedule sends: the same in every process, so
 * the queue's primary key lets exactly one of their inserts in (the others do nothing).
 * A UUID (version 8, "custom") from SHA-256 of the queue name and the occurrence.
 */
export function occurrenceJobId(queue: string, at: Date): string {
  const hex = createHash('sha256').update(`${queue}\n${at.toISOString()}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
