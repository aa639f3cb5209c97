// An organiser imports a workbook in the browser: opens the console's Import tab, downloads the
// template, uploads a small workbook (one new organisation, one supply listing), sees the dry
// run's report, confirms, watches the job's progress to the end, and finds the listing on the
// session's board, both on a board left open during the import (live, no reload) and by the
// link the import offers. A workbook with a bad row shows the problem by row and column.
import { makeCreditCode } from '@duijie/shared';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { Api } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, pick, withScreenshots } from './ui';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_HEADERS = ['机构名称', '统一社会信用代码', '机构类型', '行业代码', '地区代码', '企业规模', '联系人', '联系电话'];
const LISTING_HEADERS = ['统一社会信用代码', '专场', '发布类型', '标题', '产品类别', '数量', '最低单价（元）', '最高单价（元）', '交货开始日期'];

function creditCode(): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return makeCreditCode(`91630100${org}`);
}

describe('bulk import in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let console_: Page;
  let board: Page;
  const pageErrors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'duijie-import-e2e-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    [console_, board] = await Promise.all([context.newPage(), context.newPage()]);
    for (const page of [console_, board]) page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function workbook(name: string, organisations: (string | number)[][], listings: (string | number)[][]): Promise<string> {
    const file = join(dir, name);
    const buffer = await writeXlsxFile([
      { sheet: '机构', data: [ORG_HEADERS, ...organisations] },
      { sheet: '发布', data: [LISTING_HEADERS, ...listings] },
    ]).toBuffer();
    writeFileSync(file, buffer);
    return file;
  }

  it('downloads the template, checks a workbook, imports it with progress, and the listing reaches the board', async () => {
    await withScreenshots(
      'import',
      () => ({ console: console_, board }),
      async () => {
        const api = new Api(server.url);
        const organiser = await api.login(ADMIN.email, ADMIN.password);
        const session = await api.liveSession(organiser, 'upstream_downstream');
        const eventName = (await api.call<{ name: string }>('GET', `/events/${session.eventId}`, undefined, organiser.token)).name;
        const code = creditCode();
        const title = `导入的螺纹钢供应 ${Date.now().toString(36).slice(-5)}`;

        await login(console_, server.url, ADMIN.email, ADMIN.password);
        // A board left open during the import: the listing must arrive there live.
        await board.goto(`${server.url}/sessions/${session.id}/board`);
        await board.locator('[data-testid="connection-status"]').waitFor();
        await board.waitForFunction(() => document.querySelector('[data-testid="board"]')?.getAttribute('data-seq') != null);

        await console_.goto(`${server.url}/console`);
        await console_.getByTestId('console-tab-import').click();

        // The template downloads as an .xlsx workbook.
        const [download] = await Promise.all([console_.waitForEvent('download'), console_.getByTestId('import-template-xlsx').click()]);
        expect(download.suggestedFilename()).toBe('导入模板.xlsx');
        const template = readFileSync((await download.path())!);
        expect(template.subarray(0, 2).toString()).toBe('PK');

        await pick(console_, console_.getByTestId('import-event-picker'), eventName);

        // A workbook with a bad row: the dry run names the row and the column; nothing can be imported.
        const bad = await workbook(
          '有问题.xlsx',
          [['导入测试钢铁', code, '企业', 'C31', '630100', '大型', '张伟', '0971-5299999']],
          [[code, session.title, '供应', title, '钢材', -5, 3600, 3900, '2027-01-01']],
        );
        await console_.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(bad);
        await console_.getByTestId('import-check').click();
        const problem = console_.getByTestId('import-problem').first();
        await problem.waitFor();
        expect(await problem.innerText()).toMatch(/发布\s+2\s+数量/);
        expect(await console_.getByTestId('import-confirm').isDisabled()).toBe(true);

        // The fixed workbook: the report says what will be created.
        await console_.locator('.ant-upload-list-item').getByRole('button').first().click();
        const good = await workbook(
          '导入.xlsx',
          [['导入测试钢铁', code, '企业', 'C31', '630100', '大型', '张伟', '0971-5299999']],
          [[code, session.title, '供应', title, '钢材', 5000, 3600, 3900, '2027-01-01']],
        );
        await console_.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(good);
        await console_.getByTestId('import-check').click();
        const report = console_.locator('[data-testid="import-report"][data-problems="0"]');
        await report.waitFor();
        expect(await report.getByTestId('import-organisations-create').innerText()).toContain('1');
        expect(await report.getByTestId('import-listings-create').innerText()).toContain('1');
        expect(await report.innerText()).toContain(title);

        // Import: the job's progress runs to completion.
        await clickSettled(console_.getByTestId('import-confirm'));
        await console_.getByTestId('import-progress').waitFor();
        await console_.locator('[data-testid="import-job"][data-state="succeeded"][data-percent="100"]').waitFor({ timeout: 30_000 });
        // One organisation, its place in the session and its listing: three rows written.
        expect(await console_.getByTestId('import-progress-text').innerText()).toContain('3 / 3');

        // The board left open got the listing live, without a reload.
        await board.getByTestId('board').getByTestId('listing-row').filter({ hasText: title }).waitFor({ timeout: 15_000 });
        expect(await board.getByTestId('listing-row').filter({ hasText: title }).innerText()).toContain('导入测试钢铁');

        // The import's link opens the same board with the listing on it.
        await console_.getByTestId('import-board-link').first().click();
        await console_.waitForURL(`**/sessions/${session.id}/board`);
        await console_.getByTestId('board').getByTestId('listing-row').filter({ hasText: title }).waitFor();
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
