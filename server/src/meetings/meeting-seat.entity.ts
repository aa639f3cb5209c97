import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An organisation's place in a slot: two rows per placed meeting. The primary key makes a
 * double booking impossible, whoever writes it (self-booking, a pin or the scheduler).
 */
@Entity('meeting_seat')
export class MeetingSeatEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'int' })
  slot: number;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;
}
