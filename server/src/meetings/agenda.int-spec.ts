import type { AgendaItem } from '@duijie/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { parseIcs } from '../testing/ics';
import { placeMeeting } from '../testing/meetings';
import { pdfText } from '../testing/pdf-text';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('meeting agenda (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let eventName: string;
  let s1: string;
  let s2: string;
  let builder: Actor;
  let supplier: Actor;
  let bank: Actor;
  let loner: Actor;
  const ids: Record<string, string> = {};
  const suffix = randomInt(1e6);
  const names = { builder: `青海建工集团有限公司${suffix}`, supplier: `西宁特殊钢股份有限公司${suffix}`, bank: `中国工商银行青海省分行${suffix}` };

  const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const get = (actor: Actor, path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' });
  const agenda = async (actor: Actor): Promise<AgendaItem[]> => (await get(actor, `/me/agenda?eventId=${eventId}`).expect(200)).body;
  /** Slot n of a session from 09:00 Beijing time in 20-minute steps, in UTC. */
  const slotStart = (n: number) => new Date(Date.parse('2026-12-10T01:00:00Z') + (n - 1) * 20 * 60_000).toISOString();

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    eventId = event.id;
    eventName = event.name;
    s1 = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    s2 = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    builder = await t.organisation('construction_unit', { name: names.builder });
    supplier = await t.organisation('enterprise', { name: names.supplier });
    bank = await t.organisation('bank', { name: names.bank });
    loner = await t.organisation('enterprise');
    const place = async (key: string, m: Omit<Parameters<typeof placeMeeting>[1], 'eventId'>) =>
      (ids[key] = (await placeMeeting(t.dataSource, { eventId, ...m })).id);
    await place('late', { sessionId: s1, a: builder.organisationId, b: supplier.organisationId, slot: 5, table: 3, topic: '螺纹钢年度供货, 价格; 交付' });
    await place('other', { sessionId: s2, a: bank.organisationId, b: builder.organisationId, slot: 2, table: 7, topic: '项目贷款' });
    await place('held', { sessionId: s1, a: builder.organisationId, b: bank.organisationId, slot: 1, table: 1, status: 'held', topic: '保函' });
    await place('draft', { sessionId: s1, a: builder.organisationId, b: bank.organisationId, slot: 3, table: 2, published: false, topic: '草稿' });
    await place('cancelled', { sessionId: s1, a: builder.organisationId, b: supplier.organisationId, slot: 4, table: 5, status: 'cancelled', topic: '取消' });
    await place('unscheduled', { sessionId: s1, a: supplier.organisationId, b: builder.organisationId, slot: null, table: null, topic: '未排' });
    await place('notMine', { sessionId: s1, a: supplier.organisationId, b: bank.organisationId, slot: 6, table: 4, topic: '别人的' });
  });
  afterAll(() => t.close());

  it('lists only the caller’s published meetings across sessions, in time order, each from its side', async () => {
    const items = await agenda(builder);
    expect(items.map((i) => i.id)).toEqual([ids.held, ids.other, ids.late]);
    expect(items.map((i) => i.startsAt)).toEqual([slotStart(1), slotStart(2), slotStart(5)]);
    const late = items[2];
    expect(late).toMatchObject({
      slot: 5,
      table: 3,
      status: 'scheduled',
      published: true,
      counterpart: { organisationId: supplier.organisationId, organisationName: names.supplier },
      parties: [{ organisationId: builder.organisationId }, { organisationId: supplier.organisationId }],
      sessionTitle: 'building_materials 专场',
      venue: '青海国际会展中心',
      endsAt: slotStart(6),
    });
    expect(items[1]).toMatchObject({ sessionId: s2, counterpart: { organisationId: bank.organisationId }, table: 7 });
    expect(items[0].status).toBe('held');
  });

  it('shows both parties the same time and table', async () => {
    const theirs = await agenda(supplier);
    expect(theirs.map((i) => i.id)).toEqual([ids.late, ids.notMine]);
    const mine = (await agenda(builder)).find((i) => i.id === ids.late)!;
    expect([theirs[0].table, theirs[0].startsAt, theirs[0].counterpart.organisationId]).toEqual([mine.table, mine.startsAt, builder.organisationId]);
    expect(await agenda(loner)).toEqual([]);
  });

  it('leaves off a meeting that was just agreed and has no slot yet', async () => {
    await t.participate(loner, organiser, s1, 'producer');
    await t.participate(builder, organiser, s1, 'builder');
    const listing = (await t.http.post(`/api/sessions/${s1}/listings`).auth(loner.token, { type: 'bearer' }).send(supplyListing()).expect(201)).body as {
      id: string;
    };
    const request = (
      await t.http.post('/api/meeting-requests').auth(builder.token, { type: 'bearer' }).send({ toListingId: listing.id, topic: '新约洽谈' }).expect(201)
    ).body as { id: string };
    await t.http.post(`/api/meeting-requests/${request.id}/answer`).auth(loner.token, { type: 'bearer' }).send({ accept: true }).expect(200);
    const [made]: { status: string }[] = await t.dataSource.query(`SELECT status FROM meeting WHERE "requestId" = $1`, [request.id]);
    expect(made.status).toBe('unscheduled');
    expect(await agenda(loner)).toEqual([]);
    expect((await agenda(builder)).map((i) => i.id)).toEqual([ids.held, ids.other, ids.late]);
  });

  it('lets organisers read an organisation’s agenda, and nobody else', async () => {
    const read = (await get(organiser, `/me/agenda?eventId=${eventId}&organisationId=${supplier.organisationId}`).expect(200)).body as AgendaItem[];
    expect(read.map((i) => i.id)).toEqual([ids.late, ids.notMine]);
    await get(builder, `/me/agenda?eventId=${eventId}&organisationId=${supplier.organisationId}`).expect(403);
  });

  it('names the field of a bad query and answers 404 for an unknown event', async () => {
    expect((await get(builder, '/me/agenda').expect(400)).body.fields[0].field).toBe('eventId');
    expect((await get(builder, '/me/agenda.ics?eventId=nope').expect(400)).body.fields[0].field).toBe('eventId');
    expect((await get(builder, `/me/agenda.pdf?eventId=${eventId}&organisationId=x`).expect(400)).body.fields[0].field).toBe('organisationId');
    await get(builder, `/me/agenda?eventId=${randomUUID()}`).expect(404);
    await t.http.get(`/api/me/agenda?eventId=${eventId}`).expect(401);
  });

  it('exports a calendar file that parses back to the same meetings in UTC', async () => {
    const res = await get(builder, `/me/agenda.ics?eventId=${eventId}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="agenda-[0-9a-f-]+\.ics"; filename\*=UTF-8''/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar, events } = parseIcs(text);
    expect(calendar).toMatchObject({ VERSION: '2.0', METHOD: 'PUBLISH', CALSCALE: 'GREGORIAN' });
    expect(calendar['X-WR-CALNAME']).toBe(`${eventName} · ${names.builder}`);
    expect(events.map((e) => e.UID)).toEqual([ids.held, ids.other, ids.late].map((id) => `${id}@duijie`));
    const late = events[2];
    expect(late).toMatchObject({
      DTSTART: '20261210T022000Z',
      DTEND: '20261210T024000Z',
      SUMMARY: `洽谈：${names.supplier}`,
      LOCATION: '青海国际会展中心 第3号桌',
      SEQUENCE: '1',
    });
    expect(late.DESCRIPTION.split('\n')[0]).toBe('螺纹钢年度供货, 价格; 交付');
    expect(late.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('prints an A4 agenda in Chinese with the counterparts and tables', async () => {
    const res = await get(builder, `/me/agenda.pdf?eventId=${eventId}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="agenda-/);
    const { text, info } = pdfText(res.body as Buffer);
    const flat = text.replace(/\s+/g, '');
    for (const expected of ['洽谈日程', names.builder, eventName, names.supplier, names.bank, '第3号桌', '第7号桌', '10:20', '螺纹钢年度供货'])
      expect(flat).toContain(expected.replace(/\s+/g, ''));
    expect(flat).not.toContain('草稿');
    expect(flat).not.toContain('别人的');
    expect(info.Title).toBe(`洽谈日程 · ${names.builder}`);
  });

  it('says so when there is nothing on the agenda', async () => {
    const res = await get(loner, `/me/agenda.pdf?eventId=${eventId}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const { text, pages } = pdfText(res.body as Buffer);
    expect(pages).toBe(1);
    expect(text).toContain('暂无已发布的洽谈安排');
  });
});
