import type { ApplicationStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An enterprise's application to a credit or guarantee product with one of its financing needs. */
@Entity('financing_application')
// One live application per need and product: a second click cannot make a second one.
@Index('UQ_financing_application_live', ['needListingId', 'offerListingId'], { unique: true, where: `status IN ('pending', 'accepted')` })
export class FinancingApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  needListingId: string;

  @Index()
  @Column({ type: 'uuid' })
  offerListingId: string;

  @Index()
  @Column({ type: 'uuid' })
  applicantOrganisationId: string;

  /** The bank or guarantor that must answer. */
  @Index()
  @Column({ type: 'uuid' })
  offerOrganisationId: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  answerBy: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
