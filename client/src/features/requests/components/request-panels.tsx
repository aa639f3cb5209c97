import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FinancingApplication, MeetingRequest } from '@duijie/shared';
import { PageState } from '../../../ui/page-state';
import { MeetingRequestsTable } from '../../meetings/components/meeting-requests-table';
import type { useMyMeetingRequests } from '../../meetings/hooks/use-meeting-requests';
import { ApplicationsTable } from '../../supermarket/components/applications-table';
import type { useMyApplications } from '../../supermarket/hooks/use-supermarket';
import type { RequestActions } from '../hooks/use-request-actions';

type Direction = 'received' | 'sent';

type MeetingsProps = {
  /** The query all meeting tabs share, for its loading and error states. */
  query: ReturnType<typeof useMyMeetingRequests>;
  list: MeetingRequest[];
  direction: Direction;
  actions: RequestActions;
};

/** Meeting requests received or sent, with accept, decline and cancel. */
export function MeetingRequestsPanel({ query, list, direction, actions }: MeetingsProps) {
  const { t } = useTranslation();
  return (
    <PageState
      loading={query.isPending}
      error={query.error}
      empty={list.length === 0}
      emptyText={direction === 'received' ? t('meetings.emptyReceived') : t('meetings.emptySent')}
      onRetry={() => void query.refetch()}
    >
      <MeetingRequestsTable
        requests={list}
        direction={direction}
        busyId={actions.busyMeeting}
        onAccept={actions.acceptMeeting}
        onDecline={(request) => actions.setDeclining({ kind: 'meeting', request })}
        onCancel={actions.cancelMeeting}
      />
    </PageState>
  );
}

type ApplicationsProps = {
  /** The query all application tabs share, for its loading and error states. */
  query: ReturnType<typeof useMyApplications>;
  list: FinancingApplication[];
  direction: Direction;
  /** Received applications past their deadline; a banner says how many. */
  overdue: number;
  actions: RequestActions;
};

/** Supermarket applications received or sent, with accept and decline. */
export function ApplicationsPanel({ query, list, direction, overdue, actions }: ApplicationsProps) {
  const { t } = useTranslation();
  return (
    <PageState
      loading={query.isPending}
      error={query.error}
      empty={list.length === 0}
      emptyText={direction === 'received' ? t('applications.emptyReceived') : t('applications.emptySent')}
      onRetry={() => void query.refetch()}
    >
      {direction === 'received' && overdue > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('applications.overdueBanner', { count: overdue })}
          data-testid="applications-overdue-banner"
        />
      ) : null}
      <ApplicationsTable
        applications={list}
        direction={direction}
        busyId={actions.busyApplication}
        onAccept={actions.acceptApplication}
        onDecline={(application) => actions.setDeclining({ kind: 'application', application })}
      />
    </PageState>
  );
}
