import { CheckOutlined, CloseOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Segmented, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, ORGANISATION_STATUSES, regionLabel } from '@duijie/shared';
import type { Organisation, OrganisationKind, OrganisationStatus } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { useMe } from '../../../app/auth';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { ReasonModal } from '../../../ui/reason-modal';
import { OrganisationStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { InviteUserModal } from './invite-user-modal';
import { OrganisationDetails } from './organisation-details';
import { OrganisationUsers } from './organisation-users';
import { useApproveOrganisation, useOrganisations, useRejectOrganisation, useReinstateOrganisation, useSuspendOrganisation } from '../hooks/use-organisations';
import { OrganisationCreateModal } from './organisation-create-modal';

type StatusFilter = OrganisationStatus | 'all';

const STATUS_ORDER: Record<OrganisationStatus, number> = { pending: 0, approved: 1, rejected: 2, suspended: 3 };

export function OrganisationsTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [kind, setKind] = useState<OrganisationKind | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<Organisation | null>(null);
  const [suspending, setSuspending] = useState<Organisation | null>(null);
  const me = useMe();
  const [invitingTo, setInvitingTo] = useState<Organisation | null>(null);
  const organisations = useOrganisations({ status: status === 'all' ? undefined : status, kind, q, page, pageSize });
  const approve = useApproveOrganisation();
  const reject = useRejectOrganisation();
  const suspend = useSuspendOrganisation();
  const reinstate = useReinstateOrganisation();
  const onFailure = useFailureHandler();

  // Pending organisations first, then the newest.
  const rows = [...(organisations.data?.items ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));

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
    { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (_v, o) => formatDateTime(o.createdAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, o) => (
        <Space size={4} wrap>
          {o.status === 'pending' ? (
            <>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                loading={approve.isPending && approve.variables === o.id}
                onClick={() =>
                  approve.mutate(o.id, {
                    onSuccess: () => {
                      void message.success(t('console.approved', { name: o.name }));
                    },
                    onError: (error) => onFailure(error),
                  })
                }
                data-testid="org-approve"
              >
                {t('console.approve')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(o)} data-testid="org-reject">
                {t('console.reject')}
              </Button>
            </>
          ) : null}
          {o.status === 'approved' ? (
            <Button size="small" icon={<UserAddOutlined />} onClick={() => setInvitingTo(o)} data-testid="org-invite-user">
              {t('console.inviteUser')}
            </Button>
          ) : null}
          {o.status === 'approved' && o.id !== me.organisation.id ? (
            <Button size="small" danger onClick={() => setSuspending(o)} data-testid="org-suspend">
              {t('console.suspend')}
            </Button>
          ) : null}
          {o.status === 'suspended' ? (
            <Button
              size="small"
              loading={reinstate.isPending && reinstate.variables === o.id}
              onClick={() => reinstate.mutate(o.id, { onError: (error) => onFailure(error) })}
              data-testid="org-reinstate"
            >
              {t('console.reinstate')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Segmented<StatusFilter>
            value={status}
            onChange={(next) => {
              setStatus(next);
              setPage(1);
            }}
            options={[...ORGANISATION_STATUSES.map((s) => ({ value: s, label: labels.orgStatus(s) })), { value: 'all', label: t('board.allStatuses') }]}
          />
          <Select<OrganisationKind>
            allowClear
            style={{ width: 180 }}
            placeholder={t('console.allKinds')}
            value={kind}
            onChange={(next) => {
              setKind(next);
              setPage(1);
            }}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.orgKind(k) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('console.searchOrg')}
            onSearch={(value) => {
              setQ(value.trim() === '' ? undefined : value.trim());
              setPage(1);
            }}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="org-create">
          {t('console.createOrg')}
        </Button>
      </Flex>
      <PageState
        loading={organisations.isPending}
        error={organisations.error}
        empty={organisations.data?.total === 0}
        emptyText={t('console.noOrganisations')}
        onRetry={() => void organisations.refetch()}
      >
        <Table<Organisation>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={organisations.isFetching}
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
            total: organisations.data?.total ?? 0,
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
      <OrganisationCreateModal open={creating} onClose={() => setCreating(false)} />
      <ReasonModal
        open={rejecting !== null}
        title={t('console.rejectOrgTitle')}
        description={rejecting ? t('console.rejectOrgBody', { name: rejecting.name }) : undefined}
        required
        okText={t('console.reject')}
        loading={reject.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => {
          if (!rejecting) return;
          reject.mutate(
            { id: rejecting.id, reason },
            {
              onSuccess: () => {
                void message.success(t('console.rejected'));
                setRejecting(null);
              },
              onError: (error) => onFailure(error),
            },
          );
        }}
      />
      <ReasonModal
        open={suspending !== null}
        title={t('console.suspendOrgTitle')}
        description={suspending ? t('console.suspendOrgBody', { name: suspending.name }) : undefined}
        required
        okText={t('console.suspend')}
        loading={suspend.isPending}
        onCancel={() => setSuspending(null)}
        onSubmit={(reason) => {
          if (!suspending) return;
          suspend.mutate({ id: suspending.id, reason }, { onSuccess: () => setSuspending(null), onError: (error) => onFailure(error) });
        }}
      />
      {invitingTo ? <InviteUserModal open organisationId={invitingTo.id} organisationName={invitingTo.name} onClose={() => setInvitingTo(null)} /> : null}
    </Space>
  );
}
