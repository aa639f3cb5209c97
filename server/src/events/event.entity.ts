import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DEFAULT_EVENT_TIME_ZONE } from '@duijie/shared';
import { bigintNumber } from '../common/columns';

/** A matchmaking event (对接活动) with its sessions. */
@Entity('match_event')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** GB/T 2260 province code; decides which participants count as in-province. */
  @Column({ type: 'char', length: 6 })
  province: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  /** Target signing amount in yuan. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  targetAmount: number;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Hours a bank has to answer a supermarket application before it shows as overdue. */
  @Column({ type: 'int', default: 72 })
  applicationAnswerHours: number;

  /** Hours a participant has to answer a meeting request before it expires. */
  @Column({ type: 'int', default: 48 })
  meetingAnswerHours: number;

  /** IANA time zone the event is held in: its days and due dates are read there (decision 0010). */
  @Column({ type: 'varchar', length: 64, default: DEFAULT_EVENT_TIME_ZONE })
  timeZone: string;

  @Column({ type: 'uuid' })
  organiserOrganisationId: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
