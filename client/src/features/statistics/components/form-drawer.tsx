import { Alert, App, Button, Col, Descriptions, Drawer, Form, Grid, Row, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_FORMS, type StatisticsForm } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useFormWrites, useStatisticsForm } from '../hooks/use-statistics';
import { figureAliases, formEditable, toFigures, toFormValues, type FigureFormValues } from '../statistics-values';
import { FigureFields } from './figure-fields';
import { FiguresCompare, VersionHistory } from './figures-compare';
import { FormStateTags } from './form-tags';
import { PlatformFigures } from './platform-figures';

type Props = { formId: string | null; onClose: () => void };

/** The institution's statistics form for a period: fill it in 万元 and %, save a draft, file it; the platform's figures beside. */
export function FormDrawer({ formId, onClose }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const form = useStatisticsForm(formId);
  return (
    <Drawer
      open={formId !== null}
      onClose={onClose}
      size={screens.lg ? 980 : '100%'}
      title={form.data ? t('statistics.formTitle', { period: form.data.periodName }) : t('statistics.formLoading')}
      destroyOnHidden
      data-testid="statistics-form-drawer"
    >
      {formId ? (
        <PageState loading={form.isPending} error={form.error} onRetry={() => void form.refetch()}>
          {form.data ? <FormBody form={form.data} onReload={() => void form.refetch()} onFiled={onClose} /> : null}
        </PageState>
      ) : null}
    </Drawer>
  );
}

function FormBody({ form: data, onReload, onFiled }: { form: StatisticsForm; onReload: () => void; onFiled: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const fail = useFailureHandler();
  const { save, submit } = useFormWrites();
  const [form] = Form.useForm<FigureFormValues>();
  const filing = useRef(false);
  const fields = STATISTICS_FORMS[data.class];
  const o = data.obligation;
  const editable = formEditable(o.state);
  const aliases = figureAliases(fields);

  // A new reading of the form (after a save, a reload) replaces what the fields hold.
  useEffect(() => {
    if (!editable) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(fields, data.figures));
  }, [data, fields, form, editable]);

  const body = () => ({ version: o.version, figures: toFigures(fields, form.getFieldsValue(true) as FigureFormValues) });

  const saveDraft = () => {
    filing.current = false;
    form
      .validateFields()
      .then(() =>
        save.mutate(
          { id: data.id, body: body() },
          { onSuccess: () => void message.success(t('statistics.draftSaved')), onError: (error) => fail(error, { form, aliases, onStale: onReload }) },
        ),
      )
      .catch(() => undefined);
  };

  const file = () => {
    filing.current = true;
    form
      .validateFields()
      .then(() => {
        modal.confirm({
          title: t('statistics.submitConfirmTitle'),
          content: t('statistics.submitConfirmBody', { period: data.periodName }),
          okText: t('statistics.submit'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'statistics-submit-confirm' },
          onOk: async () => {
            try {
              await submit.mutateAsync({ id: data.id, body: body() });
              void message.success(t('statistics.submitted'));
              onFiled();
            } catch (error) {
              fail(error, { form, aliases, onStale: onReload });
            }
          },
        });
      })
      .catch(() => undefined)
      .finally(() => {
        filing.current = false;
      });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {o.state === 'returned' ? (
        <Alert
          type="error"
          showIcon
          data-testid="statistics-returned"
          title={t('statistics.returnedTitle', { by: o.reviewedBy ?? '—', at: formatDateTime(o.reviewedAt, o.timeZone) })}
          description={<Typography.Text style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{o.returnReason}</Typography.Text>}
        />
      ) : null}
      {o.state === 'accepted' ? <Alert type="success" showIcon title={t('statistics.acceptedNote')} /> : null}
      {o.state === 'submitted' ? <Alert type="info" showIcon title={t('statistics.submittedNote')} /> : null}
      {o.state === 'waived' ? <Alert type="info" showIcon title={t('statistics.waivedNote')} /> : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'org', label: t('statistics.organisation'), children: data.organisationName },
          { key: 'class', label: t('statistics.class'), children: t(`statistics.classes.${data.class}`) },
          { key: 'span', label: t('statistics.span'), children: `${data.periodSpan.startsOn} ~ ${data.periodSpan.endsOn}` },
          { key: 'due', label: t('statistics.dueOn'), children: t('statistics.dueDay', { day: o.dueOn, zone: o.timeZone }) },
          { key: 'state', label: t('statistics.state'), children: <FormStateTags state={o.state} timing={o.timing} /> },
          { key: 'filed', label: t('statistics.submittedAt'), children: formatDateTime(o.submittedAt, o.timeZone) },
        ]}
      />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('statistics.reported')}
          </Typography.Title>
          {fields.length === 0 ? (
            <Alert type="info" showIcon title={t('statistics.noFields')} />
          ) : !editable ? (
            <div data-testid="statistics-form-readonly">
              <FiguresCompare fields={fields} latest={data.figures} latestTitle={t('statistics.reported')} />
            </div>
          ) : (
            <Form<FigureFormValues> form={form} layout="vertical" data-testid="statistics-form">
              <Typography.Paragraph type="secondary">{t('statistics.unitsHint')}</Typography.Paragraph>
              <FigureFields fields={fields} filing={filing} />
            </Form>
          )}
          {editable ? (
            <Space wrap>
              <Button onClick={saveDraft} loading={save.isPending} data-testid="statistics-save">
                {t('statistics.saveDraft')}
              </Button>
              <Button type="primary" onClick={file} loading={submit.isPending} data-testid="statistics-submit">
                {o.state === 'returned' ? t('statistics.submitAgain') : t('statistics.submit')}
              </Button>
            </Space>
          ) : null}
        </Col>
        <Col xs={24} lg={9}>
          <PlatformFigures platform={data.platform} />
        </Col>
      </Row>
      <div>
        <Typography.Title level={5}>{t('statistics.history')}</Typography.Title>
        <VersionHistory fields={fields} versions={data.versions} timeZone={o.timeZone} />
      </div>
    </Space>
  );
}
