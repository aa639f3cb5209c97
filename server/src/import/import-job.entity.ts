import type { ImportJobState, ImportReport } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A real import running as a job. The import itself is one transaction; this row lives
 * outside it, so its progress can be read while the transaction runs (from any process).
 */
@Entity('import_job')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'varchar', length: 12 })
  state: ImportJobState;

  @Column({ type: 'text', array: true, default: '{}' })
  files: string[];

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'jsonb', nullable: true })
  report: ImportReport | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Touched with every progress step: a running job not touched for long was interrupted. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
