import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../ui/reason-modal';
import type { Declining } from '../hooks/use-request-actions';

type Props = {
  declining: Declining;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
};

/** Asks why a meeting request or an application is declined; the reason is sent to the other side. */
export function DeclineRequestModal({ declining, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      open={declining !== null}
      title={declining?.kind === 'application' ? t('applications.declineTitle') : t('meetings.declineTitle')}
      description={
        declining?.kind === 'application'
          ? t('applications.declineBody', { name: declining.application.need.organisationName })
          : declining?.kind === 'meeting'
            ? t('meetings.declineBody', { name: declining.request.from.organisationName })
            : undefined
      }
      required
      okText={declining?.kind === 'application' ? t('applications.decline') : t('meetings.decline')}
      loading={loading}
      onCancel={onCancel}
      onSubmit={onSubmit}
    />
  );
}
