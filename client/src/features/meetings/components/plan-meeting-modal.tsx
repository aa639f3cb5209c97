import { App, Descriptions, Divider, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, Meeting, MeetingSlot } from '@duijie/shared';
import { formatTimeRange } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { MeetingStatusTag } from '../../../ui/status-tag';
import { useFailureHandler } from '../../../ui/use-failure';
import { useMarkAttendance } from '../hooks/use-meetings';
import { AttendanceButtons } from './attendance-buttons';
import { PinMeetingControls } from './pin-meeting-controls';

type Props = {
  meeting: Meeting | null;
  slots: MeetingSlot[];
  tableCount: number;
  /** Every meeting of the session, to offer only seats that make no conflict. */
  meetings: Meeting[];
  onClose: () => void;
};

/** A meeting on the table plan: pin it to a free seat, unpin it, mark whether it took place. */
export function PlanMeetingModal({ meeting, slots, tableCount, meetings, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={meeting !== null} title={t('meetingPlan.meetingTitle')} footer={null} onCancel={onClose} destroyOnHidden width={600}>
      {meeting ? <PlanMeetingBody meeting={meeting} slots={slots} tableCount={tableCount} meetings={meetings} onDone={onClose} /> : null}
    </Modal>
  );
}

type BodyProps = Omit<Props, 'meeting' | 'onClose'> & { meeting: Meeting; onDone: () => void };

function PlanMeetingBody({ meeting, slots, tableCount, meetings, onDone }: BodyProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const attendance = useMarkAttendance();
  const onFailure = useFailureHandler();
  const scheduled = meeting.slot !== null;
  // The server takes attendance only for published meetings whose slot has begun.
  const [now] = useState(() => Date.now());
  const started = meeting.startsAt !== null && Date.parse(meeting.startsAt) <= now;
  const canMark = meeting.published && started;

  const mark = (status: AttendanceStatus) =>
    attendance.mutate(
      { meeting, status },
      {
        onSuccess: () => {
          void message.success(t('meetingPlan.marked', { status: labels.meetingStatus(status) }));
          onDone();
        },
        onError: (error) => onFailure(error),
      },
    );

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="plan-meeting-modal" data-meeting-id={meeting.id}>
      <MeetingSummary meeting={meeting} />

      <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
        {t('meetingPlan.pinTitle')}
      </Divider>
      <Typography.Text type="secondary">{t('meetingPlan.pinHint')}</Typography.Text>
      <PinMeetingControls meeting={meeting} slots={slots} tableCount={tableCount} meetings={meetings} onDone={onDone} />

      {scheduled ? (
        <>
          <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
            {t('meetingPlan.attendance')}
          </Divider>
          {canMark ? null : (
            <Typography.Text type="secondary">{meeting.published ? t('meetingPlan.markNotStarted') : t('meetingPlan.markUnpublished')}</Typography.Text>
          )}
          <AttendanceButtons meeting={meeting} canMark={canMark} marking={attendance.isPending ? attendance.variables.status : undefined} onMark={mark} />
        </>
      ) : null}
    </Space>
  );
}

type SummaryProps = { meeting: Meeting };

/** Who meets whom about what, and where the meeting stands. */
function MeetingSummary({ meeting }: SummaryProps) {
  const { t } = useTranslation();
  const zone = useEventTimeZone(meeting.eventId);
  const labels = useLabels();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('meetings.from')}>{meeting.parties[0].organisationName}</Descriptions.Item>
      <Descriptions.Item label={t('meetings.to')}>{meeting.parties[1].organisationName}</Descriptions.Item>
      <Descriptions.Item label={t('meetings.topic')}>{meeting.topic}</Descriptions.Item>
      <Descriptions.Item label={t('fields.status')}>
        <Space wrap>
          <MeetingStatusTag status={meeting.status} published={meeting.published} />
          {meeting.pinned ? <Typography.Text type="secondary">{t('meetingPlan.isPinned')}</Typography.Text> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('agenda.timeAndTable')}>
        {meeting.slot !== null ? `${formatTimeRange(meeting.startsAt, meeting.endsAt, zone)} · ${t('agenda.table', { table: meeting.table ?? '—' })}` : '—'}
      </Descriptions.Item>
      {meeting.unscheduledReason ? (
        <Descriptions.Item label={t('meetingPlan.reason')}>{labels.unscheduledReason(meeting.unscheduledReason)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
