// The matching score: pure functions over listings prepared for matching (MatchItem).
// A pair is first eligible or not by hard rules (a bank product's stated limits, a guarantee's
// capacity and the enterprises it serves, the security the bank needs); only eligible pairs are
// scored. A score is the weighted sum of factor fits (each 0..1) plus the local-priority bonus,
// capped at 100. The same functions rank candidates and explain the ranking, so the reasons a
// user reads are exactly what produced the number.
import {
  categoryLabel,
  collateralOffered,
  downstreamOf,
  findIndustry,
  regionLabel,
  upstreamOf,
  type CreditOfferFields,
  type FinancingNeedFields,
  type GuaranteeOfferFields,
  type GuaranteeRequirement,
  type ListingType,
  type MatchRelation,
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
  /** The organisation makes goods (not a trader or distributor): only makers are proposed along a chain as buyers of an input or makers of one. */
  maker: boolean;
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

/** A sentence in both languages. */
export type Text = { zh: string; en: string };

/** One factor's part in a score: how well it fits (0..1) and why, in both languages. */
export type FactorFit = { factor: Factor; weight: number; fit: number } & Text;

export type MatchOptions = {
  /** Points an in-province supplier gains over an otherwise equal one. */
  localBonus: number;
};

/** Whether some guarantee offer of the event fits a need (the three-party combination). */
export type GuarantorFor = (need: MatchItem) => boolean;

/**
 * The listing types a listing's counterparts can have. A supply meets demands (direct trade and
 * chain cooperation) and other supplies one chain step away (prospective buyers and suppliers);
 * a demand meets supplies only.
 */
export const COUNTERPART_TYPES: Record<ListingType, readonly ListingType[]> = {
  supply: ['demand', 'supply'],
  demand: ['supply'],
  financing_need: ['credit_offer', 'guarantee_offer'],
  credit_offer: ['financing_need'],
  guarantee_offer: ['financing_need'],
};

/** The product fit of a relation along a chain: what such a pair can score for its product at most. */
export const CHAIN_PRODUCT_FIT = 0.5;

const DAY = 86_400_000;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const wan = (yuan: number) => `${Math.round(yuan / 1000) / 10}万元`;
const round1 = (x: number) => Math.round(x * 10) / 10;

// ---- the chain graph, directed: an edge [X, Y] of CHAIN_EDGES says X is an input of Y ----

const OUTPUTS = new Map<string, ReadonlySet<string>>();
const INPUTS = new Map<string, readonly string[]>();

/** The categories made from `input` (one step down its chains), computed once: this runs for every pair. */
export function outputsOf(input: string): ReadonlySet<string> {
  let set = OUTPUTS.get(input);
  if (!set) OUTPUTS.set(input, (set = new Set(downstreamOf(input).filter((c) => c !== input))));
  return set;
}

/** The categories `output` is made from (one step up its chains). */
export function inputsOf(output: string): readonly string[] {
  let list = INPUTS.get(output);
  if (!list) INPUTS.set(output, (list = upstreamOf(output).filter((c) => c !== output)));
  return list;
}

/**
 * How a goods listing `b` relates to `a`, from a's side, or null when they are not counterparts:
 * - direct: a supply and a demand of the same product, in any session;
 * - prospective_buyer / prospective_supplier: two supplies, b's product made from a's (b may buy
 *   a's product) or a's made from b's (b may supply a's input);
 * - chain_cooperation: a demand of a chain-cooperation (upstream_downstream) session and a supply
 *   of its product's input. Never a demand offered the product made from it, and never because of
 *   the supply's session.
 */
export function goodsRelation(a: MatchItem, b: MatchItem): MatchRelation | null {
  const x = a.goods!.category;
  const y = b.goods!.category;
  if (a.type !== b.type) {
    if (x === y) return 'direct';
    const supplyIsA = a.type === 'supply';
    const demand = supplyIsA ? b : a;
    const supply = supplyIsA ? a : b;
    return demand.sessionKind === 'upstream_downstream' && supply.maker && outputsOf(supply.goods!.category).has(demand.goods!.category)
      ? 'chain_cooperation'
      : null;
  }
  // Along a chain only makers count: a trader of Y does not consume X, nor does a trader of X make it.
  if (a.type !== 'supply') return null;
  if (b.maker && outputsOf(x).has(y)) return 'prospective_buyer';
  if (a.maker && outputsOf(y).has(x)) return 'prospective_supplier';
  return null;
}

/** How `b` relates to `a` (financing counterparts are always direct), or null when they are not counterparts at all. */
export function relationOf(a: MatchItem, b: MatchItem): MatchRelation | null {
  if (a.organisationId === b.organisationId || a.eventId !== b.eventId || !COUNTERPART_TYPES[a.type].includes(b.type)) return null;
  return a.goods && b.goods ? goodsRelation(a, b) : 'direct';
}

/** The supplier of a goods pair: the supply of a trade, the maker of the input along a chain. */
function supplierOf(a: MatchItem, b: MatchItem, relation: MatchRelation): MatchItem {
  if (relation === 'prospective_buyer') return a;
  if (relation === 'prospective_supplier') return b;
  return a.type === 'supply' ? a : b;
}

// ---- financing: what a need offers, what a product serves ----

const COLLATERAL = new WeakMap<FinancingNeedFields, boolean>();

/** Whether the need offers collateral, by the one parser every reader uses (remembered per need). */
export function offersCollateral(n: FinancingNeedFields): boolean {
  let offered = COLLATERAL.get(n);
  if (offered === undefined) COLLATERAL.set(n, (offered = collateralOffered(n.collateral)));
  return offered;
}

/**
 * How a product's target industries serve an enterprise: 1 when its division is named, 0.8 when
 * its section letter is named or the product is open to every industry, 0 when not served.
 */
function industryServed(targets: readonly string[], industry: string): number {
  if (targets.length === 0) return 0.8;
  let section = false;
  for (const t of targets) {
    if (t === industry) return 1;
    if (t.length === 1 && t === industry[0]) section = true;
  }
  return section ? 0.8 : 0;
}

function sizeServed(sizes: readonly OrganisationSize[] | undefined, size: OrganisationSize): boolean {
  return !sizes || sizes.length === 0 || sizes.includes(size);
}

/**
 * How the bank's security requirement is met: without security, by collateral, through a
 * guarantor, by collateral with the guarantor the enterprise asked for beside it, or not at all.
 */
export type Security = 'unsecured' | 'collateral' | 'collateral_and_guarantor' | 'guarantor' | 'unmet';

/**
 * Collateral the bank takes meets its requirement; an enterprise that also says it needs a
 * guarantee (需要担保) is offered the guarantor that fits beside it. Without such collateral
 * (or when the bank asks for a guarantee) only a fitting guarantor meets it: three-party.
 */
function securityOf(n: FinancingNeedFields, requirement: GuaranteeRequirement, need: MatchItem, guarantorFor: GuarantorFor): Security {
  if (requirement === 'none') return 'unsecured';
  if (requirement !== 'guarantee' && offersCollateral(n)) return n.guaranteeNeeded && guarantorFor(need) ? 'collateral_and_guarantor' : 'collateral';
  return guarantorFor(need) ? 'guarantor' : 'unmet';
}

/** Whether the match proposes a guarantor beside the bank. */
export const withGuarantor = (security: Security): boolean => security === 'guarantor' || security === 'collateral_and_guarantor';

const SECURITY_FIT: Record<Exclude<Security, 'unmet'>, number> = { unsecured: 1, collateral: 1, collateral_and_guarantor: 1, guarantor: 0.8 };

/** The limits a credit product states, met by the need (amount range and line, term, sizes and industries served). */
function creditTermsMet(n: FinancingNeedFields, c: CreditOfferFields, need: MatchItem): boolean {
  return (
    n.amount >= c.amountMin &&
    n.amount <= Math.min(c.amountMax, c.totalLine) &&
    n.termMonths >= c.termMinMonths &&
    n.termMonths <= c.termMaxMonths &&
    sizeServed(c.targetSizes, need.orgSize) &&
    industryServed(c.targetIndustries, need.orgIndustry) > 0
  );
}

/** A guarantee offer can back the need: its capacity covers the amount and it serves the enterprise's size and industry. */
function guaranteeTermsMet(n: FinancingNeedFields, g: GuaranteeOfferFields, need: MatchItem): boolean {
  return n.amount <= g.capacity && sizeServed(g.targetSizes, need.orgSize) && industryServed(g.targetIndustries, need.orgIndustry) > 0;
}

/** Whether the need wants a guarantee: it says so, or it offers no collateral. */
const wantsGuarantee = (n: FinancingNeedFields) => n.guaranteeNeeded || !offersCollateral(n);

// ---- goods: each factor's fit as a number, shared by the fast path and the explained one ----

type Goods = NonNullable<MatchItem['goods']>;

/** The gap between two ranges (0 when they overlap). */
function rangeGap(aMin: number, aMax: number, bMin: number, bMax: number): number {
  return Math.max(0, Math.max(aMin, bMin) - Math.min(aMax, bMax));
}

/** Overlap of two ranges as a fit: 1 when they overlap, falling to 0 as the gap reaches `span`. */
function rangeFit(aMin: number, aMax: number, bMin: number, bMax: number, span: number): number {
  const gap = rangeGap(aMin, aMax, bMin, bMax);
  return gap === 0 ? 1 : clamp01(1 - gap / span);
}

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
};

/**
 * Goods factors share 100 − bonus points, so a perfect in-province supplier scores 100 and a
 * perfect one from elsewhere 100 − bonus: the bonus always separates otherwise equal offers.
 */
function goodsScale(options: MatchOptions): number {
  return (100 - options.localBonus) / 100;
}

/**
 * The highest score a pair related along a chain can reach: only the relation (at half the
 * product weight), the distance and the local bonus count, so such a pair ranks below a good
 * direct trade. The index skips chain buckets that cannot beat its tenth best.
 */
export function chainBound(options: MatchOptions): number {
  const scale = goodsScale(options);
  return 35 * scale * CHAIN_PRODUCT_FIT + 15 * scale + options.localBonus;
}

/**
 * The score of a pair without its explanation (the ranking's hot path; no strings built),
 * or -1 when the two are not counterparts or not eligible. Equal to scoreOf(factorsOf(a, b)).
 */
export function pairScore(a: MatchItem, b: MatchItem, options: MatchOptions, guarantorFor: GuarantorFor): number {
  if (a.organisationId === b.organisationId || a.eventId !== b.eventId || !COUNTERPART_TYPES[a.type].includes(b.type)) return -1;
  let sum: number;
  if (a.goods) {
    const relation = goodsRelation(a, b);
    if (relation === null) return -1;
    const supplier = supplierOf(a, b, relation);
    const s = supplier.goods!;
    const d = (supplier === a ? b : a).goods!;
    // Summed in the order and form scoreOf sums the explained factors, so both round alike.
    const scale = goodsScale(options);
    if (relation === 'direct') {
      sum = 35 * scale * 1;
      sum += 20 * scale * fitOf.quantity(s, d);
      const price = fitOf.price(s, d);
      sum += 15 * scale * (price < 0 ? 0.5 : price);
      const delivery = fitOf.delivery(s, d);
      sum += 15 * scale * (delivery < 0 ? 0.5 : delivery);
    } else {
      // Quantities, prices and delivery of two different products are not comparable.
      sum = 35 * scale * CHAIN_PRODUCT_FIT;
    }
    sum += 15 * scale * fitOf.distance(kmBetween(s.seat, d.seat));
    if (supplier.inProvince && options.localBonus > 0) sum += options.localBonus;
  } else {
    const need = a.type === 'financing_need' ? a : b;
    const offer = need === a ? b : a;
    const n = need.financing!;
    if (offer.type === 'credit_offer') {
      const c = offer.credit!;
      if (!creditTermsMet(n, c, need)) return -1;
      const security = securityOf(n, c.guaranteeRequirement, need, guarantorFor);
      if (security === 'unmet') return -1;
      sum = 30 + 15 + 20 * industryServed(c.targetIndustries, need.orgIndustry) + 15 + 20 * SECURITY_FIT[security];
    } else {
      const g = offer.guarantee!;
      if (!guaranteeTermsMet(n, g, need)) return -1;
      sum = 50 + 30 * industryServed(g.targetIndustries, need.orgIndustry) + 20 * (wantsGuarantee(n) ? 1 : 0.3);
    }
  }
  return Math.min(100, round1(sum));
}

// ---- the explained path ----

function goodsFactors(a: MatchItem, b: MatchItem, relation: MatchRelation): FactorFit[] {
  const supplier = supplierOf(a, b, relation);
  const s = supplier.goods!;
  const d = (supplier === a ? b : a).goods!;
  const fits: FactorFit[] = [relationFit(a.goods!.category, b.goods!.category, relation)];
  if (relation === 'direct') {
    fits.push(quantityFit(s, d), priceFit(s, d), deliveryFit(s, d));
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

/** The product factor: the same product, or the relation along a chain named from a's side. */
function relationFit(mine: string, theirs: string, relation: MatchRelation): FactorFit {
  const zh = (c: string) => categoryLabel(c, 'zh-CN');
  const en = (c: string) => categoryLabel(c, 'en');
  const along = { factor: 'product' as const, weight: 35, fit: CHAIN_PRODUCT_FIT };
  switch (relation) {
    case 'direct':
      return { factor: 'product', weight: 35, fit: 1, zh: `产品同类：${zh(mine)}`, en: `Same product: ${en(mine)}` };
    case 'prospective_buyer':
      return { ...along, zh: `潜在买方：以${zh(mine)}为原料生产${zh(theirs)}`, en: `Prospective buyer: makes ${en(theirs)} from ${en(mine)}` };
    case 'prospective_supplier':
      return { ...along, zh: `潜在供应方：生产${zh(mine)}的原料${zh(theirs)}`, en: `Prospective supplier: makes ${en(theirs)}, an input of ${en(mine)}` };
    case 'chain_cooperation': {
      // The input is the supply's product, whichever side is asking.
      const [input, output] = outputsOf(mine).has(theirs) ? [mine, theirs] : [theirs, mine];
      return { ...along, zh: `产业链协作：${zh(input)}是${zh(output)}的上游原料`, en: `Chain cooperation: ${en(input)} is an input of ${en(output)}` };
    }
  }
}

function quantityFit(s: Goods, d: Goods): FactorFit {
  if (s.unit !== d.unit)
    // Different units are not a reason to refuse a trade, only a factor that cannot be compared.
    return {
      factor: 'quantity',
      weight: 20,
      fit: 0,
      zh: `计量单位不同（${s.unit} / ${d.unit}），数量无法比较`,
      en: `Different units (${s.unit} / ${d.unit}); quantities cannot be compared`,
    };
  const fit = fitOf.quantity(s, d);
  return {
    factor: 'quantity',
    weight: 20,
    fit,
    zh: `数量匹配 ${Math.round(fit * 100)}%（供 ${s.quantity}${s.unit}，需 ${d.quantity}${d.unit}）`,
    en: `Quantities match ${Math.round(fit * 100)}% (${s.quantity} vs ${d.quantity} ${s.unit})`,
  };
}

function priceFit(s: Goods, d: Goods): FactorFit {
  const fit = fitOf.price(s, d);
  if (fit < 0) return { factor: 'price', weight: 15, fit: 0.5, zh: '一方未填价格，按中性计', en: 'A price is missing; counted as neutral' };
  const gap = rangeGap(s.priceMin ?? s.priceMax!, s.priceMax ?? s.priceMin!, d.priceMin ?? d.priceMax!, d.priceMax ?? d.priceMin!);
  return gap === 0
    ? { factor: 'price', weight: 15, fit, zh: '报价区间与预算区间重合', en: 'Price ranges overlap' }
    : { factor: 'price', weight: 15, fit, zh: `价格相差 ${round1(gap)} 元/${s.unit}`, en: `Prices ${round1(gap)} yuan per ${s.unit} apart` };
}

function deliveryFit(s: Goods, d: Goods): FactorFit {
  const fit = fitOf.delivery(s, d);
  if (fit < 0) return { factor: 'delivery', weight: 15, fit: 0.5, zh: '一方未填交货期，按中性计', en: 'A delivery window is missing; counted as neutral' };
  const gap = rangeGap(s.from!, s.to!, d.from!, d.to!);
  return gap === 0
    ? { factor: 'delivery', weight: 15, fit, zh: '交货期重合', en: 'Delivery windows overlap' }
    : { factor: 'delivery', weight: 15, fit, zh: `交货期相差 ${Math.round(gap / DAY)} 天`, en: `Delivery windows ${Math.round(gap / DAY)} days apart` };
}

function industryText(targets: readonly string[], industry: string): { fit: number } & Text {
  const fit = industryServed(targets, industry);
  if (fit === 1) return { fit, zh: `支持本企业所在行业（${industry}）`, en: `Targets the enterprise's industry (${industry})` };
  if (targets.length === 0) return { fit, zh: '产品不限行业', en: 'Open to every industry' };
  return { fit, zh: `支持本企业所在门类（${industry[0]} 门类）`, en: `Targets the enterprise's industry section (${industry[0]})` };
}

const SIZE_NAMES: Record<OrganisationSize, Text> = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
};

/**
 * What the need offers as security, in one sentence per need: every reason of every match of a
 * need that speaks of collateral or a guarantee says exactly this, so two matches never disagree.
 */
export function needSecurityText(n: FinancingNeedFields): Text {
  const collateral = offersCollateral(n);
  if (collateral && n.guaranteeNeeded) return { zh: '企业可提供抵押物，但需要担保', en: 'the enterprise has collateral but asks for a guarantee' };
  if (collateral) return { zh: '企业可提供抵押物', en: 'the enterprise has collateral' };
  if (n.guaranteeNeeded) return { zh: '企业未提供抵押物，需要担保', en: 'the enterprise offers no collateral and asks for a guarantee' };
  return { zh: '企业未提供抵押物', en: 'the enterprise offers no collateral' };
}

const REQUIREMENT_TEXT: Record<Exclude<GuaranteeRequirement, 'none'>, Text> = {
  collateral: { zh: '银行要求抵押', en: 'The bank asks for collateral' },
  guarantee: { zh: '银行要求担保', en: 'The bank asks for a guarantee' },
  collateral_or_guarantee: { zh: '银行要求抵押或担保', en: 'The bank asks for collateral or a guarantee' },
};

function securityText(n: FinancingNeedFields, requirement: GuaranteeRequirement, security: Security): Text {
  if (requirement === 'none' || security === 'unsecured') return { zh: '信用贷款，无需抵押担保', en: 'Unsecured: no collateral or guarantee needed' };
  const asks = REQUIREMENT_TEXT[requirement];
  const has = needSecurityText(n);
  switch (security) {
    case 'collateral':
      // The English keeps its earlier wording for the common case.
      return {
        zh: `${asks.zh}，${has.zh}`,
        en: requirement === 'collateral' ? 'The bank asks for collateral; the enterprise has it' : `${asks.en}; ${has.en}`,
      };
    case 'collateral_and_guarantor':
      return { zh: `${asks.zh}，${has.zh}，可由担保机构增信（三方组合）`, en: `${asks.en}; ${has.en}; a guarantor can step in beside it (three-party)` };
    case 'guarantor':
      return { zh: `${asks.zh}，${has.zh}，由担保机构增信（三方组合）`, en: `${asks.en}; ${has.en}; a guarantor steps in (three-party)` };
    case 'unmet':
      return {
        zh: `${asks.zh}，${has.zh}，且活动中暂无合适的担保机构`,
        en: `${asks.en}; ${has.en}; no guarantor of the event fits (capacity, industry, size)`,
      };
  }
}

function creditFactors(need: MatchItem, offer: MatchItem, security: Exclude<Security, 'unmet'>): FactorFit[] {
  const n = need.financing!;
  const c = offer.credit!;
  const top = Math.min(c.amountMax, c.totalLine);
  return [
    {
      factor: 'amount',
      weight: 30,
      fit: 1,
      zh: `融资 ${wan(n.amount)} 在单笔 ${wan(c.amountMin)}–${wan(top)} 之内`,
      en: `${wan(n.amount)} is within the ${wan(c.amountMin)}–${wan(top)} per loan`,
    },
    {
      factor: 'term',
      weight: 15,
      fit: 1,
      zh: `期限 ${n.termMonths} 个月在 ${c.termMinMonths}–${c.termMaxMonths} 个月之内`,
      en: `Term ${n.termMonths} months within ${c.termMinMonths}–${c.termMaxMonths}`,
    },
    { factor: 'industry', weight: 20, ...industryText(c.targetIndustries, need.orgIndustry) },
    c.targetSizes.length === 0
      ? { factor: 'size', weight: 15, fit: 1, zh: '产品不限企业规模', en: 'Open to every enterprise size' }
      : { factor: 'size', weight: 15, fit: 1, zh: '企业规模在支持范围内', en: 'Enterprise size is targeted' },
    { factor: 'security', weight: 20, fit: SECURITY_FIT[security], ...securityText(n, c.guaranteeRequirement, security) },
  ];
}

function guaranteeFactors(need: MatchItem, offer: MatchItem): FactorFit[] {
  const n = need.financing!;
  const g = offer.guarantee!;
  const wants = wantsGuarantee(n);
  const has = needSecurityText(n);
  return [
    {
      factor: 'capacity',
      weight: 50,
      fit: 1,
      zh: `担保能力 ${wan(g.capacity)} 覆盖融资 ${wan(n.amount)}`,
      en: `Guarantee capacity ${wan(g.capacity)} covers ${wan(n.amount)}`,
    },
    { factor: 'industry', weight: 30, ...industryText(g.targetIndustries, need.orgIndustry) },
    {
      factor: 'wants_guarantee',
      weight: 20,
      fit: wants ? 1 : 0.3,
      zh: wants ? `${has.zh}，担保可为其增信` : `${has.zh}，担保非必需`,
      en: wants ? `${capitalise(has.en)}; a guarantee backs the loan` : `${capitalise(has.en)}; a guarantee is optional`,
    },
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A guarantee offer fits a need well enough to back its loan (the three-party combination). */
export function guarantorFits(need: MatchItem, offer: MatchItem): boolean {
  return offer.organisationId !== need.organisationId && offer.eventId === need.eventId && guaranteeTermsMet(need.financing!, offer.guarantee!, need);
}

/** How a credit offer's security requirement is met for a need (a guarantor is then proposed with the match). */
export function securityFor(need: MatchItem, credit: MatchItem, guarantorFor: GuarantorFor): Security {
  return securityOf(need.financing!, credit.credit!.guaranteeRequirement, need, guarantorFor);
}

/**
 * Every factor of a pair, or null when the two are not counterparts (types that do not meet, the
 * same organisation, unrelated products) or not eligible (see ineligibilityOf). `guarantorFor`
 * answers whether some guarantee offer of the event fits a need (the three-party combination).
 */
export function factorsOf(a: MatchItem, b: MatchItem, options: MatchOptions, guarantorFor: GuarantorFor): FactorFit[] | null {
  const relation = relationOf(a, b);
  if (relation === null) return null;
  if (a.goods) {
    const scale = goodsScale(options);
    const fits = goodsFactors(a, b, relation).map((f) => ({ ...f, weight: f.weight * scale }));
    if (supplierOf(a, b, relation).inProvince && options.localBonus > 0) {
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
  const need = a.type === 'financing_need' ? a : b;
  const offer = need === a ? b : a;
  const n = need.financing!;
  if (offer.type === 'credit_offer') {
    if (!creditTermsMet(n, offer.credit!, need)) return null;
    const security = securityFor(need, offer, guarantorFor);
    return security === 'unmet' ? null : creditFactors(need, offer, security);
  }
  return guaranteeTermsMet(n, offer.guarantee!, need) ? guaranteeFactors(need, offer) : null;
}

/**
 * Why a pair is not eligible, one sentence per broken rule: null when the two are not
 * counterparts at all, empty when eligible. Goods have no hard limits beyond their relation:
 * prices, quantities, units and delivery windows are stated wishes to negotiate, so they only
 * rank (see decision 0007). A bank product's and a guarantee's conditions are its limits.
 */
export function ineligibilityOf(a: MatchItem, b: MatchItem, guarantorFor: GuarantorFor): Text[] | null {
  const relation = relationOf(a, b);
  if (relation === null) return null;
  if (a.goods) return [];
  const need = a.type === 'financing_need' ? a : b;
  const offer = need === a ? b : a;
  const n = need.financing!;
  const reasons: Text[] = [];
  const targets = offer.credit?.targetIndustries ?? offer.guarantee!.targetIndustries;
  const sizes = offer.credit?.targetSizes ?? offer.guarantee!.targetSizes;
  if (offer.type === 'credit_offer') {
    const c = offer.credit!;
    if (n.amount < c.amountMin)
      reasons.push({
        zh: `融资额 ${wan(n.amount)} 低于单笔下限 ${wan(c.amountMin)}`,
        en: `${wan(n.amount)} is below the per-loan minimum of ${wan(c.amountMin)}`,
      });
    else if (n.amount > c.amountMax)
      reasons.push({
        zh: `融资额 ${wan(n.amount)} 高于单笔上限 ${wan(c.amountMax)}`,
        en: `${wan(n.amount)} is above the per-loan maximum of ${wan(c.amountMax)}`,
      });
    else if (n.amount > c.totalLine)
      reasons.push({
        zh: `融资额 ${wan(n.amount)} 超过授信总额 ${wan(c.totalLine)}`,
        en: `${wan(n.amount)} exceeds the product's total line of ${wan(c.totalLine)}`,
      });
    if (n.termMonths < c.termMinMonths)
      reasons.push({
        zh: `期限 ${n.termMonths} 个月短于最短期限 ${c.termMinMonths} 个月`,
        en: `A term of ${n.termMonths} months is shorter than the minimum of ${c.termMinMonths}`,
      });
    else if (n.termMonths > c.termMaxMonths)
      reasons.push({
        zh: `期限 ${n.termMonths} 个月长于最长期限 ${c.termMaxMonths} 个月`,
        en: `A term of ${n.termMonths} months is longer than the maximum of ${c.termMaxMonths}`,
      });
  } else {
    const g = offer.guarantee!;
    if (n.amount > g.capacity)
      reasons.push({
        zh: `担保能力 ${wan(g.capacity)} 不足以覆盖融资额 ${wan(n.amount)}`,
        en: `Guarantee capacity ${wan(g.capacity)} does not cover ${wan(n.amount)}`,
      });
  }
  if (!sizeServed(sizes, need.orgSize)) {
    const size = SIZE_NAMES[need.orgSize];
    reasons.push({
      zh: `企业规模（${size.zh}）不在产品面向的规模（${sizes!.map((s) => SIZE_NAMES[s].zh).join('、')}）之内`,
      en: `The enterprise's size (${size.en}) is not among the sizes served (${sizes!.map((s) => SIZE_NAMES[s].en).join(', ')})`,
    });
  }
  if (industryServed(targets, need.orgIndustry) === 0) {
    const name = findIndustry(need.orgIndustry);
    reasons.push({
      zh: `企业所在行业 ${need.orgIndustry}${name ? `（${name.name}）` : ''} 不在产品面向的行业（${targets.join('、')}）之内`,
      en: `The enterprise's industry ${need.orgIndustry}${name ? ` (${name.nameEn})` : ''} is not among the industries served (${targets.join(', ')})`,
    });
  }
  if (offer.type === 'credit_offer') {
    const c = offer.credit!;
    if (securityFor(need, offer, guarantorFor) === 'unmet') reasons.push(securityText(n, c.guaranteeRequirement, 'unmet'));
  }
  return reasons;
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

export function textOf(text: Text, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
