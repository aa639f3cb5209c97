import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, sessionSlots } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import type { MatchSession, Meeting } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { PlanMeetingModal } from './plan-meeting-modal';
import { SchedulePanel } from './schedule-panel';
import { TablePlan } from './table-plan';
import { useLiveMeetings } from '../hooks/use-live-meetings';
import { useLatestScheduleRun, useMeetingStats, useSessionMeetings } from '../hooks/use-meetings';
import { SessionPicker, usePickedSession } from '../../events/components/session-picker';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';

/** 洽谈排程: a session's meetings, the scheduler, publishing, and the table plan. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const { session, picker } = usePickedSession();
  useLiveMeetings();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <SessionPicker {...picker} />
      {session ? <SessionPlan key={session.id} session={session} /> : <PageState loading={false} empty emptyText={t('console.pickSessionFirst')} />}
    </Space>
  );
}

type Props = { session: MatchSession };

function SessionPlan({ session }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const meetings = useSessionMeetings(session.id);
  const stats = useMeetingStats(session.id);
  const zone = useEventTimeZone(session.eventId);
  const [openId, setOpenId] = useState<string | null>(null);
  const slots = sessionSlots(session);
  const all = (meetings.data ?? []).filter((m) => m.status !== 'cancelled');
  const placed = all.filter((m) => m.slot !== null && m.table !== null);
  const unplaced = all.filter((m) => m.slot === null || m.table === null);
  // The modal follows the live list, so it shows the meeting as it is now.
  const open = all.find((m) => m.id === openId) ?? null;
  const run = useLatestScheduleRun(session.id).data;
  const reasonOf = (m: Meeting) => m.unscheduledReason ?? run?.unscheduled.find((u) => u.meetingId === m.id)?.reason ?? null;
  const s = stats.data;
  const rate = s?.attendanceRate;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>
            {t('meetingPlan.mode')}:{' '}
            <Tag color={session.meetingMode === 'self_booking' ? 'cyan' : 'purple'} data-testid="plan-meeting-mode" data-mode={session.meetingMode}>
              {labels.meetingMode(session.meetingMode)}
            </Tag>
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('meetingPlan.shape', { slots: slots.length, minutes: session.slotMinutes, tables: session.tableCount })}
          </Typography.Text>
        </Flex>
        <Row gutter={[16, 8]} data-testid="meeting-stats">
          {(
            [
              ['total', s?.total],
              ['unscheduled', s?.unscheduled],
              ['scheduled', s?.scheduled],
              ['published', s?.published],
              ['held', s?.held],
              ['noShow', s?.noShow],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} sm={8} md={4} lg={3}>
              <Statistic title={t(`meetingPlan.stats.${key}`)} value={value ?? '—'} loading={stats.isPending} data-testid={`stat-${key}`} />
            </Col>
          ))}
          <Col xs={12} sm={8} md={4} lg={3}>
            <Statistic
              title={t('meetingPlan.stats.attendanceRate')}
              value={rate === null || rate === undefined ? '—' : Math.round(rate * 1000) / 10}
              suffix={rate === null || rate === undefined ? undefined : '%'}
              loading={stats.isPending}
              data-testid="stat-attendanceRate"
            />
          </Col>
        </Row>
      </Card>
      <SchedulePanel session={session} stats={s} />
      <PageState loading={meetings.isPending} error={meetings.error} onRetry={() => void meetings.refetch()}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={18}>
            <Card
              size="small"
              title={t('meetingPlan.planTitle')}
              extra={<ExportButton route={routes.meetings.export} args={{ params: { id: session.id } }} table="meetings" />}
            >
              {slots.length === 0 || session.tableCount < 1 ? (
                <Typography.Text type="secondary">{t('meetingPlan.noSlots')}</Typography.Text>
              ) : (
                <TablePlan slots={slots} tableCount={session.tableCount} meetings={placed} onOpen={(m) => setOpenId(m.id)} timeZone={zone} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={6}>
            <Card size="small" title={t('meetingPlan.unplacedTitle', { count: unplaced.length })} data-testid="unplaced-meetings">
              {unplaced.length === 0 ? (
                <Typography.Text type="secondary">{t('meetingPlan.allPlaced')}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={8} style={{ width: '100%', maxHeight: '64vh', overflow: 'auto' }}>
                  {unplaced.map((m) => {
                    const reason = reasonOf(m);
                    return (
                      <Card
                        key={m.id}
                        size="small"
                        hoverable
                        onClick={() => setOpenId(m.id)}
                        data-testid="unplaced-meeting"
                        data-meeting-id={m.id}
                        data-reason={reason ?? ''}
                      >
                        <Typography.Text strong style={{ display: 'block' }}>
                          {m.parties[0].organisationName}
                        </Typography.Text>
                        <Typography.Text style={{ display: 'block' }}>{m.parties[1].organisationName}</Typography.Text>
                        {reason ? (
                          <Typography.Text type="warning" style={{ fontSize: 12 }}>
                            {labels.unscheduledReason(reason)}
                          </Typography.Text>
                        ) : null}
                      </Card>
                    );
                  })}
                </Space>
              )}
            </Card>
          </Col>
        </Row>
      </PageState>
      <PlanMeetingModal meeting={open} slots={slots} tableCount={session.tableCount} meetings={all} onClose={() => setOpenId(null)} />
    </Space>
  );
}
