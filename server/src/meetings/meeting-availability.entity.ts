import type { HalfWish } from '@duijie/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** When an organisation cannot meet in a session, and whether it prefers the morning or afternoon. */
@Entity('meeting_availability')
export class MeetingAvailabilityEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'int', array: true, default: () => `'{}'` })
  unavailableSlots: number[];

  @Column({ type: 'varchar', length: 10, default: 'any' })
  half: HalfWish;

  @Column({ type: 'uuid' })
  updatedByUserId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
