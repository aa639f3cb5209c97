import type { OrganisationStatus, UserRole } from '@duijie/shared';

/** The authenticated user behind a request or a socket. */
export type Principal = {
  userId: string;
  organisationId: string;
  organisationStatus: OrganisationStatus;
  role: UserRole;
  displayName: string;
};

export function isOrganiser(principal: Principal): boolean {
  return principal.role === 'organiser';
}
