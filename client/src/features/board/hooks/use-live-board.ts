import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ApiFailure } from '../../../api/client';
import { keys } from '../../../api/keys';
import { useConnectionStatus } from '../../../api/socket';
import { useAuth } from '../../../app/auth';
import { followBoard, getBoardSync, resyncBoard, subscribeBoardSync } from '../board-follower';
import type { LiveBoard } from '../live-board';

/** loading: no board yet; live: connected and up to date; reconnecting: may be behind; offline: no connection. */
export type LiveBoardStatus = 'loading' | 'live' | 'reconnecting' | 'offline';

export type LiveBoardResult = {
  board: LiveBoard | undefined;
  status: LiveBoardStatus;
  /** The server refused to show this board (not found, forbidden). */
  error: ApiFailure | null;
  /** A join is waiting for its answer. */
  syncing: boolean;
  /** Reloads the board from a fresh snapshot. */
  resync: () => void;
  /** When not live: until when the board shown was current (ms since epoch), if known. */
  syncedAt: number | null;
};

/**
 * Follows a session's board over the socket while mounted. The board lives in the react-query
 * cache under keys.boardLive, where socket events keep it current; nothing fetches it over HTTP.
 * The last one seen is kept on the device, shown at once on the next visit (offline too), and
 * the join asks only for what was missed since.
 */
export function useLiveBoard(sessionId: string): LiveBoardResult {
  const queryClient = useQueryClient();
  const { data: board } = useQuery<LiveBoard>({
    queryKey: keys.boardLive(sessionId),
    queryFn: skipToken,
    staleTime: Infinity,
  });

  // The board is kept on the device for the user signed in, to read offline (board-store.ts).
  const userId = useAuth().me?.id ?? null;
  useEffect(() => (sessionId === '' ? undefined : followBoard(queryClient, sessionId, userId)), [queryClient, sessionId, userId]);

  const getSync = useCallback(() => getBoardSync(sessionId), [sessionId]);
  const sync = useSyncExternalStore(subscribeBoardSync, getSync);
  const connection = useConnectionStatus();
  const resync = useCallback(() => resyncBoard(sessionId), [sessionId]);

  let status: LiveBoardStatus;
  if (connection === 'offline') status = 'offline';
  else if (!board) status = 'loading';
  else if (connection === 'reconnecting' || sync.stale) status = 'reconnecting';
  else status = 'live';

  return { board, status, error: sync.error, syncing: sync.joining, resync, syncedAt: sync.syncedAt };
}
