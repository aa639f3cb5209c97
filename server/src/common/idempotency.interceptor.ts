import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHmac, randomUUID } from 'node:crypto';
import { catchError, from, map, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Conflict, DomainError, InvalidInput } from './errors';
import { runWithClaim, type IdempotencyClaim } from './idempotency-claim';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { instanceAlive, ServerPresence } from './server-presence';

/**
 * A first request that has not answered within this time is taken to have died even if its
 * process is alive (a stuck request must not hold its key forever). One whose process is
 * gone is taken over at once.
 */
const IN_FLIGHT_TIMEOUT_SECONDS = 60;

/** A key's record (and its answer) is kept this long; after it the key is new again. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Expired records are swept by a write at most this often per process. */
const PURGE_EVERY_MS = 60_000;

/** The HMAC key for request bodies, derived from the server secret (config or data folder, never the database). */
export function idempotencyHashKey(config: Pick<AppConfig, 'jwtSecret'>): Buffer {
  return createHmac('sha256', config.jwtSecret).update('duijie idempotency request hash').digest();
}

/** A keyed hash of the route and body: the stored value tells nothing about the body without the secret. */
export function requestHashOf(hashKey: Buffer, route: string, body: unknown): string {
  return createHmac('sha256', hashKey)
    .update(route)
    .update('\n')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Claims a key for a first request; answers false when the key already has a record.
 *
 * The claim commits without waiting for its WAL flush (synchronous_commit off for this
 * statement's own transaction alone): it only keeps a concurrent retry from running the
 * request twice meanwhile, and is never an answer. Should PostgreSQL crash before the flush,
 * the claim goes only with everything the request wrote after it, none of it acknowledged:
 * the change and its answer commit later, synchronously, and their flush carries the claim's
 * earlier WAL with it. A retry then claims the key afresh.
 */
export async function insertClaim(
  db: { query(sql: string, parameters: unknown[]): Promise<unknown[]> },
  row: { userId: string; key: string; route: string; requestHash: string; claimId: string; ownerInstance: number | null },
): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO idempotency_key ("userId", key, route, "requestHash", state, "claimId", "ownerInstance")
     SELECT $1::uuid, $2, $3, $4, 'in_flight', $5::uuid, $6::int FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
     ON CONFLICT DO NOTHING RETURNING "claimId"`,
    [row.userId, row.key, row.route, row.requestHash, row.claimId, row.ownerInstance],
  );
  return inserted.length > 0;
}

type Begun = { replay: { status: number; body: unknown } } | { claim: IdempotencyClaim };

/**
 * Writes sent with an `Idempotency-Key` header run once per user and key: a retry gets
 * the first response, the same key with a different body is refused (422), and a retry
 * while the first is still running gets 409.
 *
 * The key is claimed in the database under this process's presence (see ServerPresence)
 * before the handler runs. Writes record their answer inside their own transaction
 * (recordAnswer), so a change and its answer commit together. A claim left behind by a
 * process that died mid-request is taken over by the next retry at once: its change, if it
 * had not committed, was rolled back with its connection.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly hashKey: Buffer;
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly presence: ServerPresence,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashKey = idempotencyHashKey(config);
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (!key || !req.principal || !['POST', 'PATCH', 'PUT'].includes(req.method)) return next.handle();
    // A multipart body (an import's files) is read after this runs, so it cannot be compared
    // with a retry's: such requests are not deduplicated here. The import is repeatable by design.
    if (req.is('multipart/form-data')) return next.handle();
    if (key.length > 100) throw new InvalidInput('Idempotency-Key', 'must be at most 100 characters');
    const userId = req.principal.userId;
    const route = `${req.method} ${req.path}`.slice(0, 300);
    const requestHash = requestHashOf(this.hashKey, route, req.body);
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);

    return from(this.begin(userId, key, route, requestHash, status)).pipe(
      switchMap((begun) => {
        if ('replay' in begun) {
          res.status(begun.replay.status);
          return of(begun.replay.body);
        }
        const { claim } = begun;
        // The handler runs in the claim's async context, where recordAnswer finds it.
        return runWithClaim(claim, () => next.handle()).pipe(
          switchMap((body: unknown) => from(this.finish(claim, body)).pipe(map(() => body))),
          catchError((error: unknown) => from(this.release(claim)).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Claims the key, or returns the stored response to replay. */
  private async begin(userId: string, key: string, route: string, requestHash: string, status: number): Promise<Begun> {
    const repo = this.dataSource.getRepository(IdempotencyKeyEntity);
    const claim: IdempotencyClaim = { userId, key, claimId: randomUUID(), status };
    await this.purgeExpired();
    // A few rounds at most: each lost round means another request claimed or finished the key.
    for (let round = 0; round < 3; round++) {
      const ownerInstance = this.presence.instance;
      const inserted = await insertClaim(this.dataSource, { userId, key, route, requestHash, claimId: claim.claimId, ownerInstance });
      if (inserted) return { claim };

      const [existing]: (Pick<IdempotencyKeyEntity, 'requestHash' | 'state' | 'responseStatus' | 'responseBody' | 'claimId'> & {
        abandoned: boolean;
        expired: boolean;
        createdAt: string;
      })[] = await this.dataSource.query(
        `SELECT k."requestHash", k.state, k."responseStatus", k."responseBody", k."claimId", k."createdAt"::text AS "createdAt",
                (k."createdAt" < now() - make_interval(secs => $3)
                 OR (k."ownerInstance" IS NOT NULL AND NOT ${instanceAlive('k."ownerInstance"')})) AS abandoned,
                k."createdAt" < now() - make_interval(secs => $4) AS expired
           FROM idempotency_key k WHERE k."userId" = $1 AND k.key = $2`,
        [userId, key, IN_FLIGHT_TIMEOUT_SECONDS, IDEMPOTENCY_TTL_SECONDS],
      );
      if (!existing) continue; // released by a failed first request meanwhile: claim it now
      if (existing.expired) {
        // Past its lifetime the key is new again: drop the old record and claim it afresh.
        await this.dataSource.query(`DELETE FROM idempotency_key WHERE "userId" = $1 AND key = $2 AND "createdAt" = CAST($3 AS timestamptz)`, [
          userId,
          key,
          existing.createdAt,
        ]);
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw new DomainError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
      }
      if (existing.state === 'done') return { replay: { status: existing.responseStatus ?? status, body: existing.responseBody } };
      if (!existing.abandoned) throw new Conflict('request_in_progress', 'The same request is still being processed; try again shortly');
      // The first request's process is gone (or the request is stuck): take its claim over.
      // Only one retry wins, and the first request, should it still be running, can no
      // longer record an answer, so its change cannot commit (see recordAnswer).
      const taken = await repo
        .createQueryBuilder()
        .update()
        .set({ claimId: claim.claimId, ownerInstance, createdAt: () => 'now()' })
        .where(
          `"userId" = :userId AND key = :key AND state = 'in_flight' AND "claimId" IS NOT DISTINCT FROM :old AND "createdAt" = CAST(:createdAt AS timestamptz)`,
          {
            userId,
            key,
            old: existing.claimId,
            createdAt: existing.createdAt,
          },
        )
        .execute();
      if (taken.affected) {
        this.logger.warn(`Took over Idempotency-Key ${key} of user ${userId}: its first request died with its process or ran too long`);
        return { claim };
      }
    }
    throw new Conflict('request_in_progress', 'The same request is still being processed; try again shortly');
  }

  /** Deletes records past their lifetime; at most once a minute, so writes do not pay for it each time. */
  private async purgeExpired(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE "createdAt" < now() - make_interval(secs => $1)`, [IDEMPOTENCY_TTL_SECONDS]);
  }

  /** Stores the answer, unless the handler's transaction already committed it with the change. */
  private async finish(claim: IdempotencyClaim, body: unknown): Promise<void> {
    claim.closed = true;
    if (claim.recorded && claim.recorded.body === body) return;
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .update(
        { userId: claim.userId, key: claim.key, claimId: claim.claimId },
        { state: 'done', responseStatus: claim.status, responseBody: (body ?? null) as object },
      );
  }

  /** A failed request leaves no answer: the key is free for a retry (unless its answer committed). */
  private async release(claim: IdempotencyClaim): Promise<void> {
    claim.closed = true;
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ userId: claim.userId, key: claim.key, claimId: claim.claimId, state: 'in_flight' });
  }
}
