import { RightOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayInZone, regionLabel } from '@duijie/shared';
import type { MatchEvent } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateRange } from '../../../ui/dates';
import { eventPhase } from '../event-phase';
import type { EventPhase } from '../event-phase';

const PHASE_COLOURS: Record<EventPhase, string> = { upcoming: 'blue', ongoing: 'green', ended: 'default' };

type Props = { event: MatchEvent };

/** An event on a phone: its name and where it stands (today in its own zone), its days, place and organiser, and the way in. */
export function EventCard({ event }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const phase = eventPhase(event.startDate, event.endDate, dayInZone(new Date(), event.timeZone));
  const fact = (label: string, value: string | number) => (
    <Typography.Text style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      {value}
    </Typography.Text>
  );
  return (
    <Flex vertical gap={6} data-testid="event-row" data-event-id={event.id}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="event-name">
          {event.name}
        </Typography.Text>
        <Tag color={PHASE_COLOURS[phase]} style={{ flexShrink: 0, marginInlineEnd: 0 }} data-testid="event-phase" data-phase={phase}>
          {t(`events.phase.${phase}`)}
        </Tag>
      </Flex>
      {fact(t('fields.eventDates'), formatDateRange(event.startDate, event.endDate))}
      {fact(t('fields.province'), regionLabel(event.province, lang))}
      {fact(t('events.organiser'), event.organiserName)}
      {fact(t('events.sessionCount'), event.sessionCount)}
      <Link to={`/events/${event.id}`} style={{ display: 'block', marginTop: 4 }} data-testid="event-open">
        <Button type="primary" ghost block icon={<RightOutlined />} iconPlacement="end">
          {t('events.open')}
        </Button>
      </Link>
    </Flex>
  );
}
