import {
  chainBound,
  COUNTERPART_TYPES,
  guarantorFits,
  ineligibilityOf,
  inputsOf,
  outputsOf,
  pairScore,
  type MatchItem,
  type MatchOptions,
  type Text,
} from './scoring';

export type Ranked = { item: MatchItem; score: number };

/** A counterpart that breaks an eligibility rule, with the rules it breaks. */
export type NearMiss = { item: MatchItem; reasons: Text[] };

/** Best first; equal scores in id order, so every ranking of the same data is the same. */
export function better(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.item.id < b.item.id);
}

/** Keeps the best k of what it is offered, in order, without sorting everything. */
class TopK {
  readonly ranked: Ranked[] = [];
  constructor(private readonly k: number) {}
  offer(candidate: Ranked): void {
    const r = this.ranked;
    if (r.length === this.k && !better(candidate, r[r.length - 1])) return;
    let i = r.length;
    while (i > 0 && better(candidate, r[i - 1])) i--;
    r.splice(i, 0, candidate);
    if (r.length > this.k) r.pop();
  }
}

/**
 * An event's open listings, bucketed so a listing's candidates are found without scanning
 * the event: goods by type and product category (a product that does not fit scores
 * nothing, so other categories can be skipped), financing by type. Whether a guarantee offer
 * fits a need is remembered until a guarantee offer or that need changes.
 */
export class MatchIndex {
  private readonly items = new Map<string, MatchItem>();
  private readonly goods = new Map<string, Set<MatchItem>>();
  private readonly financing = new Map<string, Set<MatchItem>>();
  private readonly guarantors = new Map<string, MatchItem | null>();

  constructor(
    readonly options: MatchOptions,
    items: Iterable<MatchItem> = [],
  ) {
    for (const item of items) this.upsert(item);
  }

  get size(): number {
    return this.items.size;
  }

  get(id: string): MatchItem | undefined {
    return this.items.get(id);
  }

  all(): IterableIterator<MatchItem> {
    return this.items.values();
  }

  upsert(item: MatchItem): void {
    this.remove(item.id);
    this.items.set(item.id, item);
    this.bucket(item, true).add(item);
    if (item.type === 'guarantee_offer') this.guarantors.clear();
  }

  remove(id: string): void {
    const old = this.items.get(id);
    if (!old) return;
    this.items.delete(id);
    this.bucket(old, false)?.delete(old);
    if (old.type === 'guarantee_offer') this.guarantors.clear();
    else this.guarantors.delete(id);
  }

  /** The best guarantee offer for a need among those that fit it (the three-party combination). */
  guarantorFor(need: MatchItem): MatchItem | null {
    if (!this.guarantors.has(need.id)) {
      const best = new TopK(1);
      for (const g of this.financing.get('guarantee_offer') ?? []) {
        if (guarantorFits(need, g)) best.offer({ item: g, score: pairScore(need, g, this.options, () => false) });
      }
      this.guarantors.set(need.id, best.ranked[0]?.item ?? null);
    }
    return this.guarantors.get(need.id) ?? null;
  }

  /** The k best counterparts of a listing, leaving out `exclude` (e.g. dismissed ones). */
  top(item: MatchItem, k: number, exclude?: ReadonlySet<string>): Ranked[] {
    const best = new TopK(k);
    const hasGuarantor = (need: MatchItem) => this.guarantorFor(need) !== null;
    for (const { bucket, bound } of this.buckets(item)) {
      // A bucket whose best possible score cannot beat the tenth best so far is skipped whole.
      const last = best.ranked[k - 1];
      if (last && last.score > bound + 0.05) continue; // + 0.05: scores are rounded to one decimal
      for (const candidate of bucket) {
        if (exclude?.has(candidate.id)) continue;
        const score = pairScore(item, candidate, this.options, hasGuarantor);
        if (score > 0) best.offer({ item: candidate, score });
      }
    }
    return best.ranked;
  }

  /**
   * Up to k counterparts that break an eligibility rule (for organisers looking for near misses):
   * fewest broken rules first, then in id order. Goods have no eligibility rules, so only
   * financing listings have near misses.
   */
  nearMisses(item: MatchItem, k: number, exclude?: ReadonlySet<string>): NearMiss[] {
    if (item.goods) return [];
    const hasGuarantor = (need: MatchItem) => this.guarantorFor(need) !== null;
    const misses: NearMiss[] = [];
    for (const { bucket } of this.buckets(item)) {
      for (const candidate of bucket) {
        if (exclude?.has(candidate.id)) continue;
        const reasons = ineligibilityOf(item, candidate, hasGuarantor);
        if (reasons && reasons.length > 0) misses.push({ item: candidate, reasons });
      }
    }
    misses.sort((a, b) => a.reasons.length - b.reasons.length || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    return misses.slice(0, k);
  }

  /**
   * Where a listing's counterparts can be, most promising first, each with an upper bound of
   * the score anything in it can reach. A supply of X: demands of X (direct trade), then along
   * the chains (at most chainBound): supplies of what is made from X (prospective buyers),
   * supplies of X's inputs (prospective suppliers) and demands of what is made from X (chain
   * cooperation, which only demands of an upstream–downstream session accept). A demand of Y:
   * supplies of Y, and only in an upstream–downstream session the supplies of Y's inputs.
   * Each bucket is yielded once, so no candidate is offered twice.
   */
  private *buckets(item: MatchItem): Iterable<{ bucket: Set<MatchItem>; bound: number }> {
    if (!item.goods) {
      for (const type of COUNTERPART_TYPES[item.type]) {
        const bucket = this.financing.get(type);
        if (bucket) yield { bucket, bound: 100 };
      }
      return;
    }
    const category = item.goods.category;
    const direct = `${item.type === 'supply' ? 'demand' : 'supply'}:${category}`;
    const same = this.goods.get(direct);
    if (same) yield { bucket: same, bound: 100 };
    const along = new Set<string>();
    if (item.type === 'supply') {
      for (const output of outputsOf(category)) along.add(`supply:${output}`).add(`demand:${output}`);
      for (const input of inputsOf(category)) along.add(`supply:${input}`);
    } else if (item.sessionKind === 'upstream_downstream') {
      for (const input of inputsOf(category)) along.add(`supply:${input}`);
    }
    along.delete(direct);
    const bound = chainBound(this.options);
    for (const key of along) {
      const bucket = this.goods.get(key);
      if (bucket) yield { bucket, bound };
    }
  }

  private bucket(item: MatchItem, create: true): Set<MatchItem>;
  private bucket(item: MatchItem, create: false): Set<MatchItem> | undefined;
  private bucket(item: MatchItem, create: boolean): Set<MatchItem> | undefined {
    const [map, key] = item.goods ? [this.goods, `${item.type}:${item.goods.category}`] : [this.financing, item.type];
    let set = map.get(key);
    if (!set && create) map.set(key, (set = new Set()));
    return set;
  }
}

/** The reference ranking: scores every listing of the event, no index. Used to check the index. */
export function bruteForceTop(all: MatchItem[], item: MatchItem, k: number, options: MatchOptions): Ranked[] {
  const guarantees = all.filter((g) => g.type === 'guarantee_offer');
  const hasGuarantor = (need: MatchItem) => guarantees.some((g) => guarantorFits(need, g));
  const best = new TopK(k);
  for (const candidate of all) {
    const score = pairScore(item, candidate, options, hasGuarantor);
    if (score > 0) best.offer({ item: candidate, score });
  }
  return best.ranked;
}
