// Times in the event's zone (issue 18): a participant whose browser is set to UTC sees the demo's
// session, its meeting on the agenda and an agreement's signing time on Beijing's clocks, with the
// zone named beside them; a browser set to Asia/Shanghai sees the same times and no zone note.
// The organiser's console opens the demo's single event in every tab that picks an event, with
// nothing picked by hand. Each at 390×844 with touch and at 1440×900. On a New York device, 02:30
// typed on the day its clocks skip it is saved as 02:30 Beijing time; an event moved to Urumqi
// shows its certificate check and its big screen on Urumqi's clocks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Agreement, EventDetail, MatchEvent, ScreenLinkCreated } from '@duijie/shared';
import { Api, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, login, modal, pick, select as selectOf, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
/** 新千超市 (xinqian): its self-booked meeting at slot 1 of 生产企业与流通企业对接专场, and signed agreements. */
const PARTICIPANT = 'admin@xinqian.demo.duijie.cn';
const EVENT_NAME = '2026青海省重大产业对接活动';
const AGREEMENT_TITLE_PART = '牦牛';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** The console tabs that pick an event, and their pickers' test ids. */
const CONSOLE_PICKERS: readonly { tab: string; picker: string }[] = [
  { tab: 'results', picker: 'figures-event-picker' },
  { tab: 'participants', picker: 'console-event-picker' },
  { tab: 'meetings', picker: 'console-event-picker' },
  { tab: 'agreements', picker: 'console-event-picker' },
  { tab: 'supermarket', picker: 'supermarket-event-picker' },
  { tab: 'ceremony', picker: 'ceremony-event-picker' },
  { tab: 'follow-up', picker: 'tracking-event-picker' },
  { tab: 'rewards', picker: 'rewards-event-picker' },
  { tab: 'surveys', picker: 'surveys-event-picker' },
  { tab: 'directory', picker: 'directory-event-picker' },
  { tab: 'import', picker: 'import-event-picker' },
];

/** An instant on Beijing's (or `timeZone`'s) clocks, computed here with an explicit zone (this test process's zone does not matter). */
function beijing(iso: string, part: 'time' | 'dateTime', timeZone = 'Asia/Shanghai'): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  const time = `${p.hour}:${p.minute}`;
  return part === 'time' ? time : `${p.year}-${p.month}-${p.day} ${time}`;
}

type Setup = { device: 'UTC' | 'Asia/Shanghai'; viewport: typeof PHONE; phone: boolean };
const SETUPS: Setup[] = [
  { device: 'UTC', viewport: PHONE, phone: true },
  { device: 'UTC', viewport: DESKTOP, phone: false },
  { device: 'Asia/Shanghai', viewport: PHONE, phone: true },
  { device: 'Asia/Shanghai', viewport: DESKTOP, phone: false },
];

describe('times in the event’s zone, whatever the device’s zone', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let participant: Actor;
  let event: EventDetail;
  let agreement: Agreement;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    api = new Api(server.url);
    participant = await api.login(PARTICIPANT, DEMO_PASSWORD);
    const [first] = await api.call<MatchEvent[]>('GET', '/events', undefined, participant.token);
    event = await api.call<EventDetail>('GET', `/events/${first.id}`, undefined, participant.token);
    const mine = await api.call<Agreement[]>('GET', '/me/agreements', undefined, participant.token);
    const signed = mine.find((a) => a.title.includes(AGREEMENT_TITLE_PART) && a.signedAt !== null);
    if (!signed) throw new Error(`the demo has no signed agreement of ${PARTICIPANT} about ${AGREEMENT_TITLE_PART}`);
    agreement = signed;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(setup: Setup): Promise<Page> {
    const context = await browser.newContext({
      viewport: setup.viewport,
      locale: 'zh-CN',
      timezoneId: setup.device,
      ...(setup.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page, pageErrors);
    return page;
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null);
  }

  async function press(page: Page, target: Locator, phone: boolean): Promise<void> {
    if (!phone) return clickSettled(target);
    await target.waitFor();
    await page.waitForFunction(() => document.querySelector('[class*="-enter"], [class*="-leave"], .ant-zoom, .ant-zoom-big, .ant-fade') === null);
    await target.tap();
  }

  async function shoot(page: Page, name: string): Promise<void> {
    const dir = process.env.SHOTS_DIR ?? join(ARTIFACTS, 'event-time-zone');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }

  /** The zone notes on the page: present (naming Beijing time, UTC+8) on a UTC device, none on a Beijing one. */
  async function expectZoneNotes(page: Page, setup: Setup, where: string): Promise<void> {
    const notes = page.locator('[data-testid="zone-note"]:visible');
    if (setup.device === 'UTC') {
      await notes.first().waitFor();
      const text = await notes.first().innerText();
      expect({ where, named: text.includes('北京时间') && text.includes('UTC+8') }).toEqual({ where, named: true });
    } else {
      await expect(page.locator('[data-testid="zone-note"]').count()).resolves.toBe(0);
    }
  }

  for (const setup of SETUPS) {
    const size = `${setup.viewport.width}×${setup.viewport.height}`;
    const name = `${setup.device.replace('/', '-')}-${setup.viewport.width}`;

    it(`shows the session, the agenda and a signing on Beijing's clocks on a device set to ${setup.device} (${size})`, async () => {
      const page = await open(setup);
      await withScreenshots(
        `event-time-zone-${name}`,
        () => ({ page }),
        async () => {
          await login(page, server.url, PARTICIPANT, DEMO_PASSWORD);
          await expect(page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).resolves.toBe(setup.device);

          // The board of 生产企业与流通企业对接专场: 09:00–17:00 in Xining.
          const session = event.sessions.find((s) => s.kind === 'producer_distributor');
          if (!session) throw new Error('the demo has no producer–distributor session');
          await page.goto(`${server.url}/sessions/${session.id}/board`);
          const sessionTime = page.getByTestId('board-session-time');
          await sessionTime.waitFor();
          await expect(sessionTime.innerText()).resolves.toBe(`${beijing(session.startsAt, 'dateTime')} ~ ${beijing(session.endsAt, 'dateTime')}`);
          await expect(sessionTime.innerText()).resolves.toBe('2026-12-17 09:00 ~ 2026-12-17 17:00');
          await expectZoneNotes(page, setup, 'board');
          await shoot(page, `${name}-board`);

          // The agenda: the meeting booked at the session's first slot reads 09:00–09:20, every time on Beijing's clocks.
          await page.goto(`${server.url}/my/agenda`);
          await settle(page);
          const items = page.getByTestId('agenda-item');
          await items.first().waitFor();
          const all = await items.evaluateAll((cards) =>
            cards.map((c) => ({
              startsAt: c.getAttribute('data-starts-at') ?? '',
              endsAt: c.getAttribute('data-ends-at') ?? '',
              time: c.querySelector('[data-testid="agenda-time"]')?.textContent ?? '',
            })),
          );
          const shown = all.filter((i) => i.startsAt !== '');
          expect(shown.length).toBeGreaterThan(0);

          for (const item of shown) expect(item.time).toBe(`${beijing(item.startsAt, 'time')}–${beijing(item.endsAt, 'time')}`);
          expect(shown.map((i) => i.time)).toContain('09:00–09:20');
          await expectZoneNotes(page, setup, 'agenda');
          await shoot(page, `${name}-agenda`);

          // An agreement's timeline: each signature at its Beijing time.
          await page.goto(`${server.url}/my/agreements`);
          await settle(page);
          const row = page.locator(`[data-testid="agreement-row"][data-agreement-id="${agreement.id}"]`).first();
          await row.waitFor();
          if (setup.phone) await press(page, row.getByTestId('agreement-details-toggle'), true);
          else await clickSettled(row.locator('.ant-table-row-expand-icon'));
          const signatures = page.getByTestId('agreement-signature');
          await signatures.first().waitFor();
          const texts = await signatures.allInnerTexts();
          const times = agreement.parties.flatMap((p) => (p.signature ? [beijing(p.signature.signedAt, 'dateTime')] : []));
          expect(times.length).toBeGreaterThan(0);
          for (const time of times) expect(texts.some((text) => text.includes(time))).toBe(true);
          await expectZoneNotes(page, setup, 'agreement');
          await shoot(page, `${name}-agreement`);
        },
      );
    });

    it(`opens the console's tabs on the single demo event with no pick (${setup.device}, ${size})`, async () => {
      const page = await open(setup);
      await withScreenshots(
        `event-time-zone-console-${name}`,
        () => ({ page }),
        async () => {
          await login(page, server.url, ADMIN.email, ADMIN.password);
          for (const { tab, picker } of CONSOLE_PICKERS) {
            await page.goto(`${server.url}/console?tab=${tab}`);
            await settle(page);
            const select = page.getByTestId(picker).first();
            await select.waitFor();
            // The events load after the tab: the picker shows the event once they are in, with no pick.
            await page
              .getByTestId(picker)
              .filter({ hasText: EVENT_NAME })
              .first()
              .waitFor({ timeout: 15_000 })
              .catch(() => undefined);
            await expect(select.innerText().then((text) => ({ tab, text }))).resolves.toEqual({ tab, text: expect.stringContaining(EVENT_NAME) });
          }
          await shoot(page, `${name}-console-import`);
          expect(pageErrors).toEqual([]);
        },
      );
    });
  }

  it('saves 02:30 typed on a New York device, on the day its clocks skip it, as 02:30 on the event’s clock (1440×900)', async () => {
    const page = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'America/New_York' }).then(async (context) => {
      contexts.push(context);
      const opened = await context.newPage();
      watchErrors(opened, pageErrors);
      return opened;
    });
    const title = `夏令时跳过的时刻${Date.now().toString(36).slice(-5)}`;
    await withScreenshots(
      'event-time-zone-new-york-gap',
      () => ({ page }),
      async () => {
        await login(page, server.url, ADMIN.email, ADMIN.password);
        await expect(page.evaluate(() => new Date(2027, 2, 14, 2, 30).getHours())).resolves.toBe(3);
        await page.goto(`${server.url}/console?tab=events`);
        const eventRow = page.getByTestId('console-event-row').filter({ hasText: EVENT_NAME });
        await eventRow.getByTestId('session-create').click();
        const m = modal(page);
        await pick(page, selectOf(m, 'kind'), '产销');
        await m.locator('#title').fill(title);
        await m.locator('#leadDepartment').fill('省商务厅');
        await m.locator('#venue').fill('青海国际会展中心');
        await m.locator('#startsAt').click();
        await m.locator('#startsAt').fill('2027-03-14 02:30');
        await m.locator('#endsAt').click();
        await m.locator('#endsAt').fill('2027-03-14 17:00');
        await m.locator('.ant-modal-title').click();
        await expect(m.locator('#startsAt').inputValue()).resolves.toBe('2027-03-14 02:30');
        await m.getByTestId('session-submit').click();
        await page.getByTestId('session-row').filter({ hasText: title }).first().waitFor();
        const admin = await api.login(ADMIN.email, ADMIN.password);
        const detail = await api.call<EventDetail>('GET', `/events/${event.id}`, undefined, admin.token);
        const created = detail.sessions.find((s) => s.title === title);
        // Beijing has no daylight saving: 02:30 there on 14 March is 18:30 UTC the day before.
        expect({ startsAt: created?.startsAt, endsAt: created?.endsAt }).toEqual({ startsAt: '2027-03-13T18:30:00.000Z', endsAt: '2027-03-14T09:00:00.000Z' });
        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('shows the verification page and the big screen on the clocks of an event held in Urumqi (device Asia/Shanghai, 1440×900)', async () => {
    const admin = await api.login(ADMIN.email, ADMIN.password);
    const zone = 'Asia/Urumqi';
    await api.call('PATCH', `/events/${event.id}`, { timeZone: zone }, admin.token);
    try {
      const page = await open({ device: 'Asia/Shanghai', viewport: DESKTOP, phone: false });
      await withScreenshots(
        'event-time-zone-urumqi',
        () => ({ page }),
        async () => {
          // The certificate's public check: every signature at its Urumqi time, the zone named (UTC+6, not the device's UTC+8).
          await page.goto(`${server.url}/verify/${agreement.id}?hash=${agreement.contentHash}`);
          await page.getByTestId('verify-valid').waitFor();
          const parties = await page.getByTestId('verify-party').allInnerTexts();
          const times = agreement.parties.flatMap((p) => (p.signature ? [beijing(p.signature.signedAt, 'dateTime', zone)] : []));
          expect(times.length).toBeGreaterThan(0);
          for (const time of times) expect({ time, shown: parties.some((text) => text.includes(time)) }).toEqual({ time, shown: true });
          await expect(page.getByTestId('zone-note').first().innerText()).resolves.toContain('UTC+6');
          await shoot(page, 'urumqi-verify');

          // The big screen: the latest signings at their Urumqi times.
          const link = await api.call<ScreenLinkCreated>('POST', `/events/${event.id}/screen-links`, { label: 'Urumqi screen test' }, admin.token);
          await page.goto(`${server.url}/screen/${event.id}?token=${encodeURIComponent(link.token)}`);
          const items = page.getByTestId('screen-ticker-item');
          await items.first().waitFor();
          const ticker = await items.evaluateAll((rows) =>
            rows.map((r) => ({
              signedAt: r.getAttribute('data-signed-at') ?? '',
              time: r.querySelector('[data-testid="screen-ticker-time"]')?.textContent ?? '',
            })),
          );
          expect(ticker.length).toBeGreaterThan(0);
          for (const row of ticker) expect(row.time).toBe(beijing(row.signedAt, 'time', zone));
          await expect(page.getByTestId('zone-note').first().innerText()).resolves.toContain('UTC+6');
          await shoot(page, 'urumqi-screen');
          expect(pageErrors).toEqual([]);
        },
      );
    } finally {
      await api.call('PATCH', `/events/${event.id}`, { timeZone: 'Asia/Shanghai' }, admin.token);
    }
  });
});
