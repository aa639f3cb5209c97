import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence number given to a session's board events. Its own row per session, taken
 * with an atomic upsert inside the change's transaction: the row lock orders concurrent changes
 * to one board, and the board's numbering stays delivery's business, apart from the session.
 */
@Entity('board_sequence')
export class BoardSequenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'int' })
  seq: number;
}
