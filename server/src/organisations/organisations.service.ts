import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Organisation, OrganisationInput, OrganisationStatus, Page } from '@duijie/shared';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, NotFound } from '../common/errors';
import { changedFields, escapeLike } from '../common/changes';
import { pageOf, skipTake } from '../common/pagination';
import type { OrganisationDto, OrganisationExportQuery, OrganisationQuery, OrganisationUpdateDto } from './dto/organisation.dto';
import { pages } from '../common/xlsx';
import { OrganisationEntity } from './organisation.entity';
import { newOrganisationRow, organisationCreatedAudit } from './organisation.rows';
import { toOrganisation } from './organisations.mapper';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Inserts an organisation inside the caller's transaction; a taken credit code is a 409 naming the field. */
  async insert(
    manager: EntityManager,
    input: OrganisationInput,
    status: OrganisationStatus,
    actorUserId: string | null,
    fieldPrefix = '',
  ): Promise<OrganisationEntity> {
    const taken = await manager.findOne(OrganisationEntity, { where: { creditCode: input.creditCode } });
    if (taken) {
      throw new Conflict('credit_code_taken', `An organisation with credit code ${input.creditCode} is already registered`, [
        { field: `${fieldPrefix}creditCode`, messages: ['already registered'] },
      ]);
    }
    const organisation = await manager.save(manager.create(OrganisationEntity, newOrganisationRow(input, status)));
    await this.audit.record(manager, organisationCreatedAudit(organisation, actorUserId));
    return organisation;
  }

  /** Organisers create organisations directly; they need no approval. */
  async create(principal: Principal, dto: OrganisationDto): Promise<Organisation> {
    return this.uow.run(async ({ manager }) => toOrganisation(await this.insert(manager, dto, 'approved', principal.userId)));
  }

  async list(principal: Principal, query: OrganisationQuery): Promise<Page<Organisation>> {
    const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (isOrganiser(principal)) {
      if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    } else {
      qb.andWhere(new Brackets((w) => w.where("o.status = 'approved'").orWhere('o.id = :own', { own: principal.organisationId })));
    }
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.creditCode ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    // Pending first: that is what an organiser has to act on.
    qb.orderBy("CASE o.status WHEN 'pending' THEN 0 ELSE 1 END", 'ASC').addOrderBy('o.createdAt', 'DESC');
    const { skip, take } = skipTake(query);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    return pageOf(rows.map(toOrganisation), total, query);
  }

  /** Every organisation for the organisers' export, filtered and ordered like the list: how many, then page by page. */
  async exportPages(query: OrganisationExportQuery): Promise<{ count: number; pages: AsyncIterable<Organisation[]> }> {
    const filtered = () => {
      const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
      if (query.status) qb.andWhere('o.status = :status', { status: query.status });
      if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
      if (query.q) qb.andWhere('(o.name ILIKE :q OR o.creditCode ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
      return qb;
    };
    const count = await filtered().getCount();
    const read = pages(async (offset, limit) =>
      (
        await filtered()
          .orderBy("CASE o.status WHEN 'pending' THEN 0 ELSE 1 END", 'ASC')
          .addOrderBy('o.createdAt', 'DESC')
          .addOrderBy('o.id', 'ASC')
          .skip(offset)
          .take(limit)
          .getMany()
      ).map(toOrganisation),
    );
    return { count, pages: read };
  }

  async get(principal: Principal, id: string): Promise<Organisation> {
    const organisation = await this.find(id);
    const own = principal.organisationId === id;
    // Not approved: nothing but its own registration.
    if (!isOrganiser(principal) && !own && (organisation.status !== 'approved' || principal.organisationStatus !== 'approved')) {
      throw new NotFound('Organisation');
    }
    return toOrganisation(organisation);
  }

  async update(principal: Principal, id: string, dto: OrganisationUpdateDto): Promise<Organisation> {
    this.assertCanManage(principal, id);
    return this.uow.run(async ({ manager }) => {
      const organisation = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new NotFound('Organisation');
      const changes = changedFields(organisation, dto);
      Object.assign(organisation, dto);
      await manager.save(organisation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        data: changes,
      });
      return toOrganisation(organisation);
    });
  }

  approve(principal: Principal, id: string): Promise<Organisation> {
    return this.decide(principal, id, 'approved', null);
  }

  reject(principal: Principal, id: string, reason: string): Promise<Organisation> {
    return this.decide(principal, id, 'rejected', reason);
  }

  /**
   * Takes an organisation's rights away at once: its users get 401 and its sockets close.
   * An organiser department can be suspended too (a self-made one, say), but not the
   * caller's own, nor the last active one: someone must remain to run the platform.
   */
  async suspend(principal: Principal, id: string, reason: string): Promise<Organisation> {
    if (id === principal.organisationId) throw new Conflict('invalid_state', 'You cannot suspend your own organisation');
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      // One lock for every suspension, so two organisers cannot suspend the last two departments at once.
      await manager.query('SELECT pg_advisory_xact_lock(73201003)');
      const organisation = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new NotFound('Organisation');
      if (organisation.status === 'suspended') return toOrganisation(organisation);
      if (organisation.kind === 'organiser' && organisation.status === 'approved') {
        const active = await manager.count(OrganisationEntity, { where: { kind: 'organiser', status: 'approved' } });
        if (active <= 1) throw new Conflict('last_organiser', 'The last active organiser department cannot be suspended');
      }
      const previous = organisation.status;
      organisation.status = 'suspended';
      organisation.rejectReason = reason;
      await manager.save(organisation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'organisation.suspended',
        entityType: 'organisation',
        entityId: id,
        data: { reason, previous },
      });
      // Its users' open sockets close, in every process.
      tx.emit({ type: 'access.revoked', organisationId: id });
      return toOrganisation(organisation);
    });
  }

  /** Gives a suspended organisation its rights back (approved, as it must have been vetted). */
  async reinstate(principal: Principal, id: string): Promise<Organisation> {
    return this.uow.run(async ({ manager }) => {
      const organisation = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new NotFound('Organisation');
      if (organisation.status === 'approved') return toOrganisation(organisation);
      if (organisation.status !== 'suspended') throw new Conflict('invalid_state', 'Only a suspended organisation can be reinstated');
      organisation.status = 'approved';
      organisation.rejectReason = null;
      await manager.save(organisation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'organisation.reinstated',
        entityType: 'organisation',
        entityId: id,
      });
      return toOrganisation(organisation);
    });
  }

  /** Organisers manage every organisation; an organisation admin manages their own. */
  assertCanManage(principal: Principal, organisationId: string): void {
    if (isOrganiser(principal)) return;
    if (principal.role === 'org_admin' && principal.organisationId === organisationId) return;
    throw new Forbidden('Only an organiser or this organisation’s admin may do this');
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationEntity> {
    const organisation = await manager.findOne(OrganisationEntity, { where: { id } });
    if (!organisation) throw new NotFound('Organisation');
    return organisation;
  }

  /** Approving twice is a no-op (a retried click); a decision can be changed, and is audited. */
  private async decide(principal: Principal, id: string, status: OrganisationStatus, reason: string | null): Promise<Organisation> {
    return this.uow.run(async ({ manager }) => {
      const organisation = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new NotFound('Organisation');
      if (organisation.kind === 'organiser' && status === 'rejected') throw new Conflict('invalid_state', 'An organiser department cannot be rejected');
      if (organisation.status === status && organisation.rejectReason === reason) return toOrganisation(organisation);
      organisation.status = status;
      organisation.rejectReason = reason;
      await manager.save(organisation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: status === 'approved' ? 'organisation.approved' : 'organisation.rejected',
        entityType: 'organisation',
        entityId: id,
        data: reason ? { reason } : null,
      });
      return toOrganisation(organisation);
    });
  }
}
