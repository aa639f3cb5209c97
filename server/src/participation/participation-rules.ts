import {
  LISTING_TYPES_BY_ROLE,
  ROLES_BY_SESSION_KIND,
  organisationKindsFor,
  type ListingType,
  type OrganisationKind,
  type ParticipantRole,
  type SessionKind,
} from '@duijie/shared';
import type { RuleProblem } from '../common/problems';

// Pure rules of who takes part in a session in which role, shared by ParticipationService
// (register, invite, posting) and the bulk import, which places organisations in sessions too.

/** Whether a session of this kind has the role at all. */
export function roleFitsSession(sessionKind: SessionKind, role: ParticipantRole): boolean {
  return ROLES_BY_SESSION_KIND[sessionKind].includes(role);
}

/**
 * Whether an organisation of this kind may take the role in a session of this kind: the same
 * role admits traders in some sessions and not in others (shared organisationKindsFor).
 */
export function roleFitsOrganisation(sessionKind: SessionKind, organisationKind: OrganisationKind, role: ParticipantRole): boolean {
  return organisationKindsFor(sessionKind, role).includes(organisationKind);
}

/** Whether a participant in this role may post a listing of this type. */
export function roleMayPost(role: ParticipantRole, type: ListingType): boolean {
  return LISTING_TYPES_BY_ROLE[role].includes(type);
}

/** The roles of a session of this kind in which a listing of this type can be posted. */
export function postingRoles(sessionKind: SessionKind, type: ListingType): ParticipantRole[] {
  return ROLES_BY_SESSION_KIND[sessionKind].filter((role) => roleMayPost(role, type));
}

/**
 * Why an organisation cannot take a role in a session (none when it can), on the field `role`.
 * A role the session lacks is the one problem named: which kinds may take it depends on the session.
 */
export function roleProblems(sessionKind: SessionKind, organisationKind: OrganisationKind, role: ParticipantRole): RuleProblem[] {
  if (!roleFitsSession(sessionKind, role)) {
    return [{ field: 'role', message: `a ${sessionKind} session has the roles ${ROLES_BY_SESSION_KIND[sessionKind].join(', ')}` }];
  }
  if (!roleFitsOrganisation(sessionKind, organisationKind, role)) {
    const kinds = organisationKindsFor(sessionKind, role).join(', ');
    return [{ field: 'role', message: `a ${organisationKind} organisation cannot take the role ${role} in a ${sessionKind} session (open to ${kinds})` }];
  }
  return [];
}
