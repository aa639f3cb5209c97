import type { OrganisationKind, Participation } from '@duijie/shared';
import type { ParticipationEntity } from './participation.entity';

/**
 * The Participation view, for the API and the board's `participant.changed` events alike (the
 * import's too); an organisation that cannot be found shows as an unnamed enterprise.
 */
export function toParticipation(
  p: Pick<ParticipationEntity, 'id' | 'sessionId' | 'organisationId' | 'role' | 'status' | 'reason' | 'createdAt' | 'decidedAt'>,
  organisation: { name: string; kind: OrganisationKind } | undefined,
): Participation {
  return {
    id: p.id,
    sessionId: p.sessionId,
    organisationId: p.organisationId,
    organisationName: organisation?.name ?? '',
    organisationKind: organisation?.kind ?? 'enterprise',
    role: p.role,
    status: p.status,
    reason: p.reason,
    createdAt: p.createdAt.toISOString(),
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
  };
}
