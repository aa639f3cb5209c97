import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { regionLabel } from '@duijie/shared';
import type { MatchEvent } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { useLanguage } from '../../app/use-language';
import { formatDateRange } from '../../ui/dates';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/page-state';
import { ResponsiveList } from '../../ui/responsive-list';
import { rowTestId } from '../../ui/test-id';
import { EventCard } from './components/event-card';
import { useEvents } from './hooks/use-events';

// Organisers only (its date pickers are a good part of a phone's first load): fetched for them alone.
const EventFormModal = lazy(async () => ({ default: (await import('./components/event-form-modal')).EventFormModal }));

export function EventsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const me = useMe();
  const events = useEvents();
  const [creating, setCreating] = useState(false);
  const isOrganiser = me.role === 'organiser';

  const columns: TableColumnsType<MatchEvent> = [
    {
      title: t('fields.eventName'),
      dataIndex: 'name',
      render: (_value, event) => (
        <Link to={`/events/${event.id}`} className="touch-link">
          {event.name}
        </Link>
      ),
    },
    { title: t('fields.province'), dataIndex: 'province', render: (_v, event) => regionLabel(event.province, lang) },
    {
      title: t('fields.eventDates'),
      key: 'dates',
      render: (_v, event) => formatDateRange(event.startDate, event.endDate),
    },
    { title: t('fields.targetAmount'), dataIndex: 'targetAmount', align: 'right', render: (_v, event) => <Money yuan={event.targetAmount} /> },
    { title: t('events.sessionCount'), dataIndex: 'sessionCount', align: 'right' },
    { title: t('events.organiser'), dataIndex: 'organiserName' },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('events.title')}
        </Typography.Title>
        {isOrganiser ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-create">
            {t('events.create')}
          </Button>
        ) : null}
      </Flex>
      <PageState
        loading={events.isPending}
        error={events.error}
        empty={events.data?.length === 0}
        emptyText={t('events.empty')}
        onRetry={() => void events.refetch()}
      >
        <ResponsiveList<MatchEvent>
          rowKey="id"
          columns={columns}
          dataSource={events.data}
          card={(event) => <EventCard event={event} />}
          testId="events"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          tableProps={{ onRow: () => rowTestId('event-row'), scroll: { x: 'max-content' } }}
        />
      </PageState>
      {isOrganiser ? (
        <Suspense fallback={null}>
          <EventFormModal open={creating} onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
