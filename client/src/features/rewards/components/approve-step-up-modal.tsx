import { Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIGNING_GRANT_MINUTES } from '@duijie/shared';
import type { StepUpValues } from '../../agreements/hooks/use-sign-flow';

type Props = { open: boolean; form: FormInstance<StepUpValues>; loading: boolean; onSubmit: (values: StepUpValues) => void; onCancel: () => void };

/** The password again before approving a run (the same step-up grant as signing). */
export function ApproveStepUpModal({ open, form, loading, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const okButton: ButtonProps & { 'data-testid': string } = { 'data-testid': 'stepup-submit', loading };
  return (
    <Modal
      open={open}
      title={t('agreement.stepUpTitle')}
      okText={t('rewards.stepUpSubmit')}
      okButtonProps={okButton}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rewards.stepUpBody', { minutes: SIGNING_GRANT_MINUTES })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password data-testid="stepup-password" autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
