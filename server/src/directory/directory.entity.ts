import type { DirectoryEditableField, DirectoryEntryStatus, DirectoryStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A producers' directory (生产企业名录) of one session: compiled, reviewed, then published. */
@Entity('producer_directory')
export class ProducerDirectoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  /** One directory per session. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index()
  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: DirectoryStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz' })
  compiledAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedByUserId: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One producer of a directory: copied from its organisation and supply listings at compile time, then edited. */
@Entity('producer_directory_entry')
@Index(['directoryId', 'organisationId'], { unique: true })
@Index(['directoryId', 'status', 'name'])
export class ProducerDirectoryEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  directoryId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 12, default: 'included' })
  status: DirectoryEntryStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  excludeReason: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** GB/T 2260 code. */
  @Column({ type: 'char', length: 6 })
  region: string;

  /** Product category codes (taxonomy.ts). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'text', default: '' })
  varieties: string;

  @Column({ type: 'text', default: '' })
  specifications: string;

  @Column({ type: 'double precision', nullable: true })
  annualOutput: number | null;

  @Column({ type: 'varchar', length: 12, default: '' })
  outputUnit: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  contactName: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  contactPhone: string;

  /** The producer agreed that its contact is published; recorded by the organiser. */
  @Column({ type: 'boolean', default: false })
  contactConsent: boolean;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** One of its open supply listings at the last compile: what a meeting request is about. */
  @Column({ type: 'uuid', nullable: true })
  listingId: string | null;

  /** Fields an organiser edited: re-compiling does not overwrite them. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  editedFields: DirectoryEditableField[];

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
