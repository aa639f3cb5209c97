import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditHeadInfo, SignedAuditHead } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { AuditRecord, AuditSignedHead } from './audit-record.entity';
import { AUDIT_KEY_FILE, headMessage, headSignatureValid, loadAuditSigningKey, signHead, type AuditSigningKey } from './audit-signing-key';

const BATCH = 2000;
/** Marks the signer's SQL (e.g. for the signing benchmark, which replays one request's statements). */
export const SIGNER = 'audit-head-signer';

type Head = { seq: string; hash: string };

/**
 * Signs the audit chain's head with the key kept outside the database, at most every
 * AUDIT_HEAD_INTERVAL_SECONDS and only when the chain has grown (never per record: a
 * signing storm writes thousands of records a minute), and when a certificate is printed.
 * Before signing it checks that the chain still leads from the head it signed last to the
 * new one, so a chain rewritten in the database is never signed.
 */
@Injectable()
export class AuditHeadsService implements OnModuleInit, OnModuleDestroy {
  readonly key: AuditSigningKey;
  private readonly logger = new Logger('AuditHeads');
  private timer: NodeJS.Timeout | null = null;
  /** Seals run one at a time in a process. */
  private running: Promise<unknown> = Promise.resolve();
  /** The head this process signed last: a rewrite that drops it is caught even if the table is emptied. */
  private lastSealed: Head | null = null;
  private warnedOtherKey = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = loadAuditSigningKey({ dataDir: config.dataDir, fromEnv: config.auditSigningKey });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.seal().catch((error: unknown) => this.logger.warn(`Audit head not signed: ${String(error)}`));
    }, this.config.auditHeadIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The head this process last signed, for verification. */
  get sealed(): Head | null {
    return this.lastSealed;
  }

  async info(): Promise<AuditHeadInfo> {
    return { algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem, keyFingerprint: this.key.fingerprint, head: await this.latest() };
  }

  async latest(): Promise<SignedAuditHead | null> {
    const row = await this.dataSource.getRepository(AuditSignedHead).createQueryBuilder('h').orderBy('h.seq', 'DESC').limit(1).getOne();
    return row ? toView(row) : null;
  }

  /** Every stored signed head, oldest first. */
  all(): Promise<AuditSignedHead[]> {
    return this.dataSource.getRepository(AuditSignedHead).createQueryBuilder('h').orderBy('h.seq', 'ASC').getMany();
  }

  signatureValid(head: AuditSignedHead): boolean {
    return head.keyFingerprint === this.key.fingerprint && headSignatureValid(this.key.publicKey, head);
  }

  /** Signs the current head if the chain grew since the last signed one; returns the latest signed head. */
  seal(): Promise<SignedAuditHead | null> {
    const next = this.running.then(() => this.sealNow());
    this.running = next.catch(() => undefined);
    return next;
  }

  private async sealNow(): Promise<SignedAuditHead | null> {
    const [head]: Head[] = await this.dataSource.query(`/* ${SIGNER} */ SELECT "lastId"::text AS seq, "lastHash" AS hash FROM audit_chain_head WHERE id = 1`);
    const latest = await this.dataSource.getRepository(AuditSignedHead).createQueryBuilder('h').orderBy('h.seq', 'DESC').limit(1).getOne();
    if (!head || head.seq === '0') return latest ? toView(latest) : null;
    if (latest && latest.keyFingerprint !== this.key.fingerprint && !this.warnedOtherKey) {
      this.warnedOtherKey = true;
      this.logger.error(
        `The audit chain's last head was signed by another key (${latest.keyFingerprint.slice(0, 16)}…, this server's is ${this.key.fingerprint.slice(0, 16)}…): every server process must share AUDIT_SIGNING_KEY or the data folder's ${AUDIT_KEY_FILE}`,
      );
    }
    const trusted = latest && this.signatureValid(latest) ? { seq: latest.seq, hash: latest.hash } : null;
    const from = this.lastSealed && (!trusted || BigInt(this.lastSealed.seq) >= BigInt(trusted.seq)) ? this.lastSealed : trusted;
    if (from && BigInt(from.seq) >= BigInt(head.seq)) return latest ? toView(latest) : null;
    const broken = await this.brokenBetween(from, head);
    if (broken) {
      this.logger.error(`Refusing to sign the audit chain's head ${head.seq}: ${broken}. Run GET /api/audit/verify.`);
      return latest ? toView(latest) : null;
    }
    const signedAt = new Date().toISOString();
    const row = {
      seq: head.seq,
      hash: head.hash,
      signedAt,
      keyFingerprint: this.key.fingerprint,
      signature: signHead(this.key, { seq: head.seq, hash: head.hash, signedAt }),
    };
    await this.dataSource.createQueryBuilder().insert().into(AuditSignedHead).values(row).orIgnore().execute();
    this.lastSealed = head;
    return (await this.latest()) ?? toView(row);
  }

  /**
   * Why the records after `from` (a signed head, or the genesis) do not lead to `to`,
   * recomputing each hash and link, or null when they do.
   */
  async brokenBetween(from: Head | null, to: Head): Promise<string | null> {
    const repo = this.dataSource.getRepository(AuditRecord);
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    if (from) {
      const start = await repo.createQueryBuilder('a').comment(SIGNER).where('a.id = :id', { id: from.seq }).getOne();
      if (!start || start.hash !== from.hash) return `record ${from.seq}, signed before, is no longer in the chain as signed`;
      prevHash = from.hash;
      afterId = from.seq;
    }
    for (;;) {
      const batch = await repo
        .createQueryBuilder('a')
        .comment(SIGNER)
        .where('a.id > :afterId AND a.id <= :to', { afterId, to: to.seq })
        .orderBy('a.id', 'ASC')
        .limit(BATCH)
        .getMany();
      for (const record of batch) {
        if (record.prevHash !== prevHash || chainHash(prevHash, record) !== record.hash)
          return `record ${record.id} does not follow from the records before it`;
        prevHash = record.hash;
      }
      if (batch.length < BATCH) break;
      afterId = batch[batch.length - 1].id;
    }
    return prevHash === to.hash ? null : `the chain does not end in the head hash at ${to.seq}`;
  }

  /**
   * Proves one record is part of a signed chain: it and the records after it recompute up
   * to the first signed head at or after it, whose signature verifies. Costs the records
   * between the two (a few seconds' worth). `head` is null when no head covers it yet.
   */
  async coverage(recordId: string): Promise<{ ok: boolean; head: SignedAuditHead | null }> {
    const head = await this.dataSource
      .getRepository(AuditSignedHead)
      .createQueryBuilder('h')
      .where('h.seq >= :recordId', { recordId })
      .orderBy('h.seq', 'ASC')
      .limit(1)
      .getOne();
    const record = await this.dataSource.getRepository(AuditRecord).findOne({ where: { id: recordId } });
    if (!record || chainHash(record.prevHash, record) !== record.hash) return { ok: false, head: head ? toView(head) : null };
    if (!head) return { ok: true, head: null };
    const ok = this.signatureValid(head) && (await this.brokenBetween({ seq: record.id, hash: record.hash }, head)) === null;
    return { ok, head: toView(head) };
  }
}

export function toView(h: Pick<AuditSignedHead, 'seq' | 'hash' | 'signedAt' | 'keyFingerprint' | 'signature'>): SignedAuditHead {
  return { seq: h.seq, hash: h.hash, signedAt: h.signedAt, keyFingerprint: h.keyFingerprint, message: headMessage(h), signature: h.signature };
}
