import { BulbOutlined, DownOutlined, EditOutlined, HistoryOutlined, StopOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListingView, MatchSession } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { ResponsiveList } from '../../../ui/responsive-list';
import { ListingStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { isListingEditable } from '../listing-sessions';
import { ListingDetails, ListingKeyFields } from './listing-fields';

type Props = {
  listings: ListingView[] | undefined;
  /** The sessions of the listings, by id, as far as they are loaded. */
  sessions: Map<string, MatchSession>;
  onShowMatches: (listingId: string) => void;
  onEdit: (listing: ListingView) => void;
  onWithdraw: (listing: ListingView) => void;
  onHistory: (listing: ListingView) => void;
};

/** My organisation's listings with what can be done to each; a row expands to the whole listing. */
export function MyListingsTable({ listings, sessions, onShowMatches, onEdit, onWithdraw, onHistory }: Props) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();
  const labels = useLabels();

  const actionsOf = (l: ListingView): ReactNode => {
    const editable = isListingEditable(l, sessions.get(l.sessionId));
    return (
      <Space size={4} wrap>
        <Tooltip title={l.status === 'open' ? undefined : t('matching.onlyOpen')}>
          <Button
            size="small"
            type="primary"
            ghost
            icon={<BulbOutlined />}
            disabled={l.status !== 'open'}
            onClick={() => onShowMatches(l.id)}
            data-testid="listing-matches"
          >
            {t('matching.open')}
          </Button>
        </Tooltip>
        <Tooltip title={editable ? undefined : t('listing.notEditable')}>
          <Button size="small" icon={<EditOutlined />} disabled={!editable} onClick={() => onEdit(l)} data-testid="listing-edit">
            {t('common.edit')}
          </Button>
        </Tooltip>
        <Button size="small" danger icon={<StopOutlined />} disabled={!editable} onClick={() => onWithdraw(l)} data-testid="listing-withdraw">
          {t('listing.withdraw')}
        </Button>
        <Button size="small" icon={<HistoryOutlined />} onClick={() => onHistory(l)} data-testid="listing-history">
          {t('listing.history')}
        </Button>
      </Space>
    );
  };

  const columns: TableColumnsType<ListingView> = [
    {
      title: t('fields.session'),
      dataIndex: 'sessionId',
      render: (_v, l) => {
        const session = sessions.get(l.sessionId);
        return <Link to={`/sessions/${l.sessionId}/board`}>{session?.title ?? t('listing.sessionLink')}</Link>;
      },
    },
    { title: t('fields.listingType'), dataIndex: 'type', render: (_v, l) => <Tag>{labels.listingType(l.type)}</Tag> },
    { title: t('fields.listingTitle'), dataIndex: 'title' },
    { title: t('board.keyFields'), key: 'fields', render: (_v, l) => <ListingKeyFields listing={l} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, l) => <ListingStatusTag status={l.status} /> },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.updatedAt, zoneOf(l.eventId))}</span>,
    },
    { title: t('common.actions'), key: 'actions', render: (_v, l) => actionsOf(l) },
  ];

  const sessionLink = (l: ListingView) => (
    <Link to={`/sessions/${l.sessionId}/board`} className="touch-link">
      {sessions.get(l.sessionId)?.title ?? t('listing.sessionLink')}
    </Link>
  );

  return (
    <ResponsiveList<ListingView>
      rowKey="id"
      columns={columns}
      dataSource={listings}
      card={(l) => <ListingCard listing={l} typeLabel={labels.listingType(l.type)} session={sessionLink(l)} actions={actionsOf(l)} />}
      testId="my-listings"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      tableProps={{
        onRow: (l) => rowTestId('my-listing-row', { 'data-listing-id': l.id }),
        expandable: { expandedRowRender: (l) => <ListingDetails listing={l} /> },
        scroll: { x: 'max-content' },
      }}
    />
  );
}

type CardProps = { listing: ListingView; typeLabel: string; session: ReactNode; actions: ReactNode };

/** A listing on a phone: title, status, type, session, key figures and the actions; the whole listing folds out. */
function ListingCard({ listing: l, typeLabel, session, actions }: CardProps) {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOf();

  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={8} data-testid="my-listing-row" data-listing-id={l.id}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {l.title}
        </Typography.Text>
        <span style={{ flexShrink: 0 }}>
          <ListingStatusTag status={l.status} />
        </span>
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Tag>{typeLabel}</Tag>
        {session}
      </Flex>
      <ListingKeyFields listing={l} />
      <Typography.Text type="secondary">
        {t('fields.updatedAt')}: {formatDateTime(l.updatedAt, zoneOf(l.eventId))}
      </Typography.Text>
      {actions}
      <Button
        icon={open ? <UpOutlined /> : <DownOutlined />}
        onClick={() => setOpen(!open)}
        data-testid="listing-details-toggle"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('listing.details')}
      </Button>
      {open ? <ListingDetails listing={l} /> : null}
    </Flex>
  );
}
