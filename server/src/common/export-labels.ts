// The Chinese words for the domain enums in exports: the same as the console (the `enums` of
// client/src/locales/zh-CN.json; export-labels.spec.ts keeps the two equal).

export const ENUM_ZH = {
  orgKind: {
    enterprise: '企业',
    bank: '银行',
    guarantor: '担保机构',
    microlender: '小额贷款公司',
    insurer: '保险公司',
    distributor: '商贸流通企业',
    construction_unit: '施工/建设单位',
    organiser: '主办单位',
  },
  orgSize: {
    large: '大型',
    medium: '中型',
    small: '小型',
    micro: '微型',
  },
  orgStatus: {
    pending: '待审核',
    approved: '已通过',
    rejected: '已驳回',
    suspended: '已暂停',
  },
  userRole: {
    organiser: '主办单位人员',
    org_admin: '机构管理员',
    org_member: '机构成员',
  },
  sessionKind: {
    bank_enterprise: '银企对接',
    upstream_downstream: '上下游产业对接',
    producer_distributor: '产销对接（生产企业与流通企业对接）',
    building_materials: '大宗建材供需对接',
  },
  sessionStatus: {
    draft: '草稿',
    registration: '报名中',
    live: '进行中',
    signing: '签约中',
    follow_up: '跟踪落实',
    closed: '已结束',
  },
  registrationMode: {
    open: '公开报名',
    invitation: '邀请参加',
  },
  role: {
    borrower: '融资企业',
    lender: '银行/贷款机构',
    guarantor: '担保机构',
    supplier: '供应方（上游）',
    buyer: '采购方（下游）',
    producer: '生产企业',
    distributor: '流通企业',
    builder: '施工单位',
  },
  participationStatus: {
    invited: '已邀请',
    pending: '待审核',
    approved: '已通过',
    rejected: '已驳回',
    withdrawn: '已退出',
  },
  listingType: {
    supply: '供应',
    demand: '需求',
    financing_need: '融资需求',
    credit_offer: '信贷产品',
    guarantee_offer: '担保产品',
  },
  listingStatus: {
    open: '有效',
    withdrawn: '已撤回',
  },
  purpose: {
    working_capital: '流动资金',
    technical_upgrade: '技术改造',
    project: '项目建设',
  },
  guaranteeRequirement: {
    none: '信用（无需担保）',
    collateral: '抵押',
    guarantee: '保证担保',
    collateral_or_guarantee: '抵押或保证',
  },
  agreementKind: {
    loan: '贷款合同',
    credit_line: '授信协议',
    guarantee: '担保合同',
    supply_contract: '供货合同',
    distribution: '经销协议',
    intent: '意向协议',
    target_responsibility: '项目建设目标责任书',
  },
  agreementStatus: {
    drafting: '起草中',
    signed: '已签署',
    confirmed: '已确认',
  },
  meetingRequestStatus: {
    pending: '待答复',
    accepted: '已接受',
    declined: '已婉拒',
    expired: '已过期',
    cancelled: '已撤回',
  },
  applicationStatus: {
    pending: '待答复',
    accepted: '已受理',
    declined: '已婉拒',
    withdrawn: '已撤回',
  },
  matchFactor: {
    product: '产品',
    quantity: '数量',
    price: '价格',
    delivery: '交货期',
    distance: '运距',
    local: '省内优先',
    amount: '金额',
    term: '期限',
    industry: '行业',
    size: '企业规模',
    security: '增信方式',
    capacity: '担保能力',
    wants_guarantee: '担保需求',
  },
  meetingStatus: {
    unscheduled: '未安排',
    scheduled: '已安排',
    held: '已举行',
    no_show: '未到场',
    cancelled: '已取消',
  },
  meetingMode: {
    scheduled: '主办方排程',
    self_booking: '自主预约',
  },
  halfWish: {
    morning: '上午',
    afternoon: '下午',
    any: '不限',
  },
  unscheduledReason: {
    no_allowed_slot: '双方没有共同的可洽谈时段',
    participant_full: '一方的时段已排满',
    pin_conflict: '与固定安排的洽谈冲突',
    capacity: '洽谈桌不足',
    half_conflict: '双方上午/下午意向不一致',
  },
} as const satisfies Record<string, Record<string, string>>;

export type EnumName = keyof typeof ENUM_ZH;

/** The Chinese label of an enum value; the value itself when unknown, empty for none. */
export function zh(name: EnumName, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return (ENUM_ZH[name] as Record<string, string>)[value] ?? value;
}
