import { Button, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/dates';
import { PageState } from '../../ui/page-state';
import { FiguresDashboard } from './components/figures-dashboard';
import { useFigures } from './hooks/use-figures';
import './leadership.css';

const NO_FILTER = {};

/** The leadership view: an event's results read-only, live, sized for a projector and printable on A4. */
export function LeadershipPage() {
  const { t } = useTranslation();
  const { eventId } = useParams<{ eventId: string }>();
  const figures = useFigures(eventId, NO_FILTER);
  return (
    <div className="leadership" data-testid="leadership-view">
      <PageState loading={figures.isPending} error={figures.error} onRetry={() => void figures.refetch()}>
        {figures.data ? (
          <>
            <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Title level={2} style={{ margin: 0 }}>
                {t('figures.leadershipTitle', { name: figures.data.eventName })}
              </Typography.Title>
              <Space className="leadership-no-print">
                <Typography.Text type="secondary">
                  {t('figures.asOf', { at: formatDateTime(figures.data.at, figures.data.timeZone), zone: figures.data.timeZone })}
                </Typography.Text>
                <Button onClick={() => window.print()} data-testid="leadership-print">
                  {t('figures.print')}
                </Button>
              </Space>
            </Space>
            <FiguresDashboard figures={figures.data} />
          </>
        ) : null}
      </PageState>
    </div>
  );
}
