import type { Cadence, ReportStep } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity';

/**
 * A signed agreement's report schedule: the plan's cadence when it was signed, the day reports are
 * counted from, and who owes each step. Its reports (obligations) are generated from it a few at
 * a time; a later change of the plan does not move it.
 */
@Entity('follow_up_schedule')
export class FollowUpScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  /** Null: this kind is not reported on (an intent agreement, or the plan said none). */
  @Column({ type: 'jsonb', nullable: true })
  cadence: Cadence | null;

  /** The signing day in `timeZone`. */
  @Column({ type: 'date' })
  anchorDay: string;

  /** The event's time zone at signing: the due days are days there. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Who owes the reports of each step. */
  @Column({ type: 'jsonb' })
  duties: { step: ReportStep; organisationId: string }[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
