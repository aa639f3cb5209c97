import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chainOfProduct, type CeremonyTotals, type SessionKind } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { dealGroups, type DealGroup } from '../agreements/agreement-figures';
import { AgreementsService } from '../agreements/agreements.service';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { BoardPublisher } from '../realtime/board-publisher';
import { Coalescer } from '../realtime/coalescer';

/** Ceremony figures are recomputed at most four times a second per event, however fast people sign. */
const PUSH_INTERVAL_MS = 250;

/**
 * The signing ceremony's figures, always computed from the database (signed and confirmed
 * agreements, the batch on stage), so the big screen equals the database whenever it has
 * settled. They are pushed to the event's room whenever an agreement is signed or the running
 * order changes.
 */
@Injectable()
export class CeremonyService {
  private readonly logger = new Logger('Ceremony');
  private readonly pushes = new Coalescer(PUSH_INTERVAL_MS, (error) => this.logger.warn(`Ceremony figures not pushed: ${String(error)}`));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    private readonly events: EventsService,
    private readonly publisher: BoardPublisher,
    uow: UnitOfWork,
  ) {
    uow.on('agreement.changed', (changes) => {
      for (const { agreement } of changes) if (agreement.status !== 'drafting') this.push(agreement.eventId);
    });
    uow.on('ceremony.order_changed', (changes) => changes.forEach(({ eventId }) => this.push(eventId)));
  }

  /**
   * The figures the big screen shows. The signed totals, per session kind and per chain, are the
   * figures layer's own aggregates of the deals signed (intent agreements included: they are signed
   * on stage too), so the screen and the organisers' dashboard agree by construction; the ticker and
   * the timeline list the signed agreements themselves, read in the same snapshot.
   */
  async totals(eventId: string): Promise<CeremonyTotals> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const event = await this.events.findEvent(manager, eventId);
      const scope = { eventId, sessionId: null, regionPrefix: null, from: null, until: null };
      const groups = (await dealGroups(manager, scope, { products: null, institutionId: null }, event.timeZone)).filter((g) => g.dealClass !== 'negotiating');
      const kindOf = new Map((await this.events.sessionsOf(manager, eventId)).map((s) => [s.id, s.kind]));
      const sum = <K>(keyOf: (g: DealGroup) => K | null, grouping: DealGroup['grouping']) => {
        const totals = new Map<K, { count: number; amount: number }>();
        for (const g of groups.filter((x) => x.grouping === grouping)) {
          const key = keyOf(g);
          if (key === null) continue;
          const entry = totals.get(key) ?? { count: 0, amount: 0 };
          totals.set(key, { count: entry.count + g.count, amount: entry.amount + g.amount });
        }
        return totals;
      };
      const all = sum(() => 'all', 'all').get('all') ?? { count: 0, amount: 0 };
      const rows = await this.agreements.signedForCeremony(eventId, manager);
      let cumulative = 0;
      const timeline: CeremonyTotals['timeline'] = rows.map((row) => ({
        at: row.signedAt.toISOString(),
        cumulativeAmount: (cumulative += Number(row.amount)),
      }));
      return {
        eventId,
        timeZone: event.timeZone,
        targetAmount: event.targetAmount,
        signedCount: all.count,
        signedAmount: all.amount,
        bySessionKind: [...sum<SessionKind>((g) => kindOf.get(g.key!) ?? null, 'session')].map(([kind, v]) => ({ kind, ...v })),
        byChain: [...sum((g) => chainOfProduct(g.key), 'product')].map(([chain, v]) => ({ chain, ...v })),
        latest: rows
          .slice(-10)
          .reverse()
          .map((r) => ({ agreementId: r.id, title: r.title, amount: Number(r.amount), parties: r.parties, signedAt: r.signedAt.toISOString() })),
        timeline,
        onStage: await this.onStage(eventId, manager),
      };
    });
  }

  private push(eventId: string): void {
    this.pushes.request(eventId, async () => this.publisher.publishCeremony(await this.totals(eventId)));
  }

  /** The batch on stage with its agreements in running order, each marked signed or not yet. */
  private async onStage(eventId: string, manager: EntityManager): Promise<CeremonyTotals['onStage']> {
    const [batch]: { id: string; title: string; position: number; batchCount: number }[] = await manager.query(
      `SELECT b.id, b.title, b.position, (SELECT count(*)::int FROM ceremony_batch c WHERE c."eventId" = b."eventId") AS "batchCount"
         FROM ceremony_batch b WHERE b."eventId" = $1 AND b."onStage"`,
      [eventId],
    );
    if (!batch) return null;
    const order: { agreementId: string }[] = await manager.query(`SELECT "agreementId" FROM ceremony_batch_agreement WHERE "batchId" = $1 ORDER BY position`, [
      batch.id,
    ]);
    const agreements = await this.agreements.forStage(order.map((o) => o.agreementId));
    return {
      batchId: batch.id,
      title: batch.title,
      position: batch.position,
      batchCount: batch.batchCount,
      agreements: agreements.map((a) => ({
        agreementId: a.agreementId,
        title: a.title,
        amount: Number(a.amount),
        parties: a.parties,
        signed: a.status === 'signed' || a.status === 'confirmed',
      })),
    };
  }
}
