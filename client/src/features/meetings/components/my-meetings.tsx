import { ClockCircleOutlined, ScheduleOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSession, Meeting } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { formatTimeRange } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { MeetingStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useReleaseMeeting, useSessionMeetings } from '../hooks/use-meetings';
import { AvailabilityModal } from './availability-modal';
import { BookingModal } from './booking-modal';
import { MeetingOutcomeSelect } from './meeting-outcome-select';

type Props = { sessions: MatchSession[] };

/** 洽谈安排: my organisation's accepted meetings, session by session. */
export function MyMeetings({ sessions }: Props) {
  const { t } = useTranslation();
  const [availabilityOf, setAvailabilityOf] = useState<MatchSession | null>(null);
  if (sessions.length === 0) return <PageState loading={false} empty emptyText={t('agenda.noSessions')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sessions.map((session) => (
        <SessionMeetings key={session.id} session={session} onAvailability={() => setAvailabilityOf(session)} />
      ))}
      <AvailabilityModal session={availabilityOf} onClose={() => setAvailabilityOf(null)} />
    </Space>
  );
}

type SessionProps = { session: MatchSession; onAvailability: () => void };

function SessionMeetings({ session, onAvailability }: SessionProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const me = useMe();
  const meetings = useSessionMeetings(session.id);
  const zone = useEventTimeZone(session.eventId);
  const release = useReleaseMeeting();
  const onFailure = useFailureHandler();
  const [booking, setBooking] = useState<Meeting | null>(null);
  const selfBooking = session.meetingMode === 'self_booking';
  const list = (meetings.data ?? []).filter((m) => m.status !== 'cancelled');
  const releaseConfirm: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'meeting-release-confirm' };

  const counterpart = (m: Meeting) => m.parties.find((p) => p.organisationId !== me.organisation.id)?.organisationName ?? m.parties[1].organisationName;

  const columns: TableColumnsType<Meeting> = [
    { title: t('agenda.counterpart'), key: 'counterpart', render: (_v, m) => <Typography.Text strong>{counterpart(m)}</Typography.Text> },
    {
      title: t('meetings.topic'),
      dataIndex: 'topic',
      render: (_v, m) => <Typography.Paragraph style={{ margin: 0, maxWidth: 320, whiteSpace: 'pre-wrap' }}>{m.topic}</Typography.Paragraph>,
    },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, m) => <MeetingStatusTag status={m.status} published={m.published} /> },
    {
      title: t('agenda.timeAndTable'),
      key: 'when',
      render: (_v, m) =>
        m.startsAt && m.published ? (
          <Space orientation="vertical" size={0}>
            <span style={{ whiteSpace: 'nowrap' }}>{formatTimeRange(m.startsAt, m.endsAt, zone)}</span>
            {m.table !== null ? <Typography.Text type="secondary">{t('agenda.table', { table: m.table })}</Typography.Text> : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{selfBooking ? t('agenda.notBooked') : t('agenda.awaitingSchedule')}</Typography.Text>
        ),
    },
    {
      title: t('meetingOutcome.label'),
      key: 'outcome',
      render: (_v, m) => (m.startsAt && m.published ? <MeetingOutcomeSelect meeting={m} /> : null),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, m) => {
        if (!selfBooking) return null;
        if (m.status === 'unscheduled') {
          return (
            <Button size="small" type="primary" icon={<ScheduleOutlined />} onClick={() => setBooking(m)} data-testid="meeting-book">
              {t('agenda.book')}
            </Button>
          );
        }
        if (m.status === 'scheduled' && !m.pinned) {
          return (
            <Popconfirm
              title={t('agenda.releaseTitle')}
              description={t('agenda.releaseBody', { time: formatTimeRange(m.startsAt, m.endsAt, zone), name: counterpart(m) })}
              okText={t('agenda.release')}
              okButtonProps={releaseConfirm}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                release.mutate({ meeting: m }, { onSuccess: () => void message.success(t('agenda.released')), onError: (error) => onFailure(error) })
              }
            >
              <Button size="small" icon={<UndoOutlined />} loading={release.isPending && release.variables.meeting.id === m.id} data-testid="meeting-release">
                {t('agenda.release')}
              </Button>
            </Popconfirm>
          );
        }
        return null;
      },
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {session.title}
          <Tag color={selfBooking ? 'cyan' : 'purple'} data-testid="session-meeting-mode" data-mode={session.meetingMode}>
            {labels.meetingMode(session.meetingMode)}
          </Tag>
        </Space>
      }
      extra={
        <Button size="small" icon={<ClockCircleOutlined />} onClick={onAvailability} data-testid="meeting-availability">
          {t('agenda.availability')}
        </Button>
      }
      data-testid="session-meetings"
      data-session-id={session.id}
    >
      <Typography.Paragraph type="secondary">{selfBooking ? t('agenda.selfBookingHint') : t('agenda.scheduledHint')}</Typography.Paragraph>
      <PageState
        loading={meetings.isPending}
        error={meetings.error}
        empty={list.length === 0}
        emptyText={t('agenda.noMeetings')}
        onRetry={() => void meetings.refetch()}
      >
        <Table<Meeting>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={(m) =>
            rowTestId('my-meeting-row', {
              'data-meeting-id': m.id,
              'data-status': m.status,
              'data-table': m.table === null ? '' : String(m.table),
              'data-starts-at': m.startsAt ?? '',
            })
          }
        />
      </PageState>
      <BookingModal meeting={booking} counterpartName={booking ? counterpart(booking) : ''} onClose={() => setBooking(null)} />
    </Card>
  );
}
