import { Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type AuditEntry } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useAudit } from '../hooks/use-audit';

export function AuditTab() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState<string | undefined>(undefined);
  const [entityId, setEntityId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const audit = useAudit({ entityType, entityId, page, pageSize });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, EVENT_TIME_ZONE)}</span>,
    },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (_v, e) => e.actorName ?? t('listing.systemActor') },
    { title: t('audit.action'), dataIndex: 'action', render: (_v, e) => <Typography.Text code>{e.action}</Typography.Text> },
    { title: t('audit.entityType'), dataIndex: 'entityType' },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (_v, e) => (
        <Typography.Text copyable={{ text: e.entityId }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {e.entityId.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];

  const clean = (value: string) => (value.trim() === '' ? undefined : value.trim());

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('audit.entityType')}
          onSearch={(value) => {
            setEntityType(clean(value));
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('audit.entityId')}
          onSearch={(value) => {
            setEntityId(clean(value));
            setPage(1);
          }}
        />
        <ExportButton route={routes.audit.export} args={{ query: { entityType, entityId } }} table="audit" />
      </Space>
      <PageState
        loading={audit.isPending}
        error={audit.error}
        empty={audit.data?.total === 0}
        emptyText={t('audit.empty')}
        onRetry={() => void audit.refetch()}
      >
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items}
          loading={audit.isFetching}
          onRow={() => rowTestId('audit-row')}
          expandable={{
            rowExpandable: (e) => e.data !== null,
            expandedRowRender: (e) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(e.data, null, 2)}</pre>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.totalCount', { count }),
            onChange: (nextPage, nextSize) => {
              setPage(nextPage);
              setPageSize(nextSize);
            },
          }}
          scroll={{ x: 'max-content' }}
        />
      </PageState>
    </Space>
  );
}
