import type { MeetingOutcomeKind } from '@duijie/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

/** What one party says came of a meeting; each party records its own, once, and may change it. */
@Entity('meeting_outcome')
@Index(['meetingId', 'organisationId'], { unique: true })
export class MeetingOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: MeetingEntity;

  /** The party that recorded it. */
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 20 })
  outcome: MeetingOutcomeKind;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** When it was last recorded or changed. */
  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}
