import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LISTING_OPEN_STATUSES, type ListingChange, type ListingView, type Page } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditRecord } from '../audit/audit-record.entity';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { assertVersion, Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { EventsService } from '../events/events.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { changedFields, escapeLike } from '../common/changes';
import { assertNoProblems } from '../common/problems';
import { ParticipationService } from '../participation/participation.service';
import { BoardEventsService, type BoardWriter } from '../realtime/board-events.service';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import type { ListingDto, ListingQueryDto, ListingUpdateDto, ListingWithdrawDto } from './dto/listing.dto';
import { ListingEntity } from './listing.entity';
import { listingProblems } from './listing-rules';
import { listingCreatedAudit, newListingRow } from './listing.rows';
import { listingOrganisation, toListingView, toPublicListingView, type ListingOrganisation } from './listings.mapper';
import { listingsWithOrganisation } from './listings.repository';

@Injectable()
export class ListingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly participation: ParticipationService,
    private readonly board: BoardEventsService,
    private readonly uow: UnitOfWork,
  ) {}

  async create(principal: Principal, sessionId: string, dto: ListingDto): Promise<ListingView> {
    return this.uow.run((tx) => this.createIn(tx, principal, sessionId, dto));
  }

  /**
   * Posts a listing inside the caller's unit of work (a survey response's draft listing is posted
   * and linked in one transaction), under the same rules as `create`.
   */
  async createIn(tx: Tx, principal: Principal, sessionId: string, dto: ListingDto): Promise<ListingView> {
    assertNoProblems(listingProblems(dto.type, dto));
    const { manager } = tx;
    const board = this.board.writer(tx);
    const session = await this.events.visibleSession(manager, principal, sessionId);
    if (!LISTING_OPEN_STATUSES.includes(session.status)) {
      throw new Conflict('session_not_open', `Listings cannot be posted while the session is ${session.status}`);
    }
    if (principal.organisationStatus !== 'approved') throw new Forbidden('Your organisation is not approved yet');
    await this.participation.assertMayPost(manager, sessionId, principal.organisationId, dto.type);
    const listing = await manager.save(
      manager.create(
        ListingEntity,
        newListingRow(dto, { sessionId, eventId: session.eventId, organisationId: principal.organisationId, userId: principal.userId }),
      ),
    );
    await this.audit.record(manager, listingCreatedAudit(listing));
    return this.announce(manager, board, principal, listing, 'listing.created');
  }

  async update(principal: Principal, id: string, dto: ListingUpdateDto): Promise<ListingView> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const listing = await this.find(manager, id, true);
      if (listing.organisationId !== principal.organisationId) throw new Forbidden('Only the organisation that posted a listing may edit it');
      if (listing.status === 'withdrawn') throw new Conflict('listing_withdrawn', 'This listing was withdrawn and can no longer be edited');
      assertVersion(listing.version, dto.version, 'The listing');
      const { version: _version, ...patch } = dto;
      assertNoProblems(listingProblems(listing.type, patch, { partial: true, current: listing }));
      const session = await this.events.findSession(manager, listing.sessionId);
      if (!LISTING_OPEN_STATUSES.includes(session.status)) {
        throw new Conflict('session_not_open', `Listings cannot be edited while the session is ${session.status}`);
      }
      const changes = changedFields(listing, patch);
      if (changes.confidential) changes.confidential = { from: '(confidential)', to: '(confidential)' };
      Object.assign(listing, patch);
      listing.version += 1;
      listing.updatedByUserId = principal.userId;
      await manager.save(listing);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'listing.updated',
        entityType: 'listing',
        entityId: id,
        data: { version: listing.version, changes },
      });
      return this.announce(manager, board, principal, listing, 'listing.updated');
    });
  }

  /** Listings are withdrawn, never deleted; organisers may withdraw one too (with a reason). */
  async withdraw(principal: Principal, id: string, dto: ListingWithdrawDto): Promise<ListingView> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const listing = await this.find(manager, id, true);
      const owner = listing.organisationId === principal.organisationId;
      if (!owner && !isOrganiser(principal)) throw new Forbidden('Only the organisation that posted a listing, or an organiser, may withdraw it');
      if (listing.status === 'withdrawn' && listing.version === dto.version + 1) return this.view(manager, principal, listing);
      if (listing.status === 'withdrawn') throw new Conflict('listing_withdrawn', 'This listing is already withdrawn');
      assertVersion(listing.version, dto.version, 'The listing');
      if (!owner && !dto.reason) throw new InvalidInput('reason', 'an organiser must give a reason for withdrawing someone else’s listing');
      listing.status = 'withdrawn';
      listing.version += 1;
      listing.updatedByUserId = principal.userId;
      await manager.save(listing);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'listing.withdrawn',
        entityType: 'listing',
        entityId: id,
        data: { version: listing.version, reason: dto.reason ?? null },
      });
      await board.append(listing.sessionId, { type: 'listing.withdrawn', listingId: listing.id, version: listing.version });
      return this.view(manager, principal, listing);
    });
  }

  async get(principal: Principal, id: string): Promise<ListingView> {
    const listing = await this.find(this.dataSource.manager, id);
    await this.events.visibleSession(this.dataSource.manager, principal, listing.sessionId, { what: 'Listing' });
    return this.view(this.dataSource.manager, principal, listing);
  }

  async list(principal: Principal, sessionId: string, query: ListingQueryDto): Promise<Page<ListingView>> {
    await this.events.visibleSession(this.dataSource.manager, principal, sessionId);
    const qb = this.withOrganisation()
      .where('l.sessionId = :sessionId', { sessionId })
      .andWhere('l.status = :status', { status: query.status ?? 'open' });
    if (query.type) qb.andWhere('l.type = :type', { type: query.type });
    if (query.category) qb.andWhere("l.goods->>'category' = :category", { category: query.category });
    if (query.organisationId) qb.andWhere('l.organisationId = :org', { org: query.organisationId });
    if (query.q) qb.andWhere('(l.title ILIKE :q OR l.description ILIKE :q OR o.name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const { skip, take } = skipTake(query);
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('l.updatedAt', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawAndEntities<ListingOrganisation>();
    return pageOf(
      entities.map((l, i) => toListingView(l, raw[i], this.seesConfidential(principal, l))),
      total,
      query,
    );
  }

  async mine(principal: Principal): Promise<ListingView[]> {
    const { entities, raw } = await this.withOrganisation()
      .where('l.organisationId = :org', { org: principal.organisationId })
      .orderBy('l.updatedAt', 'DESC')
      .getRawAndEntities<ListingOrganisation>();
    return entities.map((l, i) => toListingView(l, raw[i], true));
  }

  async history(principal: Principal, id: string): Promise<ListingChange[]> {
    const listing = await this.find(this.dataSource.manager, id);
    if (!this.seesConfidential(principal, listing)) throw new Forbidden('Only the owner and organisers see a listing’s history');
    const rows = await this.dataSource
      .getRepository(AuditRecord)
      .createQueryBuilder('a')
      .leftJoin('app_user', 'u', 'u.id = a.actorUserId')
      .addSelect('u.displayName', 'actorName')
      .where("a.entityType = 'listing' AND a.entityId = :id", { id })
      .orderBy('a.id', 'ASC')
      .getRawAndEntities<{ actorName: string | null }>();
    return rows.entities.map((a, i) => ({
      id: a.id,
      action: a.action,
      version: typeof a.data?.version === 'number' ? a.data.version : null,
      actorName: rows.raw[i]?.actorName ?? null,
      at: a.at.toISOString(),
      changes: a.data,
    }));
  }

  /**
   * Records a created or changed listing on the board: the public projection for the
   * session room, the confidential part only for the owner and organisers.
   */
  private async announce(
    manager: EntityManager,
    board: BoardWriter,
    principal: Principal,
    listing: ListingEntity,
    type: 'listing.created' | 'listing.updated',
  ): Promise<ListingView> {
    const view = await this.view(manager, principal, listing);
    await board.append(listing.sessionId, { type, listing: toPublicListingView(listing, await this.owner(manager, listing)) });
    board.confidential({
      organisationId: listing.organisationId,
      update: { sessionId: listing.sessionId, listingId: listing.id, version: listing.version, confidential: listing.confidential },
    });
    return view;
  }

  private seesConfidential(principal: Principal, listing: ListingEntity): boolean {
    return isOrganiser(principal) || listing.organisationId === principal.organisationId;
  }

  private withOrganisation() {
    return listingsWithOrganisation(this.dataSource.manager);
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<ListingEntity> {
    const listing = await manager.findOne(ListingEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!listing) throw new NotFound('Listing');
    return listing;
  }

  private async view(manager: EntityManager, principal: Principal, listing: ListingEntity): Promise<ListingView> {
    return toListingView(listing, await this.owner(manager, listing), this.seesConfidential(principal, listing));
  }

  private async owner(manager: EntityManager, listing: ListingEntity): Promise<ListingOrganisation> {
    return listingOrganisation(await manager.findOneOrFail(OrganisationEntity, { where: { id: listing.organisationId } }));
  }
}
