import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Unauthorized } from '../common/errors';
import { UserEntity } from '../users/user.entity';
import type { Principal } from './principal';

type Claims = { sub: string };

/** Issues access tokens and turns one back into a Principal; shared by HTTP and sockets. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId } satisfies Claims, { expiresIn: this.config.jwtTtlSeconds });
  }

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  /** Verifies the token, then reads the user so deactivation takes effect at once. */
  async authenticate(token: string): Promise<Principal> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new Unauthorized(expired ? 'Your session has expired; please log in again' : 'Invalid access token');
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { id: claims.sub }, relations: { organisation: true } });
    if (!user || !user.active || !user.organisation) throw new Unauthorized('This account is not active');
    if (user.organisation.status === 'rejected') throw new Unauthorized('This organisation was not approved');
    return {
      userId: user.id,
      organisationId: user.organisationId,
      organisationStatus: user.organisation.status,
      role: user.role,
      displayName: user.displayName,
    };
  }
}
