import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '@duijie/shared';
import { ReasonModal } from '../../../ui/reason-modal';
import { useFailureHandler } from '../../../ui/use-failure';
import { useRejectOrganisation, useSuspendOrganisation } from '../hooks/use-organisations';

type Props = {
  /** The organisation decided on; the modal is closed when null. */
  organisation: Organisation | null;
  onClose: () => void;
};

/** Rejects a registration, with the reason the organisation is told. */
export function RejectOrganisationModal({ organisation: rejecting, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reject = useRejectOrganisation();
  const onFailure = useFailureHandler();
  return (
    <ReasonModal
      open={rejecting !== null}
      title={t('console.rejectOrgTitle')}
      description={rejecting ? t('console.rejectOrgBody', { name: rejecting.name }) : undefined}
      required
      okText={t('console.reject')}
      loading={reject.isPending}
      onCancel={onClose}
      onSubmit={(reason) => {
        if (!rejecting) return;
        reject.mutate(
          { id: rejecting.id, reason },
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

/** Suspends an approved organisation, with the reason recorded. */
export function SuspendOrganisationModal({ organisation: suspending, onClose }: Props) {
  const { t } = useTranslation();
  const suspend = useSuspendOrganisation();
  const onFailure = useFailureHandler();
  return (
    <ReasonModal
      open={suspending !== null}
      title={t('console.suspendOrgTitle')}
      description={suspending ? t('console.suspendOrgBody', { name: suspending.name }) : undefined}
      required
      okText={t('console.suspend')}
      loading={suspend.isPending}
      onCancel={onClose}
      onSubmit={(reason) => {
        if (!suspending) return;
        suspend.mutate({ id: suspending.id, reason }, { onSuccess: () => onClose(), onError: (error) => onFailure(error) });
      }}
    />
  );
}
