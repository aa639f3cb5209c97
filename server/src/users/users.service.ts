import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationCreated, InvitationInfo, OrganisationKind, OrganiserDepartmentCreated, User, UserRole } from '@duijie/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './passwords';
import { isOrganiser, type Principal } from '../access/principal';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Conflict, DomainError, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { changedFields } from '../common/changes';
import { OrganisationsService } from '../organisations/organisations.service';
import { toOrganisation } from '../organisations/organisations.mapper';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import type { InvitationAcceptDto, InvitationDto, OrganiserDepartmentDto, UserUpdateDto } from './dto/user.dto';
import { InvitationEntity } from './invitation.entity';
import { UserEntity } from './user.entity';
import { toUser } from './users.mapper';

const INVITATION_DAYS = 7;

/** Users of organiser departments are organisers; everyone else is an admin or a member of their organisation. */
export function roleFits(kind: OrganisationKind, role: UserRole): boolean {
  return kind === 'organiser' ? role === 'organiser' : role !== 'organiser';
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  /** Creates a user inside the caller's transaction; a taken email is a 409 naming the field. */
  async insert(
    manager: EntityManager,
    input: { organisationId: string; email: string; displayName: string; password: string; role: UserRole },
    actorUserId: string | null,
    emailField = 'email',
  ): Promise<UserEntity> {
    if (await manager.exists(UserEntity, { where: { email: input.email } })) {
      throw new Conflict('email_taken', `An account with email ${input.email} already exists`, [{ field: emailField, messages: ['already has an account'] }]);
    }
    const user = await manager.save(
      manager.create(UserEntity, {
        organisationId: input.organisationId,
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      }),
    );
    await this.audit.record(manager, {
      actorUserId: actorUserId ?? user.id,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      data: { email: user.email, role: user.role, organisationId: user.organisationId },
    });
    return user;
  }

  async list(principal: Principal, organisationId: string): Promise<User[]> {
    this.organisations.assertCanManage(principal, organisationId);
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    return users.map(toUser);
  }

  async update(principal: Principal, userId: string, dto: UserUpdateDto): Promise<User> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFound('User');
      this.organisations.assertCanManage(principal, user.organisationId);
      const organisation = await this.organisations.find(user.organisationId, manager);
      if (dto.role && !roleFits(organisation.kind, dto.role)) {
        throw new InvalidInput('role', `${dto.role} is not a role for a user of a ${organisation.kind} organisation`);
      }
      const changes = changedFields(user, dto);
      Object.assign(user, dto);
      await this.assertAdminRemains(manager, user);
      await manager.save(user);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        data: changes,
      });
      // Open sockets hold the old role: they close; a still-active user reconnects with the new one.
      if ('role' in changes || 'active' in changes) tx.emit({ type: 'access.revoked', userId });
      return toUser(user);
    });
  }

  async invite(principal: Principal, organisationId: string, dto: InvitationDto): Promise<InvitationCreated> {
    this.organisations.assertCanManage(principal, organisationId);
    if (!isOrganiser(principal) && dto.role === 'organiser') throw new Forbidden('Only organisers may invite organisers');
    return this.uow.run(async ({ manager }) => {
      const organisation = await this.organisations.find(organisationId, manager);
      if (!roleFits(organisation.kind, dto.role)) {
        throw new InvalidInput('role', `${dto.role} is not a role for a user of a ${organisation.kind} organisation`);
      }
      return this.createInvitation(manager, principal, organisationId, dto.email, dto.role);
    });
  }

  /**
   * An organiser sets up another organiser department: approved at once, with an invitation
   * for its first organiser user (who chooses their own password).
   */
  async createOrganiserDepartment(principal: Principal, dto: OrganiserDepartmentDto): Promise<OrganiserDepartmentCreated> {
    if (!isOrganiser(principal)) throw new Forbidden('Only organisers may create an organiser department');
    if (dto.organisation.kind !== 'organiser') throw new InvalidInput('organisation.kind', 'must be organiser');
    return this.uow.run(async ({ manager }) => {
      const organisation = await this.organisations.insert(manager, dto.organisation, 'approved', principal.userId, 'organisation.');
      const invitation = await this.createInvitation(manager, principal, organisation.id, dto.admin.email, 'organiser', 'admin.email');
      return { organisation: toOrganisation(organisation), invitation };
    });
  }

  private async createInvitation(
    manager: EntityManager,
    principal: Principal,
    organisationId: string,
    email: string,
    role: UserRole,
    emailField = 'email',
  ): Promise<InvitationCreated> {
    if (await manager.exists(UserEntity, { where: { email } })) {
      throw new Conflict('email_taken', `An account with email ${email} already exists`, [{ field: emailField, messages: ['already has an account'] }]);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const invitation = await manager.save(
      manager.create(InvitationEntity, { tokenHash: tokenHash(token), organisationId, email, role, expiresAt, createdByUserId: principal.userId }),
    );
    await this.audit.record(manager, {
      actorUserId: principal.userId,
      action: 'invitation.created',
      entityType: 'organisation',
      entityId: organisationId,
      data: { invitationId: invitation.id, email, role },
    });
    return { token, url: `${this.config.publicUrl}/invite/${token}`, email, role, expiresAt: expiresAt.toISOString() };
  }

  async invitationInfo(token: string): Promise<InvitationInfo> {
    const invitation = await this.usableInvitation(this.dataSource.manager, token);
    const organisation = await this.organisations.find(invitation.organisationId);
    return { email: invitation.email, role: invitation.role, organisationName: organisation.name, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** One-time: the invitation row is locked, so two clicks on the link create one account. */
  async acceptInvitation(token: string, dto: InvitationAcceptDto): Promise<UserEntity> {
    // A step of the acceptance: its answer is the login session that follows.
    return this.uow.run(
      async ({ manager }) => {
        const invitation = await this.usableInvitation(manager, token, true);
        const user = await this.insert(
          manager,
          { organisationId: invitation.organisationId, email: invitation.email, displayName: dto.displayName, password: dto.password, role: invitation.role },
          null,
        );
        invitation.acceptedAt = new Date();
        await manager.save(invitation);
        return user;
      },
      { answer: false },
    );
  }

  private async usableInvitation(manager: EntityManager, token: string, lock = false): Promise<InvitationEntity> {
    const invitation = await manager.findOne(InvitationEntity, {
      where: { tokenHash: tokenHash(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation) throw new NotFound('Invitation');
    if (invitation.acceptedAt) throw new DomainError(410, 'invitation_used', 'This invitation link has already been used');
    if (invitation.expiresAt.getTime() < Date.now()) throw new DomainError(410, 'invitation_expired', 'This invitation link has expired; ask for a new one');
    return invitation;
  }

  /** An organisation must keep at least one active admin, or nobody can manage its users. */
  private async assertAdminRemains(manager: EntityManager, changed: UserEntity): Promise<void> {
    if (changed.role === 'organiser') return;
    const admins = await manager.find(UserEntity, { where: { organisationId: changed.organisationId, role: 'org_admin', active: true } });
    const remaining = admins.filter((u) => u.id !== changed.id).length + (changed.role === 'org_admin' && changed.active ? 1 : 0);
    if (remaining === 0) throw new Conflict('last_admin', 'The organisation needs at least one active admin');
  }
}
