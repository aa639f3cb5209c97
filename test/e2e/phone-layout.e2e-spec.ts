// The app on a phone (390×844) with the demo data: no page is wider than the screen (wide tables
// scroll inside their cards), the header keeps the bell and a menu button and folds the
// navigation, the language switch and the user's name and logout into a drawer; on a desktop
// (1440×900) the header is the full bar with no menu button.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, pick, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const ENTERPRISE = 'admin@xntg.demo.duijie.cn'; // 西宁特殊钢: agreements, listings, obligations and notifications in the demo
const EVENT_NAME = '2026青海省重大产业对接活动';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const PARTICIPANT_PAGES = ['/my/todo', '/my/agreements', '/my/listings', '/notifications', '/my/surveys', '/my/requests', '/my/agenda', '/events'];
const CONSOLE_TABS = ['events', 'participants', 'meetings', 'agreements', 'supermarket', 'ceremony', 'follow-up', 'surveys', 'organisations', 'audit'];

describe('the layout on a phone and on a desktop', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let phone: Page;
  let organiserPhone: Page;
  let desktop: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    contexts = await Promise.all(
      [PHONE, PHONE, DESKTOP].map((viewport) => browser.newContext({ viewport, locale: 'zh-CN', isMobile: viewport === PHONE, hasTouch: viewport === PHONE })),
    );
    [phone, organiserPhone, desktop] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [phone, organiserPhone, desktop]) watchErrors(page, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Waits for the page's data: no request in flight, no spinner or skeleton left. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null);
  }

  /** How wide the document is, and what sticks out past the screen outside a scrolling table or tab bar (for the failure message). */
  async function widthOf(page: Page): Promise<{ path: string; scrollWidth: number; outside: string[] }> {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.ant-table-content, .ant-table-body, .ant-table-header, .ant-tabs-nav-wrap'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`);
      return { path: location.pathname + location.search, scrollWidth: document.documentElement.scrollWidth, outside };
    });
  }

  it('fits every participant page on a phone, with the bell and the menu button in the header', async () => {
    await withScreenshots(
      'phone-layout-participant',
      () => ({ phone }),
      async () => {
        await login(phone, server.url, ENTERPRISE, DEMO_PASSWORD);
        for (const path of PARTICIPANT_PAGES) {
          await phone.goto(`${server.url}${path}`);
          await settle(phone);
          expect(await widthOf(phone)).toEqual({ path, scrollWidth: expect.any(Number), outside: [] });
          expect((await widthOf(phone)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await expect(phone.getByTestId('notification-bell').isVisible()).resolves.toBe(true);
          await expect(phone.getByTestId('nav-drawer-open').isVisible()).resolves.toBe(true);
          // Folded away: the language switch, the user's name and the horizontal navigation.
          await expect(phone.getByTestId('lang-switch').count()).resolves.toBe(0);
          await expect(phone.getByTestId('user-menu').count()).resolves.toBe(0);
        }

        // The drawer holds the navigation, the language switch and logout, and closes on navigating.
        await phone.getByTestId('nav-drawer-open').click();
        const drawer = phone.getByTestId('nav-drawer');
        await drawer.getByTestId('lang-switch').waitFor();
        await expect(drawer.getByTestId('logout').isVisible()).resolves.toBe(true);
        await expect(drawer.getByText('西宁特殊钢股份有限公司').isVisible()).resolves.toBe(true);
        expect((await widthOf(phone)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
        await clickSettled(drawer.getByTestId('nav-my-agreements'));
        await phone.waitForURL('**/my/agreements');
        await drawer.waitFor({ state: 'hidden' });
        // The language switch works from the drawer.
        await phone.getByTestId('nav-drawer-open').click();
        await clickSettled(drawer.getByTestId('lang-switch'));
        await phone.getByRole('heading', { name: 'My agreements' }).waitFor();
        expect((await widthOf(phone)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
      },
    );
  });

  it('fits the organiser’s console tabs on a phone, wide tables scrolling inside their cards', async () => {
    await withScreenshots(
      'phone-layout-console',
      () => ({ organiserPhone }),
      async () => {
        await login(organiserPhone, server.url, ADMIN.email, ADMIN.password);
        let picked = 0;
        for (const tab of CONSOLE_TABS) {
          await organiserPhone.goto(`${server.url}/console?tab=${tab}`);
          await settle(organiserPhone);
          const picker = organiserPhone.locator('[data-testid$="event-picker"]:visible').first();
          if ((await picker.count()) > 0) {
            await pick(organiserPhone, picker, '青海');
            await settle(organiserPhone);
            await expect(picker.textContent()).resolves.toContain(EVENT_NAME);
            picked += 1;
          }
          const width = await widthOf(organiserPhone);
          expect({ path: width.path, outside: width.outside }).toEqual({ path: `/console?tab=${tab}`, outside: [] });
          expect(width.scrollWidth).toBeLessThanOrEqual(PHONE.width);
          await expect(organiserPhone.getByTestId('nav-drawer-open').isVisible()).resolves.toBe(true);
        }
        // The tabs that list an event's rows were seen with the demo event's rows.
        expect(picked).toBeGreaterThan(3);
      },
    );
  });

  it('keeps the full header bar on a desktop', async () => {
    await withScreenshots(
      'phone-layout-desktop',
      () => ({ desktop }),
      async () => {
        await login(desktop, server.url, ENTERPRISE, DEMO_PASSWORD);
        await desktop.goto(`${server.url}/my/todo`);
        await settle(desktop);
        for (const testId of ['notification-bell', 'lang-switch', 'user-menu', 'nav-my-todo']) {
          await expect(desktop.getByTestId(testId).isVisible()).resolves.toBe(true);
        }
        await expect(desktop.getByTestId('nav-drawer-open').count()).resolves.toBe(0);
        expect((await widthOf(desktop)).scrollWidth).toBeLessThanOrEqual(DESKTOP.width);
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
