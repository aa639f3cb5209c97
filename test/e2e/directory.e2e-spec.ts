// The producers' directory (生产企业名录) in Chromium against the built server: an organiser
// compiles and publishes the building-materials session's directory (through the API); a visitor
// with no login opens /directory, finds it, filters it by category, region (a prefecture finds the
// producer in one of its counties) and text, and is offered 登录后申请洽谈; a builder of the event,
// signed in, asks a producer for a meeting from its entry (the existing meeting request form).
import type { DirectoryCompileResult, DirectoryEntryAdmin, DirectoryReview, MatchSession } from '@duijie/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, E2E_PASSWORD, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, modal, pick, watchErrors, withScreenshots } from './ui';

describe('the producers’ directory in the browser: public, filtered, and the way to a meeting', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let organiser: Actor;
  let cement: Actor & { email: string; name: string };
  let blocks: Actor & { email: string; name: string };
  let builder: Actor & { email: string; name: string };
  let session: MatchSession;
  let directoryId: string;
  let title: string;
  const contexts: BrowserContext[] = [];
  let visitor: Page | undefined;
  let builderPage: Page | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    session = await api.liveSession(organiser, 'building_materials', { title: '保障性住房建材专场' });
    [cement, blocks, builder] = await Promise.all([
      api.organisation(organiser, 'enterprise'),
      api.organisation(organiser, 'distributor'),
      api.organisation(organiser, 'construction_unit'),
    ]);
    await api.participate(cement, organiser, session.id, 'producer');
    await api.participate(blocks, organiser, session.id, 'producer');
    await api.participate(builder, organiser, session.id, 'builder');
    await api.createListing(cement, session.id, {
      type: 'supply',
      title: 'P.O 42.5 普通硅酸盐水泥',
      goods: { category: 'cement', specification: 'P.O 42.5', quantity: 600000, unit: '吨', region: '630100' },
    });
    await api.createListing(blocks, session.id, {
      type: 'supply',
      title: '加气混凝土砌块',
      goods: { category: 'wall_blocks', specification: 'B06 A3.5', quantity: 80000, unit: '立方米', region: '630222' },
    });
    const compiled = await api.call<DirectoryCompileResult>('POST', `/sessions/${session.id}/directory/compile`, {}, organiser.token);
    directoryId = compiled.directory.id;
    title = compiled.directory.title;
    const review = await api.call<DirectoryReview>('GET', `/directories/${directoryId}/review`, undefined, organiser.token);
    // The block maker is in 民和县 (Haidong); the cement producer agreed to show its contact.
    const byName = (name: string) => review.entries.find((e) => e.name === name)!;
    await api.call<DirectoryEntryAdmin>(
      'PATCH',
      `/directory-entries/${byName(blocks.name).id}`,
      { version: byName(blocks.name).version, region: '630222' },
      organiser.token,
    );
    await api.call<DirectoryEntryAdmin>(
      'PATCH',
      `/directory-entries/${byName(cement.name).id}`,
      { version: byName(cement.name).version, contactConsent: true },
      organiser.token,
    );
    await api.call('POST', `/directories/${directoryId}/publish`, { version: compiled.directory.version }, organiser.token);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const entries = (page: Page) => page.getByTestId('directory-entry');

  it('opens without login, and filters by category, region and text', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    visitor = await context.newPage();
    watchErrors(visitor, pageErrors);
    await withScreenshots(
      'directory-public',
      () => ({ visitor }),
      async () => {
        const page = visitor!;
        await page.goto(`${server.url}/directory`);
        // No login guard: the page stays, with a login button rather than a redirect to /login.
        await page.getByTestId('directory-card').filter({ hasText: title }).click();
        await page.waitForURL(`**/directory/${directoryId}`);
        expect(new URL(page.url()).pathname).toBe(`/directory/${directoryId}`);
        expect(await page.getByTestId('directory-login').isVisible()).toBe(true);
        await page.getByTestId('directory-title').filter({ hasText: title }).waitFor();
        await entries(page).filter({ hasText: cement.name }).waitFor();
        expect(await entries(page).count()).toBe(2);
        // A contact shows only where the producer agreed.
        expect(await entries(page).filter({ hasText: cement.name }).getByTestId('directory-contact').innerText()).toContain('0971-1234567');
        expect(await entries(page).filter({ hasText: blocks.name }).getByTestId('directory-contact').count()).toBe(0);
        // Anonymous visitors are offered a login first.
        expect(await entries(page).filter({ hasText: cement.name }).getByTestId('directory-ask-login').innerText()).toBe('登录后申请洽谈');

        await pick(page, page.getByTestId('directory-filter-category'), '水泥');
        await page.waitForURL(/category=cement/);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="directory-entry"]').length === 1);
        expect(await entries(page).first().innerText()).toContain(cement.name);
        await page.locator('[data-testid="directory-filter-category"] .ant-select-clear').click({ force: true });
        await page.waitForFunction(() => !location.search.includes('category='));

        // 海东市 takes in 民和县, where the block maker is.
        await pick(page, page.getByTestId('directory-filter-region'), '海东市');
        await page.waitForURL(/region=630200/);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="directory-entry"]').length === 1);
        expect(await entries(page).first().innerText()).toContain(blocks.name);
        await page.locator('[data-testid="directory-filter-region"] .ant-select-clear').click({ force: true });
        await page.waitForFunction(() => !location.search.includes('region='));

        await page.getByTestId('directory-search').locator('input').fill('砌块');
        await page.getByTestId('directory-search').locator('input').press('Enter');
        await page.waitForURL(/q=/);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="directory-entry"]').length === 1);
        expect(await entries(page).first().innerText()).toContain(blocks.name);
        expect(await page.getByTestId('directory-total').innerText()).toContain('1');
      },
    );
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('lets a signed-in builder of the event ask a producer for a meeting from its entry', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    builderPage = await context.newPage();
    watchErrors(builderPage, pageErrors);
    await withScreenshots(
      'directory-ask',
      () => ({ builder: builderPage }),
      async () => {
        const page = builderPage!;
        await login(page, server.url, builder.email, E2E_PASSWORD);
        await page.goto(`${server.url}/directory/${directoryId}`);
        const row = entries(page).filter({ hasText: cement.name });
        await row.getByTestId('directory-ask').click();
        await modal(page).getByText(cement.name).waitFor();
        await clickSettled(modal(page).getByTestId('meeting-submit'));
        await page.locator('.ant-message').getByText(cement.name).waitFor();
      },
    );
    const requests = await api.call<{ toOrganisationId?: string; to?: { organisationId: string } }[]>('GET', '/me/meeting-requests', undefined, builder.token);
    expect(JSON.stringify(requests)).toContain(cement.organisationId);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
