import { CheckOutlined, ClockCircleOutlined, CloseOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Space, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_STATUSES } from '@duijie/shared';
import type { Participation, ParticipationStatus } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { ReasonModal } from '../../../ui/reason-modal';
import { ParticipationStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { AvailabilityModal } from '../../meetings/components/availability-modal';
import { useApproveParticipant, useParticipants, useRejectParticipant } from '../hooks/use-participation';
import { InviteOrganisationModal } from './invite-organisation-modal';
import { SessionPicker, usePickedSession } from '../../events/components/session-picker';

type StatusFilter = ParticipationStatus | 'all';

export function ParticipantsTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const { session, picker } = usePickedSession();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [rejecting, setRejecting] = useState<Participation | null>(null);
  const [inviting, setInviting] = useState(false);
  const [availabilityOf, setAvailabilityOf] = useState<Participation | null>(null);
  const participants = useParticipants(session?.id, status === 'all' ? undefined : status);
  const approve = useApproveParticipant();
  const reject = useRejectParticipant();
  const onFailure = useFailureHandler();

  const columns: TableColumnsType<Participation> = [
    { title: t('fields.organisation'), dataIndex: 'organisationName' },
    { title: t('fields.orgKind'), dataIndex: 'organisationKind', render: (_v, p) => labels.orgKind(p.organisationKind) },
    { title: t('fields.role'), dataIndex: 'role', render: (_v, p) => labels.role(p.role) },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (_v, p) => (
        <Tooltip title={p.reason ?? undefined}>
          <span>
            <ParticipationStatusTag status={p.status} />
          </span>
        </Tooltip>
      ),
    },
    { title: t('console.appliedAt'), dataIndex: 'createdAt', render: (_v, p) => formatDateTime(p.createdAt) },
    { title: t('console.decidedAt'), dataIndex: 'decidedAt', render: (_v, p) => formatDateTime(p.decidedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, p) =>
        p.status === 'pending' || p.status === 'invited' ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              loading={approve.isPending && approve.variables.id === p.id}
              onClick={() =>
                approve.mutate(p, {
                  onSuccess: () => {
                    void message.success(t('console.approved', { name: p.organisationName }));
                  },
                  onError: (error) => onFailure(error),
                })
              }
              data-testid="participant-approve"
            >
              {t('console.approve')}
            </Button>
            <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(p)} data-testid="participant-reject">
              {t('console.reject')}
            </Button>
          </Space>
        ) : p.status === 'approved' ? (
          // At the help desk: the participant's slots and half-day wish, given for them.
          <Button size="small" icon={<ClockCircleOutlined />} onClick={() => setAvailabilityOf(p)} data-testid="participant-availability">
            {t('agenda.availability')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex justify="space-between" wrap gap={8}>
        <SessionPicker {...picker} />
        {session?.registrationMode === 'invitation' ? (
          <Button icon={<UsergroupAddOutlined />} onClick={() => setInviting(true)} data-testid="session-invite-org">
            {t('console.inviteOrg')}
          </Button>
        ) : null}
      </Flex>
      {session ? (
        <Card size="small">
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            style={{ marginBottom: 12 }}
            options={[
              { value: 'all', label: t('board.allStatuses') },
              ...PARTICIPATION_STATUSES.map((s) => ({ value: s, label: labels.participationStatus(s) })),
            ]}
          />
          <PageState
            loading={participants.isPending}
            error={participants.error}
            empty={participants.data?.length === 0}
            emptyText={t('console.noParticipants')}
            onRetry={() => void participants.refetch()}
          >
            <Table<Participation>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={participants.data}
              loading={participants.isFetching}
              onRow={(p) => rowTestId('participant-row', { 'data-participant-id': p.id })}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
            />
          </PageState>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('console.pickSessionFirst')} />
      )}
      <ReasonModal
        open={rejecting !== null}
        title={t('console.rejectParticipantTitle')}
        description={rejecting ? t('console.rejectParticipantBody', { name: rejecting.organisationName }) : undefined}
        required
        okText={t('console.reject')}
        loading={reject.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => {
          if (!rejecting) return;
          reject.mutate(
            { participation: rejecting, reason },
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
      {session ? <InviteOrganisationModal open={inviting} session={session} onClose={() => setInviting(false)} /> : null}
      <AvailabilityModal
        session={availabilityOf && session ? session : null}
        organisation={availabilityOf ? { id: availabilityOf.organisationId, name: availabilityOf.organisationName } : undefined}
        onClose={() => setAvailabilityOf(null)}
      />
    </Space>
  );
}
