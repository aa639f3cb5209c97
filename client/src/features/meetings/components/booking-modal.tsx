import { Alert, App, Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FreeSlot, Meeting } from '@duijie/shared';
import { isApiFailure } from '../../../api/client';
import { formatTimeRange } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useBookMeeting, useFreeSlots } from '../hooks/use-meetings';

type Props = {
  /** The meeting to book a slot for; null when closed. */
  meeting: Meeting | null;
  counterpartName: string;
  onClose: () => void;
};

/** Codes for "someone else took that slot or its last table first". */
const TAKEN_CODES: readonly string[] = ['slot_taken', 'no_table'];

/**
 * 预约时段: the slots in which both parties are free and a table is left; the first to book a
 * slot gets it. When someone else was faster the list refreshes and says so.
 */
export function BookingModal({ meeting, counterpartName, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const free = useFreeSlots(meeting?.id ?? null);
  const book = useBookMeeting();
  const zone = useEventTimeZone(meeting?.eventId);
  const onFailure = useFailureHandler();

  const onBook = (slot: FreeSlot) => {
    if (!meeting) return;
    book.mutate(
      { meeting, slot: slot.slot },
      {
        onSuccess: (booked) => {
          void message.success(t('agenda.booked', { time: formatTimeRange(booked.startsAt, booked.endsAt, zone), table: booked.table ?? '—' }));
          onClose();
        },
        onError: (error) => {
          if (isApiFailure(error) && error.status === 409 && TAKEN_CODES.includes(error.body.code)) {
            // The list refreshes on its own (the booking settles by refetching free slots).
            void message.warning(t('agenda.slotTaken'));
            return;
          }
          onFailure(error);
        },
      },
    );
  };

  const columns: TableColumnsType<FreeSlot> = [
    { title: t('agenda.time'), key: 'time', render: (_v, s) => formatTimeRange(s.startsAt, s.endsAt, zone) },

    { title: t('agenda.half'), dataIndex: 'half', render: (_v, s) => t(`enums.halfWish.${s.half}`) },
    { title: t('agenda.freeTables'), dataIndex: 'freeTables', render: (_v, s) => t('agenda.tablesLeft', { count: s.freeTables }) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, s) => (
        <Button
          size="small"
          type="primary"
          loading={book.isPending && book.variables.slot === s.slot}
          disabled={book.isPending}
          onClick={() => onBook(s)}
          data-testid="free-slot-book"
        >
          {t('agenda.book')}
        </Button>
      ),
    },
  ];

  return (
    <Modal open={meeting !== null} title={t('agenda.bookTitle')} footer={null} onCancel={onClose} destroyOnHidden width={640}>
      {meeting ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('agenda.counterpart')}>{counterpartName}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.topic')}>{meeting.topic}</Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('agenda.bookHint')} />
          <PageState
            loading={free.isPending}
            error={free.error}
            empty={(free.data ?? []).length === 0}
            emptyText={<span data-testid="free-slots-empty">{t('agenda.noFreeSlots')}</span>}
            onRetry={() => void free.refetch()}
          >
            <Table<FreeSlot>
              rowKey="slot"
              size="small"
              columns={columns}
              dataSource={free.data}
              pagination={false}
              scroll={{ y: 360 }}
              onRow={(s) => rowTestId('free-slot', { 'data-slot': String(s.slot), 'data-starts-at': s.startsAt })}
            />
          </PageState>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('agenda.bookAvailabilityHint')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
