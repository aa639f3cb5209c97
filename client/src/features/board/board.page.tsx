import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Breadcrumb, Button, Card, Descriptions, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LISTING_OPEN_STATUSES, LISTING_TYPES, LISTING_TYPES_BY_ROLE, ROLES_BY_SESSION_KIND } from '@duijie/shared';
import type { BoardTotals, ListingQuery, ListingStatus, ListingType, MatchSession } from '@duijie/shared';
import { keys } from '../../api/keys';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/dates';
import { useLabels } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { SessionStatusTag } from '../../ui/status-tag';
import { SessionAdvanceButton } from '../events/components/session-advance-button';
import { useEventDetail, useSession } from '../events/hooks/use-events';
import { BoardTotalsView } from './components/board-totals';
import { ListingFilters } from './components/listing-filters';
import type { ListingFilterValues } from './components/listing-filters';
import { ListingsTable } from './components/listings-table';
import { useBoardTotals, useSessionListings } from './hooks/use-board';

const DEFAULT_PAGE_SIZE = 20;

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

export function BoardPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe();
  const { id: sessionId = '' } = useParams();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const session = useSession(sessionId);
  const totals = useBoardTotals(sessionId);
  const event = useEventDetail(session.data?.eventId);

  const types = session.data ? boardTypes(session.data, totals.data) : [];
  const requestedType = params.get('type');
  const activeType: ListingType | undefined = isListingType(requestedType) ? requestedType : types[0];
  const statusParam = params.get('status');
  const filters: ListingFilterValues = {
    category: params.get('category') ?? undefined,
    q: params.get('q') ?? undefined,
    // Open listings unless asked otherwise; 'all' shows withdrawn ones too.
    status: statusParam === 'all' ? undefined : isListingStatus(statusParam) ? statusParam : 'open',
  };
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize') ?? String(DEFAULT_PAGE_SIZE)) || DEFAULT_PAGE_SIZE);
  const isGoods = activeType === 'supply' || activeType === 'demand';
  const query: ListingQuery = {
    type: activeType,
    category: isGoods ? filters.category : undefined,
    q: filters.q,
    status: filters.status,
    page,
    pageSize,
  };
  const listings = useSessionListings(activeType ? sessionId : '', query);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  // The session key prefixes the board totals and listing pages, so this refreshes all three.
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });

  const s = session.data;
  const canPost =
    me.role !== 'organiser' && s !== undefined && LISTING_OPEN_STATUSES.includes(s.status);

  return (
    <div data-testid="board">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/events">{t('events.title')}</Link> },
          { title: s ? <Link to={`/events/${s.eventId}`}>{event.data?.name ?? t('board.event')}</Link> : '…' },
          { title: s?.title ?? '…' },
        ]}
      />
      <PageState loading={session.isPending} error={session.error} onRetry={() => void session.refetch()}>
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
                  <Button
                    icon={<ReloadOutlined />}
                    loading={session.isFetching || totals.isFetching || listings.isFetching}
                    onClick={() => void refresh()}
                    data-testid="board-refresh"
                  >
                    {t('common.refresh')}
                  </Button>
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
                <Descriptions.Item label={t('fields.registrationMode')}>
                  {labels.registrationMode(s.registrationMode)}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.tableCount')}>{s.tableCount}</Descriptions.Item>
              </Descriptions>
            </Card>

            <PageState loading={totals.isPending} error={totals.error} onRetry={() => void totals.refetch()}>
              {totals.data ? <BoardTotalsView totals={totals.data} /> : null}
            </PageState>

            <Card>
              <Tabs
                activeKey={activeType}
                onChange={(key) => update({ type: key, category: undefined, page: undefined })}
                items={types.map((type) => ({
                  key: type,
                  label: (
                    <Flex gap={6} align="center" data-testid={`board-tab-${type}`}>
                      {labels.listingType(type)}
                      <Badge count={totals.data?.byType[type] ?? 0} showZero color="#8c8c8c" size="small" />
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
              <PageState
                loading={listings.isPending && activeType !== undefined}
                error={listings.error}
                empty={activeType === undefined || (listings.data?.total ?? 0) === 0}
                emptyText={t('board.empty')}
                onRetry={() => void listings.refetch()}
              >
                <ListingsTable
                  listings={listings.data?.items ?? []}
                  total={listings.data?.total ?? 0}
                  page={page}
                  pageSize={pageSize}
                  loading={listings.isFetching}
                  onPageChange={(nextPage, nextSize) =>
                    update({ page: String(nextPage), pageSize: nextSize === DEFAULT_PAGE_SIZE ? undefined : String(nextSize) })
                  }
                />
              </PageState>
            </Card>
          </Space>
        ) : null}
      </PageState>
    </div>
  );
}
