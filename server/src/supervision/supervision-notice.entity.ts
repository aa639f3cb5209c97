import type { SupervisionState } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A supervision notice (督办单): organisers put an overdue obligation under a new deadline that
 * the owing organisation acknowledges. It resolves when the obligation is filed and lapses when
 * the deadline passes first. At most one open (issued or acknowledged) notice per obligation.
 */
@Entity('supervision_notice')
@Index('UQ_supervision_notice_open', ['obligationId'], { unique: true, where: `state IN ('issued', 'acknowledged')` })
@Index(['eventId', 'createdAt'])
@Index(['organisationId', 'state'])
@Index(['state', 'deadlineAt'])
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  /** The organisation that owes the obligation (and acknowledges the notice). */
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  issuedByUserId: string;

  @Column({ type: 'text', default: '' })
  note: string;

  /** The new deadline: a day in the event's zone … */
  @Column({ type: 'date' })
  deadlineOn: string;

  /** … and the instant it ends there. */
  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'boolean', default: false })
  deadlineProvisional: boolean;

  @Column({ type: 'varchar', length: 12, default: 'issued' })
  state: SupervisionState;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lapsedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
