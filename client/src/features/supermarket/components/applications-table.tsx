import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinancingApplication, ListingPublic } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { Deadline } from '../../../ui/deadline';
import { useLabels } from '../../../ui/labels';
import { ResponsiveList } from '../../../ui/responsive-list';
import { ApplicationStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { ListingKeyFields } from '../../listings/components/listing-fields';

type Props = {
  applications: FinancingApplication[];
  /** Received applications are answered by the offering bank; sent ones are followed by the enterprise. */
  direction: 'received' | 'sent';
  onAccept?: (application: FinancingApplication) => void;
  onDecline?: (application: FinancingApplication) => void;
  busyId?: string;
};

type ListingCellProps = { listing: ListingPublic; withOrganisation: boolean };

function ListingCell({ listing, withOrganisation }: ListingCellProps) {
  const labels = useLabels();
  return (
    <Space orientation="vertical" size={0}>
      {withOrganisation ? (
        <Typography.Text strong>
          {listing.organisationName}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {' '}
            · {labels.orgKind(listing.organisationKind)} · {labels.orgSize(listing.organisationSize)}
          </Typography.Text>
        </Typography.Text>
      ) : null}
      <span>{listing.title}</span>
      <ListingKeyFields listing={listing} />
    </Space>
  );
}

type StatusProps = { application: FinancingApplication };

/** The application's status, marked when it is past its deadline, with the reason of a decline. */
function StatusCell({ application: a }: StatusProps) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4}>
        <ApplicationStatusTag status={a.status} />
        {a.overdue ? (
          <Tag color="red" data-testid="application-overdue">
            {t('applications.overdue')}
          </Tag>
        ) : null}
      </Space>
      {a.reason ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="application-reason">
          {t('common.reasonText', { reason: a.reason })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

type CardProps = { application: FinancingApplication; direction: Props['direction']; actions: ReactNode };

/**
 * An application on a phone: the other side (the applicant, or the product applied to) with its key figures, the
 * status, what it is about on my side, the deadline while it waits (else when it was made) and the answer buttons.
 */
function ApplicationCard({ application: a, direction, actions }: CardProps) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const received = direction === 'received';
  const zone = zoneOf(a.eventId);
  return (
    <Flex
      vertical
      gap={6}
      data-testid="application-row"
      data-application-id={a.id}
      data-status={a.status}
      data-overdue={String(a.overdue)}
      data-direction={direction}
    >
      <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        <ListingCell listing={received ? a.need : a.offer} withOrganisation />
      </div>
      <StatusCell application={a} />
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {received ? t('applications.product') : t('applications.myNeed')}: {received ? a.offer.title : a.need.title}
      </Typography.Text>
      {a.status === 'pending' ? (
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text type="secondary">{t('applications.answerBy')}:</Typography.Text>
          <Deadline at={a.answerBy} timeZone={zone} open overdue={a.overdue} />
        </Flex>
      ) : (
        <Typography.Text type="secondary">
          {t('applications.appliedAt')}: {formatDateTime(a.createdAt, zone)}
        </Typography.Text>
      )}
      {actions ? <div style={{ marginTop: 4 }}>{actions}</div> : null}
    </Flex>
  );
}

/** Supermarket applications received (to answer, late ones marked) or sent (to follow). */
export function ApplicationsTable({ applications, direction, onAccept, onDecline, busyId }: Props) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const received = direction === 'received';

  const actionsOf = (a: FinancingApplication): ReactNode =>
    received && a.status === 'pending' ? (
      <Space size={4} wrap>
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={busyId === a.id} onClick={() => onAccept?.(a)} data-testid="application-accept">
          {t('applications.accept')}
        </Button>
        <Button size="small" danger icon={<CloseOutlined />} disabled={busyId === a.id} onClick={() => onDecline?.(a)} data-testid="application-decline">
          {t('applications.decline')}
        </Button>
      </Space>
    ) : null;

  const columns: TableColumnsType<FinancingApplication> = [
    received
      ? { title: t('applications.applicant'), key: 'need', render: (_v, a) => <ListingCell listing={a.need} withOrganisation /> }
      : { title: t('applications.product'), key: 'offer', render: (_v, a) => <ListingCell listing={a.offer} withOrganisation /> },
    received
      ? { title: t('applications.product'), key: 'offer', render: (_v, a) => a.offer.title }
      : { title: t('applications.myNeed'), key: 'need', render: (_v, a) => a.need.title },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, a) => <StatusCell application={a} /> },
    {
      title: t('applications.answerBy'),
      dataIndex: 'answerBy',
      render: (_v, a) => <Deadline at={a.answerBy} timeZone={zoneOf(a.eventId)} open={a.status === 'pending'} overdue={a.overdue} />,
    },
    {
      title: t('applications.appliedAt'),
      dataIndex: 'createdAt',
      render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.createdAt, zoneOf(a.eventId))}</span>,
    },
    ...(received ? [{ title: t('common.actions'), key: 'actions', render: (_v: unknown, a: FinancingApplication) => actionsOf(a) }] : []),
  ];

  const rowAttributes = (a: FinancingApplication) => ({
    'data-application-id': a.id,
    'data-status': a.status,
    'data-overdue': String(a.overdue),
    'data-direction': direction,
  });

  return (
    <ResponsiveList<FinancingApplication>
      rowKey="id"
      columns={columns}
      dataSource={applications}
      card={(a) => <ApplicationCard application={a} direction={direction} actions={actionsOf(a)} />}
      testId="applications"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      tableProps={{
        rowClassName: (a) => (a.overdue ? 'row-overdue' : ''),
        onRow: (a) => rowTestId('application-row', rowAttributes(a)),
        scroll: { x: 'max-content' },
      }}
    />
  );
}
