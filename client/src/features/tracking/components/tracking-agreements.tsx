import { AlertOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type MatchSession, type TrackingQuery, type TrackingRow } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { SupervisionDialog } from '../../supervision';
import { useTracking } from '../hooks/use-tracking';
import { overdueOfSelected } from '../tracking-values';
import { useTrackingColumns } from './tracking-columns';
import { FollowUpDrawer } from './follow-up-drawer';
import { TrackingFilters } from './tracking-filters';
import { TrackingTotals } from './tracking-totals';

type Props = { eventId: string; sessions: MatchSession[] };

/** Every signed agreement of the event: its stage, next report due and state, filtered, paged, with bulk supervision. */
export function TrackingAgreements({ eventId, sessions }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TrackingQuery>({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<TrackingRow[]>([]);
  const [opened, setOpened] = useState<TrackingRow | null>(null);
  const [supervising, setSupervising] = useState(false);
  const tracking = useTracking(eventId, query);
  const page = tracking.data;
  const timeZone = page?.timeZone ?? 'Asia/Shanghai';
  const overdueIds = overdueOfSelected(
    selected,
    selected.map((r) => r.agreementId),
  );
  const change = (next: TrackingQuery) => {
    setQuery(next);
    setSelected([]);
  };

  const columns = useTrackingColumns();

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <TrackingTotals totals={page?.totals} active={query.state} onPick={(state) => change({ ...query, state, page: 1 })} />
      <Flex wrap gap={8} justify="space-between" align="center">
        <TrackingFilters sessions={sessions} query={query} onChange={change} />
        <Space wrap>
          <ExportButton
            route={routes.tracking.export}
            args={{
              params: { id: eventId },
              query: { sessionId: query.sessionId, chain: query.chain, organisationId: query.organisationId, bankId: query.bankId, state: query.state },
            }}
            table="tracking"
          />
          <Button danger icon={<AlertOutlined />} disabled={overdueIds.length === 0} onClick={() => setSupervising(true)} data-testid="tracking-supervise">
            {t('tracking.supervise', { count: overdueIds.length })}
          </Button>
        </Space>
      </Flex>
      <PageState
        loading={tracking.isPending}
        error={tracking.error}
        onRetry={() => void tracking.refetch()}
        empty={page !== undefined && page.total === 0 && !query.state && !query.sessionId && !query.chain && !query.organisationId && !query.bankId}
        emptyText={t('tracking.empty')}
      >
        <Table<TrackingRow>
          rowKey="agreementId"
          size="middle"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={tracking.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('tracking.noMatch') }}
          rowSelection={{
            selectedRowKeys: selected.map((r) => r.agreementId),
            onChange: (_keys, rows) => setSelected(rows),
            getCheckboxProps: (r) => ({ disabled: r.overdueObligationIds.length === 0 }),
          }}
          onRow={(r) => ({ ...rowTestId('tracking-row', { 'data-state': r.state }), onClick: () => setOpened(r), style: { cursor: 'pointer' } })}
          pagination={{
            current: page?.page ?? query.page,
            pageSize: page?.pageSize ?? query.pageSize,
            total: page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('tracking.totalRows', { total }),
            onChange: (p, pageSize) => change({ ...query, page: p, pageSize }),
          }}
          data-testid="tracking-table"
        />
      </PageState>
      <FollowUpDrawer eventId={eventId} row={opened} timeZone={timeZone} onClose={() => setOpened(null)} />
      <SupervisionDialog
        eventId={eventId}
        obligationIds={overdueIds}
        open={supervising}
        onClose={() => setSupervising(false)}
        onDone={() => {
          setSupervising(false);
          setSelected([]);
          void tracking.refetch();
        }}
      />
    </Space>
  );
}
