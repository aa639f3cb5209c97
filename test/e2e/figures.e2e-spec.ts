// The organisers' results (issue 16), in Chromium against the built server with the demo event:
// the console opens on 对接成效; filtering by an industry chain changes the chain chart and its
// table together, and both equal what the figures route answers for that chain; the figures move
// live when a deal is recorded; the leadership view shows the same headline, read only.
import { formatCny, INDUSTRY_CHAINS, type EventFigures, type MatchEvent } from '@duijie/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { login, pick, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const STEEL = INDUSTRY_CHAINS.find((c) => c.code === 'iron_steel_construction')!;

describe('results dashboard (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Api;
  let organiser: Actor;
  let event: MatchEvent;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    event = (await api.call<MatchEvent[]>('GET', '/events', undefined, organiser.token))[0];
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    watchErrors(page, pageErrors);
    await login(page, server.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const figures = (query = '') => api.call<EventFigures>('GET', `/events/${event.id}/figures${query}`, undefined, organiser.token);
  /** The chain table's rows as [chain name, signed amount shown]. */
  const chainTable = () =>
    page
      .getByTestId('figures-chain-table')
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('td')?.textContent ?? '', r.querySelectorAll('td')[2]?.textContent ?? '']));
  /** The labels the chain chart draws (its SVG text). */
  const chainChartLabels = () => page.getByTestId('figures-chain-chart').locator('svg text').allTextContents();

  it('filters the dashboard by a chain: the chart and its table change together and equal the figures route', async () => {
    await withScreenshots(
      'figures',
      () => ({ organiser: page }),
      async () => {
        await page.goto(`${server.url}/console`);
        await page.getByTestId('figures-chain-table').waitFor();

        const all = await figures();
        expect(all.byChain.length).toBeGreaterThan(1);
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="figures-chain-table"] tbody tr.ant-table-row').length === n,
          all.byChain.length,
        );
        const before = await chainChartLabels();
        expect(before).toEqual(expect.arrayContaining([expect.stringContaining(STEEL.name.slice(0, 6))]));
        expect(before.some((label) => label.startsWith('其他'))).toBe(true);
        const signed = page.getByTestId('figures-headline-signed');
        expect(await signed.textContent()).toContain(formatCny(all.headline.signed.amount, 'zh-CN'));

        await pick(page, page.getByTestId('figures-filter-chain'), STEEL.name);
        const steel = await figures(`?chain=${STEEL.code}`);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-chain-table"] tbody tr.ant-table-row').length === 1);
        expect(await chainTable()).toEqual([[STEEL.name, formatCny(steel.byChain[0].signed.amount, 'zh-CN')]]);
        await page.waitForFunction((name) => {
          const labels = [...document.querySelectorAll('[data-testid="figures-chain-chart"] svg text')].map((t) => t.textContent ?? '');
          return labels.some((l) => name.startsWith(l.replace('...', ''))) && !labels.some((l) => l.startsWith('其他'));
        }, STEEL.name);
        await page.waitForFunction(
          (amount) => document.querySelector('[data-testid="figures-headline-signed"]')?.textContent?.includes(amount) ?? false,
          formatCny(steel.headline.signed.amount, 'zh-CN'),
        );
        expect(steel.headline.signed.amount).toBeLessThan(all.headline.signed.amount);
        expect(steel.headline.signed.amount).toBe(steel.byChain[0].signed.amount);
        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('moves live when a deal is recorded, without a reload', async () => {
    await withScreenshots(
      'figures-live',
      () => ({ organiser: page }),
      async () => {
        await page.goto(`${server.url}/console`);
        const before = await figures();
        await page.waitForFunction(
          (amount) => document.querySelector('[data-testid="figures-headline-fulfilled"]')?.textContent?.includes(amount) ?? false,
          formatCny(before.headline.disbursed + before.headline.delivered, 'zh-CN'),
        );
        // The bank records a disbursement on a demo loan that has room for one.
        const bank = await api.login('admin@icbc-qh.demo.duijie.cn', DEMO_PASSWORD);
        const mine = await api.call<{ id: string; kind: string; status: string; amount: number }[]>('GET', '/me/agreements', undefined, bank.token);
        const progress = await api.call<EventFigures>('GET', `/events/${event.id}/figures?institutionId=${bank.organisationId}`, undefined, organiser.token);
        expect(progress.headline.signed.count).toBeGreaterThan(0);
        let recorded = false;
        const refusals: string[] = [];
        for (const loan of mine.filter((a) => ['loan', 'credit_line', 'guarantee'].includes(a.kind) && a.status !== 'drafting')) {
          try {
            await api.call(
              'POST',
              `/agreements/${loan.id}/ledger`,
              { kind: 'disbursed', amount: 10_000, occurredOn: new Date().toISOString().slice(0, 10) },
              bank.token,
            );
            recorded = true;
            break;
          } catch (error) {
            // closed, or fully disbursed: try the next
            refusals.push(String(error));
          }
        }
        expect({ recorded, refusals }).toEqual({ recorded: true, refusals: expect.any(Array) });
        const after = await figures();
        expect(after.headline.disbursed).toBe(before.headline.disbursed + 10_000);
        await page.waitForFunction(
          (amount) => document.querySelector('[data-testid="figures-headline-fulfilled"]')?.textContent?.includes(amount) ?? false,
          formatCny(after.headline.disbursed + after.headline.delivered, 'zh-CN'),
          { timeout: 10_000 },
        );
      },
    );
  });

  it('opens the leadership view: the same headline, read only, for a projector', async () => {
    await withScreenshots(
      'figures-leadership',
      () => ({ organiser: page }),
      async () => {
        const now = await figures();
        await page.goto(`${server.url}/leadership/${event.id}`);
        await page.getByTestId('leadership-view').waitFor();
        await page.waitForFunction(
          (amount) => document.querySelector('[data-testid="figures-headline-signed"]')?.textContent?.includes(amount) ?? false,
          formatCny(now.headline.signed.amount, 'zh-CN'),
        );
        expect(await page.getByTestId('figures-filters').count()).toBe(0);
        expect(await page.locator('.ant-layout-header').count()).toBe(0);
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
