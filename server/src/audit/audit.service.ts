import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, Page } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { pageOf, skipTake } from '../common/pagination';
import { GENESIS_HASH, chainHash } from './audit-chain';
import { AuditRecord } from './audit-record.entity';
import type { AuditQuery } from './dto/audit-query.dto';

/** Rows per INSERT when recording many: well below PostgreSQL's limit of 65,535 parameters. */
const AUDIT_BATCH = 1000;

export type AuditVerification = { ok: boolean; checked: number; firstBroken: { id: string; reason: string } | null };

export type AuditInput = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown> | null;
};

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Always called with the transaction's manager, so the record commits with the change.
   * Locks the chain head until commit: audited transactions take their place in the
   * chain one at a time, so the chain's order is the commit order.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    const [head]: { lastHash: string }[] = await manager.query(`SELECT "lastHash" FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
    const fields = { ...input, data: input.data ?? null, at: new Date() };
    const hash = chainHash(head.lastHash, fields);
    const inserted = await manager
      .getRepository(AuditRecord)
      .insert({ ...fields, data: fields.data as AuditRecord['data'] & object, prevHash: head.lastHash, hash });
    const id = String((inserted.identifiers[0] as { id: string }).id);
    await manager.query(`UPDATE audit_chain_head SET "lastId" = $1, "lastHash" = $2 WHERE id = 1`, [id, hash]);
  }

  /**
   * Records many entries of one transaction at once (a bulk import): the chain head is locked
   * once, each record is chained to the one before it, and they are inserted in batches in
   * chain order, so the chain reads exactly as if each had been recorded on its own.
   */
  async recordMany(manager: EntityManager, inputs: readonly AuditInput[]): Promise<void> {
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
   * content, link or place in the chain does not match.
   */
  async verify(): Promise<AuditVerification> {
    const repo = this.dataSource.getRepository(AuditRecord);
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await repo.createQueryBuilder('a').where('a.id > :afterId', { afterId }).orderBy('a.id', 'ASC').limit(2000).getMany();
      for (const record of batch) {
        if (record.prevHash !== prevHash) return { ok: false, checked, firstBroken: { id: record.id, reason: 'its link to the previous record is broken (a record before it was changed, removed or inserted)' } };
        if (chainHash(prevHash, record) !== record.hash) return { ok: false, checked, firstBroken: { id: record.id, reason: 'its content does not match its hash (it was changed)' } };
        prevHash = record.hash;
        checked += 1;
      }
      if (batch.length < 2000) break;
      afterId = batch[batch.length - 1].id;
    }
    const [head]: { lastHash: string; lastId: string }[] = await this.dataSource.query(`SELECT "lastHash", "lastId"::text AS "lastId" FROM audit_chain_head WHERE id = 1`);
    if (head && head.lastHash !== prevHash) {
      return { ok: false, checked, firstBroken: { id: head.lastId, reason: 'the chain ends before its recorded head (records at the end were removed)' } };
    }
    return { ok: true, checked, firstBroken: null };
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
