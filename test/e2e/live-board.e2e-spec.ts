// Live boards in real browsers against the real server with the demo data: the organiser and
// 西宁特钢 (a supplier in the upstream–downstream session) watch the same board; a listing
// 西宁特钢 posts through the UI appears on both boards without a reload, highlighted, and
// both boards end on the same sequence number. A board that loses its connection says so,
// and catches up on what it missed once back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { login, modal, pick, select, withScreenshots } from './ui';

const XNTG = { email: 'admin@xntg.demo.duijie.cn', password: 'Duijie-demo-2026' };
const SESSION = '上下游产业对接专场';
const stamp = Date.now().toString(36).toUpperCase().slice(-6);

describe('live board in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let organiserContext: BrowserContext;
  let supplierContext: BrowserContext;
  /** The organiser's board, the supplier's board, and the supplier's page for posting. */
  let organiser: Page;
  let supplier: Page;
  let poster: Page;
  let boardPath = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    organiserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    supplierContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    organiser = await organiserContext.newPage();
    supplier = await supplierContext.newPage();
    for (const page of [organiser, supplier]) page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const connection = (page: Page) => page.getByTestId('connection-status');
  async function waitForStatus(page: Page, status: 'live' | 'reconnecting' | 'offline'): Promise<void> {
    await page.locator(`[data-testid="connection-status"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
  }
  async function seqOf(page: Page): Promise<number> {
    const value = await page.getByTestId('board').getAttribute('data-seq');
    if (value === null) throw new Error('the board has no data-seq yet');
    return Number(value);
  }
  async function eventually(condition: () => Promise<boolean>, what: string | (() => string), timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Waits until every board has applied at least `min` and all agree; returns that number. */
  async function sameSeq(pages: Page[], min: number): Promise<number> {
    let seqs: number[] = [];
    await eventually(
      async () => {
        seqs = await Promise.all(pages.map(seqOf));
        return seqs.every((s) => s === seqs[0] && s >= min);
      },
      () => `the boards to agree on a sequence number ≥ ${min} (they are at ${seqs.join(', ')})`,
      30_000,
    );
    return seqs[0];
  }
  /** Marks the page so a reload (which would lose the mark) can be detected. */
  async function markPage(page: Page): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as { __noReload?: boolean }).__noReload = true;
    });
  }
  async function wasNotReloaded(page: Page): Promise<boolean> {
    return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
  }
  /** The count on the supply tab, from the live totals (antd puts it in the badge's title). */
  async function supplyBadge(page: Page): Promise<number> {
    return Number(await page.getByTestId('board-tab-supply').locator('[title]').first().getAttribute('title'));
  }

  const screenshots = (name: string, run: () => Promise<void>) => withScreenshots(name, () => ({ organiser, supplier, poster }), run);

  it('shows a listing posted in one browser on both boards without a reload, highlighted', async () => {
    await screenshots('live-board', async () => {
      // The organiser opens the session's board from the event page.
      await login(organiser, server.url, ADMIN.email, ADMIN.password);
      await organiser.getByTestId('event-row').first().locator('a').first().click();
      await organiser.getByTestId('session-row').filter({ hasText: SESSION }).getByTestId('session-board').click();
      await organiser.waitForURL('**/sessions/*/board**');
      boardPath = new URL(organiser.url()).pathname;
      await waitForStatus(organiser, 'live');
      expect(await connection(organiser).innerText()).toContain('实时');

      // 西宁特钢 watches the same board in one tab and posts in another.
      await login(supplier, server.url, XNTG.email, XNTG.password);
      await supplier.goto(`${server.url}${boardPath}`);
      await waitForStatus(supplier, 'live');
      poster = await supplierContext.newPage();
      poster.on('pageerror', (e) => pageErrors.push(e.message));

      const before = await sameSeq([organiser, supplier], 0);
      const badgeBefore = await supplyBadge(organiser);
      for (const page of [organiser, supplier]) await markPage(page);

      const title = `特殊钢棒材现货 ${stamp}`;
      await poster.goto(`${server.url}/my/listings`);
      await poster.getByTestId('listing-create').click();
      const m = modal(poster);
      await pick(poster, m.getByTestId('listing-session'), '上下游');
      await m.getByTestId('listing-type-supply').click();
      await m.getByTestId('listing-title').fill(title);
      await pick(poster, select(m, 'goods_category'), '钢材');
      await m.locator('[id="goods_quantity"]').fill('2600');
      await pick(poster, select(m, 'goods_unit'), '吨');
      await pick(poster, select(m, 'goods_region'), '西宁');
      await m.getByTestId('listing-submit').click();
      await poster.getByTestId('my-listing-row').filter({ hasText: title }).waitFor();

      // It appears on both boards as it is, lit up, with no reload.
      for (const page of [organiser, supplier]) {
        const row = page.getByTestId('board').getByTestId('listing-row').filter({ hasText: title });
        await page.locator('[data-testid="listing-row"][data-flash="true"]').filter({ hasText: title }).waitFor({ timeout: 15_000 });
        expect(await row.getAttribute('class')).toContain('row-flash');
        const text = await row.innerText();
        expect(text).toContain('西宁特殊钢股份有限公司');
        expect(text).toContain('2,600');
        expect(await wasNotReloaded(page)).toBe(true);
      }
      // The highlight fades after a moment; the row stays.
      await organiser.locator('[data-testid="listing-row"]:not([data-flash])').filter({ hasText: title }).waitFor({ timeout: 10_000 });
      expect(await organiser.getByTestId('listing-row').filter({ hasText: title }).count()).toBe(1);

      // Both boards applied the same events, and the totals followed.
      expect(await sameSeq([organiser, supplier], before + 1)).toBeGreaterThan(before);
      await eventually(async () => (await supplyBadge(organiser)) === badgeBefore + 1, 'the supply count to go up by one');
      expect(pageErrors).toEqual([]);
    });
  });

  it('says when a board is offline and catches up on what it missed once back', async () => {
    await screenshots('live-board-reconnect', async () => {
      expect(boardPath).not.toBe('');
      const before = await sameSeq([organiser, supplier], 0);
      await markPage(organiser);

      // The organiser's browser loses its network; 西宁特钢 posts meanwhile.
      await organiserContext.setOffline(true);
      await waitForStatus(organiser, 'offline');
      const title = `断线期间发布 ${stamp}`;
      await poster.goto(`${server.url}/my/listings`);
      await poster.getByTestId('listing-create').click();
      const m = modal(poster);
      await pick(poster, m.getByTestId('listing-session'), '上下游');
      await m.getByTestId('listing-type-supply').click();
      await m.getByTestId('listing-title').fill(title);
      await pick(poster, select(m, 'goods_category'), '钢材');
      await m.locator('[id="goods_quantity"]').fill('300');
      await pick(poster, select(m, 'goods_unit'), '吨');
      await pick(poster, select(m, 'goods_region'), '西宁');
      await m.getByTestId('listing-submit').click();
      await poster.getByTestId('my-listing-row').filter({ hasText: title }).waitFor();
      await supplier.getByTestId('listing-row').filter({ hasText: title }).waitFor();
      expect(await organiser.getByTestId('listing-row').filter({ hasText: title }).count()).toBe(0);
      expect(await seqOf(organiser)).toBe(before);

      // Back online: live again, with the missed listing, on the same sequence number.
      await organiserContext.setOffline(false);
      await waitForStatus(organiser, 'live');
      await organiser.getByTestId('listing-row').filter({ hasText: title }).waitFor({ timeout: 15_000 });
      expect(await sameSeq([organiser, supplier], before + 1)).toBeGreaterThan(before);
      expect(await wasNotReloaded(organiser)).toBe(true);
      expect(pageErrors).toEqual([]);
    });
  });
});
