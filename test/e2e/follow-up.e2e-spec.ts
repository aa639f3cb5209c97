// The follow-up ladder on screen (issue 15), in Chromium against the built server:
// 1. a bank gets a reminder in the bell (live, no reload) two working days before its financing
//    report is due, opens it onto 待办, files the report with a disbursement line and an evidence
//    PDF, and the organiser's 跟踪落实 tab turns the loan from due soon to on time;
// 2. a supplier's delivery report is overdue: the organiser issues a supervision notice (督办) from
//    the tab, the supplier acknowledges it on 待办, the deadline passes and the sweep lapses it, the
//    organiser publishes a notice of criticism (通报) naming the supplier, the supplier files, and
//    the published notice shows it rectified (整改).
//
// The server's clock is real: due days and the notice's deadline are moved with SQL on the
// server's own database, and the sweep runs every minute (LADDER_SWEEP_CRON). The ladder's timing
// itself (which working day reminds, when a due day has ended in the event's zone, when a notice
// lapses) is proven with a controlled clock in server/src/supervision/supervision.int-spec.ts;
// this test proves the screens.
import {
  addWorkingDays,
  countWorkingDays,
  dayInZone,
  dueInstant,
  SESSION_TRANSITIONS,
  type Agreement,
  type AgreementFollowUp,
  type CriticismCandidate,
  type EvidenceFile,
  type MatchSession,
  type ObligationReports,
  type SessionKind,
  type SupervisionNotice,
} from '@duijie/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, E2E_PASSWORD, type Actor } from './api';
import { launchBrowser } from './browser';
import { ADMIN, startServer, type RunningServer } from './server';
import { ARTIFACTS, clickSettled, login, modal, pick, watchErrors, withScreenshots } from './ui';

const ZONE = 'Asia/Shanghai';
const stamp = Date.now().toString(36).slice(-5);
const LOAN = `流动资金贷款合同 ${stamp}`;
const SUPPLY = `螺纹钢供货合同 ${stamp}`;
/** One sweep a minute, plus the queue's poll and the socket: a little over a minute at most. */
const SWEEP_WAIT_MS = 80_000;

/** A small, well-formed one-page PDF (the server checks evidence by its content, not its name). */
function evidencePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const text = 'BT /F1 18 Tf 72 770 Td (Disbursement voucher) Tj ET';
      return `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('the follow-up ladder in the browser: reminder, report, supervision notice and notice of criticism', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: Client;
  let api: Api;
  let organiser: Actor;
  let bank: Actor & { email: string; name: string };
  let supplier: Actor & { email: string; name: string };
  let eventName: string;
  let eventId: string;
  let loanReportId: string;
  let supplyReportId: string;
  let contexts: BrowserContext[] = [];
  let desk: Page;
  let bankPage: Page;
  let supplierPage: Page;
  const pageErrors: string[] = [];
  const pages = () => ({ desk, bank: bankPage, supplier: supplierPage });

  /** A full-page screenshot of a key step, kept for the reader in test/artifacts. */
  async function shot(page: Page, name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Once antd's modals and messages have finished moving (as clickSettled waits).
    await page.waitForFunction(() => document.querySelector('.ant-zoom, .ant-zoom-big, .ant-fade, .ant-move-up') === null);
    await page.screenshot({ path: join(ARTIFACTS, `follow-up-${name}.png`), fullPage: true });
  }

  /** A second live session in the same event (Api.liveSession makes a new event each time). */
  async function liveSessionIn(kind: SessionKind): Promise<MatchSession> {
    let session = await api.call<MatchSession>(
      'POST',
      `/events/${eventId}/sessions`,
      {
        kind,
        title: '产业链上下游对接专场',
        leadDepartment: '省工信厅',
        venue: '西宁',
        startsAt: '2026-12-11T09:00:00+08:00',
        endsAt: '2026-12-11T17:00:00+08:00',
        slotMinutes: 20,
        tableCount: 10,
        registrationMode: 'open',
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
    return session;
  }

  /** Drafted by the first signer, signed by every one (each confirms its password first); answers the first report owed. */
  async function signed(sessionId: string, body: object, signers: Actor[]): Promise<string> {
    const draft = await api.call<Agreement>('POST', `/sessions/${sessionId}/agreements`, body, signers[0].token);
    for (const s of signers) {
      await api.call('POST', '/auth/step-up', { password: E2E_PASSWORD }, s.token);
      await api.call('POST', `/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }, s.token);
    }
    const plan = await api.call<AgreementFollowUp>('GET', `/agreements/${draft.id}/follow-up`, undefined, organiser.token);
    const first = plan.obligations.find((o) => o.subject.seq === 1);
    if (!first) throw new Error(`no report owed on ${draft.id}`);
    return first.id;
  }

  /** Moves an obligation's due day (and its due instant, the end of that day in the event's zone). */
  async function dueOn(obligationId: string, day: string): Promise<void> {
    await db.query(`UPDATE obligation SET "dueOn" = $2, "dueAt" = $3, "dueProvisional" = false WHERE id = $1`, [obligationId, day, dueInstant(day, ZONE)]);
    // The tab reads obligation_subject, which the obligations service keeps in step with every write it makes: a raw UPDATE must refresh it.
    await db.query(
      `UPDATE obligation_subject s SET "nextObligationId" = nx.id, "nextDueAt" = nx."dueAt", "nextDueOn" = nx."dueOn", "nextOrganisationId" = nx."organisationId"
         FROM obligation o
         LEFT JOIN LATERAL (SELECT x.id, x."dueAt", x."dueOn", x."organisationId" FROM obligation x
                             WHERE x.kind = o.kind AND x."subjectType" = o."subjectType" AND x."subjectId" = o."subjectId" AND x.state IN ('open', 'returned')
                             ORDER BY x."dueAt", x.id LIMIT 1) nx ON true
        WHERE o.id = $1 AND s.kind = o.kind AND s."subjectType" = o."subjectType" AND s."subjectId" = o."subjectId"`,
      [obligationId],
    );
  }

  const today = () => dayInZone(new Date(), ZONE);

  /** The organiser's 跟踪落实 tab on the test's event, at one of its sections. */
  async function openTracking(section: 'agreements' | 'criticism'): Promise<void> {
    await desk.goto(`${server.url}/console?tab=follow-up`);
    await pick(desk, desk.getByTestId('tracking-event-picker'), eventName);
    if (section !== 'agreements') await desk.getByTestId(`tracking-section-${section}`).click();
  }
  const trackingRow = (title: string, state?: string) =>
    desk.locator(state ? `[data-testid="tracking-row"][data-state="${state}"]` : '[data-testid="tracking-row"]').filter({ hasText: title });

  beforeAll(async () => {
    server = await startServer({ env: { LADDER_SWEEP_CRON: '* * * * *', JOBS_POLL_INTERVAL_MS: '500' } });
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);

    const loanSession = await api.liveSession(organiser, 'bank_enterprise');
    eventId = loanSession.eventId;
    eventName = (await api.call<{ name: string }>('GET', `/events/${eventId}`, undefined, organiser.token)).name;
    const goodsSession = await liveSessionIn('upstream_downstream');
    const [enterprise, buyer] = await Promise.all([api.organisation(organiser, 'enterprise'), api.organisation(organiser, 'enterprise')]);
    [bank, supplier] = await Promise.all([api.organisation(organiser, 'bank'), api.organisation(organiser, 'enterprise')]);
    await api.participate(enterprise, organiser, loanSession.id, 'borrower');
    await api.participate(bank, organiser, loanSession.id, 'lender');
    await api.participate(supplier, organiser, goodsSession.id, 'supplier');
    await api.participate(buyer, organiser, goodsSession.id, 'buyer');

    loanReportId = await signed(
      loanSession.id,
      {
        kind: 'loan',
        title: LOAN,
        amount: 20_000_000,
        termMonths: 12,
        keyTerms: '年利率3.45%，按月付息，到期还本',
        parties: [
          { organisationId: enterprise.organisationId, role: 'borrower' },
          { organisationId: bank.organisationId, role: 'lender' },
        ],
      },
      [enterprise, bank],
    );
    supplyReportId = await signed(
      goodsSession.id,
      {
        kind: 'supply_contract',
        title: SUPPLY,
        amount: 18_000_000,
        product: 'steel',
        quantity: 5000,
        unit: '吨',
        keyTerms: '分批交货，货到验收后付款',
        parties: [
          { organisationId: supplier.organisationId, role: 'supplier' },
          { organisationId: buyer.organisationId, role: 'buyer' },
        ],
      },
      [buyer, supplier],
    );
    // The supplier's first delivery report fell due two working days ago.
    await dueOn(supplyReportId, addWorkingDays(today(), -2));

    browser = await launchBrowser();
    contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })));
    [desk, bankPage, supplierPage] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [desk, bankPage, supplierPage]) watchErrors(page, pageErrors);
    await login(desk, server.url, ADMIN.email, ADMIN.password);
    await login(bankPage, server.url, bank.email, E2E_PASSWORD);
    await login(supplierPage, server.url, supplier.email, E2E_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await server?.stop();
  });

  it('reminds the bank in the bell, which files its report with a disbursement and an evidence PDF, and the loan turns on time', async () => {
    await withScreenshots('follow-up-reminder', pages, async () => {
      // The bank has the app open (its 待办 has nothing due soon yet) when its first report comes within two working days.
      await bankPage.goto(`${server.url}/my/todo`);
      await bankPage.getByTestId('todo-item').filter({ hasText: LOAN }).first().waitFor();
      expect(await bankPage.locator('[data-testid="todo-item"][data-timing="due_soon"]').count()).toBe(0);
      // It moves on to its agreements; the bell in the header stays.
      await bankPage.goto(`${server.url}/my/agreements`);
      // The bell shows what the bank has unread so far (its participation, the loan to sign, the loan signed).
      const { unread: unreadBefore } = await api.call<{ unread: number }>('GET', '/me/notifications/count', undefined, bank.token);
      expect(unreadBefore).toBeGreaterThan(0);
      await bankPage.locator(`[data-testid="notification-badge"][data-count="${unreadBefore}"]`).waitFor();
      const due = countWorkingDays(today(), 2).day;
      await dueOn(loanReportId, due);

      await openTracking('agreements');
      await trackingRow(LOAN, 'due_soon').waitFor();
      await shot(desk, '1-tracking-due-soon');

      // The sweep reminds it; the bell counts it without a reload.
      await bankPage.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="notification-badge"]')?.getAttribute('data-count')) > before,
        unreadBefore,
        { timeout: SWEEP_WAIT_MS, polling: 250 },
      );
      await bankPage.getByTestId('notification-bell').click();
      const reminder = bankPage.locator('[data-testid="notification-item"][data-read="false"]').filter({ hasText: '提醒' }).filter({ hasText: LOAN });
      await reminder.waitFor();
      expect(await reminder.innerText()).toContain(due);
      await shot(bankPage, '2-bell-reminder');
      await reminder.click();
      await bankPage.waitForURL('**/my/todo');

      // 待办: the report due soon, filed with a disbursement line and the voucher as evidence.
      const item = bankPage.locator('[data-testid="todo-item"][data-timing="due_soon"]').filter({ hasText: LOAN });
      await item.getByTestId('todo-file').click();
      const form = modal(bankPage);
      await form.getByTestId('report-form').waitFor();
      await form.getByTestId('report-add-line').click();
      const line = form.getByTestId('report-line').first();
      await pick(bankPage, line.getByTestId('report-line-kind'), '放款');
      await line.locator('.ant-input-number input').fill('20000000');
      // The line's date starts at today in the event's zone.
      expect(await line.locator('.ant-picker input').inputValue()).toBe(today());
      await form.getByTestId('report-narrative').fill('已按合同足额放款 2000 万元，资金已划入企业账户。');
      await form.locator('input[type="file"]').setInputFiles({ name: '放款凭证.pdf', mimeType: 'application/pdf', buffer: evidencePdf() });
      await form.getByTestId('evidence-item').filter({ hasText: '放款凭证.pdf' }).waitFor();
      await shot(bankPage, '3-report-form');
      await clickSettled(form.getByTestId('report-submit'));
      await form.waitFor({ state: 'detached' });
      await bankPage.locator('[data-testid="todo-item"][data-timing="due_soon"]').filter({ hasText: LOAN }).waitFor({ state: 'detached' });

      // Filed as entered: the disbursement in the ledger, the voucher kept as evidence.
      const { obligation, reports } = await api.call<ObligationReports>('GET', `/obligations/${loanReportId}/reports`, undefined, organiser.token);
      expect(obligation).toMatchObject({ state: 'submitted', timing: 'on_time' });
      expect(reports.map((r) => r.lines.map((l) => [l.kind, l.amount, l.occurredOn]))).toEqual([[['disbursed', 20_000_000, today()]]]);
      const evidence = await api.call<EvidenceFile[]>('GET', `/obligations/${loanReportId}/evidence`, undefined, organiser.token);
      expect(evidence.map((e) => [e.name, e.contentType, e.size])).toEqual([['放款凭证.pdf', 'application/pdf', evidencePdf().length]]);

      // The organiser's tab: the loan's next report is weeks away, so it is on time.
      await openTracking('agreements');
      await trackingRow(LOAN, 'on_time').waitFor();
      await shot(desk, '4-tracking-on-time');
      expect(pageErrors).toEqual([]);
    });
  }, 180_000);

  it('puts the overdue supplier under a supervision notice, lapses it, names it in a notice of criticism, and shows it rectified once it files', async () => {
    await withScreenshots('follow-up-supervision', pages, async () => {
      // The organiser picks the overdue supply contract in the tab and issues 督办 (5 working days by default).
      await openTracking('agreements');
      const row = trackingRow(SUPPLY, 'overdue');
      await row.waitFor();
      await row.locator('input[type="checkbox"]').check();
      await desk.getByTestId('tracking-supervise').click();
      await clickSettled(desk.getByTestId('supervision-issue-ok'));
      await trackingRow(SUPPLY, 'under_supervision').waitFor();
      await shot(desk, '5-tracking-under-supervision');

      // The supplier sees the notice on 待办 and acknowledges it.
      const [notice] = await api.call<SupervisionNotice[]>('GET', '/me/supervision-notices', undefined, supplier.token);
      expect(notice).toMatchObject({ obligationId: supplyReportId, state: 'issued' });
      await supplierPage.goto(`${server.url}/my/todo`);
      const mine = supplierPage.getByTestId(`my-supervision-${notice.id}`);
      await mine.waitFor();
      await shot(supplierPage, '6-todo-supervision');
      await supplierPage.getByTestId(`acknowledge-${notice.id}`).click();
      await clickSettled(supplierPage.locator('.ant-modal-confirm .ant-btn-primary'));
      await supplierPage.getByTestId(`acknowledge-${notice.id}`).waitFor({ state: 'detached' });

      // The deadline passes without a report; the sweep lapses the notice and the supplier becomes a candidate for 通报.
      const yesterday = addWorkingDays(today(), -1);
      await db.query(`UPDATE supervision_notice SET "deadlineOn" = $2, "deadlineAt" = $3 WHERE id = $1`, [notice.id, yesterday, dueInstant(yesterday, ZONE)]);
      const deadline = Date.now() + SWEEP_WAIT_MS;
      for (;;) {
        const candidates = await api.call<CriticismCandidate[]>('GET', `/events/${eventId}/criticism/candidates`, undefined, organiser.token);
        if (candidates.some((c) => c.organisationId === supplier.organisationId)) break;
        if (Date.now() > deadline) throw new Error('the sweep did not lapse the supervision notice within a minute');
        await new Promise((r) => setTimeout(r, 1000));
      }

      // The organiser names the supplier in a notice of criticism, after confirming.
      await openTracking('criticism');
      await desk.getByTestId(`criticism-candidate-${supplier.organisationId}`).check();
      await desk.getByTestId('criticism-title').fill(`关于未按期报送履约情况的通报 ${stamp}`);
      await desk.getByTestId('criticism-body').fill('经督办仍未按期报送供货合同履约情况，予以通报，请立即整改。');
      await desk.getByTestId('criticism-publish').click();
      await clickSettled(desk.getByTestId('criticism-confirm'));
      const published = desk.locator('[data-testid^="criticism-notice-"]').filter({ hasText: `关于未按期报送履约情况的通报 ${stamp}` });
      await published.getByTestId(`criticism-named-${supplier.organisationId}`).waitFor();
      await shot(desk, '7-criticism-published');

      // The supplier files its delivery report from 待办 (the lapsed notice is shown there).
      await supplierPage.reload();
      await supplierPage.getByTestId(`my-supervision-${notice.id}`).filter({ hasText: '逾期' }).waitFor();
      await supplierPage.locator('[data-testid="todo-item"][data-timing="overdue"]').filter({ hasText: SUPPLY }).getByTestId('todo-file').click();
      const form = modal(supplierPage);
      await form.getByTestId('report-narrative').fill('首批 1000 吨螺纹钢已交付并验收，后续批次按计划供货。');
      await clickSettled(form.getByTestId('report-submit'));
      await form.waitFor({ state: 'detached' });

      // The published notice now shows the supplier rectified, no longer named.
      await openTracking('criticism');
      await published.getByTestId(`criticism-rectified-${supplier.organisationId}`).waitFor();
      expect(await published.getByTestId(`criticism-named-${supplier.organisationId}`).count()).toBe(0);
      expect(await published.innerText()).toContain('整改');
      await shot(desk, '8-criticism-rectified');
      expect(pageErrors).toEqual([]);
    });
  }, 180_000);
});
