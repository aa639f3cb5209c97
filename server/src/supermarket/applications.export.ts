// The columns of the supermarket export (对接超市 · 融资申请): every application, and the answers per bank as the console shows them.
import type { FinancingApplication, OverdueByOrganisation } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

export const APPLICATION_COLUMNS: XlsxColumn<FinancingApplication>[] = [
  { header: '申请企业', width: 30, value: (a) => a.need.organisationName },
  { header: '融资需求', width: 30, value: (a) => a.need.title },
  { header: '需求金额（万元）', format: 'wan', value: (a) => a.need.financing?.amount },
  { header: '期限（月）', format: 'integer', value: (a) => a.need.financing?.termMonths },
  { header: '用途', value: (a) => zh('purpose', a.need.financing?.purpose) },
  { header: '金融产品', width: 30, value: (a) => a.offer.title },
  { header: '答复机构', width: 30, value: (a) => a.offer.organisationName },
  { header: '状态', value: (a) => zh('applicationStatus', a.status) },
  { header: '已逾期', value: (a) => (a.overdue ? '是' : '否') },
  { header: '婉拒理由', width: 30, value: (a) => a.reason },
  { header: '申请时间', format: 'datetime', value: (a) => a.createdAt },
  { header: '答复期限', format: 'datetime', value: (a) => a.answerBy },
  { header: '答复时间', format: 'datetime', value: (a) => a.answeredAt },
];

/** The console's table (融资申请答复情况（按机构）). */
export const OVERDUE_COLUMNS: XlsxColumn<OverdueByOrganisation>[] = [
  { header: '答复机构', width: 30, value: (r) => r.organisationName },
  { header: '待答复', format: 'integer', value: (r) => r.pending },
  { header: '已逾期', format: 'integer', value: (r) => r.overdue },
  { header: '最早逾期的答复期限', format: 'datetime', value: (r) => r.oldestAnswerBy },
];
