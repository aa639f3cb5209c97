import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveBoardStatus } from '../hooks/use-live-board';

type Props = { status: LiveBoardStatus };

const BADGE = { live: 'success', reconnecting: 'warning', offline: 'default' } as const;

/** Green when the board is live, amber while (re)connecting, grey when offline. */
export function ConnectionStatus({ status }: Props) {
  const { t } = useTranslation();
  // While the first snapshot loads the connection is still being made: shown like reconnecting.
  const shown = status === 'loading' ? 'reconnecting' : status;
  return (
    <Tooltip title={t(`board.connection.${status}Hint`)}>
      <span data-testid="connection-status" data-status={shown} role="status" aria-live="polite">
        <Badge status={BADGE[shown]} text={t(`board.connection.${status}`)} />
      </span>
    </Tooltip>
  );
}
