import { Injectable } from '@nestjs/common';
import type { BoardEvent } from '@duijie/shared';
import { type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import type { ConfidentialPush } from '../common/unit-of-work/domain-events';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { BoardEventEntity } from './board-event.entity';
import { toBoardEvent } from './board-event.mapper';
import { BoardPublisher } from './board-publisher';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A board event before it is numbered. */
export type BoardEventBody = DistributiveOmit<BoardEvent, 'sessionId' | 'seq' | 'at'>;

/** Rows per INSERT when appending many. */
const BOARD_EVENT_BATCH = 1000;

/** What a board-changing transaction uses to record its board events. */
export type BoardWriter = {
  append(sessionId: string, body: BoardEventBody): Promise<BoardEvent>;
  /** Many events for one session, numbered in order (a bulk import). */
  appendMany(sessionId: string, bodies: readonly BoardEventBody[]): Promise<BoardEvent[]>;
  confidential(push: ConfidentialPush): void;
};

/**
 * Board events: numbered per session and written inside the change's unit of work, so they
 * commit (and are kept for replay) with it; the BoardPublisher pushes them once it has.
 */
@Injectable()
export class BoardEventsService {
  constructor(uow: UnitOfWork, publisher: BoardPublisher) {
    uow.on('board.appended', (appended) => publisher.publish(appended.map((a) => a.event)));
    uow.on('listing.confidential', (pushes) =>
      publisher.publish(
        [],
        pushes.map((p) => p.push),
      ),
    );
  }

  /** How a change in `tx` records its board events and confidential pushes. */
  writer(tx: Tx): BoardWriter {
    return {
      append: async (sessionId, body) => {
        const event = await this.append(tx.manager, sessionId, body);
        tx.emit({ type: 'board.appended', event });
        return event;
      },
      appendMany: async (sessionId, bodies) => {
        const appended = await this.appendMany(tx.manager, sessionId, bodies);
        for (const event of appended) tx.emit({ type: 'board.appended', event });
        return appended;
      },
      confidential: (push) => tx.emit({ type: 'listing.confidential', push }),
    };
  }

  /**
   * Numbers the event with the session's next sequence number. The upsert takes the
   * sequence row's lock, so concurrent changes to one board commit in sequence order.
   */
  async append(manager: EntityManager, sessionId: string, body: BoardEventBody): Promise<BoardEvent> {
    const seq = await takeSequence(manager, sessionId, 1);
    const { type, ...payload } = publicBody(body);
    const saved = await manager.save(manager.create(BoardEventEntity, { sessionId, seq, type, payload }));
    return toBoardEvent(saved);
  }

  /** Takes n sequence numbers in one UPDATE and writes the events in batches. */
  async appendMany(manager: EntityManager, sessionId: string, bodies: readonly BoardEventBody[]): Promise<BoardEvent[]> {
    if (bodies.length === 0) return [];
    const first = (await takeSequence(manager, sessionId, bodies.length)) - bodies.length + 1;
    const at = new Date();
    const rows = bodies.map(publicBody).map(({ type, ...payload }, i) => manager.create(BoardEventEntity, { sessionId, seq: first + i, type, payload, at }));
    for (let i = 0; i < rows.length; i += BOARD_EVENT_BATCH) {
      await manager.insert(BoardEventEntity, rows.slice(i, i + BOARD_EVENT_BATCH) as QueryDeepPartialEntity<BoardEventEntity>[]);
    }
    return rows.map(toBoardEvent);
  }
}

/** Takes n sequence numbers for a session's board; answers the last. */
async function takeSequence(manager: EntityManager, sessionId: string, n: number): Promise<number> {
  const [row]: { seq: number }[] = await manager.query(
    `INSERT INTO board_sequence ("sessionId", seq) VALUES ($1, $2)
     ON CONFLICT ("sessionId") DO UPDATE SET seq = board_sequence.seq + EXCLUDED.seq RETURNING seq`,
    [sessionId, n],
  );
  return row.seq;
}

/** The board's sequence number: how many events the session's board has had (0 before the first). */
export async function boardSequence(manager: EntityManager, sessionId: string): Promise<number> {
  const [row]: { seq: number }[] = await manager.query(`SELECT seq FROM board_sequence WHERE "sessionId" = $1`, [sessionId]);
  return row?.seq ?? 0;
}

/**
 * Board events go to everyone watching the session and stay for replay: a participant's
 * rejection reason is for the participant and the organisers only (participation:changed).
 */
function publicBody(body: BoardEventBody): BoardEventBody {
  if (body.type !== 'participant.changed' || body.participation.reason === null) return body;
  return { ...body, participation: { ...body.participation, reason: null } };
}
