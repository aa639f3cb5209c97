import { CheckCircleOutlined, CloseCircleOutlined, PushpinOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Flex, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, Meeting, MeetingSlot } from '@duijie/shared';
import { formatTimeRange } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { MeetingStatusTag } from '../../../ui/status-tag';
import { useFailureHandler } from '../../../ui/use-failure';
import { useMarkAttendance, usePinMeeting, useUnpinMeeting } from '../hooks/use-meetings';
import { cellKey } from './table-plan';

type Props = {
  meeting: Meeting | null;
  slots: MeetingSlot[];
  tableCount: number;
  /** Every meeting of the session, to offer only seats that make no conflict. */
  meetings: Meeting[];
  onClose: () => void;
};

/** The slots a meeting can move to (both parties free then), each with its free tables. */
function freeSeats(meeting: Meeting, slots: MeetingSlot[], tableCount: number, meetings: Meeting[]) {
  const taken = new Set<string>();
  const busyParties = new Map<number, Set<string>>();
  for (const m of meetings) {
    if (m.id === meeting.id || m.slot === null || m.status === 'cancelled') continue;
    if (m.table !== null) taken.add(cellKey(m.slot, m.table));
    const parties = busyParties.get(m.slot) ?? new Set<string>();
    for (const p of m.parties) parties.add(p.organisationId);
    busyParties.set(m.slot, parties);
  }
  const mine = meeting.parties.map((p) => p.organisationId);
  return slots
    .filter((s) => !mine.some((id) => busyParties.get(s.slot)?.has(id)))
    .map((s) => ({
      slot: s,
      tables: Array.from({ length: tableCount }, (_v, i) => i + 1).filter((table) => !taken.has(cellKey(s.slot, table))),
    }))
    .filter((entry) => entry.tables.length > 0);
}

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
  const pin = usePinMeeting();
  const unpin = useUnpinMeeting();
  const attendance = useMarkAttendance();
  const onFailure = useFailureHandler();
  const seats = freeSeats(meeting, slots, tableCount, meetings);
  const [slot, setSlot] = useState<number | undefined>(undefined);
  const [table, setTable] = useState<number | undefined>(undefined);
  const tablesOfSlot = seats.find((s) => s.slot.slot === slot)?.tables ?? [];
  const scheduled = meeting.slot !== null;
  // The server takes attendance only for published meetings whose slot has begun.
  const [now] = useState(() => Date.now());
  const started = meeting.startsAt !== null && Date.parse(meeting.startsAt) <= now;
  const canMark = meeting.published && started;

  const doPin = () => {
    if (slot === undefined) return;
    pin.mutate(
      { meeting, slot, table: table ?? null },
      {
        onSuccess: (pinned) => {
          void message.success(t('meetingPlan.pinned', { time: formatTimeRange(pinned.startsAt, pinned.endsAt), table: pinned.table ?? '—' }));
          onDone();
        },
        // The server refuses conflicts anyway (someone may have changed the plan meanwhile).
        onError: (error) => onFailure(error),
      },
    );
  };

  const doUnpin = () =>
    unpin.mutate(
      { meeting },
      {
        onSuccess: () => {
          void message.success(t('meetingPlan.unpinned'));
          onDone();
        },
        onError: (error) => onFailure(error),
      },
    );

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
          {scheduled ? `${formatTimeRange(meeting.startsAt, meeting.endsAt)} · ${t('agenda.table', { table: meeting.table ?? '—' })}` : '—'}
        </Descriptions.Item>
        {meeting.unscheduledReason ? (
          <Descriptions.Item label={t('meetingPlan.reason')}>{labels.unscheduledReason(meeting.unscheduledReason)}</Descriptions.Item>
        ) : null}
      </Descriptions>

      <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
        {t('meetingPlan.pinTitle')}
      </Divider>
      <Typography.Text type="secondary">{t('meetingPlan.pinHint')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select<number>
          style={{ width: 240 }}
          placeholder={t('meetingPlan.pickSlot')}
          value={slot}
          onChange={(value) => {
            setSlot(value);
            setTable(undefined);
          }}
          options={seats.map((s) => ({
            value: s.slot.slot,
            label: `${formatTimeRange(s.slot.startsAt, s.slot.endsAt)} (${t('agenda.tablesLeft', { count: s.tables.length })})`,
          }))}
          notFoundContent={t('meetingPlan.noFreeSeat')}
          // A session has a few dozen slots at most: every option rendered, each as wide as its label.
          virtual={false}
          popupMatchSelectWidth={false}
          data-testid="pin-slot"
        />
        <Select<number>
          style={{ width: 160 }}
          placeholder={t('meetingPlan.anyTable')}
          allowClear
          disabled={slot === undefined}
          value={table}
          onChange={(value) => setTable(value)}
          options={tablesOfSlot.map((n) => ({ value: n, label: t('agenda.table', { table: n }) }))}
          data-testid="pin-table"
        />
        <Button type="primary" icon={<PushpinOutlined />} disabled={slot === undefined} loading={pin.isPending} onClick={doPin} data-testid="pin-submit">
          {t('meetingPlan.pin')}
        </Button>
        {meeting.pinned ? (
          <Button loading={unpin.isPending} onClick={doUnpin} data-testid="unpin">
            {t('meetingPlan.unpin')}
          </Button>
        ) : null}
      </Flex>

      {scheduled ? (
        <>
          <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
            {t('meetingPlan.attendance')}
          </Divider>
          {canMark ? null : (
            <Typography.Text type="secondary">{meeting.published ? t('meetingPlan.markNotStarted') : t('meetingPlan.markUnpublished')}</Typography.Text>
          )}
          <Flex gap={8}>
            <Button
              icon={<CheckCircleOutlined />}
              disabled={!canMark || meeting.status === 'held'}
              loading={attendance.isPending && attendance.variables.status === 'held'}
              onClick={() => mark('held')}
              data-testid="mark-held"
            >
              {t('meetingPlan.markHeld')}
            </Button>
            <Button
              danger
              icon={<CloseCircleOutlined />}
              disabled={!canMark || meeting.status === 'no_show'}
              loading={attendance.isPending && attendance.variables.status === 'no_show'}
              onClick={() => mark('no_show')}
              data-testid="mark-no-show"
            >
              {t('meetingPlan.markNoShow')}
            </Button>
          </Flex>
        </>
      ) : null}
    </Space>
  );
}
