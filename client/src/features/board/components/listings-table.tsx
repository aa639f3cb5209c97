import { BulbOutlined } from '@ant-design/icons';
import { Badge, Button, Table, theme, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { ListingView } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { useLabels } from '../../../ui/labels';
import { ListingStatusTag } from '../../../ui/status-tag';
import { rowTestId } from '../../../ui/test-id';
import { ListingKeyFields } from '../../listings/components/listing-fields';
import { BoardListingDetails } from './board-listing-details';

type Props = {
  listings: ListingView[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** Ids of rows to highlight as just created or changed. */
  flashing?: ReadonlySet<string>;
  onPageChange: (page: number, pageSize: number) => void;
  /** Good matches per listing id, when known; shows the match column. */
  matchCounts?: Record<string, number>;
  /** Opens the recommendations of a listing the viewer may see them for (`showsMatchesOf`). */
  onShowMatches?: (listing: ListingView) => void;
  /** Whose recommendations the viewer may open: its own organisation's; an organiser's, everyone's. */
  showsMatchesOf?: (listing: ListingView) => boolean;
};

const NONE: ReadonlySet<string> = new Set();

/** One page of a board's listings; a row expands to the full listing, and new or changed rows light up. */
export function ListingsTable({ listings, total, page, pageSize, loading, flashing = NONE, onPageChange, matchCounts, onShowMatches, showsMatchesOf }: Props) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();

  const columns: TableColumnsType<ListingView> = [
    {
      title: t('fields.organisation'),
      dataIndex: 'organisationName',
      render: (_v, l) => (
        <>
          <div>{l.organisationName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.orgKind(l.organisationKind)} · {regionLabel(l.organisationRegion, lang)}
          </Typography.Text>
        </>
      ),
    },
    { title: t('fields.listingTitle'), dataIndex: 'title' },
    { title: t('board.keyFields'), key: 'fields', render: (_v, l) => <ListingKeyFields listing={l} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, l) => <ListingStatusTag status={l.status} /> },
    ...(matchCounts
      ? [
          {
            title: <Tooltip title={t('matching.countHint')}>{t('matching.countTitle')}</Tooltip>,
            key: 'matches',
            align: 'center' as const,
            render: (_v: unknown, l: ListingView) => {
              const count = matchCounts[l.id];
              const badge = (
                <Badge
                  count={count ?? '…'}
                  showZero
                  color={count === undefined || count === 0 ? token.colorTextQuaternary : token.colorPrimary}
                  data-testid="listing-match-count"
                  data-count={count}
                />
              );
              if (onShowMatches && showsMatchesOf?.(l) && l.status === 'open') {
                return (
                  <Tooltip title={t('matching.open')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<BulbOutlined />}
                      onClick={(event) => {
                        event.stopPropagation();
                        onShowMatches(l);
                      }}
                      data-testid="listing-row-matches"
                    >
                      {badge}
                    </Button>
                  </Tooltip>
                );
              }
              return badge;
            },
          },
        ]
      : []),
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.updatedAt)}</span>,
    },
  ];

  return (
    <Table<ListingView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={listings}
      onRow={(l) => {
        const row = rowTestId('listing-row', { 'data-listing-id': l.id, 'data-listing-type': l.type });
        return flashing.has(l.id) ? { ...row, 'data-flash': 'true', className: 'row-flash' } : row;
      }}
      expandable={{ expandedRowRender: (l) => <BoardListingDetails listing={l} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (count) => t('common.totalCount', { count }),
        onChange: onPageChange,
      }}
      scroll={{ x: 'max-content' }}
    />
  );
}
