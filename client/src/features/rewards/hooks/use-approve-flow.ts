import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardRun } from '@duijie/shared';
import { isApiFailure } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useStepUp } from '../../agreements/hooks/use-agreements';
import type { StepUpValues } from '../../agreements/hooks/use-sign-flow';
import { useApproveRun } from './use-rewards';

/**
 * Approving a run, as signing an agreement: the approve request on the run's version, and the
 * password re-confirmation (step-up) the server asks for before it, then the request again.
 */
export function useApproveFlow(run: RewardRun, onStale: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApproveRun();
  const stepUp = useStepUp();
  const onFailure = useFailureHandler();
  const [passwordForm] = Form.useForm<StepUpValues>();
  const [askPassword, setAskPassword] = useState(false);

  const send = () =>
    approve.mutate(run, {
      onSuccess: () => void message.success(t('rewards.approved')),
      onError: (error) => {
        if (isApiFailure(error) && error.body.code === 'step_up_required') {
          setAskPassword(true);
          return;
        }
        onFailure(error, { onStale });
      },
    });

  const onStepUp = ({ password }: StepUpValues) =>
    stepUp.mutate(password, {
      onSuccess: () => {
        setAskPassword(false);
        passwordForm.resetFields();
        send();
      },
      onError: (error) => {
        if (isApiFailure(error) && error.body.code === 'wrong_password') {
          passwordForm.setFields([{ name: 'password', errors: [t('agreement.wrongPassword')] }]);
          return;
        }
        onFailure(error);
      },
    });

  return {
    approving: approve.isPending,
    steppingUp: stepUp.isPending || approve.isPending,
    askPassword,
    passwordForm,
    onApprove: send,
    onStepUp,
    cancelStepUp: () => setAskPassword(false),
  };
}
