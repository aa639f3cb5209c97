import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_REPORT_LIMIT,
  LISTING_OPEN_STATUSES,
  LISTING_TYPES_BY_ROLE,
  ORGANISATION_KINDS_BY_ROLE,
  ROLES_BY_SESSION_KIND,
  type ImportJob,
  type ImportListingRow,
  type ImportOrganisationRow,
  type ImportProblem,
  type ImportReport,
  type ListingInput,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationSize,
  type OrganisationStatus,
  type ParticipantRole,
  type Participation,
} from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, type AuditInput } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { DomainError, NotFound } from '../common/errors';
import { UUID_PATTERN } from '../common/validation';
import { EventEntity } from '../events/event.entity';
import { SessionEntity } from '../events/session.entity';
import { ListingEntity } from '../listings/listing.entity';
import { toListingView } from '../listings/listings.mapper';
import { PART_OF_TYPE } from '../listings/listings.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { BoardEventsService, type BoardEventBody, type BoardWriter } from '../realtime/board-events.service';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { SHEET_NAMES } from './columns';
import { ImportJobEntity } from './import-job.entity';
import { finishListingRow, readListingRow, readOrganisationRow } from './rows';
import { VOCABULARIES } from './vocabulary';
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

/** An organisation an import row names: registered already, or created by this import. */
type OrganisationRef = {
  creditCode: string;
  id: string | null;
  name: string;
  kind: OrganisationKind;
  region: string;
  size: OrganisationSize;
  industry: string;
  status: OrganisationStatus;
  /** The 机构 row that creates it, when it is new. */
  row: number | null;
};

type ParticipationPlan = { sessionId: string; creditCode: string; role: ParticipantRole; existing: ParticipationEntity | null };
type ListingPlan = { row: number; sessionId: string; eventId: string; creditCode: string; input: ListingInput };

/** What an import would write, worked out from the file and the database as they are now. */
type Plan = {
  report: ImportReport;
  organisations: { row: number; input: OrganisationInput }[];
  /** By credit code: every organisation the listing rows name. */
  refs: Map<string, OrganisationRef>;
  participations: ParticipationPlan[];
  listings: ListingPlan[];
};

@Injectable()
export class ImportService {
  private readonly logger = new Logger('Import');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly board: BoardEventsService,
    private readonly uow: UnitOfWork,
  ) {}

  /** What the files would create, and every problem by sheet, row and column; writes nothing. */
  async dryRun(eventId: string, files: UploadedFile[]): Promise<ImportReport> {
    const workbook = await readWorkbook(files);
    return (await this.plan(this.dataSource.manager, eventId, names(files), workbook, true)).report;
  }

  /**
   * Checks the files at once (a 422 with the report when they have problems), then imports
   * them as a job: one transaction, all or nothing, its progress readable meanwhile.
   */
  async start(principal: Principal, eventId: string, files: UploadedFile[]): Promise<ImportJob> {
    const workbook = await readWorkbook(files);
    const plan = await this.plan(this.dataSource.manager, eventId, names(files), workbook, false);
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
    void this.run(job.id, principal, eventId, names(files), workbook);
    return toJob(job);
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
        const plan = await this.plan(manager, eventId, files, workbook, false);
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

  private async plan(manager: EntityManager, eventId: string, files: string[], workbook: WorkbookRead, dryRun: boolean): Promise<Plan> {
    const event = await manager.findOne(EventEntity, { where: { id: eventId } });
    if (!event) throw new NotFound('Event');
    const problems: ImportProblem[] = [...workbook.problems];
    const warnings: ImportProblem[] = [...workbook.warnings];
    const report: ImportReport = {
      dryRun,
      eventId,
      files,
      organisations: { create: 0, unchanged: 0, rows: [] },
      participations: { create: 0, approve: 0, unchanged: 0 },
      listings: { create: 0, skip: 0, rows: [] },
      problems,
      warnings,
      counts: { problems: 0, warnings: 0, organisationRows: 0, listingRows: 0, problemsByColumn: [] },
    };
    const records = (sheet: 'organisations' | 'listings') => workbook.sheets.find((s) => s.sheet === sheet)?.records ?? [];

    // Organisations: read every row, then look up the credit codes of both sheets at once.
    const organisationRows = [];
    for (const record of records('organisations')) {
      organisationRows.push(await readOrganisationRow(record));
      if (organisationRows.length % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    const listingRows = [];
    for (const record of records('listings')) {
      listingRows.push(readListingRow(record));
      if (listingRows.length % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    const codes = [...new Set([...organisationRows.map((r) => r.creditCode), ...listingRows.map((r) => r.creditCode)].filter((c) => c !== ''))];
    const registered = new Map<string, OrganisationEntity>();
    // In batches small enough that building and reading each query stays a short turn of the event loop.
    for (let i = 0; i < codes.length; i += 1000) {
      for (const o of await manager.find(OrganisationEntity, { where: { creditCode: In(codes.slice(i, i + 1000)) } })) registered.set(o.creditCode, o);
    }

    const refs = new Map<string, OrganisationRef>();
    for (const o of registered.values()) refs.set(o.creditCode, { ...o, row: null });
    /** Credit codes whose 机构 row has problems: listing rows naming them add none of their own. */
    const broken = new Set<string>();
    const firstRow = new Map<string, number>();
    const toCreate: Plan['organisations'] = [];
    for (const [index, r] of organisationRows.entries()) {
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      problems.push(...r.problems);
      if (r.creditCode !== '' && firstRow.has(r.creditCode)) {
        problems.push({ sheet: 'organisations', row: r.row, column: '统一社会信用代码', message: `the same credit code as row ${firstRow.get(r.creditCode)}` });
        continue;
      }
      if (r.creditCode !== '') firstRow.set(r.creditCode, r.row);
      if (!r.input) {
        if (r.creditCode !== '') broken.add(r.creditCode);
        continue;
      }
      const existing = registered.get(r.input.creditCode);
      if (existing) {
        if (existing.kind !== r.input.kind) {
          problems.push({
            sheet: 'organisations',
            row: r.row,
            column: '机构类型',
            message: `this credit code is registered as ${VOCABULARIES.kind.label(existing.kind)} (${existing.name}), not ${VOCABULARIES.kind.label(r.input.kind)}`,
          });
          continue;
        }
        if (existing.name !== r.input.name) {
          warnings.push({
            sheet: 'organisations',
            row: r.row,
            column: '机构名称',
            message: `already registered as “${existing.name}”; registered organisations are kept as they are`,
          });
        }
        if (existing.status !== 'approved') {
          warnings.push({
            sheet: 'organisations',
            row: r.row,
            column: null,
            message: `already registered and ${existing.status === 'pending' ? 'waiting for approval' : 'rejected'}; approve it in the console before importing its listings`,
          });
        }
        report.organisations.unchanged += 1;
        report.organisations.rows.push(orgRow(r.row, existing.creditCode, existing.name, 'unchanged'));
        continue;
      }
      toCreate.push({ row: r.row, input: r.input });
      refs.set(r.input.creditCode, { ...r.input, id: null, status: 'approved', row: r.row });
      report.organisations.create += 1;
      report.organisations.rows.push(orgRow(r.row, r.input.creditCode, r.input.name, 'create'));
    }

    // Listings: the session by title or id, the role, the participation and duplicates.
    const sessions = await manager.find(SessionEntity, { where: { eventId }, order: { startsAt: 'ASC' } });
    const byTitle = new Map<string, SessionEntity[]>();
    for (const s of sessions) byTitle.set(s.title.trim(), [...(byTitle.get(s.title.trim()) ?? []), s]);
    const existingIds = [...registered.values()].map((o) => o.id);
    const participations = new Map<string, ParticipationEntity>();
    const openListings = new Set<string>();
    if (existingIds.length > 0 && sessions.length > 0) {
      const sessionIds = sessions.map((s) => s.id);
      for (let i = 0; i < existingIds.length; i += 5000) {
        const ids = existingIds.slice(i, i + 5000);
        for (const p of await manager.find(ParticipationEntity, { where: { sessionId: In(sessionIds), organisationId: In(ids) } })) {
          participations.set(`${p.sessionId}|${p.organisationId}|${p.role}`, p);
        }
        const listings: { organisationId: string; sessionId: string; type: string; title: string }[] = await manager.query(
          `SELECT "organisationId", "sessionId", type, title FROM listing WHERE "eventId" = $1 AND status = 'open' AND "organisationId" = ANY($2::uuid[])`,
          [eventId, ids],
        );
        for (const l of listings) openListings.add(`${l.organisationId}|${l.sessionId}|${l.type}|${l.title}`);
      }
    }
    const sessionList = sessions.map((s) => `“${s.title}”`).join(', ') || '(none yet)';
    const planned = new Map<string, ParticipationPlan>();
    const listingPlans: ListingPlan[] = [];
    const seenListings = new Map<string, number>();
    for (const [index, row] of listingRows.entries()) {
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      const problem = (key: string, message: string) => row.problems.add(key, message);
      const ref = row.creditCode === '' ? undefined : refs.get(row.creditCode);
      if (!ref && row.creditCode !== '' && !broken.has(row.creditCode)) {
        problem('creditCode', `no organisation has this credit code: add it to the ${SHEET_NAMES.organisations} sheet or register it first`);
      } else if (ref && ref.status !== 'approved') {
        problem('creditCode', `${ref.name} is ${ref.status === 'pending' ? 'waiting for approval' : 'rejected'}; approve it in the console first`);
      }
      let session: SessionEntity | undefined;
      if (row.session !== '') {
        const matches = UUID_PATTERN.test(row.session) ? sessions.filter((s) => s.id === row.session.toLowerCase()) : (byTitle.get(row.session) ?? []);
        if (matches.length === 0) problem('session', `this event has no session “${row.session}”; its sessions are ${sessionList}`);
        else if (matches.length > 1) problem('session', `several sessions are called “${row.session}”; name the session by its id instead`);
        else session = matches[0];
      }
      if (session && !LISTING_OPEN_STATUSES.includes(session.status)) {
        problem('session', `the session is ${session.status}; listings can be imported while it is open for registration or live`);
        session = undefined;
      }
      let role: ParticipantRole | null = null;
      if (session && row.type) {
        const type = row.type;
        const fitting = ROLES_BY_SESSION_KIND[session.kind].filter((r) => LISTING_TYPES_BY_ROLE[r].includes(type));
        if (fitting.length === 0) {
          problem('type', `a ${VOCABULARIES.type.label(type)} listing cannot be posted in a ${session.kind} session`);
        } else if (row.role && !fitting.includes(row.role)) {
          problem(
            'role',
            `in a ${session.kind} session a ${VOCABULARIES.type.label(type)} listing is posted as ${fitting.map((r) => VOCABULARIES.role.label(r)).join(' or ')}`,
          );
        } else if (!row.role && fitting.length > 1) {
          problem('role', `is required here: ${fitting.map((r) => VOCABULARIES.role.label(r)).join(' or ')}`);
        } else {
          role = row.role ?? fitting[0];
        }
      }
      if (ref && role && !ORGANISATION_KINDS_BY_ROLE[role].includes(ref.kind)) {
        problem('role', `${ref.name} is ${VOCABULARIES.kind.label(ref.kind)}, which cannot take the role ${VOCABULARIES.role.label(role)}`);
        role = null;
      }
      let participationKey: string | null = null;
      if (ref && session && role) {
        participationKey = `${session.id}|${ref.creditCode}|${role}`;
        const existing = ref.id ? (participations.get(`${session.id}|${ref.id}|${role}`) ?? null) : null;
        if (existing && (existing.status === 'rejected' || existing.status === 'withdrawn')) {
          problem(
            'role',
            `${ref.name}'s participation in this session as ${VOCABULARIES.role.label(role)} was ${existing.status}; change that in the console first`,
          );
          participationKey = null;
        }
      }
      const input = await finishListingRow(row, ref ? ref.region : null);
      warnings.push(...row.warnings);
      problems.push(...row.problems.list);
      if (!input || !ref || !session || !role || !participationKey) continue;

      const key = `${ref.creditCode}|${session.id}|${input.type}|${input.title}`;
      const earlier = seenListings.get(key);
      if (earlier !== undefined) {
        problems.push({
          sheet: 'listings',
          row: row.row,
          column: null,
          message: `the same listing as row ${earlier} (same organisation, session, type and title)`,
        });
        continue;
      }
      seenListings.set(key, row.row);
      const skip = ref.id !== null && openListings.has(`${ref.id}|${session.id}|${input.type}|${input.title}`);
      report.listings.rows.push({
        row: row.row,
        creditCode: ref.creditCode,
        organisationName: ref.name,
        sessionId: session.id,
        sessionTitle: session.title,
        role,
        type: input.type,
        title: input.title,
        action: skip ? 'skip' : 'create',
      } satisfies ImportListingRow);
      // Every listing row puts its organisation in the session, whether the listing is new or not.
      if (!planned.has(participationKey)) {
        const existing = ref.id ? (participations.get(`${session.id}|${ref.id}|${role}`) ?? null) : null;
        planned.set(participationKey, { sessionId: session.id, creditCode: ref.creditCode, role, existing });
      }
      if (skip) {
        report.listings.skip += 1;
        continue;
      }
      report.listings.create += 1;
      listingPlans.push({ row: row.row, sessionId: session.id, eventId, creditCode: ref.creditCode, input });
    }
    const participationPlans = [...planned.values()];
    for (const p of participationPlans) {
      if (!p.existing) report.participations.create += 1;
      else if (p.existing.status === 'approved') report.participations.unchanged += 1;
      else report.participations.approve += 1;
    }
    problems.sort(byPlace);
    warnings.sort(byPlace);
    capReport(report);
    return {
      report,
      organisations: toCreate,
      refs,
      participations: participationPlans.filter((p) => p.existing?.status !== 'approved'),
      listings: listingPlans,
    };
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
        return { id, ...input, status: 'approved' as const, rejectReason: null, createdAt: now, updatedAt: now };
      });
      await manager.insert(OrganisationEntity, batch);
      await this.audit.recordMany(
        manager,
        batch.map((o) => ({
          actorUserId: principal.userId,
          action: 'organisation.created',
          entityType: 'organisation',
          entityId: o.id,
          data: { name: o.name, creditCode: o.creditCode, kind: o.kind, importJobId: jobId },
        })),
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

    for (let i = 0; i < plan.participations.length; i += BATCH) {
      const batch = plan.participations.slice(i, i + BATCH);
      const fresh = batch
        .filter((p) => !p.existing)
        .map((p) => ({
          id: randomUUID(),
          sessionId: p.sessionId,
          organisationId: idOf(p.creditCode),
          role: p.role,
          status: 'approved' as const,
          reason: null,
          decidedByUserId: principal.userId,
          decidedAt: now,
          createdAt: now,
        }));
      if (fresh.length > 0) await manager.insert(ParticipationEntity, fresh);
      const approving = batch.flatMap((p) => (p.existing ? [p.existing] : []));
      if (approving.length > 0) {
        await manager.update(
          ParticipationEntity,
          { id: In(approving.map((p) => p.id)) },
          { status: 'approved', reason: null, decidedByUserId: principal.userId, decidedAt: now },
        );
      }
      const rows = [...fresh, ...approving.map((p) => ({ ...p, status: 'approved' as const, reason: null, decidedAt: now }))];
      await this.audit.recordMany(
        manager,
        rows.map((p): AuditInput => ({
          actorUserId: principal.userId,
          action: 'participation.approved',
          entityType: 'participation',
          entityId: p.id,
          data: { sessionId: p.sessionId, organisationId: p.organisationId, role: p.role, importJobId: jobId },
        })),
      );
      for (const p of rows) {
        const ref = refById.get(p.organisationId);
        const view: Participation = {
          id: p.id,
          sessionId: p.sessionId,
          organisationId: p.organisationId,
          organisationName: ref?.name ?? '',
          organisationKind: ref?.kind ?? 'enterprise',
          role: p.role,
          status: 'approved',
          reason: null,
          createdAt: p.createdAt.toISOString(),
          decidedAt: now.toISOString(),
        };
        append(p.sessionId, { type: 'participant.changed', participation: view });
      }
      await step(batch.length);
    }

    for (let i = 0; i < plan.listings.length; i += BATCH) {
      const batch = plan.listings.slice(i, i + BATCH).map((l) => {
        const part = PART_OF_TYPE[l.input.type];
        const entity = manager.create(ListingEntity, {
          id: randomUUID(),
          sessionId: l.sessionId,
          eventId: l.eventId,
          organisationId: idOf(l.creditCode),
          type: l.input.type,
          title: l.input.title,
          description: l.input.description ?? '',
          status: 'open',
          version: 1,
          goods: null,
          financing: null,
          credit: null,
          guarantee: null,
          [part]: { ...l.input[part] },
          confidential: null,
          createdByUserId: principal.userId,
          updatedByUserId: principal.userId,
          createdAt: now,
          updatedAt: now,
        });
        return { entity, part, ref: plan.refs.get(l.creditCode)! };
      });
      await manager.insert(
        ListingEntity,
        batch.map((b) => b.entity),
      );
      await this.audit.recordMany(
        manager,
        batch.map(({ entity, part }) => ({
          actorUserId: principal.userId,
          action: 'listing.created',
          entityType: 'listing',
          entityId: entity.id,
          data: { version: 1, sessionId: entity.sessionId, type: entity.type, title: entity.title, [part]: entity[part], importJobId: jobId },
        })),
      );
      for (const { entity, ref } of batch) {
        const { confidential: _confidential, ...listing } = toListingView(
          entity,
          { orgName: ref.name, orgKind: ref.kind, orgRegion: ref.region, orgSize: ref.size, orgIndustry: ref.industry },
          false,
        );
        append(entity.sessionId, { type: 'listing.created', listing });
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

/** Keeps the first IMPORT_REPORT_LIMIT of each list, with the full counts: a report stays small whatever the file. */
function capReport(report: ImportReport): void {
  const byColumn = new Map<string, ImportReport['counts']['problemsByColumn'][number]>();
  for (const p of report.problems) {
    const key = `${p.sheet}|${p.column}`;
    const entry = byColumn.get(key);
    if (entry) entry.count += 1;
    else byColumn.set(key, { sheet: p.sheet, column: p.column, count: 1 });
  }
  report.counts = {
    problems: report.problems.length,
    warnings: report.warnings.length,
    organisationRows: report.organisations.rows.length,
    listingRows: report.listings.rows.length,
    problemsByColumn: [...byColumn.values()].sort((a, b) => b.count - a.count),
  };
  report.problems = report.problems.slice(0, IMPORT_REPORT_LIMIT);
  report.warnings = report.warnings.slice(0, IMPORT_REPORT_LIMIT);
  report.organisations.rows = report.organisations.rows.slice(0, IMPORT_REPORT_LIMIT);
  report.listings.rows = report.listings.rows.slice(0, IMPORT_REPORT_LIMIT);
}

/** Rows read or checked between two turns of the event loop (a row's validation takes ~0.3 ms). */
const YIELD_EVERY = 20;

/** Lets other work (health checks, sockets) run between batches of a long synchronous loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function names(files: UploadedFile[]): string[] {
  return files.map((f) => f.originalname);
}

/** How many rows a plan writes: the job's progress total. */
function writesOf({ report }: Pick<Plan, 'report'>): number {
  return report.organisations.create + report.participations.create + report.participations.approve + report.listings.create;
}

function orgRow(row: number, creditCode: string, name: string, action: ImportOrganisationRow['action']): ImportOrganisationRow {
  return { row, creditCode, name, action };
}

const SHEET_ORDER = { organisations: 0, listings: 1 } as const;

function byPlace(a: ImportProblem, b: ImportProblem): number {
  const sheet = (p: ImportProblem) => (p.sheet === null ? -1 : SHEET_ORDER[p.sheet]);
  return sheet(a) - sheet(b) || (a.row ?? 0) - (b.row ?? 0);
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
