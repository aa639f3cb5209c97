import { CalendarOutlined, CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingRequest } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { Deadline } from '../../../ui/deadline';
import { MeetingRequestStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';

type Props = {
  requests: MeetingRequest[];
  /** Received requests are answered; sent ones may be withdrawn while pending. */
  direction: 'received' | 'sent';
  onAccept?: (request: MeetingRequest) => void;
  onDecline?: (request: MeetingRequest) => void;
  onCancel?: (request: MeetingRequest) => void;
  /** The request an action is running for. */
  busyId?: string;
};

type WhoProps = { name: string; listing: string | undefined };

function Who({ name, listing }: WhoProps) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{name}</Typography.Text>
      {listing ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {listing}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** Meeting requests received (to answer) or sent (to follow and withdraw). */
export function MeetingRequestsTable({ requests, direction, onAccept, onDecline, onCancel, busyId }: Props) {
  const { t } = useTranslation();
  const received = direction === 'received';
  const cancelConfirm: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'meeting-cancel-confirm' };

  const columns: TableColumnsType<MeetingRequest> = [
    received
      ? {
          title: t('meetings.from'),
          key: 'from',
          render: (_v, r) => <Who name={r.from.organisationName} listing={r.from.listing?.title} />,
        }
      : {
          title: t('meetings.to'),
          key: 'to',
          render: (_v, r) => <Who name={r.to.organisationName} listing={r.to.listing.title} />,
        },
    received
      ? { title: t('meetings.aboutMine'), key: 'mine', render: (_v, r) => r.to.listing.title }
      : { title: t('meetings.myListing'), key: 'mine', render: (_v, r) => r.from.listing?.title ?? '—' },
    {
      title: t('meetings.topic'),
      dataIndex: 'topic',
      render: (_v, r) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 360, whiteSpace: 'pre-wrap' }} data-testid="meeting-topic-text">
          {r.topic}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <MeetingRequestStatusTag status={r.status} />
          {r.reason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="meeting-reason">
              {t('common.reasonText', { reason: r.reason })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('meetings.respondBy'),
      dataIndex: 'respondBy',
      render: (_v, r) => <Deadline at={r.respondBy} open={r.status === 'pending'} />,
    },
    {
      title: received ? t('meetings.receivedAt') : t('meetings.sentAt'),
      dataIndex: 'createdAt',
      render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, r) => {
        if (r.status === 'accepted') {
          return (
            <Link to={`/my/agenda?tab=arrangements&event=${r.eventId}`} data-testid="meeting-arrange">
              <CalendarOutlined /> {t('agenda.tabArrangements')}
            </Link>
          );
        }
        if (r.status !== 'pending') return null;
        const busy = busyId === r.id;
        if (received) {
          return (
            <Space size={4} wrap>
              <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => onAccept?.(r)} data-testid="meeting-accept">
                {t('meetings.accept')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} disabled={busy} onClick={() => onDecline?.(r)} data-testid="meeting-decline">
                {t('meetings.decline')}
              </Button>
            </Space>
          );
        }
        return (
          <Popconfirm
            title={t('meetings.cancelTitle')}
            description={t('meetings.cancelBody', { name: r.to.organisationName })}
            okText={t('meetings.cancel')}
            okButtonProps={cancelConfirm}
            cancelText={t('common.cancel')}
            onConfirm={() => onCancel?.(r)}
          >
            <Button size="small" icon={<RollbackOutlined />} loading={busy} data-testid="meeting-cancel">
              {t('meetings.cancel')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <Table<MeetingRequest>
      rowKey="id"
      columns={columns}
      dataSource={requests}
      onRow={(r) => rowTestId('meeting-request-row', { 'data-request-id': r.id, 'data-status': r.status, 'data-direction': direction })}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
