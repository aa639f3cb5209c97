import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, written in the same transaction as the change it records, with no lock shared
 * between writers. The sequencer (audit-sequencer.service.ts) later gives each committed record
 * its position in the log and adds its leaf hash to the Merkle tree (decision 0005).
 */
@Entity('audit_record')
@Index(['entityType', 'entityId'])
// The sequencer's queue: the records not placed yet, in id order.
@Index('IDX_audit_record_unsequenced', ['id'], { where: '"position" IS NULL' })
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

  /** RFC 9162 leaf hash of the fields above (audit-leaf.ts), computed by the writer. */
  @Column({ type: 'char', length: 64 })
  leafHash: string;

  /** The record's place in the log (0-based), null until the sequencer has placed it. */
  @Index('IDX_audit_record_position', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  position: string | null;

  /** When the sequencer placed it: its lag is this minus `at` (bench:signing's sequencer_lag). */
  @Column({ type: 'timestamptz', nullable: true })
  sequencedAt: Date | null;
}

/** A complete subtree of the log's Merkle tree: the hash of leaves [index·2^level, (index+1)·2^level). Level 0 is the leaves as sequenced. */
@Entity('audit_tree_node')
export class AuditTreeNode {
  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @PrimaryColumn({ type: 'bigint' })
  index: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/** The sequencer's state, one row: the tree's size, its frontier (the complete subtrees' roots) and its root. */
@Entity('audit_tree_state')
export class AuditTreeState {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'jsonb' })
  frontier: { size: number; hashes: string[] };

  @Column({ type: 'char', length: 64 })
  rootHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * A tree head (size and root) signed with the key kept outside the database, every few seconds
 * while the log grows. A log rewritten in the database no longer has these roots at these sizes,
 * and nobody without the key can sign new ones.
 */
@Entity('audit_tree_head')
export class AuditTreeHead {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('IDX_audit_tree_head_size', { unique: true })
  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'char', length: 64 })
  rootHash: string;

  /** ISO time as signed (kept as text so the signed bytes are exactly what is stored). */
  @Column({ type: 'varchar', length: 32 })
  signedAt: string;

  @Column({ type: 'char', length: 64 })
  keyFingerprint: string;

  /** Ed25519 over treeHeadMessage(), base64. */
  @Column({ type: 'varchar', length: 100 })
  signature: string;
}
