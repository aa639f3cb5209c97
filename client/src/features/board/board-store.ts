// The last board a user followed for a session, kept on this device so that a reload without a
// network still shows it, and so that the next board:join asks only for what was missed (its
// lastSeq is the kept board's). Kept in the service worker's per-user data cache, which the worker
// empties on every sign-in and logout and when another user signs in; a kept board also names its
// user and is read back only for that user. Only with a service worker in control: without one
// nothing would empty the cache at logout, and the app could not open offline anyway.
import type { BoardTotals, ListingPublic, MatchSession } from '@duijie/shared';
import { OFFLINE_DATA_CACHE, offlineBoardKey } from '../../api/offline-cache';
import type { LiveBoard } from './live-board';

export type SavedBoard = {
  userId: string;
  sessionId: string;
  seq: number;
  totalsSeq: number;
  session: MatchSession;
  /** The open listings, in the board's order. */
  listings: ListingPublic[];
  totals: BoardTotals;
  /** Until when the board was known to be current (ms since epoch): live until then. */
  syncedAt: number;
};

export function toSavedBoard(board: LiveBoard, userId: string, syncedAt: number): SavedBoard {
  return {
    userId,
    sessionId: board.sessionId,
    seq: board.seq,
    totalsSeq: board.totalsSeq,
    session: board.session,
    listings: [...board.listings.values()],
    totals: board.totals,
    syncedAt,
  };
}

export function fromSavedBoard(saved: SavedBoard): LiveBoard {
  return {
    sessionId: saved.sessionId,
    seq: saved.seq,
    totalsSeq: saved.totalsSeq,
    session: saved.session,
    listings: new Map(saved.listings.map((listing) => [listing.id, listing])),
    totals: saved.totals,
    changedAt: {},
  };
}

/** Whether a stored value is a board kept for this user and session (an older build's shape is not). */
export function isSavedBoard(value: unknown, userId: string, sessionId: string): value is SavedBoard {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedBoard>;
  return (
    v.userId === userId &&
    v.sessionId === sessionId &&
    typeof v.seq === 'number' &&
    typeof v.totalsSeq === 'number' &&
    typeof v.syncedAt === 'number' &&
    typeof v.session === 'object' &&
    v.session !== null &&
    typeof v.totals === 'object' &&
    v.totals !== null &&
    Array.isArray(v.listings)
  );
}

function canKeep(): boolean {
  return typeof caches !== 'undefined' && typeof navigator !== 'undefined' && navigator.serviceWorker?.controller != null;
}

export async function saveBoard(saved: SavedBoard): Promise<void> {
  if (!canKeep()) return;
  const cache = await caches.open(OFFLINE_DATA_CACHE);
  await cache.put(offlineBoardKey(saved.sessionId), new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }));
}

/** The board kept for this user and session, or null (none, another user's, unreadable). */
export async function loadBoard(userId: string, sessionId: string): Promise<SavedBoard | null> {
  if (!canKeep()) return null;
  try {
    const response = await caches.match(offlineBoardKey(sessionId), { cacheName: OFFLINE_DATA_CACHE });
    if (!response) return null;
    const value: unknown = await response.json();
    return isSavedBoard(value, userId, sessionId) ? value : null;
  } catch {
    return null;
  }
}
