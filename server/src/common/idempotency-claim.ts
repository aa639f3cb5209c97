import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { Conflict } from './errors';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The Idempotency-Key a request is running under, claimed by this process. */
export type IdempotencyClaim = {
  userId: string;
  key: string;
  /** Fencing token: only the holder of the current claim may record the answer. */
  claimId: string;
  /** The status the route answers with. */
  status: number;
  /** The answer recorded inside the request's transaction, if any. */
  recorded?: { body: unknown };
  /** Set once the request has finished; later work (e.g. a timer it started) records nothing. */
  closed?: boolean;
};

const claims = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `fn` (the request's handler) under `claim`. */
export function runWithClaim<T>(claim: IdempotencyClaim, fn: () => T): T {
  return claims.run(claim, fn);
}

/**
 * Called by a write at the end of its transaction with what it answers: when the request
 * carries an Idempotency-Key, the answer commits together with the change. A process killed
 * after the commit and before the response leaves a retry the first answer to replay,
 * never a change without its answer (which the retry would run again and be refused as a
 * duplicate). Returns the answer.
 *
 * If another process has taken the claim over meanwhile (this one was taken for dead), the
 * change must not commit: it throws, and the transaction rolls back.
 */
export async function recordAnswer<T>(manager: EntityManager, body: T): Promise<T> {
  const claim = claims.getStore();
  if (!claim || claim.closed) return body;
  const result = await manager
    .createQueryBuilder()
    .update(IdempotencyKeyEntity)
    .set({ state: 'done', responseStatus: claim.status, responseBody: (body ?? null) as object })
    .where('"userId" = :userId AND key = :key AND "claimId" = :claimId', { userId: claim.userId, key: claim.key, claimId: claim.claimId })
    .execute();
  if (!result.affected) {
    throw new Conflict('request_superseded', 'This request took too long and a retry with the same Idempotency-Key replaced it; that retry has the answer');
  }
  claim.recorded = { body };
  return body;
}
