import { Empty, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../../ui/page-state';
import { DepartmentsPanel, LiaisonPanel, ProblemQueue, WeeklySummaries } from '../../coordination';
import { useEventDetail, useEvents } from '../../events/hooks/use-events';
import { pickedOrOnly } from '../../events/only-choice';
import { CriticismPanel, SupervisionNotices } from '../../supervision';
import { PlanEditor } from './plan-editor';
import { TrackingAgreements } from './tracking-agreements';

const SECTIONS = ['agreements', 'supervision', 'criticism', 'problems', 'departments', 'liaison', 'weekly', 'plan'] as const;
type Section = (typeof SECTIONS)[number];

/** The console's 跟踪落实 tab: an event's signed agreements followed to performance, and the work around them. */
export function TrackingTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [picked, setEventId] = useState<string | undefined>(undefined);
  // With one event the tab opens on it.
  const eventId = pickedOrOnly(picked, events.data);

  const [section, setSection] = useState<Section>('agreements');
  const event = useEventDetail(eventId);

  const body = (key: Section, id: string) => {
    switch (key) {
      case 'agreements':
        return <TrackingAgreements eventId={id} sessions={event.data?.sessions ?? []} />;
      case 'supervision':
        return <SupervisionNotices eventId={id} />;
      case 'criticism':
        return <CriticismPanel eventId={id} />;
      case 'problems':
        return <ProblemQueue eventId={id} />;
      case 'departments':
        return <DepartmentsPanel eventId={id} />;
      case 'liaison':
        return <LiaisonPanel eventId={id} />;
      case 'weekly':
        return <WeeklySummaries eventId={id} />;
      case 'plan':
        return <PlanEditor eventId={id} timeZone={event.data?.timeZone ?? 'Asia/Shanghai'} />;
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Select<string>
        style={{ width: 320, maxWidth: '100%' }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={eventId}
        onChange={setEventId}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="tracking-event-picker"
      />
      {eventId ? (
        <PageState loading={event.isPending} error={event.error} onRetry={() => void event.refetch()}>
          <Tabs
            size="small"
            type="card"
            activeKey={section}
            onChange={(key) => setSection(key as Section)}
            destroyOnHidden
            items={SECTIONS.map((key) => ({
              key,
              label: <span data-testid={`tracking-section-${key}`}>{t(`tracking.sections.${key}`)}</span>,
              children: body(key, eventId),
            }))}
          />
        </PageState>
      ) : (
        <Empty description={t('tracking.pickEvent')} />
      )}
    </Space>
  );
}
