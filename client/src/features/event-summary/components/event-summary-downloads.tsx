import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../../ui/page-state';
import { useEventSummary } from '../hooks/use-event-summary';
import { SummaryDownloads } from './summary-downloads';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };

/**
 * Participants: the event's supply and demand summary table once organisers publish it (the
 * latest version, .xlsx and PDF). Nothing is shown to a caller who takes no part in the event.
 */
export function EventSummaryDownloads({ eventId }: Props) {
  const { t } = useTranslation();
  const summary = useEventSummary(eventId, { quiet: true });
  if (summary.data === null) return null;
  const latest = summary.data?.publications[0];
  return (
    <Card title={t('eventSummary.title')} size="small" data-testid="event-summary-downloads">
      <PageState loading={summary.isPending} error={summary.error} onRetry={() => void summary.refetch()}>
        {summary.data && !latest ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eventSummary.notYet')} /> : null}
        {summary.data && latest ? (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('eventSummary.version', { version: latest.version })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('eventSummary.publishedAt', { at: formatDateTime(latest.publishedAt, summary.data.timeZone) })}
              </Typography.Text>
              {latest.provisional ? <Tag color="warning">{t('eventSummary.provisional')}</Tag> : null}
            </Space>
            <Typography.Text type="secondary">
              {t('eventSummary.counts', { listings: summary.data.listings, agreements: summary.data.agreements })}
            </Typography.Text>
            <SummaryDownloads eventId={eventId} eventName={summary.data.eventName} version={latest.version} />
          </Space>
        ) : null}
      </PageState>
    </Card>
  );
}
