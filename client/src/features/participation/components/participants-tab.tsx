import { UsergroupAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_STATUSES, routes } from '@duijie/shared';
import { ExportButton } from '../../../ui/export-button';
import type { Participation, ParticipationStatus } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { AvailabilityModal } from '../../meetings/components/availability-modal';
import { useApproveParticipant, useParticipants } from '../hooks/use-participation';
import { InviteOrganisationModal } from './invite-organisation-modal';
import { ParticipantsTable } from './participants-table';
import { RejectParticipantModal } from './reject-participant-modal';
import { SessionPicker, usePickedSession } from '../../events/components/session-picker';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';

type StatusFilter = ParticipationStatus | 'all';

export function ParticipantsTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const { session, picker } = usePickedSession();
  const zone = useEventTimeZone(session?.eventId);

  const [status, setStatus] = useState<StatusFilter>('pending');
  const [rejecting, setRejecting] = useState<Participation | null>(null);
  const [inviting, setInviting] = useState(false);
  const [availabilityOf, setAvailabilityOf] = useState<Participation | null>(null);
  const participants = useParticipants(session?.id, status === 'all' ? undefined : status);
  // Held here rather than in the table, which unmounts while a list loads and would drop the callbacks.
  const approve = useApproveParticipant();
  const onFailure = useFailureHandler();

  const onApprove = (p: Participation) =>
    approve.mutate(p, {
      onSuccess: () => {
        void message.success(t('console.approved', { name: p.organisationName }));
      },
      onError: (error) => onFailure(error),
    });

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
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Segmented<StatusFilter>
              value={status}
              onChange={setStatus}
              options={[
                { value: 'all', label: t('board.allStatuses') },
                ...PARTICIPATION_STATUSES.map((s) => ({ value: s, label: labels.participationStatus(s) })),
              ]}
            />
            <ExportButton
              route={routes.participation.export}
              args={{ params: { id: session.id }, query: { status: status === 'all' ? undefined : status } }}
              table="participants"
            />
          </Flex>
          <PageState
            loading={participants.isPending}
            error={participants.error}
            empty={participants.data?.length === 0}
            emptyText={t('console.noParticipants')}
            onRetry={() => void participants.refetch()}
          >
            <ParticipantsTable
              participants={participants.data}
              loading={participants.isFetching}
              approvingId={approve.isPending ? approve.variables.id : undefined}
              onApprove={onApprove}
              onReject={setRejecting}
              onAvailability={setAvailabilityOf}
              timeZone={zone}
            />
          </PageState>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('console.pickSessionFirst')} />
      )}
      <RejectParticipantModal participation={rejecting} onClose={() => setRejecting(null)} />
      {session ? <InviteOrganisationModal open={inviting} session={session} onClose={() => setInviting(false)} /> : null}
      <AvailabilityModal
        session={availabilityOf && session ? session : null}
        organisation={availabilityOf ? { id: availabilityOf.organisationId, name: availabilityOf.organisationName } : undefined}
        onClose={() => setAvailabilityOf(null)}
      />
    </Space>
  );
}
