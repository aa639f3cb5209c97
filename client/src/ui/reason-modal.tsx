import { Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  open: boolean;
  title: string;
  /** Explains what will happen; shown above the reason field. */
  description?: string;
  /** Rejections need a reason; a withdrawal may leave it empty. */
  required: boolean;
  okText: string;
  loading: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
};

type Values = { reason?: string };

/** Confirmation for a destructive action, with a reason field. */
export function ReasonModal({ open, title, description, required, okText, loading, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const okButtonProps: ButtonProps & { 'data-testid': string } = { danger: true, loading, 'data-testid': 'reason-submit' };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={okButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
    >
      {description ? <p>{description}</p> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => onSubmit((values.reason ?? '').trim())}>
        <Form.Item name="reason" label={t('common.reason')} rules={required ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
