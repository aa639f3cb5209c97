import { Alert, App, Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SUPERVISION_MAX_BATCH,
  SUPERVISION_MAX_WORKING_DAYS,
  SUPERVISION_MIN_WORKING_DAYS,
  SUPERVISION_NOTE_MAX,
  type SupervisionIssueResult,
} from '@duijie/shared';
import { newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useIssueSupervision } from '../hooks/use-supervision';
import { issueIds } from '../supervision-values';

type Props = { eventId: string; obligationIds: string[]; open: boolean; onClose: () => void; onDone: () => void };
type Values = { workingDays: number; note?: string };

/** Issues supervision notices (督办单), in bulk, on the chosen overdue obligations, with a new deadline in working days. */
export function SupervisionDialog({ eventId, obligationIds, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueSupervision(eventId);
  const fail = useFailureHandler();
  const [key, setKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<SupervisionIssueResult | null>(null);
  const ids = issueIds(obligationIds, SUPERVISION_MAX_BATCH);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setKey(newIdempotencyKey());
      setResult(null);
    }
  }, [open, form]);

  const submit = (values: Values) =>
    issue.mutate(
      { body: { obligationIds: ids, workingDays: values.workingDays, ...(values.note?.trim() ? { note: values.note.trim() } : {}) }, key },
      {
        onSuccess: (answer) => {
          void message.success(t('supervision.issuedCount', { count: answer.issued.length }));
          if (answer.skipped.length > 0) setResult(answer);
          else {
            onDone();
            onClose();
          }
        },
        onError: (error) => fail(error, { form }),
      },
    );

  return (
    <Modal
      open={open}
      title={t('supervision.dialogTitle')}
      onCancel={result ? () => (onDone(), onClose()) : onClose}
      okText={result ? t('supervision.close') : t('supervision.issue')}
      onOk={result ? () => (onDone(), onClose()) : () => form.submit()}
      okButtonProps={{ disabled: !result && ids.length === 0, loading: issue.isPending, 'data-testid': 'supervision-issue-ok' } as ButtonProps}
      cancelButtonProps={result ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {result ? (
        <Alert
          type="warning"
          showIcon
          data-testid="supervision-skipped"
          title={t('supervision.skippedTitle', { issued: result.issued.length, skipped: result.skipped.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(['not_overdue', 'under_notice', 'not_found'] as const).map((reason) => {
                const n = result.skipped.filter((s) => s.reason === reason).length;
                return n > 0 ? <li key={reason}>{t(`supervision.skipReasons.${reason}`, { count: n })}</li> : null;
              })}
            </ul>
          }
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ workingDays: 5 }}>
          <Typography.Paragraph>{t('supervision.selected', { count: ids.length })}</Typography.Paragraph>
          <Form.Item
            name="workingDays"
            label={t('supervision.workingDays')}
            extra={t('supervision.workingDaysHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber
              min={SUPERVISION_MIN_WORKING_DAYS}
              max={SUPERVISION_MAX_WORKING_DAYS}
              precision={0}
              style={{ width: 160 }}
              data-testid="supervision-working-days"
            />
          </Form.Item>
          <Form.Item name="note" label={t('supervision.note')}>
            <Input.TextArea rows={3} maxLength={SUPERVISION_NOTE_MAX} showCount placeholder={t('supervision.notePlaceholder')} data-testid="supervision-note" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
