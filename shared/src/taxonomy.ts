// Product taxonomy for goods listings (supply and demand), and the industry chains
// (产业链) along which the matching engine looks one step upstream or downstream.
//
// Category codes are stable lower-case snake_case identifiers stored in listings; never rename
// one. Sectors follow the list of industries invited to the producer–distributor session, plus
// agricultural and livestock products and construction (the end of several chains).

export type Sector = { code: string; name: string; nameEn: string };

export const SECTORS: readonly Sector[] = Object.freeze(
  (
    [
      ['new_energy', '新能源', 'New energy'],
      ['new_materials', '新材料', 'New materials'],
      ['salt_lake_chemicals', '盐湖化工', 'Salt-lake chemicals'],
      ['nonferrous_metals', '有色金属', 'Non-ferrous metals'],
      ['iron_steel', '钢铁', 'Iron and steel'],
      ['coal_chemicals', '煤及煤化工', 'Coal and coal chemicals'],
      ['oil_gas_chemicals', '油气化工', 'Oil and gas chemicals'],
      ['equipment_manufacturing', '装备制造', 'Equipment manufacturing'],
      ['building_materials', '建筑材料', 'Building materials'],
      ['light_textiles', '轻工纺织', 'Light industry and textiles'],
      ['biomedicine', '生物医药', 'Biomedicine'],
      ['agri_products', '农畜产品', 'Agricultural and livestock products'],
      ['construction_services', '建筑工程', 'Construction'],
    ] as const
  ).map(([code, name, nameEn]) => Object.freeze({ code, name, nameEn })),
);

export type ProductCategory = {
  code: string;
  name: string;
  nameEn: string;
  /** A code from SECTORS. */
  sector: string;
  /** The unit quantities are usually quoted in; one of QUANTITY_UNITS. */
  defaultUnit: string;
};

type CategoryRow = [code: string, name: string, nameEn: string, defaultUnit: string];

const CATEGORY_ROWS: Record<string, CategoryRow[]> = {
  iron_steel: [
    ['ferrous_mining', '黑色金属矿采选产品', 'Ferrous metal ores', '吨'],
    ['iron_ore_concentrate', '铁精粉', 'Iron ore concentrate', '吨'],
    ['ferrosilicon', '硅铁', 'Ferrosilicon', '吨'],
    ['steel', '钢材', 'Steel products', '吨'],
    ['special_steel_bar', '特殊钢棒材', 'Special steel bars', '吨'],
    ['metal_rolling', '金属压延加工材', 'Rolled and drawn metal products', '吨'],
  ],
  nonferrous_metals: [
    ['nonferrous_mining', '有色金属矿采选产品', 'Non-ferrous metal ores', '吨'],
    ['copper_concentrate', '铜精矿', 'Copper concentrate', '吨'],
    ['lead_zinc_concentrate', '铅锌精矿', 'Lead-zinc concentrate', '吨'],
    ['alumina', '氧化铝', 'Alumina', '吨'],
    ['aluminium_ingot', '铝锭（电解铝）', 'Aluminium ingot (primary aluminium)', '吨'],
    ['rolled_aluminium', '铝板带箔（压延铝材）', 'Rolled aluminium (plate, strip, foil)', '吨'],
    ['aluminium_profile', '铝型材', 'Aluminium extrusions', '吨'],
    ['magnesium_metal', '金属镁', 'Magnesium metal', '吨'],
    ['magnesium_alloy', '镁合金', 'Magnesium alloys', '吨'],
    ['titanium_sponge', '海绵钛', 'Titanium sponge', '吨'],
  ],
  new_materials: [
    ['silicon_carbide', '碳化硅', 'Silicon carbide', '吨'],
    ['polysilicon', '多晶硅', 'Polysilicon', '吨'],
    ['monosilicon', '单晶硅（硅棒）', 'Monocrystalline silicon ingots', '吨'],
    ['silicon_wafer', '硅片（切片）', 'Silicon wafers', '件'],
    ['copper_foil', '电解铜箔', 'Electrolytic copper foil', '吨'],
    ['aluminium_foil', '电子铝箔', 'Electronic aluminium foil', '吨'],
  ],
  new_energy: [
    ['pv_module', '光伏组件', 'PV modules', '兆瓦'],
    ['pv_power', '光伏发电（电量）', 'PV electricity', '千瓦时'],
    ['lithium_battery_materials', '锂电正极材料', 'Lithium battery cathode materials', '吨'],
    ['lithium_battery', '锂离子动力及储能电池', 'Lithium-ion traction and storage batteries', '千瓦时'],
  ],
  salt_lake_chemicals: [
    ['potash', '氯化钾（钾肥）', 'Potassium chloride (potash)', '吨'],
    ['compound_fertiliser', '复合肥', 'Compound fertiliser', '吨'],
    ['lithium_carbonate', '碳酸锂', 'Lithium carbonate', '吨'],
    ['soda_ash', '纯碱', 'Soda ash', '吨'],
    ['sodium_chlorate', '氯酸钠', 'Sodium chlorate', '吨'],
    ['magnesium_chloride', '氯化镁', 'Magnesium chloride', '吨'],
    ['boric_acid', '硼酸', 'Boric acid', '吨'],
  ],
  coal_chemicals: [
    ['coking_coal', '炼焦煤', 'Coking coal', '吨'],
    ['thermal_coal', '动力煤', 'Thermal coal', '吨'],
    ['coke', '焦炭', 'Coke', '吨'],
    ['methanol', '甲醇', 'Methanol', '吨'],
  ],
  oil_gas_chemicals: [
    ['crude_oil', '原油', 'Crude oil', '吨'],
    ['natural_gas', '天然气', 'Natural gas', '立方米'],
    ['refined_oil', '成品油', 'Refined oil products', '吨'],
    ['urea', '尿素', 'Urea', '吨'],
    ['pvc', '聚氯乙烯（PVC）', 'Polyvinyl chloride (PVC)', '吨'],
  ],
  equipment_manufacturing: [
    ['equipment', '装备制造产品', 'Manufactured equipment', '台'],
    ['machine_tools', '数控机床', 'CNC machine tools', '台'],
    ['mining_machinery', '矿山机械', 'Mining machinery', '台'],
    ['agricultural_machinery', '农牧业机械', 'Agricultural and livestock machinery', '台'],
    ['forgings', '锻件', 'Forgings', '吨'],
    ['gearbox', '齿轮箱', 'Gearboxes', '台'],
    ['special_vehicles', '环卫及专用车辆', 'Sanitation and special-purpose vehicles', '台'],
  ],
  building_materials: [
    ['cement', '水泥', 'Cement', '吨'],
    ['ready_mix_concrete', '商品混凝土', 'Ready-mix concrete', '立方米'],
    ['rebar', '螺纹钢', 'Rebar', '吨'],
    ['steel_structure', '钢结构构件', 'Structural steelwork', '吨'],
    ['aggregate', '砂石骨料', 'Sand and gravel aggregate', '吨'],
    ['wall_blocks', '新型墙体材料（砌块、砖）', 'Wall materials (blocks and bricks)', '立方米'],
    ['flat_glass', '平板玻璃', 'Flat glass', '平方米'],
    ['bipv', '光伏建筑一体化构件', 'Building-integrated PV components', '平方米'],
    ['timber', '木材', 'Timber', '立方米'],
    ['plastic_pipe', '塑料管材', 'Plastic pipes', '米'],
    ['insulation', '保温材料', 'Thermal insulation', '立方米'],
  ],
  light_textiles: [
    ['wool', '羊毛', 'Wool', '吨'],
    ['cashmere', '山羊绒', 'Cashmere', '吨'],
    ['yak_wool', '牦牛绒', 'Yak down', '吨'],
    ['tibetan_carpet', '藏毯', 'Tibetan carpets', '平方米'],
    ['ethnic_garments', '民族服饰', 'Ethnic garments', '件'],
    ['handicrafts', '民族工艺品', 'Ethnic handicrafts', '件'],
  ],
  biomedicine: [
    ['tibetan_medicine', '藏药', 'Tibetan medicines', '件'],
    ['cordyceps', '冬虫夏草', 'Cordyceps', '千克'],
    ['medicinal_herbs', '中藏药材', 'Chinese and Tibetan medicinal herbs', '吨'],
    ['seabuckthorn', '沙棘制品', 'Sea-buckthorn products', '吨'],
  ],
  agri_products: [
    ['yak_meat', '牦牛肉', 'Yak meat', '吨'],
    ['tibetan_sheep_meat', '藏羊肉', 'Tibetan sheep meat', '吨'],
    ['highland_barley', '青稞', 'Highland barley', '吨'],
    ['qingke_liquor', '青稞酒', 'Highland barley liquor', '件'],
    ['rapeseed_oil', '菜籽油', 'Rapeseed oil', '吨'],
    ['wolfberry', '枸杞', 'Wolfberry (goji)', '吨'],
    ['dairy', '乳制品', 'Dairy products', '吨'],
  ],
  construction_services: [['construction', '建筑工程（建筑业）', 'Construction works', '平方米']],
};

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = Object.freeze(
  Object.entries(CATEGORY_ROWS).flatMap(([sector, rows]) =>
    rows.map(([code, name, nameEn, defaultUnit]) => Object.freeze({ code, name, nameEn, sector, defaultUnit })),
  ),
);

const CATEGORY_BY_CODE: ReadonlyMap<string, ProductCategory> = new Map(PRODUCT_CATEGORIES.map((c) => [c.code, c]));

export type IndustryChain = {
  code: string;
  name: string;
  nameEn: string;
  /** Steps from upstream to downstream; every category of a step feeds every category of the next. */
  steps: readonly string[][];
};

export const INDUSTRY_CHAINS: readonly IndustryChain[] = Object.freeze(
  [
    // The four chains named in the provincial plan (铁精粉—钢材—建筑业 etc.).
    {
      code: 'iron_steel_construction',
      name: '铁精粉—钢材—建筑业产业链',
      nameEn: 'Iron ore concentrate – steel – construction',
      steps: [['iron_ore_concentrate'], ['steel'], ['construction']],
    },
    {
      code: 'aluminium_rolling',
      name: '铝锭—铝材压延加工产业链',
      nameEn: 'Aluminium ingot – aluminium rolling',
      steps: [['aluminium_ingot'], ['rolled_aluminium']],
    },
    {
      code: 'silicon_pv',
      name: '碳化硅、单晶硅、多晶硅、切片—组件生产—光伏发电产业链',
      nameEn: 'Silicon materials and wafers – PV modules – PV power',
      steps: [['silicon_carbide', 'monosilicon', 'polysilicon'], ['silicon_wafer'], ['pv_module'], ['pv_power']],
    },
    {
      code: 'mining_rolling_equipment',
      name: '黑色、有色金属采选业—金属压延业—装备制造产业链',
      nameEn: 'Ferrous and non-ferrous mining – metal rolling – equipment manufacturing',
      steps: [['ferrous_mining', 'nonferrous_mining'], ['metal_rolling'], ['equipment']],
    },
    // Further chains of the province's salt-lake, coal and building-material industries.
    {
      code: 'potash_fertiliser',
      name: '盐湖钾肥—复合肥产业链',
      nameEn: 'Salt-lake potash – compound fertiliser',
      steps: [['potash'], ['compound_fertiliser']],
    },
    {
      code: 'lithium_battery',
      name: '盐湖提锂—锂电材料—锂电池产业链',
      nameEn: 'Salt-lake lithium – battery materials – lithium batteries',
      steps: [['lithium_carbonate'], ['lithium_battery_materials'], ['lithium_battery']],
    },
    {
      code: 'coal_coke_steel',
      name: '炼焦煤—焦炭—钢铁产业链',
      nameEn: 'Coking coal – coke – steel',
      steps: [['coking_coal'], ['coke'], ['steel']],
    },
    {
      code: 'building_materials_construction',
      name: '建材—建筑业产业链',
      nameEn: 'Building materials – construction',
      steps: [['cement', 'rebar', 'wall_blocks', 'flat_glass', 'steel_structure', 'timber', 'insulation'], ['construction']],
    },
    {
      code: 'magnesium',
      name: '盐湖镁资源—金属镁—镁合金产业链',
      nameEn: 'Salt-lake magnesium – magnesium metal – magnesium alloys',
      steps: [['magnesium_chloride'], ['magnesium_metal'], ['magnesium_alloy']],
    },
  ].map((chain) => Object.freeze({ ...chain, steps: Object.freeze(chain.steps.map((s) => Object.freeze([...s]))) as string[][] })),
);

/** Edges that belong to no single chain above but are natural supply relations. */
const EXTRA_EDGES: [string, string][] = [
  ['polysilicon', 'monosilicon'],
  ['iron_ore_concentrate', 'rebar'],
  ['iron_ore_concentrate', 'special_steel_bar'],
  ['ferrosilicon', 'steel'],
  ['ferrosilicon', 'special_steel_bar'],
  ['coke', 'rebar'],
  ['special_steel_bar', 'forgings'],
  ['forgings', 'equipment'],
  ['metal_rolling', 'machine_tools'],
  ['metal_rolling', 'mining_machinery'],
  ['metal_rolling', 'agricultural_machinery'],
  ['gearbox', 'equipment'],
  ['alumina', 'aluminium_ingot'],
  ['aluminium_ingot', 'aluminium_profile'],
  ['rolled_aluminium', 'aluminium_foil'],
  ['aluminium_profile', 'construction'],
  ['copper_foil', 'lithium_battery'],
  ['aluminium_foil', 'lithium_battery'],
  ['lithium_battery', 'pv_power'],
  ['pv_module', 'bipv'],
  ['bipv', 'construction'],
  ['cement', 'ready_mix_concrete'],
  ['aggregate', 'ready_mix_concrete'],
  ['ready_mix_concrete', 'construction'],
  ['plastic_pipe', 'construction'],
  ['pvc', 'plastic_pipe'],
  ['natural_gas', 'urea'],
  ['natural_gas', 'methanol'],
  ['thermal_coal', 'methanol'],
  ['crude_oil', 'refined_oil'],
  ['urea', 'compound_fertiliser'],
  ['wool', 'tibetan_carpet'],
  ['yak_wool', 'tibetan_carpet'],
  ['cashmere', 'ethnic_garments'],
  ['cordyceps', 'tibetan_medicine'],
  ['medicinal_herbs', 'tibetan_medicine'],
  ['highland_barley', 'qingke_liquor'],
];

function chainEdges(chain: IndustryChain): [string, string][] {
  const edges: [string, string][] = [];
  for (let i = 0; i + 1 < chain.steps.length; i++) {
    for (const up of chain.steps[i]) for (const down of chain.steps[i + 1]) edges.push([up, down]);
  }
  return edges;
}

/** Every (upstream, downstream) pair, without duplicates, chains first. */
export const CHAIN_EDGES: readonly (readonly [string, string])[] = Object.freeze(
  (() => {
    const seen = new Set<string>();
    const out: (readonly [string, string])[] = [];
    for (const [up, down] of [...INDUSTRY_CHAINS.flatMap(chainEdges), ...EXTRA_EDGES]) {
      const key = `${up}>${down}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(Object.freeze([up, down] as const));
    }
    return out;
  })(),
);

export function findCategory(code: string): ProductCategory | undefined {
  return CATEGORY_BY_CODE.get(code);
}

export function isValidCategory(code: string): boolean {
  return typeof code === 'string' && CATEGORY_BY_CODE.has(code);
}

/** Categories one step downstream (the category's buyers along a chain). */
export function downstreamOf(code: string): string[] {
  return CHAIN_EDGES.filter(([up]) => up === code).map(([, down]) => down);
}

/** Categories one step upstream (the category's suppliers along a chain). */
export function upstreamOf(code: string): string[] {
  return CHAIN_EDGES.filter(([, down]) => down === code).map(([up]) => up);
}

/** The category's name in the language; unknown codes are returned as they are. */
export function categoryLabel(code: string, lang: 'zh-CN' | 'en'): string {
  const category = findCategory(code);
  if (!category) return code;
  return lang === 'en' ? category.nameEn : category.name;
}

/** The chains in which the category appears at some step. */
export function chainsOf(code: string): IndustryChain[] {
  return INDUSTRY_CHAINS.filter((chain) => chain.steps.some((step) => step.includes(code)));
}

/** The chain an agreement's product is counted under at the ceremony ('other' when none). */
export function chainOfProduct(product: string | null | undefined): string {
  return (product && chainsOf(product)[0]?.code) || 'other';
}
