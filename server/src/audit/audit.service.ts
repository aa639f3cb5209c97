import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditVerification, Page } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { pageOf, skipTake } from '../common/pagination';
import { beforeCommit } from '../common/unit-of-work/unit-of-work';
import { GENESIS_HASH, chainHash } from './audit-chain';
import { AuditHeadsService } from './audit-heads.service';
import { AuditRecord } from './audit-record.entity';
import type { AuditExportFilter, AuditQuery } from './dto/audit-query.dto';
import { EXPORT_PAGE_SIZE } from '../common/xlsx';

/** Rows per INSERT when recording many: well below PostgreSQL's limit of 65,535 parameters. */
const AUDIT_BATCH = 1000;

/**
 * A module's check that its rows still hold what the audit chain recorded about them
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
  /** Records of running units of work, by their transaction's manager, chained just before each commits. */
  private readonly pending = new WeakMap<EntityManager, AuditInput[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly heads: AuditHeadsService,
  ) {}

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
   * unit of work the records wait in order and are chained as the transaction's last step
   * (beforeCommit); elsewhere at once. Chaining locks the chain head until commit: audited
   * transactions take their place in the chain one at a time, so the chain's order is the commit
   * order, and holding the lock only for that last step lets them run side by side until then.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await this.recordMany(manager, [input]);
  }

  /**
   * Records many entries of one transaction at once (a bulk import): the chain head is locked
   * once, each record is chained to the one before it, and they are inserted in batches in
   * chain order, so the chain reads exactly as if each had been recorded on its own.
   */
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
    await this.append(manager, inputs);
  }

  /** Chains what a unit of work recorded, as its last step before commit. */
  private async flush(manager: EntityManager): Promise<void> {
    const inputs = this.pending.get(manager) ?? [];
    this.pending.delete(manager);
    await this.append(manager, inputs);
  }

  private async append(manager: EntityManager, inputs: readonly AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const [head]: { lastHash: string }[] = await manager.query(`SELECT "lastHash" FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
    const at = new Date();
    let prevHash = head.lastHash;
    const rows = inputs.map((input) => {
      const fields = { ...input, data: input.data ?? null, at };
      const hash = chainHash(prevHash, fields);
      const row = { ...fields, data: fields.data as AuditRecord['data'] & object, prevHash, hash };
      prevHash = hash;
      return row;
    });
    let lastId = '';
    for (let i = 0; i < rows.length; i += AUDIT_BATCH) {
      const inserted = await manager.getRepository(AuditRecord).insert(rows.slice(i, i + AUDIT_BATCH));
      lastId = String((inserted.identifiers[inserted.identifiers.length - 1] as { id: string }).id);
    }
    await manager.query(`UPDATE audit_chain_head SET "lastId" = $1, "lastHash" = $2 WHERE id = 1`, [lastId, prevHash]);
  }

  /**
   * Walks the chain in id order, recomputing every hash; names the first record whose
   * content, link or place in the chain does not match. Then checks every signed head
   * (its signature with the key outside the database, and its hash at its place in the
   * chain: a chain rewritten whole no longer holds it), then the registered content checks.
   */
  async verify(): Promise<AuditVerification> {
    const repo = this.dataSource.getRepository(AuditRecord);
    const signed = await this.heads.all();
    const broken = (checked: number, id: string, reason: string, entityType?: string): AuditVerification => ({
      ok: false,
      checked,
      signedHeads: signed.length,
      contentChecked: 0,
      firstBroken: { id, reason, ...(entityType ? { entityType } : {}) },
    });
    const forged = signed.find((h) => !this.heads.signatureValid(h));
    if (forged)
      return broken(
        0,
        forged.seq,
        `the signed head at ${forged.seq} does not verify with the platform's signing key (${this.heads.key.fingerprint.slice(0, 16)}…)`,
      );
    // Hashes the chain must hold at these places: every stored signed head, and the one this process signed last.
    const expected = new Map(signed.map((h) => [h.seq, h.hash]));
    const mine = this.heads.sealed;
    if (mine && expected.has(mine.seq) && expected.get(mine.seq) !== mine.hash)
      return broken(0, mine.seq, 'the signed head stored for this place differs from the one this server signed');
    if (mine) expected.set(mine.seq, mine.hash);
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await repo.createQueryBuilder('a').where('a.id > :afterId', { afterId }).orderBy('a.id', 'ASC').limit(2000).getMany();
      for (const record of batch) {
        if (record.prevHash !== prevHash)
          return broken(checked, record.id, 'its link to the previous record is broken (a record before it was changed, removed or inserted)');
        if (chainHash(prevHash, record) !== record.hash) return broken(checked, record.id, 'its content does not match its hash (it was changed)');
        const want = expected.get(record.id);
        if (want !== undefined && want !== record.hash)
          return broken(checked, record.id, 'its hash is not the one a signed head recorded here (the chain was rewritten)');
        expected.delete(record.id);
        prevHash = record.hash;
        checked += 1;
      }
      if (batch.length < 2000) break;
      afterId = batch[batch.length - 1].id;
    }
    const [head]: { lastHash: string; lastId: string }[] = await this.dataSource.query(
      `SELECT "lastHash", "lastId"::text AS "lastId" FROM audit_chain_head WHERE id = 1`,
    );
    if (head && head.lastHash !== prevHash) return broken(checked, head.lastId, 'the chain ends before its recorded head (records at the end were removed)');
    const missing = [...expected.keys()][0];
    if (missing !== undefined)
      return broken(checked, missing, 'a signed head recorded this record, which is no longer in the chain (the chain was rewritten or cut)');
    let contentChecked = 0;
    for (const check of this.contentChecks) {
      const result = await check();
      contentChecked += result.checked;
      if (result.broken) return { ...broken(checked, result.broken.entityId, result.broken.reason, result.broken.entityType), contentChecked };
    }
    return { ok: true, checked, signedHeads: signed.length, contentChecked, firstBroken: null };
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
