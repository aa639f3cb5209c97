// The ladder for everything owed (issue 15, "Reminders and escalation"): a reminder some working
// days before the due day, an overdue mark on it, a supervision notice (督办单) with a new deadline
// the party acknowledges, and the event's notice of criticism (通报) it leaves once it has filed
// (整改). Server: server/src/supervision.

/** How many working days (in the event's zone) before its due day an organisation is reminded. */
export const REMINDER_WORKING_DAYS = 3;

/** The new deadline a supervision notice sets, in working days of the event's zone from today. */
export const SUPERVISION_MIN_WORKING_DAYS = 1;
export const SUPERVISION_MAX_WORKING_DAYS = 30;
/** At most this many obligations in one bulk issue. */
export const SUPERVISION_MAX_BATCH = 500;
export const SUPERVISION_NOTE_MAX = 1000;

export const CRITICISM_TITLE_MAX = 200;
export const CRITICISM_BODY_MAX = 5000;
export const CRITICISM_MAX_ORGANISATIONS = 200;

/**
 * issued → acknowledged (by the owing organisation) → resolved (the obligation is filed), or
 * lapsed once its deadline passes with the obligation still unfiled.
 */
export const SUPERVISION_STATES = ['issued', 'acknowledged', 'resolved', 'lapsed'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];
/** The states in which a notice is open: one open notice per obligation at most. */
export const OPEN_SUPERVISION_STATES: readonly SupervisionState[] = ['issued', 'acknowledged'];

export type SupervisionNotice = {
  id: string;
  eventId: string;
  obligationId: string;
  organisationId: string;
  organisationName: string;
  /** What is owed: the obligation's subject (an agreement's title), step and number. */
  subjectTitle: string;
  step: string;
  seq: number;
  /** The obligation's own due day and state. */
  dueOn: string;
  obligationState: string;
  note: string;
  issuedBy: string | null;
  /** The new deadline: a day in the event's zone, and the instant it ends. */
  deadlineOn: string;
  deadlineAt: string;
  /** The deadline falls in a year whose holiday arrangement the calendar does not have yet. */
  deadlineProvisional: boolean;
  /** The event's zone, in which every day of the notice is shown. */
  timeZone: string;
  state: SupervisionState;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  lapsedAt: string | null;
  version: number;
  createdAt: string;
};

/** Organisers issue notices, in bulk, for overdue obligations of an event. */
export type SupervisionIssueInput = {
  obligationIds: string[];
  /** The new deadline, in working days of the event's zone from today (1–30). */
  workingDays: number;
  note?: string;
};

export const SUPERVISION_SKIP_REASONS = ['not_found', 'not_overdue', 'under_notice'] as const;
export type SupervisionSkipReason = (typeof SUPERVISION_SKIP_REASONS)[number];

export type SupervisionIssueResult = {
  issued: SupervisionNotice[];
  /** Obligations named but not put under a notice, and why. */
  skipped: { obligationId: string; reason: SupervisionSkipReason }[];
};

export type SupervisionAcknowledgeInput = { version: number };

export type SupervisionListQuery = { state?: SupervisionState; page?: number; pageSize?: number };
/** The supervision notices' filter without paging: what their export takes. */
export type SupervisionExportFilter = Omit<SupervisionListQuery, 'page' | 'pageSize'>;

/** An organisation that may be named on the notice of criticism, with what it still owes under a lapsed notice. */
export type CriticismCandidate = {
  organisationId: string;
  organisationName: string;
  obligations: { id: string; subjectTitle: string; step: string; seq: number; dueOn: string; deadlineOn: string }[];
};

export type CriticismPublishInput = { title: string; body: string; organisationIds: string[] };

export type CriticismEntry = {
  organisationId: string;
  organisationName: string;
  obligations: { id: string; subjectTitle: string; step: string; seq: number; dueOn: string; state: string }[];
  /** When it left the notice (整改): every obligation it was named for is filed. */
  rectifiedAt: string | null;
};

export type CriticismNotice = {
  id: string;
  eventId: string;
  title: string;
  body: string;
  publishedBy: string | null;
  publishedAt: string;
  timeZone: string;
  entries: CriticismEntry[];
};
