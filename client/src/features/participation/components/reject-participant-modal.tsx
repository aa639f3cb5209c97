import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Participation } from '@duijie/shared';
import { ReasonModal } from '../../../ui/reason-modal';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRejectParticipant } from '../hooks/use-participation';

type Props = {
  /** The participation to reject; the modal is closed when null. */
  participation: Participation | null;
  onClose: () => void;
};

/** Rejects a registration or invitation, with the reason the organisation is told. */
export function RejectParticipantModal({ participation: rejecting, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reject = useRejectParticipant();
  const onFailure = useFailureHandler();
  return (
    <ReasonModal
      open={rejecting !== null}
      title={t('console.rejectParticipantTitle')}
      description={rejecting ? t('console.rejectParticipantBody', { name: rejecting.organisationName }) : undefined}
      required
      okText={t('console.reject')}
      loading={reject.isPending}
      onCancel={onClose}
      onSubmit={(reason) => {
        if (!rejecting) return;
        reject.mutate(
          { participation: rejecting, reason },
          {
            onSuccess: () => {
              void message.success(t('console.rejected'));
              onClose();
            },
            onError: (error) => onFailure(error),
          },
        );
      }}
    />
  );
}
