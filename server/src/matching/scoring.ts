// The matching score: pure functions over listings prepared for matching (MatchItem).
// A score is the weighted sum of factor fits (each 0..1, weights summing to 100) plus the
// local-priority bonus, capped at 100. The same functions rank candidates and explain the
// ranking, so the reasons a user reads are exactly what produced the number.
import {
  categoryLabel,
  downstreamOf,
  regionLabel,
  upstreamOf,
  type CreditOfferFields,
  type FinancingNeedFields,
  type GuaranteeOfferFields,
  type ListingType,
  type OrganisationSize,
  type SessionKind,
} from '@duijie/shared';
import { kmBetween } from './geo';

export type MatchItem = {
  id: string;
  eventId: string;
  sessionKind: SessionKind;
  organisationId: string;
  orgIndustry: string;
  orgSize: OrganisationSize;
  /** The organisation is registered in the event's province (同质同价同服务的本地优先). */
  inProvince: boolean;
  type: ListingType;
  goods: {
    category: string;
    quantity: number;
    unit: string;
    priceMin: number | null;
    priceMax: number | null;
    from: number | null;
    to: number | null;
    region: string;
    /** Where the goods are, [lat, lon] of the region's seat (see geo.ts), when known. */
    seat: [number, number] | null;
  } | null;
  financing: FinancingNeedFields | null;
  credit: CreditOfferFields | null;
  guarantee: GuaranteeOfferFields | null;
};

export type Factor =
  'product' | 'quantity' | 'price' | 'delivery' | 'distance' | 'local' | 'amount' | 'term' | 'industry' | 'size' | 'security' | 'capacity' | 'wants_guarantee';
export type Lang = 'zh-CN' | 'en';

/** One factor's part in a score: how well it fits (0..1) and why, in both languages. */
export type FactorFit = { factor: Factor; weight: number; fit: number; zh: string; en: string };

export type MatchOptions = {
  /** Points an in-province supplier gains over an otherwise equal one. */
  localBonus: number;
};

export const COUNTERPART_TYPES: Record<ListingType, readonly ListingType[]> = {
  supply: ['demand'],
  demand: ['supply'],
  financing_need: ['credit_offer', 'guarantee_offer'],
  credit_offer: ['financing_need'],
  guarantee_offer: ['financing_need'],
};

const DAY = 86_400_000;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const wan = (yuan: number) => `${Math.round(yuan / 1000) / 10}万元`;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Each category's neighbours one step up or down a chain, computed once (scoring runs millions of times). */
const NEIGHBOURS = new Map<string, Set<string>>();
function neighboursOf(category: string): Set<string> {
  let set = NEIGHBOURS.get(category);
  if (!set) NEIGHBOURS.set(category, (set = new Set([...downstreamOf(category), ...upstreamOf(category)])));
  return set;
}

/** How a goods category relates to another: the same (1), one step along a chain (0.5), or not at all (0). */
export function productFit(a: string, b: string, alongChains: boolean): number {
  if (a === b) return 1;
  if (alongChains && neighboursOf(a).has(b)) return 0.5;
  return 0;
}

/** The gap between two ranges (0 when they overlap). */
function rangeGap(aMin: number, aMax: number, bMin: number, bMax: number): number {
  return Math.max(0, Math.max(aMin, bMin) - Math.min(aMax, bMax));
}

/** Overlap of two ranges as a fit: 1 when they overlap, falling to 0 as the gap reaches `span`. */
function rangeFit(aMin: number, aMax: number, bMin: number, bMax: number, span: number): number {
  const gap = rangeGap(aMin, aMax, bMin, bMax);
  return gap === 0 ? 1 : clamp01(1 - gap / span);
}

// Each factor's fit as a number, shared by the fast ranking path (pairScore) and the
// explained one (factorsOf), so the two cannot disagree.
const fitOf = {
  quantity: (s: Goods, d: Goods) => (s.unit === d.unit ? Math.min(s.quantity, d.quantity) / Math.max(s.quantity, d.quantity) : 0),
  /** -1 when a price is missing. Scalars only: this runs for every candidate pair. */
  price: (s: Goods, d: Goods) => {
    const sMin = s.priceMin ?? s.priceMax;
    const sMax = s.priceMax ?? s.priceMin;
    const dMin = d.priceMin ?? d.priceMax;
    const dMax = d.priceMax ?? d.priceMin;
    if (sMin === null || sMax === null || dMin === null || dMax === null) return -1;
    return rangeFit(sMin, sMax, dMin, dMax, 0.2 * ((sMin + sMax + dMin + dMax) / 4));
  },
  /** -1 when a delivery window is missing. */
  delivery: (s: Goods, d: Goods) =>
    s.from !== null && s.to !== null && d.from !== null && d.to !== null ? rangeFit(s.from, s.to, d.from, d.to, 90 * DAY) : -1,
  distance: (km: number | undefined) => (km === undefined ? 0.5 : clamp01(1 - km / 1500)),
  amount: (n: FinancingNeedFields, c: CreditOfferFields) => {
    const top = Math.min(c.amountMax, c.totalLine);
    return n.amount < c.amountMin ? n.amount / c.amountMin : n.amount > top ? top / n.amount : 1;
  },
  term: (n: FinancingNeedFields, c: CreditOfferFields) =>
    n.termMonths < c.termMinMonths ? n.termMonths / c.termMinMonths : n.termMonths > c.termMaxMonths ? c.termMaxMonths / n.termMonths : 1,
  industry: (targets: string[], industry: string) =>
    targets.length === 0 || targets.includes(industry) ? 1 : targets.some((t) => t[0] === industry[0]) ? 0.5 : 0,
  size: (c: CreditOfferFields, size: OrganisationSize) => (c.targetSizes.length === 0 || c.targetSizes.includes(size) ? 1 : 0),
  security: (n: FinancingNeedFields, c: CreditOfferFields, guarantor: boolean) => {
    const collateral = hasCollateral(n);
    switch (c.guaranteeRequirement) {
      case 'none':
        return 1;
      case 'collateral':
        return collateral ? 1 : guarantor ? 0.8 : 0;
      case 'guarantee':
        return guarantor ? 0.8 : collateral ? 0.3 : 0;
      case 'collateral_or_guarantee':
        return collateral ? 1 : guarantor ? 0.8 : 0;
    }
  },
  capacity: (n: FinancingNeedFields, g: GuaranteeOfferFields) => (n.amount <= g.capacity ? 1 : g.capacity / n.amount),
  wants: (n: FinancingNeedFields) => (n.guaranteeNeeded || !hasCollateral(n) ? 1 : 0.3),
};

type Goods = NonNullable<MatchItem['goods']>;

/**
 * The score of a pair without its explanation (the ranking's hot path; no strings built),
 * or -1 when the two cannot be counterparts. Equal to scoreOf(factorsOf(a, b)).
 */
export function pairScore(a: MatchItem, b: MatchItem, options: MatchOptions, guarantorFor: (need: MatchItem) => boolean): number {
  if (a.organisationId === b.organisationId || a.eventId !== b.eventId || !COUNTERPART_TYPES[a.type].includes(b.type)) return -1;
  let sum: number;
  if (a.type === 'supply' || a.type === 'demand') {
    const supplier = a.type === 'supply' ? a : b;
    const s = supplier.goods!;
    const d = (supplier === a ? b : a).goods!;
    const product = productFit(s.category, d.category, a.sessionKind === 'upstream_downstream' || b.sessionKind === 'upstream_downstream');
    if (product === 0) return -1;
    // Summed in the order and form scoreOf sums the explained factors, so both round alike.
    const scale = goodsScale(options);
    sum = 35 * scale * product;
    sum += 20 * scale * fitOf.quantity(s, d);
    const price = fitOf.price(s, d);
    sum += 15 * scale * (price < 0 ? 0.5 : price);
    const delivery = fitOf.delivery(s, d);
    sum += 15 * scale * (delivery < 0 ? 0.5 : delivery);
    sum += 15 * scale * fitOf.distance(kmBetween(s.seat, d.seat));
    if (supplier.inProvince && options.localBonus > 0) sum += options.localBonus;
  } else {
    const need = a.type === 'financing_need' ? a : b;
    const offer = need === a ? b : a;
    const n = need.financing!;
    if (offer.type === 'credit_offer') {
      const c = offer.credit!;
      sum =
        30 * fitOf.amount(n, c) +
        15 * fitOf.term(n, c) +
        20 * fitOf.industry(c.targetIndustries, need.orgIndustry) +
        15 * fitOf.size(c, need.orgSize) +
        20 * fitOf.security(n, c, guarantorFor(need));
    } else {
      const g = offer.guarantee!;
      sum = 50 * fitOf.capacity(n, g) + 30 * fitOf.industry(g.targetIndustries, need.orgIndustry) + 20 * fitOf.wants(n);
    }
  }
  return Math.min(100, round1(sum));
}

/**
 * Goods factors share 100 − bonus points, so a perfect in-province supplier scores 100 and a
 * perfect one from elsewhere 100 − bonus: the bonus always separates otherwise equal offers.
 */
function goodsScale(options: MatchOptions): number {
  return (100 - options.localBonus) / 100;
}

function goodsFactors(supply: MatchItem, demand: MatchItem): FactorFit[] | null {
  const s = supply.goods!;
  const d = demand.goods!;
  const alongChains = supply.sessionKind === 'upstream_downstream' || demand.sessionKind === 'upstream_downstream';
  const product = productFit(s.category, d.category, alongChains);
  if (product === 0) return null;
  const fits: FactorFit[] = [];
  const sName = categoryLabel(s.category, 'zh-CN');
  const dName = categoryLabel(d.category, 'zh-CN');
  fits.push(
    product === 1
      ? { factor: 'product', weight: 35, fit: 1, zh: `产品同类：${sName}`, en: `Same product: ${categoryLabel(s.category, 'en')}` }
      : {
          factor: 'product',
          weight: 35,
          fit: 0.5,
          zh: `产业链上下游相邻：${sName} 与 ${dName}`,
          en: `Next to each other along an industry chain: ${categoryLabel(s.category, 'en')} and ${categoryLabel(d.category, 'en')}`,
        },
  );
  if (s.unit === d.unit) {
    const fit = fitOf.quantity(s, d);
    fits.push({
      factor: 'quantity',
      weight: 20,
      fit,
      zh: `数量匹配 ${Math.round(fit * 100)}%（供 ${s.quantity}${s.unit}，需 ${d.quantity}${d.unit}）`,
      en: `Quantities match ${Math.round(fit * 100)}% (${s.quantity} vs ${d.quantity} ${s.unit})`,
    });
  } else {
    fits.push({
      factor: 'quantity',
      weight: 20,
      fit: 0,
      zh: `计量单位不同（${s.unit} / ${d.unit}），数量无法比较`,
      en: `Different units (${s.unit} / ${d.unit}); quantities cannot be compared`,
    });
  }
  const price = fitOf.price(s, d);
  if (price >= 0) {
    const fit = price;
    const gap = rangeGap(s.priceMin ?? s.priceMax!, s.priceMax ?? s.priceMin!, d.priceMin ?? d.priceMax!, d.priceMax ?? d.priceMin!);
    fits.push(
      gap === 0
        ? { factor: 'price', weight: 15, fit, zh: '报价区间与预算区间重合', en: 'Price ranges overlap' }
        : { factor: 'price', weight: 15, fit, zh: `价格相差 ${round1(gap)} 元/${s.unit}`, en: `Prices ${round1(gap)} yuan per ${s.unit} apart` },
    );
  } else {
    fits.push({ factor: 'price', weight: 15, fit: 0.5, zh: '一方未填价格，按中性计', en: 'A price is missing; counted as neutral' });
  }
  const delivery = fitOf.delivery(s, d);
  if (delivery >= 0) {
    const fit = delivery;
    const gap = rangeGap(s.from!, s.to!, d.from!, d.to!);
    fits.push(
      gap === 0
        ? { factor: 'delivery', weight: 15, fit, zh: '交货期重合', en: 'Delivery windows overlap' }
        : { factor: 'delivery', weight: 15, fit, zh: `交货期相差 ${Math.round(gap / DAY)} 天`, en: `Delivery windows ${Math.round(gap / DAY)} days apart` },
    );
  } else {
    fits.push({ factor: 'delivery', weight: 15, fit: 0.5, zh: '一方未填交货期，按中性计', en: 'A delivery window is missing; counted as neutral' });
  }
  const km = kmBetween(s.seat, d.seat);
  if (km === undefined) {
    fits.push({ factor: 'distance', weight: 15, fit: 0.5, zh: '所在地距离未知，按中性计', en: 'Distance unknown; counted as neutral' });
  } else {
    const fit = fitOf.distance(km);
    const where = `${regionLabel(s.region, 'zh-CN')} → ${regionLabel(d.region, 'zh-CN')}`;
    fits.push(
      km < 30
        ? { factor: 'distance', weight: 15, fit, zh: `同城供需（${where}）`, en: 'In the same city' }
        : { factor: 'distance', weight: 15, fit, zh: `运距约 ${Math.round(km)} 公里（${where}）`, en: `About ${Math.round(km)} km apart` },
    );
  }
  return fits;
}

function industryFit(targets: string[], industry: string): { fit: number; zh: string; en: string } {
  const fit = fitOf.industry(targets, industry);
  if (fit === 0) return { fit, zh: `不在支持行业之内（${industry}）`, en: `Does not target the industry (${industry})` };
  if (targets.length === 0) return { fit: 1, zh: '产品不限行业', en: 'Open to every industry' };
  if (targets.includes(industry)) return { fit: 1, zh: `支持本企业所在行业（${industry}）`, en: `Targets the enterprise's industry (${industry})` };
  return { fit: 0.5, zh: `支持同门类行业（${industry[0]} 门类）`, en: `Targets the same industry section (${industry[0]})` };
}

function hasCollateral(need: FinancingNeedFields): boolean {
  return (need.collateral ?? '').trim() !== '';
}

function creditFactors(need: MatchItem, offer: MatchItem, guarantorFits: boolean): FactorFit[] {
  const n = need.financing!;
  const c = offer.credit!;
  const fits: FactorFit[] = [];
  const top = Math.min(c.amountMax, c.totalLine);
  const amountFit = fitOf.amount(n, c);
  fits.push(
    amountFit === 1
      ? {
          factor: 'amount',
          weight: 30,
          fit: 1,
          zh: `融资 ${wan(n.amount)} 在单笔 ${wan(c.amountMin)}–${wan(top)} 之内`,
          en: `${wan(n.amount)} is within the ${wan(c.amountMin)}–${wan(top)} per loan`,
        }
      : {
          factor: 'amount',
          weight: 30,
          fit: amountFit,
          zh: `融资 ${wan(n.amount)} 超出单笔 ${wan(c.amountMin)}–${wan(top)}`,
          en: `${wan(n.amount)} is outside the ${wan(c.amountMin)}–${wan(top)} per loan`,
        },
  );
  const termFit = fitOf.term(n, c);
  fits.push({
    factor: 'term',
    weight: 15,
    fit: termFit,
    zh:
      termFit === 1
        ? `期限 ${n.termMonths} 个月在 ${c.termMinMonths}–${c.termMaxMonths} 个月之内`
        : `期限 ${n.termMonths} 个月不在 ${c.termMinMonths}–${c.termMaxMonths} 个月之内`,
    en: `Term ${n.termMonths} months ${termFit === 1 ? 'within' : 'outside'} ${c.termMinMonths}–${c.termMaxMonths}`,
  });
  const industry = industryFit(c.targetIndustries, need.orgIndustry);
  fits.push({ factor: 'industry', weight: 20, ...industry });
  const sizeFit = fitOf.size(c, need.orgSize);
  fits.push({
    factor: 'size',
    weight: 15,
    fit: sizeFit,
    zh: sizeFit ? '企业规模在支持范围内' : '企业规模不在支持范围内',
    en: sizeFit ? 'Enterprise size is targeted' : 'Enterprise size is not targeted',
  });
  const collateral = hasCollateral(n);
  let security: Omit<FactorFit, 'factor' | 'weight'>;
  switch (c.guaranteeRequirement) {
    case 'none':
      security = { fit: 1, zh: '信用贷款，无需抵押担保', en: 'Unsecured: no collateral or guarantee needed' };
      break;
    case 'collateral':
      security = collateral
        ? { fit: 1, zh: '银行要求抵押，企业可提供抵押物', en: 'The bank asks for collateral; the enterprise has it' }
        : guarantorFits
          ? { fit: 0.8, zh: '企业缺少抵押物，可由担保机构增信（三方组合）', en: 'No collateral; a guarantor can step in (three-party)' }
          : { fit: 0, zh: '银行要求抵押，企业未提供抵押物', en: 'The bank asks for collateral the enterprise lacks' };
      break;
    case 'guarantee':
      security = guarantorFits
        ? { fit: 0.8, zh: '银行要求担保，有合适的担保机构（三方组合）', en: 'The bank asks for a guarantee; a guarantor fits (three-party)' }
        : collateral
          ? { fit: 0.3, zh: '银行要求担保，企业仅有抵押物', en: 'The bank asks for a guarantee; the enterprise has collateral only' }
          : { fit: 0, zh: '银行要求担保，暂无合适担保机构', en: 'The bank asks for a guarantee and no guarantor fits' };
      break;
    case 'collateral_or_guarantee':
      security = collateral
        ? { fit: 1, zh: '企业可提供抵押物', en: 'The enterprise has collateral' }
        : guarantorFits
          ? { fit: 0.8, zh: '企业缺少抵押物，可由担保机构增信（三方组合）', en: 'No collateral; a guarantor can step in (three-party)' }
          : { fit: 0, zh: '企业既无抵押物也无合适担保', en: 'Neither collateral nor a fitting guarantor' };
      break;
  }
  fits.push({ factor: 'security', weight: 20, ...security });
  return fits;
}

function guaranteeFactors(need: MatchItem, offer: MatchItem): FactorFit[] {
  const n = need.financing!;
  const g = offer.guarantee!;
  const capacity = fitOf.capacity(n, g);
  const industry = industryFit(g.targetIndustries, need.orgIndustry);
  const wants = fitOf.wants(n) === 1;
  return [
    {
      factor: 'capacity',
      weight: 50,
      fit: capacity,
      zh: capacity === 1 ? `担保能力 ${wan(g.capacity)} 覆盖融资 ${wan(n.amount)}` : `担保能力 ${wan(g.capacity)} 不足以覆盖 ${wan(n.amount)}`,
      en: `Guarantee capacity ${wan(g.capacity)} ${capacity === 1 ? 'covers' : 'does not cover'} ${wan(n.amount)}`,
    },
    { factor: 'industry', weight: 30, ...industry },
    {
      factor: 'wants_guarantee',
      weight: 20,
      fit: wants ? 1 : 0.3,
      zh: wants ? '企业需要担保增信' : '企业已有抵押物，担保非必需',
      en: wants ? 'The enterprise needs a guarantee' : 'The enterprise has collateral; a guarantee is optional',
    },
  ];
}

/** A guarantee offer fits a need well enough to stand in for missing collateral. */
export function guarantorFits(need: MatchItem, offer: MatchItem): boolean {
  return offer.guarantee!.capacity >= need.financing!.amount && industryFit(offer.guarantee!.targetIndustries, need.orgIndustry).fit > 0;
}

/**
 * Every factor of a pair, or null when the two cannot be counterparts at all (types that do
 * not meet, the same organisation, unrelated products). `guarantorFor` answers whether some
 * guarantee offer of the event fits a need (the three-party combination).
 */
export function factorsOf(a: MatchItem, b: MatchItem, options: MatchOptions, guarantorFor: (need: MatchItem) => boolean): FactorFit[] | null {
  if (a.organisationId === b.organisationId || a.eventId !== b.eventId || !COUNTERPART_TYPES[a.type].includes(b.type)) return null;
  let fits: FactorFit[] | null;
  let supplier: MatchItem | null = null;
  if (a.type === 'supply' || a.type === 'demand') {
    supplier = a.type === 'supply' ? a : b;
    fits = goodsFactors(supplier, supplier === a ? b : a);
  } else {
    const need = a.type === 'financing_need' ? a : b;
    const offer = need === a ? b : a;
    fits = offer.type === 'credit_offer' ? creditFactors(need, offer, guarantorFor(need)) : guaranteeFactors(need, offer);
  }
  if (fits && supplier) {
    const scale = goodsScale(options);
    fits = fits.map((f) => ({ ...f, weight: f.weight * scale }));
  }
  if (fits && supplier?.inProvince && options.localBonus > 0) {
    fits.push({
      factor: 'local',
      weight: options.localBonus,
      fit: 1,
      zh: `省内企业优先（同质同价同服务，加 ${options.localBonus} 分）`,
      en: `In-province supplier first (+${options.localBonus} points)`,
    });
  }
  return fits;
}

export function scoreOf(fits: FactorFit[]): number {
  let sum = 0;
  for (const f of fits) sum += f.weight * f.fit;
  return Math.min(100, round1(sum));
}

export type Reason = { factor: Factor; weight: number; contribution: number; text: string };

export function reasonsOf(fits: FactorFit[], lang: Lang): Reason[] {
  return fits.map((f) => ({ factor: f.factor, weight: round1(f.weight), contribution: round1(f.weight * f.fit), text: lang === 'en' ? f.en : f.zh }));
}
