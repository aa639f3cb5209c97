import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusMessage } from '../ui/status-message';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <StatusMessage
      tone="info"
      title={t('state.notFoundTitle')}
      text={t('state.notFoundBody')}
      action={
        <Link to="/events">
          <Button type="primary">{t('state.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shown when a route throws while rendering or a lazy page fails to load. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <StatusMessage
      tone="error"
      title={t('state.crashTitle')}
      text={t('state.crashBody')}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('state.reloadPage')}
        </Button>
      }
    />
  );
}
