import { Alert, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@duijie/shared';
import { useSignFlow } from '../hooks/use-sign-flow';
import { AgreementTerms } from './agreement-details';
import { StepUpModal } from './step-up-modal';

type Props = {
  /** The agreement to sign; the modal is closed when null. */
  agreement: Agreement | null;
  onClose: () => void;
};

/**
 * Shows the terms and their hash, then signs exactly that hash. A missing password
 * re-confirmation opens a password prompt and retries with the same idempotency key.
 */
export function SignModal({ agreement, onClose }: Props) {
  return agreement ? <SignDialog key={agreement.id} initial={agreement} onClose={onClose} /> : null;
}

type DialogProps = { initial: Agreement; onClose: () => void };

function SignDialog({ initial, onClose }: DialogProps) {
  const { t } = useTranslation();
  const flow = useSignFlow(initial, onClose);
  const { current } = flow;

  const signButton: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'agreement-sign-confirm',
    loading: flow.signing,
    // Wait for the first fetch of the latest terms, but not for background refetches (a live
    // push refetches them): a button that turns disabled under the pointer swallows the click.
    // Signing what is on screen is safe either way: the server refuses a stale hash.
    disabled: flow.loadingTerms,
  };

  return (
    <>
      <Modal
        open
        width={820}
        title={t('agreement.signTitle', { title: current.title })}
        okText={t('agreement.signConfirm')}
        okButtonProps={signButton}
        cancelText={t('common.cancel')}
        onOk={flow.onSign}
        onCancel={onClose}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {flow.termsChanged ? <Alert type="warning" showIcon title={t('agreement.termsChanged')} data-testid="agreement-terms-changed" /> : null}
          <Typography.Paragraph type="secondary">{t('agreement.signIntro')}</Typography.Paragraph>
          <AgreementTerms agreement={current} />
        </Space>
      </Modal>
      <StepUpModal open={flow.askPassword} form={flow.passwordForm} loading={flow.steppingUp} onSubmit={flow.onStepUp} onCancel={flow.cancelStepUp} />
    </>
  );
}
