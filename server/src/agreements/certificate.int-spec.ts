import type { Agreement, AgreementVerification, AuditHeadInfo } from '@duijie/shared';
import { verify as verifySignature } from 'node:crypto';
import { pdfText } from '../testing/pdf-text';
import { hashLeaf, verifyInclusion } from '../testing/rfc9162-verifier';
import { contentHashOf } from './agreements.service';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';

describe('agreement certificate (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let signed: Agreement;
  let drafting: Agreement;

  const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const certificate = (actor: Actor, id: string) =>
    t.http
      .get(`/api/agreements/${id}/certificate.pdf`)
      .auth(actor.token, { type: 'bearer' })
      .buffer(true)
      .parse(binary as never);

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    const sessionId = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    borrower = await t.organisation('enterprise', { name: '西宁特殊钢股份有限公司' });
    bank = await t.organisation('bank', { name: '中国工商银行青海省分行' });
    otherBank = await t.organisation('bank');
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    const parties = [
      { organisationId: borrower.organisationId, role: 'borrower' },
      { organisationId: bank.organisationId, role: 'lender' },
    ];
    const draft = (title: string) =>
      t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({ kind: 'loan', title, amount: 120_000_000, termMonths: 36, keyTerms: '年利率3.85%，按季付息，到期还本；以厂房设备抵押。', parties })
        .expect(201);
    signed = (await draft('技改项目贷款合同')).body;
    drafting = (await draft('流动资金贷款合同')).body;
    for (const actor of [borrower, bank]) {
      await t.http.post('/api/auth/step-up').auth(actor.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
      signed = (
        await t.http.post(`/api/agreements/${signed.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: signed.contentHash }).expect(200)
      ).body;
    }
  });
  afterAll(() => t.close());

  it('prints the parties, terms, content hash, signature timeline and verification link in Chinese', async () => {
    const res = await certificate(borrower, signed.id).expect(200).expect('content-type', 'application/pdf');
    const { text, pages } = pdfText(res.body as Buffer);
    const flat = text.replace(/\s+/g, '');
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const expected of [
      '签约证书',
      '技改项目贷款合同',
      '贷款合同',
      '1.2亿元',
      '120,000,000',
      '西宁特殊钢股份有限公司',
      '中国工商银行青海省分行',
      '年利率3.85%',
      '36个月',
      '起草',
      '签署',
      '各方签署完成',
      signed.contentHash,
    ]) {
      expect(flat).toContain(expected.replace(/\s+/g, ''));
    }
    expect(flat).toContain(`/verify/${signed.id}?hash=${signed.contentHash}`);
    // Each party's signer is named with the time (Beijing) they signed.
    expect(text.match(/由 测试管理员 签署/g)).toHaveLength(2);
  });

  it('is issued only for a signed agreement, and only to its parties and organisers', async () => {
    const notYet = await certificate(borrower, drafting.id).expect(409);
    expect(JSON.parse(notYet.body.toString()).code).toBe('not_signed');
    await certificate(otherBank, signed.id).expect(404);
    await certificate(organiser, signed.id).expect(200);
  });

  it('verifies publicly only with the matching content hash', async () => {
    const ok = await t.http.get(`/api/verify/agreements/${signed.id}?hash=${signed.contentHash}`).expect(200);
    expect(ok.body as AgreementVerification).toMatchObject({
      integrity: 'valid',
      findings: [],
      agreementId: signed.id,
      title: '技改项目贷款合同',
      amount: 120_000_000,
      status: 'signed',
      contentHash: signed.contentHash,
      timeZone: 'Asia/Shanghai',
    });
    expect((ok.body as AgreementVerification).parties.map((p) => p.name).sort()).toEqual(['中国工商银行青海省分行', '西宁特殊钢股份有限公司'].sort());
    await t.http.get(`/api/verify/agreements/${signed.id}?hash=${'0'.repeat(64)}`).expect(404);
    await t.http.get(`/api/verify/agreements/${drafting.id}?hash=${drafting.contentHash}`).expect(404);
    const bad = await t.http.get(`/api/verify/agreements/${signed.id}?hash=abc`).expect(400);
    expect(bad.body.fields[0].field).toBe('hash');
  });

  it("names the event's time zone, so the page shows the signing times on the event's clocks", async () => {
    const verify = async () => (await t.http.get(`/api/verify/agreements/${signed.id}?hash=${signed.contentHash}`).expect(200)).body as AgreementVerification;
    await t.dataSource.query(`UPDATE match_event SET "timeZone" = 'Asia/Urumqi' WHERE id = $1`, [signed.eventId]);
    try {
      expect((await verify()).timeZone).toBe('Asia/Urumqi');
    } finally {
      await t.dataSource.query(`UPDATE match_event SET "timeZone" = 'Asia/Shanghai' WHERE id = $1`, [signed.eventId]);
    }
    expect((await verify()).timeZone).toBe('Asia/Shanghai');
  });

  const verifyChain = async () => (await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200)).body;
  const check = (hash: string) => t.http.get(`/api/verify/agreements/${signed.id}?hash=${hash}`);

  it('prints a signed tree head covering the signing, whose inclusion proofs an independent verifier accepts', async () => {
    const res = await certificate(bank, signed.id).expect(200);
    const flat = pdfText(res.body as Buffer).text.replace(/\s+/g, '');
    const info = (await t.http.get('/api/audit/tree-head').expect(200)).body as AuditHeadInfo;
    const body = (await check(signed.contentHash).expect(200)).body as AgreementVerification;
    const head = body.treeHead!;
    expect(verifySignature(null, Buffer.from(head.message), info.publicKeyPem, Buffer.from(head.signature, 'base64'))).toBe(true);
    // Both signatures and the completed signing, each proven in the log (RFC 9162, not the server's code).
    expect(body.proofs.map((p) => p.action).sort()).toEqual(['agreement.fully_signed', 'agreement.signed', 'agreement.signed']);
    for (const proof of body.proofs) {
      expect(JSON.parse(proof.leafData)).toMatchObject({ entityType: 'agreement', entityId: signed.id });
      expect(hashLeaf(Buffer.from(proof.leafData))).toBe(proof.leafHash);
      expect(verifyInclusion(proof.leafHash, proof.position, head.size, proof.path, head.rootHash)).toBe(true);
    }
    const completed = body.proofs.find((p) => p.action === 'agreement.fully_signed')!;
    for (const expected of [
      '审计日志签名树头',
      head.rootHash,
      head.signature,
      info.keyFingerprint.slice(0, 4),
      '/api/audit/tree-head',
      completed.leafHash,
      `#${completed.position}`,
    ])
      expect(flat).toContain(expected);
    for (const sibling of completed.path) expect(flat).toContain(sibling);
  });

  it('answers tampered, and its proof fails, when a signing record is changed in the log', async () => {
    const [record] = await t.dataSource.query(`SELECT id::text AS id, data FROM audit_record WHERE action = 'agreement.signed' AND "entityId" = $1 LIMIT 1`, [
      signed.id,
    ]);
    await t.dataSource.query(`UPDATE audit_record SET data = jsonb_set(data, '{forged}', 'true') WHERE id = $1`, [record.id]);
    try {
      const body = (await check(signed.contentHash).expect(200)).body as AgreementVerification;
      expect(body).toMatchObject({ integrity: 'tampered', findings: expect.arrayContaining(['audit_record_changed']) });
      const proof = body.proofs.find((p) => p.recordId === record.id)!;
      expect(verifyInclusion(hashLeaf(Buffer.from(proof.leafData)), proof.position, body.treeHead!.size, proof.path, body.treeHead!.rootHash)).toBe(false);
    } finally {
      await t.dataSource.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [record.id, JSON.stringify(record.data)]);
    }
    expect((await check(signed.contentHash).expect(200)).body.integrity).toBe('valid');
  });

  it('answers tampered, not an error, when the tree nodes its proofs need are removed from the database', async () => {
    await certificate(bank, signed.id).expect(200);
    const leaves: { index: string; hash: string }[] = await t.dataSource.query(`SELECT index::text AS index, hash FROM audit_tree_node WHERE level = 0`);
    await t.dataSource.query(`DELETE FROM audit_tree_node WHERE level = 0`);
    try {
      const body = (await check(signed.contentHash).expect(200)).body as AgreementVerification;
      expect(body).toMatchObject({ integrity: 'tampered', findings: expect.arrayContaining(['audit_record_changed']), proofs: [] });
    } finally {
      await t.dataSource.query(`INSERT INTO audit_tree_node (level, index, hash) SELECT 0, * FROM unnest($1::bigint[], $2::text[])`, [
        leaves.map((l) => l.index),
        leaves.map((l) => l.hash),
      ]);
    }
    expect((await check(signed.contentHash).expect(200)).body.integrity).toBe('valid');
  });

  it('answers tampered, and the chain check fails, when the amount is changed in the database', async () => {
    await t.dataSource.query(`UPDATE agreement SET amount = 1200000000 WHERE id = $1`, [signed.id]);
    try {
      const res = await check(signed.contentHash).expect(200);
      expect(res.body).toMatchObject({ integrity: 'tampered', findings: expect.arrayContaining(['terms_changed']) });
      const chain = await verifyChain();
      expect(chain).toMatchObject({ ok: false, firstBroken: { entityType: 'agreement', id: signed.id } });
    } finally {
      await t.dataSource.query(`UPDATE agreement SET amount = 120000000 WHERE id = $1`, [signed.id]);
    }
    expect((await verifyChain()).ok).toBe(true);
  });

  it('answers tampered when the amount, the stored hash and the signatures are all rewritten to match', async () => {
    const [row] = await t.dataSource.query(`SELECT * FROM agreement WHERE id = $1`, [signed.id]);
    const parties = await t.dataSource.query(`SELECT "organisationId", role FROM agreement_party WHERE "agreementId" = $1`, [signed.id]);
    const forgedHash = contentHashOf({ ...row, amount: 1_200_000_000, quantity: null }, parties);
    await t.dataSource.query(`UPDATE agreement SET amount = 1200000000, "contentHash" = $2 WHERE id = $1`, [signed.id, forgedHash]);
    await t.dataSource.query(`UPDATE agreement_signature SET "contentHash" = $2 WHERE "agreementId" = $1`, [signed.id, forgedHash]);
    try {
      for (const hash of [signed.contentHash, forgedHash]) {
        expect((await check(hash).expect(200)).body).toMatchObject({ integrity: 'tampered', findings: expect.arrayContaining(['hash_changed']) });
      }
      expect((await verifyChain()).ok).toBe(false);
    } finally {
      await t.dataSource.query(`UPDATE agreement SET amount = 120000000, "contentHash" = $2 WHERE id = $1`, [signed.id, signed.contentHash]);
      await t.dataSource.query(`UPDATE agreement_signature SET "contentHash" = $2 WHERE "agreementId" = $1`, [signed.id, signed.contentHash]);
    }
    expect((await check(signed.contentHash).expect(200)).body.integrity).toBe('valid');
  });
});
