import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type Organisation, type OrganisationKind } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { InviteUserModal } from './invite-user-modal';
import { useOrganisationActions } from '../hooks/use-organisation-actions';
import { useOrganisations } from '../hooks/use-organisations';
import { OrganisationCreateModal } from './organisation-create-modal';
import { OrganisationFilters } from './organisation-filters';
import type { OrganisationStatusFilter } from './organisation-filters';
import { RejectOrganisationModal, SuspendOrganisationModal } from './organisation-reason-modals';
import { OrganisationsTable } from './organisations-table';

export function OrganisationsTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OrganisationStatusFilter>('pending');
  const [kind, setKind] = useState<OrganisationKind | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<Organisation | null>(null);
  const [suspending, setSuspending] = useState<Organisation | null>(null);
  const [invitingTo, setInvitingTo] = useState<Organisation | null>(null);
  const organisations = useOrganisations({ status: status === 'all' ? undefined : status, kind, q, page, pageSize });
  const actions = useOrganisationActions();

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex justify="space-between" wrap gap={8}>
        <OrganisationFilters
          status={status}
          onStatusChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
          kind={kind}
          onKindChange={(next) => {
            setKind(next);
            setPage(1);
          }}
          onSearch={(next) => {
            setQ(next);
            setPage(1);
          }}
        />
        <Space wrap>
          <ExportButton
            route={routes.organisations.export}
            args={{ query: { status: status === 'all' ? undefined : status, kind, q } }}
            table="organisations"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="org-create">
            {t('console.createOrg')}
          </Button>
        </Space>
      </Flex>
      <PageState
        loading={organisations.isPending}
        error={organisations.error}
        empty={organisations.data?.total === 0}
        emptyText={t('console.noOrganisations')}
        onRetry={() => void organisations.refetch()}
      >
        <OrganisationsTable
          organisations={organisations.data?.items ?? []}
          total={organisations.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={organisations.isFetching}
          onPageChange={(nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          }}
          handlers={{ ...actions, onReject: setRejecting, onSuspend: setSuspending, onInviteUser: setInvitingTo }}
        />
      </PageState>
      <OrganisationCreateModal open={creating} onClose={() => setCreating(false)} />
      <RejectOrganisationModal organisation={rejecting} onClose={() => setRejecting(null)} />
      <SuspendOrganisationModal organisation={suspending} onClose={() => setSuspending(null)} />
      {invitingTo ? <InviteUserModal open organisationId={invitingTo.id} organisationName={invitingTo.name} onClose={() => setInvitingTo(null)} /> : null}
    </Space>
  );
}
