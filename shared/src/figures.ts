// The results of an event (对接成效) as organisers and leaders read them: one answer computed by
// the server's figures service, which the console, the leadership view, the exports and the
// briefing all draw from. Amounts are integer yuan (shown as 万元/亿元 by the client).

import type { SessionKind } from './domain';

/** What the figures are narrowed to; every field is optional. */
export type FiguresQuery = {
  sessionId?: string;
  /** Industry chain code (shared/src/taxonomy.ts), or 'other' for deals under no chain. */
  chain?: string;
  /** GB/T 2260 code of a province, prefecture or county: the enterprise side's region within it. */
  region?: string;
  /** A financial institution (the lender of financing deals). */
  institutionId?: string;
  /** First and last day (YYYY-MM-DD, in the event's time zone) of signing or of activity. */
  from?: string;
  to?: string;
  /** An earlier event to compare with (较上届). */
  compareTo?: string;
};

/** The funnel, top to bottom. */
export const FUNNEL_STEPS = [
  'participants',
  'listings',
  'actedOn',
  'meetingRequests',
  'meetingsHeld',
  'drafted',
  'signed',
  'confirmed',
  'approved',
  'fulfilling',
  'performed',
] as const;
export type FunnelStepKey = (typeof FUNNEL_STEPS)[number];

export type FunnelStep = {
  key: FunnelStepKey;
  count: number;
  /** Of the step before it, as a fraction; null for the first step or when the step before is 0. */
  conversion: number | null;
};

/** A count with its amount in yuan. */
export type CountAmount = { count: number; amount: number };

/**
 * Deals split the way event reports split them: signed (签约, every kind but intent, signed or
 * confirmed), intent (意向, intent agreements signed) and under negotiation (洽谈中, drafts), with
 * what has followed signing.
 */
export type DealFigures = {
  signed: CountAmount;
  intent: CountAmount;
  negotiating: CountAmount;
  /** Yuan approved, disbursed (financing) and delivered (goods) on signed deals. */
  approved: number;
  disbursed: number;
  delivered: number;
  /** Signed deals performed (履约完成). */
  performed: number;
};

/** A breakdown row: the deals under one key (a session kind, a chain, a day…). */
export type DealRow = DealFigures & { key: string };

/** A prefecture's deals with its counties' rows. */
export type RegionRow = DealRow & { counties: DealRow[] };

/** Deal-size buckets in yuan, lower bound inclusive; the last is open. */
export const DEAL_SIZE_BUCKETS = [0, 1_000_000, 10_000_000, 50_000_000, 100_000_000, 500_000_000] as const;

/** The bucket key of an amount: its lower bound in yuan. */
export function dealSizeBucket(amount: number): number {
  let bucket: number = DEAL_SIZE_BUCKETS[0];
  for (const lower of DEAL_SIZE_BUCKETS) if (amount >= lower) bucket = lower;
  return bucket;
}

/** Goods signed in physical quantity, per product and unit, beside their value. */
export type GoodsRow = { product: string; unit: string; quantity: number; count: number; amount: number };

/** Signed goods flowing from the product sold to the product its buyer makes (for a Sankey). */
export type ChainFlow = {
  /** The product category sold. */
  from: string;
  /** The category the buyer makes (one step down a chain), or its industry division when it posted none. */
  to: string;
  toIndustry: boolean;
  amount: number;
};

/** A financial institution's row: what it posted, answered, signed and followed. */
export type InstitutionRow = {
  organisationId: string;
  name: string;
  productsPosted: number;
  applicationsReceived: number;
  applicationsAnswered: number;
  /** Median hours from an application to its answer, null when none answered. */
  medianAnswerHours: number | null;
  signed: CountAmount;
  approved: number;
  disbursed: number;
  /** Reports (any obligation) it owes that are past due now. */
  overdueReports: number;
};

export type DayRow = { day: string; signed: CountAmount; cumulative: CountAmount };

export type HeadlineFigures = DealFigures & {
  /** The event's signing target in yuan (0 when none was set). */
  target: number;
};

export type EventFigures = {
  eventId: string;
  eventName: string;
  timeZone: string;
  /** When the answer was computed (ISO). */
  at: string;
  query: FiguresQuery;
  headline: HeadlineFigures;
  funnel: FunnelStep[];
  bySessionKind: (DealRow & { key: SessionKind })[];
  bySession: (DealRow & { title: string })[];
  byChain: DealRow[];
  byRegion: RegionRow[];
  byDay: DayRow[];
  bySize: DealRow[];
  goods: GoodsRow[];
  flows: ChainFlow[];
  institutions: InstitutionRow[];
  /** The same headline and funnel for the earlier event chosen, narrowed by chain, region and institution alike (not by session or dates). */
  comparison: { eventId: string; eventName: string; headline: HeadlineFigures; funnel: FunnelStep[] } | null;
};

/** The change from an earlier figure as a fraction (较上届), null when there is nothing to compare. */
export function changeFrom(now: number, before: number): number | null {
  if (before === 0) return null;
  return (now - before) / before;
}

/**
 * Whose region a deal is counted under: the first of its parties in this order (the borrower of
 * a loan, the seller of goods, the enterprise of a responsibility letter).
 */
export const ENTERPRISE_ROLE_ORDER = ['borrower', 'supplier', 'producer', 'builder', 'buyer', 'distributor', 'guarantor', 'lender'] as const;

/** The buyer side of a goods deal. */
export const BUYER_ROLES = ['buyer', 'builder', 'distributor'] as const;
