import { Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIGNING_GRANT_MINUTES } from '@duijie/shared';
import type { StepUpValues } from '../hooks/use-sign-flow';

type Props = {
  open: boolean;
  form: FormInstance<StepUpValues>;
  loading: boolean;
  onSubmit: (values: StepUpValues) => void;
  onCancel: () => void;
};

/** Asks for the password again before signing; the grant lasts a few minutes. */
export function StepUpModal({ open, form, loading, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const stepUpButton: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'stepup-submit',
    loading,
  };
  return (
    <Modal
      open={open}
      title={t('agreement.stepUpTitle')}
      okText={t('agreement.stepUpSubmit')}
      okButtonProps={stepUpButton}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('agreement.stepUpBody', { minutes: SIGNING_GRANT_MINUTES })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password data-testid="stepup-password" autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
