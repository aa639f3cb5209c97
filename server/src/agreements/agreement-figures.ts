import { BUYER_ROLES, DEAL_SIZE_BUCKETS, ENTERPRISE_ROLE_ORDER } from '@duijie/shared';
import type { EntityManager } from 'typeorm';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';

// Reads of agreements for the event's figures, and the per-agreement progress row they read.

/**
 * Recomputes the progress rows of these agreements from their parties and ledger entries, in the
 * caller's transaction (decision 0015). One statement whatever the number of agreements.
 */
export async function refreshAgreementProgress(manager: EntityManager, agreementIds: string[]): Promise<void> {
  if (!agreementIds.length) return;
  await manager.query(
    `INSERT INTO agreement_progress ("agreementId", "enterpriseOrganisationId", "institutionOrganisationId", "buyerOrganisationId",
                                     approved, disbursed, delivered, outcome)
     SELECT a.id,
            (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = ANY($2::text[])
              ORDER BY array_position($2::text[], p.role::text), p."organisationId" LIMIT 1),
            (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = 'lender' LIMIT 1),
            (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = ANY($3::text[])
              ORDER BY p."organisationId" LIMIT 1),
            COALESCE(l.approved, 0), COALESCE(l.disbursed, 0), COALESCE(l.delivered, 0), COALESCE(l.outcome, 'open')
       FROM agreement a
       LEFT JOIN LATERAL (
              SELECT SUM(e.amount) FILTER (WHERE e.kind = 'approved') AS approved,
                     SUM(e.amount) FILTER (WHERE e.kind = 'disbursed') AS disbursed,
                     SUM(e.amount) FILTER (WHERE e.kind = 'delivered') AS delivered,
                     MIN(e.kind) FILTER (WHERE e.kind IN ('performed', 'terminated') AND e."reopenedAt" IS NULL) AS outcome
                FROM agreement_ledger_entry e WHERE e."agreementId" = a.id) l ON true
      WHERE a.id = ANY($1::uuid[])
     ON CONFLICT ("agreementId") DO UPDATE SET
            "enterpriseOrganisationId" = EXCLUDED."enterpriseOrganisationId",
            "institutionOrganisationId" = EXCLUDED."institutionOrganisationId",
            "buyerOrganisationId" = EXCLUDED."buyerOrganisationId",
            approved = EXCLUDED.approved, disbursed = EXCLUDED.disbursed, delivered = EXCLUDED.delivered, outcome = EXCLUDED.outcome`,
    [agreementIds, ENTERPRISE_ROLE_ORDER, BUYER_ROLES],
  );
}

/** Deals narrowed beyond the scope: to the products of a chain, to one institution. */
export type DealFilter = { products: { in: string[] } | { notIn: string[] } | null; institutionId: string | null };

/** The scope and filter as conditions over `agreement a`, `agreement_progress p` and the enterprise's `organisation o`. */
function dealConditions(scope: FiguresScope, filter: DealFilter, at: string, params: unknown[]): string {
  const conditions = [scopeConditions(scope, { event: 'a."eventId"', session: 'a."sessionId"', at, region: 'o.region' }, params)];
  if (filter.products && 'in' in filter.products) conditions.push(`a.product = ANY($${params.push(filter.products.in)}::text[])`);
  if (filter.products && 'notIn' in filter.products) {
    conditions.push(`(a.product IS NULL OR NOT (a.product = ANY($${params.push(filter.products.notIn)}::text[])))`);
  }
  if (filter.institutionId) conditions.push(`p."institutionOrganisationId" = $${params.push(filter.institutionId)}`);
  return conditions.join(' AND ');
}

/** Which breakdown a group belongs to; 'all' is the whole scope. */
export type DealGrouping = 'all' | 'session' | 'product' | 'region' | 'day' | 'size' | 'institution';

/** One group of deals of one class (signed, intent, negotiating) under one key. */
export type DealGroup = {
  grouping: DealGrouping;
  key: string | null;
  /** The unit of a product group's quantity. */
  unit: string | null;
  dealClass: 'signed' | 'intent' | 'negotiating';
  count: number;
  amount: number;
  quantity: number;
  approved: number;
  disbursed: number;
  delivered: number;
  performed: number;
};

const SIZE_CASE = `CASE ${[...DEAL_SIZE_BUCKETS]
  .reverse()
  .map((lower) => `WHEN a.amount >= ${lower} THEN '${lower}'`)
  .join(' ')} END`;

/**
 * Every breakdown of an event's deals in one scan (GROUPING SETS): by session, product and unit,
 * the enterprise side's region, the day signed (in the event's zone), size bucket and institution,
 * each split by class. Drafts count by the day they were drafted.
 */
export async function dealGroups(manager: EntityManager, scope: FiguresScope, filter: DealFilter, timeZone: string): Promise<DealGroup[]> {
  const params: unknown[] = [];
  const tz = `$${params.push(timeZone)}`;
  const where = dealConditions(scope, filter, 'COALESCE(a."signedAt", a."createdAt")', params);
  const rows: (Omit<DealGroup, 'grouping'> & {
    g: number;
    session: string | null;
    product: string | null;
    region: string | null;
    day: string | null;
    size: string | null;
    institution: string | null;
  })[] = await manager.query(
    `WITH d AS (
         SELECT a."sessionId" AS session, a.product, a.unit, a.amount, COALESCE(a.quantity, 0) AS quantity,
                CASE WHEN a.status = 'drafting' THEN 'negotiating' WHEN a.kind = 'intent' THEN 'intent' ELSE 'signed' END AS "dealClass",
                o.region, p."institutionOrganisationId" AS institution,
                to_char(COALESCE(a."signedAt", a."createdAt") AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day,
                ${SIZE_CASE} AS size,
                p.approved, p.disbursed, p.delivered, p.outcome
           FROM agreement a
           JOIN agreement_progress p ON p."agreementId" = a.id
           LEFT JOIN organisation o ON o.id = p."enterpriseOrganisationId"
          WHERE ${where})
       SELECT GROUPING(session, product, unit, region, day, size, institution) AS g,
              session, product, unit, region, day, size, institution, "dealClass",
              COUNT(*)::int AS count, COALESCE(SUM(amount), 0)::float8 AS amount, COALESCE(SUM(quantity), 0)::float8 AS quantity,
              COALESCE(SUM(approved), 0)::float8 AS approved, COALESCE(SUM(disbursed), 0)::float8 AS disbursed,
              COALESCE(SUM(delivered), 0)::float8 AS delivered, (COUNT(*) FILTER (WHERE outcome = 'performed'))::int AS performed
         FROM d
        GROUP BY GROUPING SETS (("dealClass"), ("dealClass", session), ("dealClass", product, unit), ("dealClass", region),
                                ("dealClass", day), ("dealClass", size), ("dealClass", institution))`,
    params,
  );
  // GROUPING() sets a bit for each column not grouped, the first column highest.
  const GROUPED: Record<number, DealGrouping> = {
    [0b1111111]: 'all',
    [0b0111111]: 'session',
    [0b1001111]: 'product',
    [0b1110111]: 'region',
    [0b1111011]: 'day',
    [0b1111101]: 'size',
    [0b1111110]: 'institution',
  };
  return rows.map((r) => {
    const grouping = GROUPED[r.g];
    const key = { all: null, session: r.session, product: r.product, region: r.region, day: r.day, size: r.size, institution: r.institution }[grouping];
    return {
      grouping,
      key,
      unit: grouping === 'product' ? r.unit : null,
      dealClass: r.dealClass,
      count: r.count,
      amount: r.amount,
      quantity: r.quantity,
      approved: r.approved,
      disbursed: r.disbursed,
      delivered: r.delivered,
      performed: r.performed,
    };
  });
}

/** The agreement steps of the funnel: drafted, signed, confirmed, approved, disbursed or delivered, performed. */
export async function agreementFunnel(
  manager: EntityManager,
  scope: FiguresScope,
  filter: DealFilter,
): Promise<{ drafted: number; signed: number; confirmed: number; approved: number; fulfilling: number; performed: number }> {
  const params: unknown[] = [];
  const where = dealConditions(scope, filter, 'a."createdAt"', params);
  const [row] = await manager.query(
    `SELECT COUNT(*)::int AS drafted,
            (COUNT(*) FILTER (WHERE a.status IN ('signed', 'confirmed')))::int AS signed,
            (COUNT(*) FILTER (WHERE a.status = 'confirmed'))::int AS confirmed,
            (COUNT(*) FILTER (WHERE p.approved > 0))::int AS approved,
            (COUNT(*) FILTER (WHERE p.disbursed > 0 OR p.delivered > 0))::int AS fulfilling,
            (COUNT(*) FILTER (WHERE p.outcome = 'performed'))::int AS performed
       FROM agreement a
       JOIN agreement_progress p ON p."agreementId" = a.id
       LEFT JOIN organisation o ON o.id = p."enterpriseOrganisationId"
      WHERE ${where}`,
    params,
  );
  return row;
}

/** Signed goods by product and the buyer's organisation, for the chain flow. */
export async function goodsByBuyer(
  manager: EntityManager,
  scope: FiguresScope,
  filter: DealFilter,
): Promise<{ product: string; buyerId: string; amount: number }[]> {
  const params: unknown[] = [];
  const where = dealConditions(scope, filter, 'a."signedAt"', params);
  return manager.query(
    `SELECT a.product, p."buyerOrganisationId" AS "buyerId", SUM(a.amount)::float8 AS amount
       FROM agreement a
       JOIN agreement_progress p ON p."agreementId" = a.id
       LEFT JOIN organisation o ON o.id = p."enterpriseOrganisationId"
      WHERE ${where} AND a.status IN ('signed', 'confirmed') AND a.kind <> 'intent'
        AND a.product IS NOT NULL AND p."buyerOrganisationId" IS NOT NULL
      GROUP BY a.product, p."buyerOrganisationId"`,
    params,
  );
}
