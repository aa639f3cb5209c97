import { Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvents } from '../../events/hooks/use-events';
import { SurveysPanel } from './surveys-panel';

/** The console's 摸底调查 tab: pick an event, then its surveys. */
export function SurveysTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const eventId = picked ?? events.data?.[0]?.id;
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
        data-testid="surveys-event-picker"
      />
      {eventId ? <SurveysPanel eventId={eventId} /> : <Empty description={t('console.pickEvent')} />}
    </Space>
  );
}
