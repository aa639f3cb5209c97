import { EditOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchSession, Me, Participation } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { SessionStatusTag } from '../../../ui/status-tag';
import { ResponsiveList } from '../../../ui/responsive-list';
import { rowTestId } from '../../../ui/test-id';
import { RegisterButton } from './register-button';
import { SessionAdvanceButton } from './session-advance-button';

type Props = {
  sessions: MatchSession[];
  me: Me;
  /** My organisation's participations, to show where it is registered already. */
  participations: Participation[];
  onEdit?: (session: MatchSession) => void;
};

/** The sessions of one event with what the user may do in each: a table, on a phone a card per session. */
export function SessionsTable({ sessions, me, participations, onEdit }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const zoneOf = useTimeZoneOf();
  const isOrganiser = me.role === 'organiser';

  const columns: TableColumnsType<MatchSession> = [
    { title: t('fields.sessionKind'), dataIndex: 'kind', render: (_v, s) => <Tag>{labels.sessionKind(s.kind)}</Tag> },
    { title: t('fields.sessionTitle'), dataIndex: 'title' },
    { title: t('fields.leadDepartment'), dataIndex: 'leadDepartment' },
    { title: t('fields.venue'), dataIndex: 'venue' },
    {
      title: t('sessions.time'),
      key: 'time',
      render: (_v, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(s.startsAt, zoneOf(s.eventId))}
          <br />~ {formatDateTime(s.endsAt, zoneOf(s.eventId))}
        </span>
      ),
    },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, s) => <SessionStatusTag status={s.status} /> },
    {
      title: t('fields.registrationMode'),
      dataIndex: 'registrationMode',
      render: (_v, s) => labels.registrationMode(s.registrationMode),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, s) => (
        <Space wrap size="small">
          {isOrganiser ? null : <RegisterButton session={s} me={me} participation={participations.find((p) => p.sessionId === s.id)} />}
          <Link to={`/sessions/${s.id}/board`}>
            <Button size="small" icon={<TableOutlined />} data-testid="session-board">
              {t('sessions.openBoard')}
            </Button>
          </Link>
          {isOrganiser ? <SessionAdvanceButton session={s} /> : null}
          {isOrganiser && onEdit ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(s)} data-testid="session-edit">
              {t('common.edit')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <ResponsiveList<MatchSession>
      rowKey="id"
      columns={columns}
      dataSource={sessions}
      pagination={false}
      cardTitle="title"
      cardExtra="status"
      cardFacts={['kind', 'time', 'venue', 'leadDepartment', 'registrationMode']}
      cardActions={['actions']}
      rowProps={(s) => rowTestId('session-row', { 'data-session-id': s.id })}
      testId="sessions"
      tableProps={{ size: 'middle', scroll: { x: 'max-content' } }}
    />
  );
}
