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

/** The throttler's counters, kept in PostgreSQL so that every process counts against the same limit. */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: RateCounters) {}

  async increment(key: string, ttlMs: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const { hits, secondsLeft } = await this.counters.hit(key, Math.max(1, Math.ceil(ttlMs / 1000)));
    const blocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked: blocked, timeToBlockExpire: blocked ? secondsLeft : 0 };
  }
}
