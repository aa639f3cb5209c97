import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { RequestRateGuard } from '../rate-limits/request-rate.guard';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { TokenService } from './token.service';
import { jwtModuleOptions } from './jwt-options';

@Module({
  imports: [
    AuditModule,
    UnitOfWorkModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => jwtModuleOptions(config),
    }),
    OrganisationsModule,
    UsersModule,
    RateLimitsModule,
  ],
  controllers: [AuthController],
  // Guards run in this order: the AuthGuard names the user whose budget the RequestRateGuard counts.
  providers: [AuthService, TokenService, LoginRateLimiter, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: RequestRateGuard }],
  exports: [TokenService],
})
export class AuthModule {}
