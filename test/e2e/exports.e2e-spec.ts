// The console's exports in Chromium against the built server: the organiser downloads a session's
// agreements as .xlsx from the 签约 tab, and the test reads the file back with exceljs (Chinese
// headers, the values, the 万元 number format, the frozen header row and the totals sheet).
import type { Agreement } from '@duijie/shared';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Api, E2E_PASSWORD, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, login, pick, watchErrors, withScreenshots } from './ui';

const stamp = Date.now().toString(36).slice(-5);
const TITLE = `青稞深加工流动资金贷款 ${stamp}`;

describe('console exports in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let organiser: Actor;
  let desk: Page;
  let eventName: string;
  let sessionTitle: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    const session = await api.liveSession(organiser, 'bank_enterprise');
    sessionTitle = session.title;
    eventName = (await api.call<{ name: string }>('GET', `/events/${session.eventId}`, undefined, organiser.token)).name;
    const [enterprise, bank] = await Promise.all([api.organisation(organiser, 'enterprise'), api.organisation(organiser, 'bank')]);
    await api.participate(enterprise, organiser, session.id, 'borrower');
    await api.participate(bank, organiser, session.id, 'lender');
    const draft = await api.call<Agreement>(
      'POST',
      `/sessions/${session.id}/agreements`,
      {
        kind: 'loan',
        title: TITLE,
        amount: 52_345_678,
        termMonths: 12,
        keyTerms: '按月付息，到期还本',
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
    await api.call('POST', `/agreements/${draft.id}/ledger`, { kind: 'approved', amount: 40_000_000, occurredOn: '2026-12-20', evidence: '批复' }, bank.token);
    await api.call('POST', `/agreements/${draft.id}/ledger`, { kind: 'disbursed', amount: 25_000_000, occurredOn: '2026-12-28', evidence: '借据' }, bank.token);

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    desk = await context.newPage();
    watchErrors(desk, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("downloads a session's agreements as .xlsx with 万元 amounts and ledger sums", async () => {
    await withScreenshots(
      'exports',
      () => ({ desk }),
      async () => {
        await login(desk, server.url, ADMIN.email, ADMIN.password);
        await desk.goto(`${server.url}/console?tab=agreements`);
        await pick(desk, desk.getByTestId('console-event-picker'), eventName);
        await pick(desk, desk.getByTestId('console-session-picker'), sessionTitle);
        await desk.getByText(TITLE).waitFor();
        const button = desk.getByTestId('export-agreements');
        expect(await button.innerText()).toContain('导出 Excel');

        const [download] = await Promise.all([desk.waitForEvent('download'), button.click()]);
        expect(download.suggestedFilename()).toBe(`签约协议-${eventName}-${sessionTitle}.xlsx`.replace(/\s+/g, '_'));
        const file = (await download.path())!;
        // The button comes back once the file is saved, with a message naming the rows.
        await desk
          .locator('.ant-message')
          .getByText(/已导出 1 行/)
          .waitFor();
        expect(await button.isEnabled()).toBe(true);
        mkdirSync(ARTIFACTS, { recursive: true });
        await desk.screenshot({ path: join(ARTIFACTS, 'exports-agreements.png') });

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('签约协议')!;
        const headers = (sheet.getRow(1).values as unknown[]).slice(1);
        expect(headers.slice(0, 5)).toEqual(['协议名称', '协议类型', '协议金额（万元）', '签约各方', '状态']);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.rowCount).toBe(2);
        const row = sheet.getRow(2);
        const cell = (header: string) => row.getCell(headers.indexOf(header) + 1);
        expect(cell('协议名称').value).toBe(TITLE);
        expect(cell('协议类型').value).toBe('贷款合同');
        expect(cell('状态').value).toBe('已签署');
        expect(cell('协议金额（万元）').value).toBeCloseTo(5234.5678, 6);
        expect(cell('协议金额（万元）').numFmt).toBe('#,##0.00');
        expect(cell('审批金额（万元）').value).toBe(4000);
        expect(cell('放款金额（万元）').value).toBe(2500);
        expect(cell('放款金额（万元）').numFmt).toBe('#,##0.00');
        const totals = workbook.getWorksheet('合计')!;
        expect((totals.getRow(2).values as unknown[]).slice(1)).toEqual([1, 5234.5678, 4000, 2500, 0]);
        expect(pageErrors).toEqual([]);
      },
    );
  }, 120_000);
});
