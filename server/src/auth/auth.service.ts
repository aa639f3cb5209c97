import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SIGNING_GRANT_MINUTES, type LoginResult, type Me, type Organisation, type SigningGrant, type User } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { DomainError, Unauthorized } from '../common/errors';
import { OrganisationsService } from '../organisations/organisations.service';
import { toOrganisation } from '../organisations/organisations.mapper';
import type { InvitationAcceptDto, LoginDto, SelfRegistrationDto } from '../users/dto/user.dto';
import { UserEntity } from '../users/user.entity';
import { toUser } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { DUMMY_HASH, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  async login(ip: string, dto: LoginDto): Promise<LoginResult> {
    this.limiter.assertAllowed(ip, dto.email);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!user || !ok || !user.active || user.organisation?.status === 'rejected') {
      this.limiter.recordFailure(ip, dto.email);
      // One message for every case, so the response does not reveal which accounts exist.
      throw new Unauthorized('Wrong email or password, or the account is not active');
    }
    this.limiter.recordSuccess(ip, dto.email);
    await this.dataSource.getRepository(UserEntity).update(user.id, { lastLoginAt: new Date() });
    return this.loginResult(user.id);
  }

  /** Self-registration: the organisation waits for an organiser's approval; its admin can log in meanwhile. */
  async register(dto: SelfRegistrationDto): Promise<{ organisation: Organisation; user: User }> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.insert(manager, dto.organisation, 'pending', null, 'organisation.');
      const user = await this.users.insert(
        manager,
        { organisationId: organisation.id, email: dto.admin.email, displayName: dto.admin.displayName, password: dto.admin.password, role: dto.organisation.kind === 'organiser' ? 'organiser' : 'org_admin' },
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
    const user = await this.dataSource.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: principal.userId }).getOneOrFail();
    this.limiter.assertAllowed(ip, user.email);
    if (!(await verifyPassword(user.passwordHash, password))) {
      this.limiter.recordFailure(ip, user.email);
      throw new DomainError(401, 'wrong_password', 'Wrong password');
    }
    const grantedUntil = new Date(Date.now() + SIGNING_GRANT_MINUTES * 60_000);
    await this.dataSource.getRepository(UserEntity).update(user.id, { signingGrantUntil: grantedUntil });
    return { grantedUntil: grantedUntil.toISOString() };
  }

  async acceptInvitation(token: string, dto: InvitationAcceptDto): Promise<LoginResult> {
    const user = await this.users.acceptInvitation(token, dto);
    return this.loginResult(user.id);
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

  private async loginResult(userId: string): Promise<LoginResult> {
    const accessToken = await this.tokens.issue(userId);
    const principal = await this.tokens.authenticate(accessToken);
    return { accessToken, expiresIn: this.tokens.ttlSeconds, user: await this.me(principal) };
  }
}
