import type {
  AgreementChanged,
  BoardEvent,
  Participation,
  CeremonyTotals,
  BoardJoinResult,
  BoardTotalsUpdate,
  ClientToServerEvents,
  ListingConfidentialUpdate,
  ListingInput,
  ServerToClientEvents,
} from '@duijie/shared';
import { orderBoardEvents } from '@duijie/shared';
import { io, type Socket } from 'socket.io-client';
import { PASSWORD, supplyListing, TestApp, type Actor } from '../testing/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that records everything pushed to it. */
class Recorder {
  readonly events: BoardEvent[] = [];
  readonly totals: BoardTotalsUpdate[] = [];
  readonly confidential: ListingConfidentialUpdate[] = [];
  readonly agreements: AgreementChanged[] = [];
  readonly ceremony: CeremonyTotals[] = [];
  readonly participations: Participation[] = [];
  constructor(readonly socket: Client) {
    socket.on('participation:changed', (p) => void this.participations.push(p));
    socket.on('ceremony:totals', (c) => void this.ceremony.push(c));
    socket.on('agreement:changed', (a) => void this.agreements.push(a));
    socket.on('board:event', (e) => void this.events.push(e));
    socket.on('board:totals', (t) => void this.totals.push(t));
    socket.on('listing:confidential', (c) => void this.confidential.push(c));
  }
  join(sessionId: string, lastSeq: number | null): Promise<BoardJoinResult> {
    return this.socket.timeout(10_000).emitWithAck('board:join', { sessionId, lastSeq });
  }
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('board gateway (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let sessionId: string;
  let eventId: string;
  const sockets: Client[] = [];

  const connect = (auth: Record<string, string>): Promise<Recorder> =>
    new Promise((resolve, reject) => {
      const socket: Client = io(t.url!, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once('connect', () => resolve(new Recorder(socket)));
      socket.once('connect_error', reject);
    });
  const post = (actor: Actor, body: ListingInput) =>
    t.http.post(`/api/sessions/${sessionId}/listings`).auth(actor.token, { type: 'bearer' }).send(body).expect(201);

  beforeAll(async () => {
    process.env.BOARD_REPLAY_LIMIT = '5';
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    const event = await t.event(organiser);
    eventId = event.id;
    sessionId = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    supplier = await t.organisation('enterprise');
    buyer = await t.organisation('enterprise');
    await t.participate(supplier, organiser, sessionId, 'supplier');
    await t.participate(buyer, organiser, sessionId, 'buyer');
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  it('refuses a socket without a token, or with a bad one, with a clear connect_error', async () => {
    await expect(connect({})).rejects.toThrow(/log in/);
    await expect(connect({ token: 'not-a-jwt' })).rejects.toThrow('Invalid access token');
    await expect(connect({ screenToken: 'made-up' })).rejects.toThrow(/screen link/);
  });

  it('starts a fresh client from a snapshot that matches the database', async () => {
    await post(supplier, supplyListing({ title: '快照测试' }));
    const client = await connect({ token: buyer.token });
    const result = await client.join(sessionId, null);
    if (!result.ok || result.mode !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`);
    const [{ n, seq }] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*)::int FROM listing WHERE "sessionId" = $1 AND status = 'open') AS n, (SELECT COALESCE(MAX(seq), 0) FROM board_sequence WHERE "sessionId" = $1) AS seq`,
      [sessionId],
    );
    expect(result.snapshot.listings).toHaveLength(n);
    expect(result.seq).toBe(seq);
    expect(result.snapshot.totals.participantsApproved).toBe(2);
  });

  it('pushes public projections to the session room and confidential fields only to the owner and organisers', async () => {
    const viewer = await connect({ token: buyer.token });
    const owner = await connect({ token: supplier.token });
    const boss = await connect({ token: organiser.token });
    for (const c of [viewer, owner, boss]) expect((await c.join(sessionId, null)).ok).toBe(true);
    const created = await post(supplier, supplyListing({ title: '保密测试', confidential: { notes: '底价3500元/吨', internalRateFloorBp: 1 } }));
    await until(() => viewer.events.some((e) => e.type === 'listing.created' && e.listing.id === created.body.id), 'the viewer to get the listing');
    await until(() => owner.confidential.length > 0 && boss.confidential.length > 0, 'confidential pushes');
    const seen = viewer.events.find((e) => e.type === 'listing.created' && e.listing.id === created.body.id)!;
    expect(JSON.stringify(seen)).not.toContain('底价');
    expect(owner.confidential[0]).toMatchObject({ listingId: created.body.id, confidential: { notes: '底价3500元/吨' } });
    expect(boss.confidential[0].listingId).toBe(created.body.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(viewer.confidential).toEqual([]);
    expect(JSON.stringify([viewer.events, viewer.totals])).not.toContain('底价');
  });

  it('replays exactly what a client missed after a gap, in order', async () => {
    const client = await connect({ token: buyer.token });
    const first = await client.join(sessionId, null);
    if (!first.ok) throw new Error('join failed');
    client.socket.disconnect();
    const a = await post(supplier, supplyListing({ title: '断线期间1' }));
    await t.http.patch(`/api/listings/${a.body.id}`).auth(supplier.token, { type: 'bearer' }).send({ version: 1, title: '断线期间1改' }).expect(200);
    await t.http.post(`/api/listings/${a.body.id}/withdraw`).auth(supplier.token, { type: 'bearer' }).send({ version: 2 }).expect(200);
    const again = await connect({ token: buyer.token });
    const result = await again.join(sessionId, first.seq);
    if (!result.ok || result.mode !== 'replay') throw new Error(`expected a replay, got ${JSON.stringify(result).slice(0, 200)}`);
    expect(result.events.map((e) => e.type)).toEqual(['listing.created', 'listing.updated', 'listing.withdrawn']);
    expect(result.events.map((e) => e.seq)).toEqual([first.seq + 1, first.seq + 2, first.seq + 3]);
    expect(result.seq).toBe(first.seq + 3);
    expect(orderBoardEvents(first.seq, result.events).gap).toBe(false);
  });

  it('sends a snapshot instead when the gap is too long', async () => {
    const client = await connect({ token: buyer.token });
    const first = await client.join(sessionId, null);
    if (!first.ok) throw new Error('join failed');
    for (let i = 0; i < 6; i++) await post(supplier, supplyListing({ title: `长断线${i}` }));
    const result = await client.join(sessionId, first.seq);
    expect(result).toMatchObject({ ok: true, mode: 'snapshot', seq: first.seq + 6 });
  });

  it('coalesces totals under a burst while every item event arrives once, in order', async () => {
    const client = await connect({ token: buyer.token });
    const start = await client.join(sessionId, null);
    if (!start.ok) throw new Error('join failed');
    const began = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => post(supplier, supplyListing({ title: `突发${i}` }))));
    const elapsed = Date.now() - began;
    await until(() => client.events.filter((e) => e.type === 'listing.created').length >= 30, '30 created events');
    const seqs = client.events.map((e) => e.seq).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => start.seq + 1 + i));
    // The last totals push reflects the final state of the database.
    const truth = (await t.http.get(`/api/sessions/${sessionId}/board`).auth(buyer.token, { type: 'bearer' }).expect(200)).body;
    await until(() => client.totals.at(-1)?.seq === start.seq + 30, 'totals for the last change');
    expect(client.totals.at(-1)!.totals).toEqual(truth);
    // At most one totals push per 250 ms, plus the leading and trailing ones.
    expect(client.totals.length).toBeLessThanOrEqual(Math.ceil((elapsed + 500) / 250) + 2);
    expect(client.totals.length).toBeLessThan(30);
  });

  it('lets a screen link watch its event read-only, and cuts it off when revoked', async () => {
    const link = await t.http.post(`/api/events/${eventId}/screen-links`).auth(organiser.token, { type: 'bearer' }).send({ label: '主会场大屏' }).expect(201);
    await t.http.post(`/api/events/${eventId}/screen-links`).auth(supplier.token, { type: 'bearer' }).send({ label: 'x' }).expect(403);
    const screen = await connect({ screenToken: link.body.token });
    expect((await screen.join(sessionId, null)).ok).toBe(true);
    // A screen link reads; it cannot write, nor pass for a user over HTTP.
    await t.http.post(`/api/sessions/${sessionId}/listings`).auth(link.body.token, { type: 'bearer' }).send(supplyListing()).expect(401);
    await t.http.get('/api/auth/me').auth(link.body.token, { type: 'bearer' }).expect(401);
    const otherEvent = await t.event(organiser);
    const otherSession = await t.session(organiser, otherEvent.id, 'bank_enterprise', 'live');
    expect(await screen.join(otherSession.id, null)).toMatchObject({ ok: false, code: 'not_found' });
    await post(supplier, supplyListing({ title: '大屏可见', confidential: { notes: '大屏不可见' } }));
    await until(() => screen.events.some((e) => e.type === 'listing.created'), 'the screen to see the listing');
    expect(JSON.stringify(screen.events)).not.toContain('大屏不可见');
    const disconnected = new Promise((r) => screen.socket.once('disconnect', r));
    await t.http.post(`/api/screen-links/${link.body.id}/revoke`).auth(organiser.token, { type: 'bearer' }).expect(200);
    await disconnected;
    await expect(connect({ screenToken: link.body.token })).rejects.toThrow(/revoked/);
  });

  it('tells the parties of an agreement, and organisers, when it changes — and nobody else', async () => {
    const outsider = await t.organisation('enterprise');
    const [supplierSocket, buyerSocket, organiserSocket, outsiderSocket] = await Promise.all(
      [supplier, buyer, organiser, outsider].map((actor) => connect({ token: actor.token })),
    );
    for (const actor of [supplier, buyer])
      await t.http.post('/api/auth/step-up').auth(actor.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
    const drafted = await t.http
      .post(`/api/sessions/${sessionId}/agreements`)
      .auth(supplier.token, { type: 'bearer' })
      .send({
        kind: 'supply_contract',
        title: '螺纹钢供货合同',
        amount: 19_000_000,
        product: 'steel',
        quantity: 5000,
        unit: '吨',
        keyTerms: '分三批交货',
        parties: [
          { organisationId: supplier.organisationId, role: 'supplier' },
          { organisationId: buyer.organisationId, role: 'buyer' },
        ],
      })
      .expect(201);
    await t.http
      .post(`/api/agreements/${drafted.body.id}/sign`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ contentHash: drafted.body.contentHash })
      .expect(200);
    await until(
      () => buyerSocket.agreements.length === 2 && supplierSocket.agreements.length === 2 && organiserSocket.agreements.length === 2,
      'two agreement updates each',
    );
    expect(buyerSocket.agreements.at(-1)).toMatchObject({ agreementId: drafted.body.id, status: 'drafting', pendingOrganisationIds: [buyer.organisationId] });
    await t.http
      .post(`/api/agreements/${drafted.body.id}/sign`)
      .auth(buyer.token, { type: 'bearer' })
      .send({ contentHash: drafted.body.contentHash })
      .expect(200);
    await until(() => supplierSocket.agreements.at(-1)?.status === 'signed', 'the signed update');
    expect(supplierSocket.agreements.at(-1)!.pendingOrganisationIds).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(outsiderSocket.agreements).toEqual([]);
  });

  it('gives the big screen the ceremony figures live, equal to the database once settled', async () => {
    const link = await t.http.post(`/api/events/${eventId}/screen-links`).auth(organiser.token, { type: 'bearer' }).send({ label: '签约仪式大屏' }).expect(201);
    const screen = await connect({ screenToken: link.body.token });
    const joined = await screen.socket.timeout(10_000).emitWithAck('ceremony:join', { eventId });
    if (!joined.ok) throw new Error(joined.message);
    const before = joined.totals.signedAmount;
    const otherEvent = await t.event(organiser);
    expect(await screen.socket.timeout(10_000).emitWithAck('ceremony:join', { eventId: otherEvent.id })).toMatchObject({ ok: false });
    for (const actor of [supplier, buyer])
      await t.http.post('/api/auth/step-up').auth(actor.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
    for (let i = 0; i < 3; i++) {
      const a = await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(supplier.token, { type: 'bearer' })
        .send({
          kind: 'supply_contract',
          title: `铝锭供货合同${i}`,
          amount: 10_000_000 + i,
          product: 'aluminium_ingot',
          quantity: 1000,
          unit: '吨',
          keyTerms: '月结',
          parties: [
            { organisationId: supplier.organisationId, role: 'supplier' },
            { organisationId: buyer.organisationId, role: 'buyer' },
          ],
        })
        .expect(201);
      for (const actor of [supplier, buyer])
        await t.http.post(`/api/agreements/${a.body.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: a.body.contentHash }).expect(200);
    }
    const [{ amount, n }] = await t.dataSource.query(
      `SELECT COALESCE(SUM(amount), 0)::text AS amount, COUNT(*)::int AS n FROM agreement WHERE "eventId" = $1 AND status IN ('signed', 'confirmed')`,
      [eventId],
    );
    await until(() => screen.ceremony.at(-1)?.signedAmount === Number(amount), 'the screen to settle on the database total');
    const last = screen.ceremony.at(-1)!;
    expect(last).toMatchObject({ signedCount: n, eventId, timeZone: 'Asia/Shanghai' });
    expect(last.signedAmount - before).toBe(30_000_003);
    expect(last.latest[0].title).toBe('铝锭供货合同2');
    expect(last.byChain.find((c) => c.chain === 'aluminium_rolling')?.count).toBeGreaterThanOrEqual(3);
    expect(last.timeline.at(-1)!.cumulativeAmount).toBe(last.signedAmount);
  });

  it('refuses draft sessions to participants and bad join requests', async () => {
    const draft = await t.session(organiser, eventId, 'building_materials', 'draft');
    const client = await connect({ token: buyer.token });
    expect(await client.join(draft.id, null)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await client.join('nope', null)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await client.join(sessionId, -3)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('gives a user of an unapproved organisation no board and no ceremony', async () => {
    const pending = await t.organisation('enterprise', { approve: false });
    const client = await connect({ token: pending.token });
    expect(await client.join(sessionId, null)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await client.socket.timeout(10_000).emitWithAck('ceremony:join', { eventId })).toMatchObject({ ok: false });
    await post(supplier, supplyListing({ title: '待审核单位不可见' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(client.events).toEqual([]);
  });

  it('keeps a rejection reason out of the session room and its replay; the participant and organisers get it', async () => {
    const bank = await t.organisation('bank');
    const banking = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    const registered = await t.http.post(`/api/sessions/${banking}/participants`).auth(bank.token, { type: 'bearer' }).send({ role: 'lender' }).expect(201);
    await t.http.post(`/api/participants/${registered.body.id}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    const [watcher, own, organisers] = await Promise.all([buyer, bank, organiser].map((actor) => connect({ token: actor.token })));
    const joined = await watcher.join(banking, null);
    if (!joined.ok) throw new Error(joined.message);
    const reason = '资质材料过期，请更新后再报名';
    await t.http.post(`/api/participants/${registered.body.id}/reject`).auth(organiser.token, { type: 'bearer' }).send({ reason }).expect(200);
    await until(() => watcher.events.some((e) => e.type === 'participant.changed'), 'the public participant change');
    const rejected = (r: Recorder) => r.participations.some((p) => p.status === 'rejected');
    await until(() => rejected(own) && rejected(organisers), 'the reason to reach the participant and organisers');
    expect(own.participations.at(-1)).toMatchObject({ id: registered.body.id, status: 'rejected', reason });
    expect(organisers.participations.at(-1)).toMatchObject({ status: 'rejected', reason });
    expect(watcher.participations).toEqual([]);
    expect(JSON.stringify(watcher.events)).not.toContain(reason);
    const late = await connect({ token: buyer.token });
    const replay = await late.join(banking, joined.seq);
    if (!replay.ok || replay.mode !== 'replay') throw new Error(`expected a replay, got ${JSON.stringify(replay)}`);
    expect(replay.events.map((e) => e.type)).toContain('participant.changed');
    expect(JSON.stringify(replay.events)).not.toContain(reason);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM board_event WHERE "sessionId" = $1 AND payload::text LIKE $2`, [
      banking,
      `%${reason}%`,
    ]);
    expect(n).toBe(0);
  });

  it('stops a screen link at its expiry, also on a live socket, and refuses an expiry in the past', async () => {
    const past = await t.http
      .post(`/api/events/${eventId}/screen-links`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ label: '过期大屏', expiresAt: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.fields[0].field).toBe('expiresAt');
    const byDefault = await t.http
      .post(`/api/events/${eventId}/screen-links`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ label: '默认大屏' })
      .expect(201);
    // The test event ends on 2026-12-12: the link works until the end of the next day, Beijing time.
    expect(byDefault.body.expiresAt).toBe('2026-12-13T16:00:00.000Z');
    const soon = new Date(Date.now() + 1500).toISOString();
    const link = await t.http
      .post(`/api/events/${eventId}/screen-links`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ label: '短时大屏', expiresAt: soon })
      .expect(201);
    const screen = await connect({ screenToken: link.body.token });
    expect((await screen.join(sessionId, null)).ok).toBe(true);
    await new Promise((r) => screen.socket.once('disconnect', r));
    await expect(connect({ screenToken: link.body.token })).rejects.toThrow(/expired/);
  });
});
