import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource, LessThan } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Conflict, DomainError, InvalidInput } from './errors';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** A first request that has not answered within this time is taken to have died. */
const IN_FLIGHT_TIMEOUT_MS = 60_000;

/**
 * Writes sent with an `Idempotency-Key` header run once per user and key: a retry gets
 * the first response, the same key with a different body is refused (422), and a retry
 * while the first is still running gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const requestHash = createHash('sha256').update(route).update('\n').update(JSON.stringify(req.body ?? null)).digest('hex');
    const repo = this.dataSource.getRepository(IdempotencyKeyEntity);

    return from(this.begin(userId, key, route, requestHash)).pipe(
      switchMap((replay) => {
        if (replay) {
          res.status(replay.status);
          return of(replay.body);
        }
        return next.handle().pipe(
          // Record the answer before it is sent, so a retry right after it finds it.
          switchMap((body: unknown) =>
            from(repo.update({ userId, key }, { state: 'done', responseStatus: res.statusCode, responseBody: (body ?? null) as object })).pipe(
              switchMap(() => of(body)),
            ),
          ),
          catchError((error: unknown) => from(repo.delete({ userId, key })).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Claims the key, or returns the stored response to replay. */
  private async begin(userId: string, key: string, route: string, requestHash: string): Promise<{ status: number; body: unknown } | null> {
    const repo = this.dataSource.getRepository(IdempotencyKeyEntity);
    await repo.delete({ userId, key, state: 'in_flight', createdAt: LessThan(new Date(Date.now() - IN_FLIGHT_TIMEOUT_MS)) });
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({ userId, key, route, requestHash, state: 'in_flight' })
      .orIgnore()
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return null;
    const existing = await repo.findOneByOrFail({ userId, key });
    if (existing.requestHash !== requestHash) {
      throw new DomainError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
    }
    if (existing.state === 'in_flight') throw new Conflict('request_in_progress', 'The same request is still being processed; try again shortly');
    return { status: existing.responseStatus ?? 200, body: existing.responseBody };
  }
}
