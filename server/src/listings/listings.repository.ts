import {
  LISTING_TYPES,
  type BoardTotals,
  type CreditOfferFields,
  type FinancingNeedFields,
  type GoodsFields,
  type GuaranteeOfferFields,
  type ListingStatus,
  type ListingType,
  type ListingView,
} from '@duijie/shared';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';
import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ListingEntity } from './listing.entity';
import { toListingView, type ListingOrganisation } from './listings.mapper';

// Reads of the listing table. Other capabilities (the board) ask through these, never by SQL of their own.

/** Listings with the public facts of the organisation that posted them. */
export function listingsWithOrganisation(manager: EntityManager) {
  return manager
    .getRepository(ListingEntity)
    .createQueryBuilder('l')
    .innerJoin(OrganisationEntity, 'o', 'o.id = l.organisationId')
    .addSelect(['o.name AS "orgName"', 'o.kind AS "orgKind"', 'o.region AS "orgRegion"', 'o.size AS "orgSize"', 'o.industry AS "orgIndustry"']);
}

/** A session's open listings as the public board shows them, newest first. */
export async function openBoardListings(manager: EntityManager, sessionId: string): Promise<ListingView[]> {
  const { entities, raw } = await listingsWithOrganisation(manager)
    .where("l.sessionId = :sessionId AND l.status = 'open'", { sessionId })
    .orderBy('l.updatedAt', 'DESC')
    .addOrderBy('l.id', 'ASC')
    .getRawAndEntities<ListingOrganisation>();
  return entities.map((l, i) => toListingView(l, raw[i], false));
}

export type ListingFigures = Pick<BoardTotals, 'listingsOpen' | 'byType' | 'goods' | 'financingNeeded' | 'creditOffered' | 'guaranteeCapacity'>;

/** The board's listing figures, computed by the database over a session's open listings. */
export async function openListingFigures(manager: EntityManager, sessionId: string): Promise<ListingFigures> {
  const q = (sql: string) => manager.query(sql, [sessionId]);
  // One round trip per aggregate, run one after another: inside a transaction a
  // connection serves one query at a time anyway.
  const byTypeRows: { type: ListingType; n: number }[] = await q(
    `SELECT type, COUNT(*)::int AS n FROM listing WHERE "sessionId" = $1 AND status = 'open' GROUP BY type`,
  );
  const goodsRows: { category: string; unit: string; supply: number; demand: number }[] = await q(
    `SELECT goods->>'category' AS category, goods->>'unit' AS unit,
            COALESCE(SUM((goods->>'quantity')::numeric) FILTER (WHERE type = 'supply'), 0)::float8 AS supply,
            COALESCE(SUM((goods->>'quantity')::numeric) FILTER (WHERE type = 'demand'), 0)::float8 AS demand
       FROM listing WHERE "sessionId" = $1 AND status = 'open' AND type IN ('supply', 'demand')
      GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const [money]: { financing: string; credit: string; guarantee: string }[] = await q(
    `SELECT COALESCE(SUM((financing->>'amount')::bigint), 0)::text AS financing,
            COALESCE(SUM((credit->>'totalLine')::bigint), 0)::text AS credit,
            COALESCE(SUM((guarantee->>'capacity')::bigint), 0)::text AS guarantee
       FROM listing WHERE "sessionId" = $1 AND status = 'open'`,
  );
  const byType = Object.fromEntries(LISTING_TYPES.map((t) => [t, 0])) as Record<ListingType, number>;
  for (const row of byTypeRows) byType[row.type] = row.n;
  return {
    listingsOpen: Object.values(byType).reduce((a, b) => a + b, 0),
    byType,
    goods: goodsRows.map((r) => ({ category: r.category, unit: r.unit, supplyQuantity: r.supply, demandQuantity: r.demand })),
    financingNeeded: Number(money.financing),
    creditOffered: Number(money.credit),
    guaranteeCapacity: Number(money.guarantee),
  };
}

/** Listings posted in an event within the scope (withdrawn ones too: they were posted), of these goods categories when given. */
export async function postedListingCount(
  manager: EntityManager,
  scope: FiguresScope,
  categories: { in: string[] } | { notIn: string[] } | null,
): Promise<number> {
  const params: unknown[] = [];
  let where = scopeConditions(scope, { event: 'l."eventId"', session: 'l."sessionId"', at: 'l."createdAt"', region: 'o.region' }, params);
  if (categories && 'in' in categories) where += ` AND l.goods->>'category' = ANY($${params.push(categories.in)}::text[])`;
  if (categories && 'notIn' in categories) where += ` AND NOT COALESCE(l.goods->>'category' = ANY($${params.push(categories.notIn)}::text[]), false)`;
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n FROM listing l JOIN organisation o ON o.id = l."organisationId" WHERE ${where}`,
    params,
  );
  return row.n;
}

/** Credit products (offers of credit lines or guarantees) each organisation posted in an event. */
export async function creditProductCounts(manager: EntityManager, eventId: string): Promise<Map<string, number>> {
  const rows: { organisationId: string; n: number }[] = await manager.query(
    `SELECT "organisationId", COUNT(*)::int AS n FROM listing
      WHERE "eventId" = $1 AND type IN ('credit_offer', 'guarantee_offer') GROUP BY "organisationId"`,
    [eventId],
  );
  return new Map(rows.map((r) => [r.organisationId, r.n]));
}

/** The goods categories each of these organisations supplies in an event (its supply listings, open or not). */
export async function supplyCategoriesOf(manager: EntityManager, eventId: string, organisationIds: string[]): Promise<Map<string, string[]>> {
  const rows: { organisationId: string; categories: string[] }[] = await manager.query(
    `SELECT "organisationId", array_agg(DISTINCT goods->>'category') AS categories FROM listing
      WHERE "eventId" = $1 AND "organisationId" = ANY($2::uuid[]) AND type = 'supply' AND goods IS NOT NULL GROUP BY "organisationId"`,
    [eventId, organisationIds],
  );
  return new Map(rows.map((r) => [r.organisationId, r.categories]));
}

/**
 * A listing as the event's summary table (供需对接情况汇总表) prints it for every participant: the
 * public facts only. The confidential part is never read, nor the collateral of a financing need.
 */
export type SummaryListingRow = {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  organisationRegion: string;
  type: ListingType;
  title: string;
  status: ListingStatus;
  goods: GoodsFields | null;
  financing: Omit<FinancingNeedFields, 'collateral'> | null;
  credit: CreditOfferFields | null;
  guarantee: GuaranteeOfferFields | null;
  createdAt: Date;
};

/** How many listings were posted in an event up to `asOf` (withdrawn ones too: they were posted). */
export async function summaryListingCount(manager: EntityManager, eventId: string, asOf: Date | null): Promise<number> {
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n FROM listing l WHERE l."eventId" = $1 AND ($2::timestamptz IS NULL OR l."createdAt" <= $2)`,
    [eventId, asOf],
  );
  return row.n;
}

/** A page of an event's listings posted up to `asOf`, by session, type (supply, demand, financing…), organisation and posting time. */
export async function summaryListingsPage(
  manager: EntityManager,
  eventId: string,
  asOf: Date | null,
  offset: number,
  limit: number,
): Promise<SummaryListingRow[]> {
  return manager.query(
    `SELECT l.id, l."sessionId", l."organisationId", o.name AS "organisationName", o.region AS "organisationRegion", l.type, l.title, l.status,
            l.goods, l.financing - 'collateral' AS financing, l.credit, l.guarantee, l."createdAt"
       FROM listing l JOIN organisation o ON o.id = l."organisationId" JOIN match_session s ON s.id = l."sessionId"
      WHERE l."eventId" = $1 AND ($2::timestamptz IS NULL OR l."createdAt" <= $2)
      ORDER BY s."startsAt", s.id, array_position($5::varchar[], l.type::varchar), o.name, l."createdAt", l.id
      OFFSET $3 LIMIT $4`,
    [eventId, asOf, offset, limit, LISTING_TYPES],
  );
}
