import { EventEntity } from './event.entity';
import type { MeetingMode, RegistrationMode, SessionKind, SessionStatus } from '@duijie/shared';
import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A session (专场) of an event. `version` guards edits and lifecycle moves. */
@Entity('match_session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 24 })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  leadDepartment: string;

  @Column({ type: 'varchar', length: 200 })
  venue: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  slotMinutes: number;

  @Column({ type: 'int' })
  tableCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  ceremonyAt: Date | null;

  /** A break without meetings (午休); both set or both null. */
  @Column({ type: 'timestamptz', nullable: true })
  breakStartsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  breakEndsAt: Date | null;

  @Column({ type: 'varchar', length: 12 })
  registrationMode: RegistrationMode;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: SessionStatus;

  /** How meetings get their slots: the organiser's scheduler, or participants booking. */
  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  meetingMode: MeetingMode;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
