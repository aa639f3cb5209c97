import type { BriefingSnapshot } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/**
 * A briefing (简报) of an event for its coordination group, kept: its number in the event, the
 * days it covers, the figures it was made from (so that the next one can say what changed) and
 * its PDF in the file store. One per event and week for the weekly schedule.
 */
@Entity('briefing')
@Index(['eventId', 'seq'], { unique: true })
@Index(['eventId', 'weekStart'], { unique: true })
export class BriefingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  /** 第N期, from 1 within the event. */
  @Column({ type: 'int' })
  seq: number;

  /** First and last day covered, in the event's zone. */
  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  /** The Monday of the week a scheduled briefing covers; null for one made on demand. */
  @Column({ type: 'date', nullable: true })
  weekStart: string | null;

  /** The organiser who made it; null when the schedule did. */
  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'jsonb' })
  figures: BriefingSnapshot;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  sentByUserId: string | null;

  /** How many users the last send notified. */
  @Column({ type: 'int', nullable: true })
  sentTo: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
