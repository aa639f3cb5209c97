import type { DirectoryAdmin, DirectoryCompileResult, DirectoryEntryAdmin, DirectoryPublicView, DirectoryReview, DirectorySummary, Page } from '@duijie/shared';
import * as ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { TestApp, supplyListing, type Actor } from '../testing/test-app';

/** Collects a binary answer (the workbook) into a Buffer. */
function binary(res: NodeJS.ReadableStream & { setEncoding?: unknown }, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('producers’ directory (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let cement: Actor;
  let suspended: Actor;
  let latecomer: Actor;
  let eventId: string;
  let sessionId: string;
  let directoryId: string;
  let cementEntry: DirectoryEntryAdmin;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  /** No login at all. */
  const anonymous = (path: string) => t.http.get(`/api${path}`);
  const review = async (): Promise<DirectoryReview> => (await as(organiser).get(`/directories/${directoryId}/review`).expect(200)).body;
  const entryOf = (r: DirectoryReview, organisationId: string) => r.entries.find((e) => e.organisationId === organisationId)!;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'building_materials', 'registration', 'open', '保障性住房建材专场')).id;
    [cement, suspended, latecomer] = await Promise.all([
      t.organisation('enterprise', { region: '630102', name: `祁连山水泥${Date.now()}` }),
      t.organisation('enterprise', { region: '630200', name: `海东砖厂${Date.now()}` }),
      t.organisation('distributor', { region: '630222', name: `民和建材${Date.now()}` }),
    ]);
    for (const p of [cement, suspended, latecomer]) await t.participate(p, organiser, sessionId, 'producer');
    await as(cement)
      .post(
        `/sessions/${sessionId}/listings`,
        supplyListing({
          title: 'P.O 42.5 普通硅酸盐水泥',
          goods: { category: 'cement', specification: 'P.O 42.5', quantity: 600_000, unit: '吨', region: '630102' },
        }),
      )
      .expect(201);
    await as(cement)
      .post(
        `/sessions/${sessionId}/listings`,
        supplyListing({
          title: 'C30 商品混凝土',
          goods: { category: 'ready_mix_concrete', specification: 'C30', quantity: 200_000, unit: '立方米', region: '630102' },
        }),
      )
      .expect(201);
    await as(suspended)
      .post(
        `/sessions/${sessionId}/listings`,
        supplyListing({ title: '烧结砖', goods: { category: 'wall_blocks', specification: '240×115×53', quantity: 5000, unit: '立方米', region: '630200' } }),
      )
      .expect(201);
    // Its organisation loses its approval: it does not go into the directory.
    await as(organiser).post(`/organisations/${suspended.organisationId}/suspend`, { reason: '资质过期' }).expect(200);
    // The latecomer takes part but has posted nothing yet.
  });
  afterAll(() => t.close());

  it('compiles one entry per approved producer with open supply listings, and names the producers left out and why', async () => {
    const result: DirectoryCompileResult = (await as(organiser).post(`/sessions/${sessionId}/directory/compile`, {}).expect(200)).body;
    directoryId = result.directory.id;
    expect(result).toMatchObject({ added: 1, refreshed: 0, lapsed: 0 });
    expect(result.directory).toMatchObject({ status: 'draft', version: 1, entryCount: 1, title: '保障性住房建材专场 生产企业名录', eventId, sessionId });
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { organisationId: suspended.organisationId, name: expect.any(String), reason: 'organisation_not_approved' },
        { organisationId: latecomer.organisationId, name: expect.any(String), reason: 'no_open_supply_listings' },
      ]),
    );
    expect(result.skipped).toHaveLength(2);
    const r = await review();
    expect(r.entries).toHaveLength(1);
    cementEntry = entryOf(r, cement.organisationId);
    expect(cementEntry).toMatchObject({
      status: 'included',
      region: '630102',
      categories: ['cement', 'ready_mix_concrete'],
      varieties: 'P.O 42.5 普通硅酸盐水泥；C30 商品混凝土',
      specifications: 'P.O 42.5；C30',
      // The unit most of its listings use; a tie goes to the larger quantity.
      annualOutput: 600_000,
      outputUnit: '吨',
      contactName: '张三',
      contactPhone: '0971-1234567',
      contactConsent: false,
      editedFields: [],
      version: 1,
    });
    const [audit] = await t.dataSource.query(`SELECT data FROM audit_record WHERE action = 'directory.compiled' AND "entityId" = $1`, [directoryId]);
    expect(audit.data).toMatchObject({
      added: 1,
      skipped: expect.arrayContaining([{ organisationId: latecomer.organisationId, reason: 'no_open_supply_listings' }]),
    });
  });

  it('keeps the fields an organiser edited when re-compiling, refreshes the others and pulls in new producers', async () => {
    cementEntry = (
      await as(organiser)
        .patch(`/directory-entries/${cementEntry.id}`, { version: cementEntry.version, name: '祁连山水泥（西宁）有限公司', notes: '同质同价同服务' })
        .expect(200)
    ).body;
    expect(cementEntry).toMatchObject({ version: 2, editedFields: ['name', 'notes'] });
    // A second edit from the same stale copy is refused.
    const stale = await as(organiser).patch(`/directory-entries/${cementEntry.id}`, { version: 1, notes: '另一个备注' }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    // Since the first compile: the cement producer posts one more product, the latecomer its first.
    await as(cement)
      .post(
        `/sessions/${sessionId}/listings`,
        supplyListing({ title: 'P.O 52.5 水泥', goods: { category: 'cement', specification: 'P.O 52.5', quantity: 100_000, unit: '吨', region: '630102' } }),
      )
      .expect(201);
    await as(latecomer)
      .post(
        `/sessions/${sessionId}/listings`,
        supplyListing({
          title: '加气混凝土砌块',
          goods: { category: 'wall_blocks', specification: 'B06 A3.5', quantity: 80_000, unit: '立方米', region: '630222' },
        }),
      )
      .expect(201);
    const missingVersion = await as(organiser).post(`/sessions/${sessionId}/directory/compile`, {}).expect(400);
    expect(missingVersion.body.code).toBe('invalid_input');
    const again: DirectoryCompileResult = (await as(organiser).post(`/sessions/${sessionId}/directory/compile`, { version: 1 }).expect(200)).body;
    expect(again).toMatchObject({ added: 1, refreshed: 1, lapsed: 0, directory: { version: 2, entryCount: 2 } });
    const r = await review();
    const refreshed = entryOf(r, cement.organisationId);
    expect(refreshed).toMatchObject({
      name: '祁连山水泥（西宁）有限公司',
      notes: '同质同价同服务',
      specifications: 'P.O 42.5；C30；P.O 52.5',
      annualOutput: 700_000,
      outputUnit: '吨',
      editedFields: ['name', 'notes'],
    });
    expect(entryOf(r, latecomer.organisationId)).toMatchObject({ status: 'included', region: '630222', categories: ['wall_blocks'], outputUnit: '立方米' });
    cementEntry = refreshed;
  });

  it('publishes the reviewed directory; anonymous callers list it, filter it by category and region, and search it', async () => {
    const { directory } = await review();
    const stale = await as(organiser)
      .post(`/directories/${directoryId}/publish`, { version: directory.version - 1 })
      .expect(409);
    expect(stale.body.code).toBe('stale_version');
    const published: DirectoryAdmin = (await as(organiser).post(`/directories/${directoryId}/publish`, { version: directory.version }).expect(200)).body;
    expect(published).toMatchObject({ status: 'published', version: directory.version + 1, publishedAt: expect.any(String) });
    // A retry of the same publish answers the directory as published.
    await as(organiser).post(`/directories/${directoryId}/publish`, { version: directory.version }).expect(200);

    const list: Page<DirectorySummary> = (await anonymous('/directories?pageSize=200').expect(200)).body;
    expect(list.items.find((d) => d.id === directoryId)).toMatchObject({ entryCount: 2, sessionTitle: '保障性住房建材专场' });
    expect(list.items.find((d) => d.id === directoryId)).not.toHaveProperty('status');

    const names = async (query: string) =>
      ((await anonymous(`/directories/${directoryId}?${query}`).expect(200)).body as DirectoryPublicView).entries.items.map((e) => e.organisationId);
    expect(await names('')).toHaveLength(2);
    expect(await names('category=cement')).toEqual([cement.organisationId]);
    expect(await names('category=wall_blocks')).toEqual([latecomer.organisationId]);
    // A prefecture includes its counties and districts: 西宁市 has 城东区, 海东市 has 民和县.
    expect(await names('region=630100')).toEqual([cement.organisationId]);
    expect(await names('region=630200')).toEqual([latecomer.organisationId]);
    expect(await names('region=630222')).toEqual([latecomer.organisationId]);
    expect(await names('region=630000')).toHaveLength(2);
    expect(await names(`q=${encodeURIComponent('52.5')}`)).toEqual([cement.organisationId]);
    expect(await names(`q=${encodeURIComponent('砌块')}`)).toEqual([latecomer.organisationId]);
    // A word naming a category finds its producers even where no text says it (商混 is ready-mix concrete).
    expect(await names(`q=${encodeURIComponent('商混')}`)).toEqual([cement.organisationId]);
    expect(await names(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    const paged: DirectoryPublicView = (await anonymous(`/directories/${directoryId}?pageSize=1&page=2`).expect(200)).body;
    expect(paged.entries).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.entries.items).toHaveLength(1);
    await anonymous(`/directories/${directoryId}?region=999999`).expect(400);
    await anonymous(`/directories/${directoryId}?category=no_such_thing`).expect(400);
  });

  it('shows a producer’s contact only once it agreed, and hides excluded producers', async () => {
    const show = async () => ((await anonymous(`/directories/${directoryId}`).expect(200)).body as DirectoryPublicView).entries.items;
    const before = (await show()).find((e) => e.organisationId === cement.organisationId)!;
    expect(before).toMatchObject({ contactName: null, contactPhone: null });
    expect(JSON.stringify(await show())).not.toContain('0971-1234567');
    cementEntry = (await as(organiser).patch(`/directory-entries/${cementEntry.id}`, { version: cementEntry.version, contactConsent: true }).expect(200)).body;
    const after = (await show()).find((e) => e.organisationId === cement.organisationId)!;
    expect(after).toMatchObject({ contactName: '张三', contactPhone: '0971-1234567' });
    // The latecomer's contact stays hidden.
    expect((await show()).find((e) => e.organisationId === latecomer.organisationId)).toMatchObject({ contactName: null, contactPhone: null });

    const latecomerEntry = entryOf(await review(), latecomer.organisationId);
    const excluded: DirectoryEntryAdmin = (
      await as(organiser)
        .patch(`/directory-entries/${latecomerEntry.id}`, { version: latecomerEntry.version, excluded: true, excludeReason: '产品未通过质检' })
        .expect(200)
    ).body;
    expect(excluded).toMatchObject({ status: 'excluded', excludeReason: '产品未通过质检' });
    expect((await show()).map((e) => e.organisationId)).toEqual([cement.organisationId]);
    const actions: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_record WHERE "entityType" = 'producer_directory_entry' AND "entityId" = ANY($1::text[]) ORDER BY id`,
      [[cementEntry.id, latecomerEntry.id]],
    );
    expect(actions.map((a) => a.action)).toEqual(['directory.entry_edited', 'directory.contact_consent', 'directory.entry_excluded']);
    // Back in for the rest of the suite.
    await as(organiser).patch(`/directory-entries/${latecomerEntry.id}`, { version: excluded.version, excluded: false }).expect(200);
  });

  it('exports the published entries as an .xlsx that reads back, contacts only where agreed and formulas escaped', async () => {
    cementEntry = (
      await as(organiser).patch(`/directory-entries/${cementEntry.id}`, { version: cementEntry.version, notes: '=HYPERLINK("http://x")' }).expect(200)
    ).body;
    const res: Response = await anonymous(`/directories/${directoryId}/entries.xlsx`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-export-rows']).toBe('2');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['企业名称', '所在地区', '产品类别', '品种', '规格', '年产量', '单位', '联系人', '联系电话', '备注']);
    const rows = [values(2), values(3)];
    const cementRow = rows.find((r) => r[0] === '祁连山水泥（西宁）有限公司')!;
    expect(cementRow).toEqual([
      '祁连山水泥（西宁）有限公司',
      '青海省 西宁市 城东区',
      '水泥、商品混凝土',
      'P.O 42.5 普通硅酸盐水泥；C30 商品混凝土；P.O 52.5 水泥',
      'P.O 42.5；C30；P.O 52.5',
      700_000,
      '吨',
      '张三',
      '0971-1234567',
      `'=HYPERLINK("http://x")`,
    ]);
    const latecomerRow = rows.find((r) => r !== cementRow)!;
    // No consent: the contact cells are empty.
    expect(latecomerRow[7] ?? '').toBe('');
    expect(latecomerRow[8] ?? '').toBe('');
    expect(JSON.stringify(latecomerRow)).not.toContain('0971');
    // Filtered as the page.
    const filtered: Response = await anonymous(`/directories/${directoryId}/entries.xlsx?category=wall_blocks`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(filtered.headers['x-export-rows']).toBe('1');
  });

  it('refuses to re-compile a published directory, and hides it from the public once unpublished', async () => {
    const { directory } = await review();
    const refused = await as(organiser).post(`/sessions/${sessionId}/directory/compile`, { version: directory.version }).expect(409);
    expect(refused.body.code).toBe('directory_published');
    await as(organiser).post(`/directories/${directoryId}/unpublish`, { version: directory.version }).expect(200);
    await anonymous(`/directories/${directoryId}`).expect(404);
    await anonymous(`/directories/${directoryId}/entries.xlsx`).expect(404);
    const list: Page<DirectorySummary> = (await anonymous('/directories?pageSize=200').expect(200)).body;
    expect(list.items.map((d) => d.id)).not.toContain(directoryId);
    // A participant cannot reach the organisers' review.
    await as(cement).get(`/directories/${directoryId}/review`).expect(403);
    const actions: { action: string }[] = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1 ORDER BY id`, [directoryId]);
    expect(actions.map((a) => a.action)).toEqual(['directory.compiled', 'directory.compiled', 'directory.published', 'directory.unpublished']);
  });

  it('marks a producer that no longer qualifies as lapsed on re-compiling, out of the public directory', async () => {
    const { directory } = await review();
    await as(organiser).post(`/organisations/${latecomer.organisationId}/suspend`, { reason: '停产整顿' }).expect(200);
    const result: DirectoryCompileResult = (await as(organiser).post(`/sessions/${sessionId}/directory/compile`, { version: directory.version }).expect(200))
      .body;
    expect(result).toMatchObject({ added: 0, lapsed: 1 });
    expect(entryOf(await review(), latecomer.organisationId).status).toBe('lapsed');
    // The edits made before are still there.
    expect(entryOf(await review(), cement.organisationId)).toMatchObject({ name: '祁连山水泥（西宁）有限公司', contactConsent: true });
  });
});
