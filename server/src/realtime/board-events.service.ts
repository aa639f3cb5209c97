import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardEvent } from '@duijie/shared';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { recordAnswer } from '../common/idempotency-claim';
import { BoardEventEntity } from './board-event.entity';
import { toBoardEvent } from './board-event.mapper';
import { BoardPublisher, type ConfidentialPush } from './board-publisher';

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

@Injectable()
export class BoardEventsService {
  private readonly committed: ((events: BoardEvent[]) => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: BoardPublisher,
  ) {}

  /**
   * Runs `work` in a transaction whose board events are written with it and pushed only
   * after it commits; a rolled-back transaction pushes nothing. Its result is the answer to
   * the request's Idempotency-Key, if any, and commits with it.
   */
  async transaction<T>(work: (manager: EntityManager, board: BoardWriter) => Promise<T>): Promise<T> {
    const events: BoardEvent[] = [];
    const confidential: ConfidentialPush[] = [];
    const result = await this.dataSource.transaction(async (manager) =>
      recordAnswer(
        manager,
        await work(manager, {
          append: async (sessionId, body) => {
            const event = await this.append(manager, sessionId, body);
            events.push(event);
            return event;
          },
          appendMany: async (sessionId, bodies) => {
            const appended = await this.appendMany(manager, sessionId, bodies);
            events.push(...appended);
            return appended;
          },
          confidential: (push) => void confidential.push(push),
        }),
      ),
    );
    this.publisher.publish(events, confidential);
    for (const listener of this.committed) listener(events);
    return result;
  }

  /** Called in this process with the board events of every transaction once it has committed. */
  onCommitted(listener: (events: BoardEvent[]) => void): void {
    this.committed.push(listener);
  }

  /**
   * Numbers the event with the session's next sequence number. The UPDATE takes the
   * session row's lock, so concurrent changes to one board commit in sequence order.
   */
  async append(manager: EntityManager, sessionId: string, body: BoardEventBody): Promise<BoardEvent> {
    const [[row]]: [[{ boardSeq: number }]] = await manager.query(
      `UPDATE match_session SET "boardSeq" = "boardSeq" + 1 WHERE id = $1 RETURNING "boardSeq"`,
      [sessionId],
    );
    const { type, ...payload } = publicBody(body);
    const saved = await manager.save(manager.create(BoardEventEntity, { sessionId, seq: row.boardSeq, type, payload }));
    return toBoardEvent(saved);
  }

  /** Takes n sequence numbers in one UPDATE and writes the events in batches. */
  async appendMany(manager: EntityManager, sessionId: string, bodies: readonly BoardEventBody[]): Promise<BoardEvent[]> {
    if (bodies.length === 0) return [];
    const [[row]]: [[{ boardSeq: number }]] = await manager.query(
      `UPDATE match_session SET "boardSeq" = "boardSeq" + $2 WHERE id = $1 RETURNING "boardSeq"`,
      [sessionId, bodies.length],
    );
    const first = row.boardSeq - bodies.length + 1;
    const at = new Date();
    const rows = bodies.map(publicBody).map(({ type, ...payload }, i) => manager.create(BoardEventEntity, { sessionId, seq: first + i, type, payload, at }));
    for (let i = 0; i < rows.length; i += BOARD_EVENT_BATCH) {
      await manager.insert(BoardEventEntity, rows.slice(i, i + BOARD_EVENT_BATCH) as QueryDeepPartialEntity<BoardEventEntity>[]);
    }
    return rows.map(toBoardEvent);
  }
}

/**
 * Board events go to everyone watching the session and stay for replay: a participant's
 * rejection reason is for the participant and the organisers only (participation:changed).
 */
function publicBody(body: BoardEventBody): BoardEventBody {
  if (body.type !== 'participant.changed' || body.participation.reason === null) return body;
  return { ...body, participation: { ...body.participation, reason: null } };
}
