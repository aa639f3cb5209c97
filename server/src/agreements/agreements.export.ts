// The columns of the agreements export (签约协议): the console's table, the terms, and what each
// agreement's ledger adds up to (审批 / 放款 / 交付), amounts in 万元; a second sheet with the totals.
import { categoryLabel, ENTERPRISE_ROLE_ORDER, type Agreement } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn, XlsxSheet } from '../common/xlsx';

export type AgreementExportRow = {
  agreement: Agreement;
  /** Yuan, from the ledger. */
  approved: number;
  disbursed: number;
  delivered: number;
  outcome: 'open' | 'performed' | 'terminated';
};

/** Over every agreement of the session; amounts in yuan. */
export type AgreementLedgerTotals = { count: number; amount: number; approved: number; disbursed: number; delivered: number };

const OUTCOME_ZH: Record<AgreementExportRow['outcome'], string> = { open: '履行中', performed: '履行完毕', terminated: '已终止' };

/** Parties in a stable order, the enterprise side first (the borrower, the seller), the organiser last. */
const roleRank = (role: string) => {
  const i = (ENTERPRISE_ROLE_ORDER as readonly string[]).indexOf(role);
  return i < 0 ? ENTERPRISE_ROLE_ORDER.length : i;
};

export const AGREEMENT_COLUMNS: XlsxColumn<AgreementExportRow>[] = [
  { header: '协议名称', width: 36, value: (r) => r.agreement.title },
  { header: '协议类型', value: (r) => zh('agreementKind', r.agreement.kind) },
  { header: '协议金额（万元）', format: 'wan', value: (r) => r.agreement.amount },
  {
    header: '签约各方',
    width: 48,
    value: (r) =>
      [...r.agreement.parties]
        .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.organisationName.localeCompare(b.organisationName, 'zh-CN'))
        .map((p) => `${zh('role', p.role)}：${p.organisationName}`)
        .join('；'),
  },
  { header: '状态', value: (r) => zh('agreementStatus', r.agreement.status) },
  { header: '产品', value: (r) => (r.agreement.product ? categoryLabel(r.agreement.product, 'zh-CN') : null) },
  { header: '数量', value: (r) => r.agreement.quantity },
  { header: '单位', value: (r) => r.agreement.unit },
  { header: '期限（月）', format: 'integer', value: (r) => r.agreement.termMonths },
  { header: '审批金额（万元）', format: 'wan', value: (r) => r.approved },
  { header: '放款金额（万元）', format: 'wan', value: (r) => r.disbursed },
  { header: '交付金额（万元）', format: 'wan', value: (r) => r.delivered },
  { header: '履行情况', value: (r) => OUTCOME_ZH[r.outcome] },
  { header: '签署完成时间', format: 'datetime', value: (r) => r.agreement.signedAt },
  { header: '确认时间', format: 'datetime', value: (r) => r.agreement.confirmedAt },
  { header: '更新时间', format: 'datetime', value: (r) => r.agreement.updatedAt },
];

/** The totals sheet (合计): one row with the number of agreements and the sums in 万元. */
export function agreementTotalsSheet(totals: AgreementLedgerTotals): XlsxSheet<AgreementLedgerTotals> {
  return {
    name: '合计',
    columns: [
      { header: '协议数（份）', format: 'integer', value: (t) => t.count },
      { header: '协议金额（万元）', format: 'wan', value: (t) => t.amount },
      { header: '审批金额（万元）', format: 'wan', value: (t) => t.approved },
      { header: '放款金额（万元）', format: 'wan', value: (t) => t.disbursed },
      { header: '交付金额（万元）', format: 'wan', value: (t) => t.delivered },
    ],
    rows: [totals],
  };
}
