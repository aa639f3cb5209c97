import type { OrganisationStatus, UserRole } from '@duijie/shared';

/** The authenticated user behind a request or a socket. */
export type Principal = {
  userId: string;
  organisationId: string;
  organisationStatus: OrganisationStatus;
  role: UserRole;
  displayName: string;
  /** The login session behind the token (absent for principals built in code, e.g. the demo loader). */
  sessionId?: string;
  sessionExpiresAt?: Date;
  /** Step-up signing window of this login session. */
  signingGrantUntil?: Date | null;
};

export function isOrganiser(principal: Principal): boolean {
  return principal.role === 'organiser';
}
