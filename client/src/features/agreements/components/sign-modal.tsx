import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNING_GRANT_MINUTES } from '@duijie/shared';
import type { Agreement } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useAgreement, useInvalidateAgreement, useSignAgreement, useStepUp } from '../hooks/use-agreements';
import { AgreementTerms } from './agreement-details';

type Props = {
  /** The agreement to sign; the modal is closed when null. */
  agreement: Agreement | null;
  onClose: () => void;
};

/** How long to wait before retrying a sign the server is still processing. */
const IN_PROGRESS_RETRY_MS = 1500;
const IN_PROGRESS_RETRIES = 3;

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
  const { message } = App.useApp();
  const fresh = useAgreement(initial.id);
  const current = fresh.data ?? initial;
  const sign = useSignAgreement();
  const stepUp = useStepUp();
  const invalidate = useInvalidateAgreement();
  const onFailure = useFailureHandler();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [askPassword, setAskPassword] = useState(false);
  const [termsChanged, setTermsChanged] = useState(false);
  const [retrying, setRetrying] = useState(false);
  // One key per click on "sign"; the retry after a step-up or a busy answer reuses it.
  const idempotencyKey = useRef<string | null>(null);
  // The hash the user reviewed when clicking sign.
  const reviewedHash = useRef<string>(current.contentHash);
  const retryTimer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (retryTimer.current !== null) window.clearTimeout(retryTimer.current);
    },
    [],
  );

  const send = (attempt: number) => {
    const key = idempotencyKey.current;
    if (key === null) return;
    sign.mutate(
      { agreement: current, contentHash: reviewedHash.current, idempotencyKey: key },
      {
        onSuccess: (signed) => {
          idempotencyKey.current = null;
          void message.success(signed.status === 'signed' ? t('agreement.signedAll') : t('agreement.signedMine'));
          onClose();
        },
        onError: (error) => {
          const code = isApiFailure(error) ? error.body.code : undefined;
          if (code === 'step_up_required') {
            setAskPassword(true);
            return;
          }
          if (code === 'request_in_progress' && attempt < IN_PROGRESS_RETRIES) {
            setRetrying(true);
            retryTimer.current = window.setTimeout(() => {
              setRetrying(false);
              send(attempt + 1);
            }, IN_PROGRESS_RETRY_MS);
            return;
          }
          idempotencyKey.current = null;
          if (code === 'terms_changed') {
            setTermsChanged(true);
            void fresh.refetch();
            void invalidate(current);
            return;
          }
          if (code === 'already_signed') {
            void message.info(t('errors.codes.already_signed'));
            void invalidate(current);
            onClose();
            return;
          }
          onFailure(error);
        },
      },
    );
  };

  const onSign = () => {
    idempotencyKey.current = newIdempotencyKey();
    reviewedHash.current = current.contentHash;
    setTermsChanged(false);
    send(0);
  };

  const onStepUp = ({ password }: { password: string }) => {
    stepUp.mutate(password, {
      onSuccess: () => {
        setAskPassword(false);
        passwordForm.resetFields();
        send(0);
      },
      onError: (error) => {
        if (isApiFailure(error) && error.body.code === 'wrong_password') {
          passwordForm.setFields([{ name: 'password', errors: [t('agreement.wrongPassword')] }]);
          return;
        }
        onFailure(error);
      },
    });
  };

  const signButton: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'agreement-sign-confirm',
    loading: sign.isPending || retrying,
    // Wait for the first fetch of the latest terms, but not for background refetches (a live
    // push refetches them): a button that turns disabled under the pointer swallows the click.
    // Signing what is on screen is safe either way: the server refuses a stale hash.
    disabled: fresh.isLoading,
  };
  const stepUpButton: ButtonProps & { 'data-testid': string } = {
    'data-testid': 'stepup-submit',
    loading: stepUp.isPending || sign.isPending,
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
        onOk={onSign}
        onCancel={onClose}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {termsChanged ? <Alert type="warning" showIcon title={t('agreement.termsChanged')} data-testid="agreement-terms-changed" /> : null}
          <Typography.Paragraph type="secondary">{t('agreement.signIntro')}</Typography.Paragraph>
          <AgreementTerms agreement={current} />
        </Space>
      </Modal>
      <Modal
        open={askPassword}
        title={t('agreement.stepUpTitle')}
        okText={t('agreement.stepUpSubmit')}
        okButtonProps={stepUpButton}
        cancelText={t('common.cancel')}
        onOk={() => passwordForm.submit()}
        onCancel={() => {
          setAskPassword(false);
          idempotencyKey.current = null;
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('agreement.stepUpBody', { minutes: SIGNING_GRANT_MINUTES })}</Typography.Paragraph>
        <Form form={passwordForm} layout="vertical" onFinish={onStepUp}>
          <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password data-testid="stepup-password" autoComplete="current-password" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
