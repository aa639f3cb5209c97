import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** One login: its access token carries this id (`sid`), so logging out revokes it at once. */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_auth_session_user')
  @Column({ type: 'uuid' })
  userId: string;

  /** A user's logins go with the user. */
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_auth_session_user' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Until when this login may sign without re-entering the password (step-up). */
  @Column({ type: 'timestamptz', nullable: true })
  signingGrantUntil: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lastIp: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
