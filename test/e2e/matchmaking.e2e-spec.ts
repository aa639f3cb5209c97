// Matchmaking in the browser, on the demo event: an enterprise opens its financing need's
// recommendations and reads why each bank fits (in Chinese, then in English), bookmarks one,
// dismisses another for good and asks the best bank for a meeting; the bank sees the request on
// its requests page and accepts it, and the enterprise sees it accepted. In the supermarket the
// enterprise filters the shelf and applies to the bank's product; the bank declines with a
// reason the enterprise then reads. A second application left past its deadline shows as
// overdue to its bank and in the organiser's console. A new listing that strongly matches the
// bank's product pops up on the bank's screen and leads to its recommendations, and the board
// shows match counts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { wanToYuan, type ListingView, type Match } from '@duijie/shared';
import { Api } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, login, modal, pick, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const ENTERPRISE = 'admin@xntg.demo.duijie.cn'; // 西宁特殊钢, a borrower in the bank–enterprise session
const ENTERPRISE_NAME = '西宁特殊钢股份有限公司';
const NEED = '特钢生产流动资金贷款'; // 3亿元 for 12 months, with collateral
const BANK = 'admin@boc-qh.demo.duijie.cn'; // 中国银行青海省分行, a lender there
const BANK_NAME = '中国银行股份有限公司青海省分行';
const PRODUCT = '重点工业企业流动资金贷款及承兑汇票'; // its product: 1,000万–3亿元, collateral
const SECOND_BANK_NAME = '中国工商银行股份有限公司青海省分行';
const SECOND_PRODUCT = '工业企业技术改造专项贷款';
const MICROLENDER_NAME = '西宁市城东区鑫源小额贷款有限公司';
const GUARANTOR_NAME = '青海省信用担保集团有限责任公司'; // a guarantee product the secured need does not need
const HERDER = 'admin@jhy.demo.duijie.cn'; // 青海江河源农牧, a borrower without collateral that asks for a guarantee
const HERDER_NEED = '牦牛、藏羊收购旺季流动资金'; // 1,500万元 for 9 months, no collateral, 需要担保
const HERDER_GUARANTOR = '青海三江源融资担保有限公司';
const HERDER_BANKS = ['青海银行股份有限公司', '中国农业银行股份有限公司青海省分行']; // both ask for a guarantee
const NEWCOMER = 'admin@hhxy.demo.duijie.cn'; // 青海黄河鑫业, another borrower
const NEWCOMER_NAME = '青海黄河鑫业有限公司';
const EVENT_NAME = '2026青海省重大产业对接活动';
const DECLINE_REASON = '本产品本季度额度已用完，建议申请技改专项贷款。';

describe('matchmaking: recommendations, meeting requests and the supermarket in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let enterprise: Page;
  let bank: Page;
  let organiser: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })));
    [enterprise, bank, organiser] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [enterprise, bank, organiser]) page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const card = (page: Page, organisation: string) =>
    page.getByTestId('match-card').filter({ has: page.getByTestId('match-org').getByText(organisation, { exact: true }) });
  const shot = async (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  };

  it('explains recommendations, carries a meeting request to acceptance, and an application to the bank’s answer', async () => {
    await withScreenshots(
      'matchmaking',
      () => ({ enterprise, bank, organiser }),
      async () => {
        const api = new Api(server.url);
        const me = await api.login(ENTERPRISE, DEMO_PASSWORD);
        const need = (await api.call<ListingView[]>('GET', '/me/listings', undefined, me.token)).find((l) => l.title === NEED)!;

        // ---- recommendations, explained ----
        await login(enterprise, server.url, ENTERPRISE, DEMO_PASSWORD);
        await enterprise.goto(`${server.url}/my/listings`);
        await enterprise.getByTestId('my-listing-row').filter({ hasText: NEED }).getByTestId('listing-matches').click();
        await expect(enterprise.getByTestId('matches-for').innerText()).resolves.toBe(NEED);
        const boc = card(enterprise, BANK_NAME);
        await boc.waitFor();
        // Best first: the scores never rise down the list.
        const scores = await enterprise.getByTestId('match-card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-score'))));
        expect(scores.length).toBeGreaterThanOrEqual(3);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        // The bank's product fits on every count, and each factor says why, in Chinese.
        expect(await boc.getAttribute('data-score')).toBe('100');
        expect(await boc.getByTestId('match-score').innerText()).toBe('100');
        const reasons = await boc.getByTestId('match-reason-text').allInnerTexts();
        expect(reasons).toEqual(
          expect.arrayContaining([
            '融资 30000万元 在单笔 1000万元–30000万元 之内',
            '期限 12 个月在 6–36 个月之内',
            '支持本企业所在行业（C31）',
            '银行要求抵押，企业可提供抵押物',
          ]),
        );
        const security = boc.locator('[data-testid="match-reason"][data-factor="security"]');
        expect(await security.getAttribute('data-contribution')).toBe('20');
        expect(await security.getAttribute('data-weight')).toBe('20');
        expect(await security.innerText()).toContain('增信方式');
        // Products whose limits the need breaks are not recommended at all (the microlender lends far less).
        expect(await card(enterprise, MICROLENDER_NAME).count()).toBe(0);
        await shot(enterprise, 'recommendations-drawer');

        // The same reasons in English when the language switch says so, and back.
        const reopen = async () => {
          await enterprise.keyboard.press('Escape');
          await enterprise.getByTestId('recommendations-body').waitFor({ state: 'detached' });
          await enterprise.getByTestId('lang-switch').click();
          await enterprise.getByTestId('my-listing-row').filter({ hasText: NEED }).getByTestId('listing-matches').click();
        };
        await reopen();
        await boc.getByText('The bank asks for collateral; the enterprise has it').waitFor();
        expect(await security.innerText()).toContain('Security');
        await reopen();
        await boc.getByText('银行要求抵押，企业可提供抵押物').waitFor();

        // Bookmark one; dismiss another (after confirming), which goes for good.
        await boc.getByTestId('match-bookmark').click();
        await enterprise.locator(`[data-testid="match-card"][data-bookmarked="true"]`).filter({ hasText: BANK_NAME }).waitFor();
        const dismissed = card(enterprise, GUARANTOR_NAME);
        await dismissed.getByTestId('match-dismiss').click();
        await clickSettled(enterprise.getByTestId('match-dismiss-confirm'));
        await dismissed.waitFor({ state: 'detached' });
        const after = await api.call<Match[]>('GET', `/listings/${need.id}/matches`, undefined, me.token);
        expect(after.map((m) => m.listing.organisationName)).not.toContain(GUARANTOR_NAME);
        expect(after.find((m) => m.listing.organisationName === BANK_NAME)?.bookmarked).toBe(true);

        // Ask the bank for a meeting: the topic comes prefilled; the button then says it was asked.
        await boc.getByTestId('match-ask').click();
        const topic = modal(enterprise).getByTestId('meeting-topic');
        await expect(topic.inputValue()).resolves.toBe(`希望就贵方“${PRODUCT}”与我方“${NEED}”进行对接洽谈`);
        await expect(modal(enterprise).getByTestId('meeting-deadline-hint').innerText()).resolves.toContain('48 小时');
        await topic.fill(`就3亿元流动资金贷款（存货及应收账款质押）面谈，可配套银行承兑汇票`);
        await modal(enterprise).getByTestId('meeting-submit').click();
        await enterprise.getByText(`已向${BANK_NAME}发出洽谈邀约`).waitFor();
        await boc.locator('[data-testid="match-ask"][data-state="pending"]').waitFor();
        expect(await boc.getByTestId('match-ask').innerText()).toContain('已邀约');

        // ---- the bank accepts ----
        await login(bank, server.url, BANK, DEMO_PASSWORD);
        await bank.locator('[data-testid="nav-requests-badge"][data-count="1"]').waitFor();
        await bank.getByTestId('nav-requests').click();
        const received = bank.locator('[data-testid="meeting-request-row"][data-direction="received"]').filter({ hasText: ENTERPRISE_NAME });
        await received.waitFor();
        expect(await received.getByTestId('meeting-topic-text').innerText()).toBe('就3亿元流动资金贷款（存货及应收账款质押）面谈，可配套银行承兑汇票');
        expect(await received.innerText()).toContain(PRODUCT);
        expect(await received.getByTestId('meeting-request-status').innerText()).toBe('待答复');
        await received.getByTestId('meeting-accept').click();
        await bank.locator('[data-testid="meeting-request-row"][data-status="accepted"]').filter({ hasText: ENTERPRISE_NAME }).waitFor();
        await bank.getByTestId('nav-requests-badge').waitFor({ state: 'detached' });

        // ---- the enterprise sees it accepted ----
        await enterprise.goto(`${server.url}/my/requests?tab=meetings-sent`);
        const sent = enterprise.locator('[data-testid="meeting-request-row"][data-direction="sent"]').filter({ hasText: BANK_NAME });
        await enterprise.locator('[data-testid="meeting-request-row"][data-status="accepted"]').filter({ hasText: BANK_NAME }).waitFor();
        expect(await sent.getByTestId('meeting-request-status').innerText()).toBe('已接受');

        // ---- the supermarket: filter, apply, the bank declines with a reason ----
        await enterprise.goto(`${server.url}/events`);
        await enterprise.getByRole('link', { name: EVENT_NAME }).click();
        await enterprise.getByTestId('event-supermarket').click();
        await enterprise.getByTestId('product-card').first().waitFor();
        await pick(enterprise, enterprise.getByTestId('supermarket-type'), '信贷产品');
        await enterprise.getByTestId('supermarket-amount').fill('30000');
        await enterprise.getByTestId('supermarket-term').fill('12');
        await enterprise.getByTestId('supermarket-filter').click();
        // Credit products lending 3亿元 for 12 months: the Bank of China's and ICBC's, not the longer-term ones.
        await enterprise.locator('[data-testid="supermarket-total"][data-total="2"]').waitFor();
        expect(new URL(enterprise.url()).searchParams.get('amount')).toBe('30000');
        const titles = await enterprise.getByTestId('product-title').allInnerTexts();
        expect(titles.sort()).toEqual([PRODUCT, SECOND_PRODUCT].sort());
        const product = enterprise.getByTestId('product-card').filter({ hasText: PRODUCT });
        // The meeting already agreed with this bank shows on its product too.
        await expect(product.getByTestId('product-ask').getAttribute('data-state')).resolves.toBe('accepted');
        await shot(enterprise, 'supermarket');
        await product.getByTestId('product-apply').click();
        // The enterprise's one open financing need in the event is chosen already.
        await expect(modal(enterprise).getByTestId('apply-need').innerText()).resolves.toContain(NEED);
        await modal(enterprise).getByTestId('apply-submit').click();
        await enterprise.getByText(`已向${BANK_NAME}提交融资申请`).waitFor();
        await product.locator('[data-testid="product-apply"][data-state="applied"]').waitFor();
        expect(await product.getByTestId('product-applied').getAttribute('data-status')).toBe('pending');
        // A second application, to ICBC: it will be left unanswered.
        await enterprise.getByTestId('product-card').filter({ hasText: SECOND_PRODUCT }).getByTestId('product-apply').click();
        await modal(enterprise).getByTestId('apply-submit').click();
        await enterprise
          .getByTestId('product-card')
          .filter({ hasText: SECOND_PRODUCT })
          .locator('[data-testid="product-apply"][data-state="applied"]')
          .waitFor();

        await bank.goto(`${server.url}/my/requests?tab=applications-received`);
        const application = bank.locator('[data-testid="application-row"][data-direction="received"]').filter({ hasText: ENTERPRISE_NAME });
        await application.waitFor();
        expect(await application.innerText()).toContain(NEED);
        expect(await application.getAttribute('data-overdue')).toBe('false');
        await application.getByTestId('application-decline').click();
        // A reason is required to decline (clicked once the modal has finished zooming in: a click
        // during the animation can be lost).
        await clickSettled(modal(bank).getByTestId('reason-submit'));
        await modal(bank).getByText('请填写原因').waitFor();
        await modal(bank).getByTestId('reason-input').fill(DECLINE_REASON);
        await modal(bank).getByTestId('reason-submit').click();
        await bank.locator('[data-testid="application-row"][data-status="declined"]').filter({ hasText: ENTERPRISE_NAME }).waitFor();

        await enterprise.goto(`${server.url}/my/requests?tab=applications-sent`);
        const mine = enterprise.locator('[data-testid="application-row"][data-direction="sent"]').filter({ hasText: PRODUCT });
        await enterprise.locator('[data-testid="application-row"][data-status="declined"]').filter({ hasText: PRODUCT }).waitFor();
        expect(await mine.getByTestId('application-status').innerText()).toBe('已婉拒');
        expect(await mine.getByTestId('application-reason').innerText()).toBe(`原因：${DECLINE_REASON}`);
        const pending = enterprise.locator('[data-testid="application-row"][data-status="pending"]').filter({ hasText: SECOND_PRODUCT });
        await pending.waitFor();

        // ---- an unanswered application past its deadline: overdue for its bank and the organiser ----
        const db = new Client({ connectionString: server.databaseUrl });
        await db.connect();
        try {
          const moved = await db.query(`UPDATE financing_application SET "answerBy" = now() - interval '2 hours' WHERE status = 'pending'`);
          expect(moved.rowCount).toBe(1);
        } finally {
          await db.end();
        }
        await login(organiser, server.url, ADMIN.email, ADMIN.password);
        await organiser.goto(`${server.url}/console?tab=supermarket`);
        await pick(organiser, organiser.getByTestId('supermarket-event-picker'), '青海');
        const late = organiser.getByTestId('overdue-row').filter({ hasText: SECOND_BANK_NAME });
        await late.waitFor();
        expect(await late.getAttribute('data-overdue')).toBe('1');
        expect(await late.getByTestId('overdue-count').innerText()).toBe('1');
        expect(await organiser.getByTestId('overdue-row').count()).toBe(1);
        await enterprise.reload();
        await enterprise
          .locator('[data-testid="application-row"][data-overdue="true"]')
          .filter({ hasText: SECOND_PRODUCT })
          .getByTestId('application-overdue')
          .waitFor();

        // ---- live: a new listing that strongly matches the bank's product is announced on its screen ----
        const newcomer = await api.login(NEWCOMER, DEMO_PASSWORD);
        const fresh = await api.createListing(newcomer, need.sessionId, {
          type: 'financing_need',
          title: '铝锭储备流动资金贷款',
          financing: { amount: wanToYuan(20_000), termMonths: 12, purpose: 'working_capital', collateral: '铝锭存货质押', guaranteeNeeded: false },
        });
        const notice = bank.locator(`[data-testid="match-notice"][data-counterpart-id="${fresh.id}"]`);
        await notice.waitFor({ timeout: 15_000 });
        expect(await notice.innerText()).toMatch(new RegExp(`^新的强匹配：${NEWCOMER_NAME}的“铝锭储备流动资金贷款”为您的“${PRODUCT}”匹配度 \\d+$`));
        await bank.getByTestId('match-notice-open').first().click();
        await bank.waitForURL('**/my/listings?matches=*');
        await bank.locator(`[data-testid="match-card"][data-listing-id="${fresh.id}"]`).waitFor();

        // ---- the board counts good matches for the rows on screen ----
        await enterprise.goto(`${server.url}/sessions/${need.sessionId}/board?type=financing_need`);
        const row = enterprise.getByTestId('listing-row').filter({ hasText: NEED });
        await row.locator('[data-testid="listing-match-count"][data-count]').waitFor();
        expect(Number(await row.getByTestId('listing-match-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(3);
        // Its own listing's count opens its recommendations.
        await row.getByTestId('listing-row-matches').click();
        await card(enterprise, BANK_NAME).waitFor();

        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('proposes the three-party deal to a need without collateral that asks for a guarantee, naming the guarantor, with consistent reasons', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const herder = await context.newPage();
    herder.on('pageerror', (e) => pageErrors.push(e.message));
    await withScreenshots(
      'three-party',
      () => ({ herder }),
      async () => {
        await login(herder, server.url, HERDER, DEMO_PASSWORD);
        await herder.goto(`${server.url}/my/listings`);
        await herder.getByTestId('my-listing-row').filter({ hasText: HERDER_NEED }).getByTestId('listing-matches').click();
        await expect(herder.getByTestId('matches-for').innerText()).resolves.toBe(HERDER_NEED);
        for (const bankName of HERDER_BANKS) {
          const bankCard = card(herder, bankName);
          await bankCard.waitFor();
          const guarantor = await bankCard.getByTestId('match-guarantor').innerText();
          expect(guarantor).toContain(HERDER_GUARANTOR);
          expect(guarantor).toContain('三方组合');
          const security = await bankCard.locator('[data-testid="match-reason"][data-factor="security"]').getByTestId('match-reason-text').innerText();
          expect(security).toBe('银行要求担保，企业未提供抵押物，需要担保，由担保机构增信（三方组合）');
        }
        // The guarantee product itself is recommended too, and no card reads the need as having collateral.
        await expect(herder.getByTestId('match-card').first().getByTestId('match-org').first().innerText()).resolves.toBe(HERDER_GUARANTOR);
        const texts = await herder.getByTestId('match-reason-text').allInnerTexts();
        expect(texts.length).toBeGreaterThan(5);
        expect(texts.filter((t) => t.includes('抵押物')).every((t) => t.includes('企业未提供抵押物'))).toBe(true);
        await shot(herder, 'three-party');

        // The organiser opens the same need from the board and asks for the near misses: greyed, each with why.
        const look = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
        await login(look, server.url, ADMIN.email, ADMIN.password);
        await look.goto(`${server.url}/events`);
        await look.getByRole('link', { name: EVENT_NAME }).click();
        await look.locator('tr').filter({ hasText: '银企对接专场' }).getByTestId('session-board').click();
        const row = look.locator('tr').filter({ hasText: HERDER_NEED });
        await row.getByTestId('listing-row-matches').click();
        await expect(look.getByTestId('matches-for').innerText()).resolves.toBe(HERDER_NEED);
        await look.getByTestId('match-card').first().waitFor();
        // Organisers look but do not act for the enterprise.
        expect(await look.getByTestId('match-ask').count()).toBe(0);
        await look.getByTestId('matches-include-ineligible').click();
        const miss = look.locator('[data-testid="match-card"][data-eligible="false"]').first();
        await miss.waitFor();
        expect(await miss.getByTestId('match-ineligible').count()).toBe(1);
        expect((await miss.getByTestId('match-ineligible-reason').allInnerTexts()).length).toBeGreaterThan(0);
        await shot(look, 'near-misses');
      },
    );
    await context.close();
  });
});
