// The columns of the supervision notices export (督办单): the console's list, in Chinese.
import type { SupervisionNotice, SupervisionState } from '@duijie/shared';
import type { XlsxColumn } from '../common/xlsx';

/** The console's words (zh-CN `supervision.states`, `tracking.steps`, `tracking.obligationStates`). */
const STATE_ZH: Record<SupervisionState, string> = { issued: '待签收', acknowledged: '已签收', resolved: '已办结', lapsed: '逾期未办' };
export const STEP_ZH: Record<string, string> = { financing: '融资进展报告', delivery: '供货进展报告', progress: '项目进展报告', operating: '经营情况报告' };
const OBLIGATION_STATE_ZH: Record<string, string> = { open: '待报送', submitted: '待审核', accepted: '已采纳', returned: '已退回', waived: '免报' };

export const SUPERVISION_COLUMNS: XlsxColumn<SupervisionNotice>[] = [
  { header: '督办单位', width: 30, value: (n) => n.organisationName },
  { header: '督办事项', width: 36, value: (n) => n.subjectTitle },
  { header: '报告', width: 22, value: (n) => `${STEP_ZH[n.step] ?? n.step} 第 ${n.seq} 期` },
  { header: '原定到期', format: 'date', value: (n) => n.dueOn },
  { header: '报告状态', value: (n) => OBLIGATION_STATE_ZH[n.obligationState] ?? n.obligationState },
  { header: '整改期限', format: 'date', value: (n) => n.deadlineOn },
  { header: '状态', value: (n) => STATE_ZH[n.state] ?? n.state },
  { header: '督办意见', width: 40, value: (n) => n.note },
  { header: '下发人', value: (n) => n.issuedBy },
  { header: '下发时间', format: 'datetime', value: (n) => n.createdAt },
  { header: '签收人', value: (n) => n.acknowledgedBy },
  { header: '签收时间', format: 'datetime', value: (n) => n.acknowledgedAt },
  { header: '办结时间', format: 'datetime', value: (n) => n.resolvedAt },
  { header: '逾期时间', format: 'datetime', value: (n) => n.lapsedAt },
];
