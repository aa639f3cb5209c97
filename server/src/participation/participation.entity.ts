import { SessionEntity } from '../events/session.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { ParticipantRole, ParticipationStatus } from '@duijie/shared';
import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation taking part in a session in one role; one row per (session, organisation, role). */
@Entity('participation')
@Index(['sessionId', 'organisationId', 'role'], { unique: true })
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sessionId' })
  session?: SessionEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 16 })
  role: ParticipantRole;

  @Column({ type: 'varchar', length: 12 })
  status: ParticipationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
