import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FinancingApplication, ListingPublic, OverdueByOrganisation, Page } from '@duijie/shared';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { EventEntity } from '../events/event.entity';
import { ListingEntity } from '../listings/listing.entity';
import { toPublicListing } from '../listings/listings.mapper';
import { NotificationsService } from '../notifications/notifications.service';
import { FinancingApplicationEntity } from './application.entity';
import type { ApplicationAnswerDto, SupermarketQueryDto } from './dto/supermarket.dto';
import { pages } from '../common/xlsx';

const HOUR = 3_600_000;

/**
 * The matchmaking supermarket (对接超市): every credit and guarantee product of an event on
 * one shelf, applications to them with a financing need, and the banks' answers within the
 * deadline the organiser set, with overdue answers visible to organisers per bank.
 */
@Injectable()
export class SupermarketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
  ) {}

  /** Open credit and guarantee products of the event that fit the filters, newest first. */
  async shelf(eventId: string, query: SupermarketQueryDto): Promise<Page<ListingPublic>> {
    if (!(await this.dataSource.getRepository(EventEntity).exists({ where: { id: eventId } }))) throw new NotFound('Event');
    const qb = this.dataSource
      .getRepository(ListingEntity)
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.organisation', 'o')
      .where('l.eventId = :eventId AND l.status = :open', { eventId, open: 'open' })
      .andWhere('l.type IN (:...types)', { types: query.type ? [query.type] : ['credit_offer', 'guarantee_offer'] });
    if (query.amount !== undefined) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`(l.type = 'credit_offer' AND (l.credit->>'amountMin')::bigint <= :amount AND (l.credit->>'amountMax')::bigint >= :amount)`)
            .orWhere(`(l.type = 'guarantee_offer' AND (l.guarantee->>'capacity')::bigint >= :amount)`),
        ),
        { amount: query.amount },
      );
    }
    if (query.termMonths !== undefined) {
      qb.andWhere(`(l.type <> 'credit_offer' OR ((l.credit->>'termMinMonths')::int <= :term AND (l.credit->>'termMaxMonths')::int >= :term))`, {
        term: query.termMonths,
      });
    }
    if (query.maxRateBp !== undefined) {
      qb.andWhere(`(l.type <> 'credit_offer' OR (l.credit->>'rateMinBp')::int <= :rate)`, { rate: query.maxRateBp });
    }
    if (query.industry) {
      qb.andWhere(
        `(jsonb_array_length(COALESCE(l.credit, l.guarantee)->'targetIndustries') = 0 OR COALESCE(l.credit, l.guarantee)->'targetIndustries' ? :industry)`,
        { industry: query.industry },
      );
    }
    if (query.guaranteeRequirement) {
      qb.andWhere(`l.type = 'credit_offer' AND l.credit->>'guaranteeRequirement' = :requirement`, { requirement: query.guaranteeRequirement });
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await qb.orderBy('l.createdAt', 'DESC').addOrderBy('l.id').skip(skip).take(take).getManyAndCount();
    return pageOf(rows.map(toPublicListing), total, query);
  }

  /** An enterprise applies to a product with one of its open financing needs; a repeat is refused. */
  async apply(principal: Principal, offerId: string, needId: string): Promise<FinancingApplication> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const [offer, need] = await Promise.all([this.listing(manager, offerId), this.listing(manager, needId)]);
      if (!offer || (offer.type !== 'credit_offer' && offer.type !== 'guarantee_offer')) throw new NotFound('Credit or guarantee product');
      if (!need || need.organisationId !== principal.organisationId)
        throw new InvalidInput('needListingId', 'must be one of your organisation’s financing needs');
      if (need.type !== 'financing_need') throw new InvalidInput('needListingId', 'must be a financing need');
      if (need.eventId !== offer.eventId) throw new InvalidInput('needListingId', 'must belong to the same event as the product');
      if (offer.status !== 'open' || need.status !== 'open') throw new Conflict('listing_withdrawn', 'The product or the need has been withdrawn');
      const live = await manager.findOne(FinancingApplicationEntity, {
        where: { needListingId: needId, offerListingId: offerId, status: In(['pending', 'accepted']) },
      });
      if (live)
        throw new Conflict('already_applied', 'This need has already been sent to this product', [
          { field: 'needListingId', messages: [`application ${live.id} is ${live.status}`] },
        ]);
      const event = await manager.findOneByOrFail(EventEntity, { id: offer.eventId });
      const application = await manager.save(
        manager.create(FinancingApplicationEntity, {
          eventId: offer.eventId,
          needListingId: needId,
          offerListingId: offerId,
          applicantOrganisationId: principal.organisationId,
          offerOrganisationId: offer.organisationId,
          status: 'pending',
          answerBy: new Date(Date.now() + event.applicationAnswerHours * HOUR),
          createdByUserId: principal.userId,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'application.submitted',
        entityType: 'financing_application',
        entityId: application.id,
        data: { needListingId: needId, offerListingId: offerId },
      });
      await this.notifications.notify(tx, {
        kind: 'application.submitted',
        eventId: offer.eventId,
        to: { organisationIds: [offer.organisationId] },
        params: {
          organisation: need.organisation?.name ?? '',
          title: offer.title,
          need: need.title,
          answerBy: minuteInZone(application.answerBy, event.timeZone),
        },
        link: '/my/requests?tab=applications-received',
        // Settled once the offering organisation answers.
        dedupeKey: submittedKey(application.id),
      });
      return (await this.views(manager, [application]))[0];
    });
  }

  /** The bank (or guarantor) answers: into negotiation, or declined with a reason. Repeating an answer is harmless. */
  async answer(principal: Principal, id: string, dto: ApplicationAnswerDto): Promise<FinancingApplication> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const application = await manager.findOne(FinancingApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (
        !application ||
        (application.offerOrganisationId !== principal.organisationId &&
          application.applicantOrganisationId !== principal.organisationId &&
          !isOrganiser(principal))
      )
        throw new NotFound('Application');
      if (application.offerOrganisationId !== principal.organisationId)
        throw new Forbidden('Only the organisation offering the product answers an application');
      const wanted = dto.accept ? 'accepted' : 'declined';
      if (application.status === wanted) return (await this.views(manager, [application]))[0];
      if (application.status !== 'pending') throw new Conflict('already_answered', `This application was already ${application.status}`);
      application.status = wanted;
      application.reason = dto.accept ? (dto.reason ?? null) : dto.reason!;
      application.answeredAt = new Date();
      application.answeredByUserId = principal.userId;
      await manager.save(application);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: `application.${wanted}`,
        entityType: 'financing_application',
        entityId: id,
        data: { reason: application.reason, late: application.answeredAt > application.answerBy },
      });
      await this.notifications.settle(tx, [submittedKey(id)]);
      const offer = await this.listing(manager, application.offerListingId);
      await this.notifications.notify(tx, {
        kind: 'application.answered',
        eventId: application.eventId,
        to: { organisationIds: [application.applicantOrganisationId] },
        params: {
          organisation: offer?.organisation?.name ?? '',
          title: offer?.title ?? '',
          decision: wanted,
          ...(application.reason ? { reason: application.reason } : {}),
        },
        link: '/my/requests?tab=applications-sent',
      });
      return (await this.views(manager, [application]))[0];
    });
  }

  /** Applications my organisation sent or must answer, newest first. */
  async mine(principal: Principal): Promise<FinancingApplication[]> {
    const rows = await this.dataSource.getRepository(FinancingApplicationEntity).find({
      where: [{ applicantOrganisationId: principal.organisationId }, { offerOrganisationId: principal.organisationId }],
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return this.views(this.dataSource.manager, rows);
  }

  /** Organisers: per answering organisation, the pending applications and how many are past their deadline. */
  async overdue(eventId: string): Promise<OverdueByOrganisation[]> {
    const rows: { organisationId: string; organisationName: string; overdue: string; pending: string; oldestAnswerBy: Date | null }[] =
      await this.dataSource.query(
        `SELECT a."offerOrganisationId" AS "organisationId", o.name AS "organisationName",
              count(*) FILTER (WHERE a."answerBy" < now()) AS overdue, count(*) AS pending,
              min(a."answerBy") FILTER (WHERE a."answerBy" < now()) AS "oldestAnswerBy"
         FROM financing_application a JOIN organisation o ON o.id = a."offerOrganisationId"
        WHERE a."eventId" = $1 AND a.status = 'pending'
        GROUP BY a."offerOrganisationId", o.name
        ORDER BY overdue DESC, pending DESC, o.name`,
        [eventId],
      );
    return rows.map((r) => ({
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      overdue: Number(r.overdue),
      pending: Number(r.pending),
      oldestAnswerBy: r.oldestAnswerBy ? r.oldestAnswerBy.toISOString() : null,
    }));
  }

  /** Every application of the event for the organisers' export, newest first: the event, how many, then page by page. */
  async exportPages(eventId: string): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<FinancingApplication[]> }> {
    const manager = this.dataSource.manager;
    const event = await manager.findOne(EventEntity, { where: { id: eventId } });
    if (!event) throw new NotFound('Event');
    const repository = manager.getRepository(FinancingApplicationEntity);
    const count = await repository.count({ where: { eventId } });
    const read = pages(async (offset, limit) =>
      this.views(manager, await repository.find({ where: { eventId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit })),
    );
    return { event, count, pages: read };
  }

  private listing(manager: EntityManager, id: string): Promise<ListingEntity | null> {
    return manager.findOne(ListingEntity, { where: { id }, relations: { organisation: true } });
  }

  private async views(manager: EntityManager, rows: FinancingApplicationEntity[]): Promise<FinancingApplication[]> {
    if (rows.length === 0) return [];
    const listings = await manager.find(ListingEntity, {
      where: { id: In(rows.flatMap((r) => [r.needListingId, r.offerListingId])) },
      relations: { organisation: true },
    });
    const byId = new Map(listings.map((l) => [l.id, toPublicListing(l)]));
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      status: r.status,
      need: byId.get(r.needListingId)!,
      offer: byId.get(r.offerListingId)!,
      reason: r.reason,
      answerBy: r.answerBy.toISOString(),
      overdue: r.status === 'pending' && r.answerBy.getTime() < now,
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** `2026-12-07 14:30` in the event's time zone: how a deadline reads in a notification. */
function minuteInZone(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The offering organisation's notice to answer a financing application. */
function submittedKey(applicationId: string): string {
  return `application:${applicationId}:submitted`;
}
