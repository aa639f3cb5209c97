import type { MeetingRequestStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One organisation asks another for a negotiation meeting in a session. */
@Entity('meeting_request')
// One live request between two organisations in a session: asking twice does not double it.
@Index('UQ_meeting_request_live', ['sessionId', 'fromOrganisationId', 'toOrganisationId'], { unique: true, where: `status IN ('pending', 'accepted')` })
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @Index()
  @Column({ type: 'uuid' })
  fromOrganisationId: string;

  @Index()
  @Column({ type: 'uuid' })
  toOrganisationId: string;

  @Column({ type: 'uuid', nullable: true })
  fromListingId: string | null;

  @Column({ type: 'uuid' })
  toListingId: string;

  @Column({ type: 'varchar', length: 500 })
  topic: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: MeetingRequestStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  respondBy: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
