// The columns of the problem queue export (问题协调): the console's queue, in Chinese.
import type { Problem, ProblemCategory, ProblemState, ProblemUrgency } from '@duijie/shared';
import type { XlsxColumn } from '../common/xlsx';

/** The console's words (zh-CN `coordination.states`, `.categories`, `.urgencies`). */
const STATE_ZH: Record<ProblemState, string> = { received: '已受理', in_progress: '办理中', resolved: '已办结' };
const CATEGORY_ZH: Record<ProblemCategory, string> = { financing: '资金', transport: '运输', power: '电力', land: '用地', approval: '审批', other: '其他' };
const URGENCY_ZH: Record<ProblemUrgency, string> = { urgent: '紧急', normal: '一般' };

export const PROBLEM_COLUMNS: XlsxColumn<Problem>[] = [
  { header: '标题', width: 32, value: (p) => p.title },
  { header: '反映单位', width: 30, value: (p) => p.organisationName },
  { header: '反映人', value: (p) => p.raisedBy },
  { header: '类别', value: (p) => CATEGORY_ZH[p.category] ?? p.category },
  { header: '紧急程度', value: (p) => URGENCY_ZH[p.urgency] ?? p.urgency },
  { header: '状态', value: (p) => STATE_ZH[p.state] ?? p.state },
  { header: '已逾期', value: (p) => (p.overdue ? '是' : '否') },
  { header: '相关协议', width: 30, value: (p) => p.agreementTitle },
  { header: '问题描述', width: 48, value: (p) => p.description },
  { header: '责任部门', width: 20, value: (p) => p.departmentName },
  { header: '转办时间', format: 'datetime', value: (p) => p.routedAt },
  { header: '答复期限', format: 'date', value: (p) => p.dueOn },
  { header: '答复意见', width: 48, value: (p) => p.answer },
  { header: '答复人', value: (p) => p.answeredBy },
  { header: '答复时间', format: 'datetime', value: (p) => p.answeredAt },
  { header: '反映时间', format: 'datetime', value: (p) => p.createdAt },
];
