// The columns of the coordination exports: member departments (成员单位), key enterprises' liaison
// officers (联络员), their operating reports (运行报告) and the weekly summaries (周摘要), in
// the console's Chinese words (zh-CN `coordination`).
import { addCalendarDays, type Department, type Liaison, type LiaisonCadence, type LiaisonReport, type WeeklySummary } from '@duijie/shared';
import type { XlsxColumn } from '../common/xlsx';

const CADENCE_ZH: Record<LiaisonCadence, string> = { weekly: '每周', biweekly: '每两周', monthly: '每月' };
const sum = (counts: Record<string, number | undefined>) => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);

export const DEPARTMENT_COLUMNS: XlsxColumn<Department>[] = [
  { header: '成员单位', width: 30, value: (d) => d.name },
  { header: '答复单位', width: 30, value: (d) => d.organisationName },
  { header: '办理中问题（件）', format: 'integer', value: (d) => d.openProblems },
  { header: '设立时间', format: 'datetime', value: (d) => d.createdAt },
];

export const LIAISON_COLUMNS: XlsxColumn<Liaison>[] = [
  { header: '重点企业', width: 30, value: (l) => l.organisationName },
  { header: '联络员', value: (l) => l.userName },
  { header: '报送周期', value: (l) => CADENCE_ZH[l.cadence] ?? l.cadence },
  { header: '起算日', format: 'date', value: (l) => l.since },
  { header: '已报送（期）', format: 'integer', value: (l) => l.reportsFiled },
  { header: '最近报送时间', format: 'datetime', value: (l) => l.lastReportAt },
  { header: '最近急报时间', format: 'datetime', value: (l) => l.lastUrgentAt },
  { header: '下次报送', format: 'date', value: (l) => l.nextDueOn },
  { header: '逾期（期）', format: 'integer', value: (l) => l.overdue },
];

export const LIAISON_REPORT_COLUMNS: XlsxColumn<LiaisonReport>[] = [
  { header: '重点企业', width: 30, value: (r) => r.organisationName },
  { header: '报告类型', value: (r) => (r.urgent ? '急报' : '定期报告') },
  { header: '报送期', format: 'date', value: (r) => r.dueOn },
  { header: '填报人', value: (r) => r.filedBy },
  { header: '报送时间', format: 'datetime', value: (r) => r.createdAt },
  { header: '生产', width: 30, value: (r) => r.production },
  { header: '销售', width: 30, value: (r) => r.sales },
  { header: '库存', width: 30, value: (r) => r.inventory },
  { header: '资金', width: 30, value: (r) => r.capital },
  { header: '运输', width: 30, value: (r) => r.transport },
  { header: '困难和问题', width: 40, value: (r) => r.difficulties },
];

export const WEEKLY_SUMMARY_COLUMNS: XlsxColumn<WeeklySummary>[] = [
  { header: '周起', format: 'date', value: (s) => s.figures.from },
  { header: '周止', format: 'date', value: (s) => addCalendarDays(s.figures.to, -1) },
  { header: '本周报送（份）', format: 'integer', value: (s) => sum(s.figures.obligations.filed) },
  { header: '审核通过', format: 'integer', value: (s) => s.figures.obligations.accepted },
  { header: '审核退回', format: 'integer', value: (s) => s.figures.obligations.returned },
  { header: '当前逾期', format: 'integer', value: (s) => s.figures.obligations.overdue.count },
  { header: '新增问题', format: 'integer', value: (s) => sum(s.figures.problems.opened) },
  { header: '新增紧急问题', format: 'integer', value: (s) => s.figures.problems.urgentOpened },
  { header: '办结问题', format: 'integer', value: (s) => sum(s.figures.problems.solved) },
  { header: '未办结', format: 'integer', value: (s) => sum(s.figures.problems.open) },
  { header: '联络员报告（份）', format: 'integer', value: (s) => s.figures.liaison.reports },
  { header: '其中急报', format: 'integer', value: (s) => s.figures.liaison.urgent },
  { header: '生成时间', format: 'datetime', value: (s) => s.figures.generatedAt },
];
