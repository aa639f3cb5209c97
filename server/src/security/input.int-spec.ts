// Input the API must refuse, or take partially, without harm: partial edits keep what they
// leave out, nested parts are objects with their fields, and malformed input is a 400 naming
// the field instead of a 500.
import type { Agreement, RunningOrder } from '@duijie/shared';
import { PASSWORD, TestApp, supplyListing, type Actor } from '../testing/test-app';

describe('input handling (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let goodsSession: string;
  let bankSession: string;
  let supplier: Actor;
  let buyer: Actor;
  let borrower: Actor;
  let bank: Actor;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body?: object) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    goodsSession = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [supplier, buyer, borrower, bank] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('bank'),
    ]);
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    await t.participate(borrower, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
  });
  afterAll(() => t.close());

  describe('partial edits keep every field they leave out', () => {
    it('renames the sole admin of an organisation', async () => {
      const res = await as(supplier).patch(`/users/${supplier.userId}`, { displayName: '新名字' }).expect(200);
      expect(res.body).toMatchObject({ displayName: '新名字', role: 'org_admin', active: true });
    });

    it('deactivates an organiser without touching the role', async () => {
      const invite = await as(organiser)
        .post(`/organisations/${organiser.organisationId}/invitations`, { email: `org-${Date.now()}@test.duijie.cn`, role: 'organiser' })
        .expect(201);
      await t.http.post(`/api/invitations/${invite.body.token}/accept`).send({ displayName: '第二位组织者', password: PASSWORD }).expect(200);
      const second = await t.login(invite.body.email, PASSWORD);
      const res = await as(organiser).patch(`/users/${second.userId}`, { active: false }).expect(200);
      expect(res.body).toMatchObject({ active: false, role: 'organiser', displayName: '第二位组织者' });
    });

    it('changes one field of an organisation', async () => {
      const before = (await as(buyer).get(`/organisations/${buyer.organisationId}`).expect(200)).body;
      const after = (await as(buyer).patch(`/organisations/${buyer.organisationId}`, { contactName: '李四' }).expect(200)).body;
      expect(after).toEqual({ ...before, contactName: '李四' });
    });

    it('changes one field of an event and of a session', async () => {
      const { sessions: _sessions, ...event } = (await as(organiser).get(`/events/${eventId}`).expect(200)).body;
      const edited = (await as(organiser).patch(`/events/${eventId}`, { name: '改名后的活动' }).expect(200)).body;
      expect(edited).toMatchObject({ ...event, name: '改名后的活动' });
      const session = (await as(organiser).get(`/sessions/${goodsSession}`).expect(200)).body;
      const renamed = (await as(organiser).patch(`/sessions/${goodsSession}`, { title: '改名后的专场', version: session.version }).expect(200)).body;
      expect(renamed).toMatchObject({ ...session, title: '改名后的专场', version: session.version + 1 });
    });

    it('changes the title of a listing and puts the whole listing on the board', async () => {
      const listing = (await as(supplier).post(`/sessions/${goodsSession}/listings`, supplyListing()).expect(201)).body;
      const edited = (await as(supplier).patch(`/listings/${listing.id}`, { title: '螺纹钢 新标题', version: listing.version }).expect(200)).body;
      expect(edited).toMatchObject({ title: '螺纹钢 新标题', description: listing.description, goods: listing.goods, version: listing.version + 1 });
      const [event] = await t.dataSource.query(
        `SELECT payload FROM board_event WHERE "sessionId" = $1 AND type = 'listing.updated' ORDER BY seq DESC LIMIT 1`,
        [goodsSession],
      );
      expect(event.payload.listing).toMatchObject({ id: listing.id, title: '螺纹钢 新标题', type: 'supply', goods: listing.goods });
    });

    it('changes the title of an agreement and of a ceremony batch', async () => {
      const parties = [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: bank.organisationId, role: 'lender' },
      ];
      const agreement: Agreement = (
        await as(borrower)
          .post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 5_000_000, termMonths: 12, keyTerms: '按月付息', parties })
          .expect(201)
      ).body;
      const edited = (await as(borrower).patch(`/agreements/${agreement.id}`, { title: '流动资金贷款', version: agreement.version }).expect(200)).body;
      expect(edited).toMatchObject({ title: '流动资金贷款', amount: 5_000_000, termMonths: 12, keyTerms: '按月付息', kind: 'loan' });
      const order: RunningOrder = (
        await as(organiser)
          .post(`/events/${eventId}/running-order/batches`, { title: '银企签约', agreementIds: [agreement.id] })
          .expect(201)
      ).body;
      const batch = order.batches.find((b) => b.title === '银企签约')!;
      const renamed: RunningOrder = (await as(organiser).patch(`/ceremony-batches/${batch.id}`, { title: '银企对接签约', version: batch.version }).expect(200))
        .body;
      expect(renamed.batches.find((b) => b.id === batch.id)).toMatchObject({
        title: '银企对接签约',
        agreements: [expect.objectContaining({ agreementId: agreement.id })],
      });
    });
  });

  describe('nested parts are objects with their required fields', () => {
    it.each([
      ['an empty list', []],
      ['an empty object', {}],
      ['a string', 'x'],
      ['null', null],
    ])('refuses financing given as %s', async (_what, financing) => {
      const res = await as(borrower).post(`/sessions/${bankSession}/listings`, { type: 'financing_need', title: '流动资金', financing }).expect(400);
      expect(fieldsOf(res.body).some((f) => f === 'financing' || f.startsWith('financing.'))).toBe(true);
    });

    it('refuses an empty or list part in an edit, and a registration with a list for its organisation', async () => {
      const listing = (await as(supplier).post(`/sessions/${goodsSession}/listings`, supplyListing()).expect(201)).body;
      for (const goods of [[], null, {}]) {
        const res = await as(supplier).patch(`/listings/${listing.id}`, { version: listing.version, goods }).expect(400);
        expect(fieldsOf(res.body).some((f) => f === 'goods' || f.startsWith('goods.'))).toBe(true);
      }
      const res = await t.http
        .post('/api/auth/register')
        .send({ organisation: [], admin: { email: 'x@test.duijie.cn', displayName: 'x', password: PASSWORD } })
        .expect(400);
      expect(fieldsOf(res.body)).toContain('organisation');
    });

    it('refuses agreement parties that are lists', async () => {
      const res = await as(borrower)
        .post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 1, keyTerms: 'x', parties: [[], []] })
        .expect(400);
      expect(fieldsOf(res.body)).toContain('parties');
    });
  });

  describe('malformed input is a 400 naming the field', () => {
    it('refuses a NUL character in any text', async () => {
      const res = await as(supplier)
        .post(`/sessions/${goodsSession}/listings`, supplyListing({ title: 'a\u0000b' }))
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['title']);
      const nested = await as(supplier)
        .post(`/sessions/${goodsSession}/listings`, supplyListing({ goods: { ...supplyListing().goods!, unit: '\u0000' } }))
        .expect(400);
      expect(fieldsOf(nested.body)).toEqual(['goods.unit']);
      const query = await as(supplier).get(`/sessions/${goodsSession}/listings?q=%00`).expect(400);
      expect(fieldsOf(query.body)).toEqual(['q']);
    });

    it('refuses dates that only look like dates and text that is not valid Unicode', async () => {
      const date = await as(organiser).patch(`/events/${eventId}`, { startDate: '9999-99-99' }).expect(400);
      expect(fieldsOf(date.body)).toEqual(['startDate']);
      const email = await as(organiser).post(`/organisations/${organiser.organisationId}/invitations`, { email: '\ud800', role: 'organiser' }).expect(400);
      expect(fieldsOf(email.body)).toEqual(['email']);
    });

    it('refuses pages beyond any list', async () => {
      const res = await as(supplier).get(`/sessions/${goodsSession}/listings?page=5e17`).expect(400);
      expect(fieldsOf(res.body)).toEqual(['page']);
      await as(organiser).get('/organisations?page=99999999999').expect(400);
    });

    it('refuses 15,000 levels of nesting at the anonymous login', async () => {
      const deep = '{"a":'.repeat(15_000) + '1' + '}'.repeat(15_000);
      const res = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":"a@b.cn","password":"x","x":${deep}}`)
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.message).toContain('nested deeper');
      await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('['.repeat(15_000) + ']'.repeat(15_000))
        .expect(400);
    });

    it('refuses prototype keys and unknown fields by name', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"a@b.cn","password":"x","__proto__":{"admin":true}}')
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['__proto__']);
      const ctor = await as(supplier)
        .patch(`/users/${supplier.userId}`, { constructor: { prototype: { x: 1 } } })
        .expect(400);
      expect(fieldsOf(ctor.body)).toEqual(['constructor']);
    });
  });

  describe('ledger dates and listing ids', () => {
    async function signedLoan(): Promise<Agreement> {
      const parties = [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: bank.organisationId, role: 'lender' },
      ];
      const a: Agreement = (
        await as(borrower).post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 5_000_000, keyTerms: 'x', parties }).expect(201)
      ).body;
      for (const actor of [borrower, bank]) {
        await as(actor).post('/auth/step-up', { password: PASSWORD }).expect(200);
        await as(actor).post(`/agreements/${a.id}/sign`, { contentHash: a.contentHash }).expect(200);
      }
      return a;
    }

    it('keeps ledger dates between the session and 2100', async () => {
      const a = await signedLoan();
      for (const occurredOn of ['9999-12-31', '2101-01-01', '0001-01-01', '1999-12-31']) {
        const res = await as(bank).post(`/agreements/${a.id}/ledger`, { kind: 'approved', amount: 1, occurredOn }).expect(400);
        expect(fieldsOf(res.body)).toEqual(['occurredOn']);
      }
      // Not before the test session (2026-12-10) or the day the agreement was drafted, whichever
      // came first: an agreement prepared and signed ahead of its session is followed from then.
      const earliest = ['2026-12-10', chinaToday()].sort()[0];
      const early = await as(bank)
        .post(`/agreements/${a.id}/ledger`, { kind: 'approved', amount: 1, occurredOn: dayBefore(earliest) })
        .expect(400);
      expect(fieldsOf(early.body)).toEqual(['occurredOn']);
      await as(bank).post(`/agreements/${a.id}/ledger`, { kind: 'approved', amount: 1, occurredOn: earliest }).expect(201);
    });

    it('refuses the same listing twice in an agreement', async () => {
      const need = (
        await as(borrower)
          .post(`/sessions/${bankSession}/listings`, {
            type: 'financing_need',
            title: '流动资金',
            financing: { amount: 1_000_000, termMonths: 12, purpose: 'working_capital', guaranteeNeeded: false },
          })
          .expect(201)
      ).body;
      const parties = [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: bank.organisationId, role: 'lender' },
      ];
      const res = await as(borrower)
        .post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 1, keyTerms: 'x', parties, listingIds: [need.id, need.id] })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['listingIds']);
      const ok: Agreement = (
        await as(borrower)
          .post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 1, keyTerms: 'x', parties, listingIds: [need.id] })
          .expect(201)
      ).body;
      const edit = await as(borrower)
        .patch(`/agreements/${ok.id}`, { version: ok.version, listingIds: [need.id, need.id] })
        .expect(400);
      expect(fieldsOf(edit.body)).toEqual(['listingIds']);
    });
  });
});

/** Today's date in China (UTC+8), as YYYY-MM-DD. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
