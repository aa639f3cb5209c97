import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgreementReport, LedgerEntry, LedgerEntryInput, ObligationReports } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AgreementsService } from '../agreements/agreements.service';
import { LedgerService } from '../agreements/ledger.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, NotFound } from '../common/errors';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import type { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import { UserEntity } from '../users/user.entity';
import { AgreementReportEntity } from './agreement-report.entity';
import type { AgreementReportDto } from './dto/follow-up.dto';
import { FollowUpService } from './follow-up.service';

/**
 * Reports on agreements: the owing party files one (narrative, problems, and its lines, which
 * are recorded as ledger entries under the ledger's rules), answering the obligation; parties and
 * organisers read them. The ledger stays the one record of the stages: a report holds the ids of
 * the entries it recorded, and shows those entries.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly agreements: AgreementsService,
    private readonly ledger: LedgerService,
    private readonly obligations: ObligationsService,
    private readonly followUp: FollowUpService,
  ) {}

  /**
   * Files a report the caller's organisation owes, on the obligation's version it read. The
   * report, its ledger entries, the obligation's state and the next reports owed commit together;
   * a line the ledger refuses refuses the whole report (its field named `lines.<n>.<field>`). The
   * same filing retried is answered again without recording anything twice.
   */
  async file(principal: Principal, obligationId: string, dto: AgreementReportDto): Promise<ObligationReports> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const peek = await this.reportObligation(manager, obligationId);
      this.obligations.assertOwner(principal, peek);
      // The agreement first, then the obligation: the order every ledger change locks them in.
      await this.agreements.lockWithParties(manager, peek.subjectId);
      const { obligation, replay } = await this.obligations.submit(tx, await this.obligations.lock(manager, obligationId), principal, dto.version);
      if (replay) return this.reportsOf(manager, obligation);
      const lines: LedgerEntry[] = [];
      for (const [i, line] of dto.lines.entries()) lines.push(await this.recordLine(tx, principal, obligation.subjectId, line, i));
      const round = (await manager.count(AgreementReportEntity, { where: { obligationId } })) + 1;
      const report = await manager.save(
        manager.create(AgreementReportEntity, {
          obligationId,
          agreementId: obligation.subjectId,
          round,
          narrative: dto.narrative,
          problems: dto.problems ?? '',
          ledgerEntryIds: lines.map((l) => l.id),
          filedByUserId: principal.userId,
          filedByOrganisationId: principal.organisationId,
          filedAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'agreement.report_filed',
        entityType: 'agreement',
        entityId: obligation.subjectId,
        data: { obligationId, reportId: report.id, step: obligation.step, seq: obligation.seq, round, entryIds: report.ledgerEntryIds },
      });
      await this.followUp.reconcile(tx, obligation.subjectId, principal.userId);
      return this.reportsOf(manager, obligation);
    });
  }

  /** A report obligation and its filings, for the agreement's parties and organisers. */
  async reports(principal: Principal, obligationId: string): Promise<ObligationReports> {
    const manager = this.dataSource.manager;
    const obligation = await this.reportObligation(manager, obligationId);
    if (!(await this.agreements.canRead(manager, principal, obligation.subjectId))) throw new NotFound('Obligation');
    return this.reportsOf(manager, obligation);
  }

  private async reportObligation(manager: EntityManager, id: string): Promise<ObligationEntity> {
    const obligation = await this.obligations.get(manager, id);
    if (obligation.kind !== 'agreement_report' || obligation.subjectType !== 'agreement') throw new NotFound('Obligation');
    return obligation;
  }

  /** A line through the ledger's own rules; what it refuses is named as the report's line. */
  private async recordLine(tx: Tx, principal: Principal, agreementId: string, line: LedgerEntryInput, i: number): Promise<LedgerEntry> {
    try {
      return await this.ledger.recordIn(tx, principal, agreementId, line);
    } catch (error) {
      if (!(error instanceof DomainError) || !error.fields) throw error;
      throw new DomainError(
        error.status,
        error.code,
        `lines.${i}: ${error.message}`,
        error.fields.map((f) => ({ field: `lines.${i}.${f.field}`, messages: f.messages })),
      );
    }
  }

  private async reportsOf(manager: EntityManager, obligation: ObligationEntity): Promise<ObligationReports> {
    const rows = await manager
      .getRepository(AgreementReportEntity)
      .createQueryBuilder('r')
      .leftJoin(UserEntity, 'u', 'u.id = r.filedByUserId')
      .addSelect('u.displayName', 'filedBy')
      .where('r.obligationId = :id', { id: obligation.id })
      .orderBy('r.round', 'ASC')
      .getRawAndEntities<{ filedBy: string | null }>();
    const entries = await this.ledger.entriesByIds(
      manager,
      obligation.subjectId,
      rows.entities.flatMap((r) => r.ledgerEntryIds),
    );
    const reports: AgreementReport[] = rows.entities.map((r, i) => ({
      id: r.id,
      obligationId: r.obligationId,
      agreementId: r.agreementId,
      round: r.round,
      narrative: r.narrative,
      problems: r.problems,
      lines: r.ledgerEntryIds.flatMap((id) => entries.find((e) => e.id === id) ?? []),
      filedBy: rows.raw[i]?.filedBy ?? '',
      filedAt: r.filedAt.toISOString(),
    }));
    return { obligation: await this.obligations.view(manager, obligation), reports };
  }
}
