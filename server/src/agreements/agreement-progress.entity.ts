import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { AgreementEntity } from './agreement.entity';

/**
 * Where an agreement stands for the event's figures: its enterprise side, its institution and
 * buyer (from its parties), and what its ledger adds up to. One row per agreement, recomputed
 * from the agreement, its parties and its ledger entries by `refreshAgreementProgress` in the
 * transaction of every change to them, so that an event's results are one scan of its
 * agreements (decision 0015) rather than a sum over every ledger entry.
 */
@Entity('agreement_progress')
export class AgreementProgressEntity {
  @PrimaryColumn({ type: 'uuid' })
  agreementId: string;

  @OneToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  /** The party whose region and industry the deal is counted under (ENTERPRISE_ROLE_ORDER). */
  @Column({ type: 'uuid', nullable: true })
  enterpriseOrganisationId: string | null;

  /** The lender of a financing deal. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  institutionOrganisationId: string | null;

  /** The buyer of a goods deal (buyer, builder or distributor). */
  @Column({ type: 'uuid', nullable: true })
  buyerOrganisationId: string | null;

  /** Yuan. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  approved: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  disbursed: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  delivered: number;

  /** 'open', or the closing entry standing: 'performed' or 'terminated'. */
  @Column({ type: 'varchar', length: 12, default: 'open' })
  outcome: 'open' | 'performed' | 'terminated';
}
