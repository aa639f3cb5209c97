// Administrative division codes (行政区划代码), GB/T 2260.
//
// A code has six digits: two for the province (xx0000), two for the prefecture (xxyy00) and two
// for the county (xxyyzz). Municipal districts of a prefecture-level city share the city's
// prefix; for the four municipalities the "prefecture" 01 is the block of municipal districts
// (市辖区), which this table names after the municipality (110100 北京市).
//
// Coverage: all 31 provincial-level divisions; Qinghai (the platform's home province) in full
// down to county level; every prefecture of neighbouring Gansu; the capital of every other
// province. The table is for labels and validation, not a complete gazetteer.

export type Region = {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'prefecture' | 'county';
};

type Row = [code: string, name: string, nameEn: string];

const PROVINCE_ROWS: Row[] = [
  ['110000', '北京市', 'Beijing'],
  ['120000', '天津市', 'Tianjin'],
  ['130000', '河北省', 'Hebei'],
  ['140000', '山西省', 'Shanxi'],
  ['150000', '内蒙古自治区', 'Inner Mongolia'],
  ['210000', '辽宁省', 'Liaoning'],
  ['220000', '吉林省', 'Jilin'],
  ['230000', '黑龙江省', 'Heilongjiang'],
  ['310000', '上海市', 'Shanghai'],
  ['320000', '江苏省', 'Jiangsu'],
  ['330000', '浙江省', 'Zhejiang'],
  ['340000', '安徽省', 'Anhui'],
  ['350000', '福建省', 'Fujian'],
  ['360000', '江西省', 'Jiangxi'],
  ['370000', '山东省', 'Shandong'],
  ['410000', '河南省', 'Henan'],
  ['420000', '湖北省', 'Hubei'],
  ['430000', '湖南省', 'Hunan'],
  ['440000', '广东省', 'Guangdong'],
  ['450000', '广西壮族自治区', 'Guangxi'],
  ['460000', '海南省', 'Hainan'],
  ['500000', '重庆市', 'Chongqing'],
  ['510000', '四川省', 'Sichuan'],
  ['520000', '贵州省', 'Guizhou'],
  ['530000', '云南省', 'Yunnan'],
  ['540000', '西藏自治区', 'Tibet'],
  ['610000', '陕西省', 'Shaanxi'],
  ['620000', '甘肃省', 'Gansu'],
  ['630000', '青海省', 'Qinghai'],
  ['640000', '宁夏回族自治区', 'Ningxia'],
  ['650000', '新疆维吾尔自治区', 'Xinjiang'],
];

const PREFECTURE_ROWS: Row[] = [
  // Capitals (and the municipal-district blocks of the four municipalities).
  ['110100', '北京市', 'Beijing'],
  ['120100', '天津市', 'Tianjin'],
  ['130100', '石家庄市', 'Shijiazhuang'],
  ['140100', '太原市', 'Taiyuan'],
  ['150100', '呼和浩特市', 'Hohhot'],
  ['210100', '沈阳市', 'Shenyang'],
  ['220100', '长春市', 'Changchun'],
  ['230100', '哈尔滨市', 'Harbin'],
  ['310100', '上海市', 'Shanghai'],
  ['320100', '南京市', 'Nanjing'],
  ['330100', '杭州市', 'Hangzhou'],
  ['340100', '合肥市', 'Hefei'],
  ['350100', '福州市', 'Fuzhou'],
  ['360100', '南昌市', 'Nanchang'],
  ['370100', '济南市', 'Jinan'],
  ['410100', '郑州市', 'Zhengzhou'],
  ['420100', '武汉市', 'Wuhan'],
  ['430100', '长沙市', 'Changsha'],
  ['440100', '广州市', 'Guangzhou'],
  ['450100', '南宁市', 'Nanning'],
  ['460100', '海口市', 'Haikou'],
  ['500100', '重庆市', 'Chongqing'],
  ['510100', '成都市', 'Chengdu'],
  ['520100', '贵阳市', 'Guiyang'],
  ['530100', '昆明市', 'Kunming'],
  ['540100', '拉萨市', 'Lhasa'],
  ['610100', '西安市', "Xi'an"],
  ['640100', '银川市', 'Yinchuan'],
  ['650100', '乌鲁木齐市', 'Urumqi'],
  // Gansu, all prefecture-level divisions.
  ['620100', '兰州市', 'Lanzhou'],
  ['620200', '嘉峪关市', 'Jiayuguan'],
  ['620300', '金昌市', 'Jinchang'],
  ['620400', '白银市', 'Baiyin'],
  ['620500', '天水市', 'Tianshui'],
  ['620600', '武威市', 'Wuwei'],
  ['620700', '张掖市', 'Zhangye'],
  ['620800', '平凉市', 'Pingliang'],
  ['620900', '酒泉市', 'Jiuquan'],
  ['621000', '庆阳市', 'Qingyang'],
  ['621100', '定西市', 'Dingxi'],
  ['621200', '陇南市', 'Longnan'],
  ['622900', '临夏回族自治州', 'Linxia Hui Autonomous Prefecture'],
  ['623000', '甘南藏族自治州', 'Gannan Tibetan Autonomous Prefecture'],
  // Qinghai, all prefecture-level divisions.
  ['630100', '西宁市', 'Xining'],
  ['630200', '海东市', 'Haidong'],
  ['632200', '海北藏族自治州', 'Haibei Tibetan Autonomous Prefecture'],
  ['632300', '黄南藏族自治州', 'Huangnan Tibetan Autonomous Prefecture'],
  ['632500', '海南藏族自治州', 'Hainan Tibetan Autonomous Prefecture'],
  ['632600', '果洛藏族自治州', 'Golog Tibetan Autonomous Prefecture'],
  ['632700', '玉树藏族自治州', 'Yushu Tibetan Autonomous Prefecture'],
  ['632800', '海西蒙古族藏族自治州', 'Haixi Mongol and Tibetan Autonomous Prefecture'],
];

const COUNTY_ROWS: Row[] = [
  // 西宁市
  ['630102', '城东区', 'Chengdong District'],
  ['630103', '城中区', 'Chengzhong District'],
  ['630104', '城西区', 'Chengxi District'],
  ['630105', '城北区', 'Chengbei District'],
  ['630106', '湟中区', 'Huangzhong District'],
  ['630121', '大通回族土族自治县', 'Datong Hui and Tu Autonomous County'],
  ['630123', '湟源县', 'Huangyuan County'],
  // 海东市
  ['630202', '乐都区', 'Ledu District'],
  ['630203', '平安区', "Ping'an District"],
  ['630222', '民和回族土族自治县', 'Minhe Hui and Tu Autonomous County'],
  ['630223', '互助土族自治县', 'Huzhu Tu Autonomous County'],
  ['630224', '化隆回族自治县', 'Hualong Hui Autonomous County'],
  ['630225', '循化撒拉族自治县', 'Xunhua Salar Autonomous County'],
  // 海北藏族自治州
  ['632221', '门源回族自治县', 'Menyuan Hui Autonomous County'],
  ['632222', '祁连县', 'Qilian County'],
  ['632223', '海晏县', 'Haiyan County'],
  ['632224', '刚察县', 'Gangcha County'],
  // 黄南藏族自治州
  ['632301', '同仁市', 'Tongren'],
  ['632322', '尖扎县', 'Jainca County'],
  ['632323', '泽库县', 'Zekog County'],
  ['632324', '河南蒙古族自治县', 'Henan Mongol Autonomous County'],
  // 海南藏族自治州
  ['632521', '共和县', 'Gonghe County'],
  ['632522', '同德县', 'Tongde County'],
  ['632523', '贵德县', 'Guide County'],
  ['632524', '兴海县', 'Xinghai County'],
  ['632525', '贵南县', 'Guinan County'],
  // 果洛藏族自治州
  ['632621', '玛沁县', 'Maqen County'],
  ['632622', '班玛县', 'Baima County'],
  ['632623', '甘德县', 'Gade County'],
  ['632624', '达日县', 'Darlag County'],
  ['632625', '久治县', 'Jigzhi County'],
  ['632626', '玛多县', 'Madoi County'],
  // 玉树藏族自治州
  ['632701', '玉树市', 'Yushu'],
  ['632722', '杂多县', 'Zadoi County'],
  ['632723', '称多县', 'Chindu County'],
  ['632724', '治多县', 'Zhidoi County'],
  ['632725', '囊谦县', 'Nangqen County'],
  ['632726', '曲麻莱县', 'Qumarleb County'],
  // 海西蒙古族藏族自治州
  ['632801', '格尔木市', 'Golmud'],
  ['632802', '德令哈市', 'Delingha'],
  ['632803', '茫崖市', 'Mangnai'],
  ['632821', '乌兰县', 'Ulan County'],
  ['632822', '都兰县', 'Dulan County'],
  ['632823', '天峻县', 'Tianjun County'],
];

function build(rows: Row[], level: Region['level']): Region[] {
  return rows.map(([code, name, nameEn]) => Object.freeze({ code, name, nameEn, level }));
}

export const PROVINCES: readonly Region[] = Object.freeze(build(PROVINCE_ROWS, 'province'));

export const REGIONS: readonly Region[] = Object.freeze([...PROVINCES, ...build(PREFECTURE_ROWS, 'prefecture'), ...build(COUNTY_ROWS, 'county')]);

/** Provinces whose table above is complete down to county level: codes there must match exactly. */
const FULLY_LISTED_PROVINCES: ReadonlySet<string> = new Set(['630000']);

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));

const SIX_DIGITS = /^[0-9]{6}$/;

export function findRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** First two digits and '0000'. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** The prefecture-level code (first four digits and '00'). */
export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/**
 * Whether a code is acceptable as a GB/T 2260 code. The rule:
 *  - it must be six digits, and its province (xx0000) must be one of the 31;
 *  - in a province listed in full (Qinghai), the code itself must be in the table;
 *  - elsewhere, where the table holds only some prefectures and no counties, a code is accepted
 *    when it is the province itself, or when its prefecture part (digits 3–4) is not 00 — a
 *    prefecture xxyy00 or a county xxyyzz. A code like xx00zz (county with no prefecture) is
 *    rejected.
 */
export function isValidRegionCode(code: string): boolean {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return false;
  const province = provinceOf(code);
  if (!BY_CODE.has(province)) return false;
  if (BY_CODE.has(code)) return true;
  if (FULLY_LISTED_PROVINCES.has(province)) return false;
  return code.slice(2, 4) !== '00';
}

/** Whether a region code lies in (or is) the given province. */
export function isInProvince(regionCode: string, provinceCode: string): boolean {
  if (!SIX_DIGITS.test(regionCode) || !SIX_DIGITS.test(provinceCode)) return false;
  return provinceOf(regionCode) === provinceOf(provinceCode);
}

/**
 * A readable label from the largest to the smallest unit in Chinese ("青海省 西宁市 城东区") and
 * from the smallest to the largest in English ("Chengdong District, Xining, Qinghai"). A
 * municipality's district block is not repeated ("北京市", not "北京市 北京市"). Unknown codes
 * are returned as they are.
 */
export function regionLabel(code: string, lang: 'zh-CN' | 'en'): string {
  const self = findRegion(code);
  if (!self) return code;
  const chain: Region[] = [];
  const push = (r: Region | undefined) => {
    if (!r) return;
    const last = chain[chain.length - 1];
    if (last && last.name === r.name) return;
    chain.push(r);
  };
  push(findRegion(provinceOf(code)));
  if (self.level === 'county') push(findRegion(prefectureOf(code)));
  push(self);
  if (lang === 'en') {
    return chain
      .map((r) => r.nameEn)
      .reverse()
      .join(', ');
  }
  return chain.map((r) => r.name).join(' ');
}

/** The prefix of the codes within a region: '63' for a province, '6301' for a prefecture, the code itself for a county. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
