// The app's one socket.io connection, typed by the shared contract. It is created on first
// use with the session cookie, replaced when the user changes (closeSocket on login and logout),
// and reports a connection status that screens show.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { routes, type ClientToServerEvents, type ServerToClientEvents } from '@duijie/shared';
import { call, getSessionToken, isApiFailure } from './client';
import { registerSocketCloser } from './socket-closer';

export type DuijieSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** live: connected; reconnecting: trying to get back; offline: not trying, or failing for a while. */
export type ConnectionStatus = 'live' | 'reconnecting' | 'offline';

/** Failed reconnection attempts after which the connection counts as offline (it keeps trying). */
const OFFLINE_AFTER_ATTEMPTS = 4;
/** How long to wait before connecting again after the server refused a token that is still valid. */
const REFUSED_RETRY_MS = 10_000;

type Current = { socket: DuijieSocket; dispose: () => void };

/** Without a socket: offline when signed out, else about to connect (a screen creates it on first use). */
function idleStatus(): ConnectionStatus {
  return getSessionToken() === null ? 'offline' : 'reconnecting';
}

let current: Current | null = null;
let status: ConnectionStatus = idleStatus();
const statusListeners = new Set<() => void>();
const socketListeners = new Set<() => void>();

function setStatus(next: ConnectionStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * The server refused the socket (a bad or expired token, or it dropped us). Ask the HTTP API who
 * we are: a 401 there logs out as any 401 does; otherwise connect again a little later.
 */
function afterRefusal(socket: DuijieSocket, retry: { timer?: ReturnType<typeof setTimeout> }): void {
  if (getSessionToken() === null) {
    closeSocket();
    return;
  }
  const reconnectLater = () => {
    clearTimeout(retry.timer);
    retry.timer = setTimeout(() => {
      if (current?.socket === socket && !socket.active) socket.connect();
    }, REFUSED_RETRY_MS);
  };
  call(routes.auth.me, {}).then(reconnectLater, (error: unknown) => {
    // A 401 has already cleared the token and sent the user to the login page.
    if (isApiFailure(error) && error.status === 401) return;
    reconnectLater();
  });
}

function create(): Current {
  const socket: DuijieSocket = io({
    path: '/socket.io',
    // A fresh manager, so a new user never inherits the previous user's connection.
    forceNew: true,
    // WebSocket first: it needs no sticky sessions when several server processes sit
    // behind a load balancer; long-polling remains the fallback for networks that block it.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // No token here: the handshake carries the httpOnly session cookie (same origin).
    withCredentials: true,
  });
  const retry: { timer?: ReturnType<typeof setTimeout> } = {};
  let attempts = 0;
  const mine = () => current?.socket === socket;
  const reconnectingOrOffline = (): ConnectionStatus => (browserOffline() || attempts > OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting');

  socket.on('connect', () => {
    attempts = 0;
    if (mine()) setStatus('live');
  });
  socket.on('disconnect', (reason) => {
    if (!mine()) return;
    if (socket.active) {
      setStatus(reconnectingOrOffline());
      return;
    }
    setStatus('offline');
    if (reason === 'io server disconnect') afterRefusal(socket, retry);
  });
  socket.on('connect_error', () => {
    if (!mine()) return;
    if (socket.active) {
      // A transport failure: the manager keeps trying.
      setStatus(reconnectingOrOffline());
      return;
    }
    // Refused by the server's handshake check.
    setStatus('offline');
    afterRefusal(socket, retry);
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    attempts = attempt;
    if (mine()) setStatus(reconnectingOrOffline());
  });

  const onOffline = () => {
    if (mine()) setStatus('offline');
  };
  const onOnline = () => {
    if (!mine() || socket.connected) return;
    attempts = 0;
    setStatus('reconnecting');
    // Do not wait out the back-off once the network is back.
    if (!socket.active) socket.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  setStatus(browserOffline() ? 'offline' : 'reconnecting');
  return {
    socket,
    dispose: () => {
      clearTimeout(retry.timer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket.disconnect();
      socket.removeAllListeners();
      socket.io.removeAllListeners();
    },
  };
}

/** The shared socket, connecting on first use; null when nobody is signed in. */
export function getSocket(): DuijieSocket | null {
  if (current) return current.socket;
  if (getSessionToken() === null) return null;
  current = create();
  return current.socket;
}

/**
 * Drops the connection (on logout, on a 401, and when a different user signs in). Whoever
 * follows the socket is told, and the next getSocket connects with the token then stored.
 */
export function closeSocket(): void {
  if (!current) return;
  const closing = current;
  current = null;
  closing.dispose();
  setStatus(idleStatus());
  for (const listener of socketListeners) listener();
}

registerSocketCloser(closeSocket);

/** Connects again now if the socket gave up (after a refusal or going offline). */
export function reconnectSocket(): void {
  const socket = getSocket();
  if (socket && !socket.active) socket.connect();
}

/** Called when the shared socket is replaced or closed; returns the unsubscribe function. */
export function onSocketChange(listener: () => void): () => void {
  socketListeners.add(listener);
  return () => {
    socketListeners.delete(listener);
  };
}

function subscribeStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}

function getStatus(): ConnectionStatus {
  return status;
}

/** The shared socket's connection status, for indicators. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribeStatus, getStatus);
}

/**
 * Calls `handler` for every `event` the server pushes while the component is mounted (and
 * `enabled`), following the socket when it is replaced (a new login). The latest handler is
 * called, so callers need not memoise it.
 */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E], enabled = true): void {
  const [generation, setGeneration] = useState(0);
  useEffect(() => onSocketChange(() => setGeneration((g) => g + 1)), []);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const socket = getSocket();
    if (!enabled || !socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)) as ServerToClientEvents[E];
    // socket.io's typed on/off cannot follow a generic event name; the listener's type is the event's.
    const typed = socket as unknown as { on(e: E, l: ServerToClientEvents[E]): void; off(e: E, l: ServerToClientEvents[E]): void };
    typed.on(event, listener);
    return () => typed.off(event, listener);
  }, [event, enabled, generation]);
}
