// The briefing (简报) for an event's coordination group (server/src/briefing): an A4 PDF in
// Chinese with the headline figures, what changed since the briefing before, charts, the
// organisations with overdue reports and the open problems; made weekly on schedule and on
// demand by organisers, kept as a history that organisers open and send.

import type { DealFigures, DealRow, DayRow, FunnelStep, HeadlineFigures } from './figures';
import type { SessionKind } from './domain';

/**
 * What the scheduled briefing covers: events that are live or ended at most this many weeks
 * before the week briefed (a week overlapping [startDate, endDate + weeks]).
 */
export const BRIEFING_WEEKS_AFTER_END = 4;

/** The figures a briefing was made from, kept with it so that the next one can say what changed. */
export type BriefingSnapshot = {
  /** When the figures were read (ISO). */
  at: string;
  headline: HeadlineFigures;
  funnel: FunnelStep[];
  bySessionKind: (DealRow & { key: SessionKind })[];
  byChain: DealRow[];
  byDay: DayRow[];
  /** Organisations with reports past due when it was made, most overdue first. */
  overdue: { organisationId: string; name: string; count: number }[];
  /** Problems raised and not yet answered when it was made. */
  openProblems: number;
};

/** The change of each headline figure from the briefing before (null for the first briefing). */
export type BriefingDeltas = {
  headline: DealFigures;
  bySessionKind: (DealFigures & { key: SessionKind })[];
};

export type Briefing = {
  id: string;
  eventId: string;
  /** 第N期: the briefing's number within the event, from 1. */
  seq: number;
  /** First and last day covered (YYYY-MM-DD, in the event's time zone). */
  periodFrom: string;
  periodTo: string;
  timeZone: string;
  /** The week (its Monday) of a scheduled briefing; null for one made on demand. */
  weekStart: string | null;
  createdAt: string;
  /** Who made it; null when the weekly schedule did. */
  createdBy: { userId: string; name: string } | null;
  /** The headline figures as made. */
  headline: HeadlineFigures;
  size: number;
  sha256: string;
  sentAt: string | null;
  /** How many users it was sent to (the last time). */
  sentTo: number | null;
};

export type BriefingListQuery = { page?: number; pageSize?: number };

/** Sending tells the event's organisers and the users of its member departments. */
export type BriefingSendResult = Briefing;
