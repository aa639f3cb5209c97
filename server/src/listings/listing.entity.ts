import { SessionEntity } from '../events/session.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type {
  CreditOfferFields,
  FinancingNeedFields,
  GoodsFields,
  GuaranteeOfferFields,
  ListingConfidential,
  ListingStatus,
  ListingType,
} from '@duijie/shared';
import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A supply/demand board entry. The typed part lives in one jsonb column per listing
 * type (exactly one is set); `confidential` is never sent to anyone but the owner and
 * organisers.
 */
@Entity('listing')
@Index(['sessionId', 'type', 'status'])
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

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
  type: ListingType;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: ListingStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'jsonb', nullable: true })
  goods: GoodsFields | null;

  @Column({ type: 'jsonb', nullable: true })
  financing: FinancingNeedFields | null;

  @Column({ type: 'jsonb', nullable: true })
  credit: CreditOfferFields | null;

  @Column({ type: 'jsonb', nullable: true })
  guarantee: GuaranteeOfferFields | null;

  @Column({ type: 'jsonb', nullable: true })
  confidential: ListingConfidential | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'uuid' })
  updatedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
