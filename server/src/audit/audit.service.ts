import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, Page } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { pageOf, skipTake } from '../common/pagination';
import { AuditRecord } from './audit-record.entity';
import type { AuditQuery } from './dto/audit-query.dto';

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

  /** Always called with the transaction's manager, so the record commits with the change. */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await manager.getRepository(AuditRecord).insert({ ...input, data: (input.data ?? null) as AuditRecord['data'] & object });
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
