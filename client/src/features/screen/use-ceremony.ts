// The big screen's own socket.io connection: authenticated with a read-only screen link token
// (never the signed-in user's socket), following one event's ceremony totals.
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { laterCeremonyTotals, type CeremonyTotals, type ClientToServerEvents, type ServerToClientEvents, type SocketAuth } from '@duijie/shared';

export type ScreenConnection = 'connecting' | 'live' | 'reconnecting';

/** Why the screen cannot show figures: no token in the link, refused at the handshake, or by the join. */
export type ScreenError = { kind: 'missingToken' } | { kind: 'refused'; message: string } | { kind: 'join'; message: string };

export type CeremonyState = {
  totals: CeremonyTotals | null;
  connection: ScreenConnection;
  error: ScreenError | null;
};

type State = CeremonyState & { key: string };

const initial = (key: string): State => ({ key, totals: null, connection: 'connecting', error: null });

export function useCeremony(eventId: string, token: string | null): CeremonyState {
  const key = `${eventId}\n${token ?? ''}`;
  const [state, setState] = useState<State>(() => initial(key));

  useEffect(() => {
    if (!token) return;
    const update = (patch: Partial<CeremonyState> | ((prev: State) => Partial<CeremonyState>)) =>
      setState((prev) => {
        const base = prev.key === key ? prev : initial(key);
        return { ...base, ...(typeof patch === 'function' ? patch(base) : patch) };
      });
    // A join's answer can cross a push, and pushes can come from two processes: never go back.
    const show = (totals: CeremonyTotals) => update((prev) => ({ totals: laterCeremonyTotals(prev.totals, totals) }));

    const auth: SocketAuth = { screenToken: token };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      // Its own manager: the screen never shares a connection with a signed-in user's socket.
      forceNew: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      auth,
    });

    const join = () => {
      socket.emit('ceremony:join', { eventId }, (result) => {
        if (result.ok) update((prev) => ({ totals: laterCeremonyTotals(prev.totals, result.totals), error: null }));
        else update({ error: { kind: 'join', message: result.message } });
      });
    };

    // 'connect' fires on the first connection and after every reconnection: join (again) each time,
    // since the server forgets the socket's rooms when the connection drops.
    socket.on('connect', () => {
      update({ connection: 'live' });
      join();
    });
    socket.on('disconnect', () => update({ connection: 'reconnecting' }));
    socket.on('connect_error', (error) => {
      // Inactive after a connect_error: the server's handshake refused the token (it does not retry).
      if (!socket.active) update({ error: { kind: 'refused', message: error.message } });
      else update({ connection: 'reconnecting' });
    });
    socket.on('ceremony:totals', (totals) => {
      if (totals.eventId === eventId) show(totals);
    });

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [eventId, token, key]);

  if (!token) return { totals: null, connection: 'connecting', error: { kind: 'missingToken' } };
  if (state.key !== key) return initial(key);
  return state;
}
