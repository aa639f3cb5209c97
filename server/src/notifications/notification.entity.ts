import type { NotificationKind } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * One thing one user is told (a delivery, not a decision: not audited). A sweep that runs twice
 * names the same `dedupeKey` and the second insert is dropped for that user.
 */
@Entity('notification')
@Index(['userId', 'dedupeKey'], { unique: true, where: '"dedupeKey" IS NOT NULL' })
@Index(['userId', 'createdAt'])
@Index(['userId'], { where: '"readAt" IS NULL' })
/** What `settle` looks up: the notices not settled yet, by key. */
@Index(['dedupeKey'], { where: '"dedupeKey" IS NOT NULL AND "settledAt" IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  /** The event it is about (its time zone words its dates), or null. */
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  /** Words for the message, by name; strings and numbers only. */
  @Column({ type: 'jsonb' })
  params: Record<string, string | number>;

  /** A client path where the user acts on it. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When what it asked for was done, by this user or anyone else told (`NotificationsService.settle`); read since. */
  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  /** When its email was handed to the SMTP server (null: not emailed, or SMTP not configured). */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
