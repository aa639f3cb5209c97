import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchSession } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
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
  const labels = useLabels();
  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {s.title}
          </Typography.Title>
          <Tag>{labels.sessionKind(s.kind)}</Tag>
          <SessionStatusTag status={s.status} />
          <ConnectionStatus status={connection} />
        </Space>
      }
      extra={
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
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('fields.leadDepartment')}>{s.leadDepartment}</Descriptions.Item>
        <Descriptions.Item label={t('fields.venue')}>{s.venue}</Descriptions.Item>
        <Descriptions.Item label={t('sessions.time')}>
          {formatDateTime(s.startsAt)} ~ {formatDateTime(s.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.ceremonyAt')}>{formatDateTime(s.ceremonyAt)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.registrationMode')}>{labels.registrationMode(s.registrationMode)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tableCount')}>{s.tableCount}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
