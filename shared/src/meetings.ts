/**
 * Negotiation meetings (洽谈): an accepted meeting request becomes a meeting, placed in a
 * time slot of its session at a numbered table, either booked by the participants themselves
 * (first come, first served) or by the organiser's scheduler.
 */

import type { MeetingOutcome } from './meeting-outcomes';

/** How a session's meetings get their slots. */
export const MEETING_MODES = ['scheduled', 'self_booking'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** unscheduled: accepted, no slot yet; scheduled: has a slot and table; then held or no_show. */
export const MEETING_STATUSES = ['unscheduled', 'scheduled', 'held', 'no_show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['held', 'no_show'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type HalfDay = 'morning' | 'afternoon';
/** A participant's wish: meet in the morning, in the afternoon, or either. */
export type HalfWish = HalfDay | 'any';

/** Why the scheduler left a meeting out. */
export const UNSCHEDULED_REASONS = ['no_allowed_slot', 'participant_full', 'pin_conflict', 'capacity', 'half_conflict'] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

/** The most slots one session may have: the scheduler keeps a participant's day in 32 bits. */
export const MAX_SESSION_SLOTS = 32;

/** Slots are 1-based and consecutive. */
export type MeetingSlot = { slot: number; startsAt: string; endsAt: string; half: HalfDay };

/** Beijing time, where the events happen, has no daylight saving: UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The meeting slots of a session: consecutive blocks of `slotMinutes` from the start, as many
 * as fit before the end, skipping the break (午休) if there is one: the first slot after it
 * starts when it ends. A slot starting before noon Beijing time is a morning slot. Slots on
 * either side of the break count as adjacent: a lunch is not an idle gap in anyone's day.
 */
export function sessionSlots(session: {
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  breakStartsAt?: string | null;
  breakEndsAt?: string | null;
}): MeetingSlot[] {
  const start = Date.parse(session.startsAt);
  const end = Date.parse(session.endsAt);
  const step = session.slotMinutes * 60_000;
  if (!(step > 0) || !(end > start)) return [];
  const breakFrom = session.breakStartsAt ? Date.parse(session.breakStartsAt) : NaN;
  const breakTo = session.breakEndsAt ? Date.parse(session.breakEndsAt) : NaN;
  const hasBreak = breakTo > breakFrom;
  const slots: MeetingSlot[] = [];
  for (let from = start; from + step <= end; from += step) {
    if (hasBreak && from < breakTo && from + step > breakFrom) {
      from = breakTo - step; // the loop's step lands on the break's end
      continue;
    }
    const hour = new Date(from + BEIJING_OFFSET_MS).getUTCHours();
    slots.push({
      slot: slots.length + 1,
      startsAt: new Date(from).toISOString(),
      endsAt: new Date(from + step).toISOString(),
      half: hour < 12 ? 'morning' : 'afternoon',
    });
  }
  return slots;
}

/** Where both wishes can be met: 'any' yields to the other; opposite wishes cannot (null). */
export function commonHalf(a: HalfWish, b: HalfWish): HalfWish | null {
  if (a === 'any') return b;
  if (b === 'any' || a === b) return a;
  return null;
}

export type MeetingParty = { organisationId: string; organisationName: string };

export type Meeting = {
  id: string;
  eventId: string;
  sessionId: string;
  /** The accepted request it came from. */
  requestId: string;
  topic: string;
  /** The asker first, then the asked. */
  parties: [MeetingParty, MeetingParty];
  status: MeetingStatus;
  slot: number | null;
  table: number | null;
  startsAt: string | null;
  endsAt: string | null;
  /** Pinned by the organiser: the scheduler keeps it where it is. */
  pinned: boolean;
  /** Visible on the participants' agendas (self-booked meetings are at once). */
  published: boolean;
  /** Why the last scheduler run left it out, if it did. */
  unscheduledReason: UnscheduledReason | null;
  version: number;
  updatedAt: string;
  /** The caller's organisation's outcome of the meeting (a party's views; null: not recorded). */
  myOutcome?: MeetingOutcome | null;
  /** Both parties' outcomes recorded so far (the organisers' views). */
  outcomes?: MeetingOutcome[];
};

/** One line of a participant's agenda: a published meeting seen from their side. */
export type AgendaItem = Meeting & { counterpart: MeetingParty; sessionTitle: string; venue: string };

export type AvailabilityInput = { unavailableSlots: number[]; half: HalfWish };
export type Availability = AvailabilityInput & { sessionId: string; organisationId: string; updatedAt: string | null };

/** Self-booking: either party takes a free slot; the lowest free table is given. */
export type BookingInput = { slot: number };
/** A slot in which both parties are free and a table is left. */
export type FreeSlot = MeetingSlot & { freeTables: number };

/** Organiser: put a meeting in a slot (and table); the scheduler keeps it there. */
export type PinInput = { slot: number; table?: number | null };
export type AttendanceInput = { status: AttendanceStatus };

export type ScheduleRunInput = {
  /** Let the scheduler move meetings already published; otherwise they stay where they are. */
  allowMoves?: boolean;
};
export const SCHEDULE_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];
export type ScheduleRun = {
  id: string;
  sessionId: string;
  status: ScheduleRunStatus;
  allowMoves: boolean;
  phase: 'construct' | 'improve' | 'exact' | 'done' | null;
  /** 0..1 */
  fraction: number;
  /** Total idle gaps in participants' days, best found so far. */
  breaks: number | null;
  lowerBound: number | null;
  scheduled: number;
  unscheduled: { meetingId: string; reason: UnscheduledReason }[];
  startedByName: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
};

export type MeetingStats = {
  sessionId: string;
  total: number;
  unscheduled: number;
  scheduled: number;
  published: number;
  held: number;
  noShow: number;
  /** held / (held + no_show); null before any attendance is marked. */
  attendanceRate: number | null;
};

/** Pushed to both parties' organisations and to organisers after a meeting changes. */
export type MeetingChanged = { sessionId: string; meetingIds: string[] };
