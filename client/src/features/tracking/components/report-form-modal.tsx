import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Divider, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Typography, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntryKind, Obligation } from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { todayInEventZone, toDay } from '../../../ui/dates';
import { useFailureHandler } from '../../../ui/use-failure';
import { useDeleteEvidence, useEvidence, useFileReport, useUploadEvidence } from '../hooks/use-tracking';
import { CLOSING_KINDS, EVIDENCE_TYPES, evidenceProblem, lineKindsForStep, toReportInput, type ReportValues } from '../tracking-values';

type LineForm = { kind?: LedgerEntryKind; amount?: number | null; occurredOn?: Dayjs; evidence?: string; reason?: string };
type FormValues = { narrative?: string; problems?: string; lines?: LineForm[] };

type Props = { obligation: Obligation | null; onClose: () => void };

/** Files a report the organisation owes: the stages reached (ledger lines), a narrative, problems, and evidence files. */
export function ReportFormModal({ obligation, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const file = useFileReport();
  const fail = useFailureHandler();
  // One key per opening of the form: a retry of the same submission is answered, not filed twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const lines = Form.useWatch('lines', form);

  useEffect(() => {
    if (obligation) {
      form.resetFields();
      setKey(newIdempotencyKey());
    }
  }, [obligation, form]);

  if (!obligation) return null;
  const okButtonProps: ButtonProps & { 'data-testid': string } = { loading: file.isPending, 'data-testid': 'report-submit' };
  const kinds = lineKindsForStep(obligation.subject.step);
  const zone = obligation.timeZone;

  const send = (values: FormValues) => {
    const report: ReportValues = {
      narrative: values.narrative,
      problems: values.problems,
      lines: (values.lines ?? []).map((l) => ({ ...l, occurredOn: l.occurredOn ? toDay(l.occurredOn) : undefined })),
    };
    file.mutate(
      { id: obligation.id, body: toReportInput(report, obligation.version), key },
      {
        onSuccess: () => onClose(),
        onError: (error) => fail(error, { form, onStale: onClose }),
      },
    );
  };
  const submit = (values: FormValues) => {
    const closing = (values.lines ?? []).some((l) => l.kind !== undefined && CLOSING_KINDS.includes(l.kind));
    if (!closing) return send(values);
    modal.confirm({
      title: t('todo.closeConfirmTitle'),
      content: t('ledger.closeConfirmBody'),
      okText: t('ledger.closeConfirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Modal
      open
      width={760}
      title={t('todo.fileTitle', { title: obligation.subject.title })}
      onCancel={onClose}
      okText={t('todo.submit')}
      okButtonProps={okButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('tracking.reportN', {
            step: t(`tracking.steps.${obligation.subject.step}`, { defaultValue: obligation.subject.step }),
            seq: obligation.subject.seq,
          })}
          {' · '}
          {t('todo.dueOn', { day: obligation.dueOn, zone })}
        </Typography.Text>
        {obligation.state === 'returned' && obligation.returnReason ? (
          <Alert type="warning" showIcon title={t('todo.returned')} description={obligation.returnReason} />
        ) : null}
        <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="report-form">
          <Typography.Text strong>{t('todo.lines')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('todo.linesHint')}
          </Typography.Paragraph>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => {
                  const kind = lines?.[field.name]?.kind;
                  const closing = kind !== undefined && CLOSING_KINDS.includes(kind);
                  return (
                    <Space key={field.key} wrap align="start" style={{ marginBottom: 4 }} data-testid="report-line">
                      <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: t('ledger.kindRequired') }]}>
                        <Select<LedgerEntryKind>
                          style={{ width: 130 }}
                          placeholder={t('ledger.kind')}
                          options={kinds.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
                          data-testid="report-line-kind"
                        />
                      </Form.Item>
                      {closing ? (
                        <Form.Item name={[field.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('ledger.reasonRequired') }]}>
                          <Input style={{ width: 200 }} maxLength={2000} placeholder={t('ledger.reason')} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: t('ledger.amountRequired') }]}>
                          <InputNumber<number>
                            min={1}
                            precision={0}
                            inputMode="numeric"
                            style={{ width: 160 }}
                            placeholder={t('ledger.amountYuan')}
                            data-testid="report-line-amount"
                          />
                        </Form.Item>
                      )}
                      <Form.Item name={[field.name, 'occurredOn']} rules={[{ required: true, message: t('todo.dateRequired') }]}>
                        <DatePicker style={{ width: 140 }} data-testid="report-line-date" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'evidence']}>
                        <Input style={{ width: 160 }} maxLength={2000} placeholder={t('ledger.evidence')} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                    </Space>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ occurredOn: todayInEventZone(zone) })}
                  disabled={fields.length >= 20}
                  data-testid="report-add-line"
                >
                  {t('todo.addLine')}
                </Button>
              </>
            )}
          </Form.List>
          <Divider style={{ margin: '12px 0' }} />
          <Form.Item name="narrative" label={t('tracking.narrative')} rules={[{ required: true, whitespace: true, message: t('todo.narrativeRequired') }]}>
            <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('todo.narrativePlaceholder')} data-testid="report-narrative" />
          </Form.Item>
          <Form.Item name="problems" label={t('tracking.problems')}>
            <Input.TextArea rows={2} maxLength={5000} placeholder={t('todo.problemsPlaceholder')} data-testid="report-problems" />
          </Form.Item>
        </Form>
        <EvidenceUploader obligationId={obligation.id} />
      </Space>
    </Modal>
  );
}

/** Uploads evidence (PDF, PNG, JPEG up to 10 MB) to the report before it is filed; lists and deletes what was sent. */
function EvidenceUploader({ obligationId }: { obligationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const evidence = useEvidence(obligationId);
  const upload = useUploadEvidence(obligationId);
  const remove = useDeleteEvidence(obligationId);
  const fail = useFailureHandler();
  const files = evidence.data ?? [];

  return (
    <div>
      <Space wrap>
        <Typography.Text strong>{t('tracking.evidence')}</Typography.Text>
        <Upload
          accept={EVIDENCE_TYPES.join(',')}
          showUploadList={false}
          multiple
          beforeUpload={(f) => {
            const problem = evidenceProblem(f);
            if (problem) {
              void message.error(t(`todo.evidence_${problem}`, { name: f.name }));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(f, { onError: (error) => fail(error) });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={files.length >= 10} data-testid="evidence-upload">
            {t('todo.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('todo.evidenceHint')}
        </Typography.Text>
      </Space>
      {files.length > 0 ? (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              data-testid="evidence-item"
              actions={[
                <Popconfirm key="delete" title={t('todo.deleteEvidence')} onConfirm={() => remove.mutate(f.id, { onError: (error) => fail(error) })}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>,
              ]}
            >
              {f.name} <Typography.Text type="secondary">({Math.max(1, Math.round(f.size / 1024))} KB)</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
