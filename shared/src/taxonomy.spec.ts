import { QUANTITY_UNITS } from './domain';
import {
  CHAIN_EDGES,
  INDUSTRY_CHAINS,
  PRODUCT_CATEGORIES,
  SECTORS,
  categoryLabel,
  chainsOf,
  downstreamOf,
  findCategory,
  isValidCategory,
  upstreamOf,
} from './taxonomy';

describe('categories and sectors', () => {
  it('has 50–80 categories with unique snake_case codes', () => {
    expect(PRODUCT_CATEGORIES.length).toBeGreaterThanOrEqual(50);
    expect(PRODUCT_CATEGORIES.length).toBeLessThanOrEqual(80);
    const codes = PRODUCT_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('gives every category names, a known sector and a standard unit', () => {
    const sectors = new Set(SECTORS.map((s) => s.code));
    for (const c of PRODUCT_CATEGORIES) {
      expect(c.name).not.toBe('');
      expect(c.nameEn).not.toBe('');
      expect(sectors.has(c.sector)).toBe(true);
      expect(QUANTITY_UNITS as readonly string[]).toContain(c.defaultUnit);
    }
  });

  it('covers the sectors invited to the producer–distributor session, each with categories', () => {
    const names = SECTORS.map((s) => s.name);
    for (const name of ['新能源', '新材料', '盐湖化工', '有色金属', '钢铁', '煤及煤化工', '油气化工', '装备制造', '建筑材料', '轻工纺织', '生物医药']) {
      expect(names).toContain(name);
    }
    for (const s of SECTORS) expect(PRODUCT_CATEGORIES.some((c) => c.sector === s.code)).toBe(true);
  });

  it('has the named products of the province', () => {
    const expected: [string, string][] = [
      ['potash', 'salt_lake_chemicals'],
      ['lithium_carbonate', 'salt_lake_chemicals'],
      ['cement', 'building_materials'],
      ['rebar', 'building_materials'],
      ['tibetan_carpet', 'light_textiles'],
      ['tibetan_medicine', 'biomedicine'],
      ['yak_meat', 'agri_products'],
      ['highland_barley', 'agri_products'],
      ['polysilicon', 'new_materials'],
      ['pv_module', 'new_energy'],
    ];
    for (const [code, sector] of expected) expect(findCategory(code)?.sector).toBe(sector);
    expect(findCategory('cement')?.name).toBe('水泥');
    expect(findCategory('pv_module')?.defaultUnit).toBe('兆瓦');
  });

  it('validates category codes exactly', () => {
    expect(isValidCategory('steel')).toBe(true);
    expect(isValidCategory('Steel')).toBe(false);
    expect(isValidCategory('iron_steel')).toBe(false); // a sector, not a category
    expect(isValidCategory('')).toBe(false);
    expect(findCategory('unobtainium')).toBeUndefined();
  });

  it('labels categories by language and falls back to the code', () => {
    expect(categoryLabel('iron_ore_concentrate', 'zh-CN')).toBe('铁精粉');
    expect(categoryLabel('iron_ore_concentrate', 'en')).toBe('Iron ore concentrate');
    expect(categoryLabel('unobtainium', 'en')).toBe('unobtainium');
  });
});

describe('industry chains', () => {
  it('has the four chains named in the provincial plan', () => {
    const steps = (code: string) => INDUSTRY_CHAINS.find((c) => c.code === code)?.steps;
    expect(steps('iron_steel_construction')).toEqual([['iron_ore_concentrate'], ['steel'], ['construction']]);
    expect(steps('aluminium_rolling')).toEqual([['aluminium_ingot'], ['rolled_aluminium']]);
    expect(steps('silicon_pv')).toEqual([['silicon_carbide', 'monosilicon', 'polysilicon'], ['silicon_wafer'], ['pv_module'], ['pv_power']]);
    expect(steps('mining_rolling_equipment')).toEqual([['ferrous_mining', 'nonferrous_mining'], ['metal_rolling'], ['equipment']]);
  });

  it('has unique chain codes and only known categories in the steps', () => {
    const codes = INDUSTRY_CHAINS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const chain of INDUSTRY_CHAINS) {
      expect(chain.steps.length).toBeGreaterThanOrEqual(2);
      for (const step of chain.steps) {
        expect(step.length).toBeGreaterThan(0);
        for (const code of step) expect(isValidCategory(code)).toBe(true);
      }
    }
  });

  it('links consecutive steps of every chain', () => {
    const edges = new Set(CHAIN_EDGES.map(([u, d]) => `${u}>${d}`));
    for (const chain of INDUSTRY_CHAINS) {
      for (let i = 0; i + 1 < chain.steps.length; i++) {
        for (const up of chain.steps[i]) for (const down of chain.steps[i + 1]) expect(edges.has(`${up}>${down}`)).toBe(true);
      }
    }
  });

  it('has edges between known, distinct categories, without duplicates', () => {
    const keys = CHAIN_EDGES.map(([u, d]) => `${u}>${d}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [up, down] of CHAIN_EDGES) {
      expect(isValidCategory(up)).toBe(true);
      expect(isValidCategory(down)).toBe(true);
      expect(up).not.toBe(down);
    }
  });

  it('has no cycles', () => {
    // Kahn's algorithm: every node must be removable.
    const indegree = new Map<string, number>();
    for (const c of PRODUCT_CATEGORIES) indegree.set(c.code, 0);
    for (const [, down] of CHAIN_EDGES) indegree.set(down, (indegree.get(down) ?? 0) + 1);
    const queue = [...indegree].filter(([, n]) => n === 0).map(([code]) => code);
    let removed = 0;
    while (queue.length > 0) {
      const code = queue.shift() as string;
      removed += 1;
      for (const down of downstreamOf(code)) {
        const n = (indegree.get(down) ?? 0) - 1;
        indegree.set(down, n);
        if (n === 0) queue.push(down);
      }
    }
    expect(removed).toBe(PRODUCT_CATEGORIES.length);
  });

  it('answers one step up and down a chain', () => {
    expect(downstreamOf('iron_ore_concentrate')).toContain('steel');
    expect(downstreamOf('steel')).toContain('construction');
    expect(downstreamOf('steel')).not.toContain('iron_ore_concentrate');
    expect(upstreamOf('steel')).toEqual(expect.arrayContaining(['iron_ore_concentrate', 'coke', 'ferrosilicon']));
    expect(downstreamOf('aluminium_ingot')).toContain('rolled_aluminium');
    expect(upstreamOf('silicon_wafer').sort()).toEqual(['monosilicon', 'polysilicon', 'silicon_carbide']);
    expect(downstreamOf('pv_module')).toContain('pv_power');
    expect(downstreamOf('nonferrous_mining')).toEqual(['metal_rolling']);
    expect(upstreamOf('construction')).toEqual(expect.arrayContaining(['steel', 'cement', 'rebar']));
    expect(downstreamOf('potash')).toContain('compound_fertiliser');
    expect(downstreamOf('lithium_carbonate')).toContain('lithium_battery_materials');
    expect(downstreamOf('pv_power')).toEqual([]);
    expect(upstreamOf('iron_ore_concentrate')).toEqual([]);
    expect(downstreamOf('unobtainium')).toEqual([]);
  });

  it('lists the chains a category belongs to', () => {
    expect(
      chainsOf('steel')
        .map((c) => c.code)
        .sort(),
    ).toEqual(['coal_coke_steel', 'iron_steel_construction']);
    expect(chainsOf('polysilicon').map((c) => c.code)).toEqual(['silicon_pv']);
    expect(chainsOf('yak_meat')).toEqual([]);
  });
});
