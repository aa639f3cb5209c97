// The columns of the meetings export (洽谈安排): the console's table with both parties' outcomes.
import type { Meeting, MeetingOutcomeKind } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

/** The console's words for an outcome (zh-CN `meetingOutcome.options`). */
const OUTCOME_ZH: Record<MeetingOutcomeKind, string> = {
  not_held: '未举行',
  no_interest: '无意向',
  follow_up: '需后续跟进',
  agreement_drafted: '已起草协议',
};

function outcomeOf(m: Meeting, party: 0 | 1): string | null {
  const outcome = m.outcomes?.find((o) => o.organisationId === m.parties[party].organisationId);
  if (!outcome) return null;
  const label = OUTCOME_ZH[outcome.outcome] ?? outcome.outcome;
  return outcome.note ? `${label}：${outcome.note}` : label;
}

export function meetingColumns(): XlsxColumn<Meeting>[] {
  return [
    { header: '洽谈主题', width: 32, value: (m) => m.topic },
    { header: '发起方', width: 28, value: (m) => m.parties[0].organisationName },
    { header: '受邀方', width: 28, value: (m) => m.parties[1].organisationName },
    { header: '状态', value: (m) => zh('meetingStatus', m.status) },
    { header: '桌号', format: 'integer', value: (m) => m.table },
    { header: '开始时间', format: 'datetime', value: (m) => m.startsAt },
    { header: '结束时间', format: 'datetime', value: (m) => m.endsAt },
    { header: '已发布', value: (m) => (m.published ? '是' : '否') },
    { header: '未安排原因', width: 20, value: (m) => zh('unscheduledReason', m.unscheduledReason) },
    { header: '发起方洽谈结果', width: 24, value: (m) => outcomeOf(m, 0) },
    { header: '受邀方洽谈结果', width: 24, value: (m) => outcomeOf(m, 1) },
  ];
}
