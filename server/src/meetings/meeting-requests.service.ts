import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListingPublic, MeetingRequest } from '@duijie/shared';
import { DataSource, In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { EventEntity } from '../events/event.entity';
import { JobQueue } from '../jobs/job-queue';
import { ListingEntity } from '../listings/listing.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { toPublicListing } from '../listings/listings.mapper';
import { ParticipationEntity } from '../participation/participation.entity';
import type { MeetingRequestAnswerDto, MeetingRequestDto } from './dto/meeting-request.dto';
import { MeetingRequestEntity } from './meeting-request.entity';
import { MeetingsService } from './meetings.service';

const HOUR = 3_600_000;
/** The job that expires overdue requests (and audits it), once a minute across all server processes. */
export const EXPIRE_REQUESTS = 'meetings.expire-requests';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    [EXPIRE_REQUESTS]: Record<string, never>;
  }
}

/**
 * Requests for negotiation meetings: one participant asks another about a listing (from a
 * recommendation, the board or the supermarket); the other accepts or declines with a
 * reason before the deadline the organiser set, after which the request expires.
 */
@Injectable()
export class MeetingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    jobs: JobQueue,
  ) {
    // Once a minute in one process of the cluster (each process used to sweep on its own timer).
    jobs.register(EXPIRE_REQUESTS, () => this.expireOverdue(), { retryLimit: 1, expireInSeconds: 300 });
    jobs.schedule(EXPIRE_REQUESTS, '* * * * *', {}, { tz: 'Asia/Shanghai' });
  }

  async create(principal: Principal, dto: MeetingRequestDto): Promise<MeetingRequest> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const to = await manager.findOne(ListingEntity, { where: { id: dto.toListingId } });
      if (!to || to.status !== 'open') throw new InvalidInput('toListingId', 'must be an open listing');
      if (to.organisationId === principal.organisationId) throw new InvalidInput('toListingId', 'is your own listing');
      if (dto.fromListingId) {
        const from = await manager.findOne(ListingEntity, { where: { id: dto.fromListingId } });
        if (!from || from.organisationId !== principal.organisationId || from.eventId !== to.eventId)
          throw new InvalidInput('fromListingId', 'must be one of your listings in the same event');
      }
      // The asker takes part in the event: an approved participant of one of its sessions.
      const taking = await manager
        .createQueryBuilder(ParticipationEntity, 'p')
        .innerJoin('match_session', 's', 's.id = p.sessionId')
        .where('p.organisationId = :org AND p.status = :approved AND s.eventId = :event', {
          org: principal.organisationId,
          approved: 'approved',
          event: to.eventId,
        })
        .getExists();
      if (!taking) throw new Forbidden('Only approved participants of this event can ask for meetings');
      // A pending request past its deadline is expired, whether or not the sweep has run yet.
      const pair = { sessionId: to.sessionId, fromOrganisationId: principal.organisationId, toOrganisationId: to.organisationId };
      const live = await manager.findOne(MeetingRequestEntity, {
        where: [
          { ...pair, status: 'accepted' },
          { ...pair, status: 'pending', respondBy: MoreThanOrEqual(new Date()) },
        ],
      });
      if (live)
        throw new Conflict('already_requested', `You have already asked this organisation for a meeting in this session (${live.status})`, [
          { field: 'toListingId', messages: [`request ${live.id} is ${live.status}`] },
        ]);
      const event = await manager.findOneByOrFail(EventEntity, { id: to.eventId });
      const request = await manager.save(
        manager.create(MeetingRequestEntity, {
          eventId: to.eventId,
          sessionId: to.sessionId,
          fromOrganisationId: principal.organisationId,
          toOrganisationId: to.organisationId,
          fromListingId: dto.fromListingId ?? null,
          toListingId: to.id,
          topic: dto.topic,
          status: 'pending',
          respondBy: new Date(Date.now() + event.meetingAnswerHours * HOUR),
          createdByUserId: principal.userId,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting_request.created',
        entityType: 'meeting_request',
        entityId: request.id,
        data: { toListingId: to.id, toOrganisationId: to.organisationId },
      });
      await this.notifications.notify(tx, {
        kind: 'meeting.requested',
        eventId: to.eventId,
        to: { organisationIds: [to.organisationId] },
        params: { organisation: await this.organisationName(manager, principal.organisationId), title: request.topic },
        link: '/my/requests',
        // Settled once it is answered, cancelled or expired.
        dedupeKey: requestedKey(request.id),
      });
      return (await this.views(manager, [request]))[0];
    });
  }

  /** The asked organisation answers before the deadline; repeating the same answer is harmless. */
  async answer(principal: Principal, id: string, dto: MeetingRequestAnswerDto): Promise<MeetingRequest> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const request = await this.lockVisible(manager, principal, id);
      if (request.toOrganisationId !== principal.organisationId) throw new Forbidden('Only the organisation asked answers a meeting request');
      const wanted = dto.accept ? 'accepted' : 'declined';
      if (request.status === wanted) return (await this.views(manager, [request]))[0];
      // Past its deadline it is expired; the sweep writes (and audits) that.
      if (request.status === 'pending' && request.respondBy.getTime() < Date.now()) request.status = 'expired';
      if (request.status !== 'pending')
        throw new Conflict(request.status === 'expired' ? 'request_expired' : 'already_answered', `This meeting request is ${request.status}`);
      request.status = wanted;
      request.reason = dto.reason ?? null;
      request.answeredAt = new Date();
      request.answeredByUserId = principal.userId;
      await manager.save(request);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: `meeting_request.${wanted}`,
        entityType: 'meeting_request',
        entityId: id,
        data: { reason: request.reason },
      });
      await this.notifications.settle(tx, [requestedKey(id)]);
      await this.notifications.notify(tx, {
        kind: 'meeting.answered',
        eventId: request.eventId,
        to: { organisationIds: [request.fromOrganisationId] },
        params: { organisation: await this.organisationName(manager, request.toOrganisationId), title: request.topic, decision: wanted },
        link: '/my/requests',
      });
      // An accepted request is a meeting, made in the same transaction: never one without the other.
      if (wanted === 'accepted') await this.meetings.createFromRequest(manager, request, principal.userId);
      return (await this.views(manager, [request]))[0];
    });
  }

  /** The asker withdraws a request not yet answered. */
  async cancel(principal: Principal, id: string): Promise<MeetingRequest> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const request = await this.lockVisible(manager, principal, id);
      if (request.fromOrganisationId !== principal.organisationId) throw new Forbidden('Only the asking organisation cancels a meeting request');
      if (request.status === 'cancelled') return (await this.views(manager, [request]))[0];
      if (request.status !== 'pending') throw new Conflict('already_answered', `This meeting request is ${request.status}`);
      request.status = 'cancelled';
      await manager.save(request);
      await this.audit.record(manager, { actorUserId: principal.userId, action: 'meeting_request.cancelled', entityType: 'meeting_request', entityId: id });
      await this.notifications.settle(tx, [requestedKey(id)]);
      return (await this.views(manager, [request]))[0];
    });
  }

  /** Requests my organisation sent or received, newest first. */
  async mine(principal: Principal): Promise<MeetingRequest[]> {
    const rows = await this.dataSource.getRepository(MeetingRequestEntity).find({
      where: [{ fromOrganisationId: principal.organisationId }, { toOrganisationId: principal.organisationId }],
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return this.views(this.dataSource.manager, rows);
  }

  /**
   * Pending requests past their deadline become expired, each audited with the system as
   * actor. Run by the job EXPIRE_REQUESTS, never by a read: reads show them expired without
   * writing. Safe to run twice or at once in two processes: a row expires once.
   */
  async expireOverdue(): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const [rows]: [{ id: string; respondBy: Date }[], number] = await manager.query(
        `UPDATE meeting_request SET status = 'expired' WHERE status = 'pending' AND "respondBy" < now() RETURNING id, "respondBy"`,
      );
      await this.audit.recordMany(
        manager,
        rows.map((r) => ({
          actorUserId: null,
          action: 'meeting_request.expired',
          entityType: 'meeting_request',
          entityId: r.id,
          data: { respondBy: new Date(r.respondBy).toISOString() },
        })),
      );
      await this.notifications.settle(
        tx,
        rows.map((r) => requestedKey(r.id)),
      );
      return rows.map((r) => r.id);
    });
  }

  private async organisationName(manager: EntityManager, id: string): Promise<string> {
    return (await manager.findOneBy(OrganisationEntity, { id }))?.name ?? '';
  }

  private async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<MeetingRequestEntity> {
    const request = await manager.findOne(MeetingRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const visible =
      request && (isOrganiser(principal) || request.fromOrganisationId === principal.organisationId || request.toOrganisationId === principal.organisationId);
    if (!request || !visible) throw new NotFound('Meeting request');
    return request;
  }

  private async views(manager: EntityManager, rows: MeetingRequestEntity[]): Promise<MeetingRequest[]> {
    if (rows.length === 0) return [];
    const ids = rows.flatMap((r) => (r.fromListingId ? [r.fromListingId, r.toListingId] : [r.toListingId]));
    const listings = await manager.find(ListingEntity, { where: { id: In(ids) }, relations: { organisation: true } });
    const byId = new Map<string, ListingPublic>(listings.map((l) => [l.id, toPublicListing(l)]));
    const orgIds = [...new Set(rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]))];
    const names = new Map(
      (await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE id = ANY($1)`, [orgIds])).map((o) => [o.id, o.name]),
    );
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      sessionId: r.sessionId,
      // Past its deadline a pending request is expired even before the sweep writes it.
      status: r.status === 'pending' && r.respondBy.getTime() < now ? 'expired' : r.status,
      from: {
        organisationId: r.fromOrganisationId,
        organisationName: names.get(r.fromOrganisationId) ?? '',
        listing: r.fromListingId ? (byId.get(r.fromListingId) ?? null) : null,
      },
      to: { organisationId: r.toOrganisationId, organisationName: names.get(r.toOrganisationId) ?? '', listing: byId.get(r.toListingId)! },
      topic: r.topic,
      reason: r.reason,
      respondBy: r.respondBy.toISOString(),
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** The asked organisation's notice to answer a meeting request. */
function requestedKey(requestId: string): string {
  return `meeting-request:${requestId}:requested`;
}
