import type { BoardEvent } from '@duijie/shared';
import type { BoardEventEntity } from './board-event.entity';

export function toBoardEvent(row: BoardEventEntity): BoardEvent {
  return { ...row.payload, sessionId: row.sessionId, seq: row.seq, at: row.at.toISOString(), type: row.type } as BoardEvent;
}
