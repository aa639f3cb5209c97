import type { ScoreboardFigure } from '@duijie/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/** The figure that ranks an event's public scoreboard, once organisers choose one; until then the signed loans. */
@Entity('scoreboard_setting')
export class ScoreboardSettingEntity {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 64 })
  figure: ScoreboardFigure;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
