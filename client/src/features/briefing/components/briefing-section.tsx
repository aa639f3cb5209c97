import { DownloadOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type Briefing } from '@duijie/shared';
import { download } from '../../../api/client';
import { formatDateTime } from '../../../ui/dates';
import { Money } from '../../../ui/money';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useBriefings, useCreateBriefing, useSendBriefing } from '../hooks/use-briefings';

type Props = { eventId: string };

const PAGE_SIZE = 10;
const SEND_CONFIRM: ButtonProps & { 'data-testid': string } = { 'data-testid': 'briefing-send-confirm' };

/**
 * The event's briefings (简报) for the coordination group, in the console's results area: each
 * with its number, period, who made it and whether it was sent; organisers make one now, download
 * its PDF and send it (after confirming whom it goes to).
 */
export function BriefingSection({ eventId }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const failed = useFailureHandler();
  const [page, setPage] = useState(1);
  const briefings = useBriefings(eventId, page, PAGE_SIZE);
  const create = useCreateBriefing(eventId);
  const send = useSendBriefing(eventId);
  const [downloading, setDownloading] = useState<string | null>(null);
  const zone = briefings.data?.items[0]?.timeZone ?? null;

  const generate = () =>
    create.mutate(undefined, {
      onSuccess: (b) => {
        setPage(1);
        void message.success(t('briefing.generated', { seq: b.seq }));
      },
      onError: (e) => failed(e),
    });

  const fileName = (b: Briefing) => t('briefing.fileName', { seq: b.seq });
  const downloadPdf = (b: Briefing) => {
    setDownloading(b.id);
    download(routes.briefings.pdf, { params: { id: b.id } }, fileName(b))
      .catch((e: unknown) => failed(e))
      .finally(() => setDownloading(null));
  };

  const confirmSend = (b: Briefing) =>
    modal.confirm({
      title: t('briefing.sendTitle', { seq: b.seq }),
      content: t(b.sentAt ? 'briefing.resendBody' : 'briefing.sendBody'),
      okText: t('briefing.send'),
      cancelText: t('common.cancel'),
      okButtonProps: SEND_CONFIRM,
      onOk: () =>
        send
          .mutateAsync(b.id)
          .then((sent) => void message.success(t('briefing.sentOk', { count: sent.sentTo ?? 0 })))
          .catch((e: unknown) => failed(e)),
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          <FileTextOutlined />
          {t('briefing.title')}
        </Space>
      }
      extra={
        <Button type="primary" onClick={generate} loading={create.isPending} data-testid="briefing-generate">
          {t('briefing.generate')}
        </Button>
      }
      data-testid="briefing-section"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('briefing.intro')}</Typography.Text>
        {create.isPending ? <Alert type="info" showIcon message={t('briefing.generating')} data-testid="briefing-generating" /> : null}
        <PageState
          loading={briefings.isLoading}
          error={briefings.error}
          onRetry={() => void briefings.refetch()}
          empty={briefings.data?.total === 0}
          emptyText={t('briefing.empty')}
        >
          <Table<Briefing>
            rowKey="id"
            size="small"
            dataSource={briefings.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: briefings.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
              showSizeChanger: false,
            }}
            onRow={(b) => ({ 'data-testid': `briefing-row-${b.seq}` }) as React.HTMLAttributes<HTMLElement>}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'seq', title: t('briefing.seq'), render: (_: unknown, b) => t('briefing.number', { seq: b.seq }) },
              {
                key: 'period',
                title: t('briefing.period'),
                responsive: ['sm' as const],
                render: (_: unknown, b) => (b.periodFrom === b.periodTo ? b.periodFrom : `${b.periodFrom} ~ ${b.periodTo}`),
              },
              { key: 'signed', title: t('briefing.signed'), responsive: ['sm' as const], render: (_: unknown, b) => <Money yuan={b.headline.signed.amount} /> },
              {
                key: 'created',
                title: t('briefing.createdBy'),
                responsive: ['md' as const],
                render: (_: unknown, b) => (
                  <Space orientation="vertical" size={0}>
                    <span>{b.createdBy ? b.createdBy.name : t('briefing.bySchedule')}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(b.createdAt, b.timeZone)}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'sent',
                title: t('briefing.sent'),
                render: (_: unknown, b) =>
                  b.sentAt ? (
                    <Space orientation="vertical" size={0}>
                      <Tag color="green">{t('briefing.sentTo', { count: b.sentTo ?? 0 })}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(b.sentAt, b.timeZone)}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Tag>{t('briefing.notSent')}</Tag>
                  ),
              },
              {
                key: 'actions',
                title: t('briefing.actions'),
                render: (_: unknown, b) => (
                  <Space wrap>
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      loading={downloading === b.id}
                      onClick={() => downloadPdf(b)}
                      data-testid={`briefing-download-${b.seq}`}
                    >
                      {t('briefing.download')}
                    </Button>
                    <Button size="small" icon={<SendOutlined />} onClick={() => confirmSend(b)} data-testid={`briefing-send-${b.seq}`}>
                      {t(b.sentAt ? 'briefing.resend' : 'briefing.send')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
        {zone ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('briefing.zone', { zone })}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
