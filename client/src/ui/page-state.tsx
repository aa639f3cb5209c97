import { Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from './failure-text';
import { StatusMessage } from './status-message';

type Props = {
  loading: boolean;
  error?: unknown;
  empty?: boolean;
  emptyText?: ReactNode;
  /** Shown under the empty message, e.g. a create button. */
  emptyAction?: ReactNode;
  onRetry?: () => void;
  children?: ReactNode;
};

/** Loading, error and empty states in one place; renders children when there is data. */
export function PageState({ loading, error, empty = false, emptyText, emptyAction, onRetry, children }: Props) {
  const { t } = useTranslation();
  if (loading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (error !== undefined && error !== null) {
    return (
      <StatusMessage
        tone="warning"
        title={t('state.errorTitle')}
        text={failureText(error, t)}
        action={
          onRetry ? (
            <Button type="primary" onClick={onRetry}>
              {t('state.retry')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (empty) {
    return (
      <Empty description={emptyText ?? t('state.empty')} style={{ padding: 32 }}>
        {emptyAction}
      </Empty>
    );
  }
  return <>{children}</>;
}
