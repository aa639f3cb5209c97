import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CeremonyTab } from '../ceremony/components/ceremony-tab';
import { ImportTab } from '../import/components/import-tab';
import { AgreementsTab } from '../agreements/components/agreements-tab';
import { AuditTab } from '../audit/components/audit-tab';
import { EventsTab } from '../events/components/events-tab';
import { MeetingsTab } from '../meetings/components/meetings-tab';
import { OrganisationsTab } from '../organisation/components/organisations-tab';
import { ParticipantsTab } from '../participation/components/participants-tab';
import { SupermarketTab } from '../supermarket/components/supermarket-tab';
import { TrackingTab } from '../tracking/components/tracking-tab';
import { SurveysTab } from '../surveys';
import { DirectoryTab } from '../directory/components/directory-tab';
import { ResultsTab } from '../figures/components/results-tab';
import { RewardsTab } from '../rewards';

const TABS = [
  'results',
  'events',
  'participants',
  'meetings',
  'agreements',
  'supermarket',
  'ceremony',
  'follow-up',
  'rewards',
  'surveys',
  'directory',
  'organisations',
  'import',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function ConsolePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: Tab = isTab(requested) ? requested : 'results';

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('console.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'results', label: <span data-testid="console-tab-results">{t('console.tabResults')}</span>, children: <ResultsTab /> },
          { key: 'events', label: <span data-testid="console-tab-events">{t('console.tabEvents')}</span>, children: <EventsTab /> },
          {
            key: 'participants',
            label: <span data-testid="console-tab-participants">{t('console.tabParticipants')}</span>,
            children: <ParticipantsTab />,
          },
          {
            key: 'meetings',
            label: <span data-testid="console-tab-meetings">{t('console.tabMeetings')}</span>,
            children: <MeetingsTab />,
          },
          {
            key: 'agreements',
            label: <span data-testid="console-tab-agreements">{t('console.tabAgreements')}</span>,
            children: <AgreementsTab />,
          },
          {
            key: 'supermarket',
            label: <span data-testid="console-tab-supermarket">{t('console.tabSupermarket')}</span>,
            children: <SupermarketTab />,
          },
          {
            key: 'ceremony',
            label: <span data-testid="console-tab-ceremony">{t('console.tabCeremony')}</span>,
            children: <CeremonyTab />,
          },
          {
            key: 'follow-up',
            label: <span data-testid="console-tab-follow-up">{t('console.tabFollowUp')}</span>,
            children: <TrackingTab />,
          },
          {
            key: 'rewards',
            label: <span data-testid="console-tab-rewards">{t('console.tabRewards')}</span>,
            children: <RewardsTab />,
          },
          {
            key: 'surveys',
            label: <span data-testid="console-tab-surveys">{t('console.tabSurveys')}</span>,
            children: <SurveysTab />,
          },
          { key: 'directory', label: <span data-testid="console-tab-directory">{t('console.tabDirectory')}</span>, children: <DirectoryTab /> },
          {
            key: 'organisations',
            label: <span data-testid="console-tab-organisations">{t('console.tabOrganisations')}</span>,
            children: <OrganisationsTab />,
          },
          { key: 'import', label: <span data-testid="console-tab-import">{t('console.tabImport')}</span>, children: <ImportTab /> },
          { key: 'audit', label: <span data-testid="console-tab-audit">{t('console.tabAudit')}</span>, children: <AuditTab /> },
        ]}
      />
    </>
  );
}
