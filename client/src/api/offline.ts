// The page's side of reading offline: registers the service worker (production builds), hears
// which answers it served from its kept copies, and follows the browser's network state, so
// pages can say that what they show is from earlier (ui/offline-banner.tsx).
import { useSyncExternalStore } from 'react';
import { OFFLINE_DATA_CACHE, type OfflineAnswerMessage } from './offline-cache';

/** Kept answers shown now, by path and query: when each came from the server (ms since epoch). */
const keptAnswers = new Map<string, number>();
/** When the browser last went offline (ms since epoch); null while online. */
let offlineSince: number | null = typeof navigator !== 'undefined' && navigator.onLine === false ? Date.now() : null;
let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function isAnswerMessage(data: unknown): data is OfflineAnswerMessage {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'duijie:answer' && typeof (data as { path?: unknown }).path === 'string'
  );
}

/** Notes what the worker said about an answer: served from a kept copy (and from when), or fresh. */
export function noteAnswer(message: OfflineAnswerMessage): void {
  const before = keptAnswers.get(message.path);
  if (message.offline) {
    const savedAt = message.savedAt ?? 0;
    if (before === savedAt) return;
    keptAnswers.set(message.path, savedAt);
  } else {
    if (before === undefined) return;
    keptAnswers.delete(message.path);
  }
  changed();
}

/**
 * Empties what was kept for reading offline (the service worker's kept answers and the saved
 * boards, one cache): called on a 401 from any route, not only the ones the worker keeps, so the
 * data of a user whose session ended does not stay on the device until the next sign-in.
 */
export function forgetOfflineData(): void {
  if (keptAnswers.size > 0) {
    keptAnswers.clear();
    changed();
  }
  if (typeof caches === 'undefined') return;
  caches.delete(OFFLINE_DATA_CACHE).catch(() => undefined);
}

/**
 * When the oldest kept answer now shown for paths starting with `prefix` came from the server,
 * or null when every such answer is fresh.
 */
export function keptSince(prefix: string): number | null {
  let oldest: number | null = null;
  for (const [path, savedAt] of keptAnswers) if (path.startsWith(prefix) && (oldest === null || savedAt < oldest)) oldest = savedAt;
  return oldest;
}

export type OfflineState = {
  /** The browser says it has no network. */
  offline: boolean;
  /** Since when (ms since epoch), if offline. */
  offlineSince: number | null;
  /** When the oldest kept answer shown for the prefix came from the server, or null. */
  keptSince: number | null;
};

/** The network state and, for API paths starting with `prefix`, whether kept answers are shown. */
export function useOfflineState(prefix?: string): OfflineState {
  // Re-render on any change; the values are read below.
  useSyncExternalStore(subscribe, () => version);
  return { offline: offlineSince !== null, offlineSince, keptSince: prefix === undefined ? null : keptSince(prefix) };
}

function watchNetwork(): void {
  window.addEventListener('offline', () => {
    offlineSince = Date.now();
    changed();
  });
  window.addEventListener('online', () => {
    offlineSince = null;
    changed();
  });
}

/** The hashed files this page loaded before the worker controlled it, so they are there offline too. */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/assets/`));
}

/**
 * Follows the network state, and (`withWorker`: production builds) registers the service worker
 * at the root scope and listens to it. The development server's modules are not hashed and must
 * not be cached, so it runs without the worker.
 */
export function startOfflineSupport(withWorker: boolean): void {
  watchNetwork();
  if (!withWorker || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isAnswerMessage(event.data)) noteAnswer(event.data);
  });
  container.startMessages();
  const keepLoaded = () => container.controller?.postMessage({ type: 'duijie:keep-assets', urls: loadedAssets() });
  container.addEventListener('controllerchange', keepLoaded);
  const register = () => {
    container.register('/sw.js', { scope: '/' }).then(keepLoaded, (error: unknown) => {
      console.warn('service worker not registered', error);
    });
  };
  // After the page has loaded, so the worker's downloads do not compete with the first paint.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
