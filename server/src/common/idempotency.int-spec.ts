// Idempotency-Key claims when a process dies mid-request: a claim left by a process that is
// gone is taken over at once (not after a timeout), a claim of a live process is still in
// flight, and a write commits its answer with its change, or does not commit at all.
import type { Agreement } from '@duijie/shared';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AgreementsService } from '../agreements/agreements.service';
import type { Principal } from '../access/principal';
import { TokenService } from '../auth/token.service';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { runWithClaim } from './idempotency-claim';
import { IDEMPOTENCY_TTL_SECONDS, idempotencyHashKey, insertClaim, requestHashOf } from './idempotency.interceptor';
import { PRESENCE_LOCK_SPACE, ServerPresence } from './server-presence';

describe('Idempotency-Key claims across processes (integration)', () => {
  let t: TestApp;
  let sessionId: string;
  let borrower: Actor;
  let bank: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    const organiser = await t.organiser();
    const event = await t.event(organiser);
    sessionId = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    borrower = await t.organisation('enterprise');
    bank = await t.organisation('bank');
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const actor of [borrower, bank]) await t.http.post('/api/auth/step-up').auth(actor.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  });
  afterAll(() => t.close());

  const draft = async (): Promise<Agreement> =>
    (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title: '幂等贷款合同',
          amount: 10_000_000,
          keyTerms: '按季付息',
          parties: [
            { organisationId: borrower.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
  const sign = (actor: Actor, a: Agreement, key: string) =>
    t.http.post(`/api/agreements/${a.id}/sign`).auth(actor.token, { type: 'bearer' }).set('Idempotency-Key', key).send({ contentHash: a.contentHash });
  /** The key as a first request to sign `a` left it: claimed, not answered. */
  const claimed = async (actor: Actor, a: Agreement, key: string, claim: { claimId?: string; ownerInstance: number | null }) => {
    const route = `POST /api/agreements/${a.id}/sign`;
    const requestHash = requestHashOf(idempotencyHashKey(t.app.get<AppConfig>(APP_CONFIG)), route, { contentHash: a.contentHash });
    await t.dataSource.query(
      `INSERT INTO idempotency_key ("userId", key, route, "requestHash", state, "claimId", "ownerInstance") VALUES ($1, $2, $3, $4, 'in_flight', $5, $6)`,
      [actor.userId, key, route, requestHash, claim.claimId ?? randomUUID(), claim.ownerInstance],
    );
  };
  const signatures = async (a: Agreement, actor: Actor): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          `SELECT count(*) FROM agreement_signature s JOIN agreement_party p ON p.id = s."partyId" WHERE s."agreementId" = $1 AND p."organisationId" = $2`,
          [a.id, actor.organisationId],
        )
      )[0].count,
    );

  it('takes over at once a key whose first request died with its process', async () => {
    const a = await draft();
    const key = randomUUID();
    // Instance 424242 holds no presence lock: its process is gone.
    await claimed(bank, a, key, { ownerInstance: 424_242 });
    const first = await sign(bank, a, key).expect(200);
    expect(first.body.parties.find((p: { organisationId: string }) => p.organisationId === bank.organisationId).signature).not.toBeNull();
    const retry = await sign(bank, a, key).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(await signatures(a, bank)).toBe(1);
  });

  it('answers 409 while the process running the first request lives, and takes over the moment it dies', async () => {
    const a = await draft();
    const key = randomUUID();
    // Another server process: its presence lock is held on its own connection.
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1, $2)', [PRESENCE_LOCK_SPACE, 777_001]);
    await claimed(bank, a, key, { ownerInstance: 777_001 });
    expect((await sign(bank, a, key).expect(409)).body.code).toBe('request_in_progress');
    expect(await signatures(a, bank)).toBe(0);
    await other.end(); // the process dies: its connection closes
    await sign(bank, a, key).expect(200);
    expect(await signatures(a, bank)).toBe(1);
  });

  it('keeps a key claimed by this very process in flight', async () => {
    const a = await draft();
    const key = randomUUID();
    await claimed(bank, a, key, { ownerInstance: t.app.get(ServerPresence).instance });
    expect((await sign(bank, a, key).expect(409)).body.code).toBe('request_in_progress');
  });

  it('commits the answer in the transaction of the change, and no change once the claim was taken over', async () => {
    const agreements = t.app.get(AgreementsService);
    // The bank's own login session, which carries its step-up signing grant.
    const principal: Principal = await t.app.get(TokenService).authenticate(bank.token);
    const a = await draft();
    const key = randomUUID();
    const mine = randomUUID();
    await claimed(bank, a, key, { claimId: mine, ownerInstance: null });

    // A retry took the claim over while this request was running: its signature must not commit.
    await expect(
      runWithClaim({ userId: bank.userId, key, claimId: randomUUID(), status: 200 }, () => agreements.sign(principal, a.id, a.contentHash)),
    ).rejects.toMatchObject({
      code: 'request_superseded',
    });
    expect(await signatures(a, bank)).toBe(0);

    // The holder of the claim: the answer is stored by the signing transaction itself, so a
    // process killed right after the commit leaves it for the retry to replay.
    const answer = await runWithClaim({ userId: bank.userId, key, claimId: mine, status: 200 }, () => agreements.sign(principal, a.id, a.contentHash));
    const [row] = await t.dataSource.query(`SELECT state, "responseStatus", "responseBody" FROM idempotency_key WHERE "userId" = $1 AND key = $2`, [
      bank.userId,
      key,
    ]);
    expect(row).toMatchObject({ state: 'done', responseStatus: 200 });
    expect(row.responseBody).toEqual(JSON.parse(JSON.stringify(answer)));
    const replay = await sign(bank, a, key).expect(200);
    expect(replay.body).toEqual(row.responseBody);
    expect(await signatures(a, bank)).toBe(1);
  });

  it('claims a key without waiting for a WAL flush, and leaves the connection committing synchronously', async () => {
    // This backend's own WAL writes (PostgreSQL 18 counts them per backend): a synchronous commit
    // writes its WAL out itself and waits for the flush (not done here: the tests run with
    // fsync off); an asynchronous one leaves both to the WAL writer.
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const walWrites = async (): Promise<number> => {
        await runner.query(`SELECT pg_stat_force_next_flush()`);
        const [row]: { n: string | null }[] = await runner.query(
          `SELECT sum(writes)::text AS n FROM pg_stat_get_backend_io(pg_backend_pid()) WHERE object = 'wal'`,
        );
        return Number(row.n ?? 0);
      };
      const row = () => ({
        userId: borrower.userId,
        key: `async-${randomUUID()}`,
        route: 'POST /x',
        requestHash: '0'.repeat(64),
        claimId: randomUUID(),
        ownerInstance: null,
      });
      const before = await walWrites();
      for (let i = 0; i < 10; i++) expect(await insertClaim(runner, row())).toBe(true);
      expect(await walWrites()).toBe(before);
      // The setting was the claim's transaction's alone: this connection's next commits wait for their flush.
      expect(await runner.query(`SHOW synchronous_commit`)).toEqual([{ synchronous_commit: 'on' }]);
      for (let i = 0; i < 10; i++) {
        await runner.query(`INSERT INTO idempotency_key ("userId", key, route, "requestHash", state) VALUES ($1, $2, 'POST /x', $3, 'in_flight')`, [
          borrower.userId,
          `sync-${randomUUID()}`,
          '0'.repeat(64),
        ]);
      }
      expect(await walWrites()).toBeGreaterThan(before);
      const again = row();
      expect(await insertClaim(runner, again)).toBe(true);
      expect(await insertClaim(runner, { ...again, claimId: randomUUID() })).toBe(false);
    } finally {
      await runner.query(`DELETE FROM idempotency_key WHERE route = 'POST /x'`);
      await runner.release();
    }
  });

  it('stores a keyed hash of the body (HMAC with the server secret), not a plain SHA-256 of it', async () => {
    const a = await draft();
    const key = randomUUID();
    await sign(bank, a, key).expect(200);
    const [row] = await t.dataSource.query(`SELECT "requestHash" FROM idempotency_key WHERE "userId" = $1 AND key = $2`, [bank.userId, key]);
    const route = `POST /api/agreements/${a.id}/sign`;
    const body = JSON.stringify({ contentHash: a.contentHash });
    expect(row.requestHash).not.toBe(createHash('sha256').update(route).update('\n').update(body).digest('hex'));
    expect(row.requestHash).toBe(requestHashOf(idempotencyHashKey(t.app.get<AppConfig>(APP_CONFIG)), route, { contentHash: a.contentHash }));
    expect(requestHashOf(idempotencyHashKey({ jwtSecret: 'another-secret-another-secret-0123456789' }), route, { contentHash: a.contentHash })).not.toBe(
      row.requestHash,
    );
  });

  it('forgets a key after its lifetime: the key is new again, and expired records are purged by later writes', async () => {
    const a = await draft();
    const key = randomUUID();
    const first = await sign(bank, a, key).expect(200);
    const old = `${IDEMPOTENCY_TTL_SECONDS + 60} seconds`;
    await t.dataSource.query(`UPDATE idempotency_key SET "createdAt" = now() - $3::interval WHERE "userId" = $1 AND key = $2`, [bank.userId, key, old]);
    // A different body under the expired key is a new request, not a reuse (422).
    const b = await draft();
    const reused = await t.http
      .post(`/api/agreements/${b.id}/sign`)
      .auth(bank.token, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send({ contentHash: b.contentHash })
      .expect(200);
    expect(reused.body.id).toBe(b.id);
    expect(reused.body.id).not.toBe(first.body.id);

    // An expired record of another key goes at the next sweep.
    const stale = randomUUID();
    await claimed(borrower, a, stale, { ownerInstance: null });
    await t.dataSource.query(`UPDATE idempotency_key SET "createdAt" = now() - $3::interval WHERE "userId" = $1 AND key = $2`, [borrower.userId, stale, old]);
    // A process sweeps with its first keyed write (then once a minute): a fresh one sweeps now.
    const fresh = await TestApp.start();
    try {
      const c = await draft();
      await fresh.http
        .post(`/api/agreements/${c.id}/sign`)
        .auth(bank.token, { type: 'bearer' })
        .set('Idempotency-Key', randomUUID())
        .send({ contentHash: c.contentHash })
        .expect(200);
    } finally {
      await fresh.close();
    }
    expect(await t.dataSource.query(`SELECT 1 FROM idempotency_key WHERE "userId" = $1 AND key = $2`, [borrower.userId, stale])).toHaveLength(0);
  });
});
