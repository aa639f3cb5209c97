import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SIGNING_GRANT_MINUTES, type LoginResult, type Me, type Organisation, type SigningGrant, type User } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, InvalidInput, NotFound, TooManyRequests, Unauthorized } from '../common/errors';
import { OrganisationsService } from '../organisations/organisations.service';
import { toOrganisation } from '../organisations/organisations.mapper';
import type { InvitationAcceptDto, LoginDto, SelfRegistrationDto } from '../users/dto/user.dto';
import { UserEntity } from '../users/user.entity';
import { AuthSessionEntity } from './auth-session.entity';
import { toUser } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateCounters } from '../rate-limits/rate-counters';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { deviceToken } from './device-cookie';
import { LoginRateLimiter } from './login-rate-limiter';
import { DUMMY_HASH, verifyPassword } from '../users/passwords';
import type { Principal } from '../access/principal';
import { TokenService, type ClientInfo } from './token.service';

/** A login's answer, the token the controller also puts into the session cookie, and the browser's device cookie. */
export type LoginOutcome = { result: LoginResult; token: string; deviceToken: string };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly counters: RateCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  /** `knownDevice`: the browser holds a device cookie of this account (see LoginRateLimiter). */
  async login(client: ClientInfo, dto: LoginDto, knownDevice: boolean): Promise<LoginOutcome> {
    const { ip } = client;
    await this.limiter.beginLogin(ip, dto.email, knownDevice);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), dto.password);
    const status = user?.organisation?.status;
    if (!user || !ok || !user.active || status === 'rejected' || status === 'suspended') {
      await this.limiter.loginFailed(dto.email);
      await this.record('auth.login_failed', user?.id ?? null, { email: dto.email.slice(0, 254), ip });
      // One message for every case, so the response does not reveal which accounts exist.
      throw new Unauthorized('Wrong email or password, or the account is not active');
    }
    await this.limiter.loginSucceeded(ip, dto.email);
    await this.dataSource.getRepository(UserEntity).update(user.id, { lastLoginAt: new Date() });
    const outcome = await this.loginResult(user.id, client);
    await this.record('auth.login', user.id, { ip });
    return outcome;
  }

  /** Ends this login everywhere: the token stops working and its sockets close. */
  async logout(principal: Principal): Promise<void> {
    const sessionId = principal.sessionId;
    if (!sessionId) return;
    await this.uow.run(async (tx) => {
      await this.tokens.revoke(tx, sessionId);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'auth.logout',
        entityType: 'user',
        entityId: principal.userId,
        data: { sessionId },
      });
    });
  }

  /** Self-registration: the organisation waits for an organiser's approval; its admin can log in meanwhile. */
  async register(ip: string, dto: SelfRegistrationDto): Promise<{ organisation: Organisation; user: User }> {
    // Organiser departments are created by organisers (or the first start), never by a stranger.
    if (dto.organisation.kind === 'organiser') {
      throw new InvalidInput('organisation.kind', 'an organiser department cannot self-register; organisers create it');
    }
    // Registrations per address an hour: slows down flooding the approval queue and probing which emails exist.
    const count = await this.counters.hit(`register:${ip}`, 3600);
    if (count.hits > this.config.registrationsPerHour) {
      throw new TooManyRequests(`Too many registrations from this address; try again in ${Math.ceil(count.secondsLeft / 60)} minutes`, count.secondsLeft);
    }
    return this.uow.run(async ({ manager }) => {
      const organisation = await this.organisations.insert(manager, dto.organisation, 'pending', null, 'organisation.');
      const user = await this.users.insert(
        manager,
        { organisationId: organisation.id, email: dto.admin.email, displayName: dto.admin.displayName, password: dto.admin.password, role: 'org_admin' },
        null,
        'admin.email',
      );
      return { organisation: toOrganisation(organisation), user: toUser(user) };
    });
  }

  /**
   * Step-up before signing: the password again grants a short signing window, so a
   * signer working through a batch at the ceremony does not retype it every time.
   */
  async stepUp(ip: string, principal: Principal, password: string): Promise<SigningGrant> {
    if (!principal.sessionId) throw new Unauthorized('Step-up needs a login session');
    await this.limiter.beginStepUp(principal.sessionId);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: principal.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.record('auth.step_up_failed', user.id, { ip, sessionId: principal.sessionId });
      throw new DomainError(401, 'wrong_password', 'Wrong password');
    }
    await this.limiter.stepUpSucceeded(principal.sessionId);
    const grantedUntil = new Date(Date.now() + SIGNING_GRANT_MINUTES * 60_000);
    // The grant belongs to this login only: another session of the same user must confirm again.
    return this.uow.run(async ({ manager }) => {
      await manager.getRepository(AuthSessionEntity).update(principal.sessionId!, { signingGrantUntil: grantedUntil });
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'auth.step_up',
        entityType: 'user',
        entityId: user.id,
        data: { sessionId: principal.sessionId, grantedUntil: grantedUntil.toISOString() },
      });
      return { grantedUntil: grantedUntil.toISOString() };
    });
  }

  /** An organiser lets logins to a protected account through from any browser again (audited). */
  async unlockLogin(principal: Principal, userId: string): Promise<{ wasProtected: boolean }> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user) throw new NotFound('User');
    const wasProtected = await this.limiter.isProtected(user.email);
    await this.limiter.unlock(user.email);
    return this.uow.run(async ({ manager }) => {
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'auth.login_unlocked',
        entityType: 'user',
        entityId: user.id,
        data: { wasProtected },
      });
      return { wasProtected };
    });
  }

  async acceptInvitation(client: ClientInfo, token: string, dto: InvitationAcceptDto): Promise<LoginOutcome> {
    const user = await this.users.acceptInvitation(token, dto);
    return this.loginResult(user.id, client);
  }

  async me(principal: Principal): Promise<Me> {
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: principal.userId }, relations: { organisation: true } });
    const o = user.organisation!;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisation: { id: o.id, name: o.name, kind: o.kind, status: o.status },
    };
  }

  private async loginResult(userId: string, client: ClientInfo): Promise<LoginOutcome> {
    const issued = await this.tokens.issue(userId, client);
    const principal = await this.tokens.authenticate(issued.token);
    const user = await this.me(principal);
    return {
      token: issued.token,
      deviceToken: deviceToken(this.config.jwtSecret, user.email),
      result: { accessToken: issued.token, expiresIn: this.tokens.ttlSeconds, user },
    };
  }

  /** An audit record of a login step; the login's answer (its session) is what the request answers. */
  private record(action: string, userId: string | null, data: Record<string, unknown>): Promise<void> {
    return this.uow.run(({ manager }) => this.audit.record(manager, { actorUserId: userId, action, entityType: 'user', entityId: userId ?? 'unknown', data }), {
      answer: false,
    });
  }
}
