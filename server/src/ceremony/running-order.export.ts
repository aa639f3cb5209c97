// The columns of the ceremony's running order export (签约仪式议程): each batch in its place on
// stage and its agreements in order, then the agreements in no batch yet, in Chinese.
import { INDUSTRY_CHAINS, type CeremonyAgreement, type CeremonyBatch, type RunningOrder } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

/** One line of the sheet: an agreement of a batch (or of none), or a batch without agreements. */
export type RunningOrderRow = { batch: CeremonyBatch | null; order: number | null; agreement: CeremonyAgreement | null; sessionTitle: string };

const chainZh = (code: string | null) => (code === null ? '' : (INDUSTRY_CHAINS.find((c) => c.code === code)?.name ?? '其他（非产业链）'));

export const RUNNING_ORDER_COLUMNS: XlsxColumn<RunningOrderRow>[] = [
  { header: '批次', format: 'integer', width: 8, value: (r) => r.batch?.position ?? null },
  { header: '批次名称', width: 30, value: (r) => r.batch?.title ?? '（未编入批次）' },
  { header: '当前上台', width: 10, value: (r) => (r.batch?.onStage ? '是' : '') },
  { header: '批内顺序', format: 'integer', value: (r) => r.order },
  { header: '协议名称', width: 36, value: (r) => r.agreement?.title },
  { header: '协议类型', width: 16, value: (r) => (r.agreement ? zh('agreementKind', r.agreement.kind) : null) },
  { header: '签约各方', width: 40, value: (r) => r.agreement?.parties.join('、') },
  { header: '金额（万元）', format: 'wan', value: (r) => r.agreement?.amount },
  { header: '协议状态', value: (r) => (r.agreement ? zh('agreementStatus', r.agreement.status) : null) },
  { header: '产业链', width: 20, value: (r) => (r.agreement ? chainZh(r.agreement.chain) : null) },
  { header: '场次', width: 30, value: (r) => r.sessionTitle },
];

/** The sheet's lines in running order: a batch's agreements in its order, an empty batch as one line; the unbatched last. */
export function runningOrderRows(order: RunningOrder, sessionTitles: ReadonlyMap<string, string>): RunningOrderRow[] {
  const title = (a: CeremonyAgreement) => sessionTitles.get(a.sessionId) ?? '';
  const rows: RunningOrderRow[] = [];
  for (const batch of order.batches) {
    if (batch.agreements.length === 0) rows.push({ batch, order: null, agreement: null, sessionTitle: '' });
    batch.agreements.forEach((agreement, i) => rows.push({ batch, order: i + 1, agreement, sessionTitle: title(agreement) }));
  }
  for (const agreement of order.unbatched) rows.push({ batch: null, order: null, agreement, sessionTitle: title(agreement) });
  return rows;
}
