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

/**
 * The chain's head (last record id and hash) signed with the key kept outside the database,
 * recorded every few seconds while the chain grows. A chain rewritten in the database no
 * longer holds these hashes at these places, and nobody without the key can sign new ones.
 */
@Entity('audit_signed_head')
export class AuditSignedHead {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** The id of the chain's last record when signed. */
  @Index('IDX_audit_signed_head_seq', { unique: true })
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** ISO time as signed (kept as text so the signed bytes are exactly what is stored). */
  @Column({ type: 'varchar', length: 32 })
  signedAt: string;

  @Column({ type: 'char', length: 64 })
  keyFingerprint: string;

  /** Ed25519 over headMessage(), base64. */
  @Column({ type: 'varchar', length: 100 })
  signature: string;
}
