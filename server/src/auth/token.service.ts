import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Unauthorized } from '../common/errors';
import type { Tx } from '../common/unit-of-work/unit-of-work';
import { AuthSessionEntity } from './auth-session.entity';
import type { Principal } from '../access/principal';

type Claims = { sub: string; sid: string };

export type IssuedToken = { token: string; sessionId: string; expiresAt: Date };

/** Where a login came from, kept on its session row for the account's owner and the audit. */
export type ClientInfo = { ip: string; userAgent: string | null };

/**
 * Issues access tokens and turns one back into a Principal; shared by HTTP and sockets.
 * Every token names a server-side session (`sid`), so a logout revokes it at once.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string, client: ClientInfo): Promise<IssuedToken> {
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    // The user's long-dead sessions are of no use any more (the audit keeps the logins).
    await this.dataSource.query(`DELETE FROM auth_session WHERE "userId" = $1 AND "expiresAt" < now() - interval '7 days'`, [userId]);
    const session = await this.dataSource.getRepository(AuthSessionEntity).save({
      userId,
      expiresAt,
      revokedAt: null,
      signingGrantUntil: null,
      lastIp: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const claims: Claims = { sub: userId, sid: session.id };
    const token = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds });
    return { token, sessionId: session.id, expiresAt };
  }

  get ttlSeconds(): number {
    return this.config.jwtTtlSeconds;
  }

  /** Ends a login: its token stops working and its sockets are closed, in every process. */
  /** Revokes a login session in `tx`; its sockets close once that commits. */
  async revoke(tx: Tx, sessionId: string): Promise<void> {
    await tx.manager.getRepository(AuthSessionEntity).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    tx.emit({ type: 'access.revoked', authSessionId: sessionId });
  }

  /** Verifies the token, then reads its session and user so logout and deactivation take effect at once. */
  async authenticate(token: string): Promise<Principal> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new Unauthorized(expired ? 'Your session has expired; please log in again' : 'Invalid access token');
    }
    if (typeof claims.sid !== 'string') throw new Unauthorized('Invalid access token');
    // The session with its user and organisation in one query (`findOne` with relations sends two).
    const session = await this.dataSource
      .getRepository(AuthSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.user', 'u')
      .leftJoinAndSelect('u.organisation', 'o')
      .where('s.id = :sid', { sid: claims.sid })
      .getOne();
    if (!session || session.userId !== claims.sub) throw new Unauthorized('Invalid access token');
    if (session.revokedAt) throw new Unauthorized('You have logged out; please log in again');
    if (session.expiresAt.getTime() <= Date.now()) throw new Unauthorized('Your session has expired; please log in again');
    const user = session.user;
    if (!user || !user.active || !user.organisation) throw new Unauthorized('This account is not active');
    if (user.organisation.status === 'rejected') throw new Unauthorized('This organisation was not approved');
    if (user.organisation.status === 'suspended') throw new Unauthorized('This organisation is suspended; contact the organisers');
    return {
      userId: user.id,
      organisationId: user.organisationId,
      organisationStatus: user.organisation.status,
      role: user.role,
      displayName: user.displayName,
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
      signingGrantUntil: session.signingGrantUntil,
    };
  }
}
