// The columns of the tracking export (跟踪落实 · 签约项目): the console's view, in Chinese.
import { INDUSTRY_CHAINS, type TrackingRow, type TrackingStage, type TrackingState } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

/** The console's words (zh-CN `tracking.states`, `tracking.stages`, `tracking.obligationStates`). */
const STATE_ZH: Record<TrackingState, string> = { on_time: '按期', due_soon: '即将到期', overdue: '逾期', under_supervision: '督办中', performed: '已履行' };
const STAGE_ZH: Record<TrackingStage, string> = {
  signed: '已签约',
  approved: '已审批',
  disbursed: '已放款',
  delivered: '已交付',
  performed: '履行完毕',
  terminated: '已终止',
};
const OBLIGATION_STATE_ZH: Record<string, string> = { open: '待报送', submitted: '待审核', accepted: '已采纳', returned: '已退回', waived: '免报' };

const chainName = (code: string) => (code === 'other' ? '其他' : (INDUSTRY_CHAINS.find((c) => c.code === code)?.name ?? code));

export const TRACKING_COLUMNS: XlsxColumn<TrackingRow>[] = [
  { header: '签约项目', width: 36, value: (r) => r.title },
  { header: '协议类型', value: (r) => zh('agreementKind', r.kind) },
  { header: '专场', width: 24, value: (r) => r.session.title },
  { header: '产业链', width: 20, value: (r) => chainName(r.chain) },
  { header: '签约金额（万元）', format: 'wan', value: (r) => r.amount },
  { header: '签约各方', width: 48, value: (r) => r.parties.map((p) => `${zh('role', p.role)}：${p.name}`).join('；') },
  { header: '签署时间', format: 'datetime', value: (r) => r.signedAt },
  { header: '进展阶段', value: (r) => STAGE_ZH[r.stage] },
  { header: '状态', value: (r) => STATE_ZH[r.state] },
  { header: '下次报送截止', format: 'date', value: (r) => r.nextDue?.dueOn },
  { header: '报送单位', width: 28, value: (r) => r.nextDue?.organisationName },
  { header: '报告状态', value: (r) => (r.nextDue ? (OBLIGATION_STATE_ZH[r.nextDue.state] ?? r.nextDue.state) : null) },
  { header: '已报送', format: 'integer', value: (r) => r.reports.filed },
  { header: '已采纳', format: 'integer', value: (r) => r.reports.accepted },
  { header: '待审核', format: 'integer', value: (r) => r.reports.awaitingReview },
  { header: '逾期未报', format: 'integer', value: (r) => r.reports.overdue },
];
