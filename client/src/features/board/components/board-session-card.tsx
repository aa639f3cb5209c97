import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchSession } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { ZoneNote } from '../../../ui/zone-note';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { SessionStatusTag } from '../../../ui/status-tag';
import { SessionAdvanceButton } from '../../events/components/session-advance-button';
import type { LiveBoardStatus } from '../hooks/use-live-board';
import { ConnectionStatus } from './connection-status';

type Props = {
  session: MatchSession;
  connection: LiveBoardStatus;
  /** Participants may post while the session takes listings. */
  canPost: boolean;
  /** Organisers move the session on from here. */
  canAdvance: boolean;
  /** Shows the refresh button busy while the board or the session reloads. */
  syncing: boolean;
  onResync: () => void;
};

/** The board's heading: the session, its state and connection, what can be done, and its details. */
export function BoardSessionCard({ session: s, connection, canPost, canAdvance, syncing, onResync }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const narrow = Grid.useBreakpoint().md === false;
  const labels = useLabels();
  const zone = useEventTimeZone(s.eventId);
  return (
    <Card styles={narrow ? { body: { padding: token.padding } } : undefined}>
      {/* The title and the buttons share a row that wraps (not the card's head, whose title the buttons would cut). */}
      <Flex wrap justify="space-between" align="flex-start" gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
        <Flex wrap align="center" gap={token.marginXS} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }} data-testid="board-title">
            {s.title}
          </Typography.Title>
          <Space wrap size="small">
            <Tag>{labels.sessionKind(s.kind)}</Tag>
            <SessionStatusTag status={s.status} />
            <ConnectionStatus status={connection} />
          </Space>
        </Flex>
        <Space wrap>
          {canPost ? (
            <Link to={`/my/listings?session=${s.id}`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="board-post">
                {t('board.post')}
              </Button>
            </Link>
          ) : null}
          {canAdvance ? <SessionAdvanceButton session={s} size="middle" /> : null}
          <Tooltip title={t('board.resyncHint')}>
            <Button icon={<ReloadOutlined />} loading={syncing} onClick={onResync} data-testid="board-refresh">
              {t('board.resync')}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('fields.leadDepartment')}>{s.leadDepartment}</Descriptions.Item>
        <Descriptions.Item label={t('fields.venue')}>{s.venue}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.time')}>
          <span data-testid="board-session-time">
            {formatDateTime(s.startsAt, zone)} ~ {formatDateTime(s.endsAt, zone)}
          </span>{' '}
          <ZoneNote zone={zone} at={s.startsAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.ceremonyAt')}>{formatDateTime(s.ceremonyAt, zone)}</Descriptions.Item>

        <Descriptions.Item label={t('fields.registrationMode')}>{labels.registrationMode(s.registrationMode)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tableCount')}>{s.tableCount}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
