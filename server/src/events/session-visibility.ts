import { isOrganiser, type Principal } from '../access/principal';
import type { SessionEntity } from './session.entity';

/** Who looks at a session: a signed-in user, or the big screen of one event. */
export type SessionViewer = { principal: Principal } | { screenEventId: string };

/**
 * The one rule of who sees a session: a draft is the organisers' alone, and a big screen sees
 * only its own event's sessions once they are out of draft.
 */
export function seesSession(viewer: SessionViewer, session: Pick<SessionEntity, 'status' | 'eventId'>): boolean {
  if ('principal' in viewer) return session.status !== 'draft' || isOrganiser(viewer.principal);
  return session.eventId === viewer.screenEventId && session.status !== 'draft';
}
