import { QUANTITY_UNITS } from './domain';
import {
  CHAIN_EDGES,
  INDUSTRY_CHAINS,
  PRODUCT_CATEGORIES,
  SECTORS,
  categoryLabel,
  categoryWords,
  chainsOf,
  downstreamOf,
  findCategory,
  findCategoryByWord,
  isValidCategory,
  upstreamOf,
} from './taxonomy';

describe('categories and sectors', () => {
  // Enough for a Qinghai organiser's products, few enough to pick from a grouped list.
  it('has 50–130 categories with unique snake_case codes', () => {
    expect(PRODUCT_CATEGORIES.length).toBeGreaterThanOrEqual(50);
    expect(PRODUCT_CATEGORIES.length).toBeLessThanOrEqual(130);
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
    expect(chainsOf('yak_meat').map((c) => c.code)).toEqual(['livestock_products']);
    expect(chainsOf('refined_copper').map((c) => c.code)).toEqual(['copper']);
    expect(chainsOf('wolfberry')).toEqual([]);
  });
});

// Codes stored in listings before the Qinghai review (issue 14): none may disappear or move sector.
const CODES_BEFORE_REVIEW: Record<string, string[]> = {
  iron_steel: ['ferrous_mining', 'iron_ore_concentrate', 'ferrosilicon', 'steel', 'special_steel_bar', 'metal_rolling'],
  nonferrous_metals: [
    'nonferrous_mining',
    'copper_concentrate',
    'lead_zinc_concentrate',
    'alumina',
    'aluminium_ingot',
    'rolled_aluminium',
    'aluminium_profile',
    'magnesium_metal',
    'magnesium_alloy',
    'titanium_sponge',
  ],
  new_materials: ['silicon_carbide', 'polysilicon', 'monosilicon', 'silicon_wafer', 'copper_foil', 'aluminium_foil'],
  new_energy: ['pv_module', 'pv_power', 'lithium_battery_materials', 'lithium_battery'],
  salt_lake_chemicals: ['potash', 'compound_fertiliser', 'lithium_carbonate', 'soda_ash', 'sodium_chlorate', 'magnesium_chloride', 'boric_acid'],
  coal_chemicals: ['coking_coal', 'thermal_coal', 'coke', 'methanol'],
  oil_gas_chemicals: ['crude_oil', 'natural_gas', 'refined_oil', 'urea', 'pvc'],
  equipment_manufacturing: ['equipment', 'machine_tools', 'mining_machinery', 'agricultural_machinery', 'forgings', 'gearbox', 'special_vehicles'],
  building_materials: [
    'cement',
    'ready_mix_concrete',
    'rebar',
    'steel_structure',
    'aggregate',
    'wall_blocks',
    'flat_glass',
    'bipv',
    'timber',
    'plastic_pipe',
    'insulation',
  ],
  light_textiles: ['wool', 'cashmere', 'yak_wool', 'tibetan_carpet', 'ethnic_garments', 'handicrafts'],
  biomedicine: ['tibetan_medicine', 'cordyceps', 'medicinal_herbs', 'seabuckthorn'],
  agri_products: ['yak_meat', 'tibetan_sheep_meat', 'highland_barley', 'qingke_liquor', 'rapeseed_oil', 'wolfberry', 'dairy'],
  construction_services: ['construction'],
};

describe('the Qinghai review of the taxonomy', () => {
  it('keeps every code listings may already store, in its sector', () => {
    for (const [sector, codes] of Object.entries(CODES_BEFORE_REVIEW))
      for (const code of codes) expect({ code, sector: findCategory(code)?.sector }).toEqual({ code, sector });
  });

  it('has the seeds’ non-ferrous, salt-lake, building-material and agricultural products', () => {
    const expected: [string, string, string][] = [
      ['refined_copper', 'nonferrous_metals', '电解铜（阴极铜）'],
      ['blister_copper', 'nonferrous_metals', '粗铜'],
      ['zinc_ingot', 'nonferrous_metals', '锌锭（电解锌）'],
      ['lead_ingot', 'nonferrous_metals', '铅锭（电解铅）'],
      ['aluminium_alloy', 'nonferrous_metals', '铝合金锭（含再生铝）'],
      ['titanium_alloy', 'nonferrous_metals', '钛锭及钛合金材'],
      ['industrial_silicon', 'new_materials', '工业硅（金属硅）'],
      ['lithium_hydroxide', 'salt_lake_chemicals', '氢氧化锂'],
      ['potassium_sulphate', 'salt_lake_chemicals', '硫酸钾'],
      ['magnesium_oxide', 'salt_lake_chemicals', '氧化镁（镁砂）'],
      ['raw_salt', 'salt_lake_chemicals', '原盐（工业盐）'],
      ['clinker', 'building_materials', '水泥熟料'],
      ['precast_concrete', 'building_materials', '混凝土预制构件'],
      ['doors_windows', 'building_materials', '建筑门窗'],
      ['wool_yarn', 'light_textiles', '毛条及毛纱'],
      ['knitwear', 'light_textiles', '绒毛针织品'],
      ['livestock', 'agri_products', '活畜（牦牛、藏羊）'],
      ['raw_milk', 'agri_products', '生鲜乳'],
      ['rapeseed', 'agri_products', '油菜籽'],
      ['barley_food', 'agri_products', '青稞食品'],
    ];
    for (const [code, sector, name] of expected) expect(findCategory(code)).toMatchObject({ sector, name });
    expect(findCategory('livestock')?.defaultUnit).toBe('头');
  });

  it('finds a category by what an organiser types: a name, part of a name, an alias or the code', () => {
    const code = (word: string) => findCategoryByWord(word)?.code;
    expect(code('电解铜')).toBe('refined_copper');
    expect(code('阴极铜')).toBe('refined_copper');
    expect(code('电解铜（阴极铜）')).toBe('refined_copper');
    expect(code('Copper Cathode')).toBe('refined_copper');
    expect(code('钾肥')).toBe('potash');
    expect(code('氯化钾')).toBe('potash');
    expect(code('电解铝')).toBe('aluminium_ingot');
    expect(code('铝锭')).toBe('aluminium_ingot');
    expect(code('再生铝')).toBe('aluminium_alloy');
    expect(code('钢筋')).toBe('rebar');
    expect(code('商混')).toBe('ready_mix_concrete');
    expect(code('砂石')).toBe('aggregate');
    expect(code('牦牛')).toBe('livestock');
    expect(code('羊绒')).toBe('cashmere');
    expect(code(' 青 稞 ')).toBe('highland_barley');
    expect(code('ＰＶＣ')).toBe('pvc');
    expect(code('steel')).toBe('steel');
    expect(code('钢铁')).toBeUndefined(); // a sector, not a product
    expect(code('')).toBeUndefined();
  });

  it('gives no word to two categories', () => {
    const owner = new Map<string, string>();
    for (const c of PRODUCT_CATEGORIES) {
      for (const word of categoryWords(c)) {
        expect({ word, owner: owner.get(word) ?? c.code }).toEqual({ word, owner: c.code });
        owner.set(word, c.code);
      }
    }
  });

  // Each edge is [input, output]: the output's makers consume the input. Both directions are asked.
  it.each([
    ['copper_concentrate', 'blister_copper'],
    ['copper_concentrate', 'refined_copper'],
    ['blister_copper', 'refined_copper'],
    ['refined_copper', 'copper_rod'],
    ['refined_copper', 'copper_foil'],
    ['copper_rod', 'wire_cable'],
    ['lead_zinc_concentrate', 'zinc_ingot'],
    ['lead_zinc_concentrate', 'lead_ingot'],
    ['caustic_soda', 'alumina'],
    ['prebaked_anode', 'aluminium_ingot'],
    ['aluminium_ingot', 'aluminium_alloy'],
    ['aluminium_scrap', 'aluminium_alloy'],
    ['industrial_silicon', 'aluminium_alloy'],
    ['aluminium_alloy', 'aluminium_profile'],
    ['aluminium_ingot', 'aluminium_rod'],
    ['aluminium_rod', 'wire_cable'],
    ['aluminium_profile', 'doors_windows'],
    ['old_brine', 'lithium_carbonate'],
    ['old_brine', 'magnesium_chloride'],
    ['lithium_carbonate', 'lithium_hydroxide'],
    ['lithium_hydroxide', 'lithium_battery_materials'],
    ['magnesium_chloride', 'magnesium_hydroxide'],
    ['magnesium_hydroxide', 'magnesium_oxide'],
    ['magnesium_metal', 'titanium_sponge'],
    ['titanium_sponge', 'titanium_alloy'],
    ['potash', 'potassium_sulphate'],
    ['potassium_sulphate', 'compound_fertiliser'],
    ['raw_salt', 'soda_ash'],
    ['raw_salt', 'caustic_soda'],
    ['raw_salt', 'sodium_chlorate'],
    ['limestone', 'soda_ash'],
    ['soda_ash', 'flat_glass'],
    ['silica', 'industrial_silicon'],
    ['silica', 'ferrosilicon'],
    ['silica', 'silicon_carbide'],
    ['silica', 'flat_glass'],
    ['coke', 'ferrosilicon'],
    ['industrial_silicon', 'polysilicon'],
    ['silicomanganese', 'steel'],
    ['silicomanganese', 'rebar'],
    ['limestone', 'calcium_carbide'],
    ['coke', 'calcium_carbide'],
    ['calcium_carbide', 'pvc'],
    ['limestone', 'clinker'],
    ['clinker', 'cement'],
    ['cement', 'precast_concrete'],
    ['aggregate', 'precast_concrete'],
    ['rebar', 'precast_concrete'],
    ['precast_concrete', 'construction'],
    ['flat_glass', 'architectural_glass'],
    ['architectural_glass', 'doors_windows'],
    ['architectural_glass', 'construction'],
    ['doors_windows', 'construction'],
    ['crude_oil', 'asphalt'],
    ['asphalt', 'construction'],
    ['wire_cable', 'construction'],
    ['wool', 'wool_yarn'],
    ['yak_wool', 'wool_yarn'],
    ['cashmere', 'wool_yarn'],
    ['wool_yarn', 'tibetan_carpet'],
    ['wool_yarn', 'knitwear'],
    ['fodder', 'livestock'],
    ['livestock', 'yak_meat'],
    ['livestock', 'tibetan_sheep_meat'],
    ['livestock', 'wool'],
    ['livestock', 'yak_wool'],
    ['livestock', 'raw_milk'],
    ['raw_milk', 'dairy'],
    ['highland_barley', 'barley_food'],
    ['rapeseed', 'rapeseed_oil'],
  ])('runs %s → %s, input to output, and not back', (input, output) => {
    expect(downstreamOf(input)).toContain(output);
    expect(upstreamOf(output)).toContain(input);
    expect(downstreamOf(output)).not.toContain(input);
    expect(upstreamOf(input)).not.toContain(output);
  });

  it('does not link products that are not input and output of each other', () => {
    expect(downstreamOf('iron_ore_concentrate')).not.toContain('machine_tools');
    expect(upstreamOf('rebar')).not.toContain('wire_cable');
    expect(downstreamOf('refined_copper')).not.toContain('aluminium_alloy');
    expect(downstreamOf('yak_meat')).toEqual([]);
    expect(downstreamOf('construction')).toEqual([]);
  });
});
