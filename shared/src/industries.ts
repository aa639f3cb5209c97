// National economic industry classification (国民经济行业分类), GB/T 4754-2017: the 20 sections
// (门类, A–T) and the 97 divisions (大类, 01–97). On this platform a division is written as its
// section letter followed by its two digits, e.g. "C31" for 黑色金属冶炼和压延加工业.

export type IndustryDivision = {
  /** Section letter and division digits, e.g. "C31". */
  code: string;
  /** Section letter, e.g. "C". */
  section: string;
  /** Two-digit division number, e.g. "31". */
  division: string;
  name: string;
  nameEn: string;
};

type SectionRow = {
  code: string;
  name: string;
  nameEn: string;
  divisions: [division: string, name: string, nameEn: string][];
};

const TABLE: SectionRow[] = [
  {
    code: 'A',
    name: '农、林、牧、渔业',
    nameEn: 'Agriculture, forestry, animal husbandry and fishery',
    divisions: [
      ['01', '农业', 'Agriculture'],
      ['02', '林业', 'Forestry'],
      ['03', '畜牧业', 'Animal husbandry'],
      ['04', '渔业', 'Fishery'],
      ['05', '农、林、牧、渔专业及辅助性活动', 'Support activities for agriculture, forestry, animal husbandry and fishery'],
    ],
  },
  {
    code: 'B',
    name: '采矿业',
    nameEn: 'Mining',
    divisions: [
      ['06', '煤炭开采和洗选业', 'Coal mining and washing'],
      ['07', '石油和天然气开采业', 'Extraction of petroleum and natural gas'],
      ['08', '黑色金属矿采选业', 'Mining and dressing of ferrous metal ores'],
      ['09', '有色金属矿采选业', 'Mining and dressing of non-ferrous metal ores'],
      ['10', '非金属矿采选业', 'Mining and dressing of non-metallic minerals'],
      ['11', '开采专业及辅助性活动', 'Support activities for mining'],
      ['12', '其他采矿业', 'Other mining'],
    ],
  },
  {
    code: 'C',
    name: '制造业',
    nameEn: 'Manufacturing',
    divisions: [
      ['13', '农副食品加工业', 'Processing of agricultural and sideline food products'],
      ['14', '食品制造业', 'Manufacture of food products'],
      ['15', '酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea'],
      ['16', '烟草制品业', 'Manufacture of tobacco products'],
      ['17', '纺织业', 'Manufacture of textiles'],
      ['18', '纺织服装、服饰业', 'Manufacture of textile garments and apparel'],
      ['19', '皮革、毛皮、羽毛及其制品和制鞋业', 'Manufacture of leather, fur, feather and related products, and footwear'],
      ['20', '木材加工和木、竹、藤、棕、草制品业', 'Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products'],
      ['21', '家具制造业', 'Manufacture of furniture'],
      ['22', '造纸和纸制品业', 'Manufacture of paper and paper products'],
      ['23', '印刷和记录媒介复制业', 'Printing and reproduction of recording media'],
      ['24', '文教、工美、体育和娱乐用品制造业', 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment'],
      ['25', '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels'],
      ['26', '化学原料和化学制品制造业', 'Manufacture of chemical raw materials and chemical products'],
      ['27', '医药制造业', 'Manufacture of medicines'],
      ['28', '化学纤维制造业', 'Manufacture of chemical fibres'],
      ['29', '橡胶和塑料制品业', 'Manufacture of rubber and plastic products'],
      ['30', '非金属矿物制品业', 'Manufacture of non-metallic mineral products'],
      ['31', '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals'],
      ['32', '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals'],
      ['33', '金属制品业', 'Manufacture of metal products'],
      ['34', '通用设备制造业', 'Manufacture of general-purpose machinery'],
      ['35', '专用设备制造业', 'Manufacture of special-purpose machinery'],
      ['36', '汽车制造业', 'Manufacture of automobiles'],
      ['37', '铁路、船舶、航空航天和其他运输设备制造业', 'Manufacture of railway, ship, aerospace and other transport equipment'],
      ['38', '电气机械和器材制造业', 'Manufacture of electrical machinery and equipment'],
      ['39', '计算机、通信和其他电子设备制造业', 'Manufacture of computers, communication and other electronic equipment'],
      ['40', '仪器仪表制造业', 'Manufacture of measuring instruments and meters'],
      ['41', '其他制造业', 'Other manufacturing'],
      ['42', '废弃资源综合利用业', 'Utilisation of waste resources'],
      ['43', '金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment'],
    ],
  },
  {
    code: 'D',
    name: '电力、热力、燃气及水生产和供应业',
    nameEn: 'Production and supply of electricity, heat, gas and water',
    divisions: [
      ['44', '电力、热力生产和供应业', 'Production and supply of electricity and heat'],
      ['45', '燃气生产和供应业', 'Production and supply of gas'],
      ['46', '水的生产和供应业', 'Production and supply of water'],
    ],
  },
  {
    code: 'E',
    name: '建筑业',
    nameEn: 'Construction',
    divisions: [
      ['47', '房屋建筑业', 'Construction of buildings'],
      ['48', '土木工程建筑业', 'Civil engineering'],
      ['49', '建筑安装业', 'Construction installation'],
      ['50', '建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction'],
    ],
  },
  {
    code: 'F',
    name: '批发和零售业',
    nameEn: 'Wholesale and retail trade',
    divisions: [
      ['51', '批发业', 'Wholesale trade'],
      ['52', '零售业', 'Retail trade'],
    ],
  },
  {
    code: 'G',
    name: '交通运输、仓储和邮政业',
    nameEn: 'Transport, storage and postal services',
    divisions: [
      ['53', '铁路运输业', 'Rail transport'],
      ['54', '道路运输业', 'Road transport'],
      ['55', '水上运输业', 'Water transport'],
      ['56', '航空运输业', 'Air transport'],
      ['57', '管道运输业', 'Pipeline transport'],
      ['58', '多式联运和运输代理业', 'Multimodal transport and transport agency'],
      ['59', '装卸搬运和仓储业', 'Loading, unloading and warehousing'],
      ['60', '邮政业', 'Postal services'],
    ],
  },
  {
    code: 'H',
    name: '住宿和餐饮业',
    nameEn: 'Accommodation and catering',
    divisions: [
      ['61', '住宿业', 'Accommodation'],
      ['62', '餐饮业', 'Catering'],
    ],
  },
  {
    code: 'I',
    name: '信息传输、软件和信息技术服务业',
    nameEn: 'Information transmission, software and information technology services',
    divisions: [
      ['63', '电信、广播电视和卫星传输服务', 'Telecommunications, broadcasting and satellite transmission services'],
      ['64', '互联网和相关服务', 'Internet and related services'],
      ['65', '软件和信息技术服务业', 'Software and information technology services'],
    ],
  },
  {
    code: 'J',
    name: '金融业',
    nameEn: 'Finance',
    divisions: [
      ['66', '货币金融服务', 'Monetary and financial services'],
      ['67', '资本市场服务', 'Capital market services'],
      ['68', '保险业', 'Insurance'],
      ['69', '其他金融业', 'Other financial services'],
    ],
  },
  {
    code: 'K',
    name: '房地产业',
    nameEn: 'Real estate',
    divisions: [['70', '房地产业', 'Real estate']],
  },
  {
    code: 'L',
    name: '租赁和商务服务业',
    nameEn: 'Leasing and business services',
    divisions: [
      ['71', '租赁业', 'Leasing'],
      ['72', '商务服务业', 'Business services'],
    ],
  },
  {
    code: 'M',
    name: '科学研究和技术服务业',
    nameEn: 'Scientific research and technical services',
    divisions: [
      ['73', '研究和试验发展', 'Research and experimental development'],
      ['74', '专业技术服务业', 'Professional technical services'],
      ['75', '科技推广和应用服务业', 'Technology promotion and application services'],
    ],
  },
  {
    code: 'N',
    name: '水利、环境和公共设施管理业',
    nameEn: 'Water conservancy, environment and public facilities management',
    divisions: [
      ['76', '水利管理业', 'Water conservancy management'],
      ['77', '生态保护和环境治理业', 'Ecological protection and environmental management'],
      ['78', '公共设施管理业', 'Public facilities management'],
      ['79', '土地管理业', 'Land management'],
    ],
  },
  {
    code: 'O',
    name: '居民服务、修理和其他服务业',
    nameEn: 'Resident services, repair and other services',
    divisions: [
      ['80', '居民服务业', 'Resident services'],
      ['81', '机动车、电子产品和日用产品修理业', 'Repair of motor vehicles, electronic and household products'],
      ['82', '其他服务业', 'Other services'],
    ],
  },
  {
    code: 'P',
    name: '教育',
    nameEn: 'Education',
    divisions: [['83', '教育', 'Education']],
  },
  {
    code: 'Q',
    name: '卫生和社会工作',
    nameEn: 'Health and social work',
    divisions: [
      ['84', '卫生', 'Health'],
      ['85', '社会工作', 'Social work'],
    ],
  },
  {
    code: 'R',
    name: '文化、体育和娱乐业',
    nameEn: 'Culture, sports and entertainment',
    divisions: [
      ['86', '新闻和出版业', 'News and publishing'],
      ['87', '广播、电视、电影和录音制作业', 'Radio, television, film and sound recording'],
      ['88', '文化艺术业', 'Culture and arts'],
      ['89', '体育', 'Sports'],
      ['90', '娱乐业', 'Entertainment'],
    ],
  },
  {
    code: 'S',
    name: '公共管理、社会保障和社会组织',
    nameEn: 'Public administration, social security and social organisations',
    divisions: [
      ['91', '中国共产党机关', 'Organs of the Communist Party of China'],
      ['92', '国家机构', 'State organs'],
      ['93', '人民政协、民主党派', "People's Political Consultative Conference and democratic parties"],
      ['94', '社会保障', 'Social security'],
      ['95', '群众团体、社会团体和其他成员组织', 'Mass organisations, social organisations and other membership organisations'],
      ['96', '基层群众自治组织及其他组织', 'Grass-roots self-governing organisations and other organisations'],
    ],
  },
  {
    code: 'T',
    name: '国际组织',
    nameEn: 'International organisations',
    divisions: [['97', '国际组织', 'International organisations']],
  },
];

export const INDUSTRY_SECTIONS: readonly { code: string; name: string; nameEn: string }[] = Object.freeze(
  TABLE.map(({ code, name, nameEn }) => Object.freeze({ code, name, nameEn })),
);

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = Object.freeze(
  TABLE.flatMap((section) =>
    section.divisions.map(([division, name, nameEn]) => Object.freeze({ code: section.code + division, section: section.code, division, name, nameEn })),
  ),
);

const BY_CODE: ReadonlyMap<string, IndustryDivision> = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

/** The division for a code written exactly as "C31" (upper-case letter, two digits). */
export function findIndustry(code: string): IndustryDivision | undefined {
  return BY_CODE.get(code);
}

/** A known division written with its own section letter: "C31" is valid, "B31" and "c31" are not. */
export function isValidIndustryCode(code: string): boolean {
  return typeof code === 'string' && BY_CODE.has(code);
}
