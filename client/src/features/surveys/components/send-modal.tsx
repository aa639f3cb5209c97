import { Alert, App, Button, Col, Descriptions, Form, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, REGIONS, regionLabel, type OrganisationKind, type Survey, type SurveySendInput, type SurveySendResult } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { IndustryMultiSelect } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useSurveyWrites } from '../hooks/use-surveys';
import { regionPrefix } from '../survey-values';

type Props = { survey: Survey; open: boolean; onClose: () => void };
type Values = { kinds?: OrganisationKind[]; industries?: string[]; regions?: string[]; quotaPerRegion?: number | null };

function toSelection(v: Values): SurveySendInput {
  return {
    ...(v.kinds?.length ? { kinds: v.kinds } : {}),
    ...(v.industries?.length ? { industries: v.industries } : {}),
    ...(v.regions?.length ? { regions: v.regions.map(regionPrefix) } : {}),
    quotaPerRegion: v.quotaPerRegion ?? null,
  };
}

/** Picks who receives the survey, previews the count (and who is left out, and why), then sends it after a confirmation. */
export function SendModal({ survey, open, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const fail = useFailureHandler();
  const { send } = useSurveyWrites(survey.eventId);
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<SurveySendResult | null>(null);
  const regionOptions = useMemo(() => REGIONS.filter((r) => r.level !== 'county').map((r) => ({ value: r.code, label: regionLabel(r.code, lang) })), [lang]);

  const run = (dryRun: boolean) =>
    form
      .validateFields()
      .then((values) =>
        send.mutate(
          { id: survey.id, body: { ...toSelection(values), dryRun } },
          {
            onSuccess: (result) => {
              if (dryRun) setPreview(result);
              else {
                void message.success(t('surveys.sentMessage', { count: result.invited, already: result.alreadyInvited }));
                setPreview(result);
              }
            },
            onError: (error) => fail(error, { form }),
          },
        ),
      )
      .catch(() => undefined);

  const confirmSend = () =>
    modal.confirm({
      title: t('surveys.sendConfirmTitle'),
      content: t('surveys.sendConfirmBody', { count: preview?.count ?? 0, dueOn: survey.dueOn ?? '' }),
      okText: t('surveys.send'),
      cancelText: t('common.cancel'),
      onOk: () => run(false),
    });

  return (
    <Modal
      open={open}
      width={820}
      title={t('surveys.sendTitle', { title: survey.title })}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setPreview(null);
      }}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => run(true)} loading={send.isPending && send.variables?.body.dryRun === true} data-testid="survey-preview">
            {t('surveys.preview')}
          </Button>
          <Button type="primary" disabled={!preview || preview.count === 0} onClick={confirmSend} data-testid="survey-send">
            {t('surveys.send')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onValuesChange={() => setPreview(null)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kinds" label={t('surveys.kinds')}>
              <Select
                mode="multiple"
                allowClear
                data-testid="survey-kinds"
                options={ORGANISATION_KINDS.filter((k) => k !== 'organiser').map((k) => ({ value: k, label: labels.orgKind(k) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industries" label={t('surveys.industries')}>
              <IndustryMultiSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regions" label={t('surveys.regions')}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={regionOptions} maxTagCount="responsive" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="quotaPerRegion" label={t('surveys.quota')} extra={t('surveys.quotaHint')}>
              <InputNumber<number> min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="survey-quota" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Paragraph type="secondary">{t('surveys.exclusionHint')}</Typography.Paragraph>
      {preview ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="survey-preview-result">
          <Alert
            type={preview.dryRun ? 'info' : 'success'}
            showIcon
            title={
              preview.dryRun
                ? t('surveys.previewCount', { count: preview.count, already: preview.alreadyInvited, left: preview.leftOut.length })
                : t('surveys.sentMessage', { count: preview.invited, already: preview.alreadyInvited })
            }
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            {preview.byRegion.map((r) => (
              <Descriptions.Item key={r.region} label={regionLabel(r.region, lang)}>
                {r.count}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {preview.leftOut.length > 0 ? (
            <Table
              size="small"
              rowKey="organisationId"
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              dataSource={preview.leftOut}
              columns={[
                { title: t('surveys.organisation'), dataIndex: 'organisationName' },
                { title: t('surveys.region'), dataIndex: 'region', render: (code: string) => regionLabel(code, lang) },
                {
                  title: t('surveys.leftOutReason'),
                  dataIndex: 'reason',
                  render: (reason: string, row) => (
                    <Space>
                      <Tag color={reason === 'over_quota' ? 'default' : 'red'}>{t(`surveys.leftOut.${reason}`)}</Tag>
                      {row.note ? <Typography.Text type="secondary">{row.note}</Typography.Text> : null}
                    </Space>
                  ),
                },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
    </Modal>
  );
}
