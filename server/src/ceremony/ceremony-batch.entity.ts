import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity';
import { EventEntity } from '../events/event.entity';

/** One batch of the ceremony's running order: agreements signed together on stage. */
@Entity('ceremony_batch')
// At most one batch of an event is on stage.
@Index('UQ_ceremony_batch_on_stage', ['eventId'], { unique: true, where: '"onStage"' })
export class CeremonyBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  chain: string | null;

  @Column({ type: 'boolean', default: false })
  onStage: boolean;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An agreement's place in a batch; the primary key keeps it in one batch only. */
@Entity('ceremony_batch_agreement')
export class CeremonyBatchAgreementEntity {
  @PrimaryColumn({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Index()
  @Column({ type: 'uuid' })
  batchId: string;

  @ManyToOne(() => CeremonyBatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batchId' })
  batch?: CeremonyBatchEntity;

  @Column({ type: 'int' })
  position: number;
}
