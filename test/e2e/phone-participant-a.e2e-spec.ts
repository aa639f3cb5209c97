// The participant's public pages and the board side on a phone (390×844, touch) and on a desktop (1440×900), with the
// demo data: login, registration, an invitation, the live board (its title whole, not cut by its buttons; a listing
// another participant posts through the API appears without a reload), the events list (cards on the phone), the
// listing form (full-screen on the phone, numeric keyboards on amounts and quantities), recommendations, the
// supermarket, financing applications sent and received (cards on the phone), the public verification page, and the
// assessment pages with data: a survey to answer, a returned statistics form, an approved reward. On every page
// nothing is wider than the screen; on the phone every visible button, link and input is at least 44 px tall.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Agreement,
  EventDetail,
  FinancingApplication,
  ListingPublic,
  ListingView,
  MatchEvent,
  Page as Paged,
  RewardPeriod,
  RewardRun,
  Survey,
} from '@duijie/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api, steelSupply, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { horizontalOverflow, login, modal, motionless, pick, touchTargetsTooSmall, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const XNTG = 'admin@xntg.demo.duijie.cn'; // 西宁特殊钢: supplier and buyer upstream–downstream, borrower in 银企对接
const QINGHUA = 'admin@qinghua.demo.duijie.cn'; // another supplier of the upstream–downstream session
const QHBANK = 'admin@qhbank.demo.duijie.cn'; // 青海银行: a credit product on the shelf, its statistics form returned
const ICBC = 'admin@icbc-qh.demo.duijie.cn'; // 工商银行青海省分行: awarded in the demo's reward run
const SESSION = '上下游产业对接专场';
const stamp = Date.now().toString(36).toUpperCase().slice(-6);
/** Set to a folder to keep a screenshot of every step (e.g. E2E_SHOTS=/tmp/shots). */
const SHOTS = process.env.E2E_SHOTS;

type Profile = { name: 'phone' | 'desktop'; width: number; height: number; touch: boolean };
const PROFILES: Profile[] = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'desktop', width: 1440, height: 900, touch: false },
];

describe.each(PROFILES)('the participant’s public and board pages at $width×$height ($name)', (profile) => {
  let server: RunningServer;
  let api: Api;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let xntg: Actor;
  let sessionId = '';
  let eventId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    api = new Api(server.url);
    xntg = await api.login(XNTG, DEMO_PASSWORD);
    const events = await api.call<MatchEvent[]>('GET', '/events', undefined, xntg.token);
    const details = await Promise.all(events.map((e) => api.call<EventDetail>('GET', `/events/${e.id}`, undefined, xntg.token)));
    const session = details.flatMap((d) => d.sessions).find((s) => s.title === SESSION);
    if (!session) throw new Error(`the demo has no session ${SESSION}`);
    sessionId = session.id;
    eventId = session.eventId;
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: profile.width, height: profile.height },
      locale: 'zh-CN',
      ...(profile.touch ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
    });
    page = await context.newPage();
    watchErrors(page, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Waits for the page's data: no request in flight, no spinner or skeleton left. */
  async function settle(): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null);
  }

  /** Nothing wider than the screen; on the phone, no touch target under 44 px (once dialogs and drawers are in place). Keeps a screenshot when asked to. */
  async function fits(step: string): Promise<void> {
    await motionless(page);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${profile.name}-${step}.png`) });
    }
    const width = await horizontalOverflow(page);
    expect({ step, outside: width.outside }).toEqual({ step, outside: [] });
    expect(width.scrollWidth).toBeLessThanOrEqual(profile.width);
    if (profile.touch) expect({ step, small: await touchTargetsTooSmall(page) }).toEqual({ step, small: [] });
  }

  /** Taps on the phone, clicks on the desktop. */
  async function press(selector: Locator): Promise<void> {
    await selector.waitFor();
    if (profile.touch) await selector.tap();
    else await selector.click();
  }

  const screenshots = (name: string, run: () => Promise<void>) => withScreenshots(`phone-participant-a-${profile.name}-${name}`, () => ({ page }), run);

  it('fits the login, registration and invitation pages', async () => {
    await screenshots('public', async () => {
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-email').waitFor();
      await expect(page.getByTestId('login-email').getAttribute('inputmode')).resolves.toBe('email');
      await fits('login');

      await page.goto(`${server.url}/register`);
      await page.getByTestId('register-submit').waitFor();
      await fits('register');

      const invitation = await api.call<{ token: string }>(
        'POST',
        `/organisations/${xntg.organisationId}/invitations`,
        { email: `phone-${stamp.toLowerCase()}-${profile.name}@xntg.demo.duijie.cn`, role: 'org_member' },
        xntg.token,
      );
      await page.goto(`${server.url}/invite/${invitation.token}`);
      await page.getByTestId('invite-submit').waitFor();
      await settle();
      await fits('invite');
    });
  });

  it('shows the board’s whole title beside its buttons, and a listing another participant posts without a reload', async () => {
    await screenshots('board', async () => {
      await login(page, server.url, XNTG, DEMO_PASSWORD);
      await page.goto(`${server.url}/sessions/${sessionId}/board`);
      await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 30_000 });
      await settle();

      // The title is there in full: not ellipsised, not clipped by a parent, not under the buttons.
      const title = await page.getByTestId('board-title').evaluate((element) => {
        const box = element.getBoundingClientRect();
        let clipped = false;
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const outer = parent.getBoundingClientRect();
          if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5 || box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5) clipped = true;
        }
        const overlaps = [...document.querySelectorAll('[data-testid="board-refresh"], [data-testid="board-post"]')].some((button) => {
          const b = button.getBoundingClientRect();
          return b.left < box.right && b.right > box.left && b.top < box.bottom && b.bottom > box.top;
        });
        return {
          text: element.textContent,
          cut: element.scrollWidth > element.clientWidth + 1,
          clipped,
          overlaps,
          inside: box.left >= 0 && box.right <= window.innerWidth,
        };
      });
      expect(title).toEqual({ text: SESSION, cut: false, clipped: false, overlaps: false, inside: true });
      await fits('board');

      // 庆华 posts a listing through the API; this board shows it live, without a reload.
      await page.evaluate(() => {
        (window as unknown as { __noReload?: boolean }).__noReload = true;
      });
      const qinghua = await api.login(QINGHUA, DEMO_PASSWORD);
      const posted = `钢材现货 ${profile.name} ${stamp}`;
      await api.createListing(qinghua, sessionId, steelSupply(posted, 1800));
      const row = page.getByTestId('board').getByTestId('listing-row').filter({ hasText: posted });
      await row.waitFor({ timeout: 15_000 });
      await expect(page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true)).resolves.toBe(true);
      expect(await row.innerText()).toContain('青海庆华矿冶煤化集团有限公司');
      await row.scrollIntoViewIfNeeded();
      await fits('board-live');
      // Its details open under it (a row on the desktop, a card on the phone).
      await press(profile.touch ? row.getByTestId('listing-details-toggle') : row.locator('.ant-table-row-expand-icon'));
      await page.waitForFunction(() => document.querySelector('.ant-spin-spinning') === null);
      await row.scrollIntoViewIfNeeded();
      await fits('board-details');
    });
  });

  it('opens the listing form in one column with numeric keyboards on amounts and quantities', async () => {
    await screenshots('listing-form', async () => {
      await page.goto(`${server.url}/my/listings`);
      await settle();
      await press(page.getByTestId('listing-create'));
      const form = modal(page);
      await pick(page, form.getByTestId('listing-session'), '上下游');
      await press(form.getByTestId('listing-type-supply'));
      await form.getByTestId('listing-quantity').waitFor();
      await expect(form.getByTestId('listing-quantity').getAttribute('inputmode')).resolves.toBe('decimal');
      await expect(form.locator('[id="goods_priceMin"]').getAttribute('inputmode')).resolves.toBe('decimal');
      await expect(form.locator('[id="goods_priceMax"]').getAttribute('inputmode')).resolves.toBe('decimal');
      // One column on the phone: the quantity and the unit are stacked, not side by side.
      const [quantity, unit] = await Promise.all(
        ['goods_quantity', 'goods_unit'].map((id) => form.locator(`.ant-form-item:has([id="${id}"])`).evaluate((e) => e.getBoundingClientRect().top)),
      );
      if (profile.touch) expect(unit).toBeGreaterThan(quantity);
      else expect(unit).toBe(quantity);
      await fits('listing-form-goods');
      // Full-screen on the phone (no margins, the body scrolls under the title), a dialog on the desktop.
      const frame = await form.evaluate((dialog) => {
        const box = dialog.getBoundingClientRect();
        const body = dialog.querySelector('.ant-modal-body');
        const scrolls = body !== null && getComputedStyle(body).overflowY === 'auto' && body.scrollHeight > body.clientHeight;
        return { left: Math.round(box.left), top: Math.round(box.top), width: Math.round(box.width), height: Math.round(box.height), scrolls };
      });
      if (profile.touch) expect(frame).toEqual({ left: 0, top: 0, width: profile.width, height: profile.height, scrolls: true });
      else
        expect({ width: frame.width, dialog: frame.top > 0 && frame.left > 0, scrolls: frame.scrolls }).toEqual({ width: 860, dialog: true, scrolls: false });

      await pick(page, form.getByTestId('listing-session'), '银企');
      await press(form.getByTestId('listing-type-financing_need'));
      await form.getByTestId('listing-amount').waitFor();
      await expect(form.getByTestId('listing-amount').getAttribute('inputmode')).resolves.toBe('decimal');
      await expect(form.getByTestId('listing-term').getAttribute('inputmode')).resolves.toBe('numeric');
      await fits('listing-form-financing');
      await press(form.locator('.ant-modal-close'));
      await form.waitFor({ state: 'hidden' });
    });
  });

  it('shows the recommendations of my listing', async () => {
    await screenshots('recommendations', async () => {
      const mine = await api.call<ListingView[]>('GET', '/me/listings', undefined, xntg.token);
      const need = mine.find((l) => l.type === 'financing_need' && l.status === 'open');
      if (!need) throw new Error('西宁特钢 has no open financing need in the demo');
      await page.goto(`${server.url}/my/listings?matches=${need.id}`);
      await page.locator('[data-testid="recommendations-body"][data-loaded="true"]').waitFor({ timeout: 30_000 });
      await settle();
      await expect(page.getByTestId('matches-for').innerText()).resolves.toBe(need.title);
      expect(await page.getByTestId('match-card').count()).toBeGreaterThan(0);
      await fits('recommendations');
    });
  });

  it('shows the supermarket’s products and its filters', async () => {
    await screenshots('supermarket', async () => {
      await page.goto(`${server.url}/supermarket`);
      await page.getByTestId('product-card').first().waitFor({ timeout: 30_000 });
      await settle();
      await fits('supermarket');
      // On the phone the filters fold away above the shelf; open, they fit too.
      if (profile.touch) {
        await expect(page.getByTestId('supermarket-amount').isVisible()).resolves.toBe(false);
        await press(page.getByTestId('supermarket-filters-toggle'));
        await page.waitForFunction(() => document.querySelector('[class*="ant-motion-collapse"]') === null);
      }
      await page.getByTestId('supermarket-amount').waitFor();
      await expect(page.getByTestId('supermarket-amount').getAttribute('inputmode')).resolves.toBe('numeric');
      await expect(page.getByTestId('supermarket-rate').getAttribute('inputmode')).resolves.toBe('decimal');
      await fits('supermarket-filters');
    });
  });

  it('shows the public verification page of a signed agreement', async () => {
    await screenshots('verify', async () => {
      const agreements = await api.call<Agreement[]>('GET', '/me/agreements', undefined, xntg.token);
      const signed = agreements.find((a) => a.status === 'signed' || a.status === 'confirmed');
      if (!signed) throw new Error('西宁特钢 has no signed agreement in the demo');
      await context.clearCookies();
      await page.goto(`${server.url}/verify/${signed.id}?hash=${signed.contentHash}`);
      await page.getByTestId('verify-valid').waitFor({ timeout: 30_000 });
      await settle();
      await fits('verify');
      expect(pageErrors).toEqual([]);
    });
  });

  /** Signs out whoever is signed in, then signs in as this demo user. */
  async function signInAs(email: string): Promise<void> {
    await context.clearCookies();
    await login(page, server.url, email, DEMO_PASSWORD);
  }

  it('lists the events: on the phone a card per event with its days, place and phase, on the desktop the table', async () => {
    await screenshots('events', async () => {
      await signInAs(XNTG);
      const event = (await api.call<MatchEvent[]>('GET', '/events', undefined, xntg.token)).find((e) => e.id === eventId);
      if (!event) throw new Error('西宁特钢 does not see the demo event');
      await page.goto(`${server.url}/events`);
      const row = page.getByTestId('event-row').filter({ hasText: event.name });
      await row.waitFor();
      await settle();
      if (profile.touch) {
        await expect(page.getByTestId('events').locator('.ant-table').count()).resolves.toBe(0);
        await expect(row.getByTestId('event-name').innerText()).resolves.toBe(event.name);
        expect(await row.innerText()).toContain(`${event.startDate} ~ ${event.endDate}`);
        expect(await row.innerText()).toContain('青海省');
        await expect(row.getByTestId('event-phase').getAttribute('data-phase')).resolves.toMatch(/^(upcoming|ongoing|ended)$/);
      } else {
        await expect(row.evaluate((element) => element.tagName)).resolves.toBe('TR');
      }
      await fits('events');
      // The card's button (the row's name on the desktop) opens the event.
      await press(row.locator('a').first());
      await page.waitForURL(`**/events/${event.id}`);
      await page.getByTestId('session-board').first().waitFor();
      await settle();
      // Its sessions: cards on the phone (each with its board), the table on the desktop; the event's name whole.
      const sessions = page.getByTestId('session-row');
      await expect(sessions.count()).resolves.toBe(event.sessionCount);
      await expect(sessions.first().evaluate((element) => element.tagName)).resolves.toBe(profile.touch ? 'DIV' : 'TR');
      const name = await page
        .locator('.ant-card-head-title')
        .first()
        .evaluate((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 }));
      expect(name).toEqual({ text: event.name, cut: false });
      await fits('event');
    });
  });

  it('shows a financing application as a card on the phone: sent by the enterprise, received by the bank with its answer buttons', async () => {
    await screenshots('applications', async () => {
      const need = (await api.call<ListingView[]>('GET', '/me/listings', undefined, xntg.token)).find(
        (l) => l.type === 'financing_need' && l.status === 'open',
      );
      if (!need) throw new Error('西宁特钢 has no open financing need in the demo');
      const shelf = await api.call<Paged<ListingPublic>>('GET', `/events/${need.eventId}/supermarket?pageSize=100`, undefined, xntg.token);
      const offer = shelf.items.find((l) => l.type === 'credit_offer' && l.organisationName === '青海银行股份有限公司');
      if (!offer) throw new Error('青海银行 has no credit product on the demo shelf');
      const applied = await api.call<FinancingApplication>('POST', `/listings/${offer.id}/applications`, { needListingId: need.id }, xntg.token);
      const row = page.locator(`[data-testid="application-row"][data-application-id="${applied.id}"]`);

      await page.goto(`${server.url}/my/requests?tab=applications-sent`);
      await row.waitFor();
      await settle();
      expect(await row.innerText()).toContain(offer.title);
      expect(await row.innerText()).toContain(offer.organisationName);
      await expect(row.evaluate((element) => element.tagName)).resolves.toBe(profile.touch ? 'DIV' : 'TR');
      await fits('applications-sent');

      await signInAs(QHBANK);
      await page.goto(`${server.url}/my/requests?tab=applications-received`);
      await row.waitFor();
      await settle();
      expect(await row.innerText()).toContain(need.title);
      await row.getByTestId('application-accept').waitFor();
      await row.getByTestId('application-decline').waitFor();
      await fits('applications-received');
    });
  });

  it('gives the organiser’s near-miss switch in recommendations a full-size target on the phone', async () => {
    await screenshots('organiser-switch', async () => {
      await context.clearCookies();
      // The organiser lands on its console, not on /events as login() expects.
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await press(page.getByTestId('login-submit'));
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`${server.url}/sessions/${sessionId}/board`);
      await press(page.getByTestId('listing-row-matches').first());
      await page.locator('[data-testid="recommendations-body"][data-loaded="true"]').waitFor({ timeout: 30_000 });
      await motionless(page);
      const toggle = page.getByTestId('matches-include-ineligible');
      const height = await toggle.evaluate((element) => element.getBoundingClientRect().height);
      if (profile.touch) expect(height).toBeGreaterThanOrEqual(44);
      else expect(height).toBeLessThan(44);
      await press(toggle);
      await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    });
  });

  it('shows a survey to answer, a returned statistics form and an approved reward', async () => {
    await screenshots('assessment', async () => {
      // The organiser sends 西宁特钢 a survey and approves the demo's reward run (within a step-up).
      const organiser = await api.login(ADMIN.email, ADMIN.password);
      const title = `2027年一季度钢材采购需求摸底调查（西宁地区重点工业企业）${profile.name}`;
      const survey = await api.call<Survey>(
        'POST',
        `/events/${eventId}/surveys`,
        {
          title,
          listingType: null,
          questions: [{ id: 'q1', label: '一季度预计钢材采购量', type: 'number', required: true, unit: '吨' }],
          deadlineWorkingDays: 5,
        },
        organiser.token,
      );
      await api.call('POST', `/surveys/${survey.id}/send`, { organisationIds: [xntg.organisationId] }, organiser.token);
      const [period] = await api.call<RewardPeriod[]>('GET', `/events/${eventId}/reward-periods`, undefined, organiser.token);
      const [run] = await api.call<RewardRun[]>('GET', `/reward-periods/${period.id}/runs`, undefined, organiser.token);
      await api.call('POST', '/auth/step-up', { password: ADMIN.password }, organiser.token);
      await api.call('POST', `/reward-runs/${run.id}/approve`, { version: run.version }, organiser.token);

      // 西宁特钢 answers on its phone: the survey's card, then its form.
      await signInAs(XNTG);
      await page.goto(`${server.url}/my/surveys`);
      const card = page.locator('[data-testid^="my-survey-"]').filter({ hasText: title });
      await card.waitFor();
      await settle();
      await fits('surveys');
      await press(card.locator('[data-testid^="survey-answer-open-"]'));
      const answer = modal(page);
      await answer.getByTestId('survey-answer-q1').waitFor();
      await expect(answer.locator('.ant-modal-title').innerText()).resolves.toBe(title);
      // The long title wraps clear of the close button rather than running under it.
      const underClose = await answer.evaluate((dialog) => {
        const title = dialog.querySelector('.ant-modal-title');
        const close = dialog.querySelector('.ant-modal-close')?.getBoundingClientRect();
        if (!title || !close) return true;
        const lines = document.createRange();
        lines.selectNodeContents(title);
        return [...lines.getClientRects()].some((l) => l.right > close.left && l.left < close.right && l.top < close.bottom && l.bottom > close.top);
      });
      expect(underClose).toBe(false);
      await fits('survey-answer');
      await press(answer.locator('.ant-modal-close'));
      await answer.waitFor({ state: 'hidden' });

      // 青海银行 reads why its statistics form came back, and opens it to correct.
      await signInAs(QHBANK);
      await page.goto(`${server.url}/my/statistics`);
      const form = page.locator('[data-testid^="statistics-my-"]').filter({ hasText: period.name });
      await form.waitFor();
      await settle();
      expect(await form.innerText()).toContain('人民银行统计口径不一致');
      await fits('statistics');
      await press(form.locator('[data-testid^="statistics-open-"]'));
      await page.getByTestId('statistics-returned').waitFor();
      await page.getByTestId('statistics-form').waitFor();
      await settle();
      await fits('statistics-form');

      // 工商银行 sees its award with the program it was computed by.
      await signInAs(ICBC);
      await page.goto(`${server.url}/my/rewards`);
      const award = page.getByTestId(`my-reward-${run.id}`);
      await award.waitFor();
      await settle();
      expect(await award.innerText()).toContain(run.programName);
      await expect(page.getByTestId('my-rewards-total').innerText()).resolves.toMatch(/万元$/);
      await fits('rewards');
      expect(pageErrors).toEqual([]);
    });
  });
});
