// The columns of the two import sheets, written once: the reader matches headers with them,
// the template is built from them, and docs/import.md documents them (a spec checks that every
// header is documented). Headers are Chinese, as organisers' own spreadsheets have them.
import type { ImportSheet } from '@duijie/shared';

/**
 * How a cell is read before the API's own validation rules run on the result:
 *  text      the cell as text, trimmed
 *  code      text, upper-cased, spaces removed (credit codes, industry and region codes)
 *  enum      one of a vocabulary: the Chinese label or the API's code
 *  number    a decimal number (digit grouping commas allowed)
 *  integer   a whole number
 *  wan       an amount in 万元, converted to integer yuan (at most 4 decimals: 1 yuan)
 *  percent   a rate in percent, converted to basis points (at most 2 decimals)
 *  date      a day: an Excel date, or text YYYY-MM-DD, YYYY/M/D or YYYY年M月D日
 *  boolean   是/否 (also Y/N, true/false, 1/0)
 *  list      several values separated by 、 , ; or spaces
 */
export type CellKind = 'text' | 'code' | 'enum' | 'number' | 'integer' | 'wan' | 'percent' | 'date' | 'boolean' | 'list';

export type ImportColumn = {
  /** The header in the first row of the sheet. */
  header: string;
  /** The field it fills in the row record. */
  key: string;
  kind: CellKind;
  /** Required for every row, for some listing types only, or optional. */
  required: boolean | 'goods' | 'financing' | 'credit' | 'guarantee' | 'credit_guarantee';
  /** What the template's example row says. */
  example: string | number;
};

export const SHEET_NAMES: Record<ImportSheet, string> = { organisations: '机构', listings: '发布' };

export const ORGANISATION_COLUMNS: readonly ImportColumn[] = [
  { header: '机构名称', key: 'name', kind: 'text', required: true, example: '西宁特殊钢股份有限公司' },
  { header: '统一社会信用代码', key: 'creditCode', kind: 'code', required: true, example: '91630100MA7XQ3RD0H' },
  { header: '机构类型', key: 'kind', kind: 'enum', required: true, example: '企业' },
  { header: '行业代码', key: 'industry', kind: 'code', required: true, example: 'C31' },
  { header: '地区代码', key: 'region', kind: 'code', required: true, example: '630100' },
  { header: '企业规模', key: 'size', kind: 'enum', required: true, example: '大型' },
  { header: '联系人', key: 'contactName', kind: 'text', required: true, example: '张伟' },
  { header: '联系电话', key: 'contactPhone', kind: 'text', required: true, example: '0971-5299999' },
];

export const LISTING_COLUMNS: readonly ImportColumn[] = [
  { header: '统一社会信用代码', key: 'creditCode', kind: 'code', required: true, example: '91630100MA7XQ3RD0H' },
  { header: '专场', key: 'session', kind: 'text', required: true, example: '上下游产业对接专场' },
  { header: '参与角色', key: 'role', kind: 'enum', required: false, example: '供应方' },
  { header: '发布类型', key: 'type', kind: 'enum', required: true, example: '供应' },
  { header: '标题', key: 'title', kind: 'text', required: true, example: '螺纹钢 HRB400 供应' },
  { header: '描述', key: 'description', kind: 'text', required: false, example: '西宁产，现货，可按月供货' },
  // Goods: supply and demand.
  { header: '产品类别', key: 'category', kind: 'text', required: 'goods', example: '钢材' },
  { header: '规格型号', key: 'specification', kind: 'text', required: false, example: 'HRB400 Φ12-25' },
  { header: '数量', key: 'quantity', kind: 'number', required: 'goods', example: 5000 },
  { header: '单位', key: 'unit', kind: 'text', required: false, example: '吨' },
  { header: '最低单价（元）', key: 'priceMin', kind: 'integer', required: false, example: 3600 },
  { header: '最高单价（元）', key: 'priceMax', kind: 'integer', required: false, example: 3900 },
  { header: '交货开始日期', key: 'deliveryFrom', kind: 'date', required: false, example: '2027-01-01' },
  { header: '交货截止日期', key: 'deliveryTo', kind: 'date', required: false, example: '2027-06-30' },
  { header: '货物所在地区代码', key: 'goodsRegion', kind: 'code', required: false, example: '630100' },
  // Financing needs.
  { header: '融资金额（万元）', key: 'amount', kind: 'wan', required: 'financing', example: '' },
  { header: '融资期限（月）', key: 'termMonths', kind: 'integer', required: 'financing', example: '' },
  { header: '融资用途', key: 'purpose', kind: 'enum', required: 'financing', example: '' },
  { header: '抵押物', key: 'collateral', kind: 'text', required: false, example: '' },
  { header: '需要担保', key: 'guaranteeNeeded', kind: 'boolean', required: false, example: '' },
  // Credit offers.
  { header: '单笔最低（万元）', key: 'amountMin', kind: 'wan', required: 'credit', example: '' },
  { header: '单笔最高（万元）', key: 'amountMax', kind: 'wan', required: 'credit', example: '' },
  { header: '授信总额（万元）', key: 'totalLine', kind: 'wan', required: 'credit', example: '' },
  { header: '最短期限（月）', key: 'termMinMonths', kind: 'integer', required: 'credit', example: '' },
  { header: '最长期限（月）', key: 'termMaxMonths', kind: 'integer', required: 'credit', example: '' },
  { header: '最低年利率（%）', key: 'rateMin', kind: 'percent', required: 'credit', example: '' },
  { header: '最高年利率（%）', key: 'rateMax', kind: 'percent', required: 'credit', example: '' },
  { header: '担保要求', key: 'guaranteeRequirement', kind: 'enum', required: 'credit', example: '' },
  // Credit and guarantee offers.
  { header: '面向企业规模', key: 'targetSizes', kind: 'list', required: false, example: '' },
  { header: '面向行业', key: 'targetIndustries', kind: 'list', required: false, example: '' },
  // Guarantee offers.
  { header: '担保能力（万元）', key: 'capacity', kind: 'wan', required: 'guarantee', example: '' },
  { header: '担保费率（%）', key: 'feeRate', kind: 'percent', required: 'guarantee', example: '' },
];

export const COLUMNS: Record<ImportSheet, readonly ImportColumn[]> = { organisations: ORGANISATION_COLUMNS, listings: LISTING_COLUMNS };

/** Headers compare after NFKC (full-width brackets and letters become ASCII), without spaces, case-blind. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function headerOf(sheet: ImportSheet, key: string): string {
  return COLUMNS[sheet].find((c) => c.key === key)?.header ?? key;
}
