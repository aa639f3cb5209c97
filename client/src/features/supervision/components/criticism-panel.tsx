import { CheckCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, List, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITICISM_BODY_MAX, CRITICISM_MAX_ORGANISATIONS, CRITICISM_TITLE_MAX, routes, type CriticismNotice } from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { ExportButton } from '../../../ui/export-button';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCriticismCandidates, useCriticismNotices, usePublishCriticism } from '../hooks/use-supervision';
import { formatDateTime } from '../../../ui/dates';

type Props = { eventId: string };
type Values = { title: string; body: string };

/** The notice of criticism (通报): candidates (a lapsed supervision notice still unfiled), compose and publish, and what was published. */
export function CriticismPanel({ eventId }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const candidates = useCriticismCandidates(eventId);
  const notices = useCriticismNotices(eventId);
  const publish = usePublishCriticism(eventId);
  const fail = useFailureHandler();
  const [chosen, setChosen] = useState<string[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);

  const send = (values: Values) =>
    modal.confirm({
      title: t('criticism.confirmTitle'),
      content: t('criticism.confirmBody', { count: chosen.length }),
      okText: t('criticism.publish'),
      okButtonProps: { danger: true, 'data-testid': 'criticism-confirm' } as ButtonProps,
      onOk: () =>
        publish
          .mutateAsync({ body: { title: values.title.trim(), body: values.body.trim(), organisationIds: chosen }, key })
          .then(() => {
            void message.success(t('criticism.published'));
            form.resetFields();
            setChosen([]);
            setKey(newIdempotencyKey());
          })
          .catch((error: unknown) => fail(error, { form })),
    });

  const list = candidates.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('criticism.candidatesTitle')} data-testid="criticism-candidates">
        <PageState
          loading={candidates.isPending}
          error={candidates.error}
          onRetry={() => void candidates.refetch()}
          empty={list.length === 0}
          emptyText={t('criticism.noCandidates')}
        >
          <Checkbox.Group style={{ width: '100%' }} value={chosen} onChange={(v) => setChosen(v.slice(0, CRITICISM_MAX_ORGANISATIONS))}>
            <List
              size="small"
              style={{ width: '100%' }}
              dataSource={list}
              renderItem={(c) => (
                <List.Item key={c.organisationId}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Checkbox value={c.organisationId} data-testid={`criticism-candidate-${c.organisationId}`}>
                      <Typography.Text strong>{c.organisationName}</Typography.Text>
                    </Checkbox>
                    {c.obligations.map((o) => (
                      <Typography.Text key={o.id} type="secondary" style={{ fontSize: 12, paddingInlineStart: 24 }}>
                        {t('criticism.owes', { title: o.subjectTitle, dueOn: o.dueOn, deadlineOn: o.deadlineOn })}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Checkbox.Group>
          <Form form={form} layout="vertical" onFinish={send} style={{ marginTop: 12 }}>
            <Form.Item name="title" label={t('criticism.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={CRITICISM_TITLE_MAX} placeholder={t('criticism.titlePlaceholder')} data-testid="criticism-title" />
            </Form.Item>
            <Form.Item name="body" label={t('criticism.body')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input.TextArea rows={4} maxLength={CRITICISM_BODY_MAX} showCount placeholder={t('criticism.bodyPlaceholder')} data-testid="criticism-body" />
            </Form.Item>
            <Button
              type="primary"
              danger
              htmlType="submit"
              icon={<NotificationOutlined />}
              disabled={chosen.length === 0}
              loading={publish.isPending}
              data-testid="criticism-publish"
            >
              {t('criticism.publishCount', { count: chosen.length })}
            </Button>
          </Form>
        </PageState>
      </Card>
      <Card
        size="small"
        title={t('criticism.publishedTitle')}
        extra={<ExportButton route={routes.supervision.noticesExport} args={{ params: { id: eventId } }} table="criticism-notices" />}
        data-testid="criticism-notices"
      >
        <PageState
          loading={notices.isPending}
          error={notices.error}
          onRetry={() => void notices.refetch()}
          empty={(notices.data ?? []).length === 0}
          emptyText={t('criticism.noneYet')}
        >
          <List<CriticismNotice> dataSource={notices.data ?? []} renderItem={(n) => <PublishedNotice key={n.id} notice={n} />} />
        </PageState>
      </Card>
    </Space>
  );
}

function PublishedNotice({ notice }: { notice: CriticismNotice }) {
  const { t } = useTranslation();
  const named = notice.entries.filter((e) => e.rectifiedAt === null);
  const rectified = notice.entries.filter((e) => e.rectifiedAt !== null);
  return (
    <List.Item data-testid={`criticism-notice-${notice.id}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>{notice.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('criticism.publishedBy', { name: notice.publishedBy ?? '—', at: formatDateTime(notice.publishedAt, notice.timeZone) })}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>
          {notice.body}
        </Typography.Paragraph>
        <Space wrap size={[4, 4]}>
          <Typography.Text>{t('criticism.stillNamed', { count: named.length })}</Typography.Text>
          {named.map((e) => (
            <Tag key={e.organisationId} color="red" data-testid={`criticism-named-${e.organisationId}`}>
              {e.organisationName}
            </Tag>
          ))}
        </Space>
        {rectified.length > 0 ? (
          <Space wrap size={[4, 4]}>
            <Typography.Text>{t('criticism.rectifiedCount', { count: rectified.length })}</Typography.Text>
            {rectified.map((e) => (
              <Tag key={e.organisationId} color="green" icon={<CheckCircleOutlined />} data-testid={`criticism-rectified-${e.organisationId}`}>
                {t('criticism.rectifiedAt', { name: e.organisationName, at: formatDateTime(e.rectifiedAt, notice.timeZone) })}
              </Tag>
            ))}
          </Space>
        ) : null}
      </Space>
    </List.Item>
  );
}
