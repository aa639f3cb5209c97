import { Button, Layout, Space, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../../app/auth';

type Props = { children: ReactNode };

/** The frame of the public directory pages: the platform's name, and a way in (or back) for users. No print. */
export function PublicShell({ children }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { status } = useAuth();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }} className="directory-shell">
      <Layout.Header
        className="directory-no-print"
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token.marginSM, paddingInline: token.padding }}
      >
        <Link
          to="/directory"
          style={{
            color: token.colorTextLightSolid,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeHeading4,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            minWidth: 0,
          }}
        >
          {t('directory.brand')}
        </Link>
        <Space>
          {status === 'authenticated' ? (
            <Link to="/events">
              <Button size="small" data-testid="directory-back-to-app">
                {t('directory.backToApp')}
              </Button>
            </Link>
          ) : (
            <Link to="/login" state={{ from: location.pathname }}>
              <Button size="small" type="primary" data-testid="directory-login">
                {t('directory.login')}
              </Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: token.padding, maxWidth: 1400, width: '100%', minWidth: 0, margin: '0 auto' }}>{children}</Layout.Content>
    </Layout>
  );
}
