// The rows and columns of the supply and demand summary table (供需对接情况汇总表): one row per
// listing posted with what came of it, one per agreement signed, and the totals. Only public facts
// go in: no listing's confidential part or collateral, no organisation's contacts, no key terms.
import { categoryLabel, formatRateBp, provinceOf, regionLabel, type AgreementPartyRole, type EventSummarySignedRule, type SessionKind } from '@duijie/shared';
import type { SummaryAgreementRow } from '../agreements/agreements.repository';
import { zh } from '../common/export-labels';
import type { XlsxColumn, XlsxSheet } from '../common/xlsx';
import type { SummaryListingRow } from '../listings/listings.repository';

export type SessionInfo = { title: string; kind: SessionKind };

/** A listing with its session and what came of it. */
export type SummaryListing = SummaryListingRow & {
  no: number;
  session: SessionInfo;
  /** Meeting requests made on it (to it, or with it as the asker's listing). */
  requests: number;
  /** Meetings held on those requests. */
  held: number;
  /** Financing applications made with it (a need) or to it (a product). */
  applications: number;
  applicationsAccepted: number;
  signedRule: EventSummarySignedRule;
  signedCount: number;
  /** Yuan. */
  signedAmount: number;
};

export type SummaryAgreement = SummaryAgreementRow & { no: number; session: SessionInfo };

/** What the table adds up to; filled while its rows are read, so it is complete once they are. */
export type SummaryTotals = {
  listings: number;
  byType: Record<string, number>;
  requests: number;
  held: number;
  applications: number;
  applicationsAccepted: number;
  agreements: number;
  /** Yuan, every signed agreement. */
  amount: number;
  intents: number;
  intentAmount: number;
};

export function emptyTotals(): SummaryTotals {
  return { listings: 0, byType: {}, requests: 0, held: 0, applications: 0, applicationsAccepted: 0, agreements: 0, amount: 0, intents: 0, intentAmount: 0 };
}

export const SIGNED_RULE_ZH: Record<EventSummarySignedRule, string> = { cited: '协议关联本信息', same_session: '同专场签约', none: '—' };

/** The notes printed with the table: how a row counts as signed. */
export const SUMMARY_NOTES = [
  '签约认定：“协议关联本信息”指签约协议在起草时关联了该条供需信息；未关联任何信息的协议，按“同专场签约”计入本单位在同一专场发布的同类信息（商品按产品品类相同，融资类按贷款、授信、担保协议）。',
  '一份协议可能计入多条信息，签约金额请勿按行相加；签约合计以“签约协议”表为准。',
  '本表不含机构联系方式、抵押担保细节、内部财务数据及协议关键条款等保密内容。金额单位为万元，时间为活动所在时区时间。',
];

/** The amount a listing is about, in yuan: financing needed, credit line or guarantee capacity offered. */
export function listingAmount(l: SummaryListingRow): number | null {
  return l.financing?.amount ?? l.credit?.totalLine ?? l.guarantee?.capacity ?? null;
}

/** The product category of a goods listing, in Chinese. */
export function listingProduct(l: SummaryListingRow): string | null {
  return l.goods ? categoryLabel(l.goods.category, 'zh-CN') : null;
}

/** The region a listing is about: where the goods are, else the organisation's. */
export function listingRegion(l: SummaryListingRow): string {
  return regionLabel(l.goods?.region ?? l.organisationRegion, 'zh-CN');
}

/** The region without the province's name when it is the event's province (a narrow PDF column). */
export function listingRegionWithin(l: SummaryListingRow, province: string): string {
  const code = l.goods?.region ?? l.organisationRegion;
  const label = regionLabel(code, 'zh-CN');
  const parts = label.split(' ');
  return provinceOf(code) === province && parts.length > 1 ? parts.slice(1).join(' ') : label;
}

const wan = (yuan: number) => {
  const text = (yuan / 10000).toFixed(2).replace(/\.?0+$/, '');
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

/** A short public description of the terms: purpose and term, amount and rate ranges, the guarantee fee. */
export function listingTerms(l: SummaryListingRow): string {
  if (l.financing) return `${zh('purpose', l.financing.purpose)}，${l.financing.termMonths}个月${l.financing.guaranteeNeeded ? '，需担保' : ''}`;
  if (l.credit) {
    const c = l.credit;
    return `单笔${wan(c.amountMin)}–${wan(c.amountMax)}万元，${c.termMinMonths}–${c.termMaxMonths}个月，利率${formatRateBp(c.rateMinBp)}–${formatRateBp(c.rateMaxBp)}，${zh('guaranteeRequirement', c.guaranteeRequirement)}`;
  }
  if (l.guarantee) return `担保费率${formatRateBp(l.guarantee.feeRateBp)}`;
  if (l.goods) {
    const g = l.goods;
    const price = g.priceMin || g.priceMax ? `，单价${[g.priceMin, g.priceMax].filter((p) => p).join('–')}元/${g.unit}` : '';
    return `${g.specification ?? ''}${price}`.replace(/^，/, '');
  }
  return '';
}

/** The quantity with its unit, or the amount in 万元: one cell of the PDF. */
export function listingVolume(l: SummaryListingRow): string {
  if (l.goods) return `${l.goods.quantity.toLocaleString('zh-CN')}${l.goods.unit}`;
  const amount = listingAmount(l);
  return amount === null ? '—' : `${wan(amount)}万元`;
}

export function wanText(yuan: number): string {
  return wan(yuan);
}

/** A party's role in Chinese (an organiser grants the funds of a target responsibility letter). */
export function roleText(role: AgreementPartyRole): string {
  return role === 'organiser' ? '主办单位' : zh('role', role);
}

export function partiesText(a: SummaryAgreementRow): string {
  return a.parties.map((p) => `${roleText(p.role)}：${p.name}`).join('；');
}

export function agreementGoods(a: SummaryAgreementRow): string {
  if (!a.product) return a.termMonths ? `${a.termMonths}个月` : '—';
  const quantity = a.quantity !== null ? ` ${a.quantity.toLocaleString('zh-CN')}${a.unit ?? ''}` : '';
  return `${categoryLabel(a.product, 'zh-CN')}${quantity}`;
}

export const LISTING_COLUMNS: XlsxColumn<SummaryListing>[] = [
  { header: '序号', format: 'integer', width: 7, value: (r) => r.no },
  { header: '专场', width: 24, value: (r) => r.session.title },
  { header: '专场类型', width: 16, value: (r) => zh('sessionKind', r.session.kind) },
  { header: '单位名称', width: 30, value: (r) => r.organisationName },
  { header: '信息类别', value: (r) => zh('listingType', r.type) },
  { header: '标题', width: 32, value: (r) => r.title },
  { header: '状态', value: (r) => zh('listingStatus', r.status) },
  { header: '产品品类', width: 14, value: (r) => listingProduct(r) },
  { header: '数量', value: (r) => r.goods?.quantity ?? null },
  { header: '计量单位', value: (r) => r.goods?.unit ?? null },
  { header: '金额（万元）', format: 'wan', value: (r) => listingAmount(r) },
  { header: '条件说明', width: 40, value: (r) => listingTerms(r) || null },
  { header: '地区', width: 20, value: (r) => listingRegion(r) },
  { header: '发布时间', format: 'datetime', value: (r) => r.createdAt },
  { header: '洽谈请求（次）', format: 'integer', value: (r) => r.requests },
  { header: '已洽谈（场）', format: 'integer', value: (r) => r.held },
  { header: '融资申请（件）', format: 'integer', value: (r) => r.applications },
  { header: '申请获受理（件）', format: 'integer', value: (r) => r.applicationsAccepted },
  { header: '签约认定', width: 16, value: (r) => SIGNED_RULE_ZH[r.signedRule] },
  { header: '签约协议（份）', format: 'integer', value: (r) => r.signedCount },
  { header: '签约金额（万元）', format: 'wan', value: (r) => r.signedAmount },
];

export const AGREEMENT_COLUMNS: XlsxColumn<SummaryAgreement>[] = [
  { header: '序号', format: 'integer', width: 7, value: (r) => r.no },
  { header: '专场', width: 24, value: (r) => r.session.title },
  { header: '协议名称', width: 36, value: (r) => r.title },
  { header: '协议类型', value: (r) => zh('agreementKind', r.kind) },
  { header: '签约类别', value: (r) => (r.kind === 'intent' ? '意向' : '签约') },
  { header: '签约各方', width: 56, value: (r) => partiesText(r) },
  { header: '协议金额（万元）', format: 'wan', value: (r) => r.amount },
  { header: '产品', value: (r) => (r.product ? categoryLabel(r.product, 'zh-CN') : null) },
  { header: '数量', value: (r) => r.quantity },
  { header: '计量单位', value: (r) => r.unit },
  { header: '期限（月）', format: 'integer', value: (r) => r.termMonths },
  { header: '关联供需信息（条）', format: 'integer', value: (r) => r.listingCount },
  { header: '状态', value: (r) => zh('agreementStatus', r.status) },
  { header: '签署完成时间', format: 'datetime', value: (r) => r.signedAt },
];

/** An ideographic space: the rows under a figure read as its parts. */
export const INDENT = '\u3000';

type TotalRow = { item: string; count: number; amount: number | null };

/** The totals, one figure a row. */
export function totalRows(t: SummaryTotals): TotalRow[] {
  const types = ['supply', 'demand', 'financing_need', 'credit_offer', 'guarantee_offer'];
  return [
    { item: '发布供需信息（条）', count: t.listings, amount: null },
    ...types.map((type) => ({ item: `${INDENT}其中${zh('listingType', type)}（条）`, count: t.byType[type] ?? 0, amount: null })),
    { item: '洽谈请求（次）', count: t.requests, amount: null },
    { item: '已洽谈（场）', count: t.held, amount: null },
    { item: '融资申请（件）', count: t.applications, amount: null },
    { item: '申请获受理（件）', count: t.applicationsAccepted, amount: null },
    { item: '签约协议（份）', count: t.agreements, amount: t.amount },
    { item: `${INDENT}其中意向协议（份）`, count: t.intents, amount: t.intentAmount },
  ];
}

/** The totals sheet; its rows are read when the sheet is written, after the other sheets filled the totals. */
export function totalsSheet(totals: SummaryTotals): XlsxSheet<TotalRow> {
  return {
    name: '合计',
    columns: [
      { header: '项目', width: 24, value: (r) => r.item },
      { header: '数量', format: 'integer', value: (r) => r.count },
      { header: '金额（万元）', format: 'wan', value: (r) => r.amount },
    ],
    rows: { [Symbol.iterator]: () => totalRows(totals)[Symbol.iterator]() },
  };
}

export function notesSheet(header: string[]): XlsxSheet<string> {
  return { name: '说明', columns: [{ header: '说明', width: 120, value: (r) => r }], rows: [...header, ...SUMMARY_NOTES] };
}
