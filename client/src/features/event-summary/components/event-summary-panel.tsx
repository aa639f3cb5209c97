import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, List, Modal, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/client';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventSummary, usePublishEventSummary } from '../hooks/use-event-summary';
import { SummaryDownloads } from './summary-downloads';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };

/**
 * Organisers: the supply and demand summary table (供需对接情况汇总表) of an event: the live
 * preview to download and check, publishing the next version to the participants (confirmed;
 * before the event is over, only as a table that is not final), and every version published.
 */
export function EventSummaryPanel({ eventId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const summary = useEventSummary(eventId);
  const publish = usePublishEventSummary(eventId);
  const fail = useFailureHandler();
  const [confirming, setConfirming] = useState(false);
  const [notFinal, setNotFinal] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const data = summary.data;
  const close = () => {
    setConfirming(false);
    setNotFinal(false);
  };
  const send = () =>
    publish
      .mutateAsync({ notFinal: data?.ended === false && notFinal, key })
      .then((p) => {
        void message.success(t('eventSummary.published', { version: p.version }));
        setKey(newIdempotencyKey());
        close();
      })
      .catch((error: unknown) => fail(error));

  return (
    <Card
      title={t('eventSummary.title')}
      data-testid="event-summary-panel"
      extra={
        data ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)} data-testid="event-summary-publish">
            {t('eventSummary.publish')}
          </Button>
        ) : null
      }
    >
      <PageState loading={summary.isPending} error={summary.error} onRetry={() => void summary.refetch()}>
        {data ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('eventSummary.intro')}</Typography.Text>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('eventSummary.eventState')}>
                {data.ended ? (
                  <Tag color="success">{t('eventSummary.ended')}</Tag>
                ) : (
                  <Tag color="warning">{t('eventSummary.running', { date: data.endDate })}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('eventSummary.holds')}>
                {t('eventSummary.counts', { listings: data.listings, agreements: data.agreements })}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap align="center">
              <Typography.Text strong>{t('eventSummary.preview')}</Typography.Text>
              <SummaryDownloads eventId={eventId} eventName={data.eventName} />
            </Space>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('eventSummary.versions')}
            </Typography.Title>
            {data.publications.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eventSummary.notPublished')} data-testid="event-summary-none" />
            ) : (
              <List
                size="small"
                dataSource={data.publications}
                data-testid="event-summary-versions"
                renderItem={(p) => (
                  <List.Item key={p.version} extra={<SummaryDownloads eventId={eventId} eventName={data.eventName} version={p.version} />}>
                    <Space wrap>
                      <Typography.Text strong>{t('eventSummary.version', { version: p.version })}</Typography.Text>
                      <Typography.Text type="secondary">
                        {t('eventSummary.publishedBy', { at: formatDateTime(p.publishedAt, data.timeZone), name: p.publishedByName ?? '—' })}
                      </Typography.Text>
                      {p.provisional ? <Tag color="warning">{t('eventSummary.provisional')}</Tag> : null}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Space>
        ) : null}
      </PageState>
      {data ? (
        <Modal
          open={confirming}
          title={t('eventSummary.confirmTitle', { version: (data.publications[0]?.version ?? 0) + 1 })}
          okText={t('eventSummary.publish')}
          cancelText={t('common.cancel')}
          onCancel={close}
          onOk={() => void send()}
          confirmLoading={publish.isPending}
          okButtonProps={{ disabled: !data.ended && !notFinal, 'data-testid': 'event-summary-confirm' } as ButtonProps}
          destroyOnHidden
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('eventSummary.confirmBody', { listings: data.listings, agreements: data.agreements })}
            </Typography.Paragraph>
            {data.ended ? null : (
              <>
                <Alert type="warning" showIcon title={t('eventSummary.notEndedWarning', { date: data.endDate })} />
                <Checkbox checked={notFinal} onChange={(e) => setNotFinal(e.target.checked)} data-testid="event-summary-not-final">
                  {t('eventSummary.confirmNotFinal')}
                </Checkbox>
              </>
            )}
          </Space>
        </Modal>
      ) : null}
    </Card>
  );
}
