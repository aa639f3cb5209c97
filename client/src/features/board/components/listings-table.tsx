import { BulbOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Space, theme, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { ListingView } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { useTimeZoneOf } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { ResponsiveList } from '../../../ui/responsive-list';
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
  const zoneOf = useTimeZoneOf();

  /** The listing's good matches; a button to its recommendations where the viewer may open them. */
  const matchCell = (l: ListingView): ReactNode => {
    const count = matchCounts?.[l.id];
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
  };

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
            render: (_v: unknown, l: ListingView) => matchCell(l),
          },
        ]
      : []),
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.updatedAt, zoneOf(l.eventId))}</span>,
    },
  ];

  // On a phone each listing is a card (the same test ids and flash), its details a tap away.
  return (
    <ResponsiveList<ListingView>
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={listings}
      rowProps={(l) => {
        const row = rowTestId('listing-row', { 'data-listing-id': l.id, 'data-listing-type': l.type });
        return flashing.has(l.id) ? { ...row, 'data-flash': 'true', className: 'row-flash' } : row;
      }}
      card={(l) => <BoardListingCard listing={l} updatedAt={formatDateTime(l.updatedAt, zoneOf(l.eventId))} matches={matchCounts ? matchCell(l) : null} />}
      tableProps={{ size: 'middle', expandable: { expandedRowRender: (l) => <BoardListingDetails listing={l} /> }, scroll: { x: 'max-content' } }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (count) => t('common.totalCount', { count }),
        onChange: onPageChange,
      }}
    />
  );
}

type CardProps = { listing: ListingView; updatedAt: string; matches: ReactNode };

/** A listing on a phone: who, what, its key figures and status; its details open under it. */
function BoardListingCard({ listing: l, updatedAt, matches }: CardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const lang = useLanguage();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={token.marginXXS}>
      <Flex justify="space-between" align="flex-start" gap={token.marginXS}>
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {l.title}
        </Typography.Text>
        <span style={{ flexShrink: 0 }}>
          <ListingStatusTag status={l.status} />
        </span>
      </Flex>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {l.organisationName} · {labels.orgKind(l.organisationKind)} · {regionLabel(l.organisationRegion, lang)}
      </Typography.Text>
      <ListingKeyFields listing={l} />
      <Flex wrap justify="space-between" align="center" gap={token.marginXS}>
        <Typography.Text type="secondary">{updatedAt}</Typography.Text>
        <Space size="small">
          {matches}
          <Button
            type="link"
            icon={open ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            data-testid="listing-details-toggle"
          >
            {t('listing.details')}
          </Button>
        </Space>
      </Flex>
      {open ? <BoardListingDetails listing={l} /> : null}
    </Flex>
  );
}
