import { Button, DatePicker, Empty, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_CHAINS, routes, type FiguresQuery } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime, toDay } from '../../../ui/dates';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { RegionSelect } from '../../../ui/region-select';
import { useEventDetail, useEvents } from '../../events/hooks/use-events';
import { BriefingSection } from '../../briefing';
import { useFigures } from '../hooks/use-figures';
import { FiguresDashboard } from './figures-dashboard';

/** The console's first tab: an event's results (对接成效), filtered, live, compared with an earlier event. */
export function ResultsTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const events = useEvents();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // The newest event is shown until the organiser picks another.
  const eventId = picked ?? events.data?.[0]?.id;
  const [query, setQuery] = useState<FiguresQuery>({});
  const event = useEventDetail(eventId);
  const figures = useFigures(eventId, query);
  const set = (patch: Partial<FiguresQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const filtered = Boolean(query.sessionId || query.chain || query.region || query.institutionId || query.from || query.to);
  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select<string>
          style={{ width: 320, maxWidth: '100%' }}
          placeholder={t('console.pickEvent')}
          loading={events.isPending}
          value={eventId}
          onChange={(id) => {
            setPicked(id);
            setQuery({});
          }}
          options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="figures-event-picker"
        />
        {eventId ? (
          <>
            <Button href={`/leadership/${eventId}`} target="_blank" data-testid="figures-leadership-link">
              {t('figures.leadershipView')}
            </Button>
            <ExportButton route={routes.figures.export} args={{ params: { id: eventId }, query }} table="figures" />
          </>
        ) : null}
      </Space>
      {eventId ? (
        <>
          <Space wrap data-testid="figures-filters">
            <Select<string>
              allowClear
              style={{ width: 200 }}
              placeholder={t('figures.filterSession')}
              value={query.sessionId}
              onChange={(sessionId) => set({ sessionId })}
              options={(event.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.title }))}
              data-testid="figures-filter-session"
            />
            <Select<string>
              allowClear
              style={{ width: 200 }}
              placeholder={t('figures.filterChain')}
              value={query.chain}
              onChange={(chain) => set({ chain })}
              popupMatchSelectWidth={false}
              options={[
                ...INDUSTRY_CHAINS.map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.name })),
                { value: 'other', label: t('figures.chainOther') },
              ]}
              data-testid="figures-filter-chain"
            />
            <div style={{ width: 220 }}>
              <RegionSelect value={query.region} onChange={(region) => set({ region: region || undefined })} allowClear testId="figures-filter-region" />
            </div>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              placeholder={t('figures.filterInstitution')}
              value={query.institutionId}
              onChange={(institutionId) => set({ institutionId })}
              options={(figures.data?.institutions ?? []).map((r) => ({ value: r.organisationId, label: r.name }))}
              data-testid="figures-filter-institution"
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(days) => set({ from: days?.[0] ? toDay(days[0]) : undefined, to: days?.[1] ? toDay(days[1]) : undefined })}
              data-testid="figures-filter-days"
            />
            <Select<string>
              allowClear
              style={{ width: 220 }}
              placeholder={t('figures.compareTo')}
              value={query.compareTo}
              onChange={(compareTo) => set({ compareTo })}
              options={(events.data ?? []).filter((e) => e.id !== eventId).map((e) => ({ value: e.id, label: e.name }))}
              data-testid="figures-compare"
            />
            {filtered ? (
              <Button onClick={() => setQuery({ compareTo: query.compareTo })} data-testid="figures-filter-reset">
                {t('figures.resetFilters')}
              </Button>
            ) : null}
          </Space>
          <PageState loading={figures.isPending} error={figures.error} onRetry={() => void figures.refetch()}>
            {figures.data ? (
              <>
                <Typography.Text type="secondary" data-testid="figures-as-of">
                  {t('figures.asOf', { at: formatDateTime(figures.data.at, figures.data.timeZone), zone: figures.data.timeZone })}
                  {figures.isFetching ? ` · ${t('figures.refreshing')}` : ''}
                </Typography.Text>
                <div style={{ opacity: figures.isFetching ? 0.7 : 1, transition: 'opacity 0.2s' }}>
                  <FiguresDashboard figures={figures.data} />
                </div>
              </>
            ) : null}
          </PageState>
          <BriefingSection eventId={eventId} />
        </>
      ) : (
        <Empty description={events.isPending ? t('figures.loadingEvents') : t('figures.noEvents')} />
      )}
    </Space>
  );
}
