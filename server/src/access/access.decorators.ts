import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@duijie/shared';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'duijie:public';
export const ROLES_KEY = 'duijie:roles';
export const ALLOW_PENDING_KEY = 'duijie:allow-pending';

/** The route needs no login. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A user whose organisation is not approved (pending, rejected, suspended, ...) may call the
 * route; every other route refuses them in the AuthGuard. Keep these few and self-scoped.
 */
export const AllowPending = () => SetMetadata(ALLOW_PENDING_KEY, true);

/** Only these roles may call the route. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Only users of participating organisations, not organisers: registering, posting, signing, answering. */
export const OrganisationMembersOnly = () => Roles('org_admin', 'org_member');

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
