import { Rate, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionRatingSummary } from '@duijie/shared';
import { PageState } from '../../../ui/page-state';
import { useEventInstitutionRatings } from '../hooks/use-ratings';
import { formatAverage } from '../kinds';

/** Organisers: each institution's average rating from the event's dealings (企业评银行), best first. */
export function RatingsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const ratings = useEventInstitutionRatings(eventId);
  const rows = ratings.data ?? [];
  const average = (field: 'speed' | 'attitude' | 'terms') => ({
    title: t(`ratings.fields.${field}`),
    dataIndex: field,
    align: 'right' as const,
    width: 90,
    render: (v: number | null) => formatAverage(v),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small" data-testid="ratings-panel">
      <Typography.Text type="secondary">{t('ratings.panelIntro')}</Typography.Text>
      <PageState
        loading={ratings.isPending}
        error={ratings.error}
        onRetry={() => void ratings.refetch()}
        empty={rows.length === 0}
        emptyText={t('ratings.panelEmpty')}
      >
        <Table<InstitutionRatingSummary>
          size="small"
          rowKey="organisationId"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 860 }}
          columns={[
            { title: t('ratings.institution'), dataIndex: 'name', width: 200, fixed: 'left', ellipsis: { showTitle: true } },
            { title: t('ratings.countColumn'), dataIndex: 'count', align: 'right', width: 90 },
            average('speed'),
            average('attitude'),
            average('terms'),
            {
              title: t('ratings.overall'),
              dataIndex: 'overall',
              width: 200,
              render: (v: number | null) =>
                v === null ? (
                  <Typography.Text type="secondary">{t('ratings.unrated')}</Typography.Text>
                ) : (
                  <Space size="small">
                    <Rate disabled allowHalf value={Math.round(v * 2) / 2} style={{ fontSize: 12 }} />
                    <Typography.Text strong>{formatAverage(v)}</Typography.Text>
                  </Space>
                ),
            },
          ]}
        />
      </PageState>
    </Space>
  );
}
