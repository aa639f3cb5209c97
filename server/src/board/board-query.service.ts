import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LISTING_TYPES, type BoardEvent, type BoardSnapshot, type BoardTotals, type ListingType } from '@duijie/shared';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { NotFound } from '../common/errors';
import { toSession } from '../events/events.mapper';
import { SessionEntity } from '../events/session.entity';
import { ListingEntity } from '../listings/listing.entity';
import { toListingView, type ListingOrganisation } from '../listings/listings.mapper';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { BoardEventEntity } from './board-event.entity';
import { toBoardEvent } from './board-event.mapper';

/** Reads of a session's board: its totals, and consistent snapshots at a sequence number. */
@Injectable()
export class BoardQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The board's totals, computed by the database over open listings. */
  async totals(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<BoardTotals> {
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
    const [participants]: { n: number }[] = await q(
      `SELECT COUNT(DISTINCT "organisationId")::int AS n FROM participation WHERE "sessionId" = $1 AND status = 'approved'`,
    );
    const [meetings]: { scheduled: number; held: number }[] = await q(
      `SELECT COUNT(*) FILTER (WHERE status IN ('scheduled', 'held', 'no_show') AND published)::int AS scheduled,
              COUNT(*) FILTER (WHERE status = 'held')::int AS held
         FROM meeting WHERE "sessionId" = $1`,
    );
    const byType = Object.fromEntries(LISTING_TYPES.map((t) => [t, 0])) as Record<ListingType, number>;
    for (const row of byTypeRows) byType[row.type] = row.n;
    return {
      sessionId,
      participantsApproved: participants.n,
      listingsOpen: Object.values(byType).reduce((a, b) => a + b, 0),
      byType,
      goods: goodsRows.map((r) => ({ category: r.category, unit: r.unit, supplyQuantity: r.supply, demandQuantity: r.demand })),
      financingNeeded: Number(money.financing),
      creditOffered: Number(money.credit),
      guaranteeCapacity: Number(money.guarantee),
      meetingsScheduled: meetings.scheduled,
      meetingsHeld: meetings.held,
    };
  }

  /** Totals and the sequence number they reflect, read from one database snapshot. */
  totalsWithSeq(sessionId: string): Promise<{ seq: number; totals: BoardTotals }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const seq = await this.seq(manager, sessionId);
      return { seq, totals: await this.totals(sessionId, manager) };
    });
  }

  /** The whole public board as of one sequence number. */
  snapshot(sessionId: string): Promise<BoardSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const session = await manager.findOne(SessionEntity, { where: { id: sessionId } });
      if (!session) throw new NotFound('Session');
      const { entities, raw } = await manager
        .getRepository(ListingEntity)
        .createQueryBuilder('l')
        .innerJoin(OrganisationEntity, 'o', 'o.id = l.organisationId')
        .addSelect(['o.name AS "orgName"', 'o.kind AS "orgKind"', 'o.region AS "orgRegion"', 'o.size AS "orgSize"', 'o.industry AS "orgIndustry"'])
        .where("l.sessionId = :sessionId AND l.status = 'open'", { sessionId })
        .orderBy('l.updatedAt', 'DESC')
        .addOrderBy('l.id', 'ASC')
        .getRawAndEntities<ListingOrganisation>();
      return {
        sessionId,
        seq: session.boardSeq,
        session: toSession(session),
        listings: entities.map((l, i) => toListingView(l, raw[i], false)),
        totals: await this.totals(sessionId, manager),
      };
    });
  }

  /**
   * What a client at `lastSeq` missed, with totals, from one database snapshot; null
   * when a snapshot is the better answer (too far behind, or ahead of the server).
   */
  replay(sessionId: string, lastSeq: number, limit: number): Promise<{ seq: number; events: BoardEvent[]; totals: BoardTotals } | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const seq = await this.seq(manager, sessionId);
      if (lastSeq > seq || seq - lastSeq > limit) return null;
      const rows = await manager.getRepository(BoardEventEntity).find({ where: { sessionId, seq: MoreThan(lastSeq) }, order: { seq: 'ASC' } });
      return { seq, events: rows.map(toBoardEvent), totals: await this.totals(sessionId, manager) };
    });
  }

  async seq(manager: EntityManager, sessionId: string): Promise<number> {
    const [row]: { boardSeq: number }[] = await manager.query(`SELECT "boardSeq" FROM match_session WHERE id = $1`, [sessionId]);
    if (!row) throw new NotFound('Session');
    return row.boardSeq;
  }
}
