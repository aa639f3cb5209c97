import { Flex, Grid, Select, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { OfflineBanner } from '../../ui/offline-banner';
import { PageState } from '../../ui/page-state';
import { useEvents, useMyParticipations } from '../events/hooks/use-events';
import { useSessionsById } from '../listings/hooks/use-listings';
import { AgendaList } from './components/agenda-list';
import { MyMeetings } from './components/my-meetings';
import { useLiveMeetings } from './hooks/use-live-meetings';

const TABS = ['agenda', 'arrangements'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** 我的日程: the meetings of my organisation at an event it takes part in, and arranging them (洽谈安排). */
export function MyAgendaPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const participations = useMyParticipations(me.role !== 'organiser');
  const events = useEvents();
  useLiveMeetings();
  const narrow = Grid.useBreakpoint().md === false;

  const approvedSessionIds = useMemo(
    () => [...new Set((participations.data ?? []).filter((p) => p.status === 'approved').map((p) => p.sessionId))],
    [participations.data],
  );
  const sessionsById = useSessionsById(approvedSessionIds);
  const mySessions = [...sessionsById.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const myEvents = (events.data ?? []).filter((e) => mySessions.some((s) => s.eventId === e.id));

  const requestedEvent = params.get('event');
  // Unless one is asked for, the event whose session is on now or comes next (the day's meetings), else the first.
  const current = mySessions.find((s) => Date.parse(s.endsAt) > Date.now());
  const event = myEvents.find((e) => e.id === requestedEvent) ?? myEvents.find((e) => e.id === current?.eventId) ?? myEvents[0];
  const requestedTab = params.get('tab');
  const tab: Tab = isTab(requestedTab) ? requestedTab : 'agenda';
  const eventSessions = event ? mySessions.filter((s) => s.eventId === event.id) : [];
  const sessionsLoading = approvedSessionIds.length > 0 && sessionsById.size === 0;

  const go = (next: { event?: string; tab?: Tab }) => setParams({ event: next.event ?? event?.id ?? '', tab: next.tab ?? tab }, { replace: true });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('agenda.title')}
        </Typography.Title>
        {myEvents.length > 0 ? (
          <Select<string>
            style={{ width: narrow ? '100%' : 320 }}
            value={event?.id}
            onChange={(id) => go({ event: id })}
            options={myEvents.map((e) => ({ value: e.id, label: e.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('console.pickEvent')}
            data-testid="agenda-event-picker"
          />
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('agenda.intro')}</Typography.Paragraph>
      <OfflineBanner api="/api/me/agenda" timeZone={event?.timeZone} />
      <PageState
        loading={participations.isPending || events.isPending || sessionsLoading}
        error={participations.error ?? events.error}
        empty={event === undefined}
        emptyText={t('agenda.noEvents')}
        onRetry={() => {
          void participations.refetch();
          void events.refetch();
        }}
      >
        {event ? (
          <Tabs
            activeKey={tab}
            onChange={(key) => go({ tab: key as Tab })}
            items={[
              {
                key: 'agenda',
                label: <span data-testid="agenda-tab-agenda">{t('agenda.tabAgenda')}</span>,
                children: <AgendaList eventId={event.id} eventName={event.name} timeZone={event.timeZone} />,
              },
              {
                key: 'arrangements',
                label: <span data-testid="agenda-tab-arrangements">{t('agenda.tabArrangements')}</span>,
                children: <MyMeetings sessions={eventSessions} />,
              },
            ]}
          />
        ) : null}
      </PageState>
    </>
  );
}
