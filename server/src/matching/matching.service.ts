import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isInProvince,
  STRONG_MATCH_SCORE,
  type ListingPublic,
  type Match,
  type OrganisationKind,
  type OrganisationSize,
  type SessionKind,
} from '@duijie/shared';
import { DataSource, In } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, NotFound } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ListingEntity } from '../listings/listing.entity';
import { toPublicListing } from '../listings/listings.mapper';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { BoardPublisher } from '../realtime/board-publisher';
import { seatOf } from './geo';
import { MatchIndex, type Ranked } from './match-index';
import { MatchMarkEntity } from './match-mark.entity';
import { factorsOf, pairScore, reasonsOf, relationOf, securityFor, withGuarantor, textOf, type Lang, type MatchItem } from './scoring';

type Row = {
  id: string;
  eventId: string;
  organisationId: string;
  type: MatchItem['type'];
  status: string;
  goods: ListingEntity['goods'];
  financing: MatchItem['financing'];
  credit: MatchItem['credit'];
  guarantee: MatchItem['guarantee'];
  sessionKind: SessionKind;
  orgKind: OrganisationKind;
  industry: string;
  size: OrganisationSize;
  region: string;
  province: string;
};

/** An event's index and the board sequence of each session it has seen. */
type Cached = { index: MatchIndex; seqs: Map<string, number> };

/** More listing changes than this in one commit (a bulk import) are not announced one by one. */
const MAX_ANNOUNCED_PER_COMMIT = 50;

const ITEM_SQL = `
  SELECT l.id, l."eventId", l."organisationId", l.type, l.status, l.goods, l.financing, l.credit, l.guarantee,
         s.kind AS "sessionKind", o.kind AS "orgKind", o.industry, o.size, o.region, e.province
    FROM listing l
    JOIN match_session s ON s.id = l."sessionId"
    JOIN organisation o ON o.id = l."organisationId"
    JOIN match_event e ON e.id = l."eventId"`;

/**
 * Ranked, explained recommendations. Each process keeps one index per event in memory and
 * brings it up to date before answering: the sessions' board sequences say whether anything
 * changed (one small query), and the board events since the last look name the listings to
 * reload. Board sequences are assigned in commit order, so no change is skipped.
 */
@Injectable()
export class MatchingService implements OnModuleInit {
  private readonly cache = new Map<string, Promise<Cached>>();
  private readonly logger = new Logger('Matching');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly publisher: BoardPublisher,
  ) {}

  onModuleInit(): void {
    // The process that committed a listing change tells the organisations it strongly matches.
    this.uow.on('board.appended', (appended) => {
      const listings = appended.flatMap(({ event: e }) => (e.type === 'listing.created' || e.type === 'listing.updated' ? [e.listing] : []));
      if (listings.length === 0) return;
      // A bulk import is not news to announce one listing at a time (and ranking thousands right
      // after its commit would hold up this process); its listings are in everyone's recommendations.
      if (listings.length > MAX_ANNOUNCED_PER_COMMIT) return;
      setImmediate(() => void this.announce(listings).catch((error: unknown) => this.logger.warn(`Match notices not sent: ${String(error)}`)));
    });
  }

  /** Tells the owner of every listing a changed listing now strongly matches (its org room). */
  private async announce(listings: ListingPublic[]): Promise<void> {
    const found: { listing: ListingPublic; match: Ranked }[] = [];
    for (const listing of listings) {
      const index = await this.index(listing.eventId);
      const item = index.get(listing.id);
      if (item) for (const match of index.top(item, 10)) if (match.score >= STRONG_MATCH_SCORE) found.push({ listing, match });
    }
    if (found.length === 0) return;
    // Two queries for the whole commit: who dismissed the newcomer, and the matched listings' titles.
    const matchedIds = [...new Set(found.map((f) => f.match.item.id))];
    const dismissed = await this.dataSource
      .getRepository(MatchMarkEntity)
      .find({ where: { listingId: In(matchedIds), counterpartId: In(listings.map((l) => l.id)), kind: 'dismissed' } });
    const titles = new Map(
      (await this.dataSource.getRepository(ListingEntity).find({ where: { id: In(matchedIds) }, select: { id: true, title: true } })).map((l) => [
        l.id,
        l.title,
      ]),
    );
    for (const { listing, match } of found) {
      if (dismissed.some((d) => d.listingId === match.item.id && d.counterpartId === listing.id)) continue;
      this.publisher.publishMatch(match.item.organisationId, {
        listingId: match.item.id,
        listingTitle: titles.get(match.item.id) ?? '',
        counterpart: listing,
        score: match.score,
      });
    }
  }

  /** For a board page: how many strong-enough counterparts (top 10, score ≥ 60) each listing has. */
  async counts(sessionId: string, ids: string[]): Promise<Record<string, number>> {
    const rows: { eventId: string }[] = await this.dataSource.query(`SELECT "eventId" FROM match_session WHERE id = $1`, [sessionId]);
    if (rows.length === 0) throw new NotFound('Session');
    const index = await this.index(rows[0].eventId);
    const counts: Record<string, number> = {};
    for (const id of ids) {
      const item = index.get(id);
      counts[id] = item ? index.top(item, 10).filter((r) => r.score >= 60).length : 0;
    }
    return counts;
  }

  /**
   * The best eligible counterparts of a listing; with `includeIneligible` (organisers only) up to
   * `limit` near misses after them, each with the eligibility rules it breaks.
   */
  async matches(principal: Principal, listingId: string, limit: number, lang: Lang, includeIneligible = false): Promise<Match[]> {
    if (includeIneligible && !isOrganiser(principal)) throw new Forbidden('Only organisers may see ineligible counterparts (includeIneligible)');
    // The hot path finds the listing's event in an index already in memory; otherwise it asks.
    const eventId = (await this.knownEventOf(listingId)) ?? (await this.dataSource.getRepository(ListingEntity).findOne({ where: { id: listingId } }))?.eventId;
    if (!eventId) throw new NotFound('Listing');
    // The marks are read while the index catches up (they are used only once access is checked).
    const [index, marks] = await Promise.all([this.index(eventId), this.dataSource.getRepository(MatchMarkEntity).find({ where: { listingId } })]);
    const item = index.get(listingId);
    if (!item) {
      // Not open: withdrawn (its owner and organisers are told so) or not there at all.
      const listing = await this.dataSource.getRepository(ListingEntity).findOne({ where: { id: listingId } });
      if (listing && (isOrganiser(principal) || listing.organisationId === principal.organisationId))
        throw new Conflict('listing_withdrawn', 'A withdrawn listing has no recommendations');
      throw new NotFound('Listing');
    }
    if (!isOrganiser(principal) && item.organisationId !== principal.organisationId) throw new NotFound('Listing');
    const dismissed = new Set(marks.filter((m) => m.kind === 'dismissed').map((m) => m.counterpartId));
    const bookmarked = new Set(marks.filter((m) => m.kind === 'bookmarked').map((m) => m.counterpartId));
    const ranked = index.top(item, limit, dismissed);
    const misses = includeIneligible ? index.nearMisses(item, limit, dismissed) : [];
    const hasGuarantor = (n: MatchItem) => index.guarantorFor(n) !== null;
    // A bank match whose security only a guarantor can give comes with that guarantor (the best that fits the need).
    const guarantors = new Map<string, MatchItem>();
    for (const r of ranked) {
      const [need, bank] = item.type === 'financing_need' ? [item, r.item] : [r.item, item];
      if (need.type !== 'financing_need' || bank.type !== 'credit_offer' || !withGuarantor(securityFor(need, bank, hasGuarantor))) continue;
      const guarantor = index.guarantorFor(need);
      if (guarantor) guarantors.set(r.item.id, guarantor);
    }
    const views = await this.publicViews([...ranked.map((r) => r.item.id), ...misses.map((m) => m.item.id), ...[...guarantors.values()].map((g) => g.id)]);
    const explain = (a: MatchItem, b: MatchItem) => reasonsOf(factorsOf(a, b, index.options, hasGuarantor) ?? [], lang);
    const eligible = ranked.flatMap((r: Ranked): Match[] => {
      const view = views.get(r.item.id);
      if (!view) return [];
      const g = guarantors.get(r.item.id);
      const need = item.type === 'financing_need' ? item : r.item;
      const gView = g ? views.get(g.id) : undefined;
      return [
        {
          listing: view,
          score: r.score,
          reasons: explain(item, r.item),
          bookmarked: bookmarked.has(r.item.id),
          guarantor: g && gView ? { listing: gView, score: pairScore(need, g, index.options, () => false), reasons: explain(need, g) } : null,
          relation: relationOf(item, r.item) ?? 'direct',
          eligible: true,
          ineligible: [],
        },
      ];
    });
    const ineligible = misses.flatMap((m): Match[] => {
      const view = views.get(m.item.id);
      if (!view) return [];
      return [
        {
          listing: view,
          score: 0,
          reasons: [],
          bookmarked: bookmarked.has(m.item.id),
          guarantor: null,
          relation: relationOf(item, m.item) ?? 'direct',
          eligible: false,
          ineligible: m.reasons.map((text) => textOf(text, lang)),
        },
      ];
    });
    return [...eligible, ...ineligible];
  }

  /** Dismissed recommendations do not come back; bookmarks are kept for later. Both are idempotent. */
  async mark(principal: Principal, listingId: string, counterpartId: string, kind: MatchMarkEntity['kind'], on: boolean): Promise<void> {
    const listing = await this.dataSource.getRepository(ListingEntity).findOne({ where: { id: listingId } });
    if (!listing || listing.organisationId !== principal.organisationId) throw new NotFound('Listing');
    const counterpart = await this.dataSource.getRepository(ListingEntity).findOne({ where: { id: counterpartId } });
    if (!counterpart || counterpart.eventId !== listing.eventId) throw new NotFound('Counterpart listing');
    const repo = this.dataSource.getRepository(MatchMarkEntity);
    if (on)
      await repo
        .createQueryBuilder()
        .insert()
        .values({ listingId, counterpartId, kind, organisationId: principal.organisationId, userId: principal.userId })
        .orIgnore()
        .execute();
    else await repo.delete({ listingId, counterpartId, kind });
  }

  /** The event of a listing some loaded index holds (it may be stale; the caller refreshes). */
  private async knownEventOf(listingId: string): Promise<string | undefined> {
    for (const [eventId, cached] of this.cache) {
      const loaded = await cached.catch(() => undefined);
      if (loaded?.index.get(listingId)) return eventId;
    }
    return undefined;
  }

  /** The event's index, brought up to date with every committed listing change. */
  async index(eventId: string): Promise<MatchIndex> {
    let cached = this.cache.get(eventId);
    if (!cached) {
      cached = this.load(eventId);
      this.cache.set(eventId, cached);
      cached.catch(() => this.cache.delete(eventId));
    }
    const current = await cached;
    await this.refresh(eventId, current);
    return current.index;
  }

  private async load(eventId: string): Promise<Cached> {
    // Sequences first: every change up to them is committed, so the rows read next include it.
    const seqs = await this.sequences(eventId);
    const rows: Row[] = await this.dataSource.query(`${ITEM_SQL} WHERE l."eventId" = $1 AND l.status = 'open'`, [eventId]);
    return { index: new MatchIndex({ localBonus: this.config.matchLocalBonus }, rows.map(toItem)), seqs };
  }

  private readonly refreshing = new Map<string, Promise<void>>();

  /** One refresh per event at a time; concurrent callers wait for it. */
  private refresh(eventId: string, cached: Cached): Promise<void> {
    let running = this.refreshing.get(eventId);
    if (!running) {
      running = this.applyChanges(eventId, cached).finally(() => this.refreshing.delete(eventId));
      this.refreshing.set(eventId, running);
    }
    return running;
  }

  private async applyChanges(eventId: string, cached: Cached): Promise<void> {
    const seqs = await this.sequences(eventId);
    const behind = [...seqs].filter(([session, seq]) => seq > (cached.seqs.get(session) ?? 0));
    if (behind.length === 0) return;
    const params: unknown[] = [];
    const where = behind.map(([session]) => {
      params.push(session, cached.seqs.get(session) ?? 0);
      return `("sessionId" = $${params.length - 1} AND seq > $${params.length})`;
    });
    const changed: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT COALESCE(payload->'listing'->>'id', payload->>'listingId') AS id FROM board_event
        WHERE type IN ('listing.created', 'listing.updated', 'listing.withdrawn') AND (${where.join(' OR ')})`,
      params,
    );
    const ids = changed.map((c) => c.id);
    if (ids.length > 0) {
      const rows: Row[] = await this.dataSource.query(`${ITEM_SQL} WHERE l.id = ANY($1)`, [ids]);
      for (const id of ids) cached.index.remove(id);
      for (const row of rows) if (row.status === 'open') cached.index.upsert(toItem(row));
    }
    for (const [session, seq] of behind) cached.seqs.set(session, seq);
  }

  private async sequences(eventId: string): Promise<Map<string, number>> {
    const rows: { id: string; seq: number }[] = await this.dataSource.query(
      `SELECT s.id, COALESCE(b.seq, 0) AS seq FROM match_session s LEFT JOIN board_sequence b ON b."sessionId" = s.id WHERE s."eventId" = $1`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.id, Number(r.seq)]));
  }

  private async publicViews(ids: string[]): Promise<Map<string, ListingPublic>> {
    if (ids.length === 0) return new Map();
    const listings = await this.dataSource.getRepository(ListingEntity).find({ where: { id: In(ids) }, relations: { organisation: true } });
    return new Map(listings.map((l) => [l.id, toPublicListing(l)]));
  }
}

function toItem(row: Row): MatchItem {
  const g = row.goods;
  return {
    id: row.id,
    eventId: row.eventId,
    sessionKind: row.sessionKind,
    organisationId: row.organisationId,
    orgIndustry: row.industry,
    orgSize: row.size,
    inProvince: isInProvince(row.region, row.province),
    // Traders and distributors buy and sell but make nothing along a chain.
    maker: row.orgKind !== 'distributor',
    type: row.type,
    goods: g
      ? {
          category: g.category,
          quantity: Number(g.quantity),
          unit: g.unit,
          priceMin: g.priceMin ?? null,
          priceMax: g.priceMax ?? null,
          from: g.deliveryFrom ? Date.parse(`${g.deliveryFrom}T00:00:00Z`) : null,
          to: g.deliveryTo ? Date.parse(`${g.deliveryTo}T00:00:00Z`) : null,
          region: g.region,
          seat: seatOf(g.region) ?? null,
        }
      : null,
    financing: row.financing,
    credit: row.credit,
    guarantee: row.guarantee,
  };
}
