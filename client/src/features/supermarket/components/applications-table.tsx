import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FinancingApplication, ListingPublic } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { Deadline } from '../../../ui/deadline';
import { useLabels } from '../../../ui/labels';
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

/** Supermarket applications received (to answer, late ones marked) or sent (to follow). */
export function ApplicationsTable({ applications, direction, onAccept, onDecline, busyId }: Props) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const received = direction === 'received';

  const columns: TableColumnsType<FinancingApplication> = [
    received
      ? { title: t('applications.applicant'), key: 'need', render: (_v, a) => <ListingCell listing={a.need} withOrganisation /> }
      : { title: t('applications.product'), key: 'offer', render: (_v, a) => <ListingCell listing={a.offer} withOrganisation /> },
    received
      ? { title: t('applications.product'), key: 'offer', render: (_v, a) => a.offer.title }
      : { title: t('applications.myNeed'), key: 'need', render: (_v, a) => a.need.title },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (_v, a) => (
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
      ),
    },
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
    ...(received
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, a: FinancingApplication) =>
              a.status === 'pending' ? (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={busyId === a.id}
                    onClick={() => onAccept?.(a)}
                    data-testid="application-accept"
                  >
                    {t('applications.accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    disabled={busyId === a.id}
                    onClick={() => onDecline?.(a)}
                    data-testid="application-decline"
                  >
                    {t('applications.decline')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Table<FinancingApplication>
      rowKey="id"
      columns={columns}
      dataSource={applications}
      rowClassName={(a) => (a.overdue ? 'row-overdue' : '')}
      onRow={(a) =>
        rowTestId('application-row', {
          'data-application-id': a.id,
          'data-status': a.status,
          'data-overdue': String(a.overdue),
          'data-direction': direction,
        })
      }
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
