import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('audit chain (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    // Some audited history: organisations, an event, a session, a listing and its edit.
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'upstream_downstream', 'live');
    const supplier = await t.organisation('enterprise');
    await t.participate(supplier, organiser, session.id, 'supplier');
    const listing = await t.http.post(`/api/sessions/${session.id}/listings`).auth(supplier.token, { type: 'bearer' }).send(supplyListing()).expect(201);
    await t.http.patch(`/api/listings/${listing.body.id}`).auth(supplier.token, { type: 'bearer' }).send({ version: 1, title: '改过的标题' }).expect(200);
  });
  afterAll(() => t.close());

  const verify = async () => (await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200)).body;

  it('verifies an untouched chain, and only organisers may ask', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThan(5);
    const enterprise = await t.organisation('enterprise');
    await t.http.get('/api/audit/verify').auth(enterprise.token, { type: 'bearer' }).expect(403);
  });

  it('names the first record changed directly in the database', async () => {
    const [target] = await t.dataSource.query(`SELECT id::text AS id, data FROM audit_record WHERE action = 'listing.updated' ORDER BY audit_record.id DESC LIMIT 1`);
    await t.dataSource.query(`UPDATE audit_record SET data = jsonb_set(data, '{version}', '99') WHERE id = $1`, [target.id]);
    try {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ id: target.id, reason: expect.stringContaining('content') });
    } finally {
      await t.dataSource.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [target.id, JSON.stringify(target.data)]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names the record after one removed from the middle of the chain', async () => {
    const rows = await t.dataSource.query(`SELECT id::text AS id FROM audit_record ORDER BY audit_record.id DESC LIMIT 3`);
    const [removed] = await t.dataSource.query(`SELECT * FROM audit_record WHERE id = $1`, [rows[1].id]);
    await t.dataSource.query(`DELETE FROM audit_record WHERE id = $1`, [removed.id]);
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBroken: { id: rows[0].id, reason: expect.stringContaining('link') } });
    } finally {
      await t.dataSource.query(
        `INSERT INTO audit_record (id, at, "actorUserId", action, "entityType", "entityId", data, "prevHash", hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [removed.id, removed.at, removed.actorUserId, removed.action, removed.entityType, removed.entityId, JSON.stringify(removed.data), removed.prevHash, removed.hash],
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('keeps one chain under concurrent audited writes', async () => {
    await Promise.all(Array.from({ length: 20 }, () => t.organisation('enterprise', { approve: false })));
    expect((await verify()).ok).toBe(true);
  });
});
