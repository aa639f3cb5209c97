import type { LedgerEntryKind } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { AgreementEntity } from './agreement.entity';

/** One step after signing: an approval, a partial disbursement or delivery, or the outcome. */
@Entity('agreement_ledger_entry')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 12 })
  kind: LedgerEntryKind;

  /** Yuan. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  amount: number | null;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', default: '' })
  evidence: string;

  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  /** Set when an organiser withdraws a closing entry (performed, terminated); kept for the record. */
  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reopenedByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  reopenReason: string | null;
}
