// Duijie's service worker, written by hand. client/vite-sw-plugin.ts fills in CONFIG at build
// time (the build id, the app shell's URLs, the names shared with client/src/api/offline-cache.ts)
// and writes it to dist/sw.js; client/src/api/offline.ts registers it in production builds.
//
// - The app shell (index.html and the hashed files it loads) is cached when the worker installs;
//   other hashed files are cached the first time they are fetched. Pages are fetched network
//   first and fall back to the cached index.html, so the app opens without a network.
// - /api: network only, except the few GET routes of CONFIG.readable (who is signed in, the
//   agenda and what it and the board are drawn with), fetched network first: their last answer is
//   kept for the user signed in, and served when the network fails, with the time it is from.
// - Kept answers and the page's saved boards live in one cache, emptied on every sign-in and
//   logout, on a 401 and when /api/auth/me names someone else: one user's data never outlives
//   their session on this device, and is never shown to another user.
/* eslint-disable */
const CONFIG = __DUIJIE_SW_CONFIG__;

const SHELL_CACHE = `duijie-shell-${CONFIG.build}`;
const SHELL = new Set(CONFIG.shell);
const READABLE = CONFIG.readable.map((pattern) => new RegExp(pattern));
/** Requests that start or end a session: the data kept so far belongs to nobody after them. */
const SIGN_IN_OR_OUT = /^\/api\/(auth\/login|auth\/logout|auth\/register|invitations\/[^/]+\/accept)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      // Hashed assets never change: the HTTP cache's copy from the first visit will do; the rest is fetched fresh.
      .then((cache) => cache.addAll(CONFIG.shell.map((url) => new Request(url, { cache: url.includes('/assets/') ? 'default' : 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('duijie-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  // The page's hashed files fetched before this worker controlled it: keep them too.
  if (data && data.type === 'duijie:keep-assets' && Array.isArray(data.urls)) {
    event.waitUntil(keepAssets(data.urls));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    handleApi(event, url);
    return;
  }
  if (request.method !== 'GET' || url.pathname.startsWith('/socket.io')) return;
  if (request.mode === 'navigate') {
    event.respondWith(openPage(request));
    return;
  }
  if (SHELL.has(url.pathname) || url.pathname.startsWith('/assets/')) event.respondWith(shellFile(request, url));
});

// ---- the app shell ----

async function openPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: SHELL_CACHE, ignoreVary: true });
    if (shell) return shell;
    throw error;
  }
}

/** Hashed files never change: the cached copy, else the network's, kept for next time. */
async function shellFile(request, url) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (isAsset(response) && url.pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}

/** A file of the build: not the index.html the server answers for a name it does not have. */
function isAsset(response) {
  return response.ok && !(response.headers.get('Content-Type') || '').startsWith('text/html');
}

async function keepAssets(urls) {
  const cache = await caches.open(SHELL_CACHE);
  for (const href of urls.slice(0, 200)) {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
    if (await cache.match(url.pathname, { ignoreVary: true })) continue;
    try {
      const response = await fetch(url.pathname);
      if (isAsset(response)) await cache.put(url.pathname, response);
    } catch {
      // Offline now: it is cached the next time it is fetched.
    }
  }
}

// ---- the API ----

function handleApi(event, url) {
  const request = event.request;
  if (request.method !== 'GET') {
    if (SIGN_IN_OR_OUT.test(url.pathname)) event.respondWith(signInOrOut(request, url));
    return;
  }
  if (!READABLE.some((pattern) => pattern.test(url.pathname))) return;
  event.respondWith(networkFirst(event, url));
}

/** Forgets the data kept so far, then (after a sign-in) keeps who is signed in now. */
async function signInOrOut(request, url) {
  await forgetData();
  const response = await fetch(request);
  if (response.ok && !url.pathname.endsWith('/logout')) await keepMe();
  return response;
}

async function keepMe() {
  try {
    const response = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) await keep(new Request('/api/auth/me'), response, '/api/auth/me');
  } catch {
    // Kept the next time the app asks.
  }
}

async function networkFirst(event, url) {
  const request = event.request;
  const path = url.pathname + url.search;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await readKept(request);
    if (!kept) throw error;
    tell(event, { type: 'duijie:answer', path, offline: true, savedAt: Number(kept.headers.get(CONFIG.savedAtHeader)) || null });
    return kept;
  }
  if (response.status === 401) {
    await forgetData();
  } else if (response.ok) {
    await keep(request, response.clone(), url.pathname);
    tell(event, { type: 'duijie:answer', path, offline: false, savedAt: null });
  }
  return response;
}

/** Keeps an answer for the user signed in; an answer naming another user first empties the cache. */
async function keep(request, response, pathname) {
  const body = await response.arrayBuffer();
  let cache = await caches.open(CONFIG.dataCache);
  if (pathname === '/api/auth/me') {
    let userId = null;
    try {
      userId = JSON.parse(new TextDecoder().decode(body)).id;
    } catch {
      return;
    }
    if (typeof userId !== 'string') return;
    const holder = await cache.match(CONFIG.userKey);
    if (holder && (await holder.text()) !== userId) {
      await forgetData();
      cache = await caches.open(CONFIG.dataCache);
    }
    await cache.put(CONFIG.userKey, new Response(userId));
  }
  const headers = new Headers(response.headers);
  headers.set(CONFIG.savedAtHeader, String(Date.now()));
  await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

async function readKept(request) {
  const cache = await caches.open(CONFIG.dataCache);
  // Only what was kept for the user signed in (a kept /api/auth/me says who that is).
  if (!(await cache.match(CONFIG.userKey))) return undefined;
  return cache.match(request, { ignoreVary: true });
}

function forgetData() {
  return caches.delete(CONFIG.dataCache);
}

function tell(event, message) {
  const id = event.clientId || event.resultingClientId;
  if (!id) return;
  event.waitUntil(
    self.clients.get(id).then((client) => {
      if (client) client.postMessage(message);
    }),
  );
}
