import { CheckOutlined, ClockCircleOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Participation } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { ParticipationStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';

type Props = {
  participants: Participation[] | undefined;
  loading: boolean;
  /** The participation being approved, for the busy button. */
  approvingId: string | undefined;
  onApprove: (participation: Participation) => void;
  onReject: (participation: Participation) => void;
  onAvailability: (participation: Participation) => void;
  /** The event's zone: the times are shown on its clocks. */
  timeZone: string;
};

/** A session's participants with the decisions open for each. */
export function ParticipantsTable({ participants, loading, approvingId, onApprove, onReject, onAvailability, timeZone }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();

  const columns: TableColumnsType<Participation> = [
    { title: t('fields.organisation'), dataIndex: 'organisationName' },
    { title: t('fields.orgKind'), dataIndex: 'organisationKind', render: (_v, p) => labels.orgKind(p.organisationKind) },
    { title: t('fields.role'), dataIndex: 'role', render: (_v, p) => labels.role(p.role) },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (_v, p) => (
        <Tooltip title={p.reason ?? undefined}>
          <span>
            <ParticipationStatusTag status={p.status} />
          </span>
        </Tooltip>
      ),
    },
    { title: t('console.appliedAt'), dataIndex: 'createdAt', render: (_v, p) => formatDateTime(p.createdAt, timeZone) },
    { title: t('console.decidedAt'), dataIndex: 'decidedAt', render: (_v, p) => formatDateTime(p.decidedAt, timeZone) },

    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, p) =>
        p.status === 'pending' || p.status === 'invited' ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              loading={approvingId === p.id}
              onClick={() => onApprove(p)}
              data-testid="participant-approve"
            >
              {t('console.approve')}
            </Button>
            <Button size="small" danger icon={<CloseOutlined />} onClick={() => onReject(p)} data-testid="participant-reject">
              {t('console.reject')}
            </Button>
          </Space>
        ) : p.status === 'approved' ? (
          // At the help desk: the participant's slots and half-day wish, given for them.
          <Button size="small" icon={<ClockCircleOutlined />} onClick={() => onAvailability(p)} data-testid="participant-availability">
            {t('agenda.availability')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Table<Participation>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={participants}
      loading={loading}
      onRow={(p) => rowTestId('participant-row', { 'data-participant-id': p.id })}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
