import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { useMyMeetingRequests } from '../meetings/hooks/use-meeting-requests';
import { useMyApplications } from '../supermarket/hooks/use-supermarket';
import { DeclineRequestModal } from './components/decline-request-modal';
import { ApplicationsPanel, MeetingRequestsPanel } from './components/request-panels';
import { RequestTabLabel } from './components/request-tab-label';
import { useRequestActions } from './hooks/use-request-actions';
import { isTab, requestLists, visibleTabs } from './request-lists';
import type { Tab } from './request-lists';

/** 我的对接: meeting requests and supermarket applications, received and sent, with what to do about each. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requests = useMyMeetingRequests();
  const applications = useMyApplications();
  const actions = useRequestActions();

  const lists = requestLists(requests.data ?? [], applications.data ?? [], me.organisation.id);
  const visible = visibleTabs(me.organisation.kind, lists);
  const requested = params.get('tab');
  const active: Tab = isTab(requested) && visible.includes(requested) ? requested : visible[0];

  const items = [
    {
      key: 'meetings-received' as const,
      label: <RequestTabLabel text={t('requests.meetingsReceived')} count={lists.pendingMeetings} testId="requests-tab-meetings-received" />,
      children: <MeetingRequestsPanel query={requests} list={lists.receivedMeetings} direction="received" actions={actions} />,
    },
    {
      key: 'meetings-sent' as const,
      label: <RequestTabLabel text={t('requests.meetingsSent')} count={0} testId="requests-tab-meetings-sent" />,
      children: <MeetingRequestsPanel query={requests} list={lists.sentMeetings} direction="sent" actions={actions} />,
    },
    {
      key: 'applications-received' as const,
      label: (
        <RequestTabLabel
          text={t('requests.applicationsReceived')}
          count={lists.pendingApplications}
          danger={lists.overdueApplications > 0}
          testId="requests-tab-applications-received"
        />
      ),
      children: (
        <ApplicationsPanel query={applications} list={lists.receivedApplications} direction="received" overdue={lists.overdueApplications} actions={actions} />
      ),
    },
    {
      key: 'applications-sent' as const,
      label: <RequestTabLabel text={t('requests.applicationsSent')} count={0} testId="requests-tab-applications-sent" />,
      children: <ApplicationsPanel query={applications} list={lists.sentApplications} direction="sent" overdue={lists.overdueApplications} actions={actions} />,
    },
  ].filter((item) => visible.includes(item.key));

  return (
    <>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('requests.title')}
        </Typography.Title>
        {lists.answeredSent > 0 ? <Typography.Text type="secondary">{t('requests.acceptedSummary', { count: lists.answeredSent })}</Typography.Text> : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('requests.intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} />
      <DeclineRequestModal
        declining={actions.declining}
        loading={actions.declineBusy}
        onCancel={() => actions.setDeclining(null)}
        onSubmit={actions.submitDecline}
      />
    </>
  );
}
