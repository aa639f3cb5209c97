import { Button, Card, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenLink, ScreenLinkCreated } from '@duijie/shared';
import { CopyLink } from '../../../ui/copy-link';
import { formatDateTime } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateScreenLink, useRevokeScreenLink, useScreenLinks } from '../hooks/use-running-order';

type Props = { eventId: string };

/** Read-only links for the venue's big screens; the link is shown once, and can be revoked. */
export function ScreenLinksCard({ eventId }: Props) {
  const { t } = useTranslation();
  const links = useScreenLinks(eventId);
  const zone = useEventTimeZone(eventId);
  const create = useCreateScreenLink(eventId);
  const revoke = useRevokeScreenLink(eventId);
  const onFailure = useFailureHandler();
  const [created, setCreated] = useState<ScreenLinkCreated | null>(null);
  const [form] = Form.useForm<{ label: string }>();

  return (
    <Card size="small" title={t('ceremony.screenLinks')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            create.mutate(v.label.trim(), {
              onSuccess: (link) => {
                setCreated(link);
                form.resetFields();
              },
              onError: (error) => onFailure(error, { form }),
            })
          }
        >
          <Form.Item name="label" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
            <Input placeholder={t('ceremony.screenLabelPlaceholder')} style={{ width: 280 }} data-testid="screen-link-label" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="screen-link-create">
            {t('ceremony.createScreenLink')}
          </Button>
        </Form>
        {created && (
          <div data-testid="screen-link-created">
            <CopyLink url={created.url} title={t('ceremony.screenLinkCreated', { label: created.label })} />
          </div>
        )}
        <PageState
          loading={links.isPending}
          error={links.error}
          empty={links.data?.length === 0}
          emptyText={t('ceremony.noScreenLinks')}
          onRetry={() => void links.refetch()}
        >
          <Table<ScreenLink>
            size="small"
            rowKey="id"
            dataSource={links.data}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('ceremony.screenLabel'), dataIndex: 'label' },
              { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (_v, l) => formatDateTime(l.createdAt, zone) },
              { title: t('ceremony.expiresAt'), dataIndex: 'expiresAt', render: (_v, l) => formatDateTime(l.expiresAt, zone) },

              { title: t('fields.status'), key: 'status', render: (_v, l) => <LinkStatus link={l} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_v, l) =>
                  l.revokedAt || expired(l) ? null : (
                    <Popconfirm
                      title={t('ceremony.revokeConfirm', { label: l.label })}
                      description={t('ceremony.revokeHint')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => revoke.mutate(l.id, { onError: (error) => onFailure(error) })}
                    >
                      <Button size="small" danger>
                        {t('ceremony.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </PageState>
      </Space>
    </Card>
  );
}

const expired = (link: ScreenLink) => new Date(link.expiresAt).getTime() <= Date.now();

type LinkStatusProps = { link: ScreenLink };

function LinkStatus({ link }: LinkStatusProps) {
  const { t } = useTranslation();
  if (link.revokedAt) return <Tag>{t('ceremony.revoked')}</Tag>;
  if (expired(link)) return <Tag>{t('ceremony.expired')}</Tag>;
  return <Tag color="green">{t('ceremony.active')}</Tag>;
}
