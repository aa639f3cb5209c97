// The meeting scheduler's public contract: a day of a B2B matchmaking session as a pure problem
// (participants, requested meetings, slots, tables), and the schedule it returns. No database here:
// the meetings module maps its rows to a ScheduleProblem and the result back.

export type MeetingHalf = 'morning' | 'afternoon' | 'any';

export type ProblemMeeting = {
  /** Participant indexes 0..participants-1, a !== b. */
  a: number;
  b: number;
  /** morning = slots 1..morningSlots, afternoon = the rest. */
  half: MeetingHalf;
  /** 1-based; the meeting must be in this slot (pinned by the organiser, or already published). */
  fixedSlot?: number;
  /** 1-based; only together with fixedSlot: keep this table too. */
  fixedTable?: number;
};

export type ScheduleProblem = {
  participants: number;
  /** Slots are 1..slots, consecutive (at most 32). */
  slots: number;
  /** 0 = no morning/afternoon split. */
  morningSlots: number;
  tables: number;
  /** In priority order: when not all fit, earlier ones win. */
  meetings: ProblemMeeting[];
  /** Per participant: 1-based slots they are unavailable. Missing entries mean none. */
  forbidden: number[][];
  /** Fairness d: the breaks of any two participants differ by at most d (default 2). */
  maxBreakSpread?: number;
};

export type UnscheduledReason =
  /** Forbidden slots + half leave no slot both can attend. */
  | 'no_allowed_slot'
  /** One of the two has more meetings than slots they can attend. */
  | 'participant_full'
  /** Its fixed slot/table clashes with another fixed meeting, its half or a forbidden slot. */
  | 'pin_conflict'
  /** Fits alone but not together with higher-priority meetings. */
  | 'capacity';

export type ScheduleResult = {
  /** Per meeting, 1-based slot, 0 = not scheduled. */
  slot: number[];
  /** Per meeting, 1-based table, 0 = not scheduled. */
  table: number[];
  unscheduled: { meeting: number; reason: UnscheduledReason }[];
  /** Total breaks (gaps between two consecutive meetings of a participant) over all participants. */
  breaks: number;
  breaksByParticipant: number[];
  /** Proven lower bound on breaks for the scheduled set (0 if none). */
  lowerBound: number;
  /** breaks === lowerBound, or proven by the exact phase. */
  optimal: boolean;
  elapsedMs: number;
  /**
   * Whether the fairness spread (maxBreakSpread) holds. Always set by schedule(); false only when
   * no fair placement of the scheduled meetings was found, in which case the meetings stay
   * scheduled (meetings come first) and the spread is as small as the search got it.
   */
  fairnessMet?: boolean;
};

export type ScheduleProgress = { phase: 'construct' | 'improve' | 'exact' | 'done'; fraction: number; breaks: number | null };

export type ScheduleOptions = {
  /** Time for the whole search (default 8000 ms); it stops earlier at a proven optimum. */
  budgetMs?: number;
  /** The same seed and problem give the same schedule (unless the time budget cuts the search short). */
  seed?: number;
  /** Threads for the exact phase (default: 2, or 1 on a one-core machine). */
  threads?: number;
  onProgress?: (p: ScheduleProgress) => void;
};
