import { ShopOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { regionLabel } from '@duijie/shared';
import { useLanguage } from '../../app/use-language';
import { formatDateRange } from '../../ui/dates';
import { PageState } from '../../ui/page-state';
import { useEvents } from '../events/hooks/use-events';

/** The nav's way into the supermarket: straight to it when there is one event, else pick the event. */
export function SupermarketIndexPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const events = useEvents();
  const list = events.data ?? [];
  if (list.length === 1) return <Navigate to={`/events/${list[0].id}/supermarket`} replace />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        <ShopOutlined /> {t('supermarket.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('supermarket.pickEvent')}</Typography.Paragraph>
      <PageState loading={events.isPending} error={events.error} empty={list.length === 0} emptyText={t('events.empty')} onRetry={() => void events.refetch()}>
        <Row gutter={[16, 16]}>
          {list.map((e) => (
            <Col key={e.id} xs={24} md={12} xl={8}>
              <Link to={`/events/${e.id}/supermarket`} data-testid="supermarket-event">
                <Card hoverable size="small" title={e.name}>
                  <Typography.Text type="secondary">
                    {regionLabel(e.province, lang)} · {formatDateRange(e.startDate, e.endDate)}
                  </Typography.Text>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </PageState>
    </>
  );
}
