// The briefing (简报) in Chromium against the built server: the organiser makes one from the
// console's results area, downloads its PDF, and the test reads the file back with pdf.js (the
// Chinese headings, the event, the headline figures in 万元/亿元, the page footer).
import { formatCny, type Agreement, type Briefing, type Page as ApiPage } from '@duijie/shared';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Api, E2E_PASSWORD, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, ROOT, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, login, modal, watchErrors, withScreenshots } from './ui';

/** Text of every page of a PDF, read with pdf.js (an ES module, so in a child process), pages joined with form feeds. */
function pdfJsText(file: string): { pages: number; text: string } {
  const script = `
    import { readFileSync } from 'node:fs';
    import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
    const pages = [];
    for (let i = 1; i <= pdf.numPages; i++) pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => item.str).join(''));
    process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pages.join('\\f') }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: ROOT, encoding: 'utf8' })) as {
    pages: number;
    text: string;
  };
}

describe('briefing in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let organiser: Actor;
  let desk: Page;
  let eventId: string;
  let eventName: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    const session = await api.liveSession(organiser, 'bank_enterprise');
    eventId = session.eventId;
    eventName = (await api.call<{ name: string }>('GET', `/events/${eventId}`, undefined, organiser.token)).name;
    const [enterprise, bank] = await Promise.all([api.organisation(organiser, 'enterprise'), api.organisation(organiser, 'bank')]);
    await api.participate(enterprise, organiser, session.id, 'borrower');
    await api.participate(bank, organiser, session.id, 'lender');
    const draft = await api.call<Agreement>(
      'POST',
      `/sessions/${session.id}/agreements`,
      {
        kind: 'loan',
        title: '青稞深加工技改贷款',
        amount: 128_000_000,
        termMonths: 24,
        keyTerms: '按季付息',
        parties: [
          { organisationId: enterprise.organisationId, role: 'borrower' },
          { organisationId: bank.organisationId, role: 'lender' },
        ],
      },
      enterprise.token,
    );
    for (const signer of [enterprise, bank]) {
      await api.call('POST', '/auth/step-up', { password: E2E_PASSWORD }, signer.token);
      await api.call('POST', `/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }, signer.token);
    }

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    desk = await context.newPage();
    watchErrors(desk, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes a briefing from the console, downloads its PDF and reads the figures and the Chinese text back with pdf.js', async () => {
    await withScreenshots(
      'briefing',
      () => ({ desk }),
      async () => {
        await login(desk, server.url, ADMIN.email, ADMIN.password);
        await desk.goto(`${server.url}/console`);
        const section = desk.getByTestId('briefing-section');
        await section.waitFor();
        await section.getByText('还没有简报').waitFor();

        await desk.getByTestId('briefing-generate').click();
        await desk.getByTestId('briefing-row-1').waitFor();
        await desk.locator('.ant-message').getByText('已生成第1期简报').waitFor();
        const row = desk.getByTestId('briefing-row-1');
        expect(await row.innerText()).toContain(formatCny(128_000_000, 'zh-CN'));
        expect(await row.innerText()).toContain('未发送');

        const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('briefing-download-1').click()]);
        expect(download.suggestedFilename()).toBe('简报第1期.pdf');
        const file = (await download.path())!;
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
        const { pages, text } = pdfJsText(file);
        expect(pages).toBeGreaterThanOrEqual(2);
        for (const words of [
          '对接工作简报',
          eventName,
          '第1期',
          '一、主要指标',
          '签约项目',
          '三、图表',
          '各专场签约与意向金额',
          '银企对接',
          '五、待解决问题',
        ]) {
          expect(text).toContain(words);
        }
        expect(text).toContain('1个 · 1.28亿元');
        expect(text).toContain('签约目标 100亿元，已签约 1.28亿元，完成目标的 1.3%');
        expect(text).toContain(`第 1 / ${pages} 页`);
        expect(text).toContain('Asia/Shanghai');

        // Sending asks first, then says how many were told.
        await desk.getByTestId('briefing-send-1').click();
        await modal(desk).locator('.ant-modal-confirm-title', { hasText: '发送第1期简报？' }).waitFor();
        await clickSettled(desk.getByTestId('briefing-send-confirm'));
        await desk
          .locator('.ant-message')
          .getByText(/已发送，通知了 \d+ 人/)
          .waitFor();
        await row.getByText(/已发送（\d+人）/).waitFor();
        const listed = await api.call<ApiPage<Briefing>>('GET', `/events/${eventId}/briefings`, undefined, organiser.token);
        expect(listed.items[0]).toMatchObject({ seq: 1, sentAt: expect.any(String) });

        mkdirSync(ARTIFACTS, { recursive: true });
        await desk.waitForFunction(() => document.querySelector('.ant-zoom, .ant-fade, .ant-modal-wrap:not([style*="display: none"])') === null);
        await section.screenshot({ path: join(ARTIFACTS, 'briefing-section.png') });
        expect(pageErrors).toEqual([]);
      },
    );
  }, 180_000);
});
