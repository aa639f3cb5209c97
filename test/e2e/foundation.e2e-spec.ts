// The foundation end to end, in a real browser against the real server process:
// an organiser creates an event and a session, an enterprise registers itself and is
// approved, joins the session, posts a supply listing, and the listing shows on the
// session's board in Chinese.
import { makeCreditCode } from '@duijie/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, modal, pick, select, watchErrors, withScreenshots } from './ui';

const stamp = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, '7')
  .slice(-6);
const EVENT = `端到端对接活动 ${stamp}`;
const SESSION = `产销对接专场 ${stamp}`;
const COMPANY = `青海端到端钢铁有限公司 ${stamp}`;
const LISTING = `螺纹钢现货供应 ${stamp}`;
const ENTERPRISE = { email: `e2e-${stamp.toLowerCase()}@example.cn`, password: 'Enterprise-e2e-2026' };

describe('foundation in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let organiserContext: BrowserContext;
  let enterpriseContext: BrowserContext;
  let organiser: Page;
  let enterprise: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    organiserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    enterpriseContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    organiser = await organiserContext.newPage();
    enterprise = await enterpriseContext.newPage();
    for (const page of [organiser, enterprise]) watchErrors(page, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs from event creation to a listing on the board', async () => {
    await withScreenshots('foundation', () => ({ organiser, enterprise }), runFlow);
  });

  async function runFlow(): Promise<void> {
    // The organiser creates the event.
    await login(organiser, server.url, ADMIN.email, ADMIN.password);
    // The session token is in an httpOnly cookie: nothing the page's scripts could read or steal.
    expect(await organiser.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('token')))).toEqual([]);
    expect(await organiser.evaluate(() => document.cookie)).not.toContain('duijie_session');
    const sessionCookie = (await organiserContext.cookies()).find((c) => c.name === 'duijie_session');
    expect(sessionCookie).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Strict' }));
    await organiser.goto(`${server.url}/console?tab=events`);
    await organiser.getByTestId('event-create').click();
    let m = modal(organiser);
    await m.locator('#name').fill(EVENT);
    await pick(organiser, select(m, 'province'), '青海');
    const range = m.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2026-12-10');
    await range.nth(1).click();
    await range.nth(1).fill('2026-12-12');
    await organiser.keyboard.press('Enter');
    await m.locator('#targetAmountWan').fill('3000000');
    await m.getByTestId('event-submit').click();
    const eventRow = organiser.getByTestId('console-event-row').filter({ hasText: EVENT });
    await eventRow.waitFor();

    // ... and a producer–distributor session, opened for registration.
    await eventRow.getByTestId('session-create').click();
    m = modal(organiser);
    await pick(organiser, select(m, 'kind'), '产销');
    await m.locator('#title').fill(SESSION);
    await m.locator('#leadDepartment').fill('省商务厅');
    await m.locator('#venue').fill('青海国际会展中心');
    await m.locator('#startsAt').click();
    await m.locator('#startsAt').fill('2026-12-10 09:00');
    await m.locator('#endsAt').click();
    await m.locator('#endsAt').fill('2026-12-10 17:00');
    await m.locator('.ant-modal-title').click();
    await m.getByTestId('session-submit').click();
    const sessionRow = organiser.getByTestId('session-row').filter({ hasText: SESSION });
    await sessionRow.waitFor();
    await sessionRow.getByTestId('session-advance').click();
    await clickSettled(organiser.getByTestId('session-advance-confirm'));
    await sessionRow.getByText('报名中').waitFor();

    // An enterprise registers itself and waits for approval.
    const creditCode = makeCreditCode(`91630100${stamp}A00`.slice(0, 17));
    await enterprise.goto(`${server.url}/register`);
    await enterprise.locator('[id="organisation_name"]').fill(COMPANY);
    await enterprise.locator('[id="organisation_creditCode"]').fill(creditCode);
    await pick(enterprise, select(enterprise, 'organisation_kind'), '企业');
    await pick(enterprise, select(enterprise, 'organisation_industry'), 'C31');
    await pick(enterprise, select(enterprise, 'organisation_size'), '中型');
    await pick(enterprise, select(enterprise, 'organisation_region'), '西宁');
    await enterprise.locator('[id="organisation_contactName"]').fill('马建国');
    await enterprise.locator('[id="organisation_contactPhone"]').fill('0971-5551234');
    await enterprise.getByTestId('register-email').fill(ENTERPRISE.email);
    await enterprise.getByTestId('register-display-name').fill('马建国');
    await enterprise.getByTestId('register-password').fill(ENTERPRISE.password);
    await enterprise.getByTestId('register-password-confirm').fill(ENTERPRISE.password);
    await enterprise.getByTestId('register-submit').click();
    // Until approved it sees only its own registration; the events send it back there.
    await enterprise.waitForURL('**/my/organisation');
    await enterprise.getByText('正在等待主办单位审核').waitFor();
    await enterprise.goto(`${server.url}/events`);
    await enterprise.waitForURL('**/my/organisation');

    // The organiser approves the organisation.
    await organiser.goto(`${server.url}/console?tab=organisations`);
    const orgRow = organiser.getByTestId('org-row').filter({ hasText: COMPANY });
    await orgRow.getByTestId('org-approve').click();
    await orgRow.getByTestId('org-approve').waitFor({ state: 'detached' });

    // The enterprise registers for the session as a producer ...
    await enterprise.goto(`${server.url}/events`);
    await enterprise.getByTestId('event-row').filter({ hasText: EVENT }).locator('a').first().click();
    const mySession = enterprise.getByTestId('session-row').filter({ hasText: SESSION });
    await mySession.getByTestId('session-register').click();
    await enterprise.getByTestId('session-register-role-producer').click();
    await mySession.getByTestId('session-participation').waitFor();

    // ... and the organiser approves the registration.
    await organiser.goto(`${server.url}/console?tab=participants`);
    await pick(organiser, organiser.getByTestId('console-event-picker'), stamp);
    await pick(organiser, organiser.getByTestId('console-session-picker'), stamp);
    const participant = organiser.getByTestId('participant-row').filter({ hasText: COMPANY });
    await participant.getByTestId('participant-approve').click();
    await participant.waitFor({ state: 'detached' });

    // The enterprise posts a supply listing.
    await enterprise.goto(`${server.url}/my/listings`);
    await enterprise.getByTestId('listing-create').click();
    m = modal(enterprise);
    await pick(enterprise, m.getByTestId('listing-session'), stamp);
    await m.getByTestId('listing-title').fill(LISTING);
    await pick(enterprise, select(m, 'goods_category'), '钢材');
    await m.locator('[id="goods_quantity"]').fill('5000');
    await pick(enterprise, select(m, 'goods_unit'), '吨');
    await pick(enterprise, select(m, 'goods_region'), '西宁');
    await m.locator('[id="goods_priceMin"]').fill('3600');
    await m.locator('[id="goods_priceMax"]').fill('3900');
    await m.getByText('保密信息').first().click();
    await m.locator('[id="confidential_notes"]').fill('底价可议，量大从优');
    await m.getByTestId('listing-submit').click();
    const mine = enterprise.getByTestId('my-listing-row').filter({ hasText: LISTING });
    await mine.waitFor();

    // The listing shows on the session board, in Chinese, for the organiser too.
    await organiser.goto(`${server.url}/events`);
    await organiser.getByTestId('event-row').filter({ hasText: EVENT }).locator('a').first().click();
    await organiser.getByTestId('session-row').filter({ hasText: SESSION }).getByTestId('session-board').click();
    const board = organiser.getByTestId('board');
    await board.waitFor();
    const row = board.getByTestId('listing-row').filter({ hasText: LISTING });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(COMPANY);
    expect(rowText).toContain('5,000');
    expect(rowText).toContain('吨');
    expect(await board.innerText()).toContain('供应');
    // Organisers see the confidential part when they open the row; it is never on the live board.
    await row.locator('.ant-table-row-expand-icon').click();
    await board.getByText('底价可议，量大从优').waitFor();
    expect(await organiser.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(pageErrors).toEqual([]);
  }
});
