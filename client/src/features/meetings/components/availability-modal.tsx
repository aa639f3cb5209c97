import { App, Button, Checkbox, Flex, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSlots } from '@duijie/shared';
import type { Availability, HalfWish, MatchSession } from '@duijie/shared';
import { formatTime } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useAvailability, useSaveAvailability } from '../hooks/use-meetings';

type Props = {
  /** The session whose availability is edited; null when closed. */
  session: MatchSession | null;
  /** Organisers edit a participant's availability for them; without it, one's own. */
  organisation?: { id: string; name: string };
  onClose: () => void;
};

const HALF_WISHES: readonly HalfWish[] = ['any', 'morning', 'afternoon'];

/** 可洽谈时间: the slots an organisation cannot meet in, and whether it prefers mornings or afternoons. */
export function AvailabilityModal({ session, organisation, onClose }: Props) {
  const { t } = useTranslation();
  const availability = useAvailability(session?.id, organisation?.id);
  const title = organisation ? t('agenda.availabilityOf', { name: organisation.name }) : t('agenda.availabilityTitle');
  return (
    <Modal open={session !== null} title={title} footer={null} onCancel={onClose} destroyOnHidden width={640}>
      {session ? (
        <PageState loading={availability.isPending} error={availability.error} onRetry={() => void availability.refetch()}>
          {availability.data ? <AvailabilityForm session={session} organisationId={organisation?.id} initial={availability.data} onDone={onClose} /> : null}
        </PageState>
      ) : null}
    </Modal>
  );
}

type FormProps = { session: MatchSession; organisationId?: string; initial: Availability; onDone: () => void };

function AvailabilityForm({ session, organisationId, initial, onDone }: FormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveAvailability();
  const zone = useEventTimeZone(session.eventId);
  const onFailure = useFailureHandler();
  const slots = sessionSlots(session);
  const [unavailable, setUnavailable] = useState<Set<number>>(() => new Set(initial.unavailableSlots));
  const [half, setHalf] = useState<HalfWish>(initial.half);

  const toggle = (slot: number, off: boolean) => {
    setUnavailable((current) => {
      const next = new Set(current);
      if (off) next.add(slot);
      else next.delete(slot);
      return next;
    });
  };

  const submit = () => {
    save.mutate(
      { sessionId: session.id, organisationId, input: { unavailableSlots: [...unavailable].sort((a, b) => a - b), half } },
      {
        onSuccess: () => {
          void message.success(t('agenda.availabilitySaved'));
          onDone();
        },
        onError: (error) => onFailure(error),
      },
    );
  };

  const byHalf = (['morning', 'afternoon'] as const).map((h) => ({ half: h, slots: slots.filter((s) => s.half === h) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text strong>{t('agenda.halfWish')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group
            value={half}
            onChange={(e) => setHalf(e.target.value as HalfWish)}
            optionType="button"
            options={HALF_WISHES.map((h) => ({ value: h, label: t(`enums.halfWish.${h}`) }))}
            data-testid="availability-half"
          />
        </div>
      </div>
      <div>
        <Typography.Text strong>{t('agenda.unavailableSlots')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('agenda.unavailableHint')}
        </Typography.Paragraph>
        {byHalf
          .filter((group) => group.slots.length > 0)
          .map((group) => (
            <div key={group.half} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{t(`enums.halfWish.${group.half}`)}</Typography.Text>
              <Flex wrap gap={8} style={{ marginTop: 4 }}>
                {group.slots.map((s) => (
                  <Checkbox
                    key={s.slot}
                    checked={unavailable.has(s.slot)}
                    onChange={(e) => toggle(s.slot, e.target.checked)}
                    data-testid="availability-slot"
                    data-slot={s.slot}
                  >
                    {formatTime(s.startsAt, zone)}–{formatTime(s.endsAt, zone)}
                  </Checkbox>
                ))}
              </Flex>
            </div>
          ))}
      </div>
      <Flex justify="end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={submit} data-testid="availability-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Space>
  );
}
