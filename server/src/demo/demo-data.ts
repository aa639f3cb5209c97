// The demo event loaded by `npm start -- --demo`: a provincial matchmaking event in Qinghai
// modelled on the 2011 plan for major matchmaking events (重大对接活动实施方案), moved to
// December 2026. Enterprises and industry chains come from the provincial plans; contacts,
// phone numbers, figures and all credit codes are invented (the credit codes carry a valid GB
// 32100 check character and the organisation's region, with "MA7DJ" marking them as demo codes).
import {
  makeCreditCode,
  type AgreementKind,
  type AgreementPartyRole,
  type LedgerEntryKind,
  type LiaisonCadence,
  type ProblemCategory,
  type ProblemUrgency,
  type UrgentLiaisonReportInput,
  wanToYuan,
  type CreditOfferFields,
  type EventInput,
  type FinancingNeedFields,
  type GoodsFields,
  type GuaranteeOfferFields,
  type ListingConfidential,
  type ListingInput,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationSize,
  type ParticipantRole,
  type SessionInput,
  type SessionStatus,
} from '@duijie/shared';

export type DemoOrganisation = OrganisationInput & { key: string; adminEmail: string; adminName: string };
export type DemoParticipant = { org: string; role: ParticipantRole };
export type DemoSession = SessionInput & { key: string; status: SessionStatus; participants: DemoParticipant[] };
export type DemoListing = ListingInput & { key: string; session: string; org: string };
/**
 * A meeting request from `from` about listing `about` (with its own listing `own`), accepted by
 * the listing's owner; `slot` books it at once (self-booking sessions only).
 */
export type DemoMeeting = { from: string; about: string; own?: string; topic: string; slot?: number };

/** One password for every demo user. */
export const DEMO_PASSWORD = 'Duijie-demo-2026';

// ---- organisations ----

/**
 * An organisation with a demo credit code: authority and type (91 enterprise, 93 farmers'
 * co-operative, 11 government body), the region, "MA7DJ" and a four-digit serial.
 */
function org(
  key: string,
  name: string,
  kind: OrganisationKind,
  industry: string,
  region: string,
  size: OrganisationSize,
  serial: number,
  contactName: string,
  contactPhone: string,
  adminName: string,
  authorityAndType = '91',
): DemoOrganisation {
  return {
    key,
    name,
    creditCode: makeCreditCode(`${authorityAndType}${region}MA7DJ${String(serial).padStart(4, '0')}`),
    kind,
    industry,
    region,
    size,
    contactName,
    contactPhone,
    adminEmail: `admin@${key}.demo.duijie.cn`,
    adminName,
  };
}

export const DEMO_ORGANISER: DemoOrganisation = org(
  'qhjxw',
  '青海省经济和信息化委员会',
  'organiser',
  'S92',
  '630100',
  'large',
  1,
  '张建青',
  '0971-8241234',
  '李文华',
  '11',
);

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Iron and steel: 铁精粉 → 钢材 → 建筑业, and coal → coke → steel.
  org('xntg', '西宁特殊钢股份有限公司', 'enterprise', 'C31', '630105', 'large', 2, '王德明', '0971-5299123', '赵海峰'),
  org('cdm-mining', '青海柴达木鑫源矿业有限公司', 'enterprise', 'B08', '632802', 'medium', 3, '马建军', '0977-8221456', '韩志刚'),
  org('qinghua', '青海庆华矿冶煤化集团有限公司', 'enterprise', 'C25', '632821', 'large', 4, '孙立新', '0977-8612345', '陈国栋'),
  // Aluminium: 铝锭 → 铝材压延加工.
  org('chalco-qh', '中国铝业股份有限公司青海分公司', 'enterprise', 'C32', '630121', 'large', 5, '杨晓东', '0971-2781234', '周宏伟'),
  org('hhxy', '青海黄河鑫业有限公司', 'enterprise', 'C32', '630106', 'large', 6, '李永祥', '0971-2239876', '何建平'),
  org('ruihe', '青海瑞合铝箔有限公司', 'enterprise', 'C32', '630102', 'medium', 7, '祁生海', '0971-8812345', '冯海燕'),
  // Silicon and PV: 碳化硅、单晶硅、多晶硅、切片 → 组件 → 光伏发电.
  org('asia-silicon', '亚洲硅业（青海）股份有限公司', 'enterprise', 'C39', '630102', 'large', 8, '宋德胜', '0971-8123987', '吴静'),
  org('zxml', '青海大通中鑫磨料有限公司', 'enterprise', 'C30', '630121', 'medium', 9, '马永福', '0971-2745678', '马丽萍'),
  org('jyn', '青海聚阳能硅业有限公司', 'enterprise', 'C39', '630102', 'medium', 10, '陈晓光', '0971-8896543', '许文斌'),
  org('spic-xn', '中电投西安太阳能电力有限公司西宁分公司', 'enterprise', 'C38', '630102', 'medium', 11, '高志远', '0971-8856721', '田野'),
  org('hhsd', '黄河上游水电开发有限责任公司', 'enterprise', 'D44', '630104', 'large', 12, '蔡国华', '0971-6212345', '郭晓明'),
  // Mining → metal rolling → equipment.
  org('wmc', '西部矿业股份有限公司', 'enterprise', 'B09', '630105', 'large', 13, '张海涛', '0971-6123456', '魏彦斌'),
  org('jgnc', '青海金广镍铬材料有限公司', 'enterprise', 'C32', '630106', 'medium', 14, '李成林', '0971-5312456', '罗红梅'),
  org('huading', '青海华鼎实业股份有限公司', 'enterprise', 'C34', '630203', 'large', 15, '胡志强', '0972-8612345', '谢晓云'),
  org('kangtai', '青海康泰铸锻机械有限责任公司', 'enterprise', 'C33', '630106', 'medium', 16, '汪振国', '0971-5368901', '范丽娟'),
  // Salt-lake chemicals and lithium.
  org('salt-lake', '青海盐湖工业股份有限公司', 'enterprise', 'C26', '632801', 'large', 17, '谢军', '0979-8448123', '段文杰'),
  org('taifeng', '青海泰丰先行锂能科技有限公司', 'enterprise', 'C38', '630102', 'medium', 18, '白云飞', '0971-8854321', '苏晓婷'),
  // Building materials.
  org('hs-cement', '青海湟水水泥有限公司', 'enterprise', 'C30', '630106', 'medium', 19, '鲁生元', '0971-2287654', '童建华'),
  org('kunlun-jc', '海西昆仑建材有限公司', 'enterprise', 'C30', '632801', 'small', 20, '蒋天明', '13909791234', '曾小燕'),
  // Light industry, biomedicine, agricultural and livestock products.
  org('zangyang', '青海藏羊地毯（集团）有限公司', 'enterprise', 'C24', '630102', 'large', 21, '才让卓玛', '0971-8186543', '刘玉兰'),
  org('jingzhu', '青海晶珠藏药高新技术产业股份有限公司', 'enterprise', 'C27', '630104', 'medium', 22, '扎西多杰', '0971-6345678', '李梅'),
  org('jhy', '青海江河源农牧科技发展有限公司', 'enterprise', 'C13', '630105', 'medium', 23, '马明', '0971-5132468', '韩雪'),
  org('hzqk', '青海互助青稞酒股份有限公司', 'enterprise', 'C15', '630223', 'large', 24, '李文斌', '0972-8321654', '祁晓军'),
  org('myqk', '门源回族自治县浩门青稞种植专业合作社', 'enterprise', 'A01', '632221', 'micro', 25, '马占福', '13997012345', '马占福', '93'),
  // Banks.
  org('icbc-qh', '中国工商银行股份有限公司青海省分行', 'bank', 'J66', '630103', 'large', 26, '王卫东', '0971-8271234', '方敏'),
  org('abc-qh', '中国农业银行股份有限公司青海省分行', 'bank', 'J66', '630103', 'large', 27, '张桂兰', '0971-8178901', '陆海'),
  org('boc-qh', '中国银行股份有限公司青海省分行', 'bank', 'J66', '630104', 'large', 28, '黄志华', '0971-8139876', '石磊'),
  org('ccb-qh', '中国建设银行股份有限公司青海省分行', 'bank', 'J66', '630103', 'large', 29, '徐涛', '0971-8254321', '林小红'),
  org('cdb-qh', '国家开发银行青海省分行', 'bank', 'J66', '630104', 'large', 30, '孟祥瑞', '0971-6301234', '唐宇'),
  org('qhbank', '青海银行股份有限公司', 'bank', 'J66', '630102', 'large', 31, '马晓丽', '0971-8186001', '贾磊'),
  // Guarantee institutions and a micro-loan company.
  org('qhcg', '青海省信用担保集团有限责任公司', 'guarantor', 'J69', '630104', 'large', 32, '赵振华', '0971-6156789', '钱伟'),
  org('sjy-guarantee', '青海三江源融资担保有限公司', 'guarantor', 'J69', '630105', 'medium', 33, '孔德胜', '0971-5512345', '曹丽'),
  org('xy-micro', '西宁市城东区鑫源小额贷款有限公司', 'microlender', 'J66', '630102', 'small', 34, '严俊', '0971-8823456', '程晓峰'),
  // Distributors: a logistics park, a bulk trader, a supermarket chain, a wholesale market in Gansu.
  org('chaoyang-lp', '青海朝阳物流园区开发有限公司', 'distributor', 'G59', '630105', 'medium', 35, '李海平', '0971-5523456', '夏明'),
  org('qhwc', '青海省物产集团有限公司', 'distributor', 'F51', '630103', 'large', 36, '韩国庆', '0971-8234567', '姜涛'),
  org('xinqian', '西宁新千超市连锁有限公司', 'distributor', 'F52', '630104', 'medium', 37, '陈丽', '0971-6198765', '邓敏'),
  org('lz-market', '兰州东部综合批发市场有限公司', 'distributor', 'F51', '620100', 'medium', 38, '王兴旺', '0931-8456789', '杜鹏'),
  // Construction units: a railway builder, an affordable-housing builder, the Yushu aid builder.
  org('crcc21', '中铁二十一局集团有限公司', 'construction_unit', 'E48', '620100', 'large', 39, '郑建国', '0931-8712345', '袁立'),
  org('qhjg1', '青海建工集团第一建筑工程有限公司', 'construction_unit', 'E47', '630104', 'large', 40, '孙振宇', '0971-6112233', '潘婷'),
  org('bucg', '北京住总集团有限责任公司', 'construction_unit', 'E47', '110100', 'large', 41, '刘兵', '010-59391234', '高翔'),
];

// ---- event and sessions ----

export const DEMO_EVENT: EventInput = {
  name: '2026青海省重大产业对接活动',
  province: '630000',
  startDate: '2026-12-15',
  endDate: '2026-12-18',
  targetAmount: wanToYuan(3_000_000), // 300亿元
  timeZone: 'Asia/Shanghai',
  description:
    '为帮助工业企业克服资金困难、开拓产品市场，省经委会同省金融办、省商务厅、省住房城乡建设厅等部门，' +
    '组织银企对接、上下游产业对接、生产企业与商贸流通企业对接和保障性住房大宗建材供需对接四个专场，' +
    '并分别举行集中签约仪式。签约项目由对接组跟踪落实，定期通报进展。',
};

const p = (org: string, role: ParticipantRole): DemoParticipant => ({ org, role });

export const DEMO_SESSIONS: DemoSession[] = [
  {
    key: 'bank-enterprise',
    kind: 'bank_enterprise',
    title: '银企对接专场',
    leadDepartment: '青海省人民政府金融工作办公室',
    venue: '青海国际会展中心 A1馆',
    startsAt: '2026-12-15T09:00:00+08:00',
    endsAt: '2026-12-15T17:30:00+08:00',
    breakStartsAt: '2026-12-15T12:00:00+08:00',
    breakEndsAt: '2026-12-15T13:30:00+08:00',
    slotMinutes: 30,
    tableCount: 20,
    ceremonyAt: '2026-12-15T16:00:00+08:00',
    registrationMode: 'open',
    status: 'live',
    participants: [
      ...['icbc-qh', 'abc-qh', 'boc-qh', 'ccb-qh', 'cdb-qh', 'qhbank', 'xy-micro'].map((o) => p(o, 'lender')),
      ...['qhcg', 'sjy-guarantee'].map((o) => p(o, 'guarantor')),
      ...[
        'xntg',
        'qinghua',
        'hhxy',
        'asia-silicon',
        'zxml',
        'jyn',
        'jgnc',
        'kangtai',
        'taifeng',
        'hs-cement',
        'zangyang',
        'jingzhu',
        'jhy',
        'myqk',
        'chaoyang-lp',
        'qhjg1',
      ].map((o) => p(o, 'borrower')),
    ],
  },
  {
    key: 'upstream-downstream',
    kind: 'upstream_downstream',
    title: '上下游产业对接专场',
    leadDepartment: '青海省经济和信息化委员会',
    venue: '青海国际会展中心 B2馆',
    startsAt: '2026-12-16T09:00:00+08:00',
    endsAt: '2026-12-16T17:30:00+08:00',
    breakStartsAt: '2026-12-16T12:00:00+08:00',
    breakEndsAt: '2026-12-16T13:30:00+08:00',
    slotMinutes: 20,
    tableCount: 16,
    ceremonyAt: '2026-12-16T16:30:00+08:00',
    registrationMode: 'invitation',
    status: 'live',
    participants: [
      ...['cdm-mining', 'qinghua', 'xntg', 'chalco-qh', 'hhxy', 'asia-silicon', 'zxml', 'jyn', 'spic-xn', 'wmc', 'jgnc', 'kangtai', 'salt-lake'].map((o) =>
        p(o, 'supplier'),
      ),
      ...['xntg', 'ruihe', 'jyn', 'spic-xn', 'hhsd', 'jgnc', 'huading', 'kangtai', 'taifeng', 'qhwc', 'crcc21'].map((o) => p(o, 'buyer')),
    ],
  },
  {
    key: 'producer-distributor',
    kind: 'producer_distributor',
    title: '生产企业与流通企业对接专场',
    leadDepartment: '青海省商务厅',
    venue: '青海国际会展中心 A2馆',
    startsAt: '2026-12-17T09:00:00+08:00',
    endsAt: '2026-12-17T17:00:00+08:00',
    breakStartsAt: '2026-12-17T12:00:00+08:00',
    breakEndsAt: '2026-12-17T13:30:00+08:00',
    slotMinutes: 20,
    tableCount: 12,
    ceremonyAt: '2026-12-17T15:30:00+08:00',
    registrationMode: 'open',
    // Producers and distributors book their own meetings; the other sessions are scheduled.
    meetingMode: 'self_booking',
    status: 'live',
    participants: [
      ...['salt-lake', 'zangyang', 'jingzhu', 'jhy', 'hzqk', 'myqk'].map((o) => p(o, 'producer')),
      ...['chaoyang-lp', 'qhwc', 'xinqian', 'lz-market'].map((o) => p(o, 'distributor')),
    ],
  },
  {
    key: 'building-materials',
    kind: 'building_materials',
    title: '保障性住房大宗建材供需对接专场',
    leadDepartment: '青海省住房和城乡建设厅',
    venue: '青海国际会展中心 B1馆',
    startsAt: '2026-12-18T09:30:00+08:00',
    endsAt: '2026-12-18T16:30:00+08:00',
    breakStartsAt: '2026-12-18T12:00:00+08:00',
    breakEndsAt: '2026-12-18T13:30:00+08:00',
    slotMinutes: 30,
    tableCount: 10,
    ceremonyAt: '2026-12-18T15:00:00+08:00',
    registrationMode: 'open',
    // Live, so that its supply contracts and the target responsibility letter can be signed.
    status: 'live',
    participants: [...['xntg', 'qinghua', 'hs-cement', 'kunlun-jc'].map((o) => p(o, 'producer')), ...['qhjg1', 'bucg', 'crcc21'].map((o) => p(o, 'builder'))],
  },
];

// ---- listings ----

const YEAR_2027 = { deliveryFrom: '2027-01-01', deliveryTo: '2027-12-31' };
const H1_2027 = { deliveryFrom: '2027-01-01', deliveryTo: '2027-06-30' };
const SEASON_2027 = { deliveryFrom: '2027-03-15', deliveryTo: '2027-10-31' }; // the building season on the plateau

type Base = { key: string; session: string; org: string; title: string; description: string };

function supply(base: Base, goods: GoodsFields): DemoListing {
  return { ...base, type: 'supply', goods };
}
function demand(base: Base, goods: GoodsFields): DemoListing {
  return { ...base, type: 'demand', goods };
}
function financing(base: Base, fields: FinancingNeedFields, confidential?: ListingConfidential): DemoListing {
  return { ...base, type: 'financing_need', financing: fields, ...(confidential ? { confidential } : {}) };
}
function credit(base: Base, fields: CreditOfferFields, confidential?: ListingConfidential): DemoListing {
  return { ...base, type: 'credit_offer', credit: fields, ...(confidential ? { confidential } : {}) };
}
function guarantee(base: Base, fields: GuaranteeOfferFields): DemoListing {
  return { ...base, type: 'guarantee_offer', guarantee: fields };
}

const BE = 'bank-enterprise';
const UD = 'upstream-downstream';
const PD = 'producer-distributor';
const BM = 'building-materials';

const bankEnterpriseListings: DemoListing[] = [
  // Credit offers.
  credit(
    {
      key: 'be-icbc-techloan',
      session: BE,
      org: 'icbc-qh',
      title: '工业企业技术改造专项贷款',
      description: '支持重点工业企业节能降耗、工艺升级和设备更新改造，可配套银行承兑汇票用于上下游结算。',
    },
    {
      amountMin: wanToYuan(500),
      amountMax: wanToYuan(50_000),
      totalLine: wanToYuan(800_000),
      termMinMonths: 12,
      termMaxMonths: 60,
      rateMinBp: 345,
      rateMaxBp: 480,
      targetIndustries: ['C31', 'C32', 'C26', 'C30', 'C38', 'C39'],
      targetSizes: ['large', 'medium'],
      guaranteeRequirement: 'collateral_or_guarantee',
    },
    {
      internalRateFloorBp: 330,
      notes: '总行下达2027年一季度工业贷款专项规模60亿元；钢铁、电解铝新增授信需报总行审批。',
    },
  ),
  credit(
    {
      key: 'be-abc-agri',
      session: BE,
      org: 'abc-qh',
      title: '农牧产品加工企业及合作社流动资金贷款',
      description: '面向牦牛、藏羊、青稞等特色农牧产品加工企业和农民专业合作社，支持收购旺季资金需求。',
    },
    {
      amountMin: wanToYuan(50),
      amountMax: wanToYuan(5_000),
      totalLine: wanToYuan(300_000),
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 365,
      rateMaxBp: 520,
      targetIndustries: ['A01', 'A03', 'C13', 'C14', 'C15'],
      targetSizes: ['medium', 'small', 'micro'],
      guaranteeRequirement: 'guarantee',
    },
  ),
  credit(
    {
      key: 'be-boc-working',
      session: BE,
      org: 'boc-qh',
      title: '重点工业企业流动资金贷款及承兑汇票',
      description: '保障重点开户企业基本流动资金需求，鼓励以银行承兑汇票办理上下游、产销之间结算。',
    },
    {
      amountMin: wanToYuan(1_000),
      amountMax: wanToYuan(30_000),
      totalLine: wanToYuan(500_000),
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 350,
      rateMaxBp: 450,
      targetIndustries: ['C31', 'C32', 'C26', 'C25', 'D44', 'E47'],
      targetSizes: ['large', 'medium'],
      guaranteeRequirement: 'collateral',
    },
    { internalRateFloorBp: 335 },
  ),
  credit(
    {
      key: 'be-ccb-newenergy',
      session: BE,
      org: 'ccb-qh',
      title: '新能源及新材料项目贷款',
      description: '支持光伏制造、光伏电站、锂电材料等项目建设，可采用项目收费权、电费收益权质押。',
    },
    {
      amountMin: wanToYuan(5_000),
      amountMax: wanToYuan(200_000),
      totalLine: wanToYuan(1_000_000),
      termMinMonths: 36,
      termMaxMonths: 180,
      rateMinBp: 330,
      rateMaxBp: 420,
      targetIndustries: ['D44', 'C38', 'C39', 'C26'],
      targetSizes: ['large', 'medium'],
      guaranteeRequirement: 'collateral',
    },
    { internalRateFloorBp: 320, notes: '光伏制造类项目须有省级以上备案和能评批复；单户授信超过10亿元上报总行。' },
  ),
  credit(
    {
      key: 'be-cdb-project',
      session: BE,
      org: 'cdb-qh',
      title: '重大产业和基础设施项目中长期贷款',
      description: '开发性金融支持盐湖资源综合利用、清洁能源基地和重大基础设施项目，期限最长20年。',
    },
    {
      amountMin: wanToYuan(5_000),
      amountMax: wanToYuan(300_000),
      totalLine: wanToYuan(1_500_000),
      termMinMonths: 60,
      termMaxMonths: 240,
      rateMinBp: 300,
      rateMaxBp: 380,
      targetIndustries: ['D44', 'C25', 'C26', 'C39', 'E48', 'G59'],
      targetSizes: ['large', 'medium'],
      guaranteeRequirement: 'collateral_or_guarantee',
    },
  ),
  credit(
    {
      key: 'be-qhbank-smallmicro',
      session: BE,
      org: 'qhbank',
      title: '小微企业“助微贷”',
      description: '本地法人银行小微企业专属产品，审批快、随借随还，与省信用担保集团合作可降低担保费。',
    },
    {
      amountMin: wanToYuan(100),
      amountMax: wanToYuan(3_000),
      totalLine: wanToYuan(200_000),
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 395,
      rateMaxBp: 580,
      targetIndustries: ['C13', 'C17', 'C24', 'C27', 'C30', 'C33', 'F51', 'F52', 'G59'],
      targetSizes: ['medium', 'small', 'micro'],
      guaranteeRequirement: 'guarantee',
    },
    { internalRateFloorBp: 380, notes: '小微贷款增量目标较上年同期增加8亿元，争取进入小微贷款增长排名前三。' },
  ),
  credit(
    {
      key: 'be-micro-shortterm',
      session: BE,
      org: 'xy-micro',
      title: '小微企业及农牧户短期周转贷款',
      description: '额度小、放款快，适合合作社和个体工商户季节性周转，三个工作日内放款。',
    },
    {
      amountMin: wanToYuan(10),
      amountMax: wanToYuan(500),
      totalLine: wanToYuan(20_000),
      termMinMonths: 3,
      termMaxMonths: 12,
      rateMinBp: 720,
      rateMaxBp: 1_200,
      targetIndustries: ['A01', 'A03', 'C13', 'C24', 'F52'],
      targetSizes: ['small', 'micro'],
      guaranteeRequirement: 'none',
    },
  ),
  // Guarantee offers.
  guarantee(
    {
      key: 'be-qhcg-capacity',
      session: BE,
      org: 'qhcg',
      title: '工业企业融资担保（低费率、分年收费）',
      description: '对参加对接活动的重点企业执行1%优惠担保费率，可分年度收取担保费。',
    },
    {
      capacity: wanToYuan(300_000),
      feeRateBp: 100,
      targetIndustries: ['C31', 'C32', 'C26', 'C30', 'C33', 'C38', 'C39', 'C24', 'C27'],
    },
  ),
  guarantee(
    {
      key: 'be-sjy-capacity',
      session: BE,
      org: 'sjy-guarantee',
      title: '特色农牧及轻工企业融资担保',
      description: '为牦牛肉、青稞、藏毯、藏药等特色产业中小企业和合作社提供贷款担保。',
    },
    {
      capacity: wanToYuan(50_000),
      feeRateBp: 150,
      targetIndustries: ['A01', 'A03', 'C13', 'C14', 'C15', 'C24', 'C27'],
      // 中小企业和合作社: a large enterprise goes to the provincial group (qhcg), which serves every size.
      targetSizes: ['medium', 'small', 'micro'],
    },
  ),
  // Financing needs.
  financing(
    {
      key: 'be-xntg-working',
      session: BE,
      org: 'xntg',
      title: '特钢生产流动资金贷款',
      description: '冬季原燃料集中储备，需补充流动资金用于铁精粉、焦炭采购。',
    },
    {
      amount: wanToYuan(30_000),
      termMonths: 12,
      purpose: 'working_capital',
      collateral: '存货及应收账款质押',
      guaranteeNeeded: false,
    },
    {
      annualRevenue: wanToYuan(1_150_000),
      totalAssets: wanToYuan(2_280_000),
      debtRatioPercent: 78.6,
      notes: '资产负债率偏高，拟以应收账款质押为主，避免新增担保。',
    },
  ),
  financing(
    {
      key: 'be-qinghua-project',
      session: BE,
      org: 'qinghua',
      title: '钢铁一体化项目建设贷款',
      description: '木里焦煤就地转化、焦化与钢铁一体化项目二期，已列入省重点项目。',
    },
    {
      amount: wanToYuan(50_000),
      termMonths: 120,
      purpose: 'project',
      collateral: '土地使用权及在建工程抵押',
      guaranteeNeeded: true,
    },
    { annualRevenue: wanToYuan(620_000), totalAssets: wanToYuan(1_450_000), debtRatioPercent: 71.2 },
  ),
  financing(
    {
      key: 'be-hhxy-working',
      session: BE,
      org: 'hhxy',
      title: '电解铝生产流动资金',
      description: '氧化铝、预焙阳极采购资金需求，希望以承兑汇票方式部分解决。',
    },
    {
      amount: wanToYuan(15_000),
      termMonths: 12,
      purpose: 'working_capital',
      collateral: '铝锭存货质押',
      guaranteeNeeded: false,
    },
  ),
  financing(
    {
      key: 'be-asia-silicon-project',
      session: BE,
      org: 'asia-silicon',
      title: '电子级多晶硅扩产项目贷款',
      description: '新建电子级多晶硅生产线，项目已取得备案和能评批复。',
    },
    {
      amount: wanToYuan(80_000),
      termMonths: 96,
      purpose: 'project',
      collateral: '项目土地、厂房及设备抵押',
      guaranteeNeeded: false,
    },
    { annualRevenue: wanToYuan(900_000), totalAssets: wanToYuan(1_600_000), debtRatioPercent: 52.4 },
  ),
  financing(
    {
      key: 'be-zxml-fluegas',
      session: BE,
      org: 'zxml',
      title: '碳化硅冶炼烟气净化技术改造',
      description: '采用移动式集气罩收集冶炼烟气，粉尘排放浓度控制在200毫克/立方米以下。',
    },
    {
      amount: wanToYuan(1_200),
      termMonths: 36,
      purpose: 'technical_upgrade',
      collateral: '机器设备抵押',
      guaranteeNeeded: true,
    },
    {
      annualRevenue: wanToYuan(28_000),
      debtRatioPercent: 63.5,
      notes: '环保改造不完成将面临限产，贷款到位时间希望在2027年3月前。',
    },
  ),
  financing(
    {
      key: 'be-jyn-upgrade',
      session: BE,
      org: 'jyn',
      title: '单晶拉棒及切片产线技术升级',
      description: '更换大尺寸单晶炉和金刚线切片机，提高硅片良率。',
    },
    {
      amount: wanToYuan(6_000),
      termMonths: 48,
      purpose: 'technical_upgrade',
      collateral: '设备抵押',
      guaranteeNeeded: true,
    },
  ),
  financing(
    {
      key: 'be-kangtai-upgrade',
      session: BE,
      org: 'kangtai',
      title: '大型锻件数控化改造',
      description: '新增数控锻压设备和热处理炉，承接风电、矿山装备大型锻件订单。',
    },
    {
      amount: wanToYuan(2_000),
      termMonths: 36,
      purpose: 'technical_upgrade',
      collateral: '厂房抵押',
      guaranteeNeeded: true,
    },
    { annualRevenue: wanToYuan(18_500), totalAssets: wanToYuan(32_000), debtRatioPercent: 58 },
  ),
  financing(
    {
      key: 'be-taifeng-project',
      session: BE,
      org: 'taifeng',
      title: '锂电正极材料二期项目贷款',
      description: '新增磷酸铁锂正极材料产能，原料碳酸锂拟由省内盐湖企业供应。',
    },
    {
      amount: wanToYuan(12_000),
      termMonths: 84,
      purpose: 'project',
      collateral: '项目资产抵押',
      guaranteeNeeded: true,
    },
  ),
  financing(
    {
      key: 'be-hscement-upgrade',
      session: BE,
      org: 'hs-cement',
      title: '水泥窑余热发电及脱硝改造',
      description: '新建余热电站并实施SNCR脱硝，年节约标煤约1.2万吨。',
    },
    {
      amount: wanToYuan(4_000),
      termMonths: 60,
      purpose: 'technical_upgrade',
      collateral: '采矿权及设备抵押',
      guaranteeNeeded: false,
    },
  ),
  financing(
    {
      key: 'be-zangyang-working',
      session: BE,
      org: 'zangyang',
      title: '藏毯出口订单流动资金',
      description: '羊毛原料集中收购及出口订单备货资金。',
    },
    {
      amount: wanToYuan(5_000),
      termMonths: 12,
      purpose: 'working_capital',
      collateral: '应收出口账款质押',
      guaranteeNeeded: true,
    },
  ),
  financing(
    {
      key: 'be-jingzhu-gmp',
      session: BE,
      org: 'jingzhu',
      title: '藏药生产线GMP改造',
      description: '丸剂、散剂车间自动化改造和质量检测中心建设。',
    },
    {
      amount: wanToYuan(2_500),
      termMonths: 48,
      purpose: 'technical_upgrade',
      collateral: '房产抵押',
      guaranteeNeeded: false,
    },
  ),
  financing(
    {
      key: 'be-jhy-purchase',
      session: BE,
      org: 'jhy',
      title: '牦牛、藏羊收购旺季流动资金',
      description: '秋冬季集中收购活畜及冷库储备资金需求。',
    },
    { amount: wanToYuan(1_500), termMonths: 9, purpose: 'working_capital', guaranteeNeeded: true },
    { annualRevenue: wanToYuan(12_000), debtRatioPercent: 46.3, notes: '冷库存货可作质押，但评估价值偏低。' },
  ),
  financing(
    {
      key: 'be-myqk-seed',
      session: BE,
      org: 'myqk',
      title: '青稞良种及农机购置周转资金',
      description: '合作社统一采购青稞良种、化肥和收割机械。',
    },
    { amount: wanToYuan(80), termMonths: 12, purpose: 'working_capital', guaranteeNeeded: true },
  ),
  financing(
    {
      key: 'be-chaoyang-coldchain',
      session: BE,
      org: 'chaoyang-lp',
      title: '冷链仓储配送中心建设贷款',
      description: '建设2万吨冷库和城市配送中心，服务高原特色农畜产品流通。',
    },
    {
      amount: wanToYuan(8_000),
      termMonths: 96,
      purpose: 'project',
      collateral: '土地使用权抵押',
      guaranteeNeeded: false,
    },
  ),
  financing(
    {
      key: 'be-qhjg1-housing',
      session: BE,
      org: 'qhjg1',
      title: '保障性住房项目施工流动资金',
      description: '保障性住房项目垫资施工及大宗建材预付款。',
    },
    {
      amount: wanToYuan(10_000),
      termMonths: 24,
      purpose: 'working_capital',
      collateral: '工程应收款质押',
      guaranteeNeeded: true,
    },
  ),
];

const upstreamDownstreamListings: DemoListing[] = [
  // 铁精粉 → 钢材 → 建筑业; 焦炭 → 钢铁.
  supply(
    {
      key: 'ud-cdm-ironconc',
      session: UD,
      org: 'cdm-mining',
      title: '铁精粉供应',
      description: '海西州自有矿山，铁路专用线直发西宁。',
    },
    {
      category: 'iron_ore_concentrate',
      specification: 'TFe≥65%，水分≤9%',
      quantity: 600_000,
      unit: '吨',
      priceMin: 850,
      priceMax: 950,
      ...YEAR_2027,
      region: '632802',
    },
  ),
  demand(
    {
      key: 'ud-xntg-ironconc',
      session: UD,
      org: 'xntg',
      title: '采购铁精粉（优先省内）',
      description: '2027年炼铁用铁精粉，省内供应优先，可签年度长协。',
    },
    {
      category: 'iron_ore_concentrate',
      specification: 'TFe≥64%，S≤0.3%',
      quantity: 800_000,
      unit: '吨',
      priceMin: 820,
      priceMax: 920,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  demand(
    {
      key: 'ud-xntg-coke',
      session: UD,
      org: 'xntg',
      title: '采购冶金焦',
      description: '高炉用二级及以上冶金焦，按月均衡到货。',
    },
    {
      category: 'coke',
      specification: '二级冶金焦，灰分≤13.5%',
      quantity: 250_000,
      unit: '吨',
      priceMin: 1_800,
      priceMax: 2_050,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  supply(
    {
      key: 'ud-qinghua-coke',
      session: UD,
      org: 'qinghua',
      title: '冶金焦炭供应',
      description: '木里焦煤就地转化，年产能120万吨。',
    },
    {
      category: 'coke',
      specification: '二级冶金焦',
      quantity: 300_000,
      unit: '吨',
      priceMin: 1_900,
      priceMax: 2_100,
      ...YEAR_2027,
      region: '632821',
    },
  ),
  supply(
    {
      key: 'ud-qinghua-steel',
      session: UD,
      org: 'qinghua',
      title: '建筑用钢材供应',
      description: '钢铁一体化项目产品：线材、螺纹钢、中厚板。',
    },
    {
      category: 'steel',
      specification: '线材、螺纹钢HRB400E、中厚板Q355B',
      quantity: 200_000,
      unit: '吨',
      priceMin: 3_700,
      priceMax: 3_950,
      ...YEAR_2027,
      region: '632821',
    },
  ),
  supply(
    {
      key: 'ud-xntg-specialbar',
      session: UD,
      org: 'xntg',
      title: '合金结构钢、轴承钢棒材',
      description: '供省内锻造和装备制造企业，可按图定制规格。',
    },
    {
      category: 'special_steel_bar',
      specification: '42CrMo、GCr15，Φ60–300mm',
      quantity: 30_000,
      unit: '吨',
      priceMin: 5_200,
      priceMax: 6_400,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  demand(
    {
      key: 'ud-crcc21-steel',
      session: UD,
      org: 'crcc21',
      title: '西宁至成都铁路青海段钢材需求',
      description: '桥梁、隧道及站房工程用钢，同质同价优先选用省内产品。',
    },
    {
      category: 'steel',
      specification: '螺纹钢HRB400E、型钢、钢板',
      quantity: 150_000,
      unit: '吨',
      priceMin: 3_650,
      priceMax: 3_900,
      ...SEASON_2027,
      region: '630100',
    },
  ),
  // 铝锭 → 铝材压延加工.
  supply(
    {
      key: 'ud-chalco-ingot',
      session: UD,
      org: 'chalco-qh',
      title: '重熔用铝锭',
      description: '省内压延企业可提供铝液直供，降低重熔能耗。',
    },
    {
      category: 'aluminium_ingot',
      specification: 'Al99.70，亦可铝液直供',
      quantity: 100_000,
      unit: '吨',
      priceMin: 18_500,
      priceMax: 19_300,
      ...YEAR_2027,
      region: '630121',
    },
  ),
  supply(
    {
      key: 'ud-hhxy-ingot',
      session: UD,
      org: 'hhxy',
      title: '电解铝锭供应',
      description: '西宁经济技术开发区甘河工业园区交货。',
    },
    {
      category: 'aluminium_ingot',
      specification: 'Al99.70',
      quantity: 80_000,
      unit: '吨',
      priceMin: 18_400,
      priceMax: 19_200,
      ...YEAR_2027,
      region: '630106',
    },
  ),
  demand(
    {
      key: 'ud-ruihe-ingot',
      session: UD,
      org: 'ruihe',
      title: '铝箔坯料用铝锭采购',
      description: '电子铝箔、电池铝箔生产用铝锭或铝液，希望就近长协供应。',
    },
    {
      category: 'aluminium_ingot',
      specification: 'Al99.70及以上，Fe≤0.12%',
      quantity: 30_000,
      unit: '吨',
      priceMin: 18_300,
      priceMax: 19_100,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  // 碳化硅、多晶硅、单晶硅、切片 → 组件 → 光伏发电.
  supply(
    {
      key: 'ud-asia-silicon-poly',
      session: UD,
      org: 'asia-silicon',
      title: '太阳能级多晶硅',
      description: '改良西门子法致密料、菜花料，可签季度定价长协。',
    },
    {
      category: 'polysilicon',
      specification: '太阳能级一级品，致密料≥90%',
      quantity: 6_000,
      unit: '吨',
      priceMin: 42_000,
      priceMax: 55_000,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  supply(
    {
      key: 'ud-zxml-sic',
      session: UD,
      org: 'zxml',
      title: '黑碳化硅、绿碳化硅',
      description: '冶炼烟气治理已完成，产品可用于切割刃料和耐火材料。',
    },
    {
      category: 'silicon_carbide',
      specification: 'SiC≥98%，粒度F230–F1200',
      quantity: 20_000,
      unit: '吨',
      priceMin: 5_500,
      priceMax: 7_000,
      ...YEAR_2027,
      region: '630121',
    },
  ),
  demand(
    {
      key: 'ud-jyn-poly',
      session: UD,
      org: 'jyn',
      title: '单晶拉棒用多晶硅采购',
      description: '优先采购省内多晶硅，运距短、可减少包装损耗。',
    },
    {
      category: 'polysilicon',
      specification: '太阳能级致密料',
      quantity: 2_000,
      unit: '吨',
      priceMin: 40_000,
      priceMax: 52_000,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  supply(
    {
      key: 'ud-jyn-wafer',
      session: UD,
      org: 'jyn',
      title: '单晶硅片',
      description: '182/210尺寸N型单晶硅片。',
    },
    {
      category: 'silicon_wafer',
      specification: 'N型 182mm，厚度130μm',
      quantity: 60_000_000,
      unit: '件',
      priceMin: 1,
      priceMax: 2,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  demand(
    {
      key: 'ud-spic-wafer',
      session: UD,
      org: 'spic-xn',
      title: '组件电池片用硅片采购',
      description: '年度框架采购，按月下单。',
    },
    {
      category: 'silicon_wafer',
      specification: 'N型 182mm',
      quantity: 40_000_000,
      unit: '件',
      priceMin: 1,
      priceMax: 2,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  supply(
    {
      key: 'ud-spic-module',
      session: UD,
      org: 'spic-xn',
      title: '高效光伏组件',
      description: '满足高海拔、强紫外线环境要求，可为省内电站“三同”条件下优先供货。',
    },
    {
      category: 'pv_module',
      specification: 'N型TOPCon双面组件 580W+',
      quantity: 300,
      unit: '兆瓦',
      priceMin: 720_000,
      priceMax: 820_000,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  demand(
    {
      key: 'ud-hhsd-module',
      session: UD,
      org: 'hhsd',
      title: '共和光伏园区电站组件采购',
      description: '2027年新建光伏电站项目组件需求，同等条件下优先采购省内产品。',
    },
    {
      category: 'pv_module',
      specification: '双面组件 ≥570W，首年衰减≤1%',
      quantity: 500,
      unit: '兆瓦',
      priceMin: 700_000,
      priceMax: 800_000,
      ...SEASON_2027,
      region: '632521',
    },
  ),
  // 采选 → 金属压延 → 装备制造.
  supply(
    {
      key: 'ud-wmc-concentrate',
      session: UD,
      org: 'wmc',
      title: '铅锌精矿、铜精矿供应',
      description: '锡铁山矿区产品，可供省内冶炼及压延加工企业。',
    },
    {
      category: 'nonferrous_mining',
      specification: '锌精矿Zn≥48%，铅精矿Pb≥60%',
      quantity: 50_000,
      unit: '吨',
      priceMin: 13_000,
      priceMax: 16_000,
      ...YEAR_2027,
      region: '632800',
    },
  ),
  demand(
    {
      key: 'ud-jgnc-ore',
      session: UD,
      org: 'jgnc',
      title: '镍、铬原料采购',
      description: '镍铬合金冶炼用有色金属原料，长期稳定采购。',
    },
    {
      category: 'nonferrous_mining',
      specification: '镍精矿Ni≥6%',
      quantity: 8_000,
      unit: '吨',
      priceMin: 14_000,
      priceMax: 18_000,
      ...YEAR_2027,
      region: '630106',
    },
  ),
  supply(
    {
      key: 'ud-jgnc-strip',
      session: UD,
      org: 'jgnc',
      title: '镍铬合金带材、丝材',
      description: '电热合金及装备配套用精密压延材。',
    },
    {
      category: 'metal_rolling',
      specification: 'Cr20Ni80 带材 0.1–3mm',
      quantity: 800,
      unit: '吨',
      priceMin: 110_000,
      priceMax: 130_000,
      ...YEAR_2027,
      region: '630106',
    },
  ),
  demand(
    {
      key: 'ud-huading-rolled',
      session: UD,
      org: 'huading',
      title: '机床电气配套用合金压延材',
      description: '数控机床电热及电气配套用精密合金带材，省内配套优先。',
    },
    {
      category: 'metal_rolling',
      specification: '精密合金带材 0.2–2mm',
      quantity: 400,
      unit: '吨',
      priceMin: 105_000,
      priceMax: 125_000,
      ...YEAR_2027,
      region: '630203',
    },
  ),
  demand(
    {
      key: 'ud-kangtai-bar',
      session: UD,
      org: 'kangtai',
      title: '锻造用合金结构钢棒材',
      description: '大型锻件用42CrMo等合金钢，要求省内就近供货。',
    },
    {
      category: 'special_steel_bar',
      specification: '42CrMo Φ200–300mm',
      quantity: 12_000,
      unit: '吨',
      priceMin: 5_300,
      priceMax: 6_200,
      ...YEAR_2027,
      region: '630106',
    },
  ),
  supply(
    {
      key: 'ud-kangtai-forgings',
      session: UD,
      org: 'kangtai',
      title: '大型自由锻件',
      description: '齿轮坯、轴类、法兰等锻件，可按图加工。',
    },
    {
      category: 'forgings',
      specification: '单件0.5–20吨',
      quantity: 3_000,
      unit: '吨',
      priceMin: 12_000,
      priceMax: 15_000,
      ...YEAR_2027,
      region: '630106',
    },
  ),
  demand(
    {
      key: 'ud-huading-forgings',
      session: UD,
      org: 'huading',
      title: '机床主轴及齿轮锻件采购',
      description: '省内配套优先，要求提供材质证明和探伤报告。',
    },
    {
      category: 'forgings',
      specification: '主轴、齿轮坯 40Cr/42CrMo',
      quantity: 2_000,
      unit: '吨',
      priceMin: 11_500,
      priceMax: 14_500,
      ...YEAR_2027,
      region: '630203',
    },
  ),
  // Salt lake: 钾肥, 碳酸锂 → 锂电材料.
  supply(
    {
      key: 'ud-saltlake-lithium',
      session: UD,
      org: 'salt-lake',
      title: '电池级碳酸锂',
      description: '察尔汗盐湖卤水提锂产品，优先保障省内锂电材料企业。',
    },
    {
      category: 'lithium_carbonate',
      specification: '电池级 Li2CO3≥99.5%',
      quantity: 5_000,
      unit: '吨',
      priceMin: 75_000,
      priceMax: 90_000,
      ...YEAR_2027,
      region: '632801',
    },
  ),
  demand(
    {
      key: 'ud-taifeng-lithium',
      session: UD,
      org: 'taifeng',
      title: '正极材料用碳酸锂采购',
      description: '磷酸铁锂正极材料二期项目投产后原料需求。',
    },
    {
      category: 'lithium_carbonate',
      specification: '电池级',
      quantity: 1_200,
      unit: '吨',
      priceMin: 72_000,
      priceMax: 88_000,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  supply(
    {
      key: 'ud-saltlake-potash',
      session: UD,
      org: 'salt-lake',
      title: '氯化钾（钾肥）',
      description: '农用及工业用氯化钾，铁路发运。',
    },
    {
      category: 'potash',
      specification: 'K2O≥60%',
      quantity: 500_000,
      unit: '吨',
      priceMin: 2_600,
      priceMax: 2_900,
      ...YEAR_2027,
      region: '632801',
    },
  ),
  demand(
    {
      key: 'ud-qhwc-potash',
      session: UD,
      org: 'qhwc',
      title: '钾肥采购（复合肥配套及农资分销）',
      description: '供省内复合肥生产企业和农资分销网点。',
    },
    {
      category: 'potash',
      specification: 'K2O≥57%',
      quantity: 100_000,
      unit: '吨',
      priceMin: 2_500,
      priceMax: 2_850,
      ...H1_2027,
      region: '630103',
    },
  ),
];

const producerDistributorListings: DemoListing[] = [
  supply(
    {
      key: 'pd-saltlake-potash',
      session: PD,
      org: 'salt-lake',
      title: '袋装钾肥进入农资流通渠道',
      description: '50公斤编织袋包装，可配送至州县农资站。',
    },
    {
      category: 'potash',
      specification: 'K2O≥57%，50kg/袋',
      quantity: 80_000,
      unit: '吨',
      priceMin: 2_700,
      priceMax: 3_000,
      ...H1_2027,
      region: '632801',
    },
  ),
  supply(
    {
      key: 'pd-zangyang-carpet',
      session: PD,
      org: 'zangyang',
      title: '藏毯产品推介',
      description: '手工及机织藏毯，可为商场、酒店、物流园区展销中心供货。',
    },
    {
      category: 'tibetan_carpet',
      specification: '手工打结90道、机织藏毯',
      quantity: 200_000,
      unit: '平方米',
      priceMin: 300,
      priceMax: 1_200,
      ...YEAR_2027,
      region: '630102',
    },
  ),
  supply(
    {
      key: 'pd-jingzhu-medicine',
      session: PD,
      org: 'jingzhu',
      title: '藏药制剂及藏药保健产品',
      description: '二十五味系列丸剂、散剂，可进入医药物流配送体系。',
    },
    {
      category: 'tibetan_medicine',
      specification: '盒装',
      quantity: 500_000,
      unit: '件',
      priceMin: 30,
      priceMax: 120,
      ...YEAR_2027,
      region: '630104',
    },
  ),
  supply(
    {
      key: 'pd-jhy-yak',
      session: PD,
      org: 'jhy',
      title: '牦牛肉（冷鲜、冷冻、熟食）',
      description: '三江源草原放牧牦牛，可提供冷链配送。',
    },
    {
      category: 'yak_meat',
      specification: '分割冷冻肉、风干牦牛肉',
      quantity: 3_000,
      unit: '吨',
      priceMin: 80_000,
      priceMax: 95_000,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  supply(
    {
      key: 'pd-jhy-sheep',
      session: PD,
      org: 'jhy',
      title: '藏羊肉',
      description: '高原藏羊分割肉，冬春两季集中供应。',
    },
    {
      category: 'tibetan_sheep_meat',
      specification: '分割冷冻',
      quantity: 1_500,
      unit: '吨',
      priceMin: 85_000,
      priceMax: 100_000,
      ...H1_2027,
      region: '630105',
    },
  ),
  supply(
    {
      key: 'pd-hzqk-liquor',
      session: PD,
      org: 'hzqk',
      title: '青稞酒系列产品',
      description: '商超、批发市场渠道供货，支持节日促销。',
    },
    {
      category: 'qingke_liquor',
      specification: '42度、52度，6瓶/件',
      quantity: 2_000_000,
      unit: '件',
      priceMin: 300,
      priceMax: 900,
      ...YEAR_2027,
      region: '630223',
    },
  ),
  supply(
    {
      key: 'pd-myqk-barley',
      session: PD,
      org: 'myqk',
      title: '门源青稞原粮',
      description: '合作社统一种植、统一收购的白青稞、黑青稞。',
    },
    {
      category: 'highland_barley',
      specification: '白青稞、黑青稞，水分≤13%',
      quantity: 5_000,
      unit: '吨',
      priceMin: 3_200,
      priceMax: 3_800,
      deliveryFrom: '2027-09-01',
      deliveryTo: '2027-12-31',
      region: '632221',
    },
  ),
  demand(
    {
      key: 'pd-xinqian-yak',
      session: PD,
      org: 'xinqian',
      title: '门店牦牛肉、藏羊肉采购',
      description: '全省门店生鲜及熟食专柜，要求冷链直送。',
    },
    {
      category: 'yak_meat',
      specification: '冷鲜分割、真空包装',
      quantity: 300,
      unit: '吨',
      priceMin: 82_000,
      priceMax: 96_000,
      ...YEAR_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'pd-xinqian-liquor',
      session: PD,
      org: 'xinqian',
      title: '本地酒水专柜采购',
      description: '本省特色酒水专柜常年采购。',
    },
    {
      category: 'qingke_liquor',
      specification: '42度为主',
      quantity: 50_000,
      unit: '件',
      priceMin: 280,
      priceMax: 800,
      ...YEAR_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'pd-lz-yak',
      session: PD,
      org: 'lz-market',
      title: '牦牛肉批发采购（甘肃市场）',
      description: '兰州及周边批发渠道，冷链车辆自提。',
    },
    {
      category: 'yak_meat',
      specification: '冷冻分割肉',
      quantity: 800,
      unit: '吨',
      priceMin: 78_000,
      priceMax: 90_000,
      ...YEAR_2027,
      region: '620100',
    },
  ),
  demand(
    {
      key: 'pd-lz-barley',
      session: PD,
      org: 'lz-market',
      title: '青稞原粮采购',
      description: '用于青稞米、青稞面加工及批发。',
    },
    {
      category: 'highland_barley',
      specification: '水分≤13%，杂质≤1%',
      quantity: 2_000,
      unit: '吨',
      priceMin: 3_100,
      priceMax: 3_600,
      deliveryFrom: '2027-09-15',
      deliveryTo: '2027-12-31',
      region: '620100',
    },
  ),
  demand(
    {
      key: 'pd-chaoyang-carpet',
      session: PD,
      org: 'chaoyang-lp',
      title: '物流园区特色商品展销中心藏毯采购',
      description: '展销中心及电商配送仓备货。',
    },
    {
      category: 'tibetan_carpet',
      specification: '机织藏毯为主',
      quantity: 20_000,
      unit: '平方米',
      priceMin: 280,
      priceMax: 900,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  demand(
    {
      key: 'pd-chaoyang-medicine',
      session: PD,
      org: 'chaoyang-lp',
      title: '医药物流中心藏药配送需求',
      description: '为省内医疗机构和药店统一配送。',
    },
    {
      category: 'tibetan_medicine',
      specification: '盒装制剂',
      quantity: 100_000,
      unit: '件',
      priceMin: 30,
      priceMax: 110,
      ...YEAR_2027,
      region: '630105',
    },
  ),
  demand(
    {
      key: 'pd-qhwc-potash',
      session: PD,
      org: 'qhwc',
      title: '春耕农资钾肥配送',
      description: '2027年春耕期间州县农资网点配送。',
    },
    {
      category: 'potash',
      specification: '袋装 K2O≥57%',
      quantity: 30_000,
      unit: '吨',
      priceMin: 2_650,
      priceMax: 2_950,
      deliveryFrom: '2027-02-15',
      deliveryTo: '2027-05-15',
      region: '630103',
    },
  ),
];

const buildingMaterialsListings: DemoListing[] = [
  supply(
    {
      key: 'bm-xntg-rebar',
      session: BM,
      org: 'xntg',
      title: '螺纹钢（列入省内建材供应名录）',
      description: '保障性住房项目同质同价同服务供应，可直送工地。',
    },
    {
      category: 'rebar',
      specification: 'HRB400E Φ12–32mm',
      quantity: 120_000,
      unit: '吨',
      priceMin: 3_650,
      priceMax: 3_900,
      ...SEASON_2027,
      region: '630105',
    },
  ),
  supply(
    {
      key: 'bm-qinghua-rebar',
      session: BM,
      org: 'qinghua',
      title: '螺纹钢、线材',
      description: '海西地区及玉树方向项目运距优势明显。',
    },
    {
      category: 'rebar',
      specification: 'HRB400E Φ10–28mm，线材Φ6.5–10mm',
      quantity: 80_000,
      unit: '吨',
      priceMin: 3_620,
      priceMax: 3_880,
      ...SEASON_2027,
      region: '632821',
    },
  ),
  supply(
    {
      key: 'bm-hscement-cement',
      session: BM,
      org: 'hs-cement',
      title: '普通硅酸盐水泥',
      description: '散装、袋装均可，自有罐车配送西宁、海东地区。',
    },
    {
      category: 'cement',
      specification: 'P.O 42.5、P.C 32.5R',
      quantity: 600_000,
      unit: '吨',
      priceMin: 420,
      priceMax: 480,
      ...SEASON_2027,
      region: '630106',
    },
  ),
  supply(
    {
      key: 'bm-kunlun-concrete',
      session: BM,
      org: 'kunlun-jc',
      title: '商品混凝土',
      description: '格尔木、德令哈两个搅拌站供应。',
    },
    {
      category: 'ready_mix_concrete',
      specification: 'C30、C35，抗冻等级F200',
      quantity: 200_000,
      unit: '立方米',
      priceMin: 380,
      priceMax: 430,
      ...SEASON_2027,
      region: '632801',
    },
  ),
  supply(
    {
      key: 'bm-kunlun-blocks',
      session: BM,
      org: 'kunlun-jc',
      title: '蒸压加气混凝土砌块',
      description: '保温性能适合高寒地区住宅。',
    },
    {
      category: 'wall_blocks',
      specification: 'B06 A5.0',
      quantity: 150_000,
      unit: '立方米',
      priceMin: 220,
      priceMax: 260,
      ...SEASON_2027,
      region: '632801',
    },
  ),
  demand(
    {
      key: 'bm-qhjg1-rebar',
      session: BM,
      org: 'qhjg1',
      title: '西宁市保障性住房项目螺纹钢需求',
      description: '2027年承建保障性住房约45万平方米。',
    },
    {
      category: 'rebar',
      specification: 'HRB400E Φ12–25mm',
      quantity: 50_000,
      unit: '吨',
      priceMin: 3_600,
      priceMax: 3_880,
      ...SEASON_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'bm-qhjg1-cement',
      session: BM,
      org: 'qhjg1',
      title: '保障性住房项目水泥需求',
      description: '分批次供应，要求提供出厂检验报告。',
    },
    {
      category: 'cement',
      specification: 'P.O 42.5',
      quantity: 200_000,
      unit: '吨',
      priceMin: 410,
      priceMax: 470,
      ...SEASON_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'bm-qhjg1-blocks',
      session: BM,
      org: 'qhjg1',
      title: '填充墙砌块需求',
      description: '保障性住房填充墙用。',
    },
    {
      category: 'wall_blocks',
      specification: 'B06 A3.5–A5.0',
      quantity: 80_000,
      unit: '立方米',
      priceMin: 210,
      priceMax: 255,
      ...SEASON_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'bm-bucg-rebar',
      session: BM,
      org: 'bucg',
      title: '玉树援建保障性住房项目螺纹钢',
      description: '援建项目同等条件下优先使用省内建材。',
    },
    {
      category: 'rebar',
      specification: 'HRB400E',
      quantity: 20_000,
      unit: '吨',
      priceMin: 3_700,
      priceMax: 4_000,
      deliveryFrom: '2027-04-15',
      deliveryTo: '2027-09-30',
      region: '632701',
    },
  ),
  demand(
    {
      key: 'bm-bucg-cement',
      session: BM,
      org: 'bucg',
      title: '玉树援建项目水泥',
      description: '高海拔冬季施工，要求早强型水泥。',
    },
    {
      category: 'cement',
      specification: 'P.O 42.5R',
      quantity: 80_000,
      unit: '吨',
      priceMin: 460,
      priceMax: 540,
      deliveryFrom: '2027-04-15',
      deliveryTo: '2027-09-30',
      region: '632701',
    },
  ),
  demand(
    {
      key: 'bm-bucg-insulation',
      session: BM,
      org: 'bucg',
      title: '外墙保温材料',
      description: '高寒地区住宅外墙保温，A级防火。',
    },
    {
      category: 'insulation',
      specification: '岩棉板 A级',
      quantity: 30_000,
      unit: '立方米',
      priceMin: 500,
      priceMax: 650,
      deliveryFrom: '2027-05-01',
      deliveryTo: '2027-09-30',
      region: '632701',
    },
  ),
  demand(
    {
      key: 'bm-crcc21-cement',
      session: BM,
      org: 'crcc21',
      title: '铁路站房及配套安置住房水泥需求',
      description: '西宁至成都铁路青海段站房及配套安置住房工程。',
    },
    {
      category: 'cement',
      specification: 'P.O 42.5、P.O 52.5',
      quantity: 300_000,
      unit: '吨',
      priceMin: 420,
      priceMax: 500,
      ...SEASON_2027,
      region: '630100',
    },
  ),
  demand(
    {
      key: 'bm-crcc21-concrete',
      session: BM,
      org: 'crcc21',
      title: '商品混凝土需求（海西段配套工程）',
      description: '格尔木地区配套工程。',
    },
    {
      category: 'ready_mix_concrete',
      specification: 'C35 抗冻',
      quantity: 60_000,
      unit: '立方米',
      priceMin: 390,
      priceMax: 440,
      ...SEASON_2027,
      region: '632801',
    },
  ),
];

export const DEMO_LISTINGS: DemoListing[] = [
  ...bankEnterpriseListings,
  ...upstreamDownstreamListings,
  ...producerDistributorListings,
  ...buildingMaterialsListings,
];

/**
 * Agreed negotiation meetings: in the bank–enterprise session they wait for the organiser's
 * scheduler (console → 洽谈排程); in the producer–distributor session some are booked already.
 * 西宁特钢 (xntg) and 黄河鑫业 (hhxy) have none: the matchmaking browser test asks for theirs.
 */
export const DEMO_MEETINGS: DemoMeeting[] = [
  { from: 'jyn', about: 'be-icbc-techloan', own: 'be-jyn-upgrade', topic: '技术改造贷款额度、期限与抵押方式' },
  { from: 'hs-cement', about: 'be-boc-working', own: 'be-hscement-upgrade', topic: '流动资金贷款及以承兑汇票结算上下游货款' },
  { from: 'qinghua', about: 'be-cdb-project', own: 'be-qinghua-project', topic: '项目贷款的资本金比例与还款安排' },
  { from: 'taifeng', about: 'be-cdb-project', own: 'be-taifeng-project', topic: '项目贷款期限与分期提款' },
  { from: 'asia-silicon', about: 'be-ccb-newenergy', own: 'be-asia-silicon-project', topic: '多晶硅扩产项目的新能源专项贷款' },
  { from: 'zxml', about: 'be-icbc-techloan', own: 'be-zxml-fluegas', topic: '烟气治理改造贷款' },
  { from: 'kangtai', about: 'be-icbc-techloan', own: 'be-kangtai-upgrade', topic: '设备更新改造贷款' },
  { from: 'jingzhu', about: 'be-qhbank-smallmicro', own: 'be-jingzhu-gmp', topic: 'GMP改造的中小企业贷款' },
  { from: 'jhy', about: 'be-abc-agri', own: 'be-jhy-purchase', topic: '牦牛收购旺季流动资金' },
  { from: 'jhy', about: 'be-qhcg-capacity', own: 'be-jhy-purchase', topic: '收购贷款的融资担保' },
  { from: 'myqk', about: 'be-abc-agri', own: 'be-myqk-seed', topic: '青稞良种收购贷款' },
  { from: 'chaoyang-lp', about: 'be-qhbank-smallmicro', own: 'be-chaoyang-coldchain', topic: '冷链仓储建设贷款' },
  { from: 'xinqian', about: 'pd-jhy-yak', own: 'pd-xinqian-yak', topic: '牦牛肉产品年度供货与门店陈列', slot: 1 },
  { from: 'lz-market', about: 'pd-jhy-yak', own: 'pd-lz-yak', topic: '牦牛肉批发价格与配送', slot: 2 },
  { from: 'xinqian', about: 'pd-hzqk-liquor', own: 'pd-xinqian-liquor', topic: '青稞酒进店与节日促销', slot: 2 },
  { from: 'lz-market', about: 'pd-myqk-barley', own: 'pd-lz-barley', topic: '青稞制品批发供货' },
  { from: 'chaoyang-lp', about: 'pd-zangyang-carpet', own: 'pd-chaoyang-carpet', topic: '藏毯仓储与物流配送', slot: 3 },
  { from: 'chaoyang-lp', about: 'pd-jingzhu-medicine', own: 'pd-chaoyang-medicine', topic: '藏药冷链配送' },
  { from: 'qhwc', about: 'pd-saltlake-potash', own: 'pd-qhwc-potash', topic: '钾肥年度采购与运输' },
];

// ---- the follow-up half: agreements, reports, supervision, coordination ----

/**
 * The departments that answer problems routed to them (对接组成员单位): each an organiser
 * organisation of its own, with its own admin. The event's organiser (经信委) is the fourth.
 */
export const DEMO_DEPARTMENT_ORGANISATIONS: DemoOrganisation[] = [
  org('qhjrb', '青海省人民政府金融工作办公室', 'organiser', 'S92', '630100', 'medium', 42, '李金平', '0971-8247766', '王晓燕', '11'),
  org('qhswt', '青海省商务厅', 'organiser', 'S92', '630100', 'medium', 43, '赵国荣', '0971-6302211', '马文涛', '11'),
  org('qhzjt', '青海省住房和城乡建设厅', 'organiser', 'S92', '630100', 'medium', 44, '杨海军', '0971-8255432', '张红', '11'),
];

/** The event's departments, by the organisation (key) whose users answer for each. */
export const DEMO_DEPARTMENTS: { name: string; org: string }[] = [
  { name: '省金融办（财政金融组）', org: 'qhjrb' },
  { name: '省经信委（工业运行组）', org: 'qhjxw' },
  { name: '省商务厅（商贸流通组）', org: 'qhswt' },
  { name: '省住建厅（保障房建材组）', org: 'qhzjt' },
];

/** A ledger line of a report: an amount in yuan (what was approved, disbursed or delivered). */
export type DemoLedgerLine = { kind: LedgerEntryKind; amount: number };
/**
 * A progress report filed on time (two days before it fell due). `returned`: the organiser sends
 * it back with that reason and the party files it again (`refiled`), left for review; every other
 * report filed is accepted the next day.
 */
export type DemoReport = { narrative: string; problems?: string; lines: DemoLedgerLine[]; returned?: string; refiled?: string };
/**
 * An agreement drafted by the first party and signed by every party `signedDaysAgo` days before
 * the demo is loaded (negotiated ahead of the event and signed early, as the 2011 plan has the
 * key projects do), so its report schedule has run since then: `reports` are the ones filed, the
 * later reports already due are overdue.
 */
export type DemoAgreement = {
  key: string;
  session: string;
  kind: AgreementKind;
  title: string;
  amount: number;
  product?: string;
  quantity?: number;
  unit?: string;
  termMonths?: number;
  keyTerms: string;
  parties: { org: string; role: AgreementPartyRole }[];
  listings: string[];
  signedDaysAgo: number;
  reports?: DemoReport[];
};

const wan = (n: number) => wanToYuan(n);

export const DEMO_AGREEMENTS: DemoAgreement[] = [
  // ---- 银企对接: loans, a credit line and guarantees; the lender reports every two weeks ----
  {
    key: 'a-ccb-asia-silicon',
    session: BE,
    kind: 'loan',
    title: '亚洲硅业电子级多晶硅扩产项目固定资产贷款合同',
    amount: wan(80_000),
    termMonths: 96,
    keyTerms: '年利率3.45%（LPR减10个基点），按季付息；宽限期2年，其后按半年等额还本；以项目土地、厂房及设备抵押；按工程进度分次受托支付。',
    parties: [
      { org: 'asia-silicon', role: 'borrower' },
      { org: 'ccb-qh', role: 'lender' },
    ],
    listings: ['be-ccb-newenergy', 'be-asia-silicon-project'],
    signedDaysAgo: 63,
    reports: [
      { narrative: '贷款已完成总行审批，批复金额8亿元，抵押登记已办结。', lines: [{ kind: 'approved', amount: wan(80_000) }] },
      { narrative: '首笔贷款3亿元已按工程进度受托支付至设备供应商。', lines: [{ kind: 'disbursed', amount: wan(30_000) }] },
      {
        narrative: '第二笔贷款2亿元已发放。',
        lines: [{ kind: 'disbursed', amount: wan(20_000) }],
        returned: '请补充第二笔放款的借款借据编号及受托支付对象，并说明项目土建进度。',
        refiled: '第二笔贷款2亿元已于本期发放（借据编号 CCBQH-2026-0917），受托支付至中国化学工程第三建设有限公司；主厂房封顶，设备基础完成70%。',
      },
    ],
  },
  {
    key: 'a-cdb-qinghua',
    session: BE,
    kind: 'guarantee',
    title: '庆华钢铁一体化项目建设贷款及保证合同',
    amount: wan(50_000),
    termMonths: 120,
    keyTerms: '国开行提供项目贷款5亿元，期限10年（含宽限期3年），年利率3.30%；省信用担保集团提供连带责任保证，担保费率1%/年；项目资本金比例不低于30%。',
    parties: [
      { org: 'qinghua', role: 'borrower' },
      { org: 'cdb-qh', role: 'lender' },
      { org: 'qhcg', role: 'guarantor' },
    ],
    listings: ['be-cdb-project', 'be-qinghua-project', 'be-qhcg-capacity'],
    signedDaysAgo: 56,
    reports: [
      { narrative: '项目贷款已获总行批复，担保合同已生效。', lines: [{ kind: 'approved', amount: wan(50_000) }] },
      {
        narrative: '企业资本金尚未足额到位，首笔提款条件未满足，暂未放款。',
        problems: '项目资本金到位滞后约1.2亿元，需省金融办协调股东增资进度。',
        lines: [],
      },
    ],
  },
  {
    key: 'a-icbc-jyn',
    session: BE,
    kind: 'guarantee',
    title: '聚阳能单晶拉棒及切片产线技术改造贷款保证合同',
    amount: wan(6_000),
    termMonths: 48,
    keyTerms: '工商银行提供技术改造贷款6000万元，年利率3.65%，按季付息、分期还本；省信用担保集团提供保证，担保费率1%/年分年收取；以新购设备抵押反担保。',
    parties: [
      { org: 'jyn', role: 'borrower' },
      { org: 'icbc-qh', role: 'lender' },
      { org: 'qhcg', role: 'guarantor' },
    ],
    listings: ['be-icbc-techloan', 'be-jyn-upgrade', 'be-qhcg-capacity'],
    signedDaysAgo: 11,
  },
  {
    key: 'a-boc-hscement',
    session: BE,
    kind: 'credit_line',
    title: '湟水水泥综合授信协议（技改贷款及银行承兑汇票）',
    amount: wan(4_000),
    termMonths: 36,
    keyTerms: '授信额度4000万元，其中余热发电及脱硝改造项目贷款3000万元、银行承兑汇票1000万元（保证金30%）；以采矿权及设备抵押。',
    parties: [
      { org: 'hs-cement', role: 'borrower' },
      { org: 'boc-qh', role: 'lender' },
    ],
    listings: ['be-boc-working', 'be-hscement-upgrade'],
    signedDaysAgo: 45,
    reports: [
      { narrative: '授信已审批，额度4000万元。', lines: [{ kind: 'approved', amount: wan(4_000) }] },
      { narrative: '已发放技改贷款1500万元，开立承兑汇票500万元。', lines: [{ kind: 'disbursed', amount: wan(2_000) }] },
    ],
  },
  {
    key: 'a-abc-myqk',
    session: BE,
    kind: 'guarantee',
    title: '浩门青稞合作社良种及农机购置周转贷款保证合同',
    amount: wan(80),
    termMonths: 12,
    keyTerms: '农业银行发放周转贷款80万元，年利率4.35%，按月付息、到期还本；三江源融资担保提供保证，担保费率1.5%；社员联保。',
    parties: [
      { org: 'myqk', role: 'borrower' },
      { org: 'abc-qh', role: 'lender' },
      { org: 'sjy-guarantee', role: 'guarantor' },
    ],
    listings: ['be-abc-agri', 'be-myqk-seed', 'be-sjy-capacity'],
    signedDaysAgo: 3,
  },
  {
    key: 'a-qhbank-jingzhu',
    session: BE,
    kind: 'loan',
    title: '晶珠藏药生产线GMP改造贷款合同',
    amount: wan(2_500),
    termMonths: 48,
    keyTerms: '青海银行“助微贷”2500万元，年利率3.95%，按季付息、按年还本；以厂房及办公楼抵押。',
    parties: [
      { org: 'jingzhu', role: 'borrower' },
      { org: 'qhbank', role: 'lender' },
    ],
    listings: ['be-qhbank-smallmicro', 'be-jingzhu-gmp'],
    signedDaysAgo: 20,
    reports: [
      {
        narrative: '贷款已审批并一次性发放2500万元，用于GMP净化车间改造。',
        lines: [
          { kind: 'approved', amount: wan(2_500) },
          { kind: 'disbursed', amount: wan(2_500) },
        ],
      },
    ],
  },
  // ---- 上下游产业对接: supply contracts; the supplier reports every month ----
  {
    key: 'a-cdm-xntg-ironconc',
    session: UD,
    kind: 'supply_contract',
    title: '铁精粉2027年度供货合同',
    amount: 400_000 * 880,
    product: 'iron_ore_concentrate',
    quantity: 400_000,
    unit: '吨',
    termMonths: 12,
    keyTerms: 'TFe≥65%、水分≤9%；到厂价880元/吨，按月结算，随铁矿石指数季度调价；铁路运输至西宁特钢专用线，每月约3.3万吨。',
    parties: [
      { org: 'cdm-mining', role: 'supplier' },
      { org: 'xntg', role: 'buyer' },
    ],
    listings: ['ud-cdm-ironconc', 'ud-xntg-ironconc'],
    signedDaysAgo: 70,
    reports: [{ narrative: '首月发运铁精粉6万吨（含试运），质量检验合格。', lines: [{ kind: 'delivered', amount: 60_000 * 880 }] }],
  },
  {
    key: 'a-qinghua-xntg-coke',
    session: UD,
    kind: 'supply_contract',
    title: '冶金焦炭年度供货合同',
    amount: 200_000 * 1_950,
    product: 'coke',
    quantity: 200_000,
    unit: '吨',
    termMonths: 12,
    keyTerms: '二级冶金焦，灰分≤13.5%；1950元/吨到厂，月度均衡供货约1.7万吨，货到验收后30日内付款。',
    parties: [
      { org: 'qinghua', role: 'supplier' },
      { org: 'xntg', role: 'buyer' },
    ],
    listings: ['ud-qinghua-coke', 'ud-xntg-coke'],
    signedDaysAgo: 49,
    reports: [{ narrative: '本月供应冶金焦1.6万吨，已全部验收入库。', lines: [{ kind: 'delivered', amount: 16_000 * 1_950 }] }],
  },
  {
    key: 'a-saltlake-taifeng-lithium',
    session: UD,
    kind: 'supply_contract',
    title: '电池级碳酸锂供货合同',
    amount: 1_200 * 80_000,
    product: 'lithium_carbonate',
    quantity: 1_200,
    unit: '吨',
    termMonths: 12,
    keyTerms: '电池级 Li2CO3≥99.5%；基准价8万元/吨，按上海有色网月均价上下浮动结算；每月100吨，汽运至泰丰先行厂区。',
    parties: [
      { org: 'salt-lake', role: 'supplier' },
      { org: 'taifeng', role: 'buyer' },
    ],
    listings: ['ud-saltlake-lithium', 'ud-taifeng-lithium'],
    signedDaysAgo: 42,
    reports: [{ narrative: '首批碳酸锂100吨已交付，检测合格。', lines: [{ kind: 'delivered', amount: 100 * 80_000 }] }],
  },
  {
    key: 'a-hhxy-ruihe-ingot',
    session: UD,
    kind: 'supply_contract',
    title: '铝箔坯料用铝锭购销合同',
    amount: 30_000 * 18_800,
    product: 'aluminium_ingot',
    quantity: 30_000,
    unit: '吨',
    termMonths: 12,
    keyTerms: 'Al99.70，Fe≤0.12%；按长江有色现货月均价下浮100元/吨结算；每月2500吨，厂区直送。',
    parties: [
      { org: 'hhxy', role: 'supplier' },
      { org: 'ruihe', role: 'buyer' },
    ],
    listings: ['ud-hhxy-ingot', 'ud-ruihe-ingot'],
    signedDaysAgo: 5,
  },
  // ---- 生产企业与流通企业对接: distribution contracts; the producer reports every month ----
  {
    key: 'a-jhy-xinqian-yak',
    session: PD,
    kind: 'distribution',
    title: '牦牛肉产品进店销售合同',
    amount: 300 * 88_000,
    product: 'yak_meat',
    quantity: 300,
    unit: '吨',
    termMonths: 12,
    keyTerms: '冷鲜分割、真空包装牦牛肉，供货价8.8万元/吨；新千超市32家门店设青海特色专柜，每周配送两次，月结。',
    parties: [
      { org: 'jhy', role: 'producer' },
      { org: 'xinqian', role: 'distributor' },
    ],
    listings: ['pd-jhy-yak', 'pd-xinqian-yak'],
    signedDaysAgo: 56,
    reports: [{ narrative: '首月配送牦牛肉25吨，32家门店专柜已全部上架。', lines: [{ kind: 'delivered', amount: 25 * 88_000 }] }],
  },
  {
    key: 'a-saltlake-qhwc-potash',
    session: PD,
    kind: 'distribution',
    title: '春耕袋装钾肥经销合同',
    amount: 30_000 * 2_800,
    product: 'potash',
    quantity: 30_000,
    unit: '吨',
    termMonths: 6,
    keyTerms: 'K2O≥57%，50kg/袋；出厂价2800元/吨，省物产集团负责全省农资网点分销；2027年2月15日前到库不少于1.5万吨。',
    parties: [
      { org: 'salt-lake', role: 'producer' },
      { org: 'qhwc', role: 'distributor' },
    ],
    listings: ['pd-saltlake-potash', 'pd-qhwc-potash'],
    signedDaysAgo: 49,
  },
  {
    key: 'a-hzqk-xinqian-liquor',
    session: PD,
    kind: 'distribution',
    title: '青稞酒专柜经销合同',
    amount: 50_000 * 420,
    product: 'qingke_liquor',
    quantity: 50_000,
    unit: '件',
    termMonths: 12,
    keyTerms: '42度系列为主，供货价420元/件（6瓶）；春节、青洽会期间联合促销，促销费用双方各半。',
    parties: [
      { org: 'hzqk', role: 'producer' },
      { org: 'xinqian', role: 'distributor' },
    ],
    listings: ['pd-hzqk-liquor', 'pd-xinqian-liquor'],
    signedDaysAgo: 7,
  },
  // ---- 保障性住房大宗建材: supply contracts and a target responsibility letter ----
  {
    key: 'a-hscement-qhjg1-cement',
    session: BM,
    kind: 'supply_contract',
    title: '西宁市保障性住房项目水泥供应合同',
    amount: 200_000 * 440,
    product: 'cement',
    quantity: 200_000,
    unit: '吨',
    termMonths: 10,
    keyTerms: 'P.O 42.5，440元/吨送到工地；列入省保障性住房建材供应名录，价格不高于名录指导价；冬季停工期间暂停供货。',
    parties: [
      { org: 'hs-cement', role: 'producer' },
      { org: 'qhjg1', role: 'builder' },
    ],
    listings: ['bm-hscement-cement', 'bm-qhjg1-cement'],
    signedDaysAgo: 63,
    reports: [
      { narrative: '首月供应水泥1.2万吨，用于一期地下室及基础施工。', lines: [{ kind: 'delivered', amount: 12_000 * 440 }] },
      { narrative: '本月供应水泥0.8万吨；12月中旬起进入冬季停工期。', lines: [{ kind: 'delivered', amount: 8_000 * 440 }] },
    ],
  },
  {
    key: 'a-xntg-qhjg1-rebar',
    session: BM,
    kind: 'supply_contract',
    title: '西宁市保障性住房项目螺纹钢供应合同',
    amount: 50_000 * 3_750,
    product: 'rebar',
    quantity: 50_000,
    unit: '吨',
    termMonths: 8,
    keyTerms: 'HRB400E Φ12–25mm，3750元/吨送到工地；2027年3月15日复工起按月计划供货，每批附质量证明书。',
    parties: [
      { org: 'xntg', role: 'producer' },
      { org: 'qhjg1', role: 'builder' },
    ],
    listings: ['bm-xntg-rebar', 'bm-qhjg1-rebar'],
    signedDaysAgo: 4,
  },
  {
    key: 'a-target-qhjg1',
    session: BM,
    kind: 'target_responsibility',
    title: '西宁市城北区保障性住房建设项目目标责任书',
    amount: wan(3_000),
    termMonths: 24,
    keyTerms: '建设公共租赁住房1200套，2027年10月底前主体封顶、2028年6月底前交付；省级补助资金3000万元按形象进度分三次拨付；每月报送建设进度。',
    parties: [
      { org: 'qhjxw', role: 'organiser' },
      { org: 'qhjg1', role: 'builder' },
    ],
    listings: ['bm-qhjg1-rebar', 'bm-qhjg1-cement'],
    signedDaysAgo: 56,
    reports: [{ narrative: '1号至4号楼基础完工，5号至8号楼土方开挖完成；完成投资4200万元。', lines: [] }],
  },
];

/** The organiser puts the first overdue report of this agreement under supervision `issuedDaysAgo`; its party acknowledges it that day. */
export const DEMO_SUPERVISION = {
  agreement: 'a-ccb-asia-silicon',
  workingDays: 5,
  issuedDaysAgo: 3,
  note: '该笔贷款进度报告已逾期，请于限期内报送放款及项目建设进展。',
  acknowledged: true,
};

/**
 * Problems raised by parties: `route` sends one to a department `routedDaysAgo`, `answer`
 * resolves it; without `route` it is just received.
 */
export type DemoProblem = {
  org: string;
  agreement?: string;
  category: ProblemCategory;
  urgency: ProblemUrgency;
  title: string;
  description: string;
  raisedDaysAgo: number;
  route?: { department: string; routedDaysAgo: number };
  answer?: string;
};

export const DEMO_PROBLEMS: DemoProblem[] = [
  {
    org: 'qinghua',
    agreement: 'a-cdb-qinghua',
    category: 'financing',
    urgency: 'urgent',
    title: '钢铁一体化项目资本金到位滞后，首笔贷款无法提款',
    description: '项目资本金尚缺约1.2亿元，国开行首笔提款条件未满足，已影响设备订货。请协调股东增资进度，或研究省级产业基金阶段性参股。',
    raisedDaysAgo: 12,
    route: { department: '省金融办（财政金融组）', routedDaysAgo: 11 },
    answer: '已协调省产业投资基金阶段性参股8000万元，股东增资4000万元于本月底前到位；国开行同意资本金到位后即办理首笔提款。',
  },
  {
    org: 'cdm-mining',
    agreement: 'a-cdm-xntg-ironconc',
    category: 'transport',
    urgency: 'normal',
    title: '格尔木至西宁铁路车皮紧张，铁精粉发运不足',
    description: '本月计划发运3.3万吨，实际请车满足率约60%，需协调青藏铁路公司增加敞车配给。',
    raisedDaysAgo: 2,
    route: { department: '省经信委（工业运行组）', routedDaysAgo: 1 },
  },
  {
    org: 'qhjg1',
    agreement: 'a-target-qhjg1',
    category: 'land',
    urgency: 'normal',
    title: '保障性住房二期建设用地手续未办结',
    description: '二期用地土地征收已完成，但建设用地规划许可证尚未核发，影响2027年3月按期开工。',
    raisedDaysAgo: 1,
  },
];

/** A key enterprise with a liaison officer (its admin), designated `designatedDaysAgo`; it filed `filed` reports and one urgent one. */
export const DEMO_LIAISON: {
  org: string;
  cadence: LiaisonCadence;
  designatedDaysAgo: number;
  filed: UrgentLiaisonReportInput[];
  urgent: UrgentLiaisonReportInput;
} = {
  org: 'salt-lake',
  cadence: 'weekly',
  designatedDaysAgo: 24,
  filed: [
    {
      production: '氯化钾周产量10.2万吨，碳酸锂周产量650吨，装置负荷正常。',
      sales: '钾肥周销量9.6万吨，碳酸锂周销量600吨。',
      inventory: '钾肥库存32万吨，处于合理水平。',
      capital: '资金周转正常。',
      transport: '铁路发运平稳。',
      difficulties: '',
    },
    {
      production: '氯化钾周产量9.8万吨，碳酸锂周产量640吨。',
      sales: '冬储钾肥销售启动，周销量10.5万吨。',
      inventory: '钾肥库存30万吨。',
      capital: '应收账款增加，资金略紧。',
      transport: '格尔木站车皮紧张，部分改为汽运。',
      difficulties: '冬储期铁路运力不足，请协调增加车皮。',
    },
  ],
  urgent: {
    production: '受强降温影响，盐田采收暂停3天，预计周产量下降约15%。',
    sales: '春耕钾肥订单饱满，交付存在缺口。',
    inventory: '库存可满足约3周发运。',
    capital: '正常。',
    transport: '青藏线格尔木段因降雪限速，发运延误。',
    difficulties: '请协调铁路部门优先保障春耕钾肥运输。',
  },
};
