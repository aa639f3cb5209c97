import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OUTSTANDING_OBLIGATION_STATES, type EvidenceFile } from '@duijie/shared';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AgreementsService } from '../agreements/agreements.service';
import { AuditService } from '../audit/audit.service';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import type { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import { evidenceTypeOf } from '../storage/evidence';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { ObligationEvidenceEntity } from './obligation-evidence.entity';

/** At most this many files on one report. */
export const EVIDENCE_MAX_FILES = 10;

export type EvidenceUpload = { originalname: string; buffer: Buffer; size: number };

/**
 * Evidence files on report obligations: the owing organisation attaches PDFs and photos while the
 * report is open or returned; the agreement's parties and organisers read them. The bytes go to
 * the file store first, then the row and its audit record commit together; a transaction that
 * fails deletes the file again, so no file outlives its row.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly agreements: AgreementsService,
    private readonly obligations: ObligationsService,
  ) {}

  async upload(principal: Principal, obligationId: string, file: EvidenceUpload | undefined): Promise<EvidenceFile> {
    const peek = await this.reportObligation(this.dataSource.manager, obligationId);
    this.assertAttachable(principal, peek);
    if (!file) throw new InvalidInput('file', 'attach one PDF, PNG or JPEG file in the multipart field “file”');
    const contentType = evidenceTypeOf(file.buffer);
    if (!contentType)
      throw new InvalidInput('file', 'only PDF, PNG and JPEG files are accepted as evidence; this file is none of them, whatever its name says');
    const id = randomUUID();
    const storageKey = `evidence/${id}`;
    const name = cleanName(file.originalname, contentType);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.files.put(storageKey, file.buffer);
    let stored = true;
    try {
      const answer = await this.uow.run(async (tx) => {
        const { manager } = tx;
        const obligation = await this.obligations.lock(manager, obligationId);
        this.assertAttachable(principal, obligation);
        // A retried upload (a multipart request carries no Idempotency-Key) answers the file already attached.
        const same = await manager.findOne(ObligationEvidenceEntity, { where: { obligationId, sha256, name } });
        if (same) {
          stored = false;
          return view(same);
        }
        if ((await manager.count(ObligationEvidenceEntity, { where: { obligationId } })) >= EVIDENCE_MAX_FILES) {
          throw new InvalidInput('file', `a report holds at most ${EVIDENCE_MAX_FILES} evidence files; remove one before adding another`);
        }
        const row = await manager.save(
          manager.create(ObligationEvidenceEntity, {
            id,
            obligationId,
            organisationId: obligation.organisationId,
            name,
            contentType,
            size: file.buffer.length,
            sha256,
            storageKey,
            uploadedByUserId: principal.userId,
          }),
        );
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'obligation.evidence_added',
          entityType: 'obligation',
          entityId: obligationId,
          data: { evidenceId: id, name: row.name, contentType, size: row.size, sha256: row.sha256 },
        });
        return view(row);
      });
      if (!stored) await this.forget(storageKey);
      return answer;
    } catch (error) {
      await this.forget(storageKey);
      throw error;
    }
  }

  /** Removes bytes stored for an upload that did not become a row (refused, or a retry of one already attached). */
  private async forget(storageKey: string): Promise<void> {
    await this.files.delete(storageKey).catch((e: unknown) => this.logger.error(`evidence file ${storageKey} left behind: ${String(e)}`));
  }

  async list(principal: Principal, obligationId: string): Promise<EvidenceFile[]> {
    const manager = this.dataSource.manager;
    await this.readable(manager, principal, obligationId);
    const rows = await manager.find(ObligationEvidenceEntity, { where: { obligationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  /** The file and what to call it, for the agreement's parties and organisers. */
  async download(principal: Principal, id: string): Promise<{ evidence: ObligationEvidenceEntity; data: Buffer }> {
    const manager = this.dataSource.manager;
    const evidence = await manager.findOne(ObligationEvidenceEntity, { where: { id } });
    if (!evidence) throw new NotFound('Evidence file');
    await this.readable(manager, principal, evidence.obligationId);
    const data = await this.files.get(evidence.storageKey);
    if (!data) throw new NotFound('Evidence file');
    return { evidence, data };
  }

  /** The uploading organisation removes a file while the report is still open or returned. */
  async remove(principal: Principal, id: string): Promise<void> {
    const storageKey = await this.uow.run(async (tx) => {
      const { manager } = tx;
      const evidence = await manager.findOne(ObligationEvidenceEntity, { where: { id } });
      if (!evidence) throw new NotFound('Evidence file');
      const obligation = await this.obligations.lock(manager, evidence.obligationId);
      if (principal.organisationId !== evidence.organisationId) {
        if (!(await this.agreements.canRead(manager, principal, obligation.subjectId))) throw new NotFound('Evidence file');
        throw new Forbidden('Only the organisation that uploaded this file removes it');
      }
      this.assertOutstanding(obligation);
      await manager.delete(ObligationEvidenceEntity, { id });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'obligation.evidence_removed',
        entityType: 'obligation',
        entityId: obligation.id,
        data: { evidenceId: id, name: evidence.name, sha256: evidence.sha256 },
      });
      return evidence.storageKey;
    });
    // After the commit: a file whose row is gone is never served; failing to delete it only leaves litter.
    await this.files.delete(storageKey).catch((e: unknown) => this.logger.error(`evidence file ${storageKey} not deleted: ${String(e)}`));
  }

  private assertAttachable(principal: Principal, obligation: ObligationEntity): void {
    this.obligations.assertOwner(principal, obligation);
    this.assertOutstanding(obligation);
  }

  private assertOutstanding(obligation: ObligationEntity): void {
    if (!OUTSTANDING_OBLIGATION_STATES.includes(obligation.state)) {
      throw new Conflict('not_owed', `This report is ${obligation.state}; evidence is attached or removed only while it is open or returned`);
    }
  }

  private async readable(manager: EntityManager, principal: Principal, obligationId: string): Promise<ObligationEntity> {
    const obligation = await this.reportObligation(manager, obligationId);
    if (!(await this.agreements.canRead(manager, principal, obligation.subjectId))) throw new NotFound('Obligation');
    return obligation;
  }

  private async reportObligation(manager: EntityManager, id: string): Promise<ObligationEntity> {
    const obligation = await this.obligations.get(manager, id);
    if (obligation.kind !== 'agreement_report' || obligation.subjectType !== 'agreement') throw new NotFound('Obligation');
    return obligation;
  }
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' };

/** The uploaded name without folders or control characters, at most 200 characters; a blank one named by its type. */
function cleanName(original: string, contentType: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (original.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || `evidence${EXTENSIONS[contentType]}`).slice(0, 200);
}

function view(row: ObligationEvidenceEntity): EvidenceFile {
  return {
    id: row.id,
    obligationId: row.obligationId,
    name: row.name,
    contentType: row.contentType as EvidenceFile['contentType'],
    size: row.size,
    uploadedAt: row.createdAt.toISOString(),
  };
}
