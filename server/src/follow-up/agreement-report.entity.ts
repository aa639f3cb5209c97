import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity';
import { ObligationEntity } from '../obligations/obligation.entity';

/**
 * One filing of a report on an agreement: its narrative and problems, and the ledger entries it
 * recorded (by id: the entries themselves stay in the ledger, the one record of the stages). A
 * report returned by an organiser is filed again as the next round.
 */
@Entity('agreement_report')
@Index(['obligationId', 'round'], { unique: true })
export class AgreementReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  @Index()
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'text' })
  narrative: string;

  /** Problems needing the organisers' coordination, free text. */
  @Column({ type: 'text', default: '' })
  problems: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  ledgerEntryIds: string[];

  @Column({ type: 'uuid' })
  filedByUserId: string;

  @Column({ type: 'uuid' })
  filedByOrganisationId: string;

  @Column({ type: 'timestamptz' })
  filedAt: Date;
}
