import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('state.notFoundTitle')}
      subTitle={t('state.notFoundBody')}
      extra={
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
    <Result
      status="error"
      title={t('state.crashTitle')}
      subTitle={t('state.crashBody')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('state.reloadPage')}
        </Button>
      }
    />
  );
}
