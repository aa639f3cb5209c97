// Follow-up (跟踪落实) of signed agreements: the event's plan of report cycles, who owes each
// report, when each falls due, and the report a party files. Decision: docs/decisions/0012-obligations.md.
import type { LedgerEntry, LedgerEntryInput } from './api';
import type { AgreementKind, AgreementPartyRole } from './domain';
import { countWorkingDays, type Obligation } from './obligations';
import { zonedDateTime } from './working-days';

export const CADENCE_UNITS = ['week', 'month'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];

/** Report every `every` weeks or months, counted in calendar time from the signing day. */
export type Cadence = { every: number; unit: CadenceUnit };

/** Per kind of agreement, how often it is reported on; null: not at all. */
export type FollowUpCadences = Record<AgreementKind, Cadence | null>;

/**
 * The defaults the seed describes: the finance office tracks loans (and credit lines and
 * guarantees, like loans) every two weeks until performed; supply, distribution and target
 * responsibility letters monthly; an intent agreement binds no one to report.
 */
export const DEFAULT_FOLLOW_UP_CADENCES: FollowUpCadences = {
  loan: { every: 2, unit: 'week' },
  credit_line: { every: 2, unit: 'week' },
  guarantee: { every: 2, unit: 'week' },
  supply_contract: { every: 1, unit: 'month' },
  distribution: { every: 1, unit: 'month' },
  target_responsibility: { every: 1, unit: 'month' },
  intent: null,
};

/** The longest cadence a plan may set, per unit (a year). */
export const MAX_CADENCE: Record<CadenceUnit, number> = { week: 52, month: 12 };

export type FollowUpPlan = {
  eventId: string;
  cadences: FollowUpCadences;
  /** 0 while the event runs on the defaults (nothing saved yet). */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
};

/** Replaces the plan: every kind named, null for none. It applies to agreements signed from then on. */
export type FollowUpPlanInput = { version: number; cadences: FollowUpCadences };

export const REPORT_STEPS = ['financing', 'delivery', 'progress'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/**
 * Who reports what on each kind: the party whose role records that step in the ledger. The lender
 * reports approval and disbursement, the seller (supplier or producer) delivery, the enterprise the
 * progress of a target responsibility letter. (A buyer's payment joins as its own step once the
 * ledger records payments.)
 */
export const REPORT_DUTIES: Record<AgreementKind, readonly { step: ReportStep; roles: readonly AgreementPartyRole[] }[]> = {
  loan: [{ step: 'financing', roles: ['lender'] }],
  credit_line: [{ step: 'financing', roles: ['lender'] }],
  guarantee: [{ step: 'financing', roles: ['lender'] }],
  supply_contract: [{ step: 'delivery', roles: ['supplier', 'producer'] }],
  distribution: [{ step: 'delivery', roles: ['producer'] }],
  target_responsibility: [{ step: 'progress', roles: ['borrower', 'supplier', 'producer', 'builder'] }],
  intent: [],
};

/**
 * How many reports of a step exist ahead: the reports due by today, or up to the last one filed,
 * and this many more. Later ones are created as earlier ones are filed (or fall due), so a year of
 * two-weekly reports is not 26 rows at signing.
 */
export const REPORT_HORIZON = 3;

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** YYYY-MM-DD plus n calendar days. */
export function addCalendarDays(day: string, n: number): string {
  return iso(utc(day) + n * DAY_MS);
}

/** YYYY-MM-DD plus n calendar months, kept within the month (31 January + 1 month → 28 or 29 February). */
export function addCalendarMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m - 1 + n;
  const year = y + Math.floor(month / 12);
  const inYear = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, inYear + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, inYear, Math.min(d, last)));
}

/**
 * The due day of report n (from 1) of a schedule anchored on its signing day: n cadences on, in
 * calendar weeks or months, moved to the next working day when it falls on a weekend, a holiday
 * or a day off of 调休 (a make-up Saturday is a working day and keeps it). Each report is counted
 * from the anchor, not from the report before, so a holiday never pushes the later ones.
 * `provisional` when the calendar does not know that year yet (see countWorkingDays).
 */
export function reportDueDay(anchorDay: string, cadence: Cadence, n: number): { day: string; provisional: boolean } {
  const raw = cadence.unit === 'week' ? addCalendarDays(anchorDay, 7 * cadence.every * n) : addCalendarMonths(anchorDay, cadence.every * n);
  return countWorkingDays(raw, 0);
}

/** The instant a due day ends in the zone (the next day's midnight there): the report is late from then on. */
export function dueInstant(dueOn: string, timeZone: string): Date {
  return zonedDateTime(addCalendarDays(dueOn, 1), '00:00', timeZone);
}

/** A report on an agreement: a narrative, problems needing coordination, and its ledger lines. */
export type AgreementReportInput = {
  /** The obligation's version the party read (optimistic concurrency). */
  version: number;
  narrative: string;
  /** Problems needing the organisers' coordination (资金, 运输, 电力, 用地, 审批 …), free text. */
  problems?: string;
  /** The stages reached, each recorded as a ledger entry under the ledger's rules. */
  lines: LedgerEntryInput[];
};

/** One filing of a report (a returned report is filed again as the next round). */
export type AgreementReport = {
  id: string;
  obligationId: string;
  agreementId: string;
  round: number;
  narrative: string;
  problems: string;
  /** The ledger entries this filing recorded: the same rows the agreement's ledger shows. */
  lines: LedgerEntry[];
  filedBy: string;
  filedAt: string;
};

/** An obligation with the reports filed for it, oldest first. */
export type ObligationReports = { obligation: Obligation; reports: AgreementReport[] };

/** An agreement's report schedule: the plan's cadence when it was signed, and its obligations. */
export type AgreementFollowUp = {
  agreementId: string;
  cadence: Cadence | null;
  /** The signing day in the event's time zone, from which reports are counted. */
  anchorDay: string | null;
  timeZone: string | null;
  obligations: Obligation[];
};

/** A file attached to a report obligation as evidence (a PDF, or a photo of a document). */
export type EvidenceFile = {
  id: string;
  obligationId: string;
  name: string;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  uploadedAt: string;
};
