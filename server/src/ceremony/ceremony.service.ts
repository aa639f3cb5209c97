import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chainOfProduct, type CeremonyTotals, type SessionKind } from '@duijie/shared';
import { DataSource } from 'typeorm';
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

  async totals(eventId: string): Promise<CeremonyTotals> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const rows = await this.agreements.signedForCeremony(eventId);
    const bySession = new Map<SessionKind, { count: number; amount: number }>();
    const byChain = new Map<string, { count: number; amount: number }>();
    const add = <K>(map: Map<K, { count: number; amount: number }>, key: K, amount: number) => {
      const entry = map.get(key) ?? { count: 0, amount: 0 };
      entry.count += 1;
      entry.amount += amount;
      map.set(key, entry);
    };
    let cumulative = 0;
    const timeline: CeremonyTotals['timeline'] = [];
    for (const row of rows) {
      const amount = Number(row.amount);
      cumulative += amount;
      timeline.push({ at: row.signedAt.toISOString(), cumulativeAmount: cumulative });
      add(bySession, row.kind, amount);
      add(byChain, chainOfProduct(row.product), amount);
    }
    return {
      eventId,
      targetAmount: event.targetAmount,
      signedCount: rows.length,
      signedAmount: cumulative,
      bySessionKind: [...bySession].map(([kind, v]) => ({ kind, ...v })),
      byChain: [...byChain].map(([chain, v]) => ({ chain, ...v })),
      latest: rows
        .slice(-10)
        .reverse()
        .map((r) => ({ agreementId: r.id, title: r.title, amount: Number(r.amount), parties: r.parties, signedAt: r.signedAt.toISOString() })),
      timeline,
      onStage: await this.onStage(eventId),
    };
  }

  private push(eventId: string): void {
    this.pushes.request(eventId, async () => this.publisher.publishCeremony(await this.totals(eventId)));
  }

  /** The batch on stage with its agreements in running order, each marked signed or not yet. */
  private async onStage(eventId: string): Promise<CeremonyTotals['onStage']> {
    const [batch]: { id: string; title: string; position: number; batchCount: number }[] = await this.dataSource.query(
      `SELECT b.id, b.title, b.position, (SELECT count(*)::int FROM ceremony_batch c WHERE c."eventId" = b."eventId") AS "batchCount"
         FROM ceremony_batch b WHERE b."eventId" = $1 AND b."onStage"`,
      [eventId],
    );
    if (!batch) return null;
    const order: { agreementId: string }[] = await this.dataSource.query(
      `SELECT "agreementId" FROM ceremony_batch_agreement WHERE "batchId" = $1 ORDER BY position`,
      [batch.id],
    );
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
