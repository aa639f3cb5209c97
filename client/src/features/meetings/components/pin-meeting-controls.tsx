import { PushpinOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingSlot } from '@duijie/shared';
import { formatTimeRange } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useFailureHandler } from '../../../ui/use-failure';
import { usePinMeeting, useUnpinMeeting } from '../hooks/use-meetings';
import { cellKey } from './table-plan';

type FreeSeat = { slot: MeetingSlot; tables: number[] };

/** The slots a meeting can move to (both parties free then), each with its free tables. */
function freeSeats(meeting: Meeting, slots: MeetingSlot[], tableCount: number, meetings: Meeting[]): FreeSeat[] {
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

type Props = {
  meeting: Meeting;
  slots: MeetingSlot[];
  tableCount: number;
  /** Every meeting of the session, to offer only seats that make no conflict. */
  meetings: Meeting[];
  onDone: () => void;
};

/** Pins a meeting to a free slot (and table, or any), or unpins it. */
export function PinMeetingControls({ meeting, slots, tableCount, meetings, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pin = usePinMeeting();
  const zone = useEventTimeZone(meeting.eventId);
  const unpin = useUnpinMeeting();
  const onFailure = useFailureHandler();
  const seats = freeSeats(meeting, slots, tableCount, meetings);
  const [slot, setSlot] = useState<number | undefined>(undefined);
  const [table, setTable] = useState<number | undefined>(undefined);
  const tablesOfSlot = seats.find((s) => s.slot.slot === slot)?.tables ?? [];

  const doPin = () => {
    if (slot === undefined) return;
    pin.mutate(
      { meeting, slot, table: table ?? null },
      {
        onSuccess: (pinned) => {
          void message.success(t('meetingPlan.pinned', { time: formatTimeRange(pinned.startsAt, pinned.endsAt, zone), table: pinned.table ?? '—' }));
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

  return (
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
          label: `${formatTimeRange(s.slot.startsAt, s.slot.endsAt, zone)} (${t('agenda.tablesLeft', { count: s.tables.length })})`,
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
  );
}
