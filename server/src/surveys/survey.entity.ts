import type { SurveyAnswers, SurveyExclusionReason, SurveyListingType, SurveyQuestion, SurveyState } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { ObligationEntity } from '../obligations/obligation.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** A needs survey (摸底调查) of an event: what it collects, its free questions and its deadline. draft → sent → closed. */
@Entity('survey')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The listing type whose fields it collects; null for free questions only. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  listingType: SurveyListingType | null;

  /** The session whose board the confirmed listings join. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: SurveyQuestion[];

  @Column({ type: 'int', nullable: true })
  deadlineWorkingDays: number | null;

  @Column({ type: 'date', nullable: true })
  deadlineOn: string | null;

  /** Fixed when first sent, in the event's zone. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ type: 'varchar', length: 8, default: 'draft' })
  state: SurveyState;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The demand guidance (需求导向) text, once published. */
  @Column({ type: 'text', nullable: true })
  guidance: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  guidancePublishedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An invited organisation's response: its answers (draft until filed; the filing's state is its
 * obligation's), and the listing made from them once the organisation confirmed it.
 */
@Entity('survey_response')
@Index(['surveyId', 'organisationId'], { unique: true })
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'surveyId' })
  survey?: SurveyEntity;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  /** What it owes: the obligation (kind survey_response) whose subject is this response. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: SurveyAnswers;

  @Column({ type: 'uuid', nullable: true })
  listingId: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An organisation left out of every survey sent, with the reason (失信, 经营异常, 违约). */
@Entity('survey_exclusion')
export class SurveyExclusionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 24 })
  reason: SurveyExclusionReason;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
