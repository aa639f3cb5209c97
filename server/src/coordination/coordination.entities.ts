import type { LiaisonCadence, ProblemCategory, ProblemState, ProblemUrgency, WeeklyFigures } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity';
import { EventEntity } from '../events/event.entity';
import { ObligationEntity } from '../obligations/obligation.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';

/** A member department of an event (finance office, commerce …), answered for by an organiser organisation's users. */
@Entity('event_department')
@Index(['eventId', 'name'], { unique: true })
export class EventDepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A problem a party raised (on an agreement or for its organisation): received, then routed to
 * a department that owes an answer by a due day (an obligation of kind problem_answer), resolved
 * once answered.
 */
@Entity('coordination_problem')
@Index(['eventId', 'state'])
@Index(['organisationId', 'createdAt'])
@Index(['departmentId'])
export class ProblemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** The organisation that raised it. */
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  raisedByUserId: string;

  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 16 })
  category: ProblemCategory;

  @Column({ type: 'varchar', length: 8 })
  urgency: ProblemUrgency;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 12, default: 'received' })
  state: ProblemState;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => EventDepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  department?: EventDepartmentEntity;

  /** The answer the department owes (kind problem_answer). */
  @Column({ type: 'uuid', nullable: true })
  obligationId: string | null;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  routedByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A key enterprise of an event and its liaison officer (联络员), who files operating reports on a cadence. */
@Entity('liaison_designation')
@Index(['eventId', 'organisationId'], { unique: true })
export class LiaisonDesignationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  cadence: LiaisonCadence;

  /** The day its reports are counted from (in the event's zone): the designation's, or its restart's. */
  @Column({ type: 'date' })
  anchorDay: string;

  /** Set when organisers stop it: nothing more is owed. */
  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An operating report filed by a key enterprise: on its cadence (answering an obligation) or urgent, outside it. */
@Entity('liaison_report')
@Index(['eventId', 'createdAt'])
@Index(['organisationId', 'createdAt'])
export class LiaisonReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid', nullable: true })
  obligationId: string | null;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  @Column({ type: 'uuid' })
  filedByUserId: string;

  @Column({ type: 'varchar', length: 500 })
  production: string;

  @Column({ type: 'varchar', length: 500 })
  sales: string;

  @Column({ type: 'varchar', length: 500 })
  inventory: string;

  @Column({ type: 'varchar', length: 500 })
  capital: string;

  @Column({ type: 'varchar', length: 500 })
  transport: string;

  @Column({ type: 'varchar', length: 2000 })
  difficulties: string;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The coordination group's summary of one week of an event, kept: one per event and week. */
@Entity('weekly_summary')
@Index(['eventId', 'weekStart'], { unique: true })
export class WeeklySummaryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** The Monday the week starts on, in the event's zone. */
  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'jsonb' })
  figures: WeeklyFigures;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
