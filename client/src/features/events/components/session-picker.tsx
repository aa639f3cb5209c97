import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSession } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { useEventDetail, useEvents } from '../hooks/use-events';
import { pickedOrOnly } from '../only-choice';

type Props = {
  eventId: string | undefined;
  sessionId: string | undefined;
  onChange: (eventId: string | undefined, session: MatchSession | undefined) => void;
};

/**
 * A console tab's picked event and session, and the props that wire its picker to them. With one
 * event (and one session in it) they are picked already: the tab opens on them.
 */
export function usePickedSession(): { session: MatchSession | undefined; picker: Props } {
  const [picked, setPicked] = useState<{ eventId?: string; sessionId?: string }>({});
  const events = useEvents();
  const eventId = pickedOrOnly(picked.eventId, events.data);
  const detail = useEventDetail(eventId);
  const sessions = detail.data?.id === eventId ? (detail.data?.sessions ?? []) : [];
  const sessionId = pickedOrOnly(picked.sessionId, sessions);
  const session = sessions.find((s) => s.id === sessionId);
  const onChange = (nextEvent: string | undefined, nextSession: MatchSession | undefined) => setPicked({ eventId: nextEvent, sessionId: nextSession?.id });
  return { session, picker: { eventId, sessionId: session?.id, onChange } };
}

/** Picks an event, then one of its sessions. */
export function SessionPicker({ eventId, sessionId, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const events = useEvents();
  const detail = useEventDetail(eventId);
  const sessions = detail.data?.sessions ?? [];
  return (
    <Space wrap>
      <Select<string>
        style={{ width: 280 }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={eventId}
        onChange={(id) => onChange(id, undefined)}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="console-event-picker"
      />
      <Select<string>
        style={{ width: 360 }}
        placeholder={t('console.pickSession')}
        disabled={eventId === undefined}
        loading={detail.isFetching}
        value={sessionId}
        onChange={(id) =>
          onChange(
            eventId,
            sessions.find((s) => s.id === id),
          )
        }
        options={sessions.map((s) => ({
          value: s.id,
          label: `${s.title} · ${labels.sessionKind(s.kind)} · ${labels.sessionStatus(s.status)}`,
        }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="console-session-picker"
      />
    </Space>
  );
}
