import { DEFAULT_ADMIN_PASSWORD, loadConfig } from './config';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses to start in production with the published default organiser password', () => {
    process.env.ADMIN_PASSWORD = DEFAULT_ADMIN_PASSWORD;
    process.env.NODE_ENV = 'production';
    expect(() => loadConfig([])).toThrow(/ADMIN_PASSWORD is the published default/);
    delete process.env.NODE_ENV;
    process.env.DATABASE_URL = 'postgres://u:p@db/duijie';
    expect(() => loadConfig([])).toThrow(/ADMIN_PASSWORD is the published default/);
  });

  it('has no default organiser password: unset means one is generated at the first start', () => {
    delete process.env.ADMIN_PASSWORD;
    expect(loadConfig([]).adminPassword).toBeNull();
  });

  it('does not trust X-Forwarded-For unless told which proxies to trust', () => {
    delete process.env.TRUST_PROXY;
    expect(loadConfig([]).trustProxy).toBeNull();
    process.env.TRUST_PROXY = 'true';
    expect(() => loadConfig([])).toThrow(/TRUST_PROXY=true/);
    process.env.TRUST_PROXY = '1';
    expect(loadConfig([]).trustProxy).toBe(1);
    process.env.TRUST_PROXY = 'loopback, 10.0.0.0/8';
    expect(loadConfig([]).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('gives running requests 10 s to finish at a shutdown unless SHUTDOWN_DRAIN_MS says otherwise', () => {
    delete process.env.SHUTDOWN_DRAIN_MS;
    expect(loadConfig([]).shutdownDrainMs).toBe(10_000);
    process.env.SHUTDOWN_DRAIN_MS = '0';
    expect(loadConfig([]).shutdownDrainMs).toBe(0);
    process.env.SHUTDOWN_DRAIN_MS = '25000';
    expect(loadConfig([]).shutdownDrainMs).toBe(25_000);
    process.env.SHUTDOWN_DRAIN_MS = '10s';
    expect(() => loadConfig([])).toThrow(/SHUTDOWN_DRAIN_MS must be an integer from 0 to 600000/);
  });

  it('runs jobs unless JOBS_ENABLED says this process opts out, and refuses a value that is not yes or no', () => {
    delete process.env.JOBS_ENABLED;
    expect(loadConfig([]).jobsEnabled).toBe(true);
    process.env.JOBS_ENABLED = 'false';
    expect(loadConfig([]).jobsEnabled).toBe(false);
    process.env.JOBS_ENABLED = '0';
    expect(loadConfig([]).jobsEnabled).toBe(false);
    process.env.JOBS_ENABLED = 'TRUE';
    expect(loadConfig([]).jobsEnabled).toBe(true);
    process.env.JOBS_ENABLED = 'sometimes';
    expect(() => loadConfig([])).toThrow(/JOBS_ENABLED must be true or false, got "sometimes"/);
    delete process.env.JOBS_ENABLED;
    process.env.JOBS_POLL_INTERVAL_MS = '100';
    expect(() => loadConfig([])).toThrow(/JOBS_POLL_INTERVAL_MS must be an integer from 500 to 60000/);
  });
});
