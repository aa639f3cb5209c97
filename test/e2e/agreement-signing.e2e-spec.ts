// Two parties sign one agreement in two browsers while a third browser shows the big screen
// and a fourth is the organiser's ceremony desk: the organiser makes a screen link, the
// borrower drafts a loan with a bank, the organiser puts it on stage in a batch, each party
// confirms their password (step-up) and signs the same terms, both see it signed (the first
// party live as the second signs), the big screen's total rises by the loan's amount and
// its stage panel ticks the loan off without a reload. Then the certificate downloads as a
// PDF and its verification link checks out (and a changed hash does not). The bank's admin
// records the follow-up and closes the ledger with a reason; the big screen shows the
// audit chain's signed head, which verifies with the published key.
import { verify as verifySignature } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { Api } from './api';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, login, modal, pick, watchErrors, withScreenshots } from './ui';

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
  let screen: Page;
  let desk: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ args: ['--demo'] });
    browser = await launchBrowser();
    contexts = await Promise.all([0, 1, 2, 3].map(() => browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })));
    [borrower, bank, screen, desk] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [borrower, bank, screen, desk]) watchErrors(page, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signAs(page: Page): Promise<void> {
    const row = page.getByTestId('agreement-row').filter({ hasText: TITLE });
    await row.getByTestId('agreement-sign').click();
    await clickSettled(page.getByTestId('agreement-sign-confirm'));
    // First signature in this session: the password is asked for again. Let the modal
    // finish opening before typing, and see it close once the grant is given.
    const password = page.getByTestId('stepup-password');
    await password.waitFor();
    await password.fill(DEMO_PASSWORD);
    await clickSettled(page.getByTestId('stepup-submit'));
    await password.waitFor({ state: 'detached' });
  }

  const screenAmount = async () => Number(await screen.getByTestId('screen-total').getAttribute('data-amount'));

  it('is drafted by one party, signed by both, shown signed to both, and counted on the big screen', async () => {
    await withScreenshots(
      'agreement-signing',
      () => ({ borrower, bank, screen, desk }),
      async () => {
        // The organiser makes a read-only screen link at the ceremony desk; the big screen opens it (no login).
        await login(desk, server.url, ADMIN.email, ADMIN.password);
        const openDesk = async () => {
          await desk.goto(`${server.url}/console?tab=ceremony`);
          await pick(desk, desk.getByTestId('ceremony-event-picker'), '青海');
        };
        await openDesk();
        await desk.getByTestId('screen-link-label').fill('主会场大屏');
        await desk.getByTestId('screen-link-create').click();
        const screenUrl = await desk.getByTestId('screen-link-created').getByTestId('invite-link').inputValue();
        expect(screenUrl).toMatch(/\/screen\/[0-9a-f-]{36}\?token=/);
        await screen.goto(screenUrl);
        await screen.locator('[data-testid="screen-connection"][data-state="live"]').waitFor();
        await screen.getByTestId('screen-total').waitFor();
        const before = await screenAmount();
        // The demo event has agreements signed already: the screen counts on from them.
        const countBefore = Number(await screen.getByTestId('screen-count').getAttribute('data-count'));

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

        // The organiser puts the new loan in a batch of its own and puts the batch on stage.
        await openDesk();
        await desk.getByTestId('ceremony-agreement').filter({ hasText: TITLE }).locator('input[type="checkbox"]').check();
        await desk.getByTestId('ceremony-new-batch').click();
        await modal(desk).getByTestId('ceremony-batch-title').fill(`重点项目签约 ${stamp}`);
        await clickSettled(modal(desk).locator('.ant-btn-primary'));
        const batch = desk.getByTestId('ceremony-batch').filter({ hasText: `重点项目签约 ${stamp}` });
        await batch.getByTestId('ceremony-stage').click();
        await desk
          .locator('[data-testid="ceremony-batch"][data-on-stage="true"]')
          .filter({ hasText: `重点项目签约 ${stamp}` })
          .waitFor();
        const onStage = screen.getByTestId('screen-stage-item').filter({ hasText: TITLE });
        await screen
          .getByTestId('screen-stage')
          .filter({ hasText: `重点项目签约 ${stamp}` })
          .waitFor({ timeout: 10_000 });
        expect(await onStage.getAttribute('data-signed')).toBe('false');

        await signAs(borrower);
        await borrower.locator(`[data-testid="agreement-row"][data-status="drafting"]`).filter({ hasText: TITLE }).waitFor();

        await bank.goto(`${server.url}/my/agreements`);
        await bank.getByTestId('agreement-row').filter({ hasText: TITLE }).waitFor();
        await signAs(bank);
        await bank.locator(`[data-testid="agreement-row"][data-status="signed"]`).filter({ hasText: TITLE }).waitFor();

        // The borrower's screen learns of the bank's signature live, without a reload.
        await borrower.locator(`[data-testid="agreement-row"][data-status="signed"]`).filter({ hasText: TITLE }).waitFor({ timeout: 10_000 });
        expect(await borrower.getByTestId('agreement-row').filter({ hasText: TITLE }).innerText()).toContain('已签署');
        // The big screen counted it live: exactly the loan's 5,000万元 more.
        await screen.waitForFunction(
          (expected) => Number(document.querySelector('[data-testid="screen-total"]')?.getAttribute('data-amount')) === expected,
          before + 50_000_000,
          { timeout: 10_000 },
        );
        expect(Number(await screen.getByTestId('screen-count').getAttribute('data-count'))).toBe(countBefore + 1);
        await screen.locator('[data-testid="screen-stage-item"][data-signed="true"]').filter({ hasText: TITLE }).waitFor({ timeout: 10_000 });

        // The certificate downloads as a PDF; its verification link checks out, a changed hash does not.
        const [download] = await Promise.all([borrower.waitForEvent('download'), mine.getByTestId('agreement-certificate').click()]);
        const pdf = readFileSync((await download.path())!);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(download.suggestedFilename()).toBe(`签约证书-${TITLE}.pdf`);
        const api = new Api(server.url);
        const mineApi = await api.login(BORROWER, DEMO_PASSWORD);
        const signed = (await api.call<{ id: string; title: string; contentHash: string }[]>('GET', '/me/agreements', undefined, mineApi.token)).find(
          (a) => a.title === TITLE,
        )!;
        // The signing records' inclusion proofs, checked in the browser against the published tree
        // head: valid once a signed head covers them (the sequencer signs every few seconds)...
        const verifyUrl = `${server.url}/verify/${signed.id}?hash=${signed.contentHash}`;
        await bank.goto(verifyUrl);
        await bank.getByTestId('verify-valid').filter({ hasText: TITLE }).waitFor();
        for (let tries = 0; (await bank.getByTestId('verify-proof-valid').count()) === 0; tries++) {
          if (tries === 20) throw new Error('the inclusion proof was not shown as valid within 20 s');
          await bank.waitForTimeout(1000);
          await bank.reload();
          await bank.getByTestId('verify-valid').waitFor();
          await bank.locator('[data-testid="verify-proof-valid"], [data-testid="verify-proof-pending"]').first().waitFor();
        }
        expect(await bank.getByTestId('verify-proof-valid').innerText()).toMatch(/#\d+/);
        mkdirSync(ARTIFACTS, { recursive: true });
        await bank.screenshot({ path: join(ARTIFACTS, 'verify-proof-valid.png'), fullPage: true });
        // ...and invalid once a signing record is changed in the database.
        const db = new Client({ connectionString: server.databaseUrl });
        await db.connect();
        try {
          const [record] = (
            await db.query(
              `SELECT id, data FROM audit_record WHERE "entityType" = 'agreement' AND "entityId" = $1 AND action = 'agreement.signed' ORDER BY position LIMIT 1`,
              [signed.id],
            )
          ).rows as { id: string; data: unknown }[];
          await db.query(`UPDATE audit_record SET data = jsonb_set(data, '{forged}', 'true') WHERE id = $1`, [record.id]);
          await bank.reload();
          await bank.getByTestId('verify-proof-invalid').waitFor();
          await bank.getByTestId('verify-tampered').waitFor();
          await bank.screenshot({ path: join(ARTIFACTS, 'verify-proof-invalid.png'), fullPage: true });
          await db.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [record.id, JSON.stringify(record.data)]);
          await bank.reload();
          await bank.getByTestId('verify-proof-valid').waitFor();
        } finally {
          await db.end();
        }
        await bank.goto(`${server.url}/verify/${signed.id}?hash=${'0'.repeat(64)}`);
        await bank.getByTestId('verify-invalid').waitFor();

        // Follow-up: the bank's admin (who may sign for it) records the approval, then closes the ledger with a reason.
        await bank.goto(`${server.url}/my/agreements`);
        const bankRow = bank.getByTestId('agreement-row').filter({ hasText: TITLE });
        await bankRow.locator('.ant-table-row-expand-icon').click();
        const ledger = bank.getByTestId('ledger-panel');
        await pick(bank, ledger.getByTestId('ledger-kind'), '审批通过');
        await ledger.locator('input[id="amount"]').fill('50000000');
        await ledger.getByTestId('ledger-submit').click();
        await ledger.locator('[data-testid="ledger-entry"][data-kind="approved"]').waitFor();
        await pick(bank, ledger.getByTestId('ledger-kind'), '履行完毕');
        await ledger.getByTestId('ledger-submit').click();
        await ledger.getByText('登记履行完毕或终止必须说明原因').waitFor();
        await ledger.getByTestId('ledger-reason').fill('本息已按期结清');
        await ledger.getByTestId('ledger-submit').click();
        await clickSettled(bank.getByTestId('ledger-close-confirm'));
        await ledger.getByTestId('ledger-closed').waitFor();
        expect(await ledger.getByTestId('ledger-reopen').count()).toBe(0);

        // The big screen shows the newest signed tree head (signed within seconds, fetched every 15 s).
        const seal = screen.getByTestId('screen-seal');
        await seal.waitFor({ timeout: 40_000 });
        const head = await api.call<{
          publicKeyPem: string;
          keyFingerprint: string;
          head: { size: number; rootHash: string; message: string; signature: string };
        }>('GET', '/audit/tree-head');
        expect(await seal.innerText()).toContain(head.keyFingerprint.slice(0, 4));
        expect(await seal.getAttribute('data-hash')).toMatch(/^[0-9a-f]{64}$/);
        expect(verifySignature(null, Buffer.from(head.head.message), head.publicKeyPem, Buffer.from(head.head.signature, 'base64'))).toBe(true);
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
