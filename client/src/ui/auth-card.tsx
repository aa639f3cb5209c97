import { Flex, Grid, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/language-switch';

type Props = { title: string; width?: number; children: ReactNode };

/**
 * The centred card the signed-out screens (login, register, invitation) sit in. Plain elements
 * styled from the theme's tokens rather than antd's Card and Typography: those two bring tabs,
 * skeletons, tooltips and text areas, about a sixth of a phone's first load (loading-budget test).
 */
export function AuthCard({ title, width = 420, children }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  // A phone: less air above and inside the card, so the form starts on the first screen.
  const narrow = Grid.useBreakpoint().md === false;
  const heading = { margin: 0, color: token.colorTextHeading, fontWeight: token.fontWeightStrong };
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: narrow ? `${token.padding}px ${token.paddingSM}px` : '48px 16px',
        background: token.colorBgLayout,
        fontFamily: token.fontFamily,
        fontSize: token.fontSize,
        color: token.colorText,
      }}
    >
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: width, marginBottom: 16 }}>
        <h1 style={{ ...heading, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3 }}>{t('app.name')}</h1>
        <LanguageSwitch />
      </Flex>
      <section
        aria-label={title}
        style={{
          width: '100%',
          maxWidth: width,
          background: token.colorBgContainer,
          border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <h2
          style={{
            ...heading,
            fontSize: token.fontSizeLG,
            padding: `${token.paddingSM}px ${narrow ? token.padding : token.paddingLG}px`,
            borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          }}
        >
          {title}
        </h2>
        <div style={{ padding: narrow ? token.padding : token.paddingLG }}>{children}</div>
      </section>
    </Flex>
  );
}
