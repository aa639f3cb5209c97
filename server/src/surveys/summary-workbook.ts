// The summary table of a survey (摸底汇总表): one row per response, Chinese headers, amounts in 万元.
import { categoryLabel, findRegion, prefectureOf, type SurveyResponse } from '@duijie/shared';
import writeXlsxFile from 'write-excel-file/node';
import type { SurveyEntity } from './survey.entity';

const STATE_LABELS: Record<string, string> = { open: '未填报', submitted: '已提交', accepted: '已采纳', returned: '已退回', waived: '已撤销' };
const PURPOSE_LABELS: Record<string, string> = { working_capital: '流动资金', technical_upgrade: '技术改造', project: '项目建设' };

type Cell = { value: string | number; type: StringConstructor | NumberConstructor } | null;
// Only a value of the cell's type is written (a draft is checked for its shape when saved; this keeps the download whole whatever is stored).
const text = (value: unknown): Cell => (typeof value === 'string' && value ? { value, type: String } : null);
const num = (value: unknown): Cell => (typeof value === 'number' && Number.isFinite(value) ? { value, type: Number } : null);
/** Yuan to 万元, to two decimals. */
const wan = (yuan: number | null | undefined): Cell => num(yuan == null ? null : Math.round(yuan / 100) / 100);

function regionName(code: string): string {
  return findRegion(code)?.name ?? code;
}

/**
 * Builds the workbook from the responses read in batches: each batch is turned into its cells and
 * let go before the next is read. write-excel-file takes the whole sheet at once (it writes the
 * sheet's XML in one piece, then zips it), so the cells of every row are held until the end: the
 * memory is about the size of the answers exported, not of the responses read with them.
 */
export async function summaryWorkbook(survey: SurveyEntity, batches: AsyncIterable<SurveyResponse[]>): Promise<Buffer> {
  const listingHeaders =
    survey.listingType === 'financing_need'
      ? ['融资金额（万元）', '期限（月）', '用途', '担保方式', '需要担保']
      : survey.listingType
        ? ['产品品类', '规格', '数量', '单位', '最低价（元）', '最高价（元）', '交付起', '交付止', '交付地区']
        : [];
  const headers = [
    '序号',
    '机构名称',
    '地区',
    '所属州（市）',
    '状态',
    '提交时间',
    ...(survey.listingType ? ['发布标题'] : []),
    ...listingHeaders,
    ...survey.questions.map((q) => (q.unit ? `${q.label}（${q.unit}）` : q.label)),
  ];
  const row = (r: SurveyResponse, i: number): Cell[] => {
    const listing = r.answers.listing ?? {};
    const part: Cell[] =
      survey.listingType === 'financing_need'
        ? [
            wan(listing.financing?.amount),
            num(listing.financing?.termMonths),
            text(listing.financing ? PURPOSE_LABELS[listing.financing.purpose] : null),
            text(listing.financing?.collateral),
            text(listing.financing ? (listing.financing.guaranteeNeeded ? '是' : '否') : null),
          ]
        : survey.listingType
          ? [
              text(listing.goods ? categoryLabel(listing.goods.category, 'zh-CN') : null),
              text(listing.goods?.specification),
              num(listing.goods?.quantity),
              text(listing.goods?.unit),
              num(listing.goods?.priceMin),
              num(listing.goods?.priceMax),
              text(listing.goods?.deliveryFrom),
              text(listing.goods?.deliveryTo),
              text(listing.goods ? regionName(listing.goods.region) : null),
            ]
          : [];
    const answers = survey.questions.map((q): Cell => {
      const v = r.answers.questions?.[q.id];
      if (typeof v === 'number') return num(v);
      if (Array.isArray(v)) return text(v.join('、'));
      return text(v ?? null);
    });
    return [
      num(i + 1),
      text(r.organisationName),
      text(regionName(r.region)),
      text(regionName(prefectureOf(r.region))),
      text(STATE_LABELS[r.state] ?? r.state),
      text(r.submittedAt ? new Date(r.submittedAt).toLocaleString('zh-CN', { timeZone: r.survey.timeZone, hour12: false }) : null),
      ...(survey.listingType ? [text(listing.title || null)] : []),
      ...part,
      ...answers,
    ];
  };
  const rows: Cell[][] = [];
  for await (const batch of batches) for (const r of batch) rows.push(row(r, rows.length));
  return writeXlsxFile([
    {
      sheet: '摸底汇总',
      stickyRowsCount: 1,
      columns: headers.map((h) => ({ width: Math.max(10, Math.min(40, h.length * 2 + 4)) })),
      data: [headers.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const, backgroundColor: '#F2F2F2' })), ...rows],
    },
  ]).toBuffer();
}
