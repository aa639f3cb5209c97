import { Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { Organisation, OrganisationStatus } from '@duijie/shared';
import { useMe } from '../../../app/auth';
import { useLanguage } from '../../../app/use-language';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { OrganisationStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { OrganisationDetails } from './organisation-details';
import { OrganisationRowActions } from './organisation-row-actions';
import type { OrganisationRowHandlers } from './organisation-row-actions';
import { OrganisationUsers } from './organisation-users';

const STATUS_ORDER: Record<OrganisationStatus, number> = { pending: 0, approved: 1, rejected: 2, suspended: 3 };

type Props = {
  /** One page of organisations, as the API returned it. */
  organisations: Organisation[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  handlers: OrganisationRowHandlers;
};

/** A page of organisations with their decisions; a row expands to its details and users. */
export function OrganisationsTable({ organisations, total, page, pageSize, loading, onPageChange, handlers }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const me = useMe();

  // Pending organisations first, then the newest.
  const rows = [...organisations].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));

  const columns: TableColumnsType<Organisation> = [
    { title: t('fields.orgName'), dataIndex: 'name' },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      render: (_v, o) => <span style={{ fontFamily: 'monospace' }}>{o.creditCode}</span>,
    },
    { title: t('fields.orgKind'), dataIndex: 'kind', render: (_v, o) => labels.orgKind(o.kind) },
    { title: t('fields.region'), dataIndex: 'region', render: (_v, o) => regionLabel(o.region, lang) },
    { title: t('fields.orgSize'), dataIndex: 'size', render: (_v, o) => labels.orgSize(o.size) },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, o) => <OrganisationStatusTag status={o.status} /> },
    { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (_v, o) => formatDateTime(o.createdAt, EVENT_TIME_ZONE) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, o) => <OrganisationRowActions organisation={o} isOwn={o.id === me.organisation.id} handlers={handlers} />,
    },
  ];

  return (
    <Table<Organisation>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      onRow={(o) => rowTestId('org-row', { 'data-org-id': o.id, 'data-org-status': o.status })}
      expandable={{
        expandedRowRender: (o) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <OrganisationDetails organisation={o} />
            <OrganisationUsers organisationId={o.id} meId={me.id} />
          </Space>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (count) => t('common.totalCount', { count }),
        onChange: onPageChange,
      }}
      scroll={{ x: 'max-content' }}
    />
  );
}
