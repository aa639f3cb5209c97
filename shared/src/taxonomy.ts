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
  /** Other words people type for it (trade names, short forms), besides its names. */
  aliases: readonly string[];
};

type CategoryRow = [code: string, name: string, nameEn: string, defaultUnit: string, aliases?: string[]];

// Rows are appended within a sector; codes already stored in listings stay as they are.
const CATEGORY_ROWS: Record<string, CategoryRow[]> = {
  iron_steel: [
    ['ferrous_mining', '黑色金属矿采选产品', 'Ferrous metal ores', '吨', ['铁矿石', '铁矿']],
    ['iron_ore_concentrate', '铁精粉', 'Iron ore concentrate', '吨', ['铁精矿']],
    ['ferrosilicon', '硅铁', 'Ferrosilicon', '吨'],
    ['steel', '钢材', 'Steel products', '吨', ['钢板', '中厚板', '型钢', '钢管', '线材']],
    ['special_steel_bar', '特殊钢棒材', 'Special steel bars', '吨', ['特钢', '合金钢棒材']],
    ['metal_rolling', '金属压延加工材', 'Rolled and drawn metal products', '吨', ['压延材']],
    ['silicomanganese', '硅锰合金', 'Silicomanganese', '吨', ['硅锰']],
  ],
  nonferrous_metals: [
    ['nonferrous_mining', '有色金属矿采选产品', 'Non-ferrous metal ores', '吨', ['有色金属矿']],
    ['copper_concentrate', '铜精矿', 'Copper concentrate', '吨', ['铜精粉']],
    ['lead_zinc_concentrate', '铅锌精矿', 'Lead-zinc concentrate', '吨', ['锌精矿', '铅精矿']],
    ['alumina', '氧化铝', 'Alumina', '吨'],
    ['aluminium_ingot', '铝锭（电解铝）', 'Aluminium ingot (primary aluminium)', '吨', ['原铝']],
    ['rolled_aluminium', '铝板带箔（压延铝材）', 'Rolled aluminium (plate, strip, foil)', '吨', ['铝板', '铝带', '铝箔', '铝板带']],
    ['aluminium_profile', '铝型材', 'Aluminium extrusions', '吨', ['铝合金型材']],
    ['magnesium_metal', '金属镁', 'Magnesium metal', '吨', ['镁锭', '原镁']],
    ['magnesium_alloy', '镁合金', 'Magnesium alloys', '吨'],
    ['titanium_sponge', '海绵钛', 'Titanium sponge', '吨'],
    ['blister_copper', '粗铜', 'Blister copper', '吨', ['阳极铜']],
    ['refined_copper', '电解铜（阴极铜）', 'Refined copper (copper cathode)', '吨', ['精炼铜', '铜锭', 'copper cathode', 'cathode copper']],
    ['copper_rod', '铜杆（铜线坯）', 'Copper wire rod', '吨', ['铜线杆', '低氧铜杆']],
    ['zinc_ingot', '锌锭（电解锌）', 'Zinc ingot', '吨', ['锌']],
    ['lead_ingot', '铅锭（电解铅）', 'Lead ingot', '吨', ['铅']],
    ['prebaked_anode', '预焙阳极（炭素）', 'Prebaked carbon anodes', '吨', ['阳极炭块', '炭素制品']],
    ['aluminium_scrap', '废铝', 'Aluminium scrap', '吨', ['废铝料', '再生铝原料']],
    ['aluminium_alloy', '铝合金锭（含再生铝）', 'Aluminium alloy ingot (incl. recycled)', '吨', ['铝合金', '再生铝', '铝棒', '铝合金棒']],
    ['aluminium_rod', '电工圆铝杆', 'Aluminium wire rod', '吨', ['铝杆', '铝线杆']],
    ['titanium_alloy', '钛锭及钛合金材', 'Titanium ingots and alloy products', '吨', ['钛锭', '钛合金', '钛材']],
  ],
  new_materials: [
    ['silicon_carbide', '碳化硅', 'Silicon carbide', '吨'],
    ['polysilicon', '多晶硅', 'Polysilicon', '吨'],
    ['monosilicon', '单晶硅（硅棒）', 'Monocrystalline silicon ingots', '吨'],
    ['silicon_wafer', '硅片（切片）', 'Silicon wafers', '件'],
    ['copper_foil', '电解铜箔', 'Electrolytic copper foil', '吨', ['铜箔']],
    ['aluminium_foil', '电子铝箔', 'Electronic aluminium foil', '吨', ['电极箔']],
    ['silica', '硅石（石英）', 'Silica (quartz)', '吨', ['石英砂', '石英石']],
    ['industrial_silicon', '工业硅（金属硅）', 'Metallurgical-grade silicon', '吨', ['硅金属']],
  ],
  new_energy: [
    ['pv_module', '光伏组件', 'PV modules', '兆瓦', ['光伏板', '太阳能电池板', '太阳能组件']],
    ['pv_power', '光伏发电（电量）', 'PV electricity', '千瓦时'],
    ['lithium_battery_materials', '锂电正极材料', 'Lithium battery cathode materials', '吨', ['正极材料', '磷酸铁锂', '锰酸锂']],
    ['lithium_battery', '锂离子动力及储能电池', 'Lithium-ion traction and storage batteries', '千瓦时', ['锂电池', '储能电池', '动力电池']],
  ],
  salt_lake_chemicals: [
    ['potash', '氯化钾（钾肥）', 'Potassium chloride (potash)', '吨'],
    ['compound_fertiliser', '复合肥', 'Compound fertiliser', '吨', ['复混肥']],
    ['lithium_carbonate', '碳酸锂', 'Lithium carbonate', '吨', ['电池级碳酸锂', '工业级碳酸锂']],
    ['soda_ash', '纯碱', 'Soda ash', '吨', ['碳酸钠']],
    ['sodium_chlorate', '氯酸钠', 'Sodium chlorate', '吨'],
    ['magnesium_chloride', '氯化镁', 'Magnesium chloride', '吨', ['水氯镁石']],
    ['boric_acid', '硼酸', 'Boric acid', '吨'],
    ['old_brine', '盐湖卤水（老卤）', 'Salt-lake brine (after potash extraction)', '立方米', ['卤水']],
    ['lithium_hydroxide', '氢氧化锂', 'Lithium hydroxide', '吨'],
    ['potassium_sulphate', '硫酸钾', 'Potassium sulphate', '吨', ['硫酸钾肥']],
    ['magnesium_hydroxide', '氢氧化镁', 'Magnesium hydroxide', '吨'],
    ['magnesium_oxide', '氧化镁（镁砂）', 'Magnesium oxide (magnesia)', '吨', ['高纯镁砂']],
    ['raw_salt', '原盐（工业盐）', 'Raw salt (industrial salt)', '吨', ['湖盐']],
    ['caustic_soda', '烧碱（氢氧化钠）', 'Caustic soda', '吨', ['片碱']],
  ],
  coal_chemicals: [
    ['coking_coal', '炼焦煤', 'Coking coal', '吨', ['焦煤']],
    ['thermal_coal', '动力煤', 'Thermal coal', '吨', ['电煤']],
    ['coke', '焦炭', 'Coke', '吨'],
    ['methanol', '甲醇', 'Methanol', '吨'],
    ['calcium_carbide', '电石（碳化钙）', 'Calcium carbide', '吨'],
  ],
  oil_gas_chemicals: [
    ['crude_oil', '原油', 'Crude oil', '吨'],
    ['natural_gas', '天然气', 'Natural gas', '立方米'],
    ['refined_oil', '成品油', 'Refined oil products', '吨', ['汽油', '柴油']],
    ['urea', '尿素', 'Urea', '吨'],
    ['pvc', '聚氯乙烯（PVC）', 'Polyvinyl chloride (PVC)', '吨'],
    ['asphalt', '沥青', 'Bitumen (asphalt)', '吨', ['道路沥青']],
  ],
  equipment_manufacturing: [
    ['equipment', '装备制造产品', 'Manufactured equipment', '台'],
    ['machine_tools', '数控机床', 'CNC machine tools', '台', ['机床']],
    ['mining_machinery', '矿山机械', 'Mining machinery', '台'],
    ['agricultural_machinery', '农牧业机械', 'Agricultural and livestock machinery', '台', ['农机']],
    ['forgings', '锻件', 'Forgings', '吨'],
    ['gearbox', '齿轮箱', 'Gearboxes', '台'],
    ['special_vehicles', '环卫及专用车辆', 'Sanitation and special-purpose vehicles', '台', ['专用车']],
    ['wire_cable', '电线电缆', 'Wires and cables', '米', ['电缆', '电线']],
  ],
  building_materials: [
    ['cement', '水泥', 'Cement', '吨'],
    ['ready_mix_concrete', '商品混凝土', 'Ready-mix concrete', '立方米', ['商混', '混凝土', '预拌混凝土']],
    ['rebar', '螺纹钢', 'Rebar', '吨', ['钢筋', '螺纹钢筋']],
    ['steel_structure', '钢结构构件', 'Structural steelwork', '吨', ['钢结构']],
    ['aggregate', '砂石骨料', 'Sand and gravel aggregate', '吨', ['砂石', '骨料', '机制砂']],
    ['wall_blocks', '新型墙体材料（砌块、砖）', 'Wall materials (blocks and bricks)', '立方米', ['墙体材料', '加气混凝土砌块']],
    ['flat_glass', '平板玻璃', 'Flat glass', '平方米', ['浮法玻璃', '玻璃']],
    ['bipv', '光伏建筑一体化构件', 'Building-integrated PV components', '平方米', ['BIPV']],
    ['timber', '木材', 'Timber', '立方米'],
    ['plastic_pipe', '塑料管材', 'Plastic pipes', '米', ['PE管', 'PVC管']],
    ['insulation', '保温材料', 'Thermal insulation', '立方米', ['保温板']],
    ['limestone', '石灰石', 'Limestone', '吨'],
    ['clinker', '水泥熟料', 'Cement clinker', '吨', ['熟料']],
    ['precast_concrete', '混凝土预制构件', 'Precast concrete components', '立方米', ['预制构件', 'PC构件']],
    ['architectural_glass', '钢化及中空玻璃', 'Tempered and insulating glass', '平方米', ['钢化玻璃', '中空玻璃', '建筑玻璃']],
    ['doors_windows', '建筑门窗', 'Doors and windows', '平方米', ['门窗', '铝合金门窗', '塑钢门窗']],
  ],
  light_textiles: [
    ['wool', '羊毛', 'Wool', '吨', ['原毛', '洗净毛']],
    ['cashmere', '山羊绒', 'Cashmere', '吨', ['羊绒']],
    ['yak_wool', '牦牛绒', 'Yak down', '吨'],
    ['tibetan_carpet', '藏毯', 'Tibetan carpets', '平方米', ['地毯', '藏式地毯']],
    ['ethnic_garments', '民族服饰', 'Ethnic garments', '件', ['藏袍']],
    ['handicrafts', '民族工艺品', 'Ethnic handicrafts', '件'],
    ['wool_yarn', '毛条及毛纱', 'Wool tops and yarn', '吨', ['毛条', '毛纱', '绒线', '纱线']],
    ['knitwear', '绒毛针织品', 'Cashmere and yak-down knitwear', '件', ['羊绒衫', '牦牛绒制品', '针织品']],
  ],
  biomedicine: [
    ['tibetan_medicine', '藏药', 'Tibetan medicines', '件', ['藏成药']],
    ['cordyceps', '冬虫夏草', 'Cordyceps', '千克', ['虫草']],
    ['medicinal_herbs', '中藏药材', 'Chinese and Tibetan medicinal herbs', '吨', ['中药材', '藏药材']],
    ['seabuckthorn', '沙棘制品', 'Sea-buckthorn products', '吨', ['沙棘']],
  ],
  agri_products: [
    ['yak_meat', '牦牛肉', 'Yak meat', '吨'],
    ['tibetan_sheep_meat', '藏羊肉', 'Tibetan sheep meat', '吨', ['羊肉']],
    ['highland_barley', '青稞', 'Highland barley', '吨', ['青稞原粮']],
    ['qingke_liquor', '青稞酒', 'Highland barley liquor', '件'],
    ['rapeseed_oil', '菜籽油', 'Rapeseed oil', '吨', ['菜油']],
    ['wolfberry', '枸杞', 'Wolfberry (goji)', '吨', ['枸杞子', '黑枸杞', '红枸杞']],
    ['dairy', '乳制品', 'Dairy products', '吨', ['奶粉', '酸奶', '牛奶']],
    ['livestock', '活畜（牦牛、藏羊）', 'Livestock (yak, Tibetan sheep)', '头', ['活牛', '活羊']],
    ['raw_milk', '生鲜乳', 'Raw milk', '吨', ['原奶', '鲜奶', '牦牛奶']],
    ['rapeseed', '油菜籽', 'Rapeseed', '吨', ['菜籽']],
    ['barley_food', '青稞食品', 'Highland barley foods', '吨', ['青稞米', '青稞面', '青稞粉', '糌粑']],
    ['fodder', '饲草料', 'Fodder and feed', '吨', ['饲草', '饲料', '牧草']],
  ],
  construction_services: [['construction', '建筑工程（建筑业）', 'Construction works', '平方米', ['工程施工']]],
};

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = Object.freeze(
  Object.entries(CATEGORY_ROWS).flatMap(([sector, rows]) =>
    rows.map(([code, name, nameEn, defaultUnit, aliases = []]) => Object.freeze({ code, name, nameEn, sector, defaultUnit, aliases: Object.freeze(aliases) })),
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
    {
      code: 'copper',
      name: '铜精矿—粗铜—电解铜—铜杆、铜箔产业链',
      nameEn: 'Copper concentrate – blister copper – refined copper – copper rod and foil',
      steps: [['copper_concentrate'], ['blister_copper'], ['refined_copper'], ['copper_rod', 'copper_foil']],
    },
    {
      code: 'cement_concrete',
      name: '石灰石—水泥熟料—水泥—混凝土产业链',
      nameEn: 'Limestone – clinker – cement – concrete',
      steps: [['limestone'], ['clinker'], ['cement'], ['ready_mix_concrete', 'precast_concrete']],
    },
    {
      code: 'livestock_products',
      name: '牦牛藏羊养殖—肉、毛绒、乳产业链',
      nameEn: 'Yak and Tibetan sheep – meat, wool and milk',
      steps: [['livestock'], ['yak_meat', 'tibetan_sheep_meat', 'wool', 'yak_wool', 'raw_milk']],
    },
    {
      code: 'wool_textiles',
      name: '毛绒—毛条毛纱—藏毯、绒毛制品产业链',
      nameEn: 'Wool and down – tops and yarn – carpets and knitwear',
      steps: [['wool', 'yak_wool', 'cashmere'], ['wool_yarn'], ['tibetan_carpet', 'knitwear']],
    },
  ].map((chain) => Object.freeze({ ...chain, steps: Object.freeze(chain.steps.map((s) => Object.freeze([...s]))) as string[][] })),
);

/** Edges that belong to no single chain above but are natural supply relations: [input, output]. */
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
  // Non-ferrous smelting: an integrated smelter takes concentrate straight to cathode copper.
  ['copper_concentrate', 'refined_copper'],
  ['copper_rod', 'wire_cable'],
  ['lead_zinc_concentrate', 'zinc_ingot'],
  ['lead_zinc_concentrate', 'lead_ingot'],
  // Aluminium: the Bayer process consumes caustic soda; electrolysis consumes carbon anodes.
  ['caustic_soda', 'alumina'],
  ['prebaked_anode', 'aluminium_ingot'],
  ['aluminium_ingot', 'aluminium_alloy'],
  ['aluminium_scrap', 'aluminium_alloy'],
  ['industrial_silicon', 'aluminium_alloy'],
  ['aluminium_alloy', 'aluminium_profile'],
  ['aluminium_ingot', 'aluminium_rod'],
  ['aluminium_rod', 'wire_cable'],
  ['aluminium_profile', 'doors_windows'],
  // Salt-lake resources: the brine left after potash feeds lithium and magnesium.
  ['old_brine', 'lithium_carbonate'],
  ['old_brine', 'magnesium_chloride'],
  ['lithium_carbonate', 'lithium_hydroxide'],
  ['lithium_hydroxide', 'lithium_battery_materials'],
  ['magnesium_chloride', 'magnesium_hydroxide'],
  ['magnesium_hydroxide', 'magnesium_oxide'],
  // Magnesium is the reducing agent of titanium sponge (Kroll process).
  ['magnesium_metal', 'titanium_sponge'],
  ['titanium_sponge', 'titanium_alloy'],
  ['potash', 'potassium_sulphate'],
  ['potassium_sulphate', 'compound_fertiliser'],
  ['raw_salt', 'soda_ash'],
  ['raw_salt', 'caustic_soda'],
  ['raw_salt', 'sodium_chlorate'],
  ['limestone', 'soda_ash'],
  ['soda_ash', 'flat_glass'],
  // Silicon and ferroalloys: quartz reduced with coke.
  ['silica', 'industrial_silicon'],
  ['silica', 'ferrosilicon'],
  ['silica', 'silicon_carbide'],
  ['silica', 'flat_glass'],
  ['coke', 'ferrosilicon'],
  ['industrial_silicon', 'polysilicon'],
  ['silicomanganese', 'steel'],
  ['silicomanganese', 'rebar'],
  // Carbide PVC: lime and coke make calcium carbide, the feedstock of PVC in the north-west.
  ['limestone', 'calcium_carbide'],
  ['coke', 'calcium_carbide'],
  ['calcium_carbide', 'pvc'],
  // Building materials for public construction.
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
  // Agricultural and livestock products.
  ['fodder', 'livestock'],
  ['raw_milk', 'dairy'],
  ['highland_barley', 'barley_food'],
  ['rapeseed', 'rapeseed_oil'],
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

/** How typed words compare: full-width forms folded (NFKC), without spaces, case-blind. */
function normaliseWord(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The words that name a category: its code, its names, the parts of a name around brackets and
 * 、 (氯化钾（钾肥） is also 氯化钾 and 钾肥), and its aliases, normalised.
 */
export function categoryWords(category: ProductCategory): string[] {
  const parts = (name: string, separators: RegExp) => name.normalize('NFKC').split(separators);
  const words = [category.code, category.name, category.nameEn, ...parts(category.name, /[()、]/), ...parts(category.nameEn, /[()]/), ...category.aliases].map(
    normaliseWord,
  );
  return [...new Set(words.filter((w) => w !== ''))];
}

const CATEGORY_BY_WORD: ReadonlyMap<string, ProductCategory> = new Map(PRODUCT_CATEGORIES.flatMap((c) => categoryWords(c).map((w) => [w, c] as const)));

/** The category a person's word names (code, name, part of a name, alias), as typed in an import cell. */
export function findCategoryByWord(text: string): ProductCategory | undefined {
  return CATEGORY_BY_WORD.get(normaliseWord(text));
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
