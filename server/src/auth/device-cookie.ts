import type { Request, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readCookies } from './session-cookies';

/**
 * A browser that has signed in to an account keeps a device cookie for it: a nonce and an HMAC
 * of the nonce with the account's email, under the server's secret. Logins from such a browser
 * go through while the account is protected from guessing elsewhere (LoginRateLimiter).
 */
export const DEVICE_COOKIE = 'duijie_device';
const DEVICE_COOKIE_DAYS = 365;

const mac = (secret: string, email: string, nonce: string) =>
  createHmac('sha256', secret).update(`device|${email.trim().toLowerCase()}|${nonce}`).digest('base64url');

export function deviceToken(secret: string, email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, email, nonce)}`;
}

/** Whether the request carries a device cookie issued for this account. */
export function isKnownDevice(req: Request, secret: string, email: string): boolean {
  const value = readCookies(req.headers.cookie)[DEVICE_COOKIE];
  const [nonce, given] = value?.split('.') ?? [];
  if (!nonce || !given || nonce.length > 64) return false;
  const expected = Buffer.from(mac(secret, email, nonce));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function setDeviceCookie(req: Request, res: Response, token: string): void {
  res.cookie(DEVICE_COOKIE, token, { httpOnly: true, secure: req.secure, sameSite: 'strict', path: '/api/auth', maxAge: DEVICE_COOKIE_DAYS * 86_400_000 });
}
