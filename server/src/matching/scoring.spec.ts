import { bruteForceTop, MatchIndex } from './match-index';
import { factorsOf, ineligibilityOf, pairScore, reasonsOf, relationOf, scoreOf, type MatchItem } from './scoring';
import { distanceKm } from './geo';
import { credit, day, goods, guarantee, id, need, noGuarantor, OPTIONS } from '../testing/match-items';

const fit = (a: MatchItem, b: MatchItem, factor: string, guarantor = noGuarantor) => factorsOf(a, b, OPTIONS, guarantor)!.find((f) => f.factor === factor)!;

describe('who meets whom', () => {
  it('does not pair unrelated products, the same organisation, listings of other events, or two supplies of one product', () => {
    const supply = goods('supply');
    expect(factorsOf(supply, goods('demand', { category: 'wheat' }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('demand', {}, { organisationId: supply.organisationId }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('demand', {}, { eventId: 'other' }), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(supply, goods('supply'), OPTIONS, noGuarantor)).toBeNull();
    expect(factorsOf(goods('demand'), goods('demand'), OPTIONS, noGuarantor)).toBeNull();
    expect(relationOf(supply, goods('demand'))).toBe('direct');
    expect(relationOf(need(), credit())).toBe('direct');
  });

  it('names the chain relation (see chain-direction.spec.ts for every edge)', () => {
    const ore = goods('supply', { category: 'iron_ore_concentrate' });
    const mill = goods('supply', { category: 'steel' });
    expect(fit(ore, mill, 'product')).toMatchObject({
      fit: 0.5,
      zh: '潜在买方：以铁精粉为原料生产钢材',
      en: 'Prospective buyer: makes Steel products from Iron ore concentrate',
    });
    const chainDemand = goods('demand', { category: 'steel' }, { sessionKind: 'upstream_downstream' });
    expect(fit(chainDemand, ore, 'product').zh).toBe('产业链协作：铁精粉是钢材的上游原料');
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
  it('explains an eligible credit product: within the amount and term, industry and size served', () => {
    const fits = factorsOf(need({ amount: 50_000_000 }), credit({ targetIndustries: ['C31'] }), OPTIONS, noGuarantor)!;
    expect(fits.map((f) => [f.factor, f.fit])).toEqual([
      ['amount', 1],
      ['term', 1],
      ['industry', 1],
      ['size', 1],
      ['security', 1],
    ]);
    expect(fits[0].zh).toBe('融资 5000万元 在单笔 1000万元–10000万元 之内');
    expect(fits[2].zh).toBe('支持本企业所在行业（C31）');
    expect(scoreOf(fits)).toBe(100);
  });

  it('recommends a guarantor when the enterprise lacks the collateral the bank asks for', () => {
    const n = need({ collateral: '', guaranteeNeeded: true });
    const bank = credit({ guaranteeRequirement: 'collateral' });
    // Without a guarantor that fits, the bank cannot lend: not a recommendation.
    expect(factorsOf(n, bank, OPTIONS, noGuarantor)).toBeNull();
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
    // A guarantor too small for the amount does not fit, and the bank drops out.
    const small = new MatchIndex(OPTIONS, [n, bank, guarantee({ capacity: 10_000_000 })]);
    expect(small.guarantorFor(n)).toBeNull();
    expect(small.top(n, 10)).toEqual([]);
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
  // A random event: goods of related categories (chain steps, building materials, unrelated
  // farm produce) in every goods session kind, needs, credit products and guarantees.
  const CATEGORIES = ['iron_ore_concentrate', 'steel', 'construction', 'rebar', 'cement', 'ready_mix_concrete', 'aluminium_ingot', 'rolled_aluminium', 'wheat'];
  const random = (n: number, seed: number): MatchItem[] => {
    let x = seed;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const orgs = Array.from({ length: Math.ceil(n / 5) }, () => ({
      organisationId: id(),
      inProvince: rnd() < 0.6,
      orgIndustry: pick(['C31', 'C26', 'C32', 'A01']),
      orgSize: pick(['large', 'medium', 'small', 'micro'] as const),
      maker: rnd() < 0.8,
    }));
    return Array.from({ length: n }, () => {
      const org = pick(orgs);
      const kind = rnd();
      const goodsItem = { ...org, sessionKind: pick(['upstream_downstream', 'producer_distributor', 'building_materials'] as const) };
      const bankItem = { ...org, sessionKind: 'bank_enterprise' as const };
      if (kind < 0.35)
        return goods(
          'supply',
          {
            category: pick(CATEGORIES),
            quantity: Math.round(rnd() * 9000) + 100,
            region: pick(['630100', '632800', '620100', '440100']),
            priceMin: rnd() < 0.2 ? null : 3000 + Math.round(rnd() * 1000),
            priceMax: null,
          },
          goodsItem,
        );
      if (kind < 0.7)
        return goods(
          'demand',
          {
            category: pick(CATEGORIES),
            quantity: Math.round(rnd() * 9000) + 100,
            unit: rnd() < 0.1 ? '件' : '吨',
          },
          goodsItem,
        );
      if (kind < 0.85)
        return need(
          {
            amount: Math.round(rnd() * 2e8),
            collateral: pick(['', '设备', '无', '厂房抵押', 'none', '-']),
            guaranteeNeeded: rnd() < 0.4,
            termMonths: 6 + Math.round(rnd() * 80),
          },
          bankItem,
        );
      if (kind < 0.95)
        return credit(
          {
            amountMin: pick([1_000_000, 10_000_000, 50_000_000]),
            guaranteeRequirement: pick(['none', 'collateral', 'guarantee', 'collateral_or_guarantee'] as const),
            targetIndustries: pick([[], ['C31'], ['C'], ['C26', 'A01']]),
            targetSizes: pick([[], ['small', 'micro'], ['large', 'medium']] as const).slice(),
          },
          bankItem,
        );
      return guarantee(
        {
          capacity: Math.round(rnd() * 2e8),
          targetIndustries: pick([[], ['C31'], ['A01']]),
          targetSizes: pick([undefined, [], ['small', 'micro']] as const)?.slice(),
        },
        bankItem,
      );
    });
  };

  it('ranks exactly as scoring every listing does, after inserts, changes and removals', () => {
    const items = random(600, 7);
    const index = new MatchIndex(OPTIONS, items);
    const check = () => {
      const all = [...index.all()];
      for (const item of all)
        for (const k of [10, 3])
          expect(index.top(item, k).map((r) => [r.item.id, r.score])).toEqual(bruteForceTop(all, item, k, OPTIONS).map((r) => [r.item.id, r.score]));
    };
    check();
    for (const item of items.slice(0, 60)) index.remove(item.id);
    for (const item of random(80, 99)) index.upsert(item);
    const changed = items[100];
    index.upsert({ ...changed, inProvince: !changed.inProvince });
    check();
  });

  it('computes the fast score, the explained score and eligibility identically, for every relation', () => {
    const items = random(400, 3);
    const index = new MatchIndex(OPTIONS, items);
    const hasGuarantor = (n: MatchItem) => index.guarantorFor(n) !== null;
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const a of items.slice(0, 120)) {
      for (const b of items) {
        const fits = factorsOf(a, b, OPTIONS, hasGuarantor);
        expect(pairScore(a, b, OPTIONS, hasGuarantor)).toBe(fits ? scoreOf(fits) : -1);
        const relation = relationOf(a, b);
        const ineligible = ineligibilityOf(a, b, hasGuarantor);
        // Counterparts are eligible (scored) or ineligible with reasons; others are neither.
        expect(ineligible === null).toBe(relation === null);
        if (relation) expect(fits !== null).toBe(ineligible!.length === 0);
        if (relation) count(`${a.goods ? relation : 'financing'}:${fits ? 'eligible' : 'ineligible'}`);
      }
    }
    for (const key of ['direct', 'prospective_buyer', 'prospective_supplier', 'chain_cooperation'])
      expect(seen.get(`${key}:eligible`) ?? 0).toBeGreaterThan(20);
    expect(seen.get('financing:eligible') ?? 0).toBeGreaterThan(20);
    expect(seen.get('financing:ineligible') ?? 0).toBeGreaterThan(20);
  });
});
