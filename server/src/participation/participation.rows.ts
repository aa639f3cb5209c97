import type { ParticipationStatus } from '@duijie/shared';
import type { AuditInput } from '../audit/audit.service';
import type { ParticipationEntity } from './participation.entity';

// What registering, inviting and deciding write, built once for ParticipationService and the
// bulk import's batched inserts and updates, so the rows and audit records cannot drift apart.

/** A participation's identity: one row per session, organisation and role. */
export type ParticipationKey = Pick<ParticipationEntity, 'sessionId' | 'organisationId' | 'role'>;
/** The fields a decision sets. */
export type ParticipationDecision = Pick<ParticipationEntity, 'status' | 'reason' | 'decidedByUserId' | 'decidedAt'>;
/** A participation row's own fields: the database (or the import, for its batches) adds id and createdAt. */
export type ParticipationRow = ParticipationKey & ParticipationDecision;

/** An organiser's decision on a registration, by a click or by an import that approves at once. */
export function participationDecision(status: ParticipationStatus, reason: string | null, by: { userId: string; at: Date }): ParticipationDecision {
  return { status, reason, decidedByUserId: by.userId, decidedAt: by.at };
}

/** A new participation: registered or invited (undecided), or approved at once with `decision`. */
export function newParticipationRow(key: ParticipationKey, state: { status: 'pending' | 'invited' } | ParticipationDecision): ParticipationRow {
  return { sessionId: key.sessionId, organisationId: key.organisationId, role: key.role, reason: null, decidedByUserId: null, decidedAt: null, ...state };
}

/** The `participation.approved` / `participation.rejected` audit record of a decided row; the import adds its job id through `extra`. */
export function participationDecidedAudit(
  p: Pick<ParticipationEntity, 'id' | 'sessionId' | 'organisationId' | 'role' | 'status' | 'reason' | 'decidedByUserId'>,
  extra: Record<string, unknown> = {},
): AuditInput {
  return {
    actorUserId: p.decidedByUserId,
    action: p.status === 'approved' ? 'participation.approved' : 'participation.rejected',
    entityType: 'participation',
    entityId: p.id,
    data: { sessionId: p.sessionId, organisationId: p.organisationId, role: p.role, ...(p.reason ? { reason: p.reason } : {}), ...extra },
  };
}
