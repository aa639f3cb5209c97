// The organisers' 跟踪落实 view: every signed (or confirmed) agreement of an event with the stage
// its ledger reached, its next report due and its state read from the clock (server/src/tracking).
import type { Page } from './api';
import type { AgreementKind, AgreementPartyRole, AgreementStatus, SessionKind } from './domain';
import type { ObligationState } from './obligations';
import { chainOfProduct, PRODUCT_CATEGORIES } from './taxonomy';

/**
 * An agreement's follow-up state, first match wins: `performed` once its ledger is closed
 * (performed or terminated), `under_supervision` while one of its reports has an open supervision
 * notice (督办), `overdue` when a report it owes is past due, `due_soon` when the next is due within
 * DUE_SOON_WORKING_DAYS working days, else `on_time` (nothing owed yet counts as on time).
 */
export const TRACKING_STATES = ['on_time', 'due_soon', 'overdue', 'under_supervision', 'performed'] as const;
export type TrackingState = (typeof TRACKING_STATES)[number];

/** The furthest step its ledger records: signed → approved → disbursed / delivered → performed (or terminated). */
export const TRACKING_STAGES = ['signed', 'approved', 'disbursed', 'delivered', 'performed', 'terminated'] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];

export type TrackingParty = { organisationId: string; name: string; role: AgreementPartyRole };

/** The soonest report the agreement still owes. */
export type TrackingNextDue = {
  obligationId: string;
  /** YYYY-MM-DD in the event's time zone. */
  dueOn: string;
  dueAt: string;
  organisationId: string;
  organisationName: string;
  state: ObligationState;
};

export type TrackingRow = {
  agreementId: string;
  title: string;
  kind: AgreementKind;
  status: AgreementStatus;
  /** Yuan. */
  amount: number;
  signedAt: string | null;
  session: { id: string; kind: SessionKind; title: string };
  /** Industry chain code of the product ('other' when none), as the ceremony counts it. */
  chain: string;
  parties: TrackingParty[];
  /** The lending bank (its lender party), where there is one. */
  lenderOrganisationId: string | null;
  /** The supplier (or producer) of goods, where there is one. */
  supplierOrganisationId: string | null;
  stage: TrackingStage;
  nextDue: TrackingNextDue | null;
  state: TrackingState;
  reports: {
    /** Filed at least once. */
    filed: number;
    accepted: number;
    /** Filed and awaiting review. */
    awaitingReview: number;
    /** Outstanding past their due instant. */
    overdue: number;
  };
  /** Outstanding reports past due: what a supervision notice (督办) is issued on. */
  overdueObligationIds: string[];
};

export type TrackingQuery = {
  sessionId?: string;
  /** An industry chain code, or 'other'. */
  chain?: string;
  /** Any party. */
  organisationId?: string;
  /** The lender party. */
  bankId?: string;
  state?: TrackingState;
  page?: number;
  pageSize?: number;
};

/** The tracking view's filters without paging: what its export takes. */
export type TrackingExportFilter = Omit<TrackingQuery, 'page' | 'pageSize'>;

/** How many agreements are in each state, under the filters other than the state. */
export type TrackingTotals = Record<TrackingState, number> & { all: number };

export type TrackingPage = Page<TrackingRow> & { totals: TrackingTotals; timeZone: string };

/** The most rows one page of the tracking view holds. */
export const MAX_TRACKING_PAGE_SIZE = 100;

/** The product categories an agreement must carry to count under `chain` ('other': none of the chains'). */
export function productsOfChain(chain: string): string[] {
  return PRODUCT_CATEGORIES.map((c) => c.code).filter((code) => chainOfProduct(code) === chain);
}
