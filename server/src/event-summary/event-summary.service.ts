import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dayInZone,
  FINANCING_AGREEMENT_KINDS,
  type EventSummaryPublication,
  type EventSummarySignedRule,
  type EventSummaryStatus,
  type ListingType,
} from '@duijie/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { signedAgreementsPage, signedAgreementTotals, signedOnListings, uncitedSignedOf, type UncitedSigned } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Conflict, Forbidden, NotFound } from '../common/errors';
import { pages } from '../common/xlsx';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import type { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { summaryListingCount, summaryListingsPage, type SummaryListingRow } from '../listings/listings.repository';
import { meetingCountsByListing } from '../meetings/meetings.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { approvedOrganisationIdsOfEvent, isApprovedParticipantOfEvent } from '../participation/participation.repository';
import { applicationCountsByListing } from '../supermarket/supermarket.repository';
import { UserEntity } from '../users/user.entity';
import type { EventSummaryPublishDto } from './dto/event-summary.dto';
import { EventSummaryPublicationEntity } from './event-summary-publication.entity';
import { emptyTotals, type SessionInfo, type SummaryAgreement, type SummaryListing, type SummaryTotals } from './event-summary.rows';

/** Which table a download is: a publication's (rows as of its time), or the organisers' live preview. */
export type SummaryEdition = {
  event: EventEntity;
  publication: EventSummaryPublicationEntity | null;
  /** Rows posted and signed up to this instant; null: everything now (the preview). */
  asOf: Date | null;
  /** When the rows were read, for the document (the publication's time, or now). */
  at: Date;
  listings: number;
  agreements: number;
  sessions: Map<string, SessionInfo>;
};

/** Listing types a financing agreement that cites no listing is counted on (same session, same organisation). */
const FINANCING_TYPES: readonly ListingType[] = ['financing_need', 'credit_offer', 'guarantee_offer'];

/**
 * The supply and demand summary table sent to participants after an event (供需对接情况汇总表):
 * organisers publish it by version (before the event is over only with their confirmation that
 * it is not final), every approved participant organisation is told, and from then on the
 * event's participants download it as of the latest publication. Organisers download the live
 * preview any time.
 */
@Injectable()
export class EventSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
  ) {}

  async status(principal: Principal, eventId: string): Promise<EventSummaryStatus> {
    const manager = this.dataSource.manager;
    const event = await this.events.findEvent(manager, eventId);
    await this.assertParticipant(manager, principal, eventId);
    const publications = await manager.find(EventSummaryPublicationEntity, { where: { eventId }, order: { version: 'DESC' } });
    const latest = publications[0];
    const organiser = isOrganiser(principal);
    // Participants learn the size of what was published, and nothing before it is.
    const counted = organiser || latest !== undefined;
    const asOf = organiser ? null : (latest?.publishedAt ?? null);
    return {
      eventId,
      eventName: event.name,
      timeZone: event.timeZone,
      endDate: event.endDate,
      ended: this.ended(event),
      publications: await this.views(manager, publications),
      listings: counted ? await summaryListingCount(manager, eventId, asOf) : 0,
      agreements: counted ? (await signedAgreementTotals(manager, eventId, asOf)).count : 0,
    };
  }

  /** Publishes the next version and tells every approved participant organisation of the event. */
  async publish(principal: Principal, eventId: string, dto: EventSummaryPublishDto): Promise<EventSummaryPublication> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      // Locked: two organisers publishing at once get versions n and n + 1.
      const event = await this.events.findEvent(manager, eventId, true);
      const provisional = !this.ended(event);
      if (provisional && dto.notFinal !== true) {
        throw new Conflict('event_not_ended', `The event runs until ${event.endDate}: confirm that the table published now is not final (notFinal: true)`);
      }
      const [last] = await manager.find(EventSummaryPublicationEntity, { where: { eventId }, order: { version: 'DESC' }, take: 1 });
      const publication = manager.create(EventSummaryPublicationEntity, {
        eventId,
        version: (last?.version ?? 0) + 1,
        provisional,
        publishedByUserId: principal.userId,
        publishedAt: this.clock.now(),
      });
      await manager.save(publication);
      const listings = await summaryListingCount(manager, eventId, publication.publishedAt);
      const agreements = await signedAgreementTotals(manager, eventId, publication.publishedAt);
      const organisationIds = await approvedOrganisationIdsOfEvent(manager, eventId);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'event_summary.published',
        entityType: 'event_summary_publication',
        entityId: publication.id,
        data: {
          eventId,
          version: publication.version,
          provisional,
          listings,
          agreements: agreements.count,
          amount: agreements.amount,
          notified: organisationIds.length,
        },
      });
      await this.notifications.notify(tx, {
        kind: 'event_summary.published',
        eventId,
        to: { organisationIds },
        params: { title: event.name, version: publication.version },
        link: `/events/${eventId}`,
        dedupeKey: `event-summary:${eventId}:v${publication.version}`,
      });
      return (await this.views(manager, [publication]))[0];
    });
  }

  /**
   * The table a caller may download: organisers any publication, or the live preview when no
   * version is asked for; the event's approved participants a publication, the latest unless
   * asked, and nothing before the first one (403). Others: 403; an unknown event or version: 404.
   */
  async edition(principal: Principal, eventId: string, version: number | undefined): Promise<SummaryEdition> {
    const manager = this.dataSource.manager;
    const event = await this.events.findEvent(manager, eventId);
    await this.assertParticipant(manager, principal, eventId);
    let publication: EventSummaryPublicationEntity | null = null;
    if (version !== undefined) {
      publication = await manager.findOne(EventSummaryPublicationEntity, { where: { eventId, version } });
      if (!publication) throw new NotFound('Summary table version');
    } else if (!isOrganiser(principal)) {
      [publication] = await manager.find(EventSummaryPublicationEntity, { where: { eventId }, order: { version: 'DESC' }, take: 1 });
      publication ??= null;
      if (!publication) throw new Forbidden('The summary table reaches participants once the organisers publish it');
    }
    const asOf = publication?.publishedAt ?? null;
    const sessions = new Map((await this.events.sessionsOf(manager, eventId)).map((s) => [s.id, { title: s.title, kind: s.kind }]));
    return {
      event,
      publication,
      asOf,
      at: asOf ?? this.clock.now(),
      listings: await summaryListingCount(manager, eventId, asOf),
      agreements: (await signedAgreementTotals(manager, eventId, asOf)).count,
      sessions,
    };
  }

  /** The listings of an edition page by page with what came of each, adding up the totals as they go. */
  async *listingRows(edition: SummaryEdition, totals: SummaryTotals): AsyncIterable<SummaryListing[]> {
    const manager = this.dataSource.manager;
    const { event, asOf, sessions } = edition;
    let no = 0;
    for await (const page of pages((offset, limit) => summaryListingsPage(manager, event.id, asOf, offset, limit))) {
      const ids = page.map((l) => l.id);
      const meetings = await meetingCountsByListing(manager, event.id, ids, asOf);
      const applications = await applicationCountsByListing(manager, event.id, ids, asOf);
      const cited = await signedOnListings(manager, event.id, asOf, ids);
      const uncited = await uncitedSignedOf(manager, event.id, asOf, [...new Set(page.map((l) => l.organisationId))]);
      yield page.map((l) => {
        const m = meetings.get(l.id) ?? { requests: 0, held: 0 };
        const a = applications.get(l.id) ?? { applications: 0, accepted: 0 };
        const signed = signedFor(l, cited.get(l.id), uncited);
        totals.listings += 1;
        totals.byType[l.type] = (totals.byType[l.type] ?? 0) + 1;
        totals.requests += m.requests;
        totals.held += m.held;
        totals.applications += a.applications;
        totals.applicationsAccepted += a.accepted;
        no += 1;
        return {
          ...l,
          no,
          session: sessions.get(l.sessionId) ?? { title: '', kind: 'upstream_downstream' },
          requests: m.requests,
          held: m.held,
          applications: a.applications,
          applicationsAccepted: a.accepted,
          ...signed,
        };
      });
    }
  }

  /** The agreements signed, in signing order, adding up the totals as they go. */
  async *agreementRows(edition: SummaryEdition, totals: SummaryTotals): AsyncIterable<SummaryAgreement[]> {
    const manager = this.dataSource.manager;
    const { event, asOf, sessions } = edition;
    let no = 0;
    for await (const page of pages((offset, limit) => signedAgreementsPage(manager, event.id, asOf, offset, limit))) {
      yield page.map((a) => {
        totals.agreements += 1;
        totals.amount += a.amount;
        if (a.kind === 'intent') {
          totals.intents += 1;
          totals.intentAmount += a.amount;
        }
        no += 1;
        return { ...a, no, session: sessions.get(a.sessionId) ?? { title: '', kind: 'upstream_downstream' } };
      });
    }
  }

  newTotals(): SummaryTotals {
    return emptyTotals();
  }

  /** Whether the event's last day is over in its time zone. */
  private ended(event: EventEntity): boolean {
    return dayInZone(this.clock.now(), event.timeZone) > event.endDate;
  }

  /** Organisers, and the event's approved participants; anyone else 403. */
  private async assertParticipant(manager: EntityManager, principal: Principal, eventId: string): Promise<void> {
    if (isOrganiser(principal)) return;
    if (!(await isApprovedParticipantOfEvent(manager, eventId, principal.organisationId))) {
      throw new Forbidden('The summary table is published to the event’s approved participants');
    }
  }

  private async views(manager: EntityManager, rows: EventSummaryPublicationEntity[]): Promise<EventSummaryPublication[]> {
    const userIds = [...new Set(rows.map((r) => r.publishedByUserId))];
    const users = userIds.length ? await manager.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, displayName: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.publishedAt.toISOString(),
      publishedByName: names.get(r.publishedByUserId) ?? null,
      provisional: r.provisional,
    }));
  }
}

/**
 * How a listing counts as signed: the signed agreements that cite it; failing those, the signed
 * agreements citing no listing that its organisation signed in its session, of its product
 * (goods) or of a financing kind (financing listings).
 */
function signedFor(
  l: SummaryListingRow,
  cited: { count: number; amount: number } | undefined,
  uncited: UncitedSigned[],
): { signedRule: EventSummarySignedRule; signedCount: number; signedAmount: number } {
  if (cited) return { signedRule: 'cited', signedCount: cited.count, signedAmount: cited.amount };
  const same = uncited.filter(
    (a) =>
      a.sessionId === l.sessionId &&
      a.organisationIds.includes(l.organisationId) &&
      (l.goods ? a.product === l.goods.category : FINANCING_TYPES.includes(l.type) && FINANCING_AGREEMENT_KINDS.includes(a.kind)),
  );
  if (same.length === 0) return { signedRule: 'none', signedCount: 0, signedAmount: 0 };
  return { signedRule: 'same_session', signedCount: same.length, signedAmount: same.reduce((sum, a) => sum + a.amount, 0) };
}
