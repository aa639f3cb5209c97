import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ImportJob, type ImportReport } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { DomainError, NotFound } from '../common/errors';
import { ListingEntity } from '../listings/listing.entity';
import { listingCreatedAudit, newListingRow } from '../listings/listing.rows';
import { listingOrganisation, toPublicListingView } from '../listings/listings.mapper';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { newOrganisationRow, organisationCreatedAudit } from '../organisations/organisation.rows';
import { ParticipationEntity } from '../participation/participation.entity';
import { toParticipation } from '../participation/participation.mapper';
import { newParticipationRow, participationDecidedAudit, participationDecision } from '../participation/participation.rows';
import { BoardEventsService, type BoardEventBody, type BoardWriter } from '../realtime/board-events.service';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { ImportJobEntity } from './import-job.entity';
import { planImport, type Plan } from './import-plan';
import { readWorkbook, type UploadedFile, type WorkbookRead } from './workbook';

/** Rows written per INSERT, and per progress step. */
const BATCH = 500;
/** A running job whose progress has not moved for this long was interrupted (its process died). */
const STALE_JOB_MS = 5 * 60_000;

/** The 422 that refuses a real import whose file has problems; its body carries the report. */
export class ImportRefused extends DomainError {
  constructor(readonly report: ImportReport) {
    super(422, 'import_problems', `The file has ${report.counts.problems} problem(s); nothing was imported. Fix them and import again.`, undefined, { report });
  }
}

@Injectable()
export class ImportService implements OnModuleDestroy {
  private readonly logger = new Logger('Import');
  /** Jobs of this process, awaited at shutdown (before the database pool closes under them). */
  private readonly active = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly board: BoardEventsService,
    private readonly uow: UnitOfWork,
  ) {}

  /** What the files would create, and every problem by sheet, row and column; writes nothing. */
  async dryRun(eventId: string, files: UploadedFile[]): Promise<ImportReport> {
    const workbook = await readWorkbook(files);
    return (await planImport(this.dataSource.manager, eventId, names(files), workbook, true)).report;
  }

  /**
   * Checks the files at once (a 422 with the report when they have problems), then imports
   * them as a job: one transaction, all or nothing, its progress readable meanwhile.
   */
  async start(principal: Principal, eventId: string, files: UploadedFile[]): Promise<ImportJob> {
    const workbook = await readWorkbook(files);
    const plan = await planImport(this.dataSource.manager, eventId, names(files), workbook, false);
    if (plan.report.problems.length > 0) throw new ImportRefused(plan.report);
    const job = await this.dataSource.getRepository(ImportJobEntity).save({
      eventId,
      createdByUserId: principal.userId,
      state: 'running' as const,
      files: names(files),
      processed: 0,
      total: writesOf(plan),
      report: null,
      error: null,
      finishedAt: null,
    });
    const run = this.run(job.id, principal, eventId, names(files), workbook).finally(() => this.active.delete(run));
    this.active.add(run);
    return toJob(job);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.active]);
  }

  async job(id: string): Promise<ImportJob> {
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const job = await repo.findOne({ where: { id } });
    if (!job) throw new NotFound('Import job');
    if (job.state === 'running' && Date.now() - job.updatedAt.getTime() > STALE_JOB_MS) {
      job.state = 'failed';
      job.error = 'The import was interrupted (the server stopped); nothing was imported. Import the file again.';
      job.finishedAt = new Date();
      await repo.update({ id, state: 'running' }, { state: job.state, error: job.error, finishedAt: job.finishedAt });
    }
    return toJob(job);
  }

  /** The job itself: plans again inside the transaction (under a per-event lock), then writes. */
  private async run(jobId: string, principal: Principal, eventId: string, files: string[], workbook: WorkbookRead): Promise<void> {
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const started = Date.now();
    try {
      const report = await this.uow.run(async (tx) => {
        const { manager } = tx;
        const board = this.board.writer(tx);
        // One import per event at a time: a second one waits, then sees what the first created.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${eventId}`]);
        const plan = await planImport(manager, eventId, files, workbook, false);
        if (plan.report.problems.length > 0) throw new ImportRefused(plan.report);
        await this.write(manager, board, principal, jobId, plan, (processed) => repo.update({ id: jobId }, { processed, total: writesOf(plan) }));
        return plan.report;
      });
      await repo.update({ id: jobId }, { state: 'succeeded', report, processed: writesOf({ report }), total: writesOf({ report }), finishedAt: new Date() });
      this.logger.log(
        `Import ${jobId} into event ${eventId}: ${report.organisations.create} organisations, ${report.listings.create} listings in ${Date.now() - started} ms`,
      );
    } catch (error) {
      const refused = error instanceof ImportRefused;
      if (!refused) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await repo
        .update(
          { id: jobId },
          {
            state: 'failed',
            report: refused ? error.report : null,
            error: refused ? error.message : `The import failed and nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
            finishedAt: new Date(),
          },
        )
        .catch((e: unknown) => this.logger.error(`Could not record the failure of import ${jobId}: ${String(e)}`));
    }
  }

  /** Writes a plan without problems: organisations, participations, listings, their audit records and board events. */
  private async write(
    manager: EntityManager,
    board: BoardWriter,
    principal: Principal,
    jobId: string,
    plan: Plan,
    progress: (processed: number) => Promise<unknown>,
  ): Promise<void> {
    const now = new Date();
    let processed = 0;
    const step = async (count: number) => {
      processed += count;
      await progress(processed);
    };

    for (let i = 0; i < plan.organisations.length; i += BATCH) {
      const batch = plan.organisations.slice(i, i + BATCH).map(({ input }) => {
        const id = randomUUID();
        const ref = plan.refs.get(input.creditCode);
        if (ref) ref.id = id;
        return { id, ...newOrganisationRow(input, 'approved'), createdAt: now, updatedAt: now };
      });
      await manager.insert(OrganisationEntity, batch);
      await this.audit.recordMany(
        manager,
        batch.map((o) => organisationCreatedAudit(o, principal.userId, { importJobId: jobId })),
      );
      await step(batch.length);
    }

    const idOf = (creditCode: string): string => {
      const id = plan.refs.get(creditCode)?.id;
      if (!id) throw new Error(`import: no id for organisation ${creditCode}`);
      return id;
    };
    const refById = new Map([...plan.refs.values()].map((r) => [r.id, r]));
    /** Board events by session, written together at the end (one sequence range per session). */
    const boardEvents = new Map<string, BoardEventBody[]>();
    const append = (sessionId: string, body: BoardEventBody) => {
      const list = boardEvents.get(sessionId);
      if (list) list.push(body);
      else boardEvents.set(sessionId, [body]);
    };

    // Every participation the import touches is approved by the importing organiser, now.
    const approval = participationDecision('approved', null, { userId: principal.userId, at: now });
    for (let i = 0; i < plan.participations.length; i += BATCH) {
      const batch = plan.participations.slice(i, i + BATCH);
      const fresh = batch
        .filter((p) => !p.existing)
        .map((p) => ({
          id: randomUUID(),
          ...newParticipationRow({ sessionId: p.sessionId, organisationId: idOf(p.creditCode), role: p.role }, approval),
          createdAt: now,
        }));
      if (fresh.length > 0) await manager.insert(ParticipationEntity, fresh);
      const approving = batch.flatMap((p) => (p.existing ? [p.existing] : []));
      if (approving.length > 0) await manager.update(ParticipationEntity, { id: In(approving.map((p) => p.id)) }, approval);
      const rows = [...fresh, ...approving.map((p) => ({ ...p, ...approval }))];
      await this.audit.recordMany(
        manager,
        rows.map((p) => participationDecidedAudit(p, { importJobId: jobId })),
      );
      for (const p of rows) append(p.sessionId, { type: 'participant.changed', participation: toParticipation(p, refById.get(p.organisationId)) });
      await step(batch.length);
    }

    for (let i = 0; i < plan.listings.length; i += BATCH) {
      const batch = plan.listings.slice(i, i + BATCH).map((l) => {
        const row = newListingRow(l.input, { sessionId: l.sessionId, eventId: l.eventId, organisationId: idOf(l.creditCode), userId: principal.userId });
        const entity = manager.create(ListingEntity, { id: randomUUID(), ...row, createdAt: now, updatedAt: now });
        return { entity, ref: plan.refs.get(l.creditCode)! };
      });
      await manager.insert(
        ListingEntity,
        batch.map((b) => b.entity),
      );
      await this.audit.recordMany(
        manager,
        batch.map(({ entity }) => listingCreatedAudit(entity, { importJobId: jobId })),
      );
      for (const { entity, ref } of batch) {
        append(entity.sessionId, { type: 'listing.created', listing: toPublicListingView(entity, listingOrganisation(ref)) });
      }
      await step(batch.length);
    }

    for (const [sessionId, bodies] of boardEvents) await board.appendMany(sessionId, bodies);
    const { report } = plan;
    await this.audit.record(manager, {
      actorUserId: principal.userId,
      action: 'event.imported',
      entityType: 'event',
      entityId: report.eventId,
      data: {
        importJobId: jobId,
        files: report.files,
        organisations: { create: report.organisations.create, unchanged: report.organisations.unchanged },
        participations: report.participations,
        listings: { create: report.listings.create, skip: report.listings.skip },
      },
    });
  }
}

function names(files: UploadedFile[]): string[] {
  return files.map((f) => f.originalname);
}

/** How many rows a plan writes: the job's progress total. */
function writesOf({ report }: Pick<Plan, 'report'>): number {
  return report.organisations.create + report.participations.create + report.participations.approve + report.listings.create;
}

function toJob(job: ImportJobEntity): ImportJob {
  return {
    id: job.id,
    eventId: job.eventId,
    state: job.state,
    processed: job.processed,
    total: job.total,
    report: job.report,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
