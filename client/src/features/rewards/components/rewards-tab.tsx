import { Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvents } from '../../events/hooks/use-events';
import { RatingsPanel } from '../../ratings';
import { ScoreboardSettings } from '../../scoreboard';
import { StatisticsPanel } from '../../statistics';
import { PageState } from '../../../ui/page-state';
import { ProgramsPanel } from './programs-panel';
import { RunsPanel } from './runs-panel';

type SubTab = 'statistics' | 'programs' | 'runs' | 'ratings' | 'scoreboard';

/** The console's 考核奖励 tab: an event, then its statistics, reward programs, runs, ratings and public scoreboard. */
export function RewardsTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // The newest event is shown until the organiser picks another.
  const eventId = picked ?? events.data?.[0]?.id;
  const [active, setActive] = useState<SubTab>('statistics');

  const label = (key: SubTab) => <span data-testid={`rewards-subtab-${key}`}>{t(`rewards.subtabs.${key}`)}</span>;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Select<string>
        style={{ width: 320, maxWidth: '100%' }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={eventId}
        onChange={setPicked}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="rewards-event-picker"
      />
      <PageState loading={events.isPending} error={events.error} onRetry={() => void events.refetch()} empty={!eventId} emptyText={t('rewards.noEvent')}>
        {eventId ? (
          <Tabs
            activeKey={active}
            onChange={(key) => setActive(key as SubTab)}
            destroyOnHidden
            items={[
              { key: 'statistics', label: label('statistics'), children: <StatisticsPanel key={eventId} eventId={eventId} /> },
              { key: 'programs', label: label('programs'), children: <ProgramsPanel key={eventId} eventId={eventId} /> },
              { key: 'runs', label: label('runs'), children: <RunsPanel key={eventId} eventId={eventId} /> },
              { key: 'ratings', label: label('ratings'), children: <RatingsPanel key={eventId} eventId={eventId} /> },
              { key: 'scoreboard', label: label('scoreboard'), children: <ScoreboardSettings key={eventId} eventId={eventId} /> },
            ]}
          />
        ) : null}
      </PageState>
    </Space>
  );
}
