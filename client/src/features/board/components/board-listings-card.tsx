import { Badge, Card, Flex, Grid, Tabs, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardTotals, ListingType, ListingView } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import type { BoardListings } from '../hooks/use-board-listings';
import type { BoardView } from '../hooks/use-board-params';
import { ListingFilters } from './listing-filters';
import { ListingsTable } from './listings-table';

type Props = {
  /** The tabs, one per listing type the board shows. */
  types: ListingType[];
  totals: BoardTotals;
  view: BoardView;
  listings: BoardListings;
  showsMatchesOf: (listing: ListingView) => boolean;
  onShowMatches: (listing: ListingView) => void;
};

/** The board's listings: a tab per type with its count, filters, and a page of the live or withdrawn listings. */
export function BoardListingsCard({ types, totals, view, listings, showsMatchesOf, onShowMatches }: Props) {
  const { token } = theme.useToken();
  // On a phone the listing cards take the card's width, not a padded column inside it.
  const narrow = Grid.useBreakpoint().md === false;
  const { t } = useTranslation();
  const labels = useLabels();
  const { activeType, filters, isGoods, page, pageSize, update, onPageChange } = view;
  const { withdrawnView, withdrawn, matching, livePage, pageItems, flashing, counts } = listings;
  return (
    <Card styles={narrow ? { body: { padding: token.paddingSM } } : undefined}>
      <Tabs
        activeKey={activeType}
        onChange={(key) => update({ type: key, category: undefined, page: undefined })}
        items={types.map((type) => ({
          key: type,
          label: (
            <Flex gap={6} align="center" data-testid={`board-tab-${type}`}>
              {labels.listingType(type)}
              <Badge count={totals.byType[type] ?? 0} showZero color={token.colorTextSecondary} size="small" />
            </Flex>
          ),
        }))}
      />
      <ListingFilters
        value={filters}
        showCategory={isGoods}
        onChange={(next) =>
          update({
            category: next.category,
            q: next.q,
            status: next.status ?? 'all',
            page: undefined,
          })
        }
      />
      {withdrawnView ? (
        <PageState
          loading={withdrawn.isPending && activeType !== undefined}
          error={withdrawn.error}
          empty={activeType === undefined || (withdrawn.data?.total ?? 0) === 0}
          emptyText={t('board.empty')}
          onRetry={() => void withdrawn.refetch()}
        >
          <ListingsTable
            listings={withdrawn.data?.items ?? []}
            total={withdrawn.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={withdrawn.isFetching}
            onPageChange={onPageChange}
          />
        </PageState>
      ) : (
        <PageState loading={false} empty={activeType === undefined || matching.length === 0} emptyText={t('board.empty')}>
          <ListingsTable
            listings={pageItems}
            total={matching.length}
            page={livePage}
            pageSize={pageSize}
            loading={false}
            flashing={flashing}
            onPageChange={onPageChange}
            matchCounts={counts.data ?? {}}
            showsMatchesOf={showsMatchesOf}
            onShowMatches={onShowMatches}
          />
        </PageState>
      )}
    </Card>
  );
}
