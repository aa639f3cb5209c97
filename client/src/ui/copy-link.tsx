import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVENT_TIME_ZONE, formatDateTime } from './dates';

type Props = {
  url: string;
  /** What was created; an invitation link unless told otherwise. */
  title?: string;
  expiresAt?: string;
  email?: string;
};

/** A one-time invitation link with a copy button; the link is shown only this once. */
export function CopyLink({ url, title, expiresAt, email }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const absolute = url.startsWith('http') ? url : `${window.location.origin}${url.startsWith('/') ? '' : '/'}${url}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absolute);
      void message.success(t('invite.copied'));
    } catch {
      void message.warning(t('invite.copyFailed'));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        title={title ?? t('invite.linkCreated')}
        description={
          <Typography.Text type="secondary">
            {email ? t('invite.linkFor', { email }) + ' ' : ''}
            {expiresAt ? t('invite.expires', { at: formatDateTime(expiresAt, EVENT_TIME_ZONE) }) + ' ' : ''}
            {t('invite.onlyOnce')}
          </Typography.Text>
        }
      />
      <Space.Compact block>
        <Input readOnly value={absolute} data-testid="invite-link" />
        <Button
          icon={<CopyOutlined />}
          data-testid="invite-copy"
          onClick={() => {
            void copy();
          }}
        >
          {t('invite.copy')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
