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

  it('sweeps the follow-up ladder hourly unless LADDER_SWEEP_CRON says otherwise, and refuses a cron that does not parse', () => {
    delete process.env.LADDER_SWEEP_CRON;
    expect(loadConfig([]).ladderSweepCron).toBe('1 * * * *');
    process.env.LADDER_SWEEP_CRON = '*/5 * * * *';
    expect(loadConfig([]).ladderSweepCron).toBe('*/5 * * * *');
    for (const bad of ['every minute', '61 * * * *', '* * * *']) {
      process.env.LADDER_SWEEP_CRON = bad;
      expect(() => loadConfig([])).toThrow(`Configuration: LADDER_SWEEP_CRON must be a cron expression`);
    }
    delete process.env.LADDER_SWEEP_CRON;
  });

  it('keeps files on disk unless S3_BUCKET is set, and then wants the endpoint and both keys', () => {
    const names = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_REGION'];
    for (const name of names) delete process.env[name];
    expect(loadConfig([]).s3).toBeNull();
    process.env.S3_BUCKET = 'evidence';
    expect(() => loadConfig([])).toThrow('S3_BUCKET is set, so S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY must be set too');
    Object.assign(process.env, { S3_ENDPOINT: 'https://minio.example.cn/', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' });
    expect(loadConfig([]).s3).toEqual({
      endpoint: 'https://minio.example.cn',
      region: 'us-east-1',
      bucket: 'evidence',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
    });
    process.env.S3_ENDPOINT = 'minio:9000';
    expect(() => loadConfig([])).toThrow(/S3_ENDPOINT must be an http\(s\) origin/);
    for (const name of names) delete process.env[name];
  });

  it('emails notifications only when SMTP_URL is set, and refuses one that is not an smtp(s) URL', () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    expect(loadConfig([])).toMatchObject({ smtpUrl: null, smtpFrom: 'Duijie <no-reply@duijie.local>' });
    process.env.SMTP_URL = 'smtp://user:pass@smtp.example.com:587';
    process.env.SMTP_FROM = '对接平台 <noreply@example.com>';
    expect(loadConfig([])).toMatchObject({ smtpUrl: 'smtp://user:pass@smtp.example.com:587', smtpFrom: '对接平台 <noreply@example.com>' });
    process.env.SMTP_URL = 'http://smtp.example.com';
    expect(() => loadConfig([])).toThrow(/SMTP_URL must be an smtp/);
    process.env.SMTP_URL = 'not a url';
    expect(() => loadConfig([])).toThrow(/SMTP_URL must be a URL/);
  });
});
