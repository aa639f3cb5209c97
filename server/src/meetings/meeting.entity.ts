import type { MeetingStatus, UnscheduledReason } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A negotiation meeting between two organisations, made when a meeting request is accepted.
 * `slot` and `tableNo` are set together (both null until it is placed).
 */
@Entity('meeting')
// Conflicts are impossible, not merely checked: one meeting per table per slot of a session.
@Index('UQ_meeting_table', ['sessionId', 'slot', 'tableNo'], { unique: true, where: `slot IS NOT NULL` })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  /** One meeting per accepted request. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  requestId: string;

  /** The asker. */
  @Index()
  @Column({ type: 'uuid' })
  organisationAId: string;

  /** The asked. */
  @Index()
  @Column({ type: 'uuid' })
  organisationBId: string;

  @Column({ type: 'varchar', length: 500 })
  topic: string;

  @Column({ type: 'varchar', length: 12, default: 'unscheduled' })
  status: MeetingStatus;

  @Column({ type: 'int', nullable: true })
  slot: number | null;

  @Column({ type: 'int', nullable: true })
  tableNo: number | null;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unscheduledReason: UnscheduledReason | null;

  /** When both sides agreed: earlier agreements come first when not everything fits. */
  @Column({ type: 'timestamptz' })
  acceptedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
