import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Health } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For load balancers: answers only when the database does. */
  @Public()
  @Get()
  async health(): Promise<Health> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: this.config.databaseUrl ? 'external' : 'embedded', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
