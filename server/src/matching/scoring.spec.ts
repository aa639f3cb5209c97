import { bruteForceTop, MatchIndex } from './match-index';
import { factorsOf, pairScore, productFit, reasonsOf, scoreOf, type MatchItem, type MatchOptions } from './scoring';
import { distanceKm, seatOf } from './geo';

const OPTIONS: MatchOptions = { localBonus: 5 };
const noGuarantor = () => false;
let seq = 0;
const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

const base = (over: Partial<MatchItem>): MatchItem => ({
  id: id(),
  eventId: 'event',
  sessionKind: 'producer_distributor',
  organisationId: id(),
  orgIndustry: 'C31',
  orgSize: 'medium',
  inProvince: false,
  type: 'supply',
  goods: null,
  financing: null,
  credit: null,
  guarantee: null,
  ...over,
});
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const goods = (type: 'supply' | 'demand', over: Partial<NonNullable<MatchItem['goods']>> = {}, item: Partial<MatchItem> = {}) =>
  base({
    type,
    goods: withSeat({
      category: 'steel',
      quantity: 5000,
      unit: '吨',
      priceMin: 3600,
      priceMax: 3900,
      from: day('2027-01-01'),
      to: day('2027-06-30'),
      region: '630100',
      ...over,
    }),
    ...item,
  });
function withSeat(g: Omit<NonNullable<MatchItem['goods']>, 'seat'> & { seat?: unknown }): NonNullable<MatchItem['goods']> {
  return { ...g, seat: seatOf(g.region) ?? null };
}
const need = (over: Partial<NonNullable<MatchItem['financing']>> = {}, item: Partial<MatchItem> = {}) =>
  base({
    type: 'financing_need',
    financing: { amount: 50_000_000, termMonths: 36, purpose: 'technical_upgrade', collateral: '厂房设备', guaranteeNeeded: false, ...over },
    ...item,
  });
const credit = (over: Partial<NonNullable<MatchItem['credit']>> = {}) =>
  base({
    type: 'credit_offer',
    orgIndustry: 'J66',
    credit: {
      amountMin: 10_000_000,
      amountMax: 100_000_000,
      totalLine: 1_000_000_000,
      termMinMonths: 12,
      termMaxMonths: 60,
      rateMinBp: 350,
      rateMaxBp: 450,
      targetIndustries: [],
      targetSizes: [],
      guaranteeRequirement: 'none',
      ...over,
    },
  });
const guarantee = (over: Partial<NonNullable<MatchItem['guarantee']>> = {}) =>
  base({ type: 'guarantee_offer', orgIndustry: 'J69', guarantee: { capacity: 80_000_000, feeRateBp: 150, targetIndustries: [], ...over } });
const fit = (a: MatchItem, b: MatchItem, factor: string, guarantor = noGuarantor) => factorsOf(a, b, OPTIONS, guarantor)!.find((f) => f.factor === factor)!;

describe('product fit and the chain graph', () => {
  it('is full for the same category and half one step along a chain, only where chains count', () => {
    expect(productFit('steel', 'steel', false)).toBe(1);
    expect(productFit('iron_ore_concentrate', 'steel', true)).toBe(0.5);
    expect(productFit('steel', 'construction', true)).toBe(0.5);
    expect(productFit('steel', 'iron_ore_concentrate', true)).toBe(0.5);
    expect(productFit('iron_ore_concentrate', 'steel', false)).toBe(0);
    // Two steps away is not a neighbour.
    expect(productFit('iron_ore_concentrate', 'construction', true)).toBe(0);
  });

  it('does not pair unrelated products, the same organisation, or listings of other events', () => {
    const supply = goods('supply');
    expect(factorsOf(supply, goods('demand', { category: 'wheat' }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('demand', {}, { organisationId: supply.organisationId }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('demand', {}, { eventId: 'other' }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('supply'), OPTIONS, noGuarantor)).toBeNull();
  });

  it('matches upstream and downstream in the upstream–downstream session, with the chain named', () => {
    const ore = goods('supply', { category: 'iron_ore_concentrate' }, { sessionKind: 'upstream_downstream' });
    const f = fit(ore, goods('demand', { category: 'steel' }), 'product');
    expect(f.fit).toBe(0.5);
    expect(f.zh).toContain('产业链上下游相邻');
  });
});

describe('goods factors', () => {
  it('scores quantity as the smaller over the larger, and zero across units', () => {
    expect(fit(goods('supply', { quantity: 5000 }), goods('demand', { quantity: 2000 }), 'quantity').fit).toBeCloseTo(0.4);
    const other = fit(goods('supply'), goods('demand', { unit: '件' }), 'quantity');
    expect(other.fit).toBe(0);
    expect(other.zh).toContain('计量单位不同');
  });

  it('scores price by overlap, falling to zero at a 20% gap, neutral when missing', () => {
    expect(fit(goods('supply', { priceMin: 3600, priceMax: 3900 }), goods('demand', { priceMin: 3800, priceMax: 4000 }), 'price').fit).toBe(1);
    const gap = fit(goods('supply', { priceMin: 4000, priceMax: 4000 }), goods('demand', { priceMin: 3600, priceMax: 3600 }), 'price');
    expect(gap.fit).toBeCloseTo(1 - 400 / (0.2 * 3800));
    expect(gap.zh).toContain('价格相差 400');
    expect(fit(goods('supply', { priceMin: 5000, priceMax: 5000 }), goods('demand', { priceMin: 3000, priceMax: 3000 }), 'price').fit).toBe(0);
    expect(fit(goods('supply', { priceMin: null, priceMax: null }), goods('demand'), 'price').fit).toBe(0.5);
  });

  it('scores delivery windows by overlap, falling to zero 90 days apart', () => {
    expect(fit(goods('supply'), goods('demand', { from: day('2027-06-01'), to: day('2027-12-31') }), 'delivery').fit).toBe(1);
    expect(fit(goods('supply', { to: day('2027-01-31') }), goods('demand', { from: day('2027-03-02'), to: day('2027-04-01') }), 'delivery').fit).toBeCloseTo(
      1 - 30 / 90,
    );
    expect(fit(goods('supply', { from: null }), goods('demand'), 'delivery').fit).toBe(0.5);
  });

  it('scores distance between region seats: the same city fully, across the country not at all', () => {
    expect(distanceKm('630102', '630100')).toBeLessThan(1);
    expect(distanceKm('630100', '620100')).toBeGreaterThan(150);
    expect(distanceKm('630100', '620100')).toBeLessThan(250);
    expect(fit(goods('supply', { region: '630104' }), goods('demand', { region: '630100' }), 'distance').fit).toBe(1);
    const far = fit(goods('supply', { region: '630100' }), goods('demand', { region: '440100' }), 'distance');
    expect(far.fit).toBe(0);
    expect(far.zh).toContain('公里');
  });

  it('gives an in-province supplier the local bonus over an otherwise equal one', () => {
    const demand = goods('demand');
    const local = goods('supply', {}, { inProvince: true });
    const outside = goods('supply', {}, { inProvince: false });
    const a = pairScore(demand, local, OPTIONS, noGuarantor);
    const b = pairScore(demand, outside, OPTIONS, noGuarantor);
    expect(a - b).toBe(5);
    expect(fit(local, demand, 'local').zh).toContain('省内企业优先');
    // A local buyer gains nothing: the rule favours local suppliers.
    expect(pairScore(goods('supply'), goods('demand', {}, { inProvince: true }), OPTIONS, noGuarantor)).toBe(b);
  });
});

describe('financing factors', () => {
  it('checks the amount against the per-loan range and the line, and the term', () => {
    expect(fit(need({ amount: 50_000_000 }), credit(), 'amount').fit).toBe(1);
    expect(fit(need({ amount: 200_000_000 }), credit(), 'amount').fit).toBe(0.5);
    expect(fit(need({ amount: 50_000_000 }), credit({ totalLine: 25_000_000 }), 'amount').fit).toBe(0.5);
    expect(fit(need({ termMonths: 120 }), credit(), 'term').fit).toBe(0.5);
  });

  it('checks the industry (exact, same section, other) and the enterprise size', () => {
    expect(fit(need(), credit({ targetIndustries: ['C31'] }), 'industry').fit).toBe(1);
    expect(fit(need(), credit({ targetIndustries: ['C26'] }), 'industry').fit).toBe(0.5);
    expect(fit(need(), credit({ targetIndustries: ['A01'] }), 'industry').fit).toBe(0);
    expect(fit(need(), credit({ targetSizes: ['small', 'micro'] }), 'size').fit).toBe(0);
  });

  it('recommends a guarantor when the enterprise lacks the collateral the bank asks for', () => {
    const n = need({ collateral: '', guaranteeNeeded: true });
    const bank = credit({ guaranteeRequirement: 'collateral' });
    expect(fit(n, bank, 'security').fit).toBe(0);
    const withGuarantor = fit(n, bank, 'security', () => true);
    expect(withGuarantor.fit).toBe(0.8);
    expect(withGuarantor.zh).toContain('三方组合');
    const index = new MatchIndex(OPTIONS, [n, bank, guarantee({ capacity: 60_000_000 })]);
    expect(index.guarantorFor(n)?.type).toBe('guarantee_offer');
    expect(
      index
        .top(n, 10)
        .map((r) => r.item.type)
        .sort(),
    ).toEqual(['credit_offer', 'guarantee_offer']);
    // A guarantor too small for the amount does not fit.
    expect(new MatchIndex(OPTIONS, [n, bank, guarantee({ capacity: 10_000_000 })]).guarantorFor(n)).toBeNull();
  });

  it('explains every factor with its weight and contribution, in Chinese by default or English', () => {
    const fits = factorsOf(need(), credit(), OPTIONS, noGuarantor)!;
    const zh = reasonsOf(fits, 'zh-CN');
    expect(zh.map((r) => r.weight).reduce((a, b) => a + b, 0)).toBe(100);
    expect(zh.reduce((a, r) => a + r.contribution, 0)).toBeCloseTo(scoreOf(fits));
    expect(zh[0].text).toMatch(/万元/);
    expect(reasonsOf(fits, 'en')[0].text).toMatch(/within/);
  });
});

describe('the index', () => {
  // A random event: goods of a few related categories, needs, offers and guarantees.
  const random = (n: number, seed: number): MatchItem[] => {
    let x = seed;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const orgs = Array.from({ length: Math.ceil(n / 5) }, () => ({
      organisationId: id(),
      inProvince: rnd() < 0.6,
      orgIndustry: pick(['C31', 'C26', 'C32', 'A01']),
      orgSize: pick(['large', 'medium', 'small', 'micro'] as const),
    }));
    return Array.from({ length: n }, () => {
      const org = pick(orgs);
      const sessionKind = pick(['upstream_downstream', 'producer_distributor', 'bank_enterprise'] as const);
      const kind = rnd();
      const item = { ...org, sessionKind };
      if (kind < 0.35)
        return goods(
          'supply',
          {
            category: pick(['iron_ore_concentrate', 'steel', 'construction', 'wheat']),
            quantity: Math.round(rnd() * 9000) + 100,
            region: pick(['630100', '632800', '620100', '440100']),
            priceMin: rnd() < 0.2 ? null : 3000 + Math.round(rnd() * 1000),
            priceMax: null,
          },
          item,
        );
      if (kind < 0.7)
        return goods(
          'demand',
          {
            category: pick(['iron_ore_concentrate', 'steel', 'construction', 'wheat']),
            quantity: Math.round(rnd() * 9000) + 100,
            unit: rnd() < 0.1 ? '件' : '吨',
          },
          item,
        );
      if (kind < 0.85) return need({ amount: Math.round(rnd() * 2e8), collateral: rnd() < 0.5 ? '' : '设备', termMonths: 6 + Math.round(rnd() * 80) }, item);
      if (kind < 0.95)
        return {
          ...credit({
            guaranteeRequirement: pick(['none', 'collateral', 'guarantee', 'collateral_or_guarantee'] as const),
            targetIndustries: rnd() < 0.5 ? [] : ['C31'],
          }),
          ...item,
          type: 'credit_offer' as const,
        };
      return { ...guarantee({ capacity: Math.round(rnd() * 2e8) }), ...item, type: 'guarantee_offer' as const };
    });
  };

  it('ranks exactly as scoring every listing does, after inserts, changes and removals', () => {
    const items = random(600, 7);
    const index = new MatchIndex(OPTIONS, items);
    const check = () => {
      const all = [...index.all()];
      for (const item of all)
        expect(index.top(item, 10).map((r) => [r.item.id, r.score])).toEqual(bruteForceTop(all, item, 10, OPTIONS).map((r) => [r.item.id, r.score]));
    };
    check();
    for (const item of items.slice(0, 60)) index.remove(item.id);
    for (const item of random(80, 99)) index.upsert(item);
    const changed = items[100];
    index.upsert({ ...changed, inProvince: !changed.inProvince });
    check();
  });

  it('computes the fast score and the explained score identically', () => {
    const items = random(400, 3);
    const index = new MatchIndex(OPTIONS, items);
    const hasGuarantor = (n: MatchItem) => index.guarantorFor(n) !== null;
    let pairs = 0;
    for (const a of items.slice(0, 80)) {
      for (const b of items) {
        const fits = factorsOf(a, b, OPTIONS, hasGuarantor);
        expect(pairScore(a, b, OPTIONS, hasGuarantor)).toBe(fits ? scoreOf(fits) : -1);
        if (fits) pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });
});
