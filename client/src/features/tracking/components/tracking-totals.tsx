import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRACKING_STATES, type TrackingState, type TrackingTotals as Totals } from '@duijie/shared';

type Props = {
  totals: Totals | undefined;
  active: TrackingState | undefined;
  onPick: (state: TrackingState | undefined) => void;
};

const TONES: Record<TrackingState | 'all', 'success' | 'warning' | 'error' | 'info' | 'text'> = {
  all: 'text',
  on_time: 'success',
  due_soon: 'warning',
  overdue: 'error',
  under_supervision: 'error',
  performed: 'info',
};

/** The header of the tab: how many agreements are in each state; a click filters the table by it. */
export function TrackingTotals({ totals, active, onPick }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colour = (key: TrackingState | 'all') =>
    ({ text: token.colorText, success: token.colorSuccess, warning: token.colorWarning, error: token.colorError, info: token.colorInfo })[TONES[key]];
  const cells: (TrackingState | 'all')[] = ['all', ...TRACKING_STATES];

  return (
    <Flex wrap gap={8}>
      {cells.map((key) => {
        const selected = key === 'all' ? active === undefined : active === key;
        return (
          <Card
            key={key}
            size="small"
            hoverable
            onClick={() => onPick(key === 'all' ? undefined : key)}
            style={{ minWidth: 112, flex: '1 1 112px', borderColor: selected ? token.colorPrimary : undefined }}
            styles={{ body: { padding: '8px 12px' } }}
            data-testid={`tracking-total-${key}`}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {key === 'all' ? t('tracking.totalAll') : t(`tracking.states.${key}`)}
            </Typography.Text>
            <div style={{ fontSize: 22, fontWeight: 600, color: colour(key) }}>{totals?.[key] ?? '—'}</div>
          </Card>
        );
      })}
    </Flex>
  );
}
