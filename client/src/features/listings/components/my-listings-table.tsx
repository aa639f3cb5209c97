import { BulbOutlined, EditOutlined, HistoryOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListingView, MatchSession } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
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
  const labels = useLabels();

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
      render: (_v, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.updatedAt)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, l) => {
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
      },
    },
  ];

  return (
    <Table<ListingView>
      rowKey="id"
      columns={columns}
      dataSource={listings}
      onRow={(l) => rowTestId('my-listing-row', { 'data-listing-id': l.id })}
      expandable={{ expandedRowRender: (l) => <ListingDetails listing={l} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
