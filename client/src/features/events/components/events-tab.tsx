import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { regionLabel, routes } from '@duijie/shared';
import type { MatchEvent, MatchSession } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { useLanguage } from '../../../app/use-language';
import { formatDateRange } from '../../../ui/dates';
import { ExportButton } from '../../../ui/export-button';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { EventFormModal } from './event-form-modal';
import { SessionFormModal } from './session-form-modal';
import { SessionsTable } from './sessions-table';
import { useEventDetail, useEvents } from '../hooks/use-events';

type EventDialog = { open: false } | { open: true; event?: MatchEvent };
type SessionDialog = { open: false } | { open: true; eventId: string; session?: MatchSession };

type EventSessionsProps = { eventId: string; onEdit: (session: MatchSession) => void };

/** The sessions of one event, loaded when its row is expanded. */
function EventSessions({ eventId, onEdit }: EventSessionsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const detail = useEventDetail(eventId);
  return (
    <PageState
      loading={detail.isPending}
      error={detail.error}
      empty={detail.data?.sessions.length === 0}
      emptyText={t('sessions.empty')}
      onRetry={() => void detail.refetch()}
    >
      <SessionsTable sessions={detail.data?.sessions ?? []} me={me} participations={[]} onEdit={onEdit} />
    </PageState>
  );
}

export function EventsTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const events = useEvents();
  const [eventDialog, setEventDialog] = useState<EventDialog>({ open: false });
  const [sessionDialog, setSessionDialog] = useState<SessionDialog>({ open: false });
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const columns: TableColumnsType<MatchEvent> = [
    { title: t('fields.eventName'), dataIndex: 'name', render: (_v, e) => <Link to={`/events/${e.id}`}>{e.name}</Link> },
    { title: t('fields.province'), dataIndex: 'province', render: (_v, e) => regionLabel(e.province, lang) },
    { title: t('fields.eventDates'), key: 'dates', render: (_v, e) => formatDateRange(e.startDate, e.endDate) },
    { title: t('fields.targetAmount'), dataIndex: 'targetAmount', align: 'right', render: (_v, e) => <Money yuan={e.targetAmount} /> },
    { title: t('events.sessionCount'), dataIndex: 'sessionCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, e) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEventDialog({ open: true, event: e })} data-testid="event-edit">
            {t('common.edit')}
          </Button>
          <Button
            size="small"
            type="primary"
            ghost
            icon={<PlusOutlined />}
            onClick={() => {
              setSessionDialog({ open: true, eventId: e.id });
              setExpanded((keys) => (keys.includes(e.id) ? keys : [...keys, e.id]));
            }}
            data-testid="session-create"
          >
            {t('sessions.create')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="end" gap={8} wrap style={{ marginBottom: 12 }}>
        <ExportButton route={routes.events.export} args={{}} table="events" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEventDialog({ open: true })} data-testid="event-create">
          {t('events.create')}
        </Button>
      </Flex>
      <PageState
        loading={events.isPending}
        error={events.error}
        empty={events.data?.length === 0}
        emptyText={t('events.empty')}
        onRetry={() => void events.refetch()}
      >
        <Table<MatchEvent>
          rowKey="id"
          columns={columns}
          dataSource={events.data}
          onRow={(e) => rowTestId('console-event-row', { 'data-event-id': e.id })}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys),
            expandedRowRender: (e) => <EventSessions eventId={e.id} onEdit={(session) => setSessionDialog({ open: true, eventId: e.id, session })} />,
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </PageState>
      <EventFormModal open={eventDialog.open} event={eventDialog.open ? eventDialog.event : undefined} onClose={() => setEventDialog({ open: false })} />
      <SessionFormModal
        open={sessionDialog.open}
        eventId={sessionDialog.open ? sessionDialog.eventId : ''}
        session={sessionDialog.open ? sessionDialog.session : undefined}
        onClose={() => setSessionDialog({ open: false })}
      />
    </>
  );
}
