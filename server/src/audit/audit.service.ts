import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  appendLeaves,
  emptyFrontier,
  frontierRoot,
  verifyConsistency,
  type AuditEntry,
  type AuditVerification,
  type MerkleFrontier,
  type Page,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { pageOf, skipTake } from '../common/pagination';
import { beforeCommit } from '../common/unit-of-work/unit-of-work';
import { recordLeafHash } from './audit-leaf';
import { AuditRecord, AuditTreeHead } from './audit-record.entity';
import { AUDIT_LOG_SQL, AuditTreeService } from './audit-tree.service';
import type { AuditExportFilter, AuditQuery } from './dto/audit-query.dto';
import { EXPORT_PAGE_SIZE } from '../common/xlsx';
import { JobQueue } from '../jobs/job-queue';

/** Rows per INSERT when recording many: well below PostgreSQL's limit of 65,535 parameters. */
const AUDIT_BATCH = 1000;

/** The nightly check of the whole log: incremental checks do not reread what they verified before. */
export const FULL_VERIFY_JOB = 'audit.verify-full';

/** Positions read per query while verifying. */
const VERIFY_BATCH = 2000;

/** A tree head this process has verified: the next check starts from it (its frontier extends to the next). */
type Verified = { size: number; rootHash: string; frontier: MerkleFrontier };

/**
 * A module's check that its rows still hold what the audit log recorded about them
 * (e.g. agreements: terms recomputed to the signed content hash). Registered at start.
 */
export type ContentCheck = () => Promise<{ checked: number; broken: { entityType: string; entityId: string; reason: string } | null }>;

export type AuditInput = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown> | null;
};

@Injectable()
export class AuditService {
  private readonly contentChecks: ContentCheck[] = [];
  /** Records of running units of work, by their transaction's manager, written together just before each commits. */
  private readonly pending = new WeakMap<EntityManager, AuditInput[]>();
  /** The last tree head this process verified (kept here, not in the database it checks). */
  private verified: Verified | null = null;

  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: AuditTreeService,
    jobs: JobQueue,
  ) {
    jobs.register(FULL_VERIFY_JOB, () => this.verifyFully().then(() => undefined), { retryLimit: 1, expireInSeconds: 6 * 3600 });
    // 03:00 in China, when the platform is quiet: a record changed after it was verified is found by the next morning.
    jobs.schedule(FULL_VERIFY_JOB, '0 3 * * *', {}, { tz: 'Asia/Shanghai' });
  }

  /** The whole log checked from the start (the nightly job); a broken log is logged as an error for the operators. */
  async verifyFully(): Promise<AuditVerification> {
    const result = await this.verify({ full: true });
    if (!result.ok)
      this.logger.error(
        `The nightly full check of the audit log failed at ${result.firstBroken?.position !== undefined ? `position ${result.firstBroken.position}` : (result.firstBroken?.id ?? '?')}: ${result.firstBroken?.reason ?? ''}. See GET /api/audit/verify?full=true.`,
      );
    return result;
  }

  registerContentCheck(check: ContentCheck): void {
    this.contentChecks.push(check);
  }

  /** Per entity, the data of its latest record with one of these actions (and that record's id). */
  async latestData(
    entityType: string,
    actions: readonly string[],
    entityIds?: readonly string[],
  ): Promise<Map<string, { recordId: string; action: string; data: Record<string, unknown> | null }>> {
    const rows: { entityId: string; recordId: string; action: string; data: Record<string, unknown> | null }[] = await this.dataSource.query(
      `SELECT DISTINCT ON ("entityId") "entityId", id::text AS "recordId", action, data FROM audit_record
        WHERE "entityType" = $1 AND action = ANY($2) AND ($3::varchar[] IS NULL OR "entityId" = ANY($3))
        ORDER BY "entityId", id DESC`,
      [entityType, actions, entityIds ?? null],
    );
    return new Map(rows.map((r) => [r.entityId, { recordId: r.recordId, action: r.action, data: r.data }]));
  }

  /**
   * Always called with the transaction's manager, so the record commits with the change. In a
   * unit of work the records wait in order and are written together as the transaction's last
   * step (one INSERT); elsewhere at once. No lock is shared between writers: the sequencer gives
   * records their places in the log once they have committed (audit-sequencer.service.ts).
   */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await this.recordMany(manager, [input]);
  }

  /** Records many entries of one transaction at once (a bulk import), inserted in batches in their order. */
  async recordMany(manager: EntityManager, inputs: readonly AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const waiting = this.pending.get(manager);
    if (waiting) {
      waiting.push(...inputs);
      return;
    }
    if (beforeCommit(manager, () => this.flush(manager))) {
      this.pending.set(manager, [...inputs]);
      return;
    }
    await this.insert(manager, inputs);
  }

  /** Writes what a unit of work recorded, as its last step before commit. */
  private async flush(manager: EntityManager): Promise<void> {
    const inputs = this.pending.get(manager) ?? [];
    this.pending.delete(manager);
    await this.insert(manager, inputs);
  }

  private async insert(manager: EntityManager, inputs: readonly AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const at = new Date();
    const rows = inputs.map((input) => {
      const fields = { ...input, data: input.data ?? null, at };
      return { ...fields, data: fields.data as AuditRecord['data'] & object, leafHash: recordLeafHash(fields) };
    });
    for (let i = 0; i < rows.length; i += AUDIT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditRecord)
        .values(rows.slice(i, i + AUDIT_BATCH))
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * Checks the log against its latest signed tree head (decision 0005). From the head this
   * process verified last (or the start, or with `full`): every signed head since has a valid
   * signature; the stored tree is consistent with the verified head (a consistency proof); each
   * newly placed record, recomputed from its content, matches its leaf, the leaf the sequencer
   * stored, and together they rebuild every signed root. Names the first position that does not.
   * Then the registered content checks (agreements against what the log recorded).
   */
  async verify(opts: { full?: boolean } = {}): Promise<AuditVerification> {
    const heads = await this.tree.headsAfter(0);
    const pending = await this.pendingCount();
    const latest = heads.at(-1);
    const from: Verified = (!opts.full && this.verified) || { size: 0, rootHash: '', frontier: emptyFrontier() };
    const result = (checked: number, firstBroken: AuditVerification['firstBroken']): AuditVerification => ({
      ok: firstBroken === null,
      checked,
      fromSize: from.size,
      treeSize: latest ? Number(latest.size) : 0,
      signedHeads: heads.length,
      pending,
      contentChecked: 0,
      firstBroken,
    });
    const forged = heads.find((h) => !this.tree.signatureValid(h));
    if (forged)
      return result(0, {
        position: Number(forged.size),
        id: forged.size,
        reason: `the signed tree head of size ${forged.size} does not verify with the platform's signing key (${this.tree.key.fingerprint.slice(0, 16)}…)`,
      });
    if (!latest || Number(latest.size) <= from.size) return this.withContentChecks(result(0, null));
    const n = Number(latest.size);
    if (from.size > 0 && !verifyConsistency(from.size, n, from.rootHash, latest.rootHash, await this.tree.consistencyProof(from.size, n).catch(() => [])))
      return result(0, {
        position: from.size,
        id: String(from.size),
        reason: `the tree of size ${n} is not an extension of the tree of size ${from.size} verified before (the log was rewritten)`,
      });
    const walked = await this.walk(
      from,
      heads.filter((h) => Number(h.size) > from.size),
    );
    if (walked.broken) return result(walked.checked, walked.broken);
    this.verified = walked.verified;
    return this.withContentChecks(result(walked.checked, null));
  }

  /** Recomputes positions from.size … (last head's size − 1) and the roots of the heads on the way. */
  private async walk(from: Verified, heads: AuditTreeHead[]): Promise<{ checked: number; broken: AuditVerification['firstBroken']; verified: Verified }> {
    const end = Number(heads[heads.length - 1].size);
    let frontier = from.frontier;
    let checked = 0;
    let headAt = 0;
    let lastGood = from.size;
    const broken = (position: number, id: string, reason: string) => ({ checked, broken: { position, id, reason }, verified: from });
    for (let start = from.size; start < end; start += VERIFY_BATCH) {
      const stop = Math.min(end, start + VERIFY_BATCH);
      const rows: (Omit<AuditRecord, 'position'> & { position: string; stored: string | null })[] = await this.dataSource.query(
        `/* ${AUDIT_LOG_SQL} */ SELECT r.id::text AS id, r.at, r."actorUserId", r.action, r."entityType", r."entityId", r.data, r."leafHash", r.position::text AS position, n.hash AS stored
           FROM audit_record r LEFT JOIN audit_tree_node n ON n.level = 0 AND n.index = r.position
          WHERE r.position >= $1 AND r.position < $2 ORDER BY r.position`,
        [start, stop],
      );
      for (let i = 0; i < stop - start; i++) {
        const position = start + i;
        const row = rows[i];
        if (!row || Number(row.position) !== position)
          return broken(position, row?.id ?? String(position), `no record holds position ${position} (a record was removed)`);
        const leaf = recordLeafHash(row);
        if (leaf !== row.leafHash) return broken(position, row.id, 'its content does not match its leaf hash (it was changed)');
        if (leaf !== row.stored)
          return broken(position, row.id, 'it is not the record the sequencer placed here (a record was changed, inserted or moved together with its hash)');
        frontier = appendLeaves(frontier, [leaf]);
        checked += 1;
        while (headAt < heads.length && Number(heads[headAt].size) === frontier.size) {
          const head = heads[headAt];
          if (frontierRoot(frontier) !== head.rootHash)
            return broken(
              lastGood,
              String(lastGood),
              `the records at positions ${lastGood}–${frontier.size - 1} no longer hash to the root signed for size ${head.size} (rewritten together with the tree)`,
            );
          lastGood = frontier.size;
          headAt += 1;
        }
      }
    }
    return { checked, broken: null, verified: { size: end, rootHash: frontierRoot(frontier), frontier } };
  }

  private async pendingCount(): Promise<number> {
    const [{ pending }]: { pending: number }[] = await this.dataSource.query(
      `/* ${AUDIT_LOG_SQL} */ SELECT count(*)::int AS pending FROM audit_record WHERE position IS NULL`,
    );
    return pending;
  }

  private async withContentChecks(result: AuditVerification): Promise<AuditVerification> {
    let contentChecked = 0;
    for (const check of this.contentChecks) {
      const outcome = await check();
      contentChecked += outcome.checked;
      if (outcome.broken)
        return {
          ...result,
          ok: false,
          contentChecked,
          firstBroken: { id: outcome.broken.entityId, reason: outcome.broken.reason, entityType: outcome.broken.entityType },
        };
    }
    return { ...result, contentChecked };
  }

  /**
   * The audit log for the organisers' export, filtered like the list and newest first: how many,
   * then the records page by page (keyset on the id, so a long log reads at an even pace).
   */
  async exportPages(query: AuditExportFilter): Promise<{ count: number; pages: AsyncIterable<AuditEntry[]> }> {
    const filtered = () => {
      const qb = this.dataSource.getRepository(AuditRecord).createQueryBuilder('a');
      if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
      if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
      if (query.action) qb.andWhere('a.action = :action', { action: query.action });
      return qb;
    };
    const count = await filtered().getCount();
    const page = async (before: string | null): Promise<AuditEntry[]> => {
      const qb = filtered()
        .leftJoin('app_user', 'u', 'u.id = a.actorUserId')
        .select(['a.id', 'a.at', 'a.actorUserId', 'a.action', 'a.entityType', 'a.entityId', 'a.data'])
        .addSelect('u.displayName', 'actorName')
        .orderBy('a.id', 'DESC')
        .limit(EXPORT_PAGE_SIZE);
      if (before !== null) qb.andWhere('a.id < :before', { before });
      const { entities, raw } = await qb.getRawAndEntities<{ actorName: string | null }>();
      return entities.map((a, i) => ({
        id: a.id,
        at: a.at.toISOString(),
        actorUserId: a.actorUserId,
        actorName: raw[i]?.actorName ?? null,
        action: a.action,
        entityType: a.entityType,
        entityId: a.entityId,
        data: a.data,
      }));
    };
    async function* read(): AsyncIterable<AuditEntry[]> {
      for (let before: string | null = null; ;) {
        const rows = await page(before);
        if (rows.length > 0) yield rows;
        if (rows.length < EXPORT_PAGE_SIZE) return;
        before = rows[rows.length - 1].id;
      }
    }
    return { count, pages: read() };
  }

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const qb = this.dataSource
      .getRepository(AuditRecord)
      .createQueryBuilder('a')
      .leftJoin('app_user', 'u', 'u.id = a.actorUserId')
      .select(['a.id', 'a.at', 'a.actorUserId', 'a.action', 'a.entityType', 'a.entityId', 'a.data'])
      .addSelect('u.displayName', 'actorName')
      .orderBy('a.id', 'DESC');
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    const { skip, take } = skipTake(query);
    const total = await qb.getCount();
    const { entities, raw } = await qb.offset(skip).limit(take).getRawAndEntities<{ actorName: string | null }>();
    const items = entities.map((a, i) => ({
      id: a.id,
      at: a.at.toISOString(),
      actorUserId: a.actorUserId,
      actorName: raw[i]?.actorName ?? null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      data: a.data,
    }));
    return pageOf(items, total, query);
  }
}
