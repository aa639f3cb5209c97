import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chainOfProduct,
  CLOSING_LEDGER_KINDS,
  dueSoonUntil,
  INDUSTRY_CHAINS,
  OPEN_SUPERVISION_STATES,
  OUTSTANDING_OBLIGATION_STATES,
  productsOfChain,
  TRACKING_STATES,
  type AgreementKind,
  type AgreementStatus,
  type ObligationState,
  type SessionKind,
  type TrackingPage,
  type TrackingParty,
  type TrackingRow,
  type TrackingStage,
  type TrackingState,
  type TrackingTotals,
} from '@duijie/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { EventsService } from '../events/events.service';
import type { TrackingExportFilterDto, TrackingQueryDto } from './dto/tracking.dto';
import type { EventEntity } from '../events/event.entity';
import { EXPORT_PAGE_SIZE } from '../common/xlsx';

/** One row of the page's details. */
type Raw = {
  id: string;
  state: TrackingState;
  title: string;
  kind: AgreementKind;
  status: AgreementStatus;
  amount: string;
  product: string | null;
  signedAt: Date | null;
  sessionId: string;
  sessionKind: SessionKind;
  sessionTitle: string;
  parties: TrackingParty[] | null;
  approved: boolean;
  disbursed: boolean;
  delivered: boolean;
  performed: boolean;
  terminated: boolean;
  nextId: string | null;
  nextDueOn: string | null;
  nextDueAt: Date | null;
  nextOrgId: string | null;
  nextOrgName: string | null;
  nextState: ObligationState | null;
  filed: number;
  accepted: number;
  awaitingReview: number;
  overdueIds: string[] | null;
};

/** Which agreements, counted how, and which of them on the page (ids in order). */
type Listing = { totals: Record<Exclude<TrackingState, 'on_time'>, number> & { all: number }; ids: string[] };

/** The parameters any statement may use (each binds only those it names): the event, now, the last day due soon, the closing ledger kinds, the open notice states. */
type Base = { eventId: string; now: Date; soon: string; closing: string[]; open: string[] };

/** The summary of an agreement's reports (obligations module) joined to the agreement `a`. */
const SUMMARY = `obligation_subject s ON s.kind = 'agreement_report' AND s."subjectType" = 'agreement' AND s."subjectId" = a.id`;
/** The summary rows of the event's agreements (an agreement owes reports once signed): the prefix of their index. */
const OF_EVENT = `s."eventId" = :eventId AND s.kind = 'agreement_report' AND s."subjectType" = 'agreement'`;
/**
 * The tab's order: next due instant (then day) soonest first, then the agreement's id; those owing
 * nothing after them, latest signed first. As the keys k1–k3 and id of agreement `a` joined to its
 * summary `s`, and as the order of those keys.
 */
const KEYS = `s."nextDueAt" AS k1, s."nextDueOn" AS k2, (CASE WHEN s."nextDueAt" IS NULL THEN a."signedAt" END) AS k3, a.id`;
const BY_KEYS = (of = '') => ['k1 ASC NULLS LAST', 'k2 ASC NULLS LAST', 'k3 DESC NULLS LAST', 'id'].map((key) => `${of && `${of}.`}${key}`).join(', ');
const SIGNED = `a."eventId" = :eventId AND a.status IN ('signed', 'confirmed')`;
/** Agreements (of those `scope`, a condition on `a`) whose ledger is closed: state performed. */
const closedOf = (scope: string) => `closed AS MATERIALIZED (
  SELECT DISTINCT l."agreementId" AS id FROM agreement_ledger_entry l JOIN agreement a ON a.id = l."agreementId"
   WHERE ${scope} AND l.kind = ANY(:closing::varchar[]) AND l."reopenedAt" IS NULL
)`;
/** Agreements with an open supervision notice (督办) on a report, not closed: state under_supervision. */
const supervisedOf = (scope: string) => `supervised AS MATERIALIZED (
  SELECT DISTINCT o."subjectId" AS id FROM supervision_notice n JOIN obligation o ON o.id = n."obligationId"
   WHERE n."eventId" = :eventId AND n.state = ANY(:open::varchar[]) AND o.kind = 'agreement_report' AND o."subjectType" = 'agreement'
     AND o."subjectId" NOT IN (SELECT id FROM closed) ${scope}
)`;
const NEITHER = `s."subjectId" NOT IN (SELECT id FROM closed) AND s."subjectId" NOT IN (SELECT id FROM supervised)`;
/** Summary rows (under OF_EVENT) owing a report, by the state the clock gives them. */
const OWING: Record<'overdue' | 'due_soon' | 'on_time' | 'any', string> = {
  overdue: `s."nextDueAt" <= :now AND ${NEITHER}`,
  due_soon: `s."nextDueAt" > :now AND s."nextDueOn" <= :soon::date AND ${NEITHER}`,
  on_time: `s."nextDueAt" > :now AND s."nextDueOn" > :soon::date AND ${NEITHER}`,
  any: `s."nextDueAt" IS NOT NULL`,
};
/** An agreement's state, first match wins (TRACKING_STATES). */
const stateCase = (closed: string, supervised: string) => `CASE
  WHEN ${closed} THEN 'performed'
  WHEN ${supervised} THEN 'under_supervision'
  WHEN s."nextDueAt" <= :now THEN 'overdue'
  WHEN s."nextDueOn" <= :soon::date THEN 'due_soon'
  ELSE 'on_time'
END`;

/**
 * The organisers' 跟踪落实 view: every signed (or confirmed) agreement of an event with the stage
 * its ledger reached, the soonest report it owes and its state, read from the clock. It reads the
 * summary of each agreement's reports that the obligations module keeps (`obligation_subject`:
 * the next outstanding report and the counts), so no request reads every report of the event:
 * - unfiltered (the common case), the totals are counts of ranges of the summary's index (overdue:
 *   next due at or before now; due soon: after now, on or before the last day due soon), less the
 *   closed and supervised agreements (small sets, anti-joined), and the agreements signed less
 *   those; the page is read in the order of that index (an index-only scan), the agreements owing
 *   nothing after them (latest signed first);
 * - filtered by session, chain, organisation or bank, one pass over the agreements the filter
 *   keeps, each joined to its summary row;
 * then only the page's rows are read in full (parties, ledger stage, next report, counts), in one
 * statement. All of it in one snapshot (REPEATABLE READ).
 */
@Injectable()
export class TrackingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async agreements(eventId: string, query: TrackingQueryDto): Promise<TrackingPage> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const now = this.clock.now();
    const pageSize = query.pageSize ?? 20;
    const page = query.page ?? 1;
    const base: Base = { eventId, now, soon: dueSoonUntil(now, event.timeZone), closing: [...CLOSING_LEDGER_KINDS], open: [...OPEN_SUPERVISION_STATES] };
    const filtered = Boolean(query.sessionId || query.chain || query.organisationId || query.bankId);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const run = <T>(sql: string, params: Record<string, unknown>): Promise<T[]> =>
        manager.query(...manager.connection.driver.escapeQueryWithParameters(sql, { ...base, ...params }));
      const window = { limit: pageSize, offset: (page - 1) * pageSize };
      const { totals: counted, ids } = filtered ? await this.filtered(run, query, window) : await this.unfiltered(run, query.state, window);
      const { all, ...others } = counted;
      const totals: TrackingTotals = { ...others, on_time: all - Object.values(others).reduce((sum, n) => sum + n, 0), all };
      const items = ids.length === 0 ? [] : (await this.details(run, ids)).map(toRow);
      return { items, total: query.state ? totals[query.state] : all, page, pageSize, totals, timeZone: event.timeZone };
    });
  }

  /**
   * The tracking view for the organisers' export, filtered the same way and in its order: the
   * event, how many, then the rows page by page (each page read like the view's, in its own snapshot).
   */
  async exportPages(eventId: string, query: TrackingExportFilterDto): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<TrackingRow[]> }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const first = await this.agreements(eventId, { ...query, page: 1, pageSize: EXPORT_PAGE_SIZE });
    const read = async function* (this: TrackingService): AsyncIterable<TrackingRow[]> {
      let current = first;
      for (let page = 1; current.items.length > 0;) {
        yield current.items;
        if (current.items.length < EXPORT_PAGE_SIZE) return;
        page += 1;
        current = await this.agreements(eventId, { ...query, page, pageSize: EXPORT_PAGE_SIZE });
      }
    }.call(this);
    return { event, count: first.total, pages: read };
  }

  /** The whole event: counts of index ranges of the summary, the page in the index's order. */
  private async unfiltered(run: Run, state: TrackingState | undefined, window: Window): Promise<Listing> {
    const sets = `WITH ${closedOf(SIGNED)}, ${supervisedOf('')}`;
    const count = (owing: string) => `(SELECT count(*) FROM obligation_subject s WHERE ${OF_EVENT} AND ${owing})::int`;
    // Performed and supervised agreements are few: sorted whole. The others are read in the index's order.
    const page =
      state === 'performed' || state === 'under_supervision'
        ? `SELECT ${KEYS} FROM ${state === 'performed' ? 'closed' : 'supervised'} x JOIN agreement a ON a.id = x.id LEFT JOIN ${SUMMARY}
            ORDER BY ${BY_KEYS()} LIMIT :limit OFFSET :offset`
        : `SELECT s."nextDueAt" AS k1, s."nextDueOn" AS k2, NULL::timestamptz AS k3, s."subjectId" AS id
             FROM obligation_subject s WHERE ${OF_EVENT} AND ${OWING[state ?? 'any']}
            ORDER BY s."nextDueAt", s."nextDueOn", s."subjectId" LIMIT :limit OFFSET :offset`;
    const [row] = await run<Listing['totals'] & { ids: string[] | null }>(
      `${sets}
       SELECT (SELECT count(*) FROM agreement a WHERE ${SIGNED})::int AS "all",
              (SELECT count(*) FROM closed)::int AS performed,
              (SELECT count(*) FROM supervised)::int AS under_supervision,
              ${count(OWING.overdue)} AS overdue,
              ${count(OWING.due_soon)} AS due_soon,
              (SELECT array_agg(p.id ORDER BY ${BY_KEYS('p')}) FROM (${page}) p) AS ids`,
      window,
    );
    const { ids, ...totals } = row;
    const listed = ids ?? [];
    if (listed.length < window.limit && (state === undefined || state === 'on_time')) {
      // Past the agreements owing a report come those owing none (none owed yet, or all filed).
      const tail = await run<{ id: string }>(
        `${sets}
         SELECT a.id FROM agreement a
          WHERE ${SIGNED} AND NOT EXISTS (SELECT 1 FROM obligation_subject s
                                                 WHERE s.kind = 'agreement_report' AND s."subjectType" = 'agreement' AND s."subjectId" = a.id AND s."nextDueAt" IS NOT NULL)
            ${state === 'on_time' ? 'AND a.id NOT IN (SELECT id FROM closed) AND a.id NOT IN (SELECT id FROM supervised)' : ''}
          ORDER BY a."signedAt" DESC NULLS LAST, a.id
          LIMIT :limit OFFSET greatest(0, :offset::int - (SELECT count(*) FROM obligation_subject s WHERE ${OF_EVENT} AND ${OWING[state ?? 'any']}))`,
        { limit: window.limit - listed.length, offset: window.offset },
      );
      listed.push(...tail.map((r) => r.id));
    }
    return { totals, ids: listed };
  }

  /** The agreements a filter (session, chain, organisation, bank) keeps: one pass over them, each joined to its summary row. */
  private async filtered(run: Run, query: TrackingQueryDto, window: Window): Promise<Listing> {
    const where: string[] = [SIGNED];
    if (query.sessionId) where.push(`a."sessionId" = :sessionId`);
    if (query.chain)
      where.push(query.chain === 'other' ? `(a.product IS NULL OR NOT (a.product = ANY(:products::varchar[])))` : `a.product = ANY(:products::varchar[])`);
    if (query.organisationId) where.push(`a.id IN (SELECT p."agreementId" FROM agreement_party p WHERE p."organisationId" = :organisationId)`);
    if (query.bankId) where.push(`a.id IN (SELECT p."agreementId" FROM agreement_party p WHERE p."organisationId" = :bankId AND p.role = 'lender')`);
    const products = query.chain === 'other' ? INDUSTRY_CHAINS.flatMap((c) => productsOfChain(c.code)) : query.chain ? productsOfChain(query.chain) : [];
    const [row] = await run<{ totals: Partial<Record<TrackingState, number>> | null; ids: string[] | null }>(
      `WITH f AS MATERIALIZED (SELECT a.id, a."signedAt" FROM agreement a WHERE ${where.join(' AND ')}),
       ${closedOf('a.id IN (SELECT id FROM f)')},
       ${supervisedOf('AND o."subjectId" IN (SELECT id FROM f)')},
       b AS MATERIALIZED (
         SELECT ${KEYS}, ${stateCase('a.id IN (SELECT id FROM closed)', 'a.id IN (SELECT id FROM supervised)')} AS state
           FROM f a LEFT JOIN ${SUMMARY}
       )
       SELECT (SELECT json_object_agg(x.state, x.n) FROM (SELECT state, count(*)::int AS n FROM b GROUP BY state) x) AS totals,
              (SELECT array_agg(p.id ORDER BY ${BY_KEYS('p')})
                 FROM (SELECT * FROM b ${query.state ? 'WHERE b.state = :state' : ''} ORDER BY ${BY_KEYS('b')} LIMIT :limit OFFSET :offset) p) AS ids`,
      { ...window, sessionId: query.sessionId, organisationId: query.organisationId, bankId: query.bankId, products, state: query.state },
    );
    const n = (state: TrackingState) => row.totals?.[state] ?? 0;
    return {
      totals: {
        performed: n('performed'),
        under_supervision: n('under_supervision'),
        overdue: n('overdue'),
        due_soon: n('due_soon'),
        all: TRACKING_STATES.reduce((sum, state) => sum + n(state), 0),
      },
      ids: row.ids ?? [],
    };
  }

  /** The page's rows in full, in the order of `ids`: agreement, session, parties, ledger stage, state, next report, counts. */
  private details(run: Run, ids: string[]): Promise<Raw[]> {
    return run<Raw>(
      `SELECT a.id, a.title, a.kind, a.status, a.amount, a.product, a."signedAt", a."sessionId",
         ss.kind AS "sessionKind", ss.title AS "sessionTitle",
         parties.list AS parties,
         stage.approved, stage.disbursed, stage.delivered, stage.performed, stage.terminated,
         ${stateCase(
           'stage.closed',
           `EXISTS (SELECT 1 FROM obligation o JOIN supervision_notice n ON n."obligationId" = o.id
                     WHERE o.kind = 'agreement_report' AND o."subjectType" = 'agreement' AND o."subjectId" = a.id
                       AND n."eventId" = :eventId AND n.state = ANY(:open::varchar[]))`,
         )} AS state,
         nx.id AS "nextId", nx."dueOn"::text AS "nextDueOn", nx."dueAt" AS "nextDueAt", nx."organisationId" AS "nextOrgId",
         org.name AS "nextOrgName", nx.state AS "nextState",
         coalesce(s.filed, 0) AS filed, coalesce(s.accepted, 0) AS accepted, coalesce(s.submitted, 0) AS "awaitingReview", od.ids AS "overdueIds"
       FROM unnest(:ids::uuid[]) WITH ORDINALITY AS p(id, ord)
       JOIN agreement a ON a.id = p.id
       JOIN match_session ss ON ss.id = a."sessionId"
       LEFT JOIN ${SUMMARY}
       LEFT JOIN obligation nx ON nx.id = s."nextObligationId"
       LEFT JOIN organisation org ON org.id = nx."organisationId"
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object('organisationId', ap."organisationId", 'name', po.name, 'role', ap.role) ORDER BY ap.role, po.name) AS list
           FROM agreement_party ap JOIN organisation po ON po.id = ap."organisationId" WHERE ap."agreementId" = a.id
       ) parties ON true
       LEFT JOIN LATERAL (
         SELECT coalesce(bool_or(l.kind = 'approved'), false) AS approved,
                coalesce(bool_or(l.kind = 'disbursed'), false) AS disbursed,
                coalesce(bool_or(l.kind = 'delivered'), false) AS delivered,
                coalesce(bool_or(l.kind = 'performed' AND l."reopenedAt" IS NULL), false) AS performed,
                coalesce(bool_or(l.kind = 'terminated' AND l."reopenedAt" IS NULL), false) AS terminated,
                coalesce(bool_or(l.kind = ANY(:closing::varchar[]) AND l."reopenedAt" IS NULL), false) AS closed
           FROM agreement_ledger_entry l WHERE l."agreementId" = a.id
       ) stage ON true
       LEFT JOIN LATERAL (
         SELECT array_agg(o.id ORDER BY o."dueAt", o.id) AS ids FROM obligation o
          WHERE o.kind = 'agreement_report' AND o."subjectType" = 'agreement' AND o."subjectId" = a.id
            AND o.state = ANY(:outstanding::varchar[]) AND o."dueAt" <= :now
       ) od ON true
       ORDER BY p.ord`,
      { ids, outstanding: [...OUTSTANDING_OBLIGATION_STATES] },
    );
  }
}

type Run = <T>(sql: string, params: Record<string, unknown>) => Promise<T[]>;
type Window = { limit: number; offset: number };

function stageOf(r: Raw): TrackingStage {
  if (r.terminated) return 'terminated';
  if (r.performed) return 'performed';
  if (r.disbursed) return 'disbursed';
  if (r.delivered) return 'delivered';
  if (r.approved) return 'approved';
  return 'signed';
}

function toRow(r: Raw): TrackingRow {
  const parties = r.parties ?? [];
  const overdueObligationIds = r.overdueIds ?? [];
  return {
    agreementId: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    amount: Number(r.amount),
    signedAt: r.signedAt?.toISOString() ?? null,
    session: { id: r.sessionId, kind: r.sessionKind, title: r.sessionTitle },
    chain: chainOfProduct(r.product),
    parties,
    lenderOrganisationId: parties.find((p) => p.role === 'lender')?.organisationId ?? null,
    supplierOrganisationId: parties.find((p) => p.role === 'supplier' || p.role === 'producer')?.organisationId ?? null,
    stage: stageOf(r),
    nextDue:
      r.nextId === null
        ? null
        : {
            obligationId: r.nextId,
            dueOn: r.nextDueOn!,
            dueAt: r.nextDueAt!.toISOString(),
            organisationId: r.nextOrgId!,
            organisationName: r.nextOrgName!,
            state: r.nextState!,
          },
    state: r.state,
    reports: { filed: r.filed, accepted: r.accepted, awaitingReview: r.awaitingReview, overdue: overdueObligationIds.length },
    overdueObligationIds,
  };
}
