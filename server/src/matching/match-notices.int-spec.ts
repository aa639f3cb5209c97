import type { ClientToServerEvents, MatchNotice, ServerToClientEvents } from '@duijie/shared';
import { io, type Socket } from 'socket.io-client';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('strong new matches, live (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let session: string;
  let builder: Actor;
  let supplier: Actor;
  let demandId: string;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    const event = await t.event(organiser);
    session = (await t.session(organiser, event.id, 'building_materials', 'live')).id;
    builder = await t.organisation('construction_unit');
    supplier = await t.organisation('enterprise');
    await t.participate(builder, organiser, session, 'builder');
    await t.participate(supplier, organiser, session, 'producer');
    const demand = await t.http
      .post(`/api/sessions/${session}/listings`)
      .auth(builder.token, { type: 'bearer' })
      .send({
        type: 'demand',
        title: '螺纹钢采购',
        goods: {
          category: 'steel',
          quantity: 5000,
          unit: '吨',
          priceMin: 3600,
          priceMax: 3900,
          deliveryFrom: '2027-01-01',
          deliveryTo: '2027-06-30',
          region: '630100',
        },
      })
      .expect(201);
    demandId = demand.body.id;
    socket = io(t.url!, { auth: { token: builder.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    socket?.disconnect();
    await t.close();
  });

  it('tells the organisation when a new listing strongly matches one of its own', async () => {
    const notices: MatchNotice[] = [];
    socket.on('match:new', (n) => notices.push(n));
    const weak = await t.http
      .post(`/api/sessions/${session}/listings`)
      .auth(supplier.token, { type: 'bearer' })
      .send(supplyListing({ title: '远方小批量', goods: { ...supplyListing().goods!, quantity: 10, region: '440100', priceMin: 9000, priceMax: 9000 } }))
      .expect(201);
    const strong = await t.http.post(`/api/sessions/${session}/listings`).auth(supplier.token, { type: 'bearer' }).send(supplyListing()).expect(201);
    const deadline = Date.now() + 10_000;
    while (!notices.some((n) => n.counterpart.id === strong.body.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const notice = notices.find((n) => n.counterpart.id === strong.body.id);
    expect(notice).toMatchObject({ listingId: demandId, listingTitle: '螺纹钢采购', score: expect.any(Number) });
    expect(notice!.score).toBeGreaterThanOrEqual(80);
    expect(notice!.counterpart).not.toHaveProperty('confidential');
    expect(notices.some((n) => n.counterpart.id === weak.body.id)).toBe(false);

    // Once dismissed, the same listing changed again is not announced again.
    await t.http.put(`/api/listings/${demandId}/matches/${strong.body.id}/dismissed`).auth(builder.token, { type: 'bearer' }).expect(204);
    notices.length = 0;
    const edited = await t.http
      .patch(`/api/listings/${strong.body.id}`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ version: strong.body.version, title: '螺纹钢现货（更新）' })
      .expect(200);
    const other = await t.http
      .post(`/api/sessions/${session}/listings`)
      .auth(supplier.token, { type: 'bearer' })
      .send(supplyListing({ title: '另一批螺纹钢' }))
      .expect(201);
    const until = Date.now() + 10_000;
    while (!notices.some((n) => n.counterpart.id === other.body.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(notices.map((n) => n.counterpart.id)).toEqual([other.body.id]);
    expect(edited.body.version).toBe(strong.body.version + 1);
  });

  it('counts each board listing’s good matches', async () => {
    const res = await t.http.get(`/api/sessions/${session}/match-counts?ids=${demandId}`).auth(builder.token, { type: 'bearer' }).expect(200);
    expect(res.body[demandId]).toBe(2);
    const bad = await t.http.get(`/api/sessions/${session}/match-counts?ids=nope`).auth(builder.token, { type: 'bearer' }).expect(400);
    expect(bad.body.fields[0].field).toBe('ids');
  });
});
