import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './dates';

type Props = {
  /** ISO time by which an answer is due. */
  at: string;
  /** Whether the answer is still awaited: only then is the time left (or overdue) shown. */
  open: boolean;
  /** The server's verdict, when it gives one; otherwise the browser's clock decides. */
  overdue?: boolean;
  /** The event's zone: the time is shown on its clocks. */
  timeZone: string;
};

const HOUR = 3_600_000;

/** An answer deadline: the time, and while open how long is left or that it has passed. */
export function Deadline({ at, open, overdue, timeZone }: Props) {
  const { t } = useTranslation();
  const left = new Date(at).getTime() - Date.now();
  const late = overdue ?? left < 0;
  return (
    <Space orientation="vertical" size={0} style={{ whiteSpace: 'nowrap' }}>
      <span>{formatDateTime(at, timeZone)}</span>

      {open ? (
        late ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="deadline-overdue">
            <ExclamationCircleOutlined /> {t('deadline.overdue')}
          </Typography.Text>
        ) : (
          <Typography.Text type={left < 12 * HOUR ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            <ClockCircleOutlined />{' '}
            {left < 24 * HOUR
              ? t('deadline.hoursLeft', { count: Math.max(1, Math.ceil(left / HOUR)) })
              : t('deadline.daysLeft', { count: Math.floor(left / (24 * HOUR)) })}
          </Typography.Text>
        )
      ) : null}
    </Space>
  );
}
