import { Alert, App, Badge, Flex, Tabs, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ORGANISATION_KINDS_BY_ROLE } from '@duijie/shared';
import type { FinancingApplication, MeetingRequest } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { PageState } from '../../ui/page-state';
import { ReasonModal } from '../../ui/reason-modal';
import { useFailureHandler } from '../../ui/use-failure';
import { MeetingRequestsTable } from '../meetings/components/meeting-requests-table';
import { useAnswerMeetingRequest, useCancelMeetingRequest, useMyMeetingRequests } from '../meetings/hooks/use-meeting-requests';
import { ApplicationsTable } from '../supermarket/components/applications-table';
import { useAnswerApplication, useMyApplications } from '../supermarket/hooks/use-supermarket';

const TABS = ['meetings-received', 'meetings-sent', 'applications-received', 'applications-sent'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/**
 * Received items in the order they need attention: those awaiting an answer first, the most
 * urgent deadline first, then the rest newest first.
 */
function byUrgency<T extends { status: string; createdAt: string }>(deadline: (item: T) => string) {
  return (a: T, b: T): number => {
    const pa = a.status === 'pending';
    const pb = b.status === 'pending';
    if (pa !== pb) return pa ? -1 : 1;
    if (pa) return deadline(a).localeCompare(deadline(b));
    return b.createdAt.localeCompare(a.createdAt);
  };
}

/** Organisations that answer applications (they offer credit or guarantees). */
const OFFERING_KINDS: readonly string[] = [...ORGANISATION_KINDS_BY_ROLE.lender, ...ORGANISATION_KINDS_BY_ROLE.guarantor];
/** Organisations that apply (they have financing needs). */
const BORROWING_KINDS: readonly string[] = ORGANISATION_KINDS_BY_ROLE.borrower;

type Declining = { kind: 'meeting'; request: MeetingRequest } | { kind: 'application'; application: FinancingApplication } | null;

type TabLabelProps = { text: string; count: number; danger?: boolean; testId: string };

function TabLabel({ text, count, danger = false, testId }: TabLabelProps) {
  const { token } = theme.useToken();
  return (
    <Flex gap={6} align="center" data-testid={testId}>
      {text}
      {count > 0 ? <Badge count={count} size="small" color={danger ? token.colorError : token.colorWarning} /> : null}
    </Flex>
  );
}

/** 我的对接: meeting requests and supermarket applications, received and sent, with what to do about each. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const org = me.organisation.id;
  const [params, setParams] = useSearchParams();
  const requests = useMyMeetingRequests();
  const applications = useMyApplications();
  const answerMeeting = useAnswerMeetingRequest();
  const cancelMeeting = useCancelMeetingRequest();
  const answerApplication = useAnswerApplication();
  const onFailure = useFailureHandler();
  const [declining, setDeclining] = useState<Declining>(null);

  const allRequests = requests.data ?? [];
  const allApplications = applications.data ?? [];
  const receivedMeetings = allRequests.filter((r) => r.to.organisationId === org).sort(byUrgency<MeetingRequest>((r) => r.respondBy));
  const sentMeetings = allRequests.filter((r) => r.from.organisationId === org);
  const receivedApplications = allApplications.filter((a) => a.offer.organisationId === org).sort(byUrgency<FinancingApplication>((a) => a.answerBy));
  const sentApplications = allApplications.filter((a) => a.need.organisationId === org);
  const pendingMeetings = receivedMeetings.filter((r) => r.status === 'pending').length;
  const pendingApplications = receivedApplications.filter((a) => a.status === 'pending').length;
  const overdueApplications = receivedApplications.filter((a) => a.overdue).length;
  const answeredSent = sentMeetings.filter((r) => r.status === 'accepted').length;

  const showReceivedApplications = OFFERING_KINDS.includes(me.organisation.kind) || receivedApplications.length > 0;
  const showSentApplications = BORROWING_KINDS.includes(me.organisation.kind) || sentApplications.length > 0;
  const visible: Tab[] = TABS.filter(
    (tab) => (tab !== 'applications-received' || showReceivedApplications) && (tab !== 'applications-sent' || showSentApplications),
  );
  const requested = params.get('tab');
  const active: Tab = isTab(requested) && visible.includes(requested) ? requested : visible[0];

  const busyMeeting = answerMeeting.isPending ? answerMeeting.variables.request.id : cancelMeeting.isPending ? cancelMeeting.variables.id : undefined;
  const busyApplication = answerApplication.isPending ? answerApplication.variables.application.id : undefined;

  const meetingsState = (list: MeetingRequest[], direction: 'received' | 'sent') => (
    <PageState
      loading={requests.isPending}
      error={requests.error}
      empty={list.length === 0}
      emptyText={direction === 'received' ? t('meetings.emptyReceived') : t('meetings.emptySent')}
      onRetry={() => void requests.refetch()}
    >
      <MeetingRequestsTable
        requests={list}
        direction={direction}
        busyId={busyMeeting}
        onAccept={(request) =>
          answerMeeting.mutate(
            { request, input: { accept: true } },
            {
              onSuccess: () => void message.success(t('meetings.accepted', { name: request.from.organisationName })),
              onError: (error) => onFailure(error),
            },
          )
        }
        onDecline={(request) => setDeclining({ kind: 'meeting', request })}
        onCancel={(request) =>
          cancelMeeting.mutate(request, {
            onSuccess: () => void message.success(t('meetings.cancelled')),
            onError: (error) => onFailure(error),
          })
        }
      />
    </PageState>
  );

  const applicationsState = (list: FinancingApplication[], direction: 'received' | 'sent') => (
    <PageState
      loading={applications.isPending}
      error={applications.error}
      empty={list.length === 0}
      emptyText={direction === 'received' ? t('applications.emptyReceived') : t('applications.emptySent')}
      onRetry={() => void applications.refetch()}
    >
      {direction === 'received' && overdueApplications > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('applications.overdueBanner', { count: overdueApplications })}
          data-testid="applications-overdue-banner"
        />
      ) : null}
      <ApplicationsTable
        applications={list}
        direction={direction}
        busyId={busyApplication}
        onAccept={(application) =>
          answerApplication.mutate(
            { application, input: { accept: true } },
            {
              onSuccess: () => void message.success(t('applications.accepted', { name: application.need.organisationName })),
              onError: (error) => onFailure(error),
            },
          )
        }
        onDecline={(application) => setDeclining({ kind: 'application', application })}
      />
    </PageState>
  );

  const items = [
    {
      key: 'meetings-received' as const,
      label: <TabLabel text={t('requests.meetingsReceived')} count={pendingMeetings} testId="requests-tab-meetings-received" />,
      children: meetingsState(receivedMeetings, 'received'),
    },
    {
      key: 'meetings-sent' as const,
      label: <TabLabel text={t('requests.meetingsSent')} count={0} testId="requests-tab-meetings-sent" />,
      children: meetingsState(sentMeetings, 'sent'),
    },
    {
      key: 'applications-received' as const,
      label: (
        <TabLabel
          text={t('requests.applicationsReceived')}
          count={pendingApplications}
          danger={overdueApplications > 0}
          testId="requests-tab-applications-received"
        />
      ),
      children: applicationsState(receivedApplications, 'received'),
    },
    {
      key: 'applications-sent' as const,
      label: <TabLabel text={t('requests.applicationsSent')} count={0} testId="requests-tab-applications-sent" />,
      children: applicationsState(sentApplications, 'sent'),
    },
  ].filter((item) => visible.includes(item.key));

  const declineSubmit = (reason: string) => {
    if (!declining) return;
    const done = {
      onSuccess: () => {
        void message.success(t('requests.declined'));
        setDeclining(null);
      },
      onError: (error: unknown) => onFailure(error),
    };
    if (declining.kind === 'meeting') answerMeeting.mutate({ request: declining.request, input: { accept: false, reason } }, done);
    else answerApplication.mutate({ application: declining.application, input: { accept: false, reason } }, done);
  };

  return (
    <>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('requests.title')}
        </Typography.Title>
        {answeredSent > 0 ? <Typography.Text type="secondary">{t('requests.acceptedSummary', { count: answeredSent })}</Typography.Text> : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('requests.intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} />
      <ReasonModal
        open={declining !== null}
        title={declining?.kind === 'application' ? t('applications.declineTitle') : t('meetings.declineTitle')}
        description={
          declining?.kind === 'application'
            ? t('applications.declineBody', { name: declining.application.need.organisationName })
            : declining?.kind === 'meeting'
              ? t('meetings.declineBody', { name: declining.request.from.organisationName })
              : undefined
        }
        required
        okText={declining?.kind === 'application' ? t('applications.decline') : t('meetings.decline')}
        loading={answerMeeting.isPending || answerApplication.isPending}
        onCancel={() => setDeclining(null)}
        onSubmit={declineSubmit}
      />
    </>
  );
}
