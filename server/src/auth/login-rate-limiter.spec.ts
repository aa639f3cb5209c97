import type { AppConfig } from '../config/config';
import { TooManyRequests } from '../common/errors';
import { LoginRateLimiter } from './login-rate-limiter';

const config = { loginMaxAttempts: 3, loginWindowSeconds: 60 } as AppConfig;

describe('LoginRateLimiter', () => {
  it('refuses an address+account pair after the limit until the window ends', () => {
    const limiter = new LoginRateLimiter(config);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.recordFailure('1.1.1.1', 'a@x.cn', t0);
    expect(() => limiter.assertAllowed('1.1.1.1', 'a@x.cn', t0 + 1000)).toThrow(TooManyRequests);
    expect(() => limiter.assertAllowed('1.1.1.1', 'a@x.cn', t0 + 61_000)).not.toThrow();
  });

  it('does not lock out the same account from another address before the looser account limit', () => {
    const limiter = new LoginRateLimiter(config);
    for (let i = 0; i < 3; i++) limiter.recordFailure('1.1.1.1', 'a@x.cn', 0);
    expect(() => limiter.assertAllowed('2.2.2.2', 'a@x.cn', 1)).not.toThrow();
    for (let i = 0; i < 12; i++) limiter.recordFailure(`3.3.3.${i}`, 'a@x.cn', 0);
    expect(() => limiter.assertAllowed('4.4.4.4', 'a@x.cn', 1)).toThrow(TooManyRequests);
  });

  it('forgets failures after a successful login', () => {
    const limiter = new LoginRateLimiter(config);
    for (let i = 0; i < 2; i++) limiter.recordFailure('1.1.1.1', 'a@x.cn', 0);
    limiter.recordSuccess('1.1.1.1', 'a@x.cn');
    limiter.recordFailure('1.1.1.1', 'a@x.cn', 0);
    expect(() => limiter.assertAllowed('1.1.1.1', 'a@x.cn', 1)).not.toThrow();
  });
});
