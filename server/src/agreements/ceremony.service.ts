import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chainOfProduct, type CeremonyTotals, type SessionKind } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/errors';
import { EventEntity } from '../events/event.entity';

type SignedRow = { id: string; title: string; amount: string; product: string | null; signedAt: Date; kind: SessionKind; parties: string[] };

/**
 * The ceremony's figures, always computed from the database (signed and confirmed
 * agreements), so the big screen equals the database whenever it has settled.
 */
@Injectable()
export class CeremonyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async totals(eventId: string): Promise<CeremonyTotals> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event) throw new NotFound('Event');
    const rows: SignedRow[] = await this.dataSource.query(
      `SELECT a.id, a.title, a.amount::text AS amount, a.product, a."signedAt", s.kind,
              ARRAY(SELECT o.name FROM agreement_party p JOIN organisation o ON o.id = p."organisationId"
                     WHERE p."agreementId" = a.id ORDER BY o.name) AS parties
         FROM agreement a JOIN match_session s ON s.id = a."sessionId"
        WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed')
        ORDER BY a."signedAt", a.id`,
      [eventId],
    );
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

  /** The batch on stage with its agreements in running order, each marked signed or not yet. */
  private async onStage(eventId: string): Promise<CeremonyTotals['onStage']> {
    const [batch]: { id: string; title: string; position: number; batchCount: number }[] = await this.dataSource.query(
      `SELECT b.id, b.title, b.position, (SELECT count(*)::int FROM ceremony_batch c WHERE c."eventId" = b."eventId") AS "batchCount"
         FROM ceremony_batch b WHERE b."eventId" = $1 AND b."onStage"`,
      [eventId],
    );
    if (!batch) return null;
    const agreements: { agreementId: string; title: string; amount: string; status: string; parties: string[] }[] = await this.dataSource.query(
      `SELECT a.id AS "agreementId", a.title, a.amount::text AS amount, a.status,
              ARRAY(SELECT o.name FROM agreement_party p JOIN organisation o ON o.id = p."organisationId" WHERE p."agreementId" = a.id ORDER BY p.role, o.name) AS parties
         FROM ceremony_batch_agreement ba JOIN agreement a ON a.id = ba."agreementId"
        WHERE ba."batchId" = $1 ORDER BY ba.position`,
      [batch.id],
    );
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
