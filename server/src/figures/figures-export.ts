import {
  categoryLabel,
  DEAL_SIZE_BUCKETS,
  findIndustry,
  formatCny,
  INDUSTRY_CHAINS,
  regionLabel,
  type DayRow,
  type DealRow,
  type EventFigures,
  type FunnelStep,
  type GoodsRow,
  type InstitutionRow,
  type ChainFlow,
} from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn, XlsxSheet } from '../common/xlsx';

// The dashboard's breakdowns as workbook sheets, one per breakdown, from the same answer the
// dashboard shows (never recomputed here).

const FUNNEL_ZH: Record<FunnelStep['key'], string> = {
  participants: '参会单位',
  listings: '发布供需',
  actedOn: '响应推荐',
  meetingRequests: '洽谈申请',
  meetingsHeld: '完成洽谈',
  drafted: '起草协议',
  signed: '签约',
  confirmed: '确认',
  approved: '审批',
  fulfilling: '放款/交付',
  performed: '履约完成',
};

const chainZh = (code: string) => INDUSTRY_CHAINS.find((c) => c.code === code)?.name ?? '其他（非产业链）';
function sizeZh(key: string): string {
  const lower = Number(key);
  const upper = DEAL_SIZE_BUCKETS[DEAL_SIZE_BUCKETS.findIndex((b) => b === lower) + 1];
  return upper ? `${formatCny(lower)} – ${formatCny(upper)}` : `${formatCny(lower)} 以上`;
}

/** The deal columns every breakdown shares, after its key column. */
function dealColumns<T extends DealRow>(keyHeader: string, key: (row: T) => string): XlsxColumn<T>[] {
  return [
    { header: keyHeader, width: 28, value: key },
    { header: '签约数', format: 'integer', value: (r) => r.signed.count },
    { header: '签约金额（万元）', format: 'wan', value: (r) => r.signed.amount },
    { header: '意向数', format: 'integer', value: (r) => r.intent.count },
    { header: '意向金额（万元）', format: 'wan', value: (r) => r.intent.amount },
    { header: '洽谈中数', format: 'integer', value: (r) => r.negotiating.count },
    { header: '洽谈中金额（万元）', format: 'wan', value: (r) => r.negotiating.amount },
    { header: '审批金额（万元）', format: 'wan', value: (r) => r.approved },
    { header: '放款金额（万元）', format: 'wan', value: (r) => r.disbursed },
    { header: '交付金额（万元）', format: 'wan', value: (r) => r.delivered },
    { header: '履约完成数', format: 'integer', value: (r) => r.performed },
  ];
}

type Headline = { label: string; count: number | null; amount: number | null; earlier: number | null };

/** Every breakdown of the answer as a sheet, and how many rows they hold. */
export function figuresSheets(f: EventFigures): { rows: number; sheets: XlsxSheet<never>[] } {
  const h = f.headline;
  const e = f.comparison?.headline;
  const headline: Headline[] = [
    { label: '签约', count: h.signed.count, amount: h.signed.amount, earlier: e?.signed.amount ?? null },
    { label: '意向', count: h.intent.count, amount: h.intent.amount, earlier: e?.intent.amount ?? null },
    { label: '洽谈中', count: h.negotiating.count, amount: h.negotiating.amount, earlier: e?.negotiating.amount ?? null },
    { label: '已审批', count: null, amount: h.approved, earlier: e?.approved ?? null },
    { label: '已放款', count: null, amount: h.disbursed, earlier: e?.disbursed ?? null },
    { label: '已交付', count: null, amount: h.delivered, earlier: e?.delivered ?? null },
    { label: '履约完成', count: h.performed, amount: null, earlier: e?.performed ?? null },
    { label: '签约目标', count: null, amount: h.target, earlier: null },
  ];
  const regions = f.byRegion.flatMap((p) => [p as DealRow, ...p.counties]);
  const sheets = [
    {
      name: '概览',
      columns: [
        { header: '指标', width: 16, value: (r) => r.label },
        { header: '数量', format: 'integer', value: (r) => r.count },
        { header: '金额（万元）', format: 'wan', value: (r) => r.amount },
        { header: f.comparison ? `对比：${f.comparison.eventName}` : '对比活动', format: 'wan', value: (r) => r.earlier },
      ],
      rows: headline,
    } satisfies XlsxSheet<Headline>,
    {
      name: '对接漏斗',
      columns: [
        { header: '环节', width: 14, value: (r) => FUNNEL_ZH[r.key] },
        { header: '数量', format: 'integer', value: (r) => r.count },
        { header: '与上一环节之比', format: 'percent', value: (r) => r.conversion },
      ],
      rows: f.funnel,
    } satisfies XlsxSheet<FunnelStep>,
    { name: '按专场类型', columns: dealColumns<DealRow>('专场类型', (r) => zh('sessionKind', r.key)), rows: f.bySessionKind } satisfies XlsxSheet<DealRow>,
    { name: '按专场', columns: dealColumns<DealRow & { title: string }>('专场', (r) => r.title), rows: f.bySession } satisfies XlsxSheet<
      DealRow & { title: string }
    >,
    { name: '按产业链', columns: dealColumns<DealRow>('产业链', (r) => chainZh(r.key)), rows: f.byChain } satisfies XlsxSheet<DealRow>,
    { name: '按地区', columns: dealColumns<DealRow>('地区', (r) => regionLabel(r.key, 'zh-CN')), rows: regions } satisfies XlsxSheet<DealRow>,
    {
      name: '按日签约',
      columns: [
        { header: '日期', width: 12, value: (r) => r.day },
        { header: '签约数', format: 'integer', value: (r) => r.signed.count },
        { header: '签约金额（万元）', format: 'wan', value: (r) => r.signed.amount },
        { header: '累计签约数', format: 'integer', value: (r) => r.cumulative.count },
        { header: '累计签约金额（万元）', format: 'wan', value: (r) => r.cumulative.amount },
      ],
      rows: f.byDay,
    } satisfies XlsxSheet<DayRow>,
    { name: '按规模', columns: dealColumns<DealRow>('签约规模', (r) => sizeZh(r.key)), rows: f.bySize } satisfies XlsxSheet<DealRow>,
    {
      name: '货物签约',
      columns: [
        { header: '产品', width: 16, value: (r) => categoryLabel(r.product, 'zh-CN') },
        { header: '数量', format: 'integer', value: (r) => r.quantity },
        { header: '单位', value: (r) => r.unit },
        { header: '签约数', format: 'integer', value: (r) => r.count },
        { header: '签约金额（万元）', format: 'wan', value: (r) => r.amount },
      ],
      rows: f.goods,
    } satisfies XlsxSheet<GoodsRow>,
    {
      name: '产业链流向',
      columns: [
        { header: '供方产品', width: 16, value: (r) => categoryLabel(r.from, 'zh-CN') },
        { header: '下游', width: 24, value: (r) => (r.toIndustry ? (findIndustry(r.to)?.name ?? r.to) : categoryLabel(r.to, 'zh-CN')) },
        { header: '签约金额（万元）', format: 'wan', value: (r) => r.amount },
      ],
      rows: f.flows,
    } satisfies XlsxSheet<ChainFlow>,
    {
      name: '金融机构',
      columns: [
        { header: '金融机构', width: 30, value: (r) => r.name },
        { header: '发布产品', format: 'integer', value: (r) => r.productsPosted },
        { header: '收到申请', format: 'integer', value: (r) => r.applicationsReceived },
        { header: '已答复', format: 'integer', value: (r) => r.applicationsAnswered },
        { header: '答复用时中位数（小时）', value: (r) => (r.medianAnswerHours === null ? null : Math.round(r.medianAnswerHours * 10) / 10) },
        { header: '签约数', format: 'integer', value: (r) => r.signed.count },
        { header: '签约金额（万元）', format: 'wan', value: (r) => r.signed.amount },
        { header: '审批金额（万元）', format: 'wan', value: (r) => r.approved },
        { header: '放款金额（万元）', format: 'wan', value: (r) => r.disbursed },
        { header: '逾期报告', format: 'integer', value: (r) => r.overdueReports },
      ],
      rows: f.institutions,
    } satisfies XlsxSheet<InstitutionRow>,
  ];
  const rows = sheets.reduce((n, s) => n + (s.rows as readonly unknown[]).length, 0);
  return { rows, sheets: sheets as unknown as XlsxSheet<never>[] };
}
