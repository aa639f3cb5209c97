import { CalendarOutlined, EnvironmentOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Space, Tag, theme, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@duijie/shared';
import { formatDate, formatTime } from '../../../ui/dates';
import { ZoneNote } from '../../../ui/zone-note';
import { PageState } from '../../../ui/page-state';
import { MeetingStatusTag } from '../../../ui/status-tag';
import { useFailureHandler } from '../../../ui/use-failure';
import { splitAgenda } from '../agenda-next';
import { downloadAgenda, useMyAgenda } from '../hooks/use-meetings';

type Props = { eventId: string; eventName: string; timeZone: string };

/** The current time, moving on every half minute: the next meeting changes as the day goes on. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

type ItemProps = {
  item: AgendaItem;
  /** Shown large and framed, with this heading: the meeting to go to next. */
  heading?: ReactNode;
  /** The event's zone: the times are its wall clock. */
  timeZone: string;
};

/** One meeting of the agenda: when, at which table, with whom, about what, where. */
function AgendaEntry({ item, heading, timeZone }: ItemProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const prominent = heading !== undefined;
  return (
    <Card
      size="small"
      title={heading}
      style={prominent ? { borderColor: token.colorPrimary, borderWidth: 2 } : undefined}
      data-testid="agenda-item"
      data-meeting-id={item.id}
      data-table={item.table ?? ''}
      data-slot={item.slot ?? ''}
      data-starts-at={item.startsAt ?? ''}
      data-ends-at={item.endsAt ?? ''}
      data-status={item.status}
      data-counterpart={item.counterpart.organisationName}
    >
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space orientation="vertical" size={2}>
          <Space wrap size={8}>
            <Typography.Text strong data-testid="agenda-time" style={prominent ? { fontSize: token.fontSizeHeading3 } : undefined}>
              {formatTime(item.startsAt, timeZone)}–{formatTime(item.endsAt, timeZone)}
            </Typography.Text>
            <Tag color="blue" data-testid="agenda-table" style={prominent ? { fontSize: token.fontSizeLG, lineHeight: 2 } : undefined}>
              {item.table !== null ? t('agenda.table', { table: item.table }) : t('agenda.noTable')}
            </Tag>
            <MeetingStatusTag status={item.status} published={item.published} />
          </Space>
          <Typography.Text data-testid="agenda-counterpart" strong={prominent}>
            {t('agenda.with', { name: item.counterpart.organisationName })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {item.topic}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {item.sessionTitle} · {item.venue}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 我的日程: my organisation's published meetings of an event, in time order, with calendar and print exports. */
export function AgendaList({ eventId, eventName, timeZone }: Props) {
  const { t } = useTranslation();
  const agenda = useMyAgenda(eventId);
  const onFailure = useFailureHandler();
  const [busy, setBusy] = useState<'ics' | 'pdf' | null>(null);
  // On a phone the timeline drops its left-hand time column: each entry shows its own time.
  const narrow = Grid.useBreakpoint().md === false;
  const now = useNow();
  // The meeting to go to next comes first and large; the rest follow in time order.
  const { next, nextIsToday, nextUnderWay, rest: items } = splitAgenda(agenda.data ?? [], now, timeZone);
  const total = (agenda.data ?? []).length;
  const nextHeading = nextUnderWay
    ? t('agenda.nextUnderWay')
    : nextIsToday
      ? t('agenda.nextToday')
      : t('agenda.nextLater', { day: formatDate(next?.startsAt, timeZone) });

  const download = (format: 'ics' | 'pdf') => {
    setBusy(format);
    downloadAgenda(eventId, format, t('agenda.fileName', { event: eventName }))
      .catch((error: unknown) => onFailure(error))
      .finally(() => setBusy(null));
  };

  // The time beside each meeting, and its day wherever the day changes (an event may span days).
  const timeline: TimelineItemProps[] = items.map((item, i) => {
    const day = formatDate(item.startsAt, timeZone);
    const newDay = i === 0 || formatDate(items[i - 1]?.startsAt, timeZone) !== day;
    return {
      key: item.id,
      color: item.status === 'held' ? 'green' : item.status === 'no_show' ? 'red' : 'blue',
      title: narrow ? undefined : (
        <Space orientation="vertical" size={0} style={{ textAlign: 'end' }}>
          {newDay ? <Typography.Text type="secondary">{day}</Typography.Text> : null}
          <Typography.Text strong>{formatTime(item.startsAt, timeZone)}</Typography.Text>
        </Space>
      ),
      content: (
        <>
          {narrow && newDay ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {day}
            </Typography.Text>
          ) : null}
          <AgendaEntry item={item} timeZone={timeZone} />
        </>
      ),
    };
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {next ? (
        <div data-testid="agenda-next" data-today={nextIsToday}>
          <AgendaEntry item={next} timeZone={timeZone} heading={<span data-testid="agenda-next-heading">{nextHeading}</span>} />
        </div>
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <ZoneNote zone={timeZone} at={next?.startsAt} variant="page" />
        <Space>
          <Button icon={<CalendarOutlined />} loading={busy === 'ics'} disabled={total === 0} onClick={() => download('ics')} data-testid="agenda-export-ics">
            {t('agenda.exportIcs')}
          </Button>
          <Button icon={<PrinterOutlined />} loading={busy === 'pdf'} disabled={total === 0} onClick={() => download('pdf')} data-testid="agenda-print">
            {t('agenda.print')}
          </Button>
        </Space>
      </Flex>
      <PageState
        loading={agenda.isPending}
        error={agenda.error}
        empty={total === 0}
        emptyText={<span data-testid="agenda-empty">{t('agenda.empty')}</span>}
        onRetry={() => void agenda.refetch()}
      >
        {items.length > 0 ? <Timeline items={timeline} data-testid="agenda-list" /> : null}
      </PageState>
    </Space>
  );
}
