import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@duijie/shared';
import type { Request } from 'express';
import { Forbidden, NotApproved, Unauthorized } from '../common/errors';
import { ALLOW_PENDING_KEY, PUBLIC_KEY, ROLES_KEY } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertCsrf, readCookies, SESSION_COOKIE } from './session-cookies';
import { TokenService } from './token.service';

/**
 * Global guard: every route needs a login unless marked @Public(): a bearer token (API
 * clients), or the browser's session cookie, whose writes also need the CSRF header; and an
 * approved organisation unless marked @AllowPending().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    let token = match?.[1];
    if (!token) {
      const cookies = readCookies(req.headers.cookie);
      token = cookies[SESSION_COOKIE];
      if (!token) throw new Unauthorized('Please log in (missing bearer token or session cookie)');
      assertCsrf(req, cookies);
    }
    const principal = await this.tokens.authenticate(token);
    req.principal = principal;
    // Any status but approved (pending, suspended, ...) gets only the routes marked for it.
    if (principal.organisationStatus !== 'approved' && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_KEY, targets)) {
      throw new NotApproved();
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) throw new Forbidden(`Only ${roles.join(' or ')} users may do this`);
    return true;
  }
}
