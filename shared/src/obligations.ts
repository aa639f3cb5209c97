// What an organisation owes by a due date (a report on a signed agreement now; survey responses,
// statistics filings and liaison reports later): one mechanism, one table on the server
// (server/src/obligations), these shapes on both sides. Decision: docs/decisions/0012-obligations.md.
import { addWorkingDays, dayInZone, isProvisionalDay, WorkingDayCalendarRangeError } from './working-days';

export const OBLIGATION_KINDS = ['agreement_report', 'survey_response', 'statistics_filing', 'liaison_report', 'problem_answer'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/**
 * open → submitted → accepted | returned (→ submitted again). `waived`: no longer owed because
 * its subject ended (an agreement performed or terminated before the report was filed); it is
 * open again if the subject is reopened.
 */
export const OBLIGATION_STATES = ['open', 'submitted', 'accepted', 'returned', 'waived'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

/** States in which the owing organisation still has to act (its 待办). */
export const OUTSTANDING_OBLIGATION_STATES: readonly ObligationState[] = ['open', 'returned'];

/**
 * Read from the clock, never stored: an outstanding obligation is `overdue` once its due instant
 * has passed and `due_soon` within DUE_SOON_WORKING_DAYS working days of its due day (in the
 * event's time zone); a filed one is `overdue` when it was first filed late.
 */
export const OBLIGATION_TIMINGS = ['on_time', 'due_soon', 'overdue'] as const;
export type ObligationTiming = (typeof OBLIGATION_TIMINGS)[number];

/** How many working days before its due day an obligation shows as due soon. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The states an organiser filters the event's obligations by: stored states and the clock's. */
export const OBLIGATION_FILTERS = [...OBLIGATION_STATES, 'outstanding', 'due_soon', 'overdue'] as const;
export type ObligationFilter = (typeof OBLIGATION_FILTERS)[number];

/** What is owed about: an agreement's report n on a step (financing, delivery, progress). */
export type ObligationSubject = {
  type: string;
  id: string;
  /** The agreement's title (fixed once signed). */
  title: string;
  /** What is reported, e.g. `financing`. */
  step: string;
  /** Report n of that step, from 1. */
  seq: number;
};

export type Obligation = {
  id: string;
  kind: ObligationKind;
  eventId: string;
  sessionId: string | null;
  /** The organisation that owes it. */
  organisationId: string;
  organisationName: string;
  subject: ObligationSubject;
  /** YYYY-MM-DD in the event's time zone. */
  dueOn: string;
  /** The instant it falls due: the end of `dueOn` in the event's time zone (ISO 8601). */
  dueAt: string;
  /**
   * The due day lies in a year whose holiday arrangement the installed calendar does not have
   * yet: it was counted provisionally and is counted again once the calendar is updated.
   */
  dueProvisional: boolean;
  /** The event's IANA time zone, in which every day of it is shown. */
  timeZone: string;
  state: ObligationState;
  timing: ObligationTiming;
  /** First and latest filing. */
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** Why an organiser returned it (required to return). */
  returnReason: string | null;
  version: number;
  createdAt: string;
};

/** An organiser's review of a filed obligation: accept it, or return it with a reason the party reads. */
export type ObligationReviewInput = { version: number; accept: boolean; reason?: string };

/** Organisers' list of an event's obligations. */
export type ObligationListQuery = {
  sessionId?: string;
  organisationId?: string;
  state?: ObligationFilter;
  page?: number;
  pageSize?: number;
};

/**
 * The clock's reading of an obligation: outstanding ones against `now` (overdue once `dueAt` has
 * passed, due soon within DUE_SOON_WORKING_DAYS working days of `dueOn` in `timeZone`), filed
 * ones by when they were first filed.
 */
export function obligationTiming(
  o: { state: ObligationState; dueOn: string; dueAt: Date | string; firstSubmittedAt: Date | string | null },
  now: Date,
  timeZone: string,
): ObligationTiming {
  const dueAt = new Date(o.dueAt).getTime();
  if (!OUTSTANDING_OBLIGATION_STATES.includes(o.state)) {
    return o.firstSubmittedAt !== null && new Date(o.firstSubmittedAt).getTime() >= dueAt ? 'overdue' : 'on_time';
  }
  if (now.getTime() >= dueAt) return 'overdue';
  return o.dueOn <= dueSoonUntil(now, timeZone) ? 'due_soon' : 'on_time';
}

/** The last due day that counts as due soon at `now`: DUE_SOON_WORKING_DAYS working days ahead, in the zone. */
export function dueSoonUntil(now: Date, timeZone: string): string {
  return countWorkingDays(dayInZone(now, timeZone), DUE_SOON_WORKING_DAYS).day;
}

const DAY_MS = 86_400_000;

/**
 * `addWorkingDays` of the calendar (n = 0: the day itself if worked, else the next working day),
 * with whether the day it reaches is counted provisionally, in a year whose holiday arrangement
 * is not published yet (decision 0010): a deadline is still set, so nothing owed goes missing,
 * and it is counted again once the calendar has the year. Beyond the years the calendar counts
 * at all, weekdays alone (provisional too) rather than no deadline.
 */
export function countWorkingDays(day: string, n: number): { day: string; provisional: boolean } {
  try {
    const reached = addWorkingDays(day, n);
    return { day: reached, provisional: isProvisionalDay(reached) };
  } catch (error) {
    if (!(error instanceof WorkingDayCalendarRangeError) || n < 0) throw error;
    let ms = Date.parse(`${day}T00:00:00Z`);
    const weekday = (t: number) => new Date(t).getUTCDay() % 6 !== 0;
    if (n === 0) while (!weekday(ms)) ms += DAY_MS;
    for (let left = n; left > 0;) {
      ms += DAY_MS;
      if (weekday(ms)) left -= 1;
    }
    return { day: new Date(ms).toISOString().slice(0, 10), provisional: true };
  }
}
