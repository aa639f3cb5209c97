import { ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routes, type OverdueByOrganisation } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';

import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useEventDetail, useEvents } from '../../events/hooks/use-events';
import { pickedOrOnly } from '../../events/only-choice';
import { useOverdueApplications } from '../hooks/use-supermarket';

/** The organiser's view of the supermarket: per bank, applications waiting and those past their deadline. */
export function SupermarketTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [picked, setEventId] = useState<string | undefined>(undefined);
  // With one event the tab opens on it.
  const eventId = pickedOrOnly(picked, events.data);

  const event = useEventDetail(eventId);
  const overdue = useOverdueApplications(eventId);
  const rows = overdue.data ?? [];
  const late = rows.filter((r) => r.overdue > 0);
  const lateTotal = late.reduce((sum, r) => sum + r.overdue, 0);

  const columns: TableColumnsType<OverdueByOrganisation> = [
    { title: t('console.overdueOrganisation'), dataIndex: 'organisationName' },
    { title: t('console.overduePending'), dataIndex: 'pending', align: 'right' },
    {
      title: t('console.overdueCount'),
      dataIndex: 'overdue',
      align: 'right',
      render: (_v, r) =>
        r.overdue > 0 ? (
          <Tag color="red" data-testid="overdue-count" style={{ marginInlineEnd: 0 }}>
            {r.overdue}
          </Tag>
        ) : (
          <span data-testid="overdue-count">0</span>
        ),
    },
    {
      title: t('console.overdueOldest'),
      dataIndex: 'oldestAnswerBy',
      render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.oldestAnswerBy, event.data?.timeZone ?? EVENT_TIME_ZONE)}</span>,
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select<string>
          style={{ width: 320 }}
          placeholder={t('console.pickEvent')}
          loading={events.isPending}
          value={eventId}
          onChange={setEventId}
          options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="supermarket-event-picker"
        />
        {eventId ? (
          <Link to={`/events/${eventId}/supermarket`}>
            <Button icon={<ShopOutlined />}>{t('supermarket.open')}</Button>
          </Link>
        ) : null}
        {eventId ? <ExportButton route={routes.supermarket.export} args={{ params: { id: eventId } }} table="applications" /> : null}
      </Space>
      {eventId ? (
        <Card
          size="small"
          title={t('console.overdueTitle')}
          extra={
            event.data ? (
              <Typography.Text type="secondary">{t('console.answerHours', { hours: event.data.applicationAnswerHours ?? 72 })}</Typography.Text>
            ) : null
          }
        >
          <PageState
            loading={overdue.isPending}
            error={overdue.error}
            empty={rows.length === 0}
            emptyText={t('console.overdueEmpty')}
            onRetry={() => void overdue.refetch()}
          >
            {lateTotal > 0 ? (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('console.overdueSummary', { orgs: late.length, count: lateTotal })} />
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('console.overdueNone')} />
            )}
            <Table<OverdueByOrganisation>
              rowKey="organisationId"
              size="middle"
              columns={columns}
              dataSource={rows}
              rowClassName={(r) => (r.overdue > 0 ? 'row-overdue' : '')}
              onRow={(r) => rowTestId('overdue-row', { 'data-organisation-id': r.organisationId, 'data-overdue': String(r.overdue) })}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
            />
          </PageState>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('console.pickEventForSupermarket')} />
      )}
    </Space>
  );
}
