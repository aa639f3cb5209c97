// The columns of the events export (活动与场次): the console's events tab, one sheet of events and
// one of their sessions, in Chinese. Events may be held in different zones, so each row's times are
// written at its own event's wall clock.
import { regionLabel, type MatchEvent, type MatchSession } from '@duijie/shared';
import { zh } from '../common/export-labels';
import { cellValue, type XlsxColumn } from '../common/xlsx';

/** A session with what the sheet says of its event. */
export type SessionExportRow = MatchSession & { eventName: string; timeZone: string };

const at = (iso: string | null, timeZone: string) => (iso === null ? null : cellValue(iso, 'datetime', timeZone));

export const EVENT_COLUMNS: XlsxColumn<MatchEvent>[] = [
  { header: '活动名称', width: 36, value: (e) => e.name },
  { header: '举办省份', width: 14, value: (e) => regionLabel(e.province, 'zh-CN') },
  { header: '开始日期', format: 'date', value: (e) => e.startDate },
  { header: '结束日期', format: 'date', value: (e) => e.endDate },
  { header: '签约目标（万元）', format: 'wan', value: (e) => e.targetAmount },
  { header: '场次数', format: 'integer', value: (e) => e.sessionCount },
  { header: '主办单位', width: 30, value: (e) => e.organiserName },
  { header: '时区', width: 18, value: (e) => e.timeZone },
  { header: '申请答复时限（小时）', format: 'integer', value: (e) => e.applicationAnswerHours },
  { header: '洽谈邀约答复时限（小时）', format: 'integer', value: (e) => e.meetingAnswerHours },
  { header: '创建时间', format: 'datetime', value: (e) => at(e.createdAt, e.timeZone) },
  { header: '活动简介', width: 48, value: (e) => e.description },
];

export const SESSION_COLUMNS: XlsxColumn<SessionExportRow>[] = [
  { header: '所属活动', width: 30, value: (s) => s.eventName },
  { header: '场次名称', width: 36, value: (s) => s.title },
  { header: '对接类型', width: 20, value: (s) => zh('sessionKind', s.kind) },
  { header: '状态', value: (s) => zh('sessionStatus', s.status) },
  { header: '牵头部门', width: 22, value: (s) => s.leadDepartment },
  { header: '地点', width: 24, value: (s) => s.venue },
  { header: '开始时间', format: 'datetime', value: (s) => at(s.startsAt, s.timeZone) },
  { header: '结束时间', format: 'datetime', value: (s) => at(s.endsAt, s.timeZone) },
  { header: '午休开始', format: 'datetime', value: (s) => at(s.breakStartsAt, s.timeZone) },
  { header: '午休结束', format: 'datetime', value: (s) => at(s.breakEndsAt, s.timeZone) },
  { header: '签约仪式时间', format: 'datetime', value: (s) => at(s.ceremonyAt, s.timeZone) },
  { header: '每场洽谈（分钟）', format: 'integer', value: (s) => s.slotMinutes },
  { header: '洽谈桌数', format: 'integer', value: (s) => s.tableCount },
  { header: '报名方式', value: (s) => zh('registrationMode', s.registrationMode) },
  { header: '洽谈安排方式', width: 14, value: (s) => zh('meetingMode', s.meetingMode) },
];
