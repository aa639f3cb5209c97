import type { ImportJob, ImportReport, MatchSession } from '@duijie/shared';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { AuditService } from '../audit/audit.service';
import { randomCreditCode, TestApp, type Actor } from '../testing/test-app';
import { COLUMNS, SHEET_NAMES } from './columns';

type Rows = Record<string, string | number | null>[];

/** A workbook with the template's columns; each row names its cells by header. */
async function workbook(sheets: { organisations?: Rows; listings?: Rows }): Promise<Buffer> {
  const data = (['organisations', 'listings'] as const).flatMap((sheet) => {
    const rows = sheets[sheet];
    if (!rows) return [];
    const headers = COLUMNS[sheet].map((c) => c.header);
    return [{ sheet: SHEET_NAMES[sheet], data: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] }];
  });
  return writeXlsxFile(data).toBuffer();
}

const organisationRow = (creditCode: string, name: string, kind = '企业'): Rows[number] => ({
  机构名称: name,
  统一社会信用代码: creditCode,
  机构类型: kind,
  行业代码: kind === '银行' ? 'J66' : 'C31',
  地区代码: '630100',
  企业规模: '中型',
  联系人: '张伟',
  联系电话: '0971-5299999',
});

const supplyRow = (creditCode: string, session: string, title: string): Rows[number] => ({
  统一社会信用代码: creditCode,
  专场: session,
  发布类型: '供应',
  标题: title,
  产品类别: '钢材',
  数量: 5000,
  '最低单价（元）': 3600,
  '最高单价（元）': 3900,
  交货开始日期: '2027-01-01',
  交货截止日期: '2027/6/30',
});

const financingRow = (creditCode: string, session: string, title: string): Rows[number] => ({
  统一社会信用代码: creditCode,
  专场: session,
  发布类型: '融资需求',
  标题: title,
  '融资金额（万元）': 5000.5,
  '融资期限（月）': 36,
  融资用途: '技术改造',
  需要担保: '是',
});

describe('import (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let chain: MatchSession;
  let bankSession: MatchSession;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    chain = await t.session(organiser, eventId, 'upstream_downstream', 'live');
    bankSession = await t.session(organiser, eventId, 'bank_enterprise', 'registration');
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, dryRun: boolean, name = 'import.xlsx', actor = organiser) =>
    t.http.post(`/api/events/${eventId}/import?dryRun=${dryRun}`).auth(actor.token, { type: 'bearer' }).attach('file', file, name);

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  async function finish(job: ImportJob): Promise<ImportJob> {
    for (let i = 0; i < 600; i++) {
      const res = await t.http.get(`/api/import-jobs/${job.id}`).auth(organiser.token, { type: 'bearer' }).expect(200);
      if (res.body.state !== 'running') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the import job did not finish');
  }

  it('serves a template workbook and CSV templates with the headers and an example row', async () => {
    const res = await t.http
      .get('/api/import/template.xlsx')
      .auth(organiser.token, { type: 'bearer' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheets = await readXlsxFile(res.body as Buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['机构', '发布']);
    expect(sheets[0].data[0]).toEqual(COLUMNS.organisations.map((c) => c.header));
    expect(sheets[1].data).toHaveLength(2);
    const csv = await t.http.get('/api/import/template-listings.csv').auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(COLUMNS.listings.map((c) => c.header).join(','));
  });

  it('is for organisers only', async () => {
    const enterprise = await t.organisation('enterprise');
    await upload(await workbook({ organisations: [organisationRow(randomCreditCode(), '某企业')] }), true, 'import.xlsx', enterprise).expect(403);
    await t.http.get('/api/import/template.xlsx').auth(enterprise.token, { type: 'bearer' }).expect(403);
  });

  it('dry-runs: reports what would be created and every problem by sheet, row and column, and stores nothing', async () => {
    // Specs share one database: other suites' imports may have left jobs.
    const jobsBefore = await count('import_job');
    const good = randomCreditCode();
    // A wrong check character: any but the right one (a fixed '0' was right one time in 31).
    const valid = randomCreditCode();
    const bad = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const file = await workbook({
      organisations: [organisationRow(good, '青海测试钢铁'), { ...organisationRow(bad, '校验位错误'), 企业规模: '巨型' }, organisationRow(good, '重复')],
      listings: [
        supplyRow(good, chain.title, '螺纹钢供应'),
        { ...supplyRow(good, chain.title, '类别错误'), 产品类别: '不存在的产品', 数量: '很多' },
        { ...financingRow(good, bankSession.title, '小数太多'), '融资金额（万元）': 1.23456 },
        supplyRow(good, '不存在的专场', '专场错误'),
        { ...supplyRow(good, chain.title, '角色错误'), 参与角色: '采购方' },
        supplyRow(randomCreditCode(), chain.title, '机构不存在'),
      ],
    });
    const before = await count('organisation');
    const res = await upload(file, true).expect(200);
    const report = res.body as ImportReport;
    expect(report.dryRun).toBe(true);
    expect(report.organisations).toMatchObject({ create: 1, unchanged: 0 });
    expect(report.listings).toMatchObject({ create: 1, skip: 0 });
    expect(report.participations).toMatchObject({ create: 1 });
    const at = (sheet: string, row: number, column: string | null) => report.problems.find((p) => p.sheet === sheet && p.row === row && p.column === column);
    expect(at('organisations', 3, '统一社会信用代码')?.message).toMatch(/check character/);
    expect(at('organisations', 3, '企业规模')?.message).toMatch(/大型/);
    expect(at('organisations', 4, '统一社会信用代码')?.message).toBe('the same credit code as row 2');
    expect(at('listings', 3, '产品类别')?.message).toMatch(/product category/);
    expect(at('listings', 3, '数量')?.message).toBe('must be a number');
    expect(at('listings', 4, '融资金额（万元）')?.message).toMatch(/4 decimal places/);
    expect(at('listings', 5, '专场')?.message).toContain(chain.title);
    expect(at('listings', 6, '参与角色')?.message).toMatch(/供应方/);
    expect(at('listings', 7, '统一社会信用代码')?.message).toMatch(/no organisation has this credit code/);
    expect(await count('organisation')).toBe(before);
    expect(await count('import_job')).toBe(jobsBefore);
  });

  it('refuses a real import with any problem (422 with the report) and stores nothing', async () => {
    const code = randomCreditCode();
    const file = await workbook({
      organisations: [organisationRow(code, '全有或全无')],
      listings: [supplyRow(code, chain.title, '好的一行'), { ...supplyRow(code, chain.title, '坏的一行'), 数量: -5 }],
    });
    const res = await upload(file, false).expect(422);
    expect(res.body.code).toBe('import_problems');
    expect(res.body.report.problems).toEqual([{ sheet: 'listings', row: 3, column: '数量', message: 'must be a positive number' }]);
    expect(await count('organisation', '"creditCode" = $1', [code])).toBe(0);
    expect(await count('listing', 'title = $1', ['好的一行'])).toBe(0);
  });

  it('rolls back everything when the import fails half-way', async () => {
    const code = randomCreditCode();
    const file = await workbook({ organisations: [organisationRow(code, '半途失败')], listings: [supplyRow(code, chain.title, '半途失败的供应')] });
    const audit = t.app.get(AuditService);
    const original = audit.recordMany.bind(audit);
    const spy = jest.spyOn(audit, 'recordMany').mockImplementation(async (manager, inputs) => {
      if (inputs.some((i) => i.action === 'listing.created')) throw new Error('disk full (simulated)');
      return original(manager, inputs);
    });
    try {
      const started = await upload(file, false).expect(202);
      const job = await finish(started.body);
      expect(job).toMatchObject({ state: 'failed', error: expect.stringContaining('disk full') });
    } finally {
      spy.mockRestore();
    }
    expect(await count('organisation', '"creditCode" = $1', [code])).toBe(0);
    expect(await count('listing', 'title = $1', ['半途失败的供应'])).toBe(0);
  });

  it('imports, publishes board events, and a repeat creates no duplicates', async () => {
    const enterprise = randomCreditCode();
    const bank = randomCreditCode();
    const borrower = await t.organisation('enterprise');
    const file = await workbook({
      organisations: [organisationRow(enterprise, '重复导入钢铁'), organisationRow(bank, '重复导入银行', '银行')],
      listings: [
        supplyRow(enterprise, chain.title, '重复导入的供应'),
        financingRow(enterprise, bankSession.title, '技改贷款需求'),
        financingRow(borrower.creditCode, bankSession.id, '已注册企业的融资需求'),
        {
          统一社会信用代码: bank,
          专场: bankSession.title,
          发布类型: '信贷产品',
          标题: '科技贷',
          '单笔最低（万元）': 100,
          '单笔最高（万元）': 3000,
          '授信总额（万元）': 50000,
          '最短期限（月）': 6,
          '最长期限（月）': 36,
          '最低年利率（%）': 3.45,
          '最高年利率（%）': 4.2,
          担保要求: '抵押或保证',
          面向企业规模: '中型、小型',
          面向行业: 'C31, C32',
        },
      ],
    });
    const seqBefore = (await t.http.get(`/api/sessions/${chain.id}`).auth(organiser.token, { type: 'bearer' })).body;
    const started = await upload(file, false).expect(202);
    expect(started.body).toMatchObject({ state: 'running', total: 2 + 4 + 4 });
    const job = await finish(started.body);
    expect(job.state).toBe('succeeded');
    expect(job.report).toMatchObject({
      dryRun: false,
      organisations: { create: 2, unchanged: 0 },
      participations: { create: 4, approve: 0 },
      listings: { create: 4, skip: 0 },
    });
    expect(job.processed).toBe(job.total);

    // What the API shows: approved organisations, approved participants, the listings with converted amounts.
    const orgs = await t.dataSource.query(`SELECT status, kind FROM organisation WHERE "creditCode" = ANY($1) ORDER BY kind`, [[enterprise, bank]]);
    expect(orgs).toEqual([
      { status: 'approved', kind: 'bank' },
      { status: 'approved', kind: 'enterprise' },
    ]);
    const listings = await t.http.get(`/api/sessions/${bankSession.id}/listings?type=financing_need`).auth(organiser.token, { type: 'bearer' }).expect(200);
    const loan = listings.body.items.find((l: { title: string }) => l.title === '技改贷款需求');
    expect(loan.financing).toEqual({ amount: 50_005_000, termMonths: 36, purpose: 'technical_upgrade', guaranteeNeeded: true });
    const credit = (await t.http.get(`/api/sessions/${bankSession.id}/listings?type=credit_offer`).auth(organiser.token, { type: 'bearer' })).body.items[0];
    expect(credit.credit).toMatchObject({
      amountMin: 1_000_000,
      totalLine: 500_000_000,
      rateMinBp: 345,
      rateMaxBp: 420,
      targetSizes: ['medium', 'small'],
      targetIndustries: ['C31', 'C32'],
      guaranteeRequirement: 'collateral_or_guarantee',
    });
    const supply = (await t.http.get(`/api/sessions/${chain.id}/listings?type=supply`).auth(organiser.token, { type: 'bearer' })).body.items.find(
      (l: { title: string }) => l.title === '重复导入的供应',
    );
    expect(supply.goods).toMatchObject({ category: 'steel', unit: '吨', region: '630100', deliveryFrom: '2027-01-01', deliveryTo: '2027-06-30' });
    const participants = await t.http.get(`/api/sessions/${bankSession.id}/participants`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(
      participants.body
        .filter((p: { status: string }) => p.status === 'approved')
        .map((p: { role: string }) => p.role)
        .sort(),
    ).toEqual(['borrower', 'borrower', 'lender']);
    // The board heard of it: a participant and a listing event for the chain session.
    const events = await t.dataSource.query(`SELECT type, seq FROM board_event WHERE "sessionId" = $1 AND seq > $2 ORDER BY seq`, [chain.id, 0]);
    expect(events.map((e: { type: string }) => e.type).slice(-2)).toEqual(['participant.changed', 'listing.created']);
    expect(seqBefore).toBeDefined();
    // The audit chain holds every record, in order.
    expect((await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200)).body.ok).toBe(true);

    // The same file again: nothing new.
    const counts = {
      org: await count('organisation'),
      listing: await count('listing'),
      participation: await count('participation'),
      board: await count('board_event'),
    };
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    expect(dry).toMatchObject({
      organisations: { create: 0, unchanged: 2 },
      participations: { create: 0, approve: 0, unchanged: 4 },
      listings: { create: 0, skip: 4 },
      problems: [],
    });
    const again = await finish((await upload(file, false).expect(202)).body);
    expect(again).toMatchObject({ state: 'succeeded', total: 0, report: { listings: { create: 0, skip: 4 } } });
    expect({
      org: await count('organisation'),
      listing: await count('listing'),
      participation: await count('participation'),
      board: await count('board_event'),
    }).toEqual(counts);
  });

  it('accepts a 商贸流通企业 posting 螺纹钢 supply as 供应方 in an upstream–downstream session, not as 生产企业 in 产销对接', async () => {
    const trader = randomCreditCode();
    const distribution = await t.session(organiser, eventId, 'producer_distributor', 'live');
    const rebar = { ...supplyRow(trader, chain.title, '螺纹钢现货供应'), 产品类别: '螺纹钢' };
    const refused = (
      await upload(
        await workbook({
          organisations: [organisationRow(trader, '青海鑫达钢材贸易有限公司', '商贸流通企业')],
          listings: [rebar, { ...supplyRow(trader, distribution.title, '流通企业不能作为生产企业'), 产品类别: '电解铜' }],
        }),
        true,
      ).expect(200)
    ).body as ImportReport;
    // Only the 产销对接 row is refused: there the roles stay as the seed defines them.
    expect(refused.problems).toEqual([
      { sheet: 'listings', row: 3, column: '参与角色', message: expect.stringMatching(/商贸流通企业, which cannot take the role 生产企业 in this session/) },
    ]);

    const file = await workbook({ organisations: [organisationRow(trader, '青海鑫达钢材贸易有限公司', '商贸流通企业')], listings: [rebar] });
    const job = await finish((await upload(file, false).expect(202)).body);
    expect(job).toMatchObject({ state: 'succeeded', report: { problems: [], participations: { create: 1 }, listings: { create: 1 } } });
    const supply = (await t.http.get(`/api/sessions/${chain.id}/listings?type=supply`).auth(organiser.token, { type: 'bearer' }).expect(200)).body.items.find(
      (l: { title: string }) => l.title === '螺纹钢现货供应',
    );
    expect(supply).toMatchObject({ organisationKind: 'distributor', goods: { category: 'rebar' } });
    const roles = await t.dataSource.query(
      `SELECT p.role, p.status FROM participation p JOIN organisation o ON o.id = p."organisationId" WHERE o."creditCode" = $1 AND p."sessionId" = $2`,
      [trader, chain.id],
    );
    expect(roles).toEqual([{ role: 'supplier', status: 'approved' }]);
  });

  it('imports a guarantee product with 面向企业规模 and shows it through the API', async () => {
    const guarantor = randomCreditCode();
    const file = await workbook({
      organisations: [{ ...organisationRow(guarantor, '青海省信用担保集团', '担保机构'), 行业代码: 'J69' }],
      listings: [
        {
          统一社会信用代码: guarantor,
          专场: bankSession.title,
          发布类型: '担保产品',
          标题: '小微企业融资担保',
          '担保能力（万元）': 20000,
          '担保费率（%）': 1.5,
          面向企业规模: '小型、微型',
          面向行业: 'C31',
        },
      ],
    });
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    expect(dry.problems).toEqual([]);
    expect(dry.warnings).toEqual([]);
    expect((await finish((await upload(file, false).expect(202)).body)).state).toBe('succeeded');
    const items = (await t.http.get(`/api/sessions/${bankSession.id}/listings?type=guarantee_offer`).auth(organiser.token, { type: 'bearer' }).expect(200)).body
      .items;
    expect(items.find((l: { title: string }) => l.title === '小微企业融资担保').guarantee).toEqual({
      capacity: 200_000_000,
      feeRateBp: 150,
      targetIndustries: ['C31'],
      targetSizes: ['small', 'micro'],
    });
  });

  it('reads CSV files in GB18030 (as Excel in China saves them) and UTF-8, one per sheet', async () => {
    const code = randomCreditCode();
    const csv = (sheet: 'organisations' | 'listings', row: Rows[number]) =>
      [COLUMNS[sheet].map((c) => c.header).join(','), COLUMNS[sheet].map((c) => String(row[c.header] ?? '')).join(',')].join('\r\n');
    const organisations = Buffer.from(new TextEncoderGb18030().encode(csv('organisations', organisationRow(code, 'GBK编码企业'))));
    const listings = Buffer.from(`\uFEFF${csv('listings', supplyRow(code, chain.title, 'CSV导入的供应'))}\n`, 'utf8');
    const res = await t.http
      .post(`/api/events/${eventId}/import?dryRun=true`)
      .auth(organiser.token, { type: 'bearer' })
      .attach('file', organisations, '机构.csv')
      .attach('file', listings, '发布.csv')
      .expect(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.files).toEqual(['机构.csv', '发布.csv']);
    expect(res.body.organisations.rows).toEqual([{ row: 2, creditCode: code, name: 'GBK编码企业', action: 'create' }]);
    expect(res.body.listings.create).toBe(1);
  });

  it('refuses a file over 10 MB with a 413 that says so', async () => {
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), true, 'big.csv').expect(413);
    expect(res.body).toMatchObject({ code: 'file_too_large', message: expect.stringContaining('10 MB') });
  });

  it('imports a workbook of 5,000 listing rows (and 500 organisations) in one job', async () => {
    const codes = Array.from({ length: 500 }, () => randomCreditCode());
    const organisations = codes.map((code, i) => organisationRow(code, `批量企业${i}`));
    const listings = Array.from({ length: 5000 }, (_, i) =>
      i % 2 === 0
        ? supplyRow(codes[Math.floor(i / 10)], chain.title, `批量供应 ${i}`)
        : financingRow(codes[Math.floor(i / 10)], bankSession.title, `批量融资 ${i}`),
    );
    const file = await workbook({ organisations, listings });
    const board = await count('board_event');

    let t0 = Date.now();
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    const dryMs = Date.now() - t0;
    expect(dry.problems).toEqual([]);
    expect(dry.listings.create).toBe(5000);

    t0 = Date.now();
    const started = await upload(file, false).expect(202);
    const seen: ImportJob[] = [];
    let job: ImportJob = started.body;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.http.get(`/api/import-jobs/${job.id}`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
      seen.push(job);
    }
    const importMs = Date.now() - t0;
    expect(job.state).toBe('succeeded');
    expect(job.report).toMatchObject({ organisations: { create: 500 }, participations: { create: 1000 }, listings: { create: 5000 } });
    expect(seen.every((s) => s.processed <= s.total)).toBe(true);
    expect(job.processed).toBe(6500);
    expect(await count('listing', 'title LIKE $1', ['批量%'])).toBe(5000);
    expect(await count('board_event')).toBe(board + 6000);
    expect((await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200)).body.ok).toBe(true);
    console.log(`5,000-row import (${file.length} bytes): dry run ${dryMs} ms, import ${importMs} ms (${seen.length} progress polls)`);
  }, 120_000);
});

/** GB18030 bytes of a text, through Node's decoder in reverse: every character here is CJK, ASCII or a full-width sign. */
class TextEncoderGb18030 {
  private static table: Map<string, number[]> | null = null;

  encode(text: string): Uint8Array {
    const table = TextEncoderGb18030.build();
    const bytes: number[] = [];
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else {
        const code = table.get(ch);
        if (!code) throw new Error(`no GB18030 code for ${ch}`);
        bytes.push(...code);
      }
    }
    return Uint8Array.from(bytes);
  }

  /** The two-byte GBK area, decoded once. */
  private static build(): Map<string, number[]> {
    if (this.table) return this.table;
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    this.table = table;
    return table;
  }
}
