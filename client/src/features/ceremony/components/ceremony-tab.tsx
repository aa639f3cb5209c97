import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../../ui/page-state';
import { useEvents } from '../../events/hooks/use-events';
import { pickedOrOnly } from '../../events/only-choice';
import { RunningOrderCard } from './running-order-card';
import { ScreenLinksCard } from './screen-links-card';

/** The organiser's ceremony desk: the running order with the batch on stage, and big-screen links. */
export function CeremonyTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [picked, setEventId] = useState<string | undefined>(undefined);
  // With one event the tab opens on it.
  const eventId = pickedOrOnly(picked, events.data);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Select<string>
        style={{ width: 320 }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={eventId}
        onChange={setEventId}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="ceremony-event-picker"
      />
      {eventId ? (
        <>
          <RunningOrderCard eventId={eventId} />
          <ScreenLinksCard eventId={eventId} />
        </>
      ) : (
        <PageState loading={false} empty emptyText={t('ceremony.pickEventFirst')} />
      )}
    </Space>
  );
}
