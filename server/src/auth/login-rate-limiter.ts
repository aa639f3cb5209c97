import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TooManyRequests } from '../common/errors';
import { RateCounters } from '../rate-limits/rate-counters';

/** How many times the per-address limit an address may fail across accounts (password spraying). */
const ADDRESS_FACTOR = 10;
/** How many times the per-address limit an account may fail from everywhere before it is protected. */
const ACCOUNT_FACTOR = 5;

/**
 * Failed logins, counted in PostgreSQL so that the limits hold across processes, and counted
 * before the password is checked so that parallel guesses cannot all slip under a limit.
 *
 * Guessing is slowed per address: an address+account pair gets `loginMaxAttempts` tries a
 * window, an address ten times that across accounts. An account is never locked out for
 * everyone: when it fails five times the limit from many addresses, it is protected, and only
 * a browser that has signed in to it before (its device cookie) or an organiser's unlock lets
 * a login through, so an attacker elsewhere cannot keep a bank's signatory out. Step-up counts
 * per login session, which only the signed-in user has.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: RateCounters,
  ) {}

  /** Counts a login attempt before its password is checked; refuses it past a limit. */
  async beginLogin(ip: string, email: string, knownDevice: boolean): Promise<void> {
    const { loginMaxAttempts: max, loginWindowSeconds: window } = this.config;
    const pair = await this.counters.hit(pairKey(ip, email), window);
    if (pair.hits > max) throw tooMany('Too many failed logins', pair.secondsLeft);
    const address = await this.counters.hit(addressKey(ip), window);
    if (address.hits > max * ADDRESS_FACTOR) throw tooMany('Too many failed logins from this address', address.secondsLeft);
    if (knownDevice) return;
    const account = await this.counters.peek(accountKey(email));
    if (account.hits >= max * ACCOUNT_FACTOR) {
      throw new TooManyRequests(
        'This account has had many failed logins from elsewhere and is protected: sign in from a browser that has signed in to it before, or ask an organiser to unlock it',
        account.secondsLeft,
        'login_protected',
      );
    }
  }

  async loginFailed(email: string): Promise<void> {
    await this.counters.hit(accountKey(email), this.config.loginWindowSeconds);
  }

  /** A right password: this address's tries at this account start again, and the attempt was not a failure. */
  async loginSucceeded(ip: string, email: string): Promise<void> {
    await this.counters.reset(pairKey(ip, email));
    await this.counters.hit(addressKey(ip), this.config.loginWindowSeconds, -1);
  }

  /** Whether the account is protected now (see the class comment). */
  async isProtected(email: string): Promise<boolean> {
    return (await this.counters.peek(accountKey(email))).hits >= this.config.loginMaxAttempts * ACCOUNT_FACTOR;
  }

  /** An organiser's unlock: logins from any browser are let through again. */
  async unlock(email: string): Promise<void> {
    await this.counters.reset(accountKey(email));
  }

  /** Counts a step-up's password check in its login session; refuses past the limit. */
  async beginStepUp(sessionId: string): Promise<void> {
    const count = await this.counters.hit(stepUpKey(sessionId), this.config.loginWindowSeconds);
    if (count.hits > this.config.loginMaxAttempts) throw tooMany('Too many wrong passwords', count.secondsLeft);
  }

  async stepUpSucceeded(sessionId: string): Promise<void> {
    await this.counters.reset(stepUpKey(sessionId));
  }
}

const normalise = (email: string) => email.trim().toLowerCase();
const pairKey = (ip: string, email: string) => `login:pair:${ip}|${normalise(email)}`;
const addressKey = (ip: string) => `login:address:${ip}`;
const accountKey = (email: string) => `login:account:${normalise(email)}`;
const stepUpKey = (sessionId: string) => `login:step-up:${sessionId}`;

function tooMany(what: string, seconds: number): TooManyRequests {
  return new TooManyRequests(`${what}; try again in ${seconds} seconds`, seconds);
}
