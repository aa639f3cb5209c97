import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TooManyRequests } from '../common/errors';

type Window = { failures: number; resetAt: number };

/**
 * Counts failed logins per client address and per account within a window; past the
 * limit, logins are refused with 429 until the window ends. Kept per process: with
 * several processes an attacker gets at most N times the limit, which is acceptable
 * for this threat model (argon2 already makes each guess expensive).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  assertAllowed(ip: string, email: string, now = Date.now()): void {
    for (const [key, limit] of this.keys(ip, email)) {
      const window = this.windows.get(key);
      if (window && window.resetAt > now && window.failures >= limit) {
        const retryAfter = Math.ceil((window.resetAt - now) / 1000);
        throw new TooManyRequests(`Too many failed logins; try again in ${retryAfter} seconds`, retryAfter);
      }
    }
  }

  recordFailure(ip: string, email: string, now = Date.now()): void {
    if (this.windows.size > 100_000) this.sweep(now);
    for (const [key] of this.keys(ip, email)) {
      const window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        this.windows.set(key, { failures: 1, resetAt: now + this.config.loginWindowSeconds * 1000 });
      } else {
        window.failures += 1;
      }
    }
  }

  recordSuccess(ip: string, email: string): void {
    this.windows.delete(`account:${email}`);
    this.windows.delete(`pair:${ip}|${email}`);
  }

  private keys(ip: string, email: string): [string, number][] {
    // Per address+account, and a looser limit per account (guessing one password from
    // many addresses) so one attacker cannot easily lock a user out; no per-address
    // limit alone, which would lock out a whole venue behind one NAT.
    const max = this.config.loginMaxAttempts;
    return [
      [`pair:${ip}|${email}`, max],
      [`account:${email}`, max * 5],
    ];
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
