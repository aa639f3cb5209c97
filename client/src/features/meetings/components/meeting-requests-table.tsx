import { CalendarOutlined, CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingRequest } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { Deadline } from '../../../ui/deadline';
import { ResponsiveList } from '../../../ui/responsive-list';
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
  const zoneOf = useTimeZoneOf();
  const received = direction === 'received';
  const cancelConfirm: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'meeting-cancel-confirm' };

  const actionsOf = (r: MeetingRequest): ReactNode => {
    if (r.status === 'accepted') {
      return (
        <Link to={`/my/agenda?tab=arrangements&event=${r.eventId}`} className="touch-link" data-testid="meeting-arrange">
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
  };

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
      render: (_v, r) => <Deadline at={r.respondBy} timeZone={zoneOf(r.eventId)} open={r.status === 'pending'} />,
    },
    {
      title: received ? t('meetings.receivedAt') : t('meetings.sentAt'),
      dataIndex: 'createdAt',
      render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt, zoneOf(r.eventId))}</span>,
    },
    { title: t('common.actions'), key: 'actions', render: (_v, r) => actionsOf(r) },
  ];

  const rowAttributes = (r: MeetingRequest) => ({ 'data-request-id': r.id, 'data-status': r.status, 'data-direction': direction });

  // On a phone, one card per request: who, the status, what about, the topic, the deadline and the answer buttons.
  const card = (r: MeetingRequest) => {
    const other = received ? r.from : r.to;
    const mine = received ? r.to.listing.title : (r.from.listing?.title ?? null);
    const actions = actionsOf(r);
    return (
      <Flex vertical gap={6} data-testid="meeting-request-row" data-request-id={r.id} data-status={r.status} data-direction={direction}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Who name={other.organisationName} listing={other.listing?.title} />
          </div>
          <span style={{ flexShrink: 0 }}>
            <MeetingRequestStatusTag status={r.status} />
          </span>
        </Flex>
        {mine ? (
          <Typography.Text type="secondary">
            {received ? t('meetings.aboutMine') : t('meetings.myListing')}: {mine}
          </Typography.Text>
        ) : null}
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="meeting-topic-text">
          {r.topic}
        </Typography.Paragraph>
        {r.reason ? (
          <Typography.Text type="secondary" data-testid="meeting-reason">
            {t('common.reasonText', { reason: r.reason })}
          </Typography.Text>
        ) : null}
        {r.status === 'pending' ? (
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text type="secondary">{t('meetings.respondBy')}:</Typography.Text>
            <Deadline at={r.respondBy} timeZone={zoneOf(r.eventId)} open />
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {received ? t('meetings.receivedAt') : t('meetings.sentAt')}: {formatDateTime(r.createdAt, zoneOf(r.eventId))}
          </Typography.Text>
        )}
        {actions ? <div style={{ marginTop: 4 }}>{actions}</div> : null}
      </Flex>
    );
  };

  return (
    <ResponsiveList<MeetingRequest>
      rowKey="id"
      columns={columns}
      dataSource={requests}
      card={card}
      testId="meeting-requests"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      tableProps={{ onRow: (r) => rowTestId('meeting-request-row', rowAttributes(r)), scroll: { x: 'max-content' } }}
    />
  );
}
