// The installable app offline, with the demo data and the built server. Chromium finds it
// installable (manifest, icons, service worker). 西宁新千超市 (a
// distributor with two meetings on its agenda) opens its agenda and the producer–distributor
// board online, so the service worker keeps them; the network goes; a reload still shows the
// agenda's meetings and the board's listings, each saying it is offline and from when. Meanwhile
// 兰州东部批发市场 posts listings through the API. Back online, the board joins from the seq it
// kept, the server replays what was missed, and every listing the API lists is on the board.
// On a phone (390×844, touch) and on a desktop (1440×900).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ListingInput, MatchSession, Page as ApiPage, ListingView, Participation } from '@duijie/shared';
import { Api, type Actor } from './api';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { login, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const PARTICIPANT = 'admin@xinqian.demo.duijie.cn';
const POSTER = 'admin@lz-market.demo.duijie.cn';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const DATA_CACHE = 'duijie-data-v1';

const demand = (title: string): ListingInput => ({
  type: 'demand',
  title,
  goods: { category: 'yak_meat', quantity: 20, unit: '吨', priceMin: 80_000, priceMax: 90_000, region: '620100' },
});

describe('the app offline', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let poster: Actor;
  let session: MatchSession;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    api = new Api(server.url);
    poster = await api.login(POSTER, DEMO_PASSWORD);
    const participant = await api.login(PARTICIPANT, DEMO_PASSWORD);
    const participations = await api.call<Participation[]>('GET', '/me/participations', undefined, participant.token);
    const sessions = await Promise.all(participations.map((p) => api.call<MatchSession>('GET', `/sessions/${p.sessionId}`, undefined, participant.token)));
    const board = sessions.find((s) => s.kind === 'producer_distributor');
    if (!board) throw new Error('the demo distributor takes part in no producer–distributor session');
    session = board;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The open demand listings whose title starts with `prefix`, as the API lists them. */
  async function listedIds(prefix: string): Promise<string[]> {
    const page = await api.call<ApiPage<ListingView>>(
      'GET',
      `/sessions/${session.id}/listings?type=demand&q=${encodeURIComponent(prefix)}&pageSize=100`,
      undefined,
      poster.token,
    );
    return page.items.filter((l) => l.title.startsWith(prefix)).map((l) => l.id);
  }

  /** The listing ids the board shows (its rows or cards carry them). */
  async function boardIds(page: Page, prefix: string): Promise<string[]> {
    return page.evaluate((p) => {
      const ids = new Set<string>();
      for (const row of document.querySelectorAll<HTMLElement>('[data-testid="board"] [data-row-key], [data-testid="board"] [data-listing-id]')) {
        const id = row.dataset.rowKey ?? row.dataset.listingId;
        if (id && row.textContent?.includes(p)) ids.add(id);
      }
      return [...ids].sort();
    }, prefix);
  }

  async function seqOf(page: Page): Promise<number> {
    const value = await page.getByTestId('board').getAttribute('data-seq');
    if (value === null || value === '') throw new Error('the board has no data-seq yet');
    return Number(value);
  }

  /** The board the page keeps on the device for reading offline: its seq, or null. */
  function keptSeq(page: Page): Promise<number | null> {
    return page.evaluate(
      async ({ cacheName, key }) => {
        const response = await caches.match(key, { cacheName });
        if (!response) return null;
        return ((await response.json()) as { seq: number }).seq;
      },
      { cacheName: DATA_CACHE, key: `/offline/board/${encodeURIComponent(session.id)}` },
    );
  }

  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (!ok(value)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 200));
      value = await read();
    }
    return value;
  }

  async function agendaMeetings(page: Page): Promise<string[]> {
    await page.getByTestId('agenda-item').first().waitFor({ timeout: 20_000 });
    const ids = await page.getByTestId('agenda-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-meeting-id') ?? ''));
    return ids.sort();
  }

  it.each([
    ['on a phone', 'phone', PHONE],
    ['on a desktop', 'desktop', DESKTOP],
  ] as const)('shows the agenda and the last board offline and catches the board up with no gap %s', async (_label, name, device) => {
    const context = await browser.newContext({ ...device, locale: 'zh-CN', serviceWorkers: 'allow' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    // What the board's joins are answered with: a replay from the kept seq, or a snapshot.
    const joins: { mode: string; seq: number; from: number[] }[] = [];
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString();
        const match = /^43\d*\[(.*)\]$/s.exec(text);
        if (!match) return;
        try {
          const answer = JSON.parse(match[1]) as { ok?: boolean; mode?: string; seq?: number; events?: { seq: number }[] };
          if (answer.ok && answer.mode) joins.push({ mode: answer.mode, seq: answer.seq ?? -1, from: (answer.events ?? []).map((e) => e.seq) });
        } catch {
          // Another acknowledgement.
        }
      });
    });
    const prefix = `离线补齐${name}${Date.now().toString(36).slice(-5)}`;
    const boardUrl = `${server.url}/sessions/${session.id}/board?type=demand&q=${encodeURIComponent(prefix)}`;

    await withScreenshots(
      `offline-${name}`,
      () => ({ page }),
      async () => {
        await login(page, server.url, PARTICIPANT, DEMO_PASSWORD);
        // The service worker installs and takes control of the page.
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
        // Installable: the manifest parses and Chromium sees nothing against installing but that
        // Playwright's contexts are incognito (where it never installs).
        const cdp = await context.newCDPSession(page);
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
        expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
        const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json() as Promise<Record<string, unknown>>));
        expect(manifest).toMatchObject({ name: '对接 · Duijie', short_name: '对接', lang: 'zh-CN', start_url: '/events', display: 'standalone' });

        // Online: the agenda, and the board with a listing posted while it is open (shown live).
        await page.goto(`${server.url}/my/agenda`);
        const meetings = await agendaMeetings(page);
        expect(meetings.length).toBeGreaterThanOrEqual(2);
        await expect(page.getByTestId('offline-banner').count()).resolves.toBe(0);

        await page.goto(boardUrl);
        await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 20_000 });
        const first = await api.createListing(poster, session.id, demand(`${prefix}-在线`));
        await eventually(
          () => boardIds(page, prefix),
          (ids) => ids.includes(first.id),
          'the listing posted online on the board',
        );
        const seqOnline = await seqOf(page);
        // Kept on the device as it is now.
        await eventually(
          () => keptSeq(page),
          (seq) => seq === seqOnline,
          'the board kept on the device',
        );
        const savedBefore = Date.now();

        // Offline: a reload still shows the agenda's meetings, saying it is offline and from when.
        await context.setOffline(true);
        await page.goto(`${server.url}/my/agenda`);
        expect(await agendaMeetings(page)).toEqual(meetings);
        const agendaBanner = page.getByTestId('offline-banner');
        await agendaBanner.waitFor();
        await expect(agendaBanner.innerText()).resolves.toMatch(/离线：显示的是 \d{2}:\d{2} 的数据/);
        // The time is the kept answer's (fetched online before), not the reload's.
        const agendaSavedAt = Date.parse((await agendaBanner.getAttribute('data-saved-at')) ?? '');
        expect(agendaSavedAt).toBeLessThanOrEqual(savedBefore);

        // The board, reloaded offline, shows the listings it last had.
        await page.goto(boardUrl);
        await page.getByTestId('offline-banner').waitFor();
        await eventually(
          () => boardIds(page, prefix),
          (ids) => ids.includes(first.id),
          'the kept board offline',
        );
        expect(await seqOf(page)).toBe(seqOnline);
        await expect(page.getByTestId('offline-banner').innerText()).resolves.toMatch(/离线：显示的是 \d{2}:\d{2} 的数据/);

        // While offline, listings are posted; the board cannot know of them yet.
        const missed: { id: string }[] = [];
        for (const n of [1, 2, 3]) missed.push(await api.createListing(poster, session.id, demand(`${prefix}-离线${n}`)));
        await page.waitForTimeout(1500);
        expect(await boardIds(page, prefix)).toEqual([first.id]);
        expect(await seqOf(page)).toBe(seqOnline);

        // Back online: the board joins from the seq it kept and the server replays what it missed.
        joins.length = 0;
        await context.setOffline(false);
        await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 30_000 });
        const expected = (await listedIds(prefix)).sort();
        expect(expected).toEqual([first.id, ...missed.map((l) => l.id)].sort());
        await eventually(
          () => boardIds(page, prefix),
          (ids) => ids.length === expected.length,
          'the missed listings on the board',
        );
        expect(await boardIds(page, prefix)).toEqual(expected);
        expect(await seqOf(page)).toBeGreaterThanOrEqual(seqOnline + missed.length);
        const replay = joins.find((j) => j.mode === 'replay');
        expect(replay).toBeDefined();
        // The replay starts right after the kept seq: nothing skipped.
        expect(replay?.from[0]).toBe(seqOnline + 1);
        expect(replay?.from).toEqual(Array.from({ length: replay?.from.length ?? 0 }, (_, i) => seqOnline + 1 + i));
        expect(joins.some((j) => j.mode === 'snapshot')).toBe(false);
        await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
        expect(errors).toEqual([]);
      },
    );
    await context.close();
  });

  it('empties the data kept offline at a 401 from a route the service worker does not keep (desktop)', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN', serviceWorkers: 'allow' });
    contexts.push(context);
    const page = await context.newPage();
    const hasData = () => page.evaluate((name) => caches.has(name), DATA_CACHE);
    const unauthorized: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) unauthorized.push(new URL(response.url()).pathname);
    });
    await login(page, server.url, PARTICIPANT, DEMO_PASSWORD);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await page.goto(`${server.url}/my/agenda`);
    await agendaMeetings(page);
    await eventually(hasData, (has) => has, 'the agenda kept for offline reading');
    // The session ends on the server's side (its cookie goes); the page still thinks it is signed in.
    await context.clearCookies({ name: 'duijie_session' });
    // In-app navigation: /api/me/agreements answers 401, a route the worker passes through untouched.
    await page.getByTestId('nav-my-agreements').click();
    await eventually(hasData, (has) => !has, 'the offline data emptied');
    expect(unauthorized).toContain('/api/me/agreements');
    // Not the worker's doing: none of the routes it keeps (OFFLINE_READABLE_API) answered 401.
    const kept = [/^\/api\/auth\/me$/, /^\/api\/me\/agenda$/, /^\/api\/me\/participations$/, /^\/api\/events(\/[^/]+)?$/, /^\/api\/sessions\/[^/]+$/];
    expect(unauthorized.filter((path) => kept.some((pattern) => pattern.test(path)))).toEqual([]);
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
