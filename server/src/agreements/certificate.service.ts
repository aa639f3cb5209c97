import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  categoryLabel,
  DEFAULT_EVENT_TIME_ZONE,
  formatCny,
  verifyInclusion,
  type Agreement,
  type AgreementVerification,
  type AuditInclusionProof,
  type SignedTreeHead,
} from '@duijie/shared';
import QRCode from 'qrcode';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { leafData, recordLeafHash } from '../audit/audit-leaf';
import { AuditSequencerService } from '../audit/audit-sequencer.service';
import { AuditTreeService } from '../audit/audit-tree.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { Conflict, NotFound } from '../common/errors';
import { beijingTime as at, createPdf, PDF_COLOURS, pdfTitle, stampFooters } from '../common/pdf';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AgreementsService } from './agreements.service';
import { AgreementEntity, AgreementPartyEntity, AgreementSignatureEntity } from './agreement.entity';
import { FULLY_SIGNED_ACTION, tamperFindings, TERMS_ACTIONS, type AuditedAgreement } from './agreement-integrity';
import { KIND_ZH, ROLE_ZH, SESSION_KIND_ZH, STEP_ZH } from './certificate.labels';

const SIGNED = ['signed', 'confirmed'];

type Step = { id: string; at: Date; action: string; actor: string | null; organisation: string | null; leafHash: string; position: string | null };

/** The records whose place in the log a certificate proves: each signature and the completed signing. */
const SIGNING_ACTIONS = ['agreement.signed', FULLY_SIGNED_ACTION];

/**
 * The printable certificate of a signed agreement (PDF): parties, terms, the content hash,
 * the signature timeline from the audit log, and a link (and QR code) anyone holding the
 * certificate can use to check it against the platform.
 */
@Injectable()
export class CertificateService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly tree: AuditTreeService,
    private readonly sequencer: AuditSequencerService,
  ) {}

  /** GET /api/audit/verify also recomputes every agreement's terms against what the chain recorded. */
  onModuleInit(): void {
    this.audit.registerContentCheck(() => this.checkAll());
  }

  /** What the chain recorded about these agreements' terms and signing. */
  private async audited(ids: string[]): Promise<Map<string, AuditedAgreement & { signedRecordId: string | null }>> {
    const terms = await this.audit.latestData('agreement', TERMS_ACTIONS, ids);
    const signed = await this.audit.latestData('agreement', [FULLY_SIGNED_ACTION], ids);
    const hashOf = (d: { data: Record<string, unknown> | null } | undefined) => (typeof d?.data?.contentHash === 'string' ? d.data.contentHash : null);
    return new Map(
      ids.map((id) => [id, { termsHash: hashOf(terms.get(id)), signedHash: hashOf(signed.get(id)), signedRecordId: signed.get(id)?.recordId ?? null }]),
    );
  }

  /** Every agreement, a thousand at a time: the first whose row no longer matches the chain. */
  private async checkAll(): Promise<{ checked: number; broken: { entityType: string; entityId: string; reason: string } | null }> {
    let checked = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.getRepository(AgreementEntity).find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: 1000 });
      if (rows.length === 0) break;
      const ids = rows.map((a) => a.id);
      const parties = await this.dataSource.getRepository(AgreementPartyEntity).find({ where: { agreementId: In(ids) } });
      const signatures = await this.dataSource.getRepository(AgreementSignatureEntity).find({ where: { agreementId: In(ids), voidedAt: IsNull() } });
      const audited = await this.audited(ids);
      for (const a of rows) {
        const findings = tamperFindings(
          a,
          parties.filter((p) => p.agreementId === a.id),
          signatures.filter((x) => x.agreementId === a.id),
          audited.get(a.id)!,
        );
        if (findings.length > 0)
          return {
            checked,
            broken: {
              entityType: 'agreement',
              entityId: a.id,
              reason: `the agreement no longer matches what the audit log recorded (${findings.join(', ')})`,
            },
          };
        checked += 1;
      }
      afterId = ids[ids.length - 1];
    }
    return { checked, broken: null };
  }

  verificationUrl(a: Pick<Agreement, 'id' | 'contentHash'>): string {
    return `${this.config.publicUrl}/verify/${a.id}?hash=${a.contentHash}`;
  }

  /**
   * Public: answers for a signed agreement whose id and content hash match, the row or the
   * hash the chain recorded at signing. Recomputes the terms and proves the signing record
   * up to a signed head: a row changed in the database answers 'tampered', never 'valid'.
   */
  async verify(id: string, hash: string): Promise<AgreementVerification> {
    const a = await this.dataSource.getRepository(AgreementEntity).findOne({ where: { id } });
    if (!a) throw new NotFound('Signed agreement with this content hash');
    const audited = (await this.audited([id])).get(id)!;
    const signed = SIGNED.includes(a.status) || audited.signedHash !== null;
    if (!signed || (hash !== a.contentHash && hash !== audited.signedHash)) throw new NotFound('Signed agreement with this content hash');
    const partyRows = await this.dataSource.getRepository(AgreementPartyEntity).find({ where: { agreementId: id } });
    const live = await this.dataSource.getRepository(AgreementSignatureEntity).find({ where: { agreementId: id, voidedAt: IsNull() } });
    const findings = tamperFindings(a, partyRows, live, audited);
    // The signing records' places in the log, proven against the latest signed tree head (which the
    // sequencer signs every few seconds: until then a just-signed agreement has no proof yet).
    const treeHead = await this.tree.latest();
    // A tree node missing from the database (removed) leaves no path to prove: tampered, not a 500.
    const proofs = treeHead && this.tree.signatureValid(headRow(treeHead)) ? await this.proofs(id, treeHead).catch(() => null) : [];
    if (proofs === null || proofs.some((p) => !verifyInclusion(p.leafHash, p.position, treeHead!.size, p.path, treeHead!.rootHash)))
      findings.push('audit_record_changed');
    const parties: { name: string; role: AgreementVerification['parties'][number]['role']; signedAt: Date }[] = await this.dataSource.query(
      `SELECT o.name, p.role, s."signedAt" FROM agreement_party p
         JOIN organisation o ON o.id = p."organisationId"
         JOIN agreement_signature s ON s."partyId" = p.id AND s."voidedAt" IS NULL
        WHERE p."agreementId" = $1 ORDER BY s."signedAt"`,
      [id],
    );
    const [event]: { name: string; timeZone: string }[] = await this.dataSource.query(`SELECT name, "timeZone" FROM match_event WHERE id = $1`, [a.eventId]);
    return {
      integrity: findings.length === 0 ? 'valid' : 'tampered',
      findings,
      treeHead,
      proofs: proofs ?? [],
      agreementId: a.id,
      eventName: event?.name ?? '',
      timeZone: event?.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
      title: a.title,
      kind: a.kind,
      amount: a.amount,
      status: a.status,
      contentHash: a.contentHash,
      parties: parties.map((p) => ({ name: p.name, role: p.role, signedAt: p.signedAt.toISOString() })),
      signedAt: (a.signedAt ?? a.updatedAt).toISOString(),
      confirmedAt: a.confirmedAt ? a.confirmedAt.toISOString() : null,
    };
  }

  /**
   * The agreement's signing records placed in the log under `head`, each with its leaf (recomputed
   * from the stored record, so a changed record fails its proof) and its audit path.
   */
  private async proofs(id: string, head: SignedTreeHead): Promise<AuditInclusionProof[]> {
    const rows: {
      id: string;
      at: Date;
      actorUserId: string | null;
      action: string;
      entityType: string;
      entityId: string;
      data: Record<string, unknown> | null;
      position: string;
    }[] = await this.dataSource.query(
      `SELECT id::text AS id, at, "actorUserId", action, "entityType", "entityId", data, position::text AS position FROM audit_record
          WHERE "entityType" = 'agreement' AND "entityId" = $1 AND action = ANY($2) AND position < $3 ORDER BY position`,
      [id, SIGNING_ACTIONS, head.size],
    );
    const paths = await this.tree.inclusionProofs(
      rows.map((r) => Number(r.position)),
      head.size,
    );
    return rows.map((r) => ({
      recordId: r.id,
      action: r.action,
      position: Number(r.position),
      leafData: leafData(r),
      leafHash: recordLeafHash(r),
      path: paths.get(Number(r.position)) ?? [],
    }));
  }

  /** The certificate of an agreement the principal may read, once every party has signed. */
  async render(principal: Principal, id: string): Promise<{ filename: string; pdf: Buffer }> {
    const a = await this.agreements.get(principal, id);
    if (!SIGNED.includes(a.status)) throw new Conflict('not_signed', 'A certificate is issued once every party has signed');
    const [context]: { eventName: string; sessionTitle: string; sessionKind: keyof typeof SESSION_KIND_ZH }[] = await this.dataSource.query(
      `SELECT e.name AS "eventName", s.title AS "sessionTitle", s.kind AS "sessionKind"
         FROM match_session s JOIN match_event e ON e.id = s."eventId" WHERE s.id = $1`,
      [a.sessionId],
    );
    const codes: { id: string; creditCode: string }[] = await this.dataSource.query(`SELECT id, "creditCode" FROM organisation WHERE id = ANY($1)`, [
      a.parties.map((p) => p.organisationId),
    ]);
    // The certificate proves its signing records are in the log: they are placed, and a tree head covering them signed, now if need be.
    // Under a burst the log may take longer than sequenceNow waits: the PDF then marks those steps 待入日志 instead of failing.
    await this.sequencer.sequenceNow().catch(() => undefined);
    const head = await this.tree.signCurrent();
    const steps: Step[] = await this.dataSource.query(
      `SELECT r.id::text AS id, r.at, r.action, u."displayName" AS actor, o.name AS organisation, r."leafHash", r.position::text AS position
         FROM audit_record r
         LEFT JOIN app_user u ON u.id = r."actorUserId"
         LEFT JOIN organisation o ON o.id = u."organisationId"
        WHERE r."entityType" = 'agreement' AND r."entityId" = $1 AND r.action = ANY($2)
        ORDER BY r.position NULLS LAST, r.id`,
      // The signing and the ledger's steps; follow-up (a report every few weeks) has its own pages.
      [id, Object.keys(STEP_ZH)],
    );
    const proofs = head ? await this.proofs(id, head).catch(() => []) : [];
    const pdf = await this.draw(a, context, new Map(codes.map((c) => [c.id, c.creditCode])), steps, head, proofs);
    return { filename: `agreement-${a.id}.pdf`, pdf };
  }

  private async draw(
    a: Agreement,
    context: { eventName: string; sessionTitle: string; sessionKind: keyof typeof SESSION_KIND_ZH },
    creditCodes: Map<string, string>,
    steps: Step[],
    head: SignedTreeHead | null,
    proofs: AuditInclusionProof[],
  ): Promise<Buffer> {
    const { doc, done } = createPdf({ Title: `签约证书 · ${a.title}`, Author: 'Duijie 对接', Subject: a.contentHash });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const { grey, ink, accent } = PDF_COLOURS;

    pdfTitle(doc, '签约证书', 'Certificate of a signed agreement', 22);
    doc.moveDown(0.4).fontSize(12).fillColor(ink).text(context.eventName, { align: 'center' });
    doc.moveDown(0.8);

    const heading = (zh: string, en: string) => {
      doc.moveDown(0.6).font('bold').fontSize(12).fillColor(accent).text(zh, { continued: true }).font('regular').fontSize(9).fillColor(grey).text(`  ${en}`);
      const y = doc.y + 2;
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.5)
        .strokeColor('#cccccc')
        .stroke();
      doc.moveDown(0.4);
    };
    const field = (label: string, value: string, labelWidth = 90) => {
      const y = doc.y;
      doc.font('regular').fontSize(10).fillColor(grey).text(label, left, y, { width: labelWidth });
      doc.fillColor(ink).text(value, left + labelWidth + 6, y, { width: width - labelWidth - 6 });
      doc.x = left;
      doc.moveDown(0.25);
    };

    heading('协议条款', 'Terms');
    field('协议名称', a.title);
    field('协议类型', KIND_ZH[a.kind]);
    field('所属专场', `${context.sessionTitle}（${SESSION_KIND_ZH[context.sessionKind]}）`);
    field('协议金额', `${formatCny(a.amount)}（人民币 ${a.amount.toLocaleString('zh-CN')} 元）`);
    if (a.product) field('产品与数量', `${categoryLabel(a.product, 'zh-CN')} · ${a.quantity ?? ''} ${a.unit ?? ''}`);
    if (a.termMonths) field('期限', `${a.termMonths} 个月`);
    field('主要条款', a.keyTerms);

    heading('签约各方', 'Parties');
    for (const p of a.parties) {
      field(
        ROLE_ZH[p.role],
        `${p.organisationName}\n统一社会信用代码 ${creditCodes.get(p.organisationId) ?? ''}\n${p.signature ? `${at(p.signature.signedAt)} 由 ${p.signature.userName} 签署` : '未签署'}`,
      );
    }

    heading('签署记录', 'Signature timeline (from the audit log)');
    for (const step of steps) {
      const who = step.actor ? `${step.organisation ?? ''} ${step.actor}`.trim() : '';
      const place = step.position === null ? '待入日志' : `日志位置 #${step.position}`;
      field(at(step.at), `${STEP_ZH[step.action] ?? step.action}${who ? ` · ${who}` : ''}\n${place} · 叶哈希 ${step.leafHash.slice(0, 16)}…`, 130);
    }

    heading('内容摘要与核验', 'Content hash and verification');
    doc.font('regular').fontSize(10).fillColor(grey).text('各方签署的条款内容摘要（SHA-256）：');
    doc.fillColor(ink).fontSize(9.5).text(a.contentHash);
    doc.moveDown(0.6);
    const url = this.verificationUrl(a);
    const qrSize = 96;
    if (doc.y + qrSize > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    drawQr(doc, url, left, top, qrSize);
    doc
      .fontSize(10)
      .fillColor(grey)
      .text('扫描二维码或访问以下链接，核验本证书与平台记录一致：', left + qrSize + 14, top, { width: width - qrSize - 14 });
    doc
      .fillColor('#0b57d0')
      .fontSize(9)
      .text(url, { width: width - qrSize - 14, link: url });
    doc.x = left;
    doc.y = Math.max(doc.y, top + qrSize) + 8;

    // The signed tree head and the audit path: anyone can check later, with the platform's public key
    // and RFC 9162, that the signing is in the log, without trusting its database.
    // Kept on one page: a field's label and value must not be split by a page break.
    if (doc.y + 170 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    heading('审计日志签名树头', 'Signed tree head of the audit log (Ed25519, RFC 9162)');
    if (head) {
      field('日志记录数', String(head.size), 110);
      field('默克尔根', head.rootHash, 110);
      field('签名时间', `${at(head.signedAt)}（${head.signedAt}）`, 110);
      field('公钥指纹', groups(head.keyFingerprint), 110);
      field('签名', head.signature, 110);
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(grey)
        .text(
          `公钥与最新签名树头：${this.config.publicUrl}/api/audit/tree-head。签名内容为 “duijie-audit-tree-head/v1\\n记录数\\n默克尔根\\n签名时间”。`,
          left,
          doc.y,
          { width },
        );
      const completed = proofs.find((p) => p.action === FULLY_SIGNED_ACTION) ?? proofs[proofs.length - 1];
      if (completed) {
        if (doc.y + 60 + completed.path.length * 11 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        heading('包含证明', 'Inclusion proof of the completed signing (RFC 9162 audit path)');
        field('签署记录位置', proofs.map((p) => `#${p.position}（${STEP_ZH[p.action] ?? p.action}）`).join('、'), 110);
        field('叶哈希', completed.leafHash, 110);
        field('审计路径', completed.path.length > 0 ? completed.path.map((h, i) => `${i + 1}. ${h}`).join('\n') : '（日志仅此一条记录）', 110);
      }
    } else {
      doc.font('regular').fontSize(10).fillColor(grey).text('审计日志尚无签名树头。', left, doc.y, { width });
    }

    // Footer on every page: when it was printed and the page number.
    const printed = at(new Date());
    stampFooters(doc, (page, pages) => `对接 Duijie · 证书生成于 ${printed}（北京时间） · 第 ${page} / ${pages} 页`);
    doc.end();
    return done;
  }
}

/** A signed head as its row, to check its signature. */
function headRow(head: SignedTreeHead) {
  return { size: String(head.size), rootHash: head.rootHash, signedAt: head.signedAt, keyFingerprint: head.keyFingerprint, signature: head.signature };
}

/** A fingerprint in groups of four, as people read them aloud. */
function groups(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/** Draws the QR code of `text` as vector squares, so it prints sharp at any size. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save().fillColor('#000000');
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}
