// What each party says came of a held meeting (as b2match and Swapcard ask after a meeting):
// recorded by each side on its own, counted per session for the figures.

export const MEETING_OUTCOMES = ['not_held', 'no_interest', 'follow_up', 'agreement_drafted'] as const;
export type MeetingOutcomeKind = (typeof MEETING_OUTCOMES)[number];

/** The longest note a party may add to its outcome. */
export const MEETING_OUTCOME_NOTE_MAX = 500;

export type MeetingOutcome = {
  meetingId: string;
  organisationId: string;
  outcome: MeetingOutcomeKind;
  note: string;
  /** 1 when first recorded; the next change names it. */
  version: number;
  recordedAt: string;
};

/**
 * A party records (or changes) its outcome. `version`: that of the caller's outcome as read (0:
 * none recorded yet). The same outcome and note again is a no-op whatever the version.
 */
export type MeetingOutcomeInput = { outcome: MeetingOutcomeKind; note?: string; version: number };

/** A session's outcomes by kind (each party's counts once). */
export type MeetingOutcomeCounts = Record<MeetingOutcomeKind, number>;
