import type { InstitutionClass, ReportingCadence, RewardPeriodState, StatisticsFigures } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { ObligationEntity } from '../obligations/obligation.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** A reporting period (统计期) of an event: the classes that file a form for it and by when. open → closed. */
@Entity('reward_period')
@Index(['eventId', 'name'], { unique: true })
export class RewardPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 12 })
  cadence: ReportingCadence;

  /** The forms fall due at the end of this day in the event's time zone. */
  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text', array: true })
  classes: InstitutionClass[];

  @Column({ type: 'varchar', length: 8, default: 'open' })
  state: RewardPeriodState;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * What one institution owes for a period: its class's form. The filing's state is its obligation's
 * (kind statistics_filing, whose subject is this form); the draft is kept here until filed, and
 * every filed version in statistics_form_version.
 */
@Entity('statistics_form')
@Index(['periodId', 'organisationId'], { unique: true })
export class StatisticsFormEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  periodId: string;

  @ManyToOne(() => RewardPeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'periodId' })
  period?: RewardPeriodEntity;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 24 })
  class: InstitutionClass;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  /** Figures saved but not filed yet; null once filed (the latest version then stands). */
  @Column({ type: 'jsonb', nullable: true })
  draft: StatisticsFigures | null;

  @Column({ type: 'timestamptz', nullable: true })
  draftSavedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  draftSavedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One filed version of a form, from 1; every one is kept. */
@Entity('statistics_form_version')
@Index(['formId', 'n'], { unique: true })
export class StatisticsFormVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  formId: string;

  @ManyToOne(() => StatisticsFormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'formId' })
  form?: StatisticsFormEntity;

  @Column({ type: 'int' })
  n: number;

  @Column({ type: 'jsonb' })
  figures: StatisticsFigures;

  @Column({ type: 'uuid' })
  submittedByUserId: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}
