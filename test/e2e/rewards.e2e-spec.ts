// Assessment and rewards (issue 17), in Chromium against the built server with the demo event:
// Qinghai Bank files its statistics form for a new period, the organiser returns it with a
// reason, the bank corrects it and files again, the organiser accepts it, runs the seed's
// program, reads the bank's reasons, approves the run with the password step-up, and the public
// scoreboard shows the bank at its rank.
import type { MatchEvent, RewardAward, RewardPeriod, RewardRun, Scoreboard, StatisticsForm, StatisticsFigures } from '@duijie/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, modal, watchErrors, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const YI = 100_000_000;
const demoUser = (key: string) => `admin@${key}.demo.duijie.cn`;

/** Qinghai Bank's figures as typed on the form, in 万元 and %. */
const TYPED = {
  industryLoanBalance: '2600000',
  industryLoanIncrement: '150000',
  industryLoanBalanceLastYear: '2360000',
  industryLoanIncrementLastYear: '120000',
  smallMicroLoanIncrement: '60000',
  smallMicroLoanIncrementLastYear: '40000',
  smallMicroNplBp: '2.4',
};

/** The other banks' filings (yuan), filed and accepted through the API. */
const OTHERS: Record<string, StatisticsFigures> = {
  'icbc-qh': bank(48, 40, 12, 9, 280),
  'ccb-qh': bank(41, 36, 10, 6, 420),
  'abc-qh': bank(35, 33, 8.5, 7, 160),
  'boc-qh': bank(22, 23, 4, 5, 310),
};

/** Reads until the value equals what is expected (the UI acts, then the server answers), for 15 s at most; then asserts it. */
async function settles<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const until = Date.now() + 15_000;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  expect(value).toEqual(expected);
}

function bank(increment: number, incrementLastYear: number, smallMicro: number, smallMicroLastYear: number, nplBp: number): StatisticsFigures {
  return {
    industryLoanBalance: 500 * YI,
    industryLoanIncrement: increment * YI,
    industryLoanBalanceLastYear: 480 * YI,
    industryLoanIncrementLastYear: incrementLastYear * YI,
    smallMicroLoanIncrement: smallMicro * YI,
    smallMicroLoanIncrementLastYear: smallMicroLastYear * YI,
    smallMicroNplBp: nplBp,
  };
}

describe('assessment and rewards (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let organiserContext: BrowserContext;
  let bankContext: BrowserContext;
  let organiserPage: Page;
  let bankPage: Page;
  let api: Api;
  let organiser: Actor;
  let qhbank: Actor;
  let event: MatchEvent;
  let period: RewardPeriod;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    qhbank = await api.login(demoUser('qhbank'), DEMO_PASSWORD);
    event = (await api.call<MatchEvent[]>('GET', '/events', undefined, organiser.token))[0];
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    period = await api.call<RewardPeriod>(
      'POST',
      `/events/${event.id}/reward-periods`,
      { name: '浏览器测试统计期', startsOn: `${today.slice(0, 8)}01`, endsOn: today, cadence: 'custom', dueOn: due, classes: ['bank'] },
      organiser.token,
    );
    // Four other banks file and are confirmed, so Qinghai Bank is ranked among them.
    for (const [key, figures] of Object.entries(OTHERS)) {
      const actor = await api.login(demoUser(key), DEMO_PASSWORD);
      const form = (await api.call<StatisticsForm[]>('GET', '/me/statistics-forms', undefined, actor.token)).find((f) => f.periodId === period.id)!;
      const filed = await api.call<StatisticsForm>('POST', `/statistics-forms/${form.id}/submit`, { figures, version: form.obligation.version }, actor.token);
      await api.call('POST', `/obligations/${form.id}/review`, { version: filed.obligation.version, accept: true }, organiser.token);
    }

    browser = await launchBrowser();
    organiserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    bankContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    organiserPage = await organiserContext.newPage();
    bankPage = await bankContext.newPage();
    watchErrors(organiserPage, pageErrors);
    watchErrors(bankPage, pageErrors);
    await login(organiserPage, server.url, ADMIN.email, ADMIN.password);
    await login(bankPage, server.url, demoUser('qhbank'), DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const qhbankForm = async () =>
    (await api.call<StatisticsForm[]>('GET', '/me/statistics-forms', undefined, qhbank.token)).find((f) => f.periodId === period.id)!;

  /** The bank opens its form for the period from 统计报表. */
  const openBankForm = async (formId: string) => {
    await bankPage.goto(`${server.url}/my/statistics`);
    await bankPage.getByTestId(`statistics-open-${formId}`).click();
    await bankPage.getByTestId('statistics-form-drawer').waitFor();
  };

  const fileBankForm = async () => {
    await bankPage.getByTestId('statistics-submit').click();
    await clickSettled(bankPage.getByTestId('statistics-submit-confirm'));
  };

  /** The organiser opens the period's forms in the console's 考核奖励 tab and the bank's form to review. */
  const openReview = async (formId: string) => {
    await organiserPage.goto(`${server.url}/console`);
    await organiserPage.getByTestId('console-tab-rewards').click();
    await organiserPage.getByTestId(`statistics-period-${period.id}`).click();
    await organiserPage.getByTestId(`statistics-review-${formId}`).click();
    await organiserPage.getByTestId('statistics-review-drawer').waitFor();
  };

  it('a bank files, is returned with a reason, corrects and files again; the organiser runs, reads the reasons, approves; the scoreboard ranks the bank', async () => {
    await withScreenshots(
      'rewards',
      () => ({ organiser: organiserPage, bank: bankPage }),
      async () => {
        // 1. The bank files its form, typed in 万元 and %.
        const form = await qhbankForm();
        expect(form.obligation.state).toBe('open');
        await openBankForm(form.id);
        for (const [key, value] of Object.entries(TYPED)) await bankPage.getByTestId(`statistics-form-${key}`).fill(value);
        await fileBankForm();
        await settles(async () => (await qhbankForm()).obligation.state, 'submitted');
        const first = await qhbankForm();
        expect(first.versions.map((v) => v.figures)).toEqual([
          expect.objectContaining({ industryLoanIncrement: 15 * YI, smallMicroLoanIncrementLastYear: 4 * YI, smallMicroNplBp: 240 }),
        ]);

        // 2. The organiser returns it with a reason.
        const reason = '去年同期小微企业贷款增长额与人民银行统计口径不一致，请核对';
        await openReview(form.id);
        await organiserPage.getByTestId('statistics-return-reason').fill(reason);
        await organiserPage.getByTestId('statistics-review-return').click();
        await settles(async () => (await qhbankForm()).obligation.state, 'returned');

        // 3. The bank reads the reason, corrects the figure and files again (version 2).
        await openBankForm(form.id);
        await expect(bankPage.getByTestId('statistics-returned').textContent()).resolves.toContain(reason);
        await bankPage.getByTestId('statistics-form-smallMicroLoanIncrementLastYear').fill('50000');
        await fileBankForm();
        await settles(async () => (await qhbankForm()).versions.length, 2);

        // 4. The organiser accepts the corrected form: its figures are confirmed.
        await openReview(form.id);
        await clickSettled(organiserPage.getByTestId('statistics-review-accept'));
        await settles(async () => (await qhbankForm()).confirmed, true);

        // 5. The organiser computes the published program over the period and reads the bank's reasons.
        await organiserPage.getByTestId('rewards-subtab-runs').click();
        await organiserPage.getByTestId('rewards-run-compute').click();
        const runs = async () => api.call<RewardRun[]>('GET', `/reward-periods/${period.id}/runs`, undefined, organiser.token);
        await settles(async () => (await runs()).length, 1);
        const [run] = await runs();
        expect(run.institutions).toBe(5);
        // Qinghai Bank, worked by hand: lending 15亿 against 12亿 (25%) is 2.4亿 over the 5% line → 2 × 50万;
        // fourth in small/micro growth (6亿, above last year's 5亿) → 10万; NPL 2.4%: 60% × 6亿 × 0.4% → 144万. 254万 in all.
        const awards = await api.call<{ items: RewardAward[] }>('GET', `/reward-runs/${run.id}/awards?pageSize=200`, undefined, organiser.token);
        expect(awards.items.find((a) => a.organisationId === qhbank.organisationId)!.amount).toBe(2_540_000);
        const row = organiserPage.getByTestId(`rewards-award-row-${qhbank.organisationId}`);
        await row.locator('.ant-table-row-expand-icon').click();
        const reasons = organiserPage.getByTestId('rewards-award-reasons').first();
        await reasons.waitFor();
        const text = await reasons.textContent();
        expect(text).toContain('增幅 25%，超过去年同期 5% 以上');
        expect(text).toContain('100万元');
        expect(text).toContain('排名第 4 位');
        expect(text).toContain('144万元');

        // 6. Approval asks for the password again (step-up), then records the awards for payment.
        await organiserPage.getByTestId('rewards-run-approve').click();
        await clickSettled(modal(organiserPage).getByTestId('rewards-approve-confirm'));
        await organiserPage.getByTestId('stepup-password').fill(ADMIN.password);
        await clickSettled(organiserPage.getByTestId('stepup-submit'));
        await settles(async () => (await runs())[0].state, 'approved');
        const mine = await api.call<RewardAward[]>('GET', '/me/reward-awards', undefined, qhbank.token);
        expect(mine.map((a) => [a.runId, a.amount])).toEqual([[run.id, 2_540_000]]);

        // 7. The public scoreboard, ranked by industrial lending in the period: 48, 41, 35, 22, then Qinghai Bank's 15亿.
        await api.call('PUT', `/events/${event.id}/scoreboard`, { figure: 'industryLoanIncrement' }, organiser.token);
        const board = await api.call<Scoreboard>('GET', `/events/${event.id}/scoreboard`);
        expect(board.rows.find((r) => r.organisationId === qhbank.organisationId)).toMatchObject({ rank: 5, value: 15 * YI });
        const viewer = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
        const publicPage = await viewer.newPage();
        watchErrors(publicPage, pageErrors);
        await publicPage.goto(`${server.url}/scoreboard/${event.id}`);
        const bankRow = publicPage.locator(`[data-testid="scoreboard-row"][data-organisation="${qhbank.organisationId}"]`);
        await bankRow.waitFor();
        expect(await bankRow.getAttribute('data-rank')).toBe('5');
        expect(await bankRow.textContent()).toContain('青海银行');
        // Nothing runs off a phone's screen.
        expect(await publicPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await viewer.close();
      },
    );
    expect(pageErrors).toEqual([]);
  });
});
