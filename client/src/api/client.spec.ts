import { routes } from '@duijie/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, setUnauthorizedHandler } from './client';
import { keptSince, noteAnswer } from './offline';
import { OFFLINE_DATA_CACHE } from './offline-cache';

// The page runs in a browser; here the few globals the client touches stand in for it.
function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('a 401 from any route', () => {
  const deleted: string[] = [];
  const loggedOut = vi.fn();

  beforeEach(() => {
    deleted.length = 0;
    loggedOut.mockReset();
    vi.stubGlobal('caches', { delete: vi.fn((name: string) => Promise.resolve(deleted.push(name) > 0)) });
    vi.stubGlobal('document', { cookie: 'duijie_csrf=token-of-the-session' });
    setUnauthorizedHandler(loggedOut);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('empties the offline cache, though the service worker keeps no answer of that route, and signs out', async () => {
    noteAnswer({ type: 'duijie:answer', path: '/api/me/agenda', offline: true, savedAt: 1000 });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(answer(401, { statusCode: 401, code: 'unauthorized', message: 'Sign in again' }))),
    );
    // /api/me/agreements is not one of the routes the worker keeps (OFFLINE_READABLE_API).
    await expect(call(routes.agreements.mine, {})).rejects.toMatchObject({ status: 401 });
    expect(deleted).toEqual([OFFLINE_DATA_CACHE]);
    expect(loggedOut).toHaveBeenCalledTimes(1);
    // The page no longer says it shows kept answers of that user.
    expect(keptSince('/api/me/agenda')).toBeNull();
  });

  it('empties it also when the page had no session cookie left', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(answer(401, { statusCode: 401, code: 'unauthorized', message: 'Sign in again' }))),
    );
    await expect(call(routes.agreements.mine, {})).rejects.toMatchObject({ status: 401 });
    expect(deleted).toEqual([OFFLINE_DATA_CACHE]);
    expect(loggedOut).not.toHaveBeenCalled();
  });

  it('keeps it for a wrong password at a re-confirmation, where the session is still good', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(answer(401, { statusCode: 401, code: 'wrong_password', message: 'Wrong password' }))),
    );
    await expect(call(routes.auth.stepUp, { body: { password: 'nope' } })).rejects.toMatchObject({ status: 401 });
    expect(deleted).toEqual([]);
    expect(loggedOut).not.toHaveBeenCalled();
  });

  it('keeps it for other failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(answer(403, { statusCode: 403, code: 'forbidden', message: 'No' }))),
    );
    await expect(call(routes.agreements.mine, {})).rejects.toMatchObject({ status: 403 });
    expect(deleted).toEqual([]);
  });
});
