import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REGISTRATION_OPEN_STATUSES, type ListingType, type Participation, type ParticipationStatus } from '@duijie/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { assertNoProblems } from '../common/problems';
import { SessionEntity } from '../events/session.entity';
import type { EventEntity } from '../events/event.entity';
import { pages } from '../common/xlsx';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { BoardEventsService } from '../realtime/board-events.service';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { BoardPublisher } from '../realtime/board-publisher';
import type { ParticipationDto, ParticipationQuery, SessionInvitationDto } from './dto/participation.dto';
import { ParticipationEntity } from './participation.entity';
import { toParticipation } from './participation.mapper';
import { roleMayPost, roleProblems } from './participation-rules';
import { newParticipationRow, participationDecidedAudit, participationDecision } from './participation.rows';

@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
    private readonly board: BoardEventsService,
    private readonly uow: UnitOfWork,
    private readonly publisher: BoardPublisher,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The caller's organisation registers in a role. Registering again is a no-op; an
   * invited organisation is approved at once (it was selected by the organiser).
   */
  async register(principal: Principal, sessionId: string, dto: ParticipationDto): Promise<Participation> {
    if (isOrganiser(principal)) throw new Forbidden('Organisers run sessions; they do not register for them');
    if (principal.organisationStatus !== 'approved') throw new Forbidden('Your organisation must be approved by an organiser before it can register');
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const session = await this.events.visibleSession(manager, principal, sessionId);
      if (!REGISTRATION_OPEN_STATUSES.includes(session.status)) {
        throw new Conflict('registration_closed', `Registration is closed: the session is ${session.status}`);
      }
      const organisation = await this.organisations.find(principal.organisationId, manager);
      assertNoProblems(roleProblems(session.kind, organisation.kind, dto.role));
      const existing = await manager.findOne(ParticipationEntity, {
        where: { sessionId, organisationId: organisation.id, role: dto.role },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing?.status === 'pending' || existing?.status === 'approved') return this.view(manager, existing);
      if (existing?.status === 'rejected') {
        throw new Conflict('registration_rejected', `Your registration was rejected: ${existing.reason ?? ''}`.trim());
      }
      if (!existing && session.registrationMode === 'invitation') {
        throw new Forbidden('This session is by invitation only; ask the organiser for an invitation');
      }
      const participation =
        existing ??
        manager.create(ParticipationEntity, newParticipationRow({ sessionId, organisationId: organisation.id, role: dto.role }, { status: 'pending' }));
      const accepted = existing?.status === 'invited';
      participation.status = accepted ? 'approved' : 'pending';
      participation.reason = null;
      await manager.save(participation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: accepted ? 'participation.invitation_accepted' : 'participation.registered',
        entityType: 'participation',
        entityId: participation.id,
        data: { sessionId, organisationId: organisation.id, role: dto.role },
      });
      const view = await this.view(manager, participation);
      if (accepted) await board.append(sessionId, { type: 'participant.changed', participation: view });
      else {
        await this.notifications.notify(tx, {
          kind: 'participation.applied',
          eventId: session.eventId,
          to: { organisers: true },
          params: { organisation: organisation.name, title: session.title },
          link: `/events/${session.eventId}`,
          // Settled for every organiser once one of them decides.
          dedupeKey: appliedKey(participation.id),
        });
      }
      return view;
    });
  }

  /** Organisers select organisations for invitation-only sessions (e.g. the 40 chain enterprises). */
  async invite(principal: Principal, sessionId: string, dto: SessionInvitationDto): Promise<Participation> {
    return this.uow.run(async ({ manager }) => {
      const session = await this.events.findSession(manager, sessionId);
      if (session.status === 'closed' || session.status === 'follow_up') {
        throw new Conflict('registration_closed', `The session is ${session.status}`);
      }
      const organisation = await this.organisations.find(dto.organisationId, manager);
      if (organisation.status !== 'approved') throw new InvalidInput('organisationId', 'the organisation is not approved yet');
      assertNoProblems(roleProblems(session.kind, organisation.kind, dto.role));
      const existing = await manager.findOne(ParticipationEntity, { where: { sessionId, organisationId: organisation.id, role: dto.role } });
      if (existing && existing.status !== 'withdrawn' && existing.status !== 'rejected') return this.view(manager, existing);
      const participation =
        existing ??
        manager.create(ParticipationEntity, newParticipationRow({ sessionId, organisationId: organisation.id, role: dto.role }, { status: 'invited' }));
      participation.status = 'invited';
      participation.reason = null;
      await manager.save(participation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'participation.invited',
        entityType: 'participation',
        entityId: participation.id,
        data: { sessionId, organisationId: organisation.id, role: dto.role },
      });
      return this.view(manager, participation);
    });
  }

  approve(principal: Principal, id: string): Promise<Participation> {
    return this.decide(principal, id, 'approved', null);
  }

  reject(principal: Principal, id: string, reason: string): Promise<Participation> {
    return this.decide(principal, id, 'rejected', reason);
  }

  /** Organisers see everyone; others see approved participants and their own rows. */
  async list(principal: Principal, sessionId: string, query: ParticipationQuery): Promise<Participation[]> {
    await this.events.visibleSession(this.dataSource.manager, principal, sessionId);
    const qb = this.dataSource.getRepository(ParticipationEntity).createQueryBuilder('p').where('p.sessionId = :sessionId', { sessionId });
    if (!isOrganiser(principal)) qb.andWhere("(p.status = 'approved' OR p.organisationId = :own)", { own: principal.organisationId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const rows = await qb.orderBy('p.createdAt', 'ASC').getMany();
    return this.views(this.dataSource.manager, rows);
  }

  /**
   * The session's registrations for the organisers' export, filtered like the list and in its
   * order: how many, the event (its name and time zone), then the rows page by page.
   */
  async exportPages(
    sessionId: string,
    query: ParticipationQuery,
  ): Promise<{ session: SessionEntity; event: EventEntity; count: number; pages: AsyncIterable<Participation[]> }> {
    const manager = this.dataSource.manager;
    const session = await this.events.findSession(manager, sessionId);
    const event = await this.events.findEvent(manager, session.eventId);
    const filtered = () => {
      const qb = manager.getRepository(ParticipationEntity).createQueryBuilder('p').where('p.sessionId = :sessionId', { sessionId });
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
      return qb;
    };
    const count = await filtered().getCount();
    const read = pages(async (offset, limit) =>
      this.views(manager, await filtered().orderBy('p.createdAt', 'ASC').addOrderBy('p.id', 'ASC').skip(offset).take(limit).getMany()),
    );
    return { session, event, count, pages: read };
  }

  async mine(principal: Principal): Promise<Participation[]> {
    const rows = await this.dataSource
      .getRepository(ParticipationEntity)
      .find({ where: { organisationId: principal.organisationId }, order: { createdAt: 'DESC' } });
    return this.views(this.dataSource.manager, rows);
  }

  /** Only an approved participant whose role allows the listing type may post it. */
  async assertMayPost(manager: EntityManager, sessionId: string, organisationId: string, type: ListingType): Promise<void> {
    const approved = await manager.find(ParticipationEntity, { where: { sessionId, organisationId, status: 'approved' } });
    if (approved.length === 0) throw new Forbidden('Only approved participants of this session may post listings');
    if (!approved.some((p) => roleMayPost(p.role, type))) {
      const roles = approved.map((p) => p.role).join(', ');
      throw new Forbidden(`As ${roles} in this session your organisation cannot post a ${type} listing`);
    }
  }

  private async decide(principal: Principal, id: string, status: ParticipationStatus, reason: string | null): Promise<Participation> {
    const decided = await this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const participation = await manager.findOne(ParticipationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!participation) throw new NotFound('Participation');
      if (participation.status === status && participation.reason === reason) return this.view(manager, participation);
      if (participation.status === 'withdrawn') throw new Conflict('invalid_state', 'The organisation withdrew this registration');
      // Re-approving after a rejection is allowed (organisers correct mistakes); it is audited.
      const wasApproved = participation.status === 'approved';
      Object.assign(participation, participationDecision(status, reason, { userId: principal.userId, at: new Date() }));
      await manager.save(participation);
      await this.audit.record(manager, participationDecidedAudit(participation));
      await this.notifications.settle(tx, [appliedKey(participation.id)]);
      const view = await this.view(manager, participation);
      const session = await manager.findOneByOrFail(SessionEntity, { id: participation.sessionId });
      await this.notifications.notify(tx, {
        kind: 'participation.decided',
        eventId: session.eventId,
        to: { organisationIds: [participation.organisationId] },
        params: { title: session.title, decision: status, ...(reason ? { reason } : {}) },
        link: `/events/${session.eventId}`,
      });
      // Only a change in who is approved changes a board.
      // The board event goes out without the reason (board-events.service strips it).
      if (wasApproved || status === 'approved') await board.append(participation.sessionId, { type: 'participant.changed', participation: view });
      return view;
    });
    // The reason goes to the organisation itself and the organisers only.
    this.publisher.publishParticipation(decided);
    return decided;
  }

  private async view(manager: EntityManager, p: ParticipationEntity): Promise<Participation> {
    return (await this.views(manager, [p]))[0];
  }

  private async views(manager: EntityManager, rows: ParticipationEntity[]): Promise<Participation[]> {
    const ids = [...new Set(rows.map((p) => p.organisationId))];
    const organisations = ids.length ? await manager.find(OrganisationEntity, { where: { id: In(ids) } }) : [];
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return rows.map((p) => toParticipation(p, byId.get(p.organisationId)));
  }
}

/** The organisers' notice asking them to decide on a registration. */
function appliedKey(participationId: string): string {
  return `participation:${participationId}:applied`;
}
