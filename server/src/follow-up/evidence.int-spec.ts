import type { EvidenceFile } from '@duijie/shared';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { TestApp, type Actor } from '../testing/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(4096, 0xab)]);
/** A Windows program (MZ header) renamed to look like a PDF. */
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(1024, 0)]);

describe('evidence files on report obligations (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let outsider: Actor;
  let store: FileStore;
  let filesDir: string;
  let eventId: string;
  let sessionId: string;
  let agreementId: string;

  const get = (actor: Actor, path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' });
  const upload = (actor: Actor, obligationId: string, data: Buffer, filename: string, contentType: string) =>
    t.http.post(`/api/obligations/${obligationId}/evidence`).auth(actor.token, { type: 'bearer' }).attach('file', data, { filename, contentType });
  /** Binary bodies as Buffers, whatever their type. */
  const bytes = (res: { body: unknown }) => res.body as Buffer;
  const download = (actor: Actor, id: string) =>
    get(actor, `/evidence/${id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  /** A report the enterprise owes on its agreement with the bank (as a schedule would owe it). */
  let seq = 0;
  async function owed(state = 'open'): Promise<string> {
    seq += 1;
    const [row] = await t.dataSource.query(
      `INSERT INTO obligation (kind, "eventId", "sessionId", "organisationId", "subjectType", "subjectId", "subjectTitle", step, seq, "dueOn", "dueAt", state)
       VALUES ('agreement_report', $1, $2, $3, 'agreement', $4, '技改项目贷款合同', 'progress', $6, '2026-12-31', '2026-12-31T16:00:00Z', $5) RETURNING id`,
      [eventId, sessionId, enterprise.organisationId, agreementId, state, seq],
    );
    return (row as { id: string }).id;
  }
  const evidenceFiles = async () => readdir(join(filesDir, 'evidence')).catch(() => [] as string[]);

  beforeAll(async () => {
    t = await TestApp.start();
    store = t.app.get<FileStore>(FILE_STORE);
    filesDir = join(t.app.get<AppConfig>(APP_CONFIG).dataDir, 'files');
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, bank, outsider] = await Promise.all([t.organisation('enterprise'), t.organisation('bank'), t.organisation('enterprise')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(outsider, organiser, sessionId, 'borrower');
    agreementId = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(enterprise.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title: '技改项目贷款合同',
          amount: 30_000_000,
          termMonths: 24,
          keyTerms: '按季付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body.id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('accepts a PDF and a PNG from the owing organisation, lists them, and gives them back byte for byte', async () => {
    const obligationId = await owed();
    const pdf: EvidenceFile = (await upload(enterprise, obligationId, PDF, '第一季度进展报告.pdf', 'application/pdf').expect(201)).body;
    expect(pdf).toMatchObject({ obligationId, name: '第一季度进展报告.pdf', contentType: 'application/pdf', size: PDF.length });
    const png: EvidenceFile = (await upload(enterprise, obligationId, PNG, 'site-photo.png', 'image/png').expect(201)).body;
    expect(png).toMatchObject({ contentType: 'image/png', size: PNG.length });

    for (const reader of [enterprise, bank, organiser]) {
      const list: EvidenceFile[] = (await get(reader, `/obligations/${obligationId}/evidence`).expect(200)).body;
      expect(list.map((e) => e.id)).toEqual([pdf.id, png.id]);
    }
    const a = await download(bank, pdf.id).expect(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['content-disposition']).toBe(`attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent('第一季度进展报告.pdf')}`);
    expect(bytes(a).equals(PDF)).toBe(true);
    const b = await download(organiser, png.id).expect(200);
    expect(b.headers['content-type']).toBe('image/png');
    expect(bytes(b).equals(PNG)).toBe(true);
    expect((await store.get(`evidence/${png.id}`))?.equals(PNG)).toBe(true);

    const [audit] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'obligation.evidence_added' AND "entityId" = $1`, [
      obligationId,
    ]);
    expect(audit.n).toBe(2);
  });

  it('refuses a file over 10 MB (413 file_too_large) and a renamed program (400), naming the field', async () => {
    const obligationId = await owed();
    const big = await upload(enterprise, obligationId, Buffer.alloc(20 * 1024 * 1024, 0x25), 'scan.pdf', 'application/pdf').expect(413);
    expect(big.body).toMatchObject({ code: 'file_too_large', fields: [{ field: 'file' }] });
    const exe = await upload(enterprise, obligationId, EXE, 'report.pdf', 'application/pdf').expect(400);
    expect(exe.body).toMatchObject({ code: 'invalid_input', fields: [{ field: 'file' }] });
    expect(exe.body.message).toContain('only PDF, PNG and JPEG');
    const none = await t.http.post(`/api/obligations/${obligationId}/evidence`).auth(enterprise.token, { type: 'bearer' }).send({}).expect(400);
    expect(none.body).toMatchObject({ fields: [{ field: 'file' }] });
    expect((await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body).toEqual([]);
  });

  it('lets only the owing organisation upload, and only the parties and organisers read', async () => {
    const obligationId = await owed();
    const mine: EvidenceFile = (await upload(enterprise, obligationId, PDF, 'a.pdf', 'application/pdf').expect(201)).body;
    expect((await upload(bank, obligationId, PDF, 'b.pdf', 'application/pdf').expect(403)).body.code).toBe('forbidden');
    await upload(organiser, obligationId, PDF, 'c.pdf', 'application/pdf').expect(403);
    await upload(outsider, obligationId, PDF, 'd.pdf', 'application/pdf').expect(403);
    await download(outsider, mine.id).expect(404);
    await get(outsider, `/obligations/${obligationId}/evidence`).expect(404);
    await download(organiser, mine.id).expect(200);
    // Removing: not the other party, not organisers; the uploader may.
    await t.http.delete(`/api/evidence/${mine.id}`).auth(bank.token, { type: 'bearer' }).expect(403);
    await t.http.delete(`/api/evidence/${mine.id}`).auth(organiser.token, { type: 'bearer' }).expect(403);
    await t.http.delete(`/api/evidence/${mine.id}`).auth(enterprise.token, { type: 'bearer' }).expect(204);
    await download(enterprise, mine.id).expect(404);
    expect(await store.get(`evidence/${mine.id}`)).toBeNull();
  });

  it('takes evidence only while the report is open or returned, and at most 10 files', async () => {
    const filed = await owed('submitted');
    expect((await upload(enterprise, filed, PDF, 'late.pdf', 'application/pdf').expect(409)).body.code).toBe('not_owed');
    const returned = await owed('returned');
    await upload(enterprise, returned, PDF, 'again.pdf', 'application/pdf').expect(201);

    const obligationId = await owed();
    for (let i = 1; i <= 10; i++) await upload(enterprise, obligationId, PNG, `photo-${i}.png`, 'image/png').expect(201);
    const eleventh = await upload(enterprise, obligationId, PNG, 'photo-11.png', 'image/png').expect(400);
    expect(eleventh.body).toMatchObject({ fields: [{ field: 'file' }] });
    expect(eleventh.body.message).toContain('at most 10');
    expect((await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body).toHaveLength(10);
    // Once filed, the evidence stays as it was.
    const [first] = (await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body as EvidenceFile[];
    await t.dataSource.query(`UPDATE obligation SET state = 'submitted' WHERE id = $1`, [obligationId]);
    expect((await t.http.delete(`/api/evidence/${first.id}`).auth(enterprise.token, { type: 'bearer' }).expect(409)).body.code).toBe('not_owed');
  });

  it('leaves no file on disk when the transaction fails', async () => {
    const obligationId = await owed();
    const before = await evidenceFiles();
    const put = jest.spyOn(store, 'put');
    jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit down'));
    await upload(enterprise, obligationId, PDF, 'lost.pdf', 'application/pdf').expect(500);
    // The file was written before the transaction, and deleted when it failed.
    expect(put).toHaveBeenCalledTimes(1);
    expect(await store.get(put.mock.calls[0][0])).toBeNull();
    expect(await evidenceFiles()).toEqual(before);
    expect((await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body).toEqual([]);
  });

  it('answers a retried upload of the same file with the file already attached, storing and auditing it once', async () => {
    const obligationId = await owed();
    const before = await evidenceFiles();
    const first: EvidenceFile = (await upload(enterprise, obligationId, PDF, '放款凭证.pdf', 'application/pdf').expect(201)).body;
    const retry: EvidenceFile = (await upload(enterprise, obligationId, PDF, '放款凭证.pdf', 'application/pdf').expect(201)).body;
    expect(retry).toEqual(first);
    expect((await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body).toEqual([first]);
    expect((await evidenceFiles()).length).toBe(before.length + 1);
    const [audit] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'obligation.evidence_added' AND "entityId" = $1`, [
      obligationId,
    ]);
    expect(audit.n).toBe(1);
    // The same bytes under another name are another file.
    await upload(enterprise, obligationId, PDF, '放款凭证（盖章版）.pdf', 'application/pdf').expect(201);
    expect((await get(enterprise, `/obligations/${obligationId}/evidence`).expect(200)).body).toHaveLength(2);
  });
});
