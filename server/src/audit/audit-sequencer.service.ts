import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendLeaves, frontierRoot, type MerkleFrontier } from '@duijie/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AUDIT_LOG_SQL, AuditTreeService } from './audit-tree.service';

/** The advisory lock whose holder is the one sequencer of the deployment ('duijie-audit-sequencer'). */
const SEQUENCER_LOCK = 4_242_0005;
/** Records placed per transaction. */
const BATCH = 5000;
/** How often a sequencer with nothing to do looks for records, and a follower for a vacant lock. */
const IDLE_MS = 100;
const FOLLOW_MS = 1000;

type Node = { level: number; index: number; hash: string };

/**
 * The one writer of the log's order (decision 0005). Audited writes only insert their records;
 * this gives committed records their positions in batches, in the order it finds them committed,
 * adds their leaves to the Merkle tree and stores its new nodes, then signs a tree head every
 * AUDIT_HEAD_INTERVAL_SECONDS while the log grows.
 *
 * One process at a time sequences: the holder of a PostgreSQL advisory lock on its own connection.
 * When that process dies its connection closes, the lock goes with it, and another process takes
 * over within FOLLOW_MS. A batch is one transaction, so a sequencer killed mid-batch leaves the
 * tree as it was before the batch, and its successor places the same records again.
 */
@Injectable()
export class AuditSequencerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSequencer');
  private runner: QueryRunner | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** Batches run one at a time in a process: the loop's and sequenceNow's. */
  private running: Promise<unknown> = Promise.resolve();
  /** The tree this process wrote last: a state row changed behind its back is refused, not built on. */
  private written: { size: number; rootHash: string } | null = null;
  private lastSigned = 0;
  private refused = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tree: AuditTreeService,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running.catch(() => undefined);
    await this.resign();
  }

  /** Whether this process holds the sequencer's lock. */
  get leading(): boolean {
    return this.runner !== null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const turn = this.running.then(() => this.turn());
      this.running = turn.catch(() => undefined);
      void turn.then(
        (next) => this.schedule(next),
        (error: unknown) => {
          this.logger.warn(`Audit sequencer: ${String(error)}`);
          void this.resign().then(() => this.schedule(FOLLOW_MS));
        },
      );
    }, ms);
    this.timer.unref();
  }

  /** One step of the loop: lead or try to, place a batch, sign when due; answers the wait before the next. */
  private async turn(): Promise<number> {
    if (this.stopped) return FOLLOW_MS;
    if (!(await this.lead())) return FOLLOW_MS;
    const placed = await this.placeBatch();
    if (Date.now() - this.lastSigned >= this.config.auditHeadIntervalSeconds * 1000) {
      this.lastSigned = Date.now();
      await this.tree.signCurrent();
    }
    return placed === BATCH ? 0 : IDLE_MS;
  }

  /** Takes the lock on a connection of its own, or answers false while another process holds it. */
  private async lead(): Promise<boolean> {
    if (this.runner) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(`/* ${AUDIT_LOG_SQL} */ SELECT pg_try_advisory_lock($1) AS locked`, [SEQUENCER_LOCK]);
      if (!locked) {
        await runner.release();
        return false;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    this.runner = runner;
    this.written = null;
    // At warn, which production logs: which process sequences, and when another took over, is worth knowing.
    this.logger.warn(`This process sequences the audit log (pid ${process.pid})`);
    return true;
  }

  private async resign(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    await runner.query(`SELECT pg_advisory_unlock($1)`, [SEQUENCER_LOCK]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /**
   * Places every record committed so far (tests, certificates): runs batches here when this
   * process leads, else waits for the leader to have placed them. Answers the tree's size then.
   */
  async sequenceNow(timeoutMs = 10_000): Promise<number> {
    const [{ upTo }]: { upTo: string | null }[] = await this.dataSource.query(
      `/* ${AUDIT_LOG_SQL} */ SELECT max(id)::text AS "upTo" FROM audit_record WHERE position IS NULL`,
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const step = this.running.then(async () => ((await this.lead()) ? this.placeBatch() : 0));
      this.running = step.catch(() => undefined);
      await step;
      if (upTo === null) break;
      const [{ left }]: { left: number }[] = await this.dataSource.query(
        `/* ${AUDIT_LOG_SQL} */ SELECT count(*)::int AS left FROM audit_record WHERE position IS NULL AND id <= $1`,
        [upTo],
      );
      if (left === 0) break;
      if (Date.now() > deadline) throw new Error(`${left} audit records are still not sequenced after ${timeoutMs} ms`);
      if (!this.leading) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
    return (await this.tree.state()).size;
  }

  /** One transaction: the next committed records get positions, the tree its nodes and its new state. */
  private async placeBatch(): Promise<number> {
    const runner = this.runner;
    if (!runner || this.refused) return 0;
    await runner.startTransaction();
    try {
      const [state]: { size: string; frontier: MerkleFrontier; rootHash: string }[] = await runner.query(
        `/* ${AUDIT_LOG_SQL} */ SELECT size::text AS size, frontier, "rootHash" FROM audit_tree_state WHERE id = 1 FOR UPDATE`,
      );
      const size = Number(state.size);
      if (this.written && (size < this.written.size || (size === this.written.size && state.rootHash !== this.written.rootHash))) {
        this.refused = true;
        throw new Error(
          `the tree's stored state (size ${size}) is not the one this sequencer wrote (size ${this.written.size}): it was changed in the database. Sequencing stops; run GET /api/audit/verify.`,
        );
      }
      const records: { id: string; leafHash: string }[] = await runner.query(
        `/* ${AUDIT_LOG_SQL} */ SELECT id::text AS id, "leafHash" FROM audit_record WHERE position IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      if (records.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      const nodes: Node[] = [];
      const frontier = appendLeaves(
        state.frontier,
        records.map((r) => r.leafHash),
        (level, index, hash) => nodes.push({ level, index, hash }),
      );
      const rootHash = frontierRoot(frontier);
      await runner.query(
        `/* ${AUDIT_LOG_SQL} */ UPDATE audit_record r SET position = v.position, "sequencedAt" = clock_timestamp()
           FROM unnest($1::bigint[], $2::bigint[]) AS v(id, position) WHERE r.id = v.id`,
        [records.map((r) => r.id), records.map((_, i) => size + i)],
      );
      await runner.query(
        `/* ${AUDIT_LOG_SQL} */ INSERT INTO audit_tree_node (level, index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::text[])`,
        [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
      );
      await runner.query(`/* ${AUDIT_LOG_SQL} */ UPDATE audit_tree_state SET size = $1, frontier = $2, "rootHash" = $3, "updatedAt" = now() WHERE id = 1`, [
        frontier.size,
        JSON.stringify(frontier),
        rootHash,
      ]);
      await runner.commitTransaction();
      this.written = { size: frontier.size, rootHash };
      return records.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }
}
