// A participant's own pages on a phone (390×844, touch) and, with the same steps, on a desktop
// (1440×900), with the demo data: the participant reaches every page of its navigation by tapping
// (the drawer on the phone, the header bar on the desktop, the 考核奖励 submenu's pages too) and
// the bell's notifications; no page is wider than the screen and, on the phone, no touch target is
// under 44 px. It answers a meeting request another organisation sent it, finds that meeting first
// on its agenda once it is booked for the coming hours, and signs an agreement drafted for it,
// confirming its password (the step-up) first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SESSION_TRANSITIONS, type Agreement, type MatchSession, type Meeting, type MeetingRequest } from '@duijie/shared';
import { launchBrowser } from './browser';
import { Api, steelSupply, type Actor } from './api';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, horizontalOverflow, login, motionless, touchTargetsTooSmall, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const HOUR = 3_600_000;

/** Enterprises of the demo: each sees every participant page, 考核奖励's statistics, rewards and ratings included. */
const PARTICIPANTS = { phone: 'admin@xntg.demo.duijie.cn', desktop: 'admin@qinghua.demo.duijie.cn' } as const;

/** The navigation of an enterprise: the test id of each entry, the page it opens, and whether it sits in 考核奖励. */
const NAV: readonly { testId: string; path: string; inAssessment?: boolean }[] = [
  { testId: 'nav-events', path: '/events' },
  { testId: 'nav-supermarket', path: '/supermarket' },
  { testId: 'nav-my-listings', path: '/my/listings' },
  { testId: 'nav-requests', path: '/my/requests' },
  { testId: 'nav-my-agenda', path: '/my/agenda' },
  { testId: 'nav-my-agreements', path: '/my/agreements' },
  { testId: 'nav-my-todo', path: '/my/todo' },
  { testId: 'nav-my-surveys', path: '/my/surveys' },
  { testId: 'nav-my-statistics', path: '/my/statistics', inAssessment: true },
  { testId: 'nav-my-rewards', path: '/my/rewards', inAssessment: true },
  { testId: 'nav-my-ratings', path: '/my/ratings', inAssessment: true },
  { testId: 'nav-my-organisation', path: '/my/organisation' },
];

/** The Beijing calendar day of an instant (the events' zone). */
const beijingDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

describe('a participant’s own pages on a phone and on a desktop', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let organiser: Actor;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * An event of its own with one live self-booking session starting at the next full hour plus one
   * (30-minute slots): the participant supplies steel there, a new buyer asks it for a meeting
   * about its listing, and drafts an intent agreement with it.
   */
  async function prepare(participantEmail: string) {
    const participant = await api.login(participantEmail, DEMO_PASSWORD);
    const startsAt = Math.ceil(Date.now() / HOUR) * HOUR + HOUR;
    const endsAt = startsAt + 2 * HOUR;
    const stamp = Date.now().toString(36).slice(-5);
    const eventName = `手机端测试活动 ${stamp}`;
    const event = await api.call<{ id: string }>(
      'POST',
      '/events',
      { name: eventName, province: '630000', startDate: beijingDay(startsAt), endDate: beijingDay(endsAt), targetAmount: 1e9 },
      organiser.token,
    );
    let session = await api.call<MatchSession>(
      'POST',
      `/events/${event.id}/sessions`,
      {
        kind: 'upstream_downstream',
        title: `现场洽谈专场 ${stamp}`,
        leadDepartment: '省经信委',
        venue: '西宁',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        slotMinutes: 30,
        tableCount: 5,
        registrationMode: 'open',
        meetingMode: 'self_booking',
      },
      organiser.token,
    );
    while (session.status !== 'live') {
      session = await api.call<MatchSession>(
        'POST',
        `/sessions/${session.id}/transition`,
        { to: SESSION_TRANSITIONS[session.status], version: session.version },
        organiser.token,
      );
    }
    const buyer = await api.organisation(organiser, 'enterprise');
    await api.participate(participant, organiser, session.id, 'supplier');
    await api.participate(buyer, organiser, session.id, 'buyer');
    const listing = await api.createListing(participant, session.id, steelSupply(`现货螺纹钢 ${stamp}`));
    const topic = `洽谈螺纹钢年度采购 ${stamp}`;
    const request = await api.call<MeetingRequest>('POST', '/meeting-requests', { toListingId: listing.id, fromListingId: null, topic }, buyer.token);
    const agreementTitle = `螺纹钢采购意向协议 ${stamp}`;
    const drafted = await api.call<Agreement>(
      'POST',
      `/sessions/${session.id}/agreements`,
      {
        kind: 'intent',
        title: agreementTitle,
        amount: 12_000_000,
        keyTerms: '双方有意就年度螺纹钢采购达成合作，具体数量与价格另行签订购销合同。',
        parties: [
          { organisationId: buyer.organisationId, role: 'buyer' },
          { organisationId: participant.organisationId, role: 'supplier' },
        ],
      },
      buyer.token,
    );
    /** Books the accepted meeting into the session's first slot (through the buyer, as the other party would). */
    const bookFirstSlot = async (): Promise<Meeting> => {
      const meetings = await api.call<Meeting[]>('GET', `/sessions/${session.id}/meetings`, undefined, buyer.token);
      const meeting = meetings.find((m) => m.requestId === request.id);
      if (!meeting) throw new Error('the accepted request made no meeting');
      return api.call<Meeting>('POST', `/meetings/${meeting.id}/book`, { slot: 1 }, buyer.token);
    };
    const participantName = drafted.parties.find((p) => p.organisationId === participant.organisationId)?.organisationName ?? '';
    return { eventName, participant, participantName, buyer, request, agreementTitle, bookFirstSlot };
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null);
  }

  /** Taps on a phone, clicks on a desktop, once antd's motions are over. */
  async function press(page: Page, target: Locator, phone: boolean): Promise<void> {
    if (!phone) return clickSettled(target);
    await target.waitFor();
    await motionless(page);
    await target.tap();
  }

  /** What does not fit: past the screen's right edge, wider than the screen, or (on a phone) a touch target under 44 px. */
  async function misfits(page: Page, phone: boolean, width: number): Promise<{ path: string; outside: string[]; tooWide: boolean; small: string[] }> {
    await settle(page);
    await motionless(page);
    const overflow = await horizontalOverflow(page);
    return { path: overflow.path, outside: overflow.outside, tooWide: overflow.scrollWidth > width, small: phone ? await touchTargetsTooSmall(page) : [] };
  }

  /** Nothing wider than the screen; on a phone every touch target at least 44 px. */
  async function expectFits(page: Page, phone: boolean, width: number): Promise<void> {
    const found = await misfits(page, phone, width);
    expect(found).toEqual({ path: found.path, outside: [], tooWide: false, small: [] });
  }

  async function shoot(page: Page, name: string): Promise<void> {
    const dir = process.env.SHOTS_DIR ?? join(ARTIFACTS, 'phone-participant-b');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }

  /** Opens one page through the navigation: the drawer on a phone, the header bar on a desktop. */
  async function navigate(page: Page, phone: boolean, entry: (typeof NAV)[number]): Promise<void> {
    if (phone) {
      await press(page, page.getByTestId('nav-drawer-open'), true);
      const drawer = page.getByTestId('nav-drawer');
      if (entry.inAssessment && !(await drawer.getByTestId(entry.testId).isVisible())) await press(page, drawer.getByTestId('nav-assessment'), true);
      await press(page, drawer.getByTestId(entry.testId), true);
      await drawer.waitFor({ state: 'hidden' });
    } else {
      const header = page.getByTestId('app-header');
      if (entry.inAssessment) {
        await header.getByTestId('nav-assessment').hover();
        await clickSettled(page.locator('.ant-menu-submenu-popup:visible').getByTestId(entry.testId));
      } else {
        await clickSettled(header.getByTestId(entry.testId));
      }
    }
    // 对接超市 goes on to the supermarket of the one event there is, when there is one.
    await page.waitForURL((url) => url.pathname === entry.path || (entry.path === '/supermarket' && /^\/events\/[^/]+\/supermarket$/.test(url.pathname)));
  }

  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    const phone = size === 'phone';

    it(`reaches every page by ${phone ? 'tapping through the drawer' : 'clicking the header'}, each fitting the screen (${viewport.width}×${viewport.height})`, async () => {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: phone,
        hasTouch: phone,
        deviceScaleFactor: phone ? 3 : 1,
      });
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, pageErrors);
      await withScreenshots(
        `phone-participant-b-nav-${size}`,
        () => ({ page }),
        async () => {
          await login(page, server.url, PARTICIPANTS[size], DEMO_PASSWORD);

          // The navigation offers exactly these pages (the 考核奖励 submenu opened).
          if (phone) {
            await press(page, page.getByTestId('nav-drawer-open'), true);
            const drawer = page.getByTestId('nav-drawer');
            await press(page, drawer.getByTestId('nav-assessment'), true);
            await drawer.getByTestId('nav-my-ratings').waitFor();
            const offered = await drawer.locator('.ant-menu a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
            expect(offered.sort()).toEqual(NAV.map((n) => n.path).sort());
            // The drawer fits the screen, and each of its entries (a link stretched over its item) is a full-size target.
            const open = await misfits(page, phone, viewport.width);
            expect({ outside: open.outside, tooWide: open.tooWide }).toEqual({ outside: [], tooWide: false });
            const heights = await drawer
              .locator('.ant-menu-item, .ant-menu-submenu-title')
              .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().height));
            expect(heights).toHaveLength(NAV.length + 1);
            expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
            await press(page, page.locator('.ant-drawer-close'), true);
            await drawer.waitFor({ state: 'hidden' });
          }

          // Every page visited before judging, so that one failure names every page that does not fit.
          const found: Awaited<ReturnType<typeof misfits>>[] = [];
          for (const entry of NAV) {
            await navigate(page, phone, entry);
            found.push(await misfits(page, phone, viewport.width));
            await shoot(page, `${size}-${entry.path.slice(1).replace('/', '-')}`);
          }
          expect(found.filter((f) => f.outside.length > 0 || f.tooWide || f.small.length > 0)).toEqual([]);

          // The notifications: the bell opens the page on a phone, its panel's "see all" on a desktop.
          await press(page, page.getByTestId('notification-bell'), phone);
          if (!phone) await clickSettled(page.getByTestId('notification-see-all'));
          await page.waitForURL('**/notifications');
          await page.getByTestId('notifications-list').waitFor();
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-notifications`);
        },
      );
    });

    it(`answers a meeting request, finds the meeting first on the agenda and signs through the step-up (${viewport.width}×${viewport.height})`, async () => {
      const fixture = await prepare(PARTICIPANTS[size]);
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: phone,
        hasTouch: phone,
        deviceScaleFactor: phone ? 3 : 1,
      });
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, pageErrors);
      await withScreenshots(
        `phone-participant-b-flow-${size}`,
        () => ({ page }),
        async () => {
          await login(page, server.url, PARTICIPANTS[size], DEMO_PASSWORD);

          // 我的对接: the request received, answered with a tap.
          await navigate(
            page,
            phone,
            NAV.find((n) => n.path === '/my/requests')!,
          );
          const request = page.locator(`[data-testid="meeting-request-row"][data-request-id="${fixture.request.id}"]`);
          await request.waitFor();
          await expect(request.innerText()).resolves.toContain(fixture.request.topic);
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-requests-pending`);
          await press(page, request.getByTestId('meeting-accept'), phone);
          await page.locator(`[data-testid="meeting-request-row"][data-request-id="${fixture.request.id}"][data-status="accepted"]`).waitFor();
          await expectFits(page, phone, viewport.width);

          // The other party books the meeting into the coming hours; the agenda puts it first.
          const meeting = await fixture.bookFirstSlot();
          await navigate(
            page,
            phone,
            NAV.find((n) => n.path === '/my/agenda')!,
          );
          const picker = page.getByTestId('agenda-event-picker');
          await picker.waitFor();
          if (!(await picker.innerText()).includes(fixture.eventName)) {
            await press(page, picker, phone);
            await page.keyboard.type(fixture.eventName.slice(-5));
            await press(page, page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: fixture.eventName }).first(), phone);
          }
          const next = page.getByTestId('agenda-next');
          await next.locator(`[data-testid="agenda-item"][data-meeting-id="${meeting.id}"]`).waitFor();
          const heading = await next.getByTestId('agenda-next-heading').innerText();
          expect(['今天的下一场洽谈', `下一场洽谈 · ${beijingDay(Date.parse(meeting.startsAt!))}`]).toContain(heading);
          await expect(next.getByTestId('agenda-table').innerText()).resolves.toBe(`第${meeting.table}号桌`);
          // First: above every other meeting and the export buttons.
          const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
          expect(await top(next)).toBeLessThan(await top(page.getByTestId('agenda-export-ics')));
          await expect(page.getByTestId('agenda-export-ics').isEnabled()).resolves.toBe(true);
          expect(await top(next)).toBeLessThan(
            Math.min(...(await Promise.all((await page.getByTestId('agenda-list').locator('[data-testid="agenda-item"]').all()).map(top)))),
          );
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-agenda-next`);

          // 我的协议: the draft awaiting its signature, signed after confirming the password.
          await navigate(
            page,
            phone,
            NAV.find((n) => n.path === '/my/agreements')!,
          );
          const agreement = page.getByTestId('agreement-row').filter({ hasText: fixture.agreementTitle });
          await agreement.waitFor();
          await expectFits(page, phone, viewport.width);
          await press(page, agreement.getByTestId('agreement-sign'), phone);
          await page.getByTestId('agreement-sign-confirm').waitFor();
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-sign-modal`);
          await press(page, page.getByTestId('agreement-sign-confirm'), phone);
          const password = page.getByTestId('stepup-password');
          await password.waitFor();
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-step-up`);
          await password.fill(DEMO_PASSWORD);
          await press(page, page.getByTestId('stepup-submit'), phone);
          await password.waitFor({ state: 'detached' });
          // Its own signature given (the sign button gone, its party ticked); the buyer's still awaited.
          const mine = page.getByTestId('agreement-row').filter({ hasText: fixture.agreementTitle });
          await mine.getByTestId('agreement-sign').waitFor({ state: 'detached' });
          await mine.locator('[data-testid="agreement-party"][data-signed="true"]').filter({ hasText: fixture.participantName }).waitFor();
          await expect(mine.getAttribute('data-status')).resolves.toBe('drafting');
          const [stored] = (await api.call<Agreement[]>('GET', '/me/agreements', undefined, fixture.participant.token)).filter(
            (a) => a.title === fixture.agreementTitle,
          );
          expect(Object.fromEntries(stored?.parties.map((p) => [p.organisationId, p.signature !== null]) ?? [])).toEqual({
            [fixture.buyer.organisationId]: false,
            [fixture.participant.organisationId]: true,
          });
          await expectFits(page, phone, viewport.width);
          await shoot(page, `${size}-agreement-signed`);
          expect(pageErrors).toEqual([]);
        },
      );
    });
  }
});
