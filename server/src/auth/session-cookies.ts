import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Forbidden } from '../common/errors';

/** The httpOnly cookie holding the access token, and the readable double-submit CSRF cookie. */
export const SESSION_COOKIE = 'duijie_session';
export const CSRF_COOKIE = 'duijie_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookies(header: string | undefined): Record<string, string | undefined> {
  return header ? parse(header) : {};
}

export function setSessionCookies(req: Request, res: Response, token: string, maxAgeSeconds: number): void {
  const common = { secure: req.secure, sameSite: 'strict' as const, path: '/', maxAge: maxAgeSeconds * 1000 };
  res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, httpOnly: false });
}

export function clearSessionCookies(req: Request, res: Response): void {
  const common = { secure: req.secure, sameSite: 'strict' as const, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, common);
}

/** A cookie-authenticated write must echo the CSRF cookie in a header, which another site cannot read. */
export function assertCsrf(req: Request, cookies: Record<string, string | undefined>): void {
  if (SAFE_METHODS.has(req.method)) return;
  const expected = cookies[CSRF_COOKIE];
  const given = req.headers[CSRF_HEADER];
  const ok =
    typeof expected === 'string' &&
    typeof given === 'string' &&
    expected.length > 0 &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new Forbidden('Missing or wrong CSRF token (send the duijie_csrf cookie value in X-CSRF-Token)');
}

/**
 * Routes that set the session cookie refuse a browser's cross-site request, so another site
 * cannot sign a visitor in as someone else (login CSRF). Clients without Origin are not browsers.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null' || !req.headers.host) {
    if (origin === 'null') throw new Forbidden('Cross-site request refused');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new Forbidden('Cross-site request refused');
  }
  if (host !== req.headers.host) throw new Forbidden('Cross-site request refused');
}
