import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RATING_DEALINGS,
  type InstitutionRating,
  type InstitutionRatingSummary,
  type OrganisationKind,
  type Page,
  type RatableDealing,
  type RatingDealing,
} from '@duijie/shared';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { disbursedLoansOf } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { Conflict, Forbidden, NotFound } from '../common/errors';
import { pageOf, skipTake, type PageQuery } from '../common/pagination';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { declinedMeetingRequestsOf, heldMeetingsOf } from '../meetings/meetings.repository';
import { organisationSummaries } from '../organisations/organisations.repository';
import { approvedOrganisationIdsOfEvent } from '../participation/participation.repository';
import { answeredApplicationsOf } from '../supermarket/supermarket.repository';
import type { InstitutionRatingDto } from './dto/ratings.dto';
import { InstitutionRatingEntity } from './institution-rating.entity';
import { ratingSummaryRows, type RatingAverages } from './ratings.repository';

/** The kinds that borrow and so rate the institutions they dealt with. */
export const RATER_KINDS: readonly OrganisationKind[] = ['enterprise', 'distributor', 'construction_unit'];
/** The kinds rated: lenders, guarantors and insurers. */
export const RATED_KINDS: readonly OrganisationKind[] = ['bank', 'microlender', 'guarantor', 'insurer'];
/** The most dealings the rating page lists. */
export const RATABLE_CAP = 200;

const PG_UNIQUE_VIOLATION = '23505';

/** A dealing between an enterprise and an institution, as the other modules' repositories read it. */
type Dealing = { id: string; eventId: string; counterpartId: string; counterpartName: string; title: string; at: Date };

const alreadyRated = () =>
  new Conflict('already_rated', 'Your organisation has already rated this dealing', [{ field: 'dealingId', messages: ['already rated'] }]);

/**
 * Enterprises rate the institutions they dealt with (企业评银行): an application the institution
 * answered, a meeting held with it, a loan it disbursed, once per dealing. Institutions read
 * their own average and comments without the raters; organisers read every institution's average
 * in an event.
 */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /** The caller's organisation's dealings with institutions, newest first, each with its rating if given; none for other kinds. */
  async ratable(principal: Principal): Promise<RatableDealing[]> {
    const manager = this.dataSource.manager;
    if (!RATER_KINDS.includes(await this.kindOf(manager, principal.organisationId))) return [];
    const found = await Promise.all(
      RATING_DEALINGS.map(async (dealing) =>
        (await this.dealingsOf(manager, dealing, principal.organisationId, { limit: RATABLE_CAP })).map((d) => ({ dealing, ...d })),
      ),
    );
    const dealings = found.flat().sort(newestFirst).slice(0, RATABLE_CAP);
    const given = dealings.length
      ? await manager.find(InstitutionRatingEntity, {
          where: { raterOrganisationId: principal.organisationId, dealingId: In(dealings.map((d) => d.id)) },
        })
      : [];
    const byDealing = new Map(given.map((r) => [`${r.dealing}:${r.dealingId}`, r]));
    return dealings.map((d) => {
      const rating = byDealing.get(`${d.dealing}:${d.id}`);
      return {
        dealing: d.dealing,
        dealingId: d.id,
        institutionId: d.counterpartId,
        institutionName: d.counterpartName,
        title: d.title,
        at: new Date(d.at).toISOString(),
        rating: rating ? toRating(rating) : null,
      };
    });
  }

  /**
   * Rates the institution on a dealing of the caller's organisation: only an enterprise that was
   * the borrowing side rates, the institution is the dealing's other side, once per dealing.
   */
  async rate(principal: Principal, dto: InstitutionRatingDto): Promise<InstitutionRating> {
    if (!RATER_KINDS.includes(await this.kindOf(this.dataSource.manager, principal.organisationId)))
      throw new Forbidden('Only enterprises rate the institutions they dealt with');
    try {
      return await this.uow.run(async (tx) => {
        const { manager } = tx;
        const [dealing] = await this.dealingsOf(manager, dto.dealing, principal.organisationId, { id: dto.dealingId, limit: 1 });
        if (!dealing) throw new NotFound('Dealing of your organisation with an institution');
        const existing = await manager.findOne(InstitutionRatingEntity, {
          where: { dealing: dto.dealing, dealingId: dto.dealingId, raterOrganisationId: principal.organisationId },
        });
        if (existing) throw alreadyRated();
        const rating = await manager.save(
          manager.create(InstitutionRatingEntity, {
            eventId: dealing.eventId,
            dealing: dto.dealing,
            dealingId: dto.dealingId,
            raterOrganisationId: principal.organisationId,
            raterUserId: principal.userId,
            institutionId: dealing.counterpartId,
            speed: dto.speed,
            attitude: dto.attitude,
            terms: dto.terms,
            comment: dto.comment ? dto.comment : null,
          }),
        );
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'rating.given',
          entityType: 'institution_rating',
          entityId: rating.id,
          data: {
            dealing: dto.dealing,
            dealingId: dto.dealingId,
            institutionId: dealing.counterpartId,
            speed: dto.speed,
            attitude: dto.attitude,
            terms: dto.terms,
            commented: rating.comment !== null,
          },
        });
        tx.emit({ type: 'rating.given', eventId: dealing.eventId, institutionId: dealing.counterpartId });
        return toRating(rating);
      });
    } catch (error) {
      // Two ratings of the same dealing at once: the unique index lets one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION) throw alreadyRated();
      throw error;
    }
  }

  /** The caller's institution's average over every rating it received, and a page of them (newest first), no rater named. */
  async mine(principal: Principal, query: PageQuery): Promise<{ summary: InstitutionRatingSummary; ratings: Page<InstitutionRating> }> {
    const manager = this.dataSource.manager;
    const org = (await organisationSummaries(manager, [principal.organisationId])).get(principal.organisationId);
    if (!org || !RATED_KINDS.includes(org.kind as OrganisationKind)) throw new Forbidden('Only financial institutions receive ratings');
    const averages = (await ratingSummaryRows(manager, null, [org.id])).get(org.id);
    const { skip, take } = skipTake(query);
    const [rows, total] = await manager.findAndCount(InstitutionRatingEntity, {
      where: { institutionId: org.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
    return { summary: toSummary(org.id, org.name, averages), ratings: pageOf(rows.map(toRating), total, query) };
  }

  /** Every institution of the event (taking part, or rated in it) with its averages there: best first, unrated last. */
  async forEvent(eventId: string): Promise<InstitutionRatingSummary[]> {
    const manager = this.dataSource.manager;
    await this.events.findEvent(manager, eventId);
    const averages = await ratingSummaryRows(manager, eventId, null);
    const ids = [...new Set([...(await approvedOrganisationIdsOfEvent(manager, eventId)), ...averages.keys()])];
    const orgs = await organisationSummaries(manager, ids);
    return [...orgs.values()]
      .filter((o) => RATED_KINDS.includes(o.kind as OrganisationKind) || averages.has(o.id))
      .map((o) => toSummary(o.id, o.name, averages.get(o.id)))
      .sort((a, b) => (b.overall ?? -1) - (a.overall ?? -1) || b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  }

  private async kindOf(manager: EntityManager, organisationId: string): Promise<OrganisationKind> {
    const org = (await organisationSummaries(manager, [organisationId])).get(organisationId);
    if (!org) throw new NotFound('Organisation');
    return org.kind as OrganisationKind;
  }

  /**
   * Applications answered: financing applications to an institution's product it accepted or
   * declined, and meeting requests to it that it declined (accepted ones are rated as meetings).
   */
  private async applicationsOf(manager: EntityManager, organisationId: string, opts: { id?: string; limit: number }): Promise<Dealing[]> {
    const [applications, requests] = await Promise.all([
      answeredApplicationsOf(manager, organisationId, RATED_KINDS, opts),
      declinedMeetingRequestsOf(manager, organisationId, RATED_KINDS, opts),
    ]);
    return [...applications, ...requests].sort(newestFirst).slice(0, opts.limit);
  }

  /** The dealings of one kind between this (borrowing) organisation and institutions; the one with `id` only, when given. */
  private dealingsOf(manager: EntityManager, dealing: RatingDealing, organisationId: string, opts: { id?: string; limit: number }): Promise<Dealing[]> {
    switch (dealing) {
      case 'application':
        return this.applicationsOf(manager, organisationId, opts);
      case 'meeting':
        return heldMeetingsOf(manager, organisationId, RATED_KINDS, opts);
      case 'disbursement':
        return disbursedLoansOf(manager, organisationId, RATED_KINDS, opts);
    }
  }
}

function newestFirst(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return new Date(b.at).getTime() - new Date(a.at).getTime() || a.id.localeCompare(b.id);
}

function toRating(r: InstitutionRatingEntity): InstitutionRating {
  return { id: r.id, dealing: r.dealing, speed: r.speed, attitude: r.attitude, terms: r.terms, comment: r.comment, createdAt: r.createdAt.toISOString() };
}

function toSummary(organisationId: string, name: string, a: RatingAverages | undefined): InstitutionRatingSummary {
  return {
    organisationId,
    name,
    count: a?.count ?? 0,
    speed: a?.speed ?? null,
    attitude: a?.attitude ?? null,
    terms: a?.terms ?? null,
    overall: a?.overall ?? null,
  };
}
