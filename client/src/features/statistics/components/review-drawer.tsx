import { Alert, App, Button, Col, Descriptions, Drawer, Form, Grid, Input, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATISTICS_FORMS, type StatisticsForm } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { usePeriodWrites, useStatisticsForm } from '../hooks/use-statistics';
import { FiguresCompare, VersionHistory } from './figures-compare';
import { FormStateTags } from './form-tags';
import { PlatformFigures } from './platform-figures';

type Props = { eventId: string; formId: string | null; onClose: () => void };

/** An organiser reviews a filed form: the latest version against the one before, the platform's figures, accept or return with a reason. */
export function ReviewDrawer({ eventId, formId, onClose }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const form = useStatisticsForm(formId);
  return (
    <Drawer
      open={formId !== null}
      onClose={onClose}
      size={screens.lg ? 900 : '100%'}
      title={form.data ? t('statistics.reviewTitle', { name: form.data.organisationName, period: form.data.periodName }) : t('statistics.formLoading')}
      destroyOnHidden
      data-testid="statistics-review-drawer"
    >
      {formId ? (
        <PageState loading={form.isPending} error={form.error} onRetry={() => void form.refetch()}>
          {form.data ? <ReviewBody eventId={eventId} form={form.data} onReload={() => void form.refetch()} onDone={onClose} /> : null}
        </PageState>
      ) : null}
    </Drawer>
  );
}

function ReviewBody({ eventId, form: data, onReload, onDone }: { eventId: string; form: StatisticsForm; onReload: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailureHandler();
  const { review } = usePeriodWrites(eventId);
  const [reasonForm] = Form.useForm<{ reason?: string }>();
  const fields = STATISTICS_FORMS[data.class];
  const o = data.obligation;
  const versions = [...data.versions].sort((a, b) => b.n - a.n);
  const latest = versions[0] ?? null;
  const previous = versions[1] ?? null;
  const reviewable = o.state === 'submitted';

  const send = (accept: boolean, reason?: string) =>
    review.mutate(
      { id: data.id, body: accept ? { version: o.version, accept: true } : { version: o.version, accept: false, reason } },
      {
        onSuccess: () => {
          void message.success(accept ? t('statistics.acceptedMsg') : t('statistics.returnedMsg'));
          onDone();
        },
        onError: (error) => fail(error, { form: reasonForm, onStale: onReload }),
      },
    );

  const returnIt = () =>
    reasonForm
      .validateFields()
      .then(({ reason }) => send(false, (reason ?? '').trim()))
      .catch(() => undefined);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'class', label: t('statistics.class'), children: t(`statistics.classes.${data.class}`) },
          { key: 'span', label: t('statistics.span'), children: `${data.periodSpan.startsOn} ~ ${data.periodSpan.endsOn}` },
          { key: 'due', label: t('statistics.dueOn'), children: t('statistics.dueDay', { day: o.dueOn, zone: o.timeZone }) },
          { key: 'state', label: t('statistics.state'), children: <FormStateTags state={o.state} timing={o.timing} /> },
          { key: 'filed', label: t('statistics.submittedAt'), children: formatDateTime(o.submittedAt, o.timeZone) },
          {
            key: 'reviewed',
            label: t('statistics.reviewedAt'),
            children: o.reviewedAt ? `${formatDateTime(o.reviewedAt, o.timeZone)} · ${o.reviewedBy ?? ''}` : '—',
          },
        ]}
      />
      {o.state === 'returned' && o.returnReason ? (
        <Alert type="warning" showIcon title={t('statistics.returnedWith')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{o.returnReason}</span>} />
      ) : null}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {latest ? t('statistics.latestVersion', { n: latest.n }) : t('statistics.notFiled')}
          </Typography.Title>
          {latest ? (
            <>
              {previous ? <Typography.Paragraph type="secondary">{t('statistics.diffHint', { n: previous.n })}</Typography.Paragraph> : null}
              <FiguresCompare
                fields={fields}
                latest={latest.figures}
                previous={previous?.figures ?? null}
                latestTitle={t('statistics.versionN', { n: latest.n })}
                previousTitle={previous ? t('statistics.versionN', { n: previous.n }) : undefined}
              />
            </>
          ) : (
            <Typography.Text type="secondary">{t('statistics.notFiledHint')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <PlatformFigures platform={data.platform} />
        </Col>
      </Row>
      {reviewable ? (
        <div data-testid="statistics-review">
          <Typography.Title level={5}>{t('statistics.reviewHeading')}</Typography.Title>
          <Form form={reasonForm} layout="vertical">
            <Form.Item
              name="reason"
              label={t('statistics.returnReason')}
              extra={t('statistics.returnReasonHint')}
              rules={[{ required: true, whitespace: true, message: t('statistics.returnReasonRequired') }, { max: 500 }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="statistics-return-reason" />
            </Form.Item>
          </Form>
          <Space wrap>
            <Button type="primary" onClick={() => send(true)} loading={review.isPending} data-testid="statistics-review-accept">
              {t('statistics.accept')}
            </Button>
            <Button danger onClick={returnIt} loading={review.isPending} data-testid="statistics-review-return">
              {t('statistics.return')}
            </Button>
          </Space>
        </div>
      ) : null}
      {versions.length > 1 ? (
        <div>
          <Typography.Title level={5}>{t('statistics.history')}</Typography.Title>
          <VersionHistory fields={fields} versions={data.versions} timeZone={o.timeZone} />
        </div>
      ) : null}
    </Space>
  );
}
