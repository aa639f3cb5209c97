// Coordination (协调) after the signing: the event's member departments, problems parties raise
// and organisers route to a department that answers by a due day, liaison officers (联络员) of key
// enterprises and their operating reports, and the weekly summary for the coordination group.
// Server: server/src/coordination. What is owed by a date is an obligation (shared/src/obligations.ts).
import type { Obligation, ObligationKind } from './obligations';

/** Departments the client suggests for a new event (finance office, economic commission, commerce, housing). */
export const SUGGESTED_DEPARTMENTS = ['财政厅', '经济和信息化委员会', '商务厅', '住房和城乡建设厅'] as const;

export type Department = {
  id: string;
  eventId: string;
  name: string;
  /** The organiser organisation whose users answer for it. */
  organisationId: string;
  organisationName: string;
  /** Problems routed to it and not yet answered. */
  openProblems: number;
  createdAt: string;
};

export type DepartmentInput = { name: string; organisationId: string };

/** 资金 financing, 运输 transport, 电力 power, 用地 land, 审批 approval, other. */
export const PROBLEM_CATEGORIES = ['financing', 'transport', 'power', 'land', 'approval', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const PROBLEM_URGENCIES = ['urgent', 'normal'] as const;
export type ProblemUrgency = (typeof PROBLEM_URGENCIES)[number];

/** received → in_progress (routed to a department, an answer owed) → resolved (answered). */
export const PROBLEM_STATES = ['received', 'in_progress', 'resolved'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

/** Working days a department has to answer when the organiser does not say. */
export const DEFAULT_ANSWER_WORKING_DAYS: Record<ProblemUrgency, number> = { urgent: 2, normal: 5 };
export const MAX_ANSWER_WORKING_DAYS = 60;

export type Problem = {
  id: string;
  eventId: string;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  raisedBy: string | null;
  agreementId: string | null;
  agreementTitle: string | null;
  category: ProblemCategory;
  urgency: ProblemUrgency;
  title: string;
  description: string;
  state: ProblemState;
  departmentId: string | null;
  departmentName: string | null;
  /** The answer owed by the department (null until routed). */
  obligationId: string | null;
  dueOn: string | null;
  /** Not answered and past its due day (read from the clock in the event's zone). */
  overdue: boolean;
  routedAt: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  version: number;
  createdAt: string;
};

export type ProblemInput = {
  category: ProblemCategory;
  urgency: ProblemUrgency;
  title: string;
  description: string;
  /** An agreement the caller's organisation is party to; absent: for its organisation. */
  agreementId?: string;
};

export type ProblemRouteInput = { departmentId: string; answerWorkingDays?: number; version: number };
export type ProblemAnswerInput = { answer: string; version: number };

export type ProblemListQuery = {
  state?: ProblemState;
  category?: ProblemCategory;
  urgency?: ProblemUrgency;
  departmentId?: string;
  page?: number;
  pageSize?: number;
};

/** The problem queue's filters without paging: what its export takes. */
export type ProblemExportQuery = Omit<ProblemListQuery, 'page' | 'pageSize'>;

export const LIAISON_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type LiaisonCadence = (typeof LIAISON_CADENCES)[number];

/** Operating reports owed ahead of the one due next, at most (later ones are owed as these are filed). */
export const LIAISON_HORIZON = 2;

export type Liaison = {
  eventId: string;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  userName: string;
  cadence: LiaisonCadence;
  /** The day the designation counts its reports from, in the event's zone. */
  since: string;
  reportsFiled: number;
  lastReportAt: string | null;
  lastUrgentAt: string | null;
  /** The next report owed, if any. */
  nextDueOn: string | null;
  overdue: number;
  version: number;
};

export type LiaisonInput = { userId: string; cadence: LiaisonCadence };

export type LiaisonReportFields = {
  production: string;
  sales: string;
  inventory: string;
  capital: string;
  transport: string;
  difficulties: string;
};

export type LiaisonReportInput = LiaisonReportFields & { version: number; urgent: boolean };
export type UrgentLiaisonReportInput = LiaisonReportFields;

export type LiaisonReport = LiaisonReportFields & {
  id: string;
  eventId: string;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  filedBy: string | null;
  /** The report owed it answers (null: an urgent report filed outside the cadence). */
  obligationId: string | null;
  dueOn: string | null;
  urgent: boolean;
  createdAt: string;
};

export type LiaisonReportListQuery = { organisationId?: string; urgent?: boolean; page?: number; pageSize?: number };
/** The operating reports' filter without paging: what their export takes. */
export type LiaisonReportExportFilter = Omit<LiaisonReportListQuery, 'page' | 'pageSize'>;

/** The liaison's own: what is owed, and what was filed. */
export type MyLiaisonReports = { owed: Obligation[]; filed: LiaisonReport[] };

export type CategoryCounts = Record<ProblemCategory, number>;

/** What the coordination group reads each Monday about the week before (in the event's zone). */
export type WeeklyFigures = {
  /** The week: [from, to) days in the event's zone, Monday to the next Monday. */
  from: string;
  to: string;
  generatedAt: string;
  obligations: {
    /** Filed (first or again) during the week, by kind. */
    filed: Partial<Record<ObligationKind, number>>;
    accepted: number;
    returned: number;
    /** Outstanding and past due when the summary was made. */
    overdue: { count: number; organisations: { id: string; name: string; count: number }[] };
  };
  problems: { opened: CategoryCounts; solved: CategoryCounts; open: CategoryCounts; urgentOpened: number };
  liaison: { reports: number; urgent: number };
};

export type WeeklySummary = { id: string; eventId: string; weekStart: string; timeZone: string; figures: WeeklyFigures; createdAt: string };
export type WeeklySummaryListItem = Omit<WeeklySummary, 'figures'> & {
  overdue: number;
  problemsOpened: number;
  problemsSolved: number;
  liaisonReports: number;
};
export type WeeklySummaryInput = { weekStart?: string };

/** The Monday on or before a day (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const dow = new Date(ms).getUTCDay(); // 0 Sunday
  const back = (dow + 6) % 7;
  return new Date(ms - back * 86_400_000).toISOString().slice(0, 10);
}
