import { CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Flex, theme } from 'antd';
import type { ReactNode } from 'react';

type Props = { tone: 'info' | 'warning' | 'error'; title: string; text?: ReactNode; action?: ReactNode };

/**
 * A page-sized message (an error, nothing found) for the app's first screens. antd's Result does
 * this too but brings its 403/404/500 illustrations into the entry, ~10 kB gzipped on every load.
 */
export function StatusMessage({ tone, title, text, action }: Props) {
  const { token } = theme.useToken();
  const Icon = tone === 'error' ? CloseCircleFilled : tone === 'warning' ? ExclamationCircleFilled : InfoCircleFilled;
  const colour = tone === 'error' ? token.colorError : tone === 'warning' ? token.colorWarning : token.colorPrimary;
  return (
    <Flex vertical align="center" gap={token.marginSM} style={{ padding: `${token.paddingXL}px ${token.padding}px`, textAlign: 'center' }} role="status">
      <Icon style={{ fontSize: 56, color: colour }} aria-hidden />
      <h2 style={{ margin: 0, fontSize: token.fontSizeHeading4, color: token.colorTextHeading, fontWeight: token.fontWeightStrong }}>{title}</h2>
      {text ? <div style={{ color: token.colorTextSecondary, maxWidth: 560 }}>{text}</div> : null}
      {action ? <div style={{ marginTop: token.marginSM }}>{action}</div> : null}
    </Flex>
  );
}
