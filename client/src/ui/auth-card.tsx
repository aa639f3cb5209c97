import { Card, Flex, Grid, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/layout';

type Props = { title: string; width?: number; children: ReactNode };

/** The centred card the signed-out screens (login, register, invitation) sit in. */
export function AuthCard({ title, width = 420, children }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  // A phone: less air above and inside the card, so the form starts on the first screen.
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Flex
      vertical
      align="center"
      style={{ minHeight: '100vh', padding: narrow ? `${token.padding}px ${token.paddingSM}px` : '48px 16px', background: token.colorBgLayout }}
    >
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: width, marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: width }} styles={narrow ? { body: { padding: token.padding } } : undefined}>
        {children}
      </Card>
    </Flex>
  );
}
