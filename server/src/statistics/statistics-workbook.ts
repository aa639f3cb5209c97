// A period's forms as a workbook (统计报表): one sheet per class, Chinese headers, amounts in 万元,
// ratios as percentages, the platform's figures beside the reported ones.
import { INSTITUTION_CLASSES, STATISTICS_FORMS, type InstitutionClass, type PlatformFigure, type StatisticsFormRow } from '@duijie/shared';
import type { XlsxColumn, XlsxSheet, XlsxValue } from '../common/xlsx';

export const CLASS_LABELS: Record<InstitutionClass, string> = {
  bank: '银行',
  guarantor: '担保机构',
  microlender: '小额贷款公司',
  insurer: '保险机构',
  enterprise: '企业',
  construction_unit: '建设单位',
};

const STATE_LABELS: Record<string, string> = { open: '未报送', submitted: '待审核', accepted: '已确认', returned: '已退回', waived: '已撤销' };
const TIMING_LABELS: Record<string, string> = { on_time: '按时', due_soon: '即将到期', overdue: '逾期' };

const num = (value: unknown): XlsxValue => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const ratio = (value: unknown): XlsxValue => (typeof value === 'number' && Number.isFinite(value) ? value / 10_000 : null);

/** The platform's figures shown for each class. */
const PLATFORM_COLUMNS: Record<InstitutionClass, { key: PlatformFigure; header: string; format: 'wan' | 'percent' | 'integer' | 'text' }[]> = {
  bank: [
    { key: 'platform.signedLoans', header: '平台签约金额（万元）', format: 'wan' },
    { key: 'platform.disbursed', header: '平台放款金额（万元）', format: 'wan' },
  ],
  microlender: [
    { key: 'platform.signedLoans', header: '平台签约金额（万元）', format: 'wan' },
    { key: 'platform.disbursed', header: '平台放款金额（万元）', format: 'wan' },
  ],
  construction_unit: [
    { key: 'platform.delivered', header: '平台到货金额（万元）', format: 'wan' },
    { key: 'platform.localDelivered', header: '其中省内供应（万元）', format: 'wan' },
    { key: 'platform.localShareBp', header: '省内采购占比', format: 'percent' },
  ],
  guarantor: [],
  insurer: [],
  enterprise: [],
};

const RATING_COLUMNS: { key: PlatformFigure; header: string; format: 'integer' | 'text' }[] = [
  { key: 'platform.ratingCount', header: '企业评价次数', format: 'integer' },
  { key: 'platform.ratingAverage', header: '企业评价均分', format: 'text' },
];

export function formColumns(cls: InstitutionClass): XlsxColumn<StatisticsFormRow>[] {
  const fields: XlsxColumn<StatisticsFormRow>[] = STATISTICS_FORMS[cls].map((f) => {
    const v = (row: StatisticsFormRow) => row.figures[f.key];
    switch (f.type) {
      case 'yuan':
        return { header: `${f.label.zh}（万元）`, format: 'wan' as const, value: (row) => num(v(row)) };
      case 'bp':
        return { header: f.label.zh, format: 'percent' as const, value: (row) => ratio(v(row)) };
      case 'day':
        return { header: f.label.zh, value: (row) => (typeof v(row) === 'string' ? (v(row) as string) : null) };
      case 'choice':
        return { header: f.label.zh, value: (row) => f.choices?.find((c) => c.value === v(row))?.label.zh ?? null };
    }
  });
  const platform: XlsxColumn<StatisticsFormRow>[] = PLATFORM_COLUMNS[cls].map((c) => ({
    header: c.header,
    format: c.format,
    value: (row) => (c.format === 'percent' ? ratio(row.platform[c.key]) : num(row.platform[c.key])),
  }));
  const ratings: XlsxColumn<StatisticsFormRow>[] = RATING_COLUMNS.map((c) => ({
    header: c.header,
    format: c.format,
    value: (row) => (c.format === 'text' ? (typeof row.platform[c.key] === 'number' ? row.platform[c.key]!.toFixed(2) : null) : num(row.platform[c.key])),
  }));
  return [
    { header: '机构名称', width: 32, value: (row) => row.organisationName },
    { header: '状态', value: (row) => STATE_LABELS[row.state] ?? row.state },
    { header: '报送时限', format: 'date', value: (row) => row.dueOn },
    { header: '及时性', value: (row) => TIMING_LABELS[row.timing] ?? row.timing },
    ...fields,
    ...platform,
    ...ratings,
    { header: '退回原因', width: 30, value: (row) => row.returnReason },
  ];
}

/** One sheet per class the period asks for, its rows read a page at a time. */
export function formSheets(
  classes: readonly InstitutionClass[],
  pages: (cls: InstitutionClass) => AsyncIterable<StatisticsFormRow[]>,
): XlsxSheet<StatisticsFormRow>[] {
  return INSTITUTION_CLASSES.filter((c) => classes.includes(c)).map((cls) => ({ name: CLASS_LABELS[cls], columns: formColumns(cls), rows: pages(cls) }));
}
