import type { FollowUpCadences } from '@duijie/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/** An event's follow-up plan, once organisers save one; until then the event runs on the defaults. */
@Entity('follow_up_plan')
export class FollowUpPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** Per agreement kind, the cadence of its reports (null: none). */
  @Column({ type: 'jsonb' })
  cadences: FollowUpCadences;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'uuid' })
  updatedByUserId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
