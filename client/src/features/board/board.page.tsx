import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Breadcrumb, Button, Card, Descriptions, Flex, Space, Tabs, Tag, theme, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LISTING_OPEN_STATUSES, LISTING_TYPES, LISTING_TYPES_BY_ROLE, ROLES_BY_SESSION_KIND } from '@duijie/shared';
import type { BoardTotals, ListingQuery, ListingStatus, ListingType, MatchSession } from '@duijie/shared';
import { ApiFailure } from '../../api/client';
import { keys } from '../../api/keys';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/dates';
import { useLabels } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { SessionStatusTag } from '../../ui/status-tag';
import { SessionAdvanceButton } from '../events/components/session-advance-button';
import { useEventDetail, useSession } from '../events/hooks/use-events';
import { RecommendationsDrawer } from '../matching/components/recommendations-drawer';
import type { RecommendationsFor } from '../matching/components/recommendations-drawer';
import { useMatchCounts } from '../matching/hooks/use-matches';
import './board.css';
import { BoardTotalsView } from './components/board-totals';
import { ConnectionStatus } from './components/connection-status';
import { ListingFilters } from './components/listing-filters';
import type { ListingFilterValues } from './components/listing-filters';
import { ListingsTable } from './components/listings-table';
import { useSessionListings } from './hooks/use-board';
import { useDebounced } from './hooks/use-debounced';
import { useFlashing } from './hooks/use-flashing';
import { useLiveBoard } from './hooks/use-live-board';
import { filterListings } from './live-board';

const DEFAULT_PAGE_SIZE = 20;
/** How long a new or changed row stays highlighted (the fade in board.css lasts as long). */
const FLASH_MS = 2500;
/** A busy board changes many times a second; match counts are asked for once it settles. */
const COUNTS_DEBOUNCE_MS = 1500;
const NO_CHANGES: Record<string, number> = {};
/** Shown when there is no board yet and no connection to get one. */
const OFFLINE = new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });

/** Listing types the session's roles post, plus any type that has listings anyway. */
function boardTypes(session: MatchSession, totals: BoardTotals | undefined): ListingType[] {
  const relevant = new Set(ROLES_BY_SESSION_KIND[session.kind].flatMap((role) => LISTING_TYPES_BY_ROLE[role]));
  return LISTING_TYPES.filter((type) => relevant.has(type) || (totals?.byType[type] ?? 0) > 0);
}

function isListingType(value: string | null): value is ListingType {
  return value !== null && (LISTING_TYPES as readonly string[]).includes(value);
}

function isListingStatus(value: string | null): value is ListingStatus {
  return value === 'open' || value === 'withdrawn';
}

/** The newer of the live and the fetched copy of the session (actions send its version). */
function newerSession(live: MatchSession | undefined, fetched: MatchSession | undefined): MatchSession | undefined {
  if (!live) return fetched;
  if (!fetched) return live;
  return fetched.version > live.version ? fetched : live;
}

export function BoardPage() {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const { id: sessionId = '' } = useParams();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const live = useLiveBoard(sessionId);
  const board = live.board;
  const session = useSession(sessionId);
  const s = newerSession(board?.session, session.data);
  const event = useEventDetail(s?.eventId);
  const totals = board?.totals;

  const types = s ? boardTypes(s, totals) : [];
  const requestedType = params.get('type');
  const activeType: ListingType | undefined = isListingType(requestedType) ? requestedType : types[0];
  const statusParam = params.get('status');
  const filters: ListingFilterValues = {
    category: params.get('category') ?? undefined,
    q: params.get('q') ?? undefined,
    // Open listings unless withdrawn ones are asked for ('all' is the open board too: the API's default).
    status: statusParam === 'all' ? undefined : isListingStatus(statusParam) ? statusParam : 'open',
  };
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize') ?? String(DEFAULT_PAGE_SIZE)) || DEFAULT_PAGE_SIZE);
  const isGoods = activeType === 'supply' || activeType === 'demand';
  const category = isGoods ? filters.category : undefined;

  // The board holds open listings only; withdrawn ones are fetched page by page as before.
  const withdrawnView = filters.status === 'withdrawn';
  const query: ListingQuery = { type: activeType, category, q: filters.q, status: 'withdrawn', page, pageSize };
  const withdrawn = useSessionListings(withdrawnView && activeType ? sessionId : '', query);

  const matching = useMemo(
    () => (board && activeType ? filterListings(board.listings.values(), { type: activeType, category, q: filters.q }) : []),
    [board, activeType, category, filters.q],
  );
  const livePage = Math.min(page, Math.max(1, Math.ceil(matching.length / pageSize)));
  const pageItems = matching.slice((livePage - 1) * pageSize, livePage * pageSize);
  const flashing = useFlashing(board?.changedAt ?? NO_CHANGES, FLASH_MS);
  const boardError = live.error ?? (!board && live.status === 'offline' ? OFFLINE : null);
  const [recommendationsFor, setRecommendationsFor] = useState<RecommendationsFor | null>(null);

  // Match counts of the rows on screen: asked for once the board is there, then again when it
  // has settled after a change (a busy board changes many times a second).
  const settledIds = useDebounced(pageItems.map((l) => l.id).join(','), 300, (ids) => ids === '');
  const countIds = useMemo(() => (settledIds === '' ? [] : settledIds.split(',')), [settledIds]);
  const settledSeq = useDebounced<number | null>(board?.seq ?? null, COUNTS_DEBOUNCE_MS, (seq) => seq === null);
  const counts = useMatchCounts(sessionId, countIds, settledSeq ?? 0, !withdrawnView && settledSeq !== null);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  // A fresh snapshot of the live board, and the session and withdrawn pages (under the session key).
  const resync = () => {
    live.resync();
    void queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });
  };
  const onPageChange = (nextPage: number, nextSize: number) =>
    update({ page: String(nextPage), pageSize: nextSize === DEFAULT_PAGE_SIZE ? undefined : String(nextSize) });

  const canPost = me.role !== 'organiser' && s !== undefined && LISTING_OPEN_STATUSES.includes(s.status);

  return (
    <div data-testid="board" data-seq={board?.seq}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/events">{t('events.title')}</Link> },
          { title: s ? <Link to={`/events/${s.eventId}`}>{event.data?.name ?? t('board.event')}</Link> : '…' },
          { title: s?.title ?? '…' },
        ]}
      />
      <PageState loading={!s && session.isPending} error={s ? null : session.error} onRetry={() => void session.refetch()}>
        {s ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    {s.title}
                  </Typography.Title>
                  <Tag>{labels.sessionKind(s.kind)}</Tag>
                  <SessionStatusTag status={s.status} />
                  <ConnectionStatus status={live.status} />
                </Space>
              }
              extra={
                <Space wrap>
                  {canPost ? (
                    <Link to={`/my/listings?session=${s.id}`}>
                      <Button type="primary" icon={<PlusOutlined />} data-testid="board-post">
                        {t('board.post')}
                      </Button>
                    </Link>
                  ) : null}
                  {me.role === 'organiser' ? <SessionAdvanceButton session={s} size="middle" /> : null}
                  <Tooltip title={t('board.resyncHint')}>
                    <Button
                      icon={<ReloadOutlined />}
                      loading={live.syncing || session.isFetching || (withdrawnView && withdrawn.isFetching)}
                      onClick={resync}
                      data-testid="board-refresh"
                    >
                      {t('board.resync')}
                    </Button>
                  </Tooltip>
                </Space>
              }
            >
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                <Descriptions.Item label={t('fields.leadDepartment')}>{s.leadDepartment}</Descriptions.Item>
                <Descriptions.Item label={t('fields.venue')}>{s.venue}</Descriptions.Item>
                <Descriptions.Item label={t('sessions.time')}>
                  {formatDateTime(s.startsAt)} ~ {formatDateTime(s.endsAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.ceremonyAt')}>{formatDateTime(s.ceremonyAt)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.registrationMode')}>{labels.registrationMode(s.registrationMode)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.tableCount')}>{s.tableCount}</Descriptions.Item>
              </Descriptions>
            </Card>

            <PageState loading={!board && boardError === null} error={boardError} onRetry={live.resync}>
              {totals ? <BoardTotalsView totals={totals} /> : null}
            </PageState>

            {board ? (
              <Card>
                <Tabs
                  activeKey={activeType}
                  onChange={(key) => update({ type: key, category: undefined, page: undefined })}
                  items={types.map((type) => ({
                    key: type,
                    label: (
                      <Flex gap={6} align="center" data-testid={`board-tab-${type}`}>
                        {labels.listingType(type)}
                        <Badge count={totals?.byType[type] ?? 0} showZero color={token.colorTextSecondary} size="small" />
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
                      myOrganisationId={me.organisation.id}
                      onShowMatches={(l) => setRecommendationsFor({ id: l.id, title: l.title, organisationId: l.organisationId })}
                    />
                  </PageState>
                )}
              </Card>
            ) : null}
          </Space>
        ) : null}
      </PageState>
      <RecommendationsDrawer listing={recommendationsFor} onClose={() => setRecommendationsFor(null)} />
    </div>
  );
}
