import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardEvent, BoardSnapshot, BoardTotals } from '@duijie/shared';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { EventsService } from '../events/events.service';
import { toSession } from '../events/events.mapper';
import { openBoardListings, openListingFigures } from '../listings/listings.repository';
import { boardMeetingCounts } from '../meetings/meetings.repository';
import { approvedOrganisationCount } from '../participation/participation.repository';
import { BoardEventEntity } from '../realtime/board-event.entity';
import { boardSequence } from '../realtime/board-events.service';
import { toBoardEvent } from '../realtime/board-event.mapper';
import { BoardPublisher } from '../realtime/board-publisher';

/** Reads of a session's board: its totals, and consistent snapshots at a sequence number. */
@Injectable()
export class BoardQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    publisher: BoardPublisher,
  ) {
    publisher.readTotalsWith((sessionId) => this.totalsWithSeq(sessionId));
  }

  /** The totals as a caller may see them: a draft session is the organisers' alone. */
  async totalsFor(principal: Principal, sessionId: string): Promise<BoardTotals> {
    await this.events.visibleSession(this.dataSource.manager, principal, sessionId);
    return this.totals(sessionId);
  }

  /** The board's totals: each capability's figures for the session, read in the caller's transaction. */
  async totals(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<BoardTotals> {
    // One after another: inside a transaction a connection serves one query at a time anyway.
    const listings = await openListingFigures(manager, sessionId);
    const participantsApproved = await approvedOrganisationCount(manager, sessionId);
    const meetings = await boardMeetingCounts(manager, sessionId);
    return { sessionId, participantsApproved, ...listings, meetingsScheduled: meetings.scheduled, meetingsHeld: meetings.held };
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
      const session = await this.events.findSession(manager, sessionId);
      return {
        sessionId,
        seq: await boardSequence(manager, session.id),
        session: toSession(session),
        listings: await openBoardListings(manager, sessionId),
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
    await this.events.findSession(manager, sessionId);
    return boardSequence(manager, sessionId);
  }
}
