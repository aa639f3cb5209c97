import { CalendarOutlined, EnvironmentOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@duijie/shared';
import { formatDate, formatTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { MeetingStatusTag } from '../../../ui/status-tag';
import { useFailureHandler } from '../../../ui/use-failure';
import { downloadAgenda, useMyAgenda } from '../hooks/use-meetings';

type Props = { eventId: string; eventName: string };

function byTime(a: AgendaItem, b: AgendaItem): number {
  return (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || (a.table ?? 0) - (b.table ?? 0);
}

type ItemProps = { item: AgendaItem };

/** One meeting of the agenda: when, at which table, with whom, about what, where. */
function AgendaEntry({ item }: ItemProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
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
            <Typography.Text strong data-testid="agenda-time">
              {formatTime(item.startsAt)}–{formatTime(item.endsAt)}
            </Typography.Text>
            <Tag color="blue" data-testid="agenda-table">
              {item.table !== null ? t('agenda.table', { table: item.table }) : t('agenda.noTable')}
            </Tag>
            <MeetingStatusTag status={item.status} published={item.published} />
          </Space>
          <Typography.Text data-testid="agenda-counterpart">{t('agenda.with', { name: item.counterpart.organisationName })}</Typography.Text>
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
export function AgendaList({ eventId, eventName }: Props) {
  const { t } = useTranslation();
  const agenda = useMyAgenda(eventId);
  const onFailure = useFailureHandler();
  const [busy, setBusy] = useState<'ics' | 'pdf' | null>(null);
  const items = [...(agenda.data ?? [])].sort(byTime);

  const download = (format: 'ics' | 'pdf') => {
    setBusy(format);
    downloadAgenda(eventId, format, t('agenda.fileName', { event: eventName }))
      .catch((error: unknown) => onFailure(error))
      .finally(() => setBusy(null));
  };

  // The time beside each meeting, and its day wherever the day changes (an event may span days).
  const timeline: TimelineItemProps[] = items.map((item, i) => {
    const day = formatDate(item.startsAt);
    const newDay = i === 0 || formatDate(items[i - 1]?.startsAt) !== day;
    return {
      key: item.id,
      color: item.status === 'held' ? 'green' : item.status === 'no_show' ? 'red' : 'blue',
      title: (
        <Space orientation="vertical" size={0} style={{ textAlign: 'end' }}>
          {newDay ? <Typography.Text type="secondary">{day}</Typography.Text> : null}
          <Typography.Text strong>{formatTime(item.startsAt)}</Typography.Text>
        </Space>
      ),
      content: <AgendaEntry item={item} />,
    };
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('agenda.hint')}</Typography.Text>
        <Space>
          <Button
            icon={<CalendarOutlined />}
            loading={busy === 'ics'}
            disabled={items.length === 0}
            onClick={() => download('ics')}
            data-testid="agenda-export-ics"
          >
            {t('agenda.exportIcs')}
          </Button>
          <Button icon={<PrinterOutlined />} loading={busy === 'pdf'} disabled={items.length === 0} onClick={() => download('pdf')} data-testid="agenda-print">
            {t('agenda.print')}
          </Button>
        </Space>
      </Flex>
      <PageState
        loading={agenda.isPending}
        error={agenda.error}
        empty={items.length === 0}
        emptyText={<span data-testid="agenda-empty">{t('agenda.empty')}</span>}
        onRetry={() => void agenda.refetch()}
      >
        <Timeline items={timeline} data-testid="agenda-list" />
      </PageState>
    </Space>
  );
}
