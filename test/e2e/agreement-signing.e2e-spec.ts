// Two parties sign one agreement in two browsers: the borrower drafts a loan with a bank,
// each confirms their password (step-up) and signs the same terms, and both see it signed,
// the first party live as the second signs.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { login, modal, pick, withScreenshots } from './ui';

const DEMO_PASSWORD = 'Duijie-demo-2026';
const BORROWER = 'admin@xntg.demo.duijie.cn'; // 西宁特殊钢, a borrower in the bank–enterprise session
const BANK = 'admin@icbc-qh.demo.duijie.cn'; // 工商银行青海省分行, a lender there
const stamp = Date.now().toString(36).slice(-5);
const TITLE = `技改项目贷款合同 ${stamp}`;

describe('agreement signing in two browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let borrower: Page;
  let bank: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    contexts = await Promise.all([0, 1].map(() => browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })));
    [borrower, bank] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [borrower, bank]) page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signAs(page: Page): Promise<void> {
    const row = page.getByTestId('agreement-row').filter({ hasText: TITLE });
    await row.getByTestId('agreement-sign').click();
    await page.getByTestId('agreement-sign-confirm').click();
    // First signature in this session: the password is asked for again.
    await page.getByTestId('stepup-password').fill(DEMO_PASSWORD);
    await page.getByTestId('stepup-submit').click();
  }

  it('is drafted by one party, signed by both, and shown signed to both', async () => {
    await withScreenshots('agreement-signing', () => ({ borrower, bank }), async () => {
      await login(borrower, server.url, BORROWER, DEMO_PASSWORD);
      await login(bank, server.url, BANK, DEMO_PASSWORD);

      await borrower.goto(`${server.url}/my/agreements`);
      await borrower.getByTestId('agreement-create').click();
      const m = modal(borrower);
      await pick(borrower, m.getByTestId('agreement-session'), '银企');
      await pick(borrower, m.getByTestId('agreement-kind'), '贷款合同');
      await pick(borrower, m.getByTestId('agreement-my-role'), '融资企业');
      await pick(borrower, m.getByTestId('agreement-party-lender'), '工商银行');
      await m.getByTestId('agreement-title').fill(TITLE);
      await m.locator('[id="amountWan"]').fill('5000');
      await m.locator('[id="termMonths"]').fill('36');
      await m.getByTestId('agreement-key-terms-input').fill('年利率3.85%，按季付息，到期还本；以厂房设备抵押。');
      await m.getByTestId('agreement-submit').click();
      const mine = borrower.getByTestId('agreement-row').filter({ hasText: TITLE });
      await mine.waitFor();

      await signAs(borrower);
      await borrower.locator(`[data-testid="agreement-row"][data-status="drafting"]`).filter({ hasText: TITLE }).waitFor();

      await bank.goto(`${server.url}/my/agreements`);
      await bank.getByTestId('agreement-row').filter({ hasText: TITLE }).waitFor();
      await signAs(bank);
      await bank.locator(`[data-testid="agreement-row"][data-status="signed"]`).filter({ hasText: TITLE }).waitFor();

      // The borrower's screen learns of the bank's signature live, without a reload.
      await borrower.locator(`[data-testid="agreement-row"][data-status="signed"]`).filter({ hasText: TITLE }).waitFor({ timeout: 10_000 });
      expect(await borrower.getByTestId('agreement-row').filter({ hasText: TITLE }).innerText()).toContain('已签署');
      expect(pageErrors).toEqual([]);
    });
  });
});
