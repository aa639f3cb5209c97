import { Alert, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, MAX_CADENCE, type AgreementKind, type CadenceUnit, type FollowUpCadences } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useFollowUpPlan, useSetFollowUpPlan } from '../hooks/use-tracking';
import { formatDateTime } from '../../../ui/dates';

type Row = { reported: boolean; every: number; unit: CadenceUnit };
type Values = Record<AgreementKind, Row>;

const toValues = (cadences: FollowUpCadences): Values =>
  Object.fromEntries(
    AGREEMENT_KINDS.map((k) => {
      const c = cadences[k];
      return [k, { reported: c !== null, every: c?.every ?? 1, unit: c?.unit ?? 'month' }];
    }),
  ) as Values;

const toCadences = (values: Values): FollowUpCadences =>
  Object.fromEntries(AGREEMENT_KINDS.map((k) => [k, values[k].reported ? { every: values[k].every, unit: values[k].unit } : null])) as FollowUpCadences;

/** The event's follow-up plan: how often each kind of signed agreement is reported on (agreements signed from then on). */
export function PlanEditor({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const plan = useFollowUpPlan(eventId);
  const save = useSetFollowUpPlan(eventId);
  const fail = useFailureHandler();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form);

  useEffect(() => {
    if (plan.data) form.setFieldsValue(toValues(plan.data.cadences));
  }, [plan.data, form]);

  const submit = () =>
    form
      .validateFields()
      .then((v) =>
        save.mutate({ version: plan.data?.version ?? 0, cadences: toCadences(v) }, { onError: (error) => fail(error, { onStale: () => void plan.refetch() }) }),
      )
      .catch(() => undefined);

  return (
    <Card size="small" title={t('tracking.planTitle')}>
      <PageState loading={plan.isPending} error={plan.error} onRetry={() => void plan.refetch()}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('tracking.planHint')} />
          <Typography.Text type="secondary">
            {plan.data?.version
              ? t('tracking.planSaved', { by: plan.data.updatedBy ?? '—', at: formatDateTime(plan.data.updatedAt, timeZone) })
              : t('tracking.planDefaults')}
          </Typography.Text>
          <Form form={form} component={false}>
            <Table<AgreementKind>
              rowKey={(k) => k}
              size="small"
              pagination={false}
              dataSource={[...AGREEMENT_KINDS]}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('tracking.kind'), key: 'kind', render: (_v, k) => labels.agreementKind(k) },
                {
                  title: t('tracking.planReported'),
                  key: 'reported',
                  render: (_v, k) => (
                    <Form.Item name={[k, 'reported']} valuePropName="checked" noStyle>
                      <Switch data-testid={`plan-reported-${k}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('tracking.cadence'),
                  key: 'cadence',
                  render: (_v, k) => {
                    const row = values?.[k];
                    const disabled = row ? !row.reported : false;
                    return (
                      <Space>
                        <span>{t('tracking.planEvery')}</span>
                        <Form.Item name={[k, 'every']} noStyle rules={[{ required: true }]}>
                          <InputNumber<number> min={1} max={MAX_CADENCE[row?.unit ?? 'month']} precision={0} disabled={disabled} style={{ width: 72 }} />
                        </Form.Item>
                        <Form.Item name={[k, 'unit']} noStyle>
                          <Select<CadenceUnit>
                            disabled={disabled}
                            style={{ width: 88 }}
                            options={[
                              { value: 'week', label: t('tracking.unitWeek') },
                              { value: 'month', label: t('tracking.unitMonth') },
                            ]}
                          />
                        </Form.Item>
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Form>
          <Popconfirm title={t('tracking.planConfirm')} onConfirm={submit} okText={t('common.save')} cancelText={t('common.cancel')}>
            <Button type="primary" loading={save.isPending} data-testid="plan-save">
              {t('tracking.planSave')}
            </Button>
          </Popconfirm>
        </Space>
      </PageState>
    </Card>
  );
}
