import type { BoardEventType } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to a session's board, numbered by the session's board sequence. Written in
 * the change's own transaction, so replaying from here gives exactly what was committed.
 */
@Entity('board_event')
@Index(['sessionId', 'seq'], { unique: true })
export class BoardEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  type: BoardEventType;

  /** The event without its envelope (sessionId, seq, at, type). */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
