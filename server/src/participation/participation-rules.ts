import {
  LISTING_TYPES_BY_ROLE,
  ORGANISATION_KINDS_BY_ROLE,
  ROLES_BY_SESSION_KIND,
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

/** Whether an organisation of this kind may take the role. */
export function roleFitsOrganisation(organisationKind: OrganisationKind, role: ParticipantRole): boolean {
  return ORGANISATION_KINDS_BY_ROLE[role].includes(organisationKind);
}

/** Whether a participant in this role may post a listing of this type. */
export function roleMayPost(role: ParticipantRole, type: ListingType): boolean {
  return LISTING_TYPES_BY_ROLE[role].includes(type);
}

/** The roles of a session of this kind in which a listing of this type can be posted. */
export function postingRoles(sessionKind: SessionKind, type: ListingType): ParticipantRole[] {
  return ROLES_BY_SESSION_KIND[sessionKind].filter((role) => roleMayPost(role, type));
}

/** Why an organisation cannot take a role in a session (none when it can), on the field `role`. */
export function roleProblems(sessionKind: SessionKind, organisationKind: OrganisationKind, role: ParticipantRole): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!roleFitsSession(sessionKind, role)) {
    problems.push({ field: 'role', message: `a ${sessionKind} session has the roles ${ROLES_BY_SESSION_KIND[sessionKind].join(', ')}` });
  }
  if (!roleFitsOrganisation(organisationKind, role)) {
    problems.push({ field: 'role', message: `a ${organisationKind} organisation cannot take the role ${role}` });
  }
  return problems;
}
