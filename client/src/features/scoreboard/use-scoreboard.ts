// An event's public scoreboard, read over HTTP and read again whenever the server says it changed
// (`scoreboard:changed` to the event's room). Big screens follow with their screen link token
// (`?token=`), signed-in users with their own socket; anonymous viewers, who have no socket, poll.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { routes, type ClientToServerEvents, type ServerToClientEvents, type SocketAuth } from '@duijie/shared';
import { call, isApiFailure } from '../../api/client';
import { keys } from '../../api/keys';
import { getSocket, onSocketChange } from '../../api/socket';

/** live: pushes arrive; polling: no socket (anonymous) or it is down, so the page reads every while. */
export type ScoreboardFeed = 'live' | 'polling';

/** How often the page reads the scoreboard without pushes, and as a safety net with them. */
export const POLL_MS = 20_000;
const SAFETY_POLL_MS = 120_000;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export function useScoreboard(eventId: string, screenToken: string | null) {
  const client = useQueryClient();
  const [feed, setFeed] = useState<ScoreboardFeed>('polling');
  // A new login replaces the shared socket: follow it.
  const [generation, setGeneration] = useState(0);
  useEffect(() => onSocketChange(() => setGeneration((g) => g + 1)), []);

  const query = useQuery({
    queryKey: keys.scoreboard(eventId),
    queryFn: ({ signal }) => call(routes.rewards.scoreboard, { params: { id: eventId } }, { signal }),
    enabled: eventId !== '',
    refetchInterval: (q) => (isApiFailure(q.state.error) && q.state.error.status === 404 ? false : feed === 'live' ? SAFETY_POLL_MS : POLL_MS),
    retry: (count, error) => !(isApiFailure(error) && error.status === 404) && count < 2,
  });

  useEffect(() => {
    if (!eventId) return;
    const refetch = () => void client.invalidateQueries({ queryKey: keys.scoreboard(eventId) });
    let own: Client | null = null;
    let socket: Client | null;
    if (screenToken) {
      const auth: SocketAuth = { screenToken };
      // Its own manager: a screen never shares the signed-in user's connection.
      own = io({ path: '/socket.io', forceNew: true, transports: ['websocket', 'polling'], tryAllTransports: true, auth });
      socket = own;
    } else {
      socket = getSocket() as Client | null;
    }
    if (!socket) return;
    const s = socket;
    // Rooms are forgotten when a connection drops: join on every (re)connection, and read again what was missed.
    const join = () => {
      s.emit('ceremony:join', { eventId }, (result) => {
        setFeed(result.ok ? 'live' : 'polling');
        if (result.ok) refetch();
      });
    };
    const down = () => setFeed('polling');
    const changed = (update: { eventId: string }) => {
      if (update.eventId === eventId) refetch();
    };
    s.on('connect', join);
    s.on('disconnect', down);
    s.on('scoreboard:changed', changed);
    if (s.connected) join();
    return () => {
      s.off('connect', join);
      s.off('disconnect', down);
      s.off('scoreboard:changed', changed);
      own?.disconnect();
      setFeed('polling');
    };
  }, [eventId, screenToken, generation, client]);

  return { ...query, feed };
}
