import { ShopOutlined } from '@ant-design/icons';
import { Badge, Breadcrumb, Card, Col, Collapse, Flex, Grid, Pagination, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { GUARANTEE_REQUIREMENTS, organisationKindsFor, wanToYuan } from '@duijie/shared';
import type { GuaranteeRequirement, ListingPublic, SupermarketQuery } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { PageState } from '../../ui/page-state';
import { useEventDetail, useMyParticipations } from '../events/hooks/use-events';
import { useMyListings } from '../listings/hooks/use-listings';
import { MeetingRequestModal } from '../meetings/components/meeting-request-modal';
import type { MeetingTarget } from '../meetings/components/meeting-request-modal';
import { liveRequestTo, useMyMeetingRequests } from '../meetings/hooks/use-meeting-requests';
import { ApplyModal } from './components/apply-modal';
import { ProductCard } from './components/product-card';
import type { ApplyState } from './components/product-card';
import { SupermarketFilters } from './components/supermarket-filters';
import type { ShelfFilterValues, ShelfType } from './components/supermarket-filters';
import { isLiveApplication, useMyApplications, useSupermarket } from './hooks/use-supermarket';
import './supermarket.css';

const DEFAULT_PAGE_SIZE = 12;
const PAGE_SIZES = [12, 24, 48];

function positive(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function isShelfType(value: string | null): value is ShelfType {
  return value === 'credit_offer' || value === 'guarantee_offer';
}

function isRequirement(value: string | null): value is GuaranteeRequirement {
  return value !== null && (GUARANTEE_REQUIREMENTS as readonly string[]).includes(value);
}

/** The filters as kept in the URL (?type=&amount=万元&term=&rate=%&industry=&guarantee=). */
function filtersOf(params: URLSearchParams): ShelfFilterValues {
  const type = params.get('type');
  const guarantee = params.get('guarantee');
  const rate = params.get('rate');
  return {
    type: isShelfType(type) ? type : undefined,
    amountWan: positive(params.get('amount')),
    termMonths: positive(params.get('term')),
    maxRatePercent: rate !== null && rate !== '' && Number.isFinite(Number(rate)) ? Number(rate) : undefined,
    industry: params.get('industry') ?? undefined,
    guaranteeRequirement: isRequirement(guarantee) ? guarantee : undefined,
  };
}

/** What the API is asked: yuan and basis points. */
function queryOf(filters: ShelfFilterValues, page: number, pageSize: number): SupermarketQuery {
  return {
    type: filters.type,
    amount: filters.amountWan ? wanToYuan(filters.amountWan) : undefined,
    termMonths: filters.termMonths ?? undefined,
    maxRateBp: filters.maxRatePercent !== null && filters.maxRatePercent !== undefined ? Math.round(filters.maxRatePercent * 100) : undefined,
    industry: filters.industry,
    guaranteeRequirement: filters.type === 'guarantee_offer' ? undefined : filters.guaranteeRequirement,
    page,
    pageSize,
  };
}

const BORROWER_KINDS = organisationKindsFor('bank_enterprise', 'borrower');

/** 对接超市: every credit and guarantee product of an event on one shelf, to compare and apply to. */
export function SupermarketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id: eventId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const isOrganiser = me.role === 'organiser';
  const event = useEventDetail(eventId);
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE;
  const shelf = useSupermarket(eventId, queryOf(filters, page, pageSize));
  const myListings = useMyListings();
  const applications = useMyApplications(!isOrganiser);
  const requests = useMyMeetingRequests(!isOrganiser);
  const participations = useMyParticipations(!isOrganiser);
  const [applyingTo, setApplyingTo] = useState<ListingPublic | null>(null);
  const [asking, setAsking] = useState<MeetingTarget | null>(null);
  // On a phone the filters fold away and the pager is the simple one.
  const narrow = Grid.useBreakpoint().md === false;

  // My organisation's open financing needs in this event: what an application is made with.
  const needs = useMemo(
    () => (myListings.data ?? []).filter((l) => l.eventId === eventId && l.type === 'financing_need' && l.status === 'open'),
    [myListings.data, eventId],
  );
  const sessionIds = new Set((event.data?.sessions ?? []).map((s) => s.id));
  const takesPart = (participations.data ?? []).some((p) => p.status === 'approved' && sessionIds.has(p.sessionId));
  const mayBorrow = (BORROWER_KINDS as readonly string[]).includes(me.organisation.kind);

  const appliedTo = (product: ListingPublic) =>
    (applications.data ?? []).filter((a) => a.offer.id === product.id && a.need.organisationId === me.organisation.id && isLiveApplication(a));

  const applyState = (product: ListingPublic): ApplyState => {
    if (isOrganiser || product.organisationId === me.organisation.id) return { kind: 'none' };
    if (needs.length === 0) return mayBorrow ? { kind: 'blocked', reason: t('supermarket.noNeeds') } : { kind: 'none' };
    const applied = appliedTo(product);
    const taken = new Set(applied.map((a) => a.need.id));
    return needs.some((n) => !taken.has(n.id)) ? { kind: 'open', applications: applied } : { kind: 'done', applications: applied };
  };

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const num = (value: number | null | undefined) => (value === null || value === undefined ? undefined : String(value));
  const onFilter = (next: ShelfFilterValues) =>
    update({
      type: next.type,
      amount: num(next.amountWan),
      term: next.type === 'guarantee_offer' ? undefined : num(next.termMonths),
      rate: next.type === 'guarantee_offer' ? undefined : num(next.maxRatePercent),
      industry: next.industry,
      guarantee: next.type === 'guarantee_offer' ? undefined : next.guaranteeRequirement,
      page: undefined,
    });

  const data = shelf.data;
  return (
    <div data-testid="supermarket">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/events">{t('events.title')}</Link> },
          { title: <Link to={`/events/${eventId}`}>{event.data?.name ?? t('board.event')}</Link> },
          { title: t('supermarket.title') },
        ]}
      />
      <Flex justify="space-between" align="flex-end" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <ShopOutlined /> {t('supermarket.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('supermarket.intro')}</Typography.Text>
        </Space>
        {data ? (
          <Typography.Text type="secondary" data-testid="supermarket-total" data-total={data.total}>
            {t('supermarket.total', { count: data.total })}
          </Typography.Text>
        ) : null}
      </Flex>
      <FiltersPanel narrow={narrow} filters={filters} onFilter={onFilter} />
      <PageState
        loading={shelf.isPending}
        error={shelf.error}
        empty={data?.total === 0}
        emptyText={t('supermarket.empty')}
        onRetry={() => void shelf.refetch()}
      >
        <Row gutter={[16, 16]} style={{ opacity: shelf.isPlaceholderData ? 0.6 : 1 }} data-testid="product-grid">
          {(data?.items ?? []).map((product) => (
            <Col key={product.id} xs={24} md={12} xl={8}>
              <ProductCard
                product={product}
                apply={applyState(product)}
                onApply={() => setApplyingTo(product)}
                canAsk={takesPart && product.organisationId !== me.organisation.id}
                request={liveRequestTo(requests.data, me.organisation.id, product)}
                onAsk={() => setAsking({ counterpart: product, from: needs.length === 1 ? needs[0] : null })}
              />
            </Col>
          ))}
        </Row>
        {data && data.total > 0 ? (
          <Flex justify={narrow ? 'center' : 'end'} style={{ marginTop: 16 }}>
            <Pagination
              simple={narrow}
              current={page}
              pageSize={pageSize}
              total={data.total}
              pageSizeOptions={PAGE_SIZES}
              showSizeChanger={!narrow}
              showTotal={narrow ? undefined : (count) => t('common.totalCount', { count })}
              onChange={(nextPage, nextSize) =>
                update({
                  page: nextPage === 1 ? undefined : String(nextPage),
                  pageSize: nextSize === DEFAULT_PAGE_SIZE ? undefined : String(nextSize),
                })
              }
            />
          </Flex>
        ) : null}
      </PageState>
      <ApplyModal
        product={applyingTo}
        needs={needs}
        applied={applyingTo ? appliedTo(applyingTo) : []}
        answerHours={event.data?.applicationAnswerHours}
        onClose={() => setApplyingTo(null)}
      />
      <MeetingRequestModal target={asking} onClose={() => setAsking(null)} />
    </div>
  );
}

type FiltersPanelProps = { narrow: boolean; filters: ShelfFilterValues; onFilter: (next: ShelfFilterValues) => void };

/** The filter bar in a small card; on a phone folded away above the shelf (seven fields in one column would push it off the screen). */
function FiltersPanel({ narrow, filters, onFilter }: FiltersPanelProps) {
  const { t } = useTranslation();
  if (!narrow) {
    return (
      <Card size="small" style={{ marginBottom: 16 }}>
        <SupermarketFilters value={filters} onChange={onFilter} />
      </Card>
    );
  }
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'filters',
          forceRender: true,
          label: (
            <Flex gap={8} align="center" data-testid="supermarket-filters-toggle">
              {t('supermarket.filter')}
              <Badge count={Object.values(filters).filter((v) => v !== undefined).length} size="small" />
            </Flex>
          ),
          children: <SupermarketFilters value={filters} onChange={onFilter} />,
        },
      ]}
    />
  );
}
