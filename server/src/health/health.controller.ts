import { Controller, Inject } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { routes, type Health } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { DatabaseUnavailable } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Longer than this for SELECT 1 counts as down: a load balancer must not wait on a dead database. */
const HEALTH_QUERY_TIMEOUT_MS = 2000;

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For load balancers: 200 while the database answers, 503 while it does not (the server reconnects by itself). */
  @Public()
  @SkipThrottle({ requests: true })
  @Endpoint(routes.health.health)
  async health(): Promise<Health> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('health query timed out')), HEALTH_QUERY_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch {
      throw new DatabaseUnavailable();
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok', database: this.config.databaseUrl ? 'external' : 'embedded', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
