import { App, Button, Popconfirm } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { SESSION_TRANSITIONS } from '@duijie/shared';
import type { MatchSession } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { useFailureHandler } from '../../../ui/use-failure';
import { useReloadEvents, useTransitionSession } from '../hooks/use-events';

type Props = { session: MatchSession; size?: ButtonProps['size'] };

/** Moves a session one step along its lifecycle, after confirmation. */
export function SessionAdvanceButton({ session, size = 'small' }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const transition = useTransitionSession();
  const reload = useReloadEvents();
  const onFailure = useFailureHandler();
  const next = SESSION_TRANSITIONS[session.status];
  if (next === null) return null;

  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    loading: transition.isPending,
    'data-testid': 'session-advance-confirm',
  };

  return (
    <Popconfirm
      title={t('sessions.advanceTitle')}
      description={t('sessions.advanceBody', {
        from: labels.sessionStatus(session.status),
        to: labels.sessionStatus(next),
      })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okButtonProps}
      onConfirm={() =>
        transition.mutate(
          { session, to: next },
          {
            onSuccess: () => {
              void message.success(t('sessions.advanced', { to: labels.sessionStatus(next) }));
            },
            onError: (error) => onFailure(error, { onStale: () => void reload(session.id) }),
          },
        )
      }
    >
      <Button size={size} type="primary" ghost data-testid="session-advance" data-next={next}>
        {t('sessions.advanceTo', { to: labels.sessionStatus(next) })}
      </Button>
    </Popconfirm>
  );
}
