import type { ObligationKind, ObligationState } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * Something an organisation owes by a due date: a report on a signed agreement (and later a
 * survey response, a statistics filing, a liaison report). One row per thing owed, named by its
 * subject and step and number, so owing it twice is the same row. Whether it is overdue is read
 * from the clock against `dueAt`, never stored (decision 0012).
 */
@Entity('obligation')
@Index(['kind', 'subjectType', 'subjectId', 'step', 'seq'], { unique: true })
@Index(['organisationId', 'dueAt'])
@Index(['eventId', 'dueAt'])
/**
 * Outstanding ones by event (kind, subject) with their due instant and day. Migration Tracking1797400000000
 * added it for the 跟踪落实 view, which now reads obligation_subject; kept because the organisers'
 * list (`forEvent`) counts an event's outstanding ones due by now from it by an index-only scan.
 */
@Index(['eventId', 'kind', 'subjectId', 'dueAt', 'dueOn'], { where: `state IN ('open', 'returned')` })
export class ObligationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 24 })
  kind: ObligationKind;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** The session it arose in, where it arose in one (an agreement's), for the organisers' filter. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** The organisation that owes it. */
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  /** What it is about: `agreement` and the agreement's id. */
  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The subject's title when it was owed (an agreement's is fixed once signed). */
  @Column({ type: 'varchar', length: 200 })
  subjectTitle: string;

  /** What is reported (financing, delivery, progress) … */
  @Column({ type: 'varchar', length: 32 })
  step: string;

  /** … and which of them, from 1. */
  @Column({ type: 'int' })
  seq: number;

  /** The due day in the event's time zone. */
  @Column({ type: 'date' })
  dueOn: string;

  /** The instant it falls due (the end of `dueOn` in the event's time zone). */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** `dueOn` was counted on weekdays alone: its year's holidays are not in the calendar yet. */
  @Column({ type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  state: ObligationState;

  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId: string | null;

  /** Why an organiser returned it; kept until it is accepted. */
  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
