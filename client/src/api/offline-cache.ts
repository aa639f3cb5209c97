// Names the page and the service worker (client/service-worker/sw.js, filled in by
// client/vite-sw-plugin.ts) agree on. No imports: the Vite config reads this file too.

/**
 * The Cache API cache holding what one signed-in user may read offline: the last answers of
 * the routes in OFFLINE_READABLE_API and the last board of each session. The worker empties
 * it on every sign-in and logout, on a 401, and when /api/auth/me names another user; the page
 * empties it on a 401 from any route (api/client.ts), which the worker does not see.
 */
export const OFFLINE_DATA_CACHE = 'duijie-data-v1';

/** Where, in that cache, the worker notes whose data it holds (a user id, as text). */
export const OFFLINE_USER_KEY = '/offline/user';

/** Where, in that cache, the page keeps the last board it followed for a session. */
export function offlineBoardKey(sessionId: string): string {
  return `/offline/board/${encodeURIComponent(sessionId)}`;
}

/**
 * GET routes whose last answer the worker keeps (network first) for reading offline: who is
 * signed in (without it the app cannot open), the agenda, and what the agenda and board pages
 * are drawn with (the events, the organisation's participations, an event and a session).
 * Every other API answer goes to the network only and is never stored.
 */
export const OFFLINE_READABLE_API: readonly string[] = [
  '^/api/auth/me$',
  '^/api/me/agenda$',
  '^/api/me/participations$',
  '^/api/events$',
  '^/api/events/[^/]+$',
  '^/api/sessions/[^/]+$',
];

/** The header the worker adds to a kept answer: when it came from the server (ms since epoch). */
export const SAVED_AT_HEADER = 'X-Duijie-Saved-At';

/** The message the worker posts to a page about an answer to one of those routes. */
export type OfflineAnswerMessage = {
  type: 'duijie:answer';
  /** Path and query, e.g. /api/me/agenda?eventId=… */
  path: string;
  /** Served from the kept copy because the network failed. */
  offline: boolean;
  /** When the kept copy came from the server (offline answers only). */
  savedAt: number | null;
};
