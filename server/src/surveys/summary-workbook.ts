// The summary table of a survey (摸底汇总表): one row per response, Chinese headers, amounts in 万元,
// streamed with the console's other exports (server/src/common/xlsx.ts).
import { categoryLabel, findRegion, prefectureOf, type SurveyResponse } from '@duijie/shared';
import type { XlsxColumn, XlsxSheet, XlsxValue } from '../common/xlsx';
import type { SurveyEntity } from './survey.entity';

const STATE_LABELS: Record<string, string> = { open: '未填报', submitted: '已提交', accepted: '已采纳', returned: '已退回', waived: '已撤销' };
const PURPOSE_LABELS: Record<string, string> = { working_capital: '流动资金', technical_upgrade: '技术改造', project: '项目建设' };

/** A response and its number in the table. */
export type SummaryRow = { n: number; r: SurveyResponse };

// Only a value of the cell's type is written (a draft is checked for its shape when saved; this keeps the download whole whatever is stored).
const text = (value: unknown): XlsxValue => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): XlsxValue => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function regionName(code: string): string {
  return findRegion(code)?.name ?? code;
}

/** The columns: the respondent, then the listing's fields for the survey's listing type, then one per question. */
export function summaryColumns(survey: SurveyEntity): XlsxColumn<SummaryRow>[] {
  const listing = (row: SummaryRow) => row.r.answers.listing ?? {};
  const financing = (row: SummaryRow) => listing(row).financing;
  const goods = (row: SummaryRow) => listing(row).goods;
  const listingColumns: XlsxColumn<SummaryRow>[] =
    survey.listingType === 'financing_need'
      ? [
          { header: '融资金额（万元）', format: 'wan', value: (row) => num(financing(row)?.amount) },
          { header: '期限（月）', format: 'integer', value: (row) => num(financing(row)?.termMonths) },
          { header: '用途', value: (row) => text(financing(row) ? PURPOSE_LABELS[financing(row)!.purpose] : null) },
          { header: '担保方式', value: (row) => text(financing(row)?.collateral) },
          { header: '需要担保', value: (row) => text(financing(row) ? (financing(row)!.guaranteeNeeded ? '是' : '否') : null) },
        ]
      : survey.listingType
        ? [
            { header: '产品品类', value: (row) => text(goods(row) ? categoryLabel(goods(row)!.category, 'zh-CN') : null) },
            { header: '规格', value: (row) => text(goods(row)?.specification) },
            { header: '数量', value: (row) => num(goods(row)?.quantity) },
            { header: '单位', value: (row) => text(goods(row)?.unit) },
            { header: '最低价（元）', format: 'yuan', value: (row) => num(goods(row)?.priceMin) },
            { header: '最高价（元）', format: 'yuan', value: (row) => num(goods(row)?.priceMax) },
            { header: '交付起', format: 'date', value: (row) => text(goods(row)?.deliveryFrom) },
            { header: '交付止', format: 'date', value: (row) => text(goods(row)?.deliveryTo) },
            { header: '交付地区', value: (row) => text(goods(row) ? regionName(goods(row)!.region) : null) },
          ]
        : [];
  return [
    { header: '序号', width: 8, format: 'integer', value: (row) => row.n },
    { header: '机构名称', width: 32, value: (row) => text(row.r.organisationName) },
    { header: '地区', value: (row) => text(regionName(row.r.region)) },
    { header: '所属州（市）', value: (row) => text(regionName(prefectureOf(row.r.region))) },
    { header: '状态', value: (row) => text(STATE_LABELS[row.r.state] ?? row.r.state) },
    { header: '提交时间', format: 'datetime', value: (row) => text(row.r.submittedAt) },
    ...(survey.listingType ? [{ header: '发布标题', width: 30, value: (row: SummaryRow) => text(listing(row).title || null) }] : []),
    ...listingColumns,
    ...survey.questions.map((q): XlsxColumn<SummaryRow> => ({
      header: q.unit ? `${q.label}（${q.unit}）` : q.label,
      value: (row) => {
        const v = row.r.answers.questions?.[q.id];
        if (typeof v === 'number') return num(v);
        if (Array.isArray(v)) return text(v.join('、'));
        return text(v ?? null);
      },
    })),
  ];
}

/**
 * The sheet, its rows read in batches: each batch is written and committed before the next is
 * read, so the memory stays flat however many organisations answered.
 */
export function summarySheet(survey: SurveyEntity, batches: AsyncIterable<SurveyResponse[]>): XlsxSheet<SummaryRow> {
  async function* numbered(): AsyncIterable<SummaryRow[]> {
    let n = 0;
    for await (const batch of batches) yield batch.map((r) => ({ n: (n += 1), r }));
  }
  return { name: '摸底汇总', columns: summaryColumns(survey), rows: numbered() };
}
