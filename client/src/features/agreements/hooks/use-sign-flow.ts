import { App, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useAgreement, useInvalidateAgreement, useSignAgreement, useStepUp } from './use-agreements';

/** How long to wait before retrying a sign the server is still processing. */
const IN_PROGRESS_RETRY_MS = 1500;
const IN_PROGRESS_RETRIES = 3;

export type StepUpValues = { password: string };

/** Schedules a callback that is dropped if the component unmounts first (a retry into a closed dialog). */
function useTimeoutUntilUnmount(): (callback: () => void, ms: number) => void {
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return (callback, ms) => {
    timer.current = window.setTimeout(callback, ms);
  };
}

/**
 * Signing one agreement: the latest terms, the sign request with its idempotency key, the
 * password re-confirmation the server may ask for, and retries while it is still busy.
 */
export function useSignFlow(initial: Agreement, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fresh = useAgreement(initial.id);
  const current = fresh.data ?? initial;
  const sign = useSignAgreement();
  const stepUp = useStepUp();
  const invalidate = useInvalidateAgreement();
  const onFailure = useFailureHandler();
  const [passwordForm] = Form.useForm<StepUpValues>();
  const [askPassword, setAskPassword] = useState(false);
  const [termsChanged, setTermsChanged] = useState(false);
  const [retrying, setRetrying] = useState(false);
  // One key per click on "sign"; the retry after a step-up or a busy answer reuses it.
  const idempotencyKey = useRef<string | null>(null);
  // The hash the user reviewed when clicking sign.
  const reviewedHash = useRef<string>(current.contentHash);
  const later = useTimeoutUntilUnmount();

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
            later(() => {
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

  const onStepUp = ({ password }: StepUpValues) => {
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

  const cancelStepUp = () => {
    setAskPassword(false);
    idempotencyKey.current = null;
  };

  return {
    current,
    /** The latest terms are still being fetched for the first time. */
    loadingTerms: fresh.isLoading,
    signing: sign.isPending || retrying,
    steppingUp: stepUp.isPending || sign.isPending,
    termsChanged,
    askPassword,
    passwordForm,
    onSign,
    onStepUp,
    cancelStepUp,
  };
}
