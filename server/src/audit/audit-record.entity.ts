import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, written in the same transaction as the change it records. The records
 * form a hash chain in id order: each holds the previous record's hash and its own.
 */
@Entity('audit_record')
@Index(['entityType', 'entityId'])
export class AuditRecord {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Set by the writer (not the database) so the hash covers exactly what is stored. */
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/** The end of the audit chain; its row lock orders audited transactions. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  lastId: string;

  @Column({ type: 'char', length: 64 })
  lastHash: string;
}
