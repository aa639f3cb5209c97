import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@duijie/shared';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'duijie:public';
export const ROLES_KEY = 'duijie:roles';

/** The route needs no login. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
