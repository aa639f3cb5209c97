import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ObligationEntity } from '../obligations/obligation.entity';

/**
 * A file the owing organisation attached to a report obligation as evidence. The bytes live in the
 * file store under `storageKey` (evidence/<id>); the row holds what was checked about them.
 */
@Entity('obligation_evidence')
export class ObligationEvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligationId' })
  obligation?: ObligationEntity;

  /** The organisation that uploaded it (the one owing the report). */
  @Column({ type: 'uuid' })
  organisationId: string;

  /** The file name as uploaded, for the download. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Told by the bytes, never by the name or the type the browser claimed. */
  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'uuid' })
  uploadedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
