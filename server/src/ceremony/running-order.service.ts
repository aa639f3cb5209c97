import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chainOfProduct, INDUSTRY_CHAINS, type CeremonyAgreement, type CeremonyBatch, type RunningOrder } from '@duijie/shared';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity';
import { AuditService, type AuditInput } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { assertVersion, Conflict, InvalidInput, NotFound } from '../common/errors';
import { SessionEntity } from '../events/session.entity';
import { EventsService } from '../events/events.service';
import { CeremonyBatchAgreementEntity, CeremonyBatchEntity } from './ceremony-batch.entity';
import type { CeremonyBatchDto, CeremonyBatchUpdateDto } from './dto/running-order.dto';
import type { EventEntity } from '../events/event.entity';
import { runningOrderRows, type RunningOrderRow } from './running-order.export';

/**
 * The ceremony's running order: batches of agreements in the order they go on stage, and
 * which batch is on stage now. Every change locks the event's row, so two organisers
 * editing at once take turns, and tells the big screens after commit.
 */
@Injectable()
export class RunningOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async get(eventId: string): Promise<RunningOrder> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    return this.view(this.dataSource.manager, eventId);
  }

  /** The running order as the export's lines (bounded by the event's agreements, read once like the console's view). */
  async exportRows(eventId: string): Promise<{ event: EventEntity; rows: RunningOrderRow[] }> {
    const manager = this.dataSource.manager;
    const event = await this.events.findEvent(manager, eventId);
    const order = await this.view(manager, eventId);
    const sessions = await this.events.sessionsOf(manager, eventId);
    return { event, rows: runningOrderRows(order, new Map(sessions.map((s) => [s.id, s.title]))) };
  }

  async create(principal: Principal, eventId: string, dto: CeremonyBatchDto): Promise<RunningOrder> {
    return this.change(principal, eventId, async (manager) => {
      if (dto.sessionId) await this.assertSessionOf(manager, eventId, dto.sessionId);
      const batch = await manager.save(
        manager.create(CeremonyBatchEntity, {
          eventId,
          title: dto.title,
          sessionId: dto.sessionId ?? null,
          chain: dto.chain ?? null,
          position: (await this.count(manager, eventId)) + 1,
        }),
      );
      await this.place(manager, batch, dto.agreementIds);
      return {
        action: 'ceremony.batch_created',
        entityType: 'ceremony_batch',
        entityId: batch.id,
        data: { title: batch.title, position: batch.position, agreementIds: dto.agreementIds },
      };
    });
  }

  /** One batch per session or per industry chain, from the agreements in no batch yet. */
  async generate(principal: Principal, eventId: string, by: 'session' | 'chain'): Promise<RunningOrder> {
    return this.change(principal, eventId, async (manager) => {
      const unbatched = (await this.agreementsOf(manager, eventId)).filter((a) => !a.batchId);
      if (unbatched.length === 0) throw new Conflict('nothing_to_batch', 'Every agreement of this event is already in a batch');
      const sessions = await manager.find(SessionEntity, { where: { eventId }, order: { startsAt: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      const groups = new Map<string, string[]>();
      for (const a of unbatched) {
        const key = by === 'session' ? a.sessionId : a.chain;
        groups.set(key, [...(groups.get(key) ?? []), a.agreementId]);
      }
      // Sessions in the order they run (those starting together in the order they were added); chains in the plan's order, 'other' last.
      const order = by === 'session' ? sessions.map((s) => s.id) : INDUSTRY_CHAINS.map((c) => c.code);
      const keys = [...groups.keys()].sort((x, y) => rank(order, x) - rank(order, y));
      let position = await this.count(manager, eventId);
      const created: string[] = [];
      for (const key of keys) {
        const title =
          by === 'session' ? (sessions.find((s) => s.id === key)?.title ?? '') : (INDUSTRY_CHAINS.find((c) => c.code === key)?.name ?? '其他签约项目');
        position += 1;
        const batch = await manager.save(
          manager.create(CeremonyBatchEntity, { eventId, title, position, sessionId: by === 'session' ? key : null, chain: by === 'chain' ? key : null }),
        );
        await this.place(manager, batch, groups.get(key)!);
        created.push(batch.id);
      }
      return { action: 'ceremony.batches_generated', entityType: 'event', entityId: eventId, data: { by, batchIds: created, agreements: unbatched.length } };
    });
  }

  async update(principal: Principal, batchId: string, dto: CeremonyBatchUpdateDto): Promise<RunningOrder> {
    const batch = await this.findBatch(this.dataSource.manager, batchId);
    return this.change(principal, batch.eventId, async (manager) => {
      const current = await this.findBatch(manager, batchId);
      assertVersion(current.version, dto.version, 'The batch');
      if (dto.title !== undefined) current.title = dto.title;
      current.version += 1;
      await manager.save(current);
      if (dto.agreementIds) {
        await manager.delete(CeremonyBatchAgreementEntity, { batchId });
        await this.place(manager, current, dto.agreementIds);
      }
      return {
        action: 'ceremony.batch_edited',
        entityType: 'ceremony_batch',
        entityId: batchId,
        data: { version: current.version, title: dto.title, agreementIds: dto.agreementIds },
      };
    });
  }

  async remove(principal: Principal, batchId: string): Promise<RunningOrder> {
    const batch = await this.findBatch(this.dataSource.manager, batchId);
    return this.change(principal, batch.eventId, async (manager) => {
      const current = await this.findBatch(manager, batchId);
      await manager.delete(CeremonyBatchEntity, { id: batchId });
      await manager.query(`UPDATE ceremony_batch SET position = position - 1 WHERE "eventId" = $1 AND position > $2`, [current.eventId, current.position]);
      return { action: 'ceremony.batch_removed', entityType: 'ceremony_batch', entityId: batchId, data: { title: current.title, wasOnStage: current.onStage } };
    });
  }

  /** The new order, as every batch id of the event once. */
  async sequence(principal: Principal, eventId: string, batchIds: string[]): Promise<RunningOrder> {
    return this.change(principal, eventId, async (manager) => {
      const batches = await manager.find(CeremonyBatchEntity, { where: { eventId } });
      if (batches.length !== batchIds.length || !batches.every((b) => batchIds.includes(b.id))) {
        throw new InvalidInput('batchIds', 'must list every batch of the event exactly once');
      }
      for (const [i, id] of batchIds.entries()) await manager.update(CeremonyBatchEntity, { id }, { position: i + 1 });
      return { action: 'ceremony.order_changed', entityType: 'event', entityId: eventId, data: { batchIds } };
    });
  }

  /** Marks which batch is on stage (null: none); the big screens show it at once. */
  async stage(principal: Principal, eventId: string, batchId: string | null): Promise<RunningOrder> {
    return this.change(principal, eventId, async (manager) => {
      if (batchId) {
        const batch = await manager.findOne(CeremonyBatchEntity, { where: { id: batchId, eventId } });
        if (!batch) throw new InvalidInput('batchId', 'no such batch in this event');
      }
      await manager.update(CeremonyBatchEntity, { eventId, onStage: true }, { onStage: false });
      if (batchId) await manager.update(CeremonyBatchEntity, { id: batchId }, { onStage: true });
      return { action: 'ceremony.on_stage', entityType: 'event', entityId: eventId, data: { batchId } };
    });
  }

  /** Runs a change under the event's lock with its audit record; pushes the screens' figures after commit. */
  private async change(
    principal: Principal,
    eventId: string,
    work: (manager: EntityManager) => Promise<Omit<AuditInput, 'actorUserId'>>,
  ): Promise<RunningOrder> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.events.findEvent(manager, eventId, true);
      await this.audit.record(manager, { actorUserId: principal.userId, ...(await work(manager)) });
      tx.emit({ type: 'ceremony.order_changed', eventId });
      return this.view(manager, eventId);
    });
  }

  /** Puts agreements of this event, in no other batch, into the batch in the given order. */
  private async place(manager: EntityManager, batch: CeremonyBatchEntity, agreementIds: string[]): Promise<void> {
    if (agreementIds.length === 0) return;
    const agreements = await manager.find(AgreementEntity, { where: { id: In(agreementIds), eventId: batch.eventId } });
    if (agreements.length !== agreementIds.length) throw new InvalidInput('agreementIds', 'every agreement must belong to this event');
    if (batch.sessionId && agreements.some((a) => a.sessionId !== batch.sessionId))
      throw new InvalidInput('agreementIds', "every agreement must belong to the batch's session");
    const taken = await manager.find(CeremonyBatchAgreementEntity, { where: { agreementId: In(agreementIds) } });
    const elsewhere = taken.filter((t) => t.batchId !== batch.id);
    if (elsewhere.length > 0) {
      throw new Conflict('already_in_batch', 'An agreement can be in one batch only; take it out of its batch first', [
        { field: 'agreementIds', messages: elsewhere.map((t) => `${t.agreementId} is in another batch`) },
      ]);
    }
    await manager.insert(
      CeremonyBatchAgreementEntity,
      agreementIds.map((agreementId, i) => ({ agreementId, batchId: batch.id, position: i + 1 })),
    );
  }

  private async assertSessionOf(manager: EntityManager, eventId: string, sessionId: string): Promise<void> {
    if (!(await manager.exists(SessionEntity, { where: { id: sessionId, eventId } }))) throw new InvalidInput('sessionId', 'no such session in this event');
  }

  private count(manager: EntityManager, eventId: string): Promise<number> {
    return manager.count(CeremonyBatchEntity, { where: { eventId } });
  }

  private async findBatch(manager: EntityManager, id: string): Promise<CeremonyBatchEntity> {
    const batch = await manager.findOne(CeremonyBatchEntity, { where: { id } });
    if (!batch) throw new NotFound('Batch');
    return batch;
  }

  /** Every agreement of the event with its parties' names and its batch, if any. */
  private async agreementsOf(manager: EntityManager, eventId: string): Promise<(CeremonyAgreement & { batchId: string | null; place: number })[]> {
    const rows: {
      id: string;
      title: string;
      kind: CeremonyAgreement['kind'];
      sessionId: string;
      product: string | null;
      amount: string;
      status: CeremonyAgreement['status'];
      batchId: string | null;
      place: number | null;
      parties: string[];
    }[] = await manager.query(
      `SELECT a.id, a.title, a.kind, a."sessionId", a.product, a.amount::text AS amount, a.status, b."batchId", b.position AS place,
                ARRAY(SELECT o.name FROM agreement_party p JOIN organisation o ON o.id = p."organisationId" WHERE p."agreementId" = a.id ORDER BY p.role, o.name) AS parties
           FROM agreement a LEFT JOIN ceremony_batch_agreement b ON b."agreementId" = a.id
          WHERE a."eventId" = $1
          ORDER BY a."createdAt", a.id`,
      [eventId],
    );
    return rows.map((r) => ({
      agreementId: r.id,
      title: r.title,
      kind: r.kind,
      sessionId: r.sessionId,
      chain: chainOfProduct(r.product),
      amount: Number(r.amount),
      status: r.status,
      parties: r.parties,
      batchId: r.batchId,
      place: r.place ?? 0,
    }));
  }

  private async view(manager: EntityManager, eventId: string): Promise<RunningOrder> {
    const batches = await manager.find(CeremonyBatchEntity, { where: { eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
    const agreements = await this.agreementsOf(manager, eventId);
    const strip = ({ batchId: _b, place: _p, ...a }: (typeof agreements)[number]): CeremonyAgreement => a;
    return {
      eventId,
      onStageBatchId: batches.find((b) => b.onStage)?.id ?? null,
      batches: batches.map((b): CeremonyBatch => ({
        id: b.id,
        eventId,
        position: b.position,
        title: b.title,
        sessionId: b.sessionId,
        chain: b.chain,
        version: b.version,
        onStage: b.onStage,
        agreements: agreements
          .filter((a) => a.batchId === b.id)
          .sort((x, y) => x.place - y.place)
          .map(strip),
      })),
      unbatched: agreements.filter((a) => !a.batchId).map(strip),
    };
  }
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
