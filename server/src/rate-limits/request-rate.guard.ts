import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Principal } from '../access/principal';
import { TooManyRequests } from '../common/errors';
import type { RateCounters } from './rate-counters';

/**
 * Every HTTP request counts against one budget per minute: a signed-in user's own (a venue's
 * participants share one address behind its NAT, so an address would be the wrong unit), or
 * the address's when nobody is signed in. Runs after the AuthGuard, which names the user.
 */
@Injectable()
export class RequestRateGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(context.getType() !== 'http');
  }

  protected override getTracker(req: Request & { principal?: Principal }): Promise<string> {
    return Promise.resolve(req.principal ? `user:${req.principal.userId}` : `ip:${req.ip ?? 'unknown'}`);
  }

  /** One budget across every route, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `http:${throttlerName}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new TooManyRequests(
      `Too many requests (more than ${detail.limit} a minute); try again in ${detail.timeToBlockExpire} seconds`,
      detail.timeToBlockExpire,
    );
  }
}

/** Hits a process takes from a shared counter at once, as a share of the limit (1 when the limit is small). */
const LEASE_SHARE = 50;

type Lease = { base: number; used: number; size: number; expiresAt: number };

/**
 * The throttler's counters, kept in PostgreSQL so that every process counts against the same
 * limit. Not one round trip per request, though: a process takes hits in blocks of 1/50 of the
 * limit (a lease) and counts the block's hits locally, so each process may let through at most
 * one block more than its share (2% of the limit); with small limits the block is one hit and
 * the count is exact. Measured with bench:signing: a counter query per request cost ~25% of
 * the signing throughput on 2 cores (every request took one more pool connection).
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly counters: RateCounters) {}

  async increment(key: string, ttlMs: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const now = Date.now();
    let lease = this.leases.get(key);
    if (!lease || lease.used >= lease.size || lease.expiresAt <= now) {
      const size = Math.max(1, Math.floor(limit / LEASE_SHARE));
      const { hits, secondsLeft } = await this.counters.hit(key, Math.max(1, Math.ceil(ttlMs / 1000)), size);
      if (this.leases.size > 100_000) this.sweep(now);
      lease = { base: hits - size, used: 0, size, expiresAt: now + secondsLeft * 1000 };
      this.leases.set(key, lease);
    }
    lease.used += 1;
    const totalHits = lease.base + lease.used;
    const timeToExpire = Math.max(1, Math.ceil((lease.expiresAt - now) / 1000));
    const blocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked: blocked, timeToBlockExpire: blocked ? timeToExpire : 0 };
  }

  private sweep(now: number): void {
    for (const [key, lease] of this.leases) if (lease.expiresAt <= now) this.leases.delete(key);
  }
}
