import type {
  InstitutionClass,
  ProgramOutcome,
  RewardProgramContent,
  RewardProgramState,
  RewardRunChange,
  RewardRunState,
  RuleOutcome,
  SchemeOutcome,
} from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { RewardPeriodEntity } from '../statistics/statistics.entity';

/**
 * A version of a reward program (奖励办法) of an event: a draft while organisers edit it, frozen
 * once published; a new version of the same lineage supersedes it when that one is published.
 */
@Entity('reward_program')
@Index(['lineage', 'versionNo'], { unique: true })
@Index(['eventId', 'createdAt'])
export class RewardProgramEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** Shared by the versions of one program. */
  @Column({ type: 'uuid' })
  lineage: string;

  /** 1, 2, … within the lineage. */
  @Column({ type: 'int' })
  versionNo: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  state: RewardProgramState;

  /** The rules and scoring schemes (checked by checkProgram before they are stored). */
  @Column({ type: 'jsonb' })
  content: RewardProgramContent;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedByUserId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Optimistic concurrency of edits and publishing. */
  @Column({ type: 'int' })
  version: number;
}

/** An institution left out of a run (its form not accepted), as it stood when the run was computed. */
export type UnconfirmedInstitution = { organisationId: string; name: string; class: InstitutionClass; state: string; timing: string };

/** A calculation run of a published program over a reporting period's confirmed figures. */
@Entity('reward_run')
@Index(['periodId', 'seq'], { unique: true })
@Index(['programId'])
export class RewardRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The period's event (the program's too). */
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** The reporting period (statistics' reward_period). */
  @Column({ type: 'uuid' })
  periodId: string;

  @ManyToOne(() => RewardPeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'periodId' })
  period?: RewardPeriodEntity;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => RewardProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programId' })
  program?: RewardProgramEntity;

  /** 1, 2, … within the period. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  state: RewardRunState;

  /** How many institutions' confirmed figures entered the run. */
  @Column({ type: 'int' })
  institutions: number;

  /** The institutions left out, not confirmed, with their filing's state and timing then (the notice of criticism reads them). */
  @Column({ type: 'jsonb' })
  unconfirmed: UnconfirmedInstitution[];

  /** Institutions in the run that first filed after the due day (for the notice of criticism). */
  @Column({ type: 'jsonb' })
  late: { organisationId: string; name: string; class: InstitutionClass }[];

  @Column({ type: 'jsonb' })
  totals: ProgramOutcome['totals'];

  /** Per institution, the amount before (previous run of the period) and after, where it changed. */
  @Column({ type: 'jsonb' })
  changes: RewardRunChange[];

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'uuid' })
  computedByUserId: string;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedByUserId: string | null;

  @Column({ type: 'int' })
  version: number;
}

/** One institution in a run: its amount (integer yuan), the outcomes per rule and scheme that explain it, and payment. */
@Entity('reward_award')
@Index(['organisationId'])
export class RewardAwardEntity {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => RewardRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'runId' })
  run?: RewardRunEntity;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 24 })
  class: InstitutionClass;

  /** Integer yuan (decision 0003). */
  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ type: 'jsonb' })
  outcomes: RuleOutcome[];

  @Column({ type: 'jsonb' })
  scores: SchemeOutcome[];

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paidByUserId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  paymentReference: string | null;
}
