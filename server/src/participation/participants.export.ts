// The columns of the participants export (参会机构): the console's table, in Chinese.
import type { Participation } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

export const PARTICIPANT_COLUMNS: XlsxColumn<Participation>[] = [
  { header: '机构名称', width: 36, value: (p) => p.organisationName },
  { header: '机构类型', value: (p) => zh('orgKind', p.organisationKind) },
  { header: '参会角色', value: (p) => zh('role', p.role) },
  { header: '状态', value: (p) => zh('participationStatus', p.status) },
  { header: '驳回理由', width: 30, value: (p) => p.reason },
  { header: '申请时间', format: 'datetime', value: (p) => p.createdAt },
  { header: '审核时间', format: 'datetime', value: (p) => p.decidedAt },
];
