import { LISTING_TYPES, type BoardTotals, type ListingType, type ListingView } from '@duijie/shared';
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
