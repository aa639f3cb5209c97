import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consistencyProof, inclusionProof, subtreeHashFrom, type AuditHeadInfo, type MerkleHash, type SignedTreeHead, type SubtreeHash } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuditTreeHead } from './audit-record.entity';
import { AUDIT_KEY_FILE, loadAuditSigningKey, signTreeHead, treeHeadMessage, treeHeadSignatureValid, type AuditSigningKey } from './audit-signing-key';

/** Marks the log's own SQL (e.g. for the signing benchmark, which replays one request's statements). */
export const AUDIT_LOG_SQL = 'audit-log';

type TreeState = { size: number; rootHash: string };

/**
 * The audit log's Merkle tree as stored (decision 0005): its signed tree heads, its complete nodes
 * and the proofs built from them. Any process may sign the current tree head: the key is shared by
 * every process of a deployment, and the root it signs is the one the sequencer computed.
 */
@Injectable()
export class AuditTreeService {
  readonly key: AuditSigningKey;
  private readonly logger = new Logger('AuditTree');
  private warnedOtherKey = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = loadAuditSigningKey({ dataDir: config.dataDir, fromEnv: config.auditSigningKey });
  }

  async info(): Promise<AuditHeadInfo> {
    return { algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem, keyFingerprint: this.key.fingerprint, head: await this.latest() };
  }

  async latest(): Promise<SignedTreeHead | null> {
    const row = await this.dataSource.getRepository(AuditTreeHead).createQueryBuilder('h').orderBy('h.size', 'DESC').limit(1).getOne();
    return row ? toView(row) : null;
  }

  /** The signed heads larger than `size`, smallest first. */
  async headsAfter(size: number): Promise<AuditTreeHead[]> {
    return this.dataSource.getRepository(AuditTreeHead).createQueryBuilder('h').where('h.size > :size', { size }).orderBy('h.size', 'ASC').getMany();
  }

  signatureValid(head: Pick<AuditTreeHead, 'size' | 'rootHash' | 'signedAt' | 'keyFingerprint' | 'signature'>): boolean {
    return head.keyFingerprint === this.key.fingerprint && treeHeadSignatureValid(this.key.publicKey, head);
  }

  /** The tree as the sequencer left it. */
  async state(): Promise<TreeState> {
    const [row]: { size: string; rootHash: string }[] = await this.dataSource.query(
      `/* ${AUDIT_LOG_SQL} */ SELECT size::text AS size, "rootHash" FROM audit_tree_state WHERE id = 1`,
    );
    return { size: row ? Number(row.size) : 0, rootHash: row?.rootHash ?? '' };
  }

  /**
   * Signs the current tree head unless a head of that size is signed already; returns the latest
   * signed head (null while the log is empty). Two processes signing the same size at once: the
   * unique size keeps the first, and both answer it.
   */
  async signCurrent(): Promise<SignedTreeHead | null> {
    const current = await this.state();
    const latest = await this.latest();
    if (latest && latest.keyFingerprint !== this.key.fingerprint && !this.warnedOtherKey) {
      this.warnedOtherKey = true;
      this.logger.error(
        `The audit log's last tree head was signed by another key (${latest.keyFingerprint.slice(0, 16)}…, this server's is ${this.key.fingerprint.slice(0, 16)}…): every server process must share AUDIT_SIGNING_KEY or the data folder's ${AUDIT_KEY_FILE}`,
      );
    }
    if (current.size === 0 || (latest && latest.size >= current.size)) return latest;
    const signedAt = new Date().toISOString();
    const head = { size: current.size, rootHash: current.rootHash, signedAt };
    const row = { size: String(head.size), rootHash: head.rootHash, signedAt, keyFingerprint: this.key.fingerprint, signature: signTreeHead(this.key, head) };
    await this.dataSource.createQueryBuilder().insert().into(AuditTreeHead).values(row).orIgnore().execute();
    return this.latest();
  }

  /** A SubtreeHash over the stored complete nodes, for proofs in a tree of `size` (fetches what they need in one query). */
  private async subtrees(size: number, build: (subtree: SubtreeHash) => unknown): Promise<SubtreeHash> {
    // First pass: which nodes the proofs read (the folding of a right edge reads the same nodes whatever their values).
    const wanted = new Map<string, { level: number; index: number }>();
    build(
      subtreeHashFrom((level, index) => {
        wanted.set(`${level}/${index}`, { level, index });
        return '0'.repeat(64);
      }),
    );
    const rows: { level: number; index: string; hash: string }[] =
      wanted.size === 0
        ? []
        : await this.dataSource.query(
            `/* ${AUDIT_LOG_SQL} */ SELECT n.level, n.index::text AS index, n.hash FROM audit_tree_node n
               JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, index) ON n.level = w.level AND n.index = w.index`,
            [[...wanted.values()].map((w) => w.level), [...wanted.values()].map((w) => w.index)],
          );
    const found = new Map(rows.map((r) => [`${r.level}/${r.index}`, r.hash]));
    return subtreeHashFrom((level, index) => {
      const hash = found.get(`${level}/${index}`);
      if (hash === undefined) throw new Error(`The audit tree has no node at level ${level}, index ${index} (size ${size})`);
      return hash;
    });
  }

  /** Audit paths of these positions in the tree of `size` records. */
  async inclusionProofs(positions: readonly number[], size: number): Promise<Map<number, MerkleHash[]>> {
    const build = (subtree: SubtreeHash) => positions.map((p) => inclusionProof(p, size, subtree));
    const proofs = build(await this.subtrees(size, build));
    return new Map(positions.map((p, i) => [p, proofs[i]]));
  }

  /** The consistency proof from the tree of m records to the tree of n (RFC 9162 2.1.4). */
  async consistencyProof(m: number, n: number): Promise<MerkleHash[]> {
    const build = (subtree: SubtreeHash) => consistencyProof(m, n, subtree);
    return build(await this.subtrees(n, build));
  }
}

export function toView(h: Pick<AuditTreeHead, 'size' | 'rootHash' | 'signedAt' | 'keyFingerprint' | 'signature'>): SignedTreeHead {
  const size = Number(h.size);
  return {
    size,
    rootHash: h.rootHash,
    signedAt: h.signedAt,
    keyFingerprint: h.keyFingerprint,
    message: treeHeadMessage({ size, rootHash: h.rootHash, signedAt: h.signedAt }),
    signature: h.signature,
  };
}
