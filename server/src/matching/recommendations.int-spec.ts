// The recommendations an expert would expect, on a real-shaped Qinghai event imported through the
// organisers' 导入 tab (fixtures/qinghai-event.ts: 23 organisations, 25 listings over the four
// session kinds). A regression fixture: a change to the scores must keep every expectation here.
import type { ImportJob, ImportReport, Match, SessionKind } from '@duijie/shared';
import writeXlsxFile from 'write-excel-file/node';
import { COLUMNS, SHEET_NAMES } from '../import/columns';
import { TestApp, type Actor } from '../testing/test-app';
import { LISTINGS, ORGANISATIONS, SESSION_TITLES, TITLE } from './fixtures/qinghai-event';

type Title = (typeof TITLE)[keyof typeof TITLE];

describe('recommendations on an imported Qinghai event (regression fixture)', () => {
  let t: TestApp;
  let organiser: Actor;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const eventId = (await t.event(organiser)).id;
    for (const kind of Object.keys(SESSION_TITLES) as SessionKind[]) await t.session(organiser, eventId, kind, 'live', 'open', SESSION_TITLES[kind]);

    const sheets = (['organisations', 'listings'] as const).map((sheet) => {
      const headers = COLUMNS[sheet].map((c) => c.header);
      const rows = sheet === 'organisations' ? ORGANISATIONS : LISTINGS;
      return { sheet: SHEET_NAMES[sheet], data: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
    });
    const file = await writeXlsxFile(sheets).toBuffer();
    const started = await t.http
      .post(`/api/events/${eventId}/import?dryRun=false`)
      .auth(organiser.token, { type: 'bearer' })
      .attach('file', file, 'qinghai-event.xlsx');
    expect({ status: started.status, problems: (started.body as { report?: ImportReport }).report?.problems ?? [] }).toEqual({ status: 202, problems: [] });
    let job = started.body as ImportJob;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.http.get(`/api/import-jobs/${job.id}`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    }
    expect(job.state).toBe('succeeded');
    for (const row of (await t.dataSource.query(`SELECT id, title FROM listing WHERE "eventId" = $1`, [eventId])) as { id: string; title: string }[]) {
      ids.set(row.title, row.id);
    }
    expect(ids.size).toBe(LISTINGS.length);
  }, 60_000);
  afterAll(() => t.close());

  const matches = async (title: Title, query = ''): Promise<Match[]> =>
    (
      await t.http
        .get(`/api/listings/${ids.get(title)}/matches${query}`)
        .auth(organiser.token, { type: 'bearer' })
        .expect(200)
    ).body;
  const titles = (list: Match[]) => list.map((m) => m.listing.title);

  it('imports 23 organisations and 25 listings over the four session kinds', () => {
    expect(ORGANISATIONS.length).toBeGreaterThanOrEqual(20);
    expect(LISTINGS.length).toBeGreaterThanOrEqual(25);
  });

  it('offers a machine-tool maker’s steel-plate demand the steel maker first; iron ore only as chain cooperation, after every trade', async () => {
    const list = await matches(TITLE.steelPlateDemand);
    expect(list[0]).toMatchObject({ listing: { title: TITLE.steelSupply }, relation: 'direct' });
    const direct = list.filter((m) => m.relation === 'direct');
    expect(list.slice(0, direct.length)).toEqual(direct);
    // In a chain-cooperation session the maker of the plate's input is shown too, labelled and last.
    expect(list[list.length - 1]).toMatchObject({ listing: { title: TITLE.ironOre }, relation: 'chain_cooperation' });
  });

  it('never offers the builder’s rebar demand iron ore, and offers the steel trader’s rebar first', async () => {
    const list = await matches(TITLE.rebarDemand);
    expect(titles(list).slice(0, 2).sort()).toEqual([TITLE.rebarTraderBm, TITLE.rebarTraderUd].sort());
    expect(titles(list)).not.toContain(TITLE.ironOre);
    expect(list.every((m) => m.relation === 'direct')).toBe(true);
  });

  it('shows an input’s supplier the makers of the next product as prospective buyers, after the buyers of the input itself', async () => {
    const cement = await matches(TITLE.cementSupply);
    expect(cement[0]).toMatchObject({ listing: { title: TITLE.cementDemand }, relation: 'direct' });
    expect(cement.find((m) => m.listing.title === TITLE.concreteSupply)).toMatchObject({ relation: 'prospective_buyer' });
    expect(cement.findIndex((m) => m.listing.title === TITLE.concreteSupply)).toBeGreaterThan(0);

    const ingot = await matches(TITLE.aluminiumIngot);
    expect(ingot[0]).toMatchObject({ listing: { title: TITLE.aluminiumProfile }, relation: 'prospective_buyer' });
    const ore = await matches(TITLE.ironOre);
    expect(ore.find((m) => m.listing.title === TITLE.steelSupply)).toMatchObject({ relation: 'prospective_buyer' });
    // A trader of rebar does not consume iron ore.
    expect(titles(ore)).not.toContain(TITLE.rebarTraderUd);
  });

  it('pairs producers and distributors on the same product first', async () => {
    expect((await matches(TITLE.potashSupply))[0]).toMatchObject({ listing: { title: TITLE.potashDemand }, relation: 'direct' });
    expect((await matches(TITLE.yakDemand))[0]).toMatchObject({ listing: { title: TITLE.yakSupply }, relation: 'direct' });
  });

  it('proposes the three-party deal for a need without collateral that asks for a guarantee: the bank with the guarantor that fits', async () => {
    const list = await matches(TITLE.fibreNeed);
    const bank = list.find((m) => m.listing.title === TITLE.icbcLoan);
    expect(bank?.guarantor?.listing.title).toBe(TITLE.provinceGuarantee);
    expect(titles(list)).toEqual(expect.arrayContaining([TITLE.icbcLoan, TITLE.provinceGuarantee]));
    // Too small a capacity, the wrong sizes, or a product for large projects: not recommended.
    for (const refused of [TITLE.xiningGuarantee, TITLE.qinghaiLoan, TITLE.cdbLoan]) expect(titles(list)).not.toContain(refused);
    // Every match reads the need's collateral the same way: none.
    const reasons = list.flatMap((m) => [...m.reasons, ...(m.guarantor?.reasons ?? [])].map((r) => r.text));
    expect(reasons.some((r) => r.includes('企业可提供抵押物'))).toBe(false);
  });

  it('never recommends a product whose limits the need breaks; the organiser sees it as a near miss with the reasons', async () => {
    const list = await matches(TITLE.bakeryNeed);
    expect(list[0]).toMatchObject({ listing: { title: TITLE.qinghaiLoan }, eligible: true });
    expect(titles(list)).not.toContain(TITLE.icbcLoan);
    const near = await matches(TITLE.bakeryNeed, '?includeIneligible=true');
    const icbc = near.find((m) => m.listing.title === TITLE.icbcLoan);
    expect(icbc).toMatchObject({ eligible: false, score: 0 });
    expect(icbc?.ineligible.join(' ')).toMatch(/单笔下限/);
    expect(icbc?.ineligible.length).toBeGreaterThanOrEqual(2);
    expect(near.findIndex((m) => !m.eligible)).toBeGreaterThanOrEqual(list.length);
  });

  it('finds the policy bank for a large secured project, and ranks a secured need above a three-party one for the same product', async () => {
    expect((await matches(TITLE.powerNeed))[0]).toMatchObject({ listing: { title: TITLE.cdbLoan }, eligible: true });
    const forProduct = titles(await matches(TITLE.icbcLoan));
    expect(forProduct.indexOf(TITLE.motorNeed)).toBeGreaterThanOrEqual(0);
    expect(forProduct.indexOf(TITLE.motorNeed)).toBeLessThan(forProduct.indexOf(TITLE.fibreNeed));
    expect(forProduct).not.toContain(TITLE.bakeryNeed);
    expect(forProduct).not.toContain(TITLE.powerNeed);
  });
});
