import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { commonHalf, type ScheduleRun, type UnscheduledReason } from '@duijie/shared';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { Conflict, NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { SessionEntity } from '../events/session.entity';
import { BoardPublisher } from '../realtime/board-publisher';
import { UserEntity } from '../users/user.entity';
import type { ScheduleRunDto } from './dto/meeting.dto';
import { MeetingEntity } from './meeting.entity';
import { MeetingsService } from './meetings.service';
import { ScheduleRunEntity } from './schedule-run.entity';
import { scheduleInWorker } from './scheduler/run-in-worker';
import type { ProblemMeeting, ScheduleProblem, ScheduleProgress, ScheduleResult } from './scheduler/schedule-problem';

/** Progress is written to the run's row and pushed at most this often. */
const PROGRESS_INTERVAL_MS = 250;
/** A run still `running` this long after its budget has no live process behind it. */
const STALE_MARGIN_MS = 2 * 60_000;
/** The same problem gives the same schedule. */
const SEED = 1;
const PG_UNIQUE_VIOLATION = '23505';

type Entry = { meeting: MeetingEntity; fixed: boolean };
type Placement = { id: string; slot: number | null; table: number | null; reason: UnscheduledReason | null };

/**
 * Organisers' scheduler runs over a session's meetings: the problem is built from the
 * database, solved in a worker thread (the event loop is never blocked), and the result
 * applied in one transaction. Meetings the run places are not yet published.
 */
@Injectable()
export class ScheduleRunsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ScheduleRuns');
  /** Runs of this process, awaited at shutdown. */
  private readonly active = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publisher: BoardPublisher,
    private readonly meetings: MeetingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.failStale();
    } catch (error) {
      // Before the first migration the table does not exist yet; the next request sweeps.
      this.logger.debug(`Stale runs not swept at start: ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.active]);
  }

  /** Starts a run (202): one at a time per session, by the partial unique index. */
  async start(principal: Principal, sessionId: string, dto: ScheduleRunDto): Promise<ScheduleRun> {
    const session = await this.meetings.visibleSession(this.dataSource.manager, principal, sessionId);
    if (session.meetingMode !== 'scheduled')
      throw new Conflict('self_booking_session', 'Participants book this session’s meetings themselves; there is nothing to schedule', [
        { field: 'meetingMode', messages: ['is self_booking'] },
      ]);
    if (session.status === 'closed') throw new Conflict('session_closed', 'This session is closed', [{ field: 'sessionId', messages: ['closed'] }]);
    this.meetings.schedulableSlots(session, 'slotMinutes');
    await this.failStale(sessionId);
    let run: ScheduleRunEntity | undefined;
    let view: ScheduleRun;
    try {
      view = await this.uow.run(async ({ manager }) => {
        await this.meetings.lockSession(manager, sessionId);
        run = await manager.save(manager.create(ScheduleRunEntity, { sessionId, allowMoves: dto.allowMoves ?? false, startedByUserId: principal.userId }));
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'schedule_run.started',
          entityType: 'schedule_run',
          entityId: run.id,
          data: { sessionId, allowMoves: run.allowMoves },
        });
        return this.view(manager, run);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION) {
        throw new Conflict('run_in_progress', 'The scheduler is already planning this session; wait for its run to finish', [
          { field: 'sessionId', messages: ['a run is in progress'] },
        ]);
      }
      throw error;
    }
    this.publisher.publishScheduleRun(view);
    const job: Promise<void> = this.execute(run!, session).finally(() => this.active.delete(job));
    this.active.add(job);
    return view;
  }

  async latest(principal: Principal, sessionId: string): Promise<ScheduleRun> {
    await this.meetings.visibleSession(this.dataSource.manager, principal, sessionId);
    await this.failStale(sessionId);
    const run = await this.dataSource.getRepository(ScheduleRunEntity).findOne({ where: { sessionId }, order: { startedAt: 'DESC' } });
    if (!run) throw new NotFound('Schedule run');
    return this.view(this.dataSource.manager, run);
  }

  /** Runs left `running` by a process that died are failed once they are older than any run can take. */
  private async failStale(sessionId?: string): Promise<void> {
    const staleMs = this.config.schedulerBudgetMs + STALE_MARGIN_MS;
    await this.dataSource.query(
      `UPDATE schedule_run SET status = 'failed', error = 'The server running it stopped before it finished', "finishedAt" = now()
        WHERE status = 'running' AND "startedAt" < now() - make_interval(secs => $1) AND ($2::uuid IS NULL OR "sessionId" = $2)`,
      [staleMs / 1000, sessionId ?? null],
    );
  }

  private async execute(run: ScheduleRunEntity, session: SessionEntity): Promise<void> {
    try {
      const { problem, entries, halfConflicts } = await this.problem(session, run.allowMoves);
      let lastWrite = 0;
      let fraction = 0;
      let writes: Promise<void> = Promise.resolve();
      const onProgress = (p: ScheduleProgress): void => {
        fraction = Math.max(fraction, overall(p));
        const now = Date.now();
        if (p.phase === 'done' || now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        const at = { phase: p.phase, fraction, breaks: p.breaks };
        writes = writes.then(() => this.progress(run.id, at));
      };
      const result =
        problem.meetings.length > 0
          ? await scheduleInWorker(problem, { budgetMs: this.config.schedulerBudgetMs, threads: this.config.schedulerThreads, seed: SEED, onProgress })
          : emptyResult();
      await writes;
      await this.apply(run, session, entries, halfConflicts, result);
    } catch (error) {
      this.logger.error(`Scheduler run ${run.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.fail(run.id, error).catch((e: unknown) => this.logger.error(`Could not mark run ${run.id} failed: ${String(e)}`));
    }
  }

  /**
   * The session's meetings as a scheduling problem, in priority order: pinned, then
   * published, then the earliest agreed. Pinned (and, unless moves are allowed, published)
   * meetings keep their slot and table. A meeting whose parties want opposite halves of
   * the day is left out ('half_conflict').
   */
  private async problem(session: SessionEntity, allowMoves: boolean): Promise<{ problem: ScheduleProblem; entries: Entry[]; halfConflicts: MeetingEntity[] }> {
    const manager = this.dataSource.manager;
    const slots = this.meetings.schedulableSlots(session, 'slotMinutes');
    const morning = slots.filter((s) => s.half === 'morning').length;
    // Halves are a morning prefix and an afternoon rest; a session over midnight has no split.
    const split = slots.every((s, i) => i < morning === (s.half === 'morning'));
    const rows = await manager.find(MeetingEntity, { where: { sessionId: session.id, status: In(['unscheduled', 'scheduled', 'held', 'no_show']) } });
    rows.sort((x, y) => rank(x) - rank(y) || x.acceptedAt.getTime() - y.acceptedAt.getTime() || x.id.localeCompare(y.id));
    const organisations = [...new Set(rows.flatMap((m) => [m.organisationAId, m.organisationBId]))];
    const wishes = await this.meetings.wishes(manager, session.id, organisations);
    const index = new Map<string, number>();
    const entries: Entry[] = [];
    const halfConflicts: MeetingEntity[] = [];
    const meetings: ProblemMeeting[] = [];
    const participant = (org: string): number => {
      if (!index.has(org)) index.set(org, index.size);
      return index.get(org)!;
    };
    for (const m of rows) {
      const fixed = m.slot !== null && m.tableNo !== null && (m.pinned || m.status === 'held' || m.status === 'no_show' || (m.published && !allowMoves));
      const half = split ? commonHalf(wishes.get(m.organisationAId)!.half, wishes.get(m.organisationBId)!.half) : 'any';
      if (!fixed && half === null) {
        halfConflicts.push(m);
        continue;
      }
      entries.push({ meeting: m, fixed });
      meetings.push({
        a: participant(m.organisationAId),
        b: participant(m.organisationBId),
        half: fixed || half === null ? 'any' : half,
        ...(fixed ? { fixedSlot: m.slot!, fixedTable: m.tableNo! } : {}),
      });
    }
    const forbidden = [...index.keys()].map((org) => wishes.get(org)!.unavailableSlots.filter((s) => s <= slots.length));
    const problem: ScheduleProblem = {
      participants: index.size,
      slots: slots.length,
      morningSlots: split ? morning : 0,
      tables: session.tableCount,
      meetings,
      forbidden,
    };
    return { problem, entries, halfConflicts };
  }

  private async progress(runId: string, at: { phase: ScheduleRun['phase']; fraction: number; breaks: number | null }): Promise<void> {
    try {
      await this.dataSource
        .createQueryBuilder()
        .update(ScheduleRunEntity)
        .set({ phase: at.phase, fraction: at.fraction, ...(at.breaks !== null ? { breaks: at.breaks } : {}) })
        .where('id = :runId AND status = :running', { runId, running: 'running' })
        .execute();
      const run = await this.dataSource.getRepository(ScheduleRunEntity).findOneByOrFail({ id: runId });
      this.publisher.publishScheduleRun(await this.view(this.dataSource.manager, run));
    } catch (error) {
      this.logger.warn(`Progress of run ${runId} not written: ${String(error)}`);
    }
  }

  /**
   * The result, in one transaction: movable meetings lose their places first, then take the
   * new ones with their seats. A meeting changed since the problem was read is left as it is,
   * and a placement that would clash with what stayed put is not made ('capacity').
   */
  private async apply(run: ScheduleRunEntity, session: SessionEntity, entries: Entry[], halfConflicts: MeetingEntity[], result: ScheduleResult): Promise<void> {
    const outcome = await this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.meetings.lockSession(manager, session.id);
      const current = await manager.findOne(ScheduleRunEntity, { where: { id: run.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || current.status !== 'running') return null;
      const reasons = new Map(result.unscheduled.map((u) => [u.meeting, u.reason]));
      const wanted: Placement[] = [];
      entries.forEach((e, i) => {
        if (e.fixed) return;
        const placed = result.slot[i] > 0 && result.table[i] > 0;
        wanted.push({
          id: e.meeting.id,
          slot: placed ? result.slot[i] : null,
          table: placed ? result.table[i] : null,
          reason: placed ? null : (reasons.get(i) ?? 'capacity'),
        });
      });
      for (const m of halfConflicts) wanted.push({ id: m.id, slot: null, table: null, reason: 'half_conflict' });
      const read = new Map([...entries.map((e) => e.meeting), ...halfConflicts].map((m) => [m.id, m]));
      const fresh =
        wanted.length > 0 ? await manager.find(MeetingEntity, { where: { id: In(wanted.map((w) => w.id)) }, lock: { mode: 'pessimistic_write' } }) : [];
      const unchanged = new Map(fresh.filter((m) => m.version === read.get(m.id)?.version).map((m) => [m.id, m]));
      const movable = wanted.filter((w) => unchanged.has(w.id));
      const ids = movable.map((w) => w.id);
      // What stays where it is: every placed meeting of the session that this run does not move.
      const kept = await manager.query<{ slot: number; tableNo: number; organisationAId: string; organisationBId: string }[]>(
        `SELECT slot, "tableNo", "organisationAId", "organisationBId" FROM meeting WHERE "sessionId" = $1 AND slot IS NOT NULL AND NOT (id = ANY($2::uuid[]))`,
        [session.id, ids],
      );
      const seatsTaken = new Set(kept.flatMap((k) => [`${k.organisationAId}:${k.slot}`, `${k.organisationBId}:${k.slot}`]));
      const tablesTaken = new Set(kept.map((k) => `${k.slot}:${k.tableNo}`));
      for (const w of movable) {
        if (w.slot === null || w.table === null) continue;
        const m = unchanged.get(w.id)!;
        const clash =
          w.table > session.tableCount ||
          tablesTaken.has(`${w.slot}:${w.table}`) ||
          seatsTaken.has(`${m.organisationAId}:${w.slot}`) ||
          seatsTaken.has(`${m.organisationBId}:${w.slot}`);
        if (clash) {
          Object.assign(w, { slot: null, table: null, reason: 'capacity' });
          continue;
        }
        tablesTaken.add(`${w.slot}:${w.table}`);
        seatsTaken.add(`${m.organisationAId}:${w.slot}`).add(`${m.organisationBId}:${w.slot}`);
      }
      // First every movable meeting leaves its place, so no unique index sees two at once.
      await manager.query(`UPDATE meeting SET slot = NULL, "tableNo" = NULL WHERE id = ANY($1::uuid[])`, [ids]);
      await manager.query(`DELETE FROM meeting_seat WHERE "meetingId" = ANY($1::uuid[])`, [ids]);
      const changed = movable.filter((w) => {
        const m = unchanged.get(w.id)!;
        return m.slot !== w.slot || m.tableNo !== w.table || m.unscheduledReason !== w.reason;
      });
      const changedIds = new Set(changed.map((w) => w.id));
      await manager.query(
        `UPDATE meeting m SET slot = v.slot, "tableNo" = v.t, status = v.status, "unscheduledReason" = v.reason, published = v.published,
                version = m.version + v.bump, "updatedAt" = CASE WHEN v.bump = 1 THEN now() ELSE m."updatedAt" END
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::varchar[], $5::varchar[], $6::bool[], $7::int[]) AS v(id, slot, t, status, reason, published, bump)
          WHERE m.id = v.id`,
        [
          ids,
          movable.map((w) => w.slot),
          movable.map((w) => w.table),
          movable.map((w) => (w.slot !== null ? 'scheduled' : 'unscheduled')),
          movable.map((w) => w.reason),
          // A published meeting that keeps its place stays on the agendas; one that moves waits for the next publish.
          movable.map((w) => w.slot !== null && unchanged.get(w.id)!.published && !changedIds.has(w.id)),
          movable.map((w) => (changedIds.has(w.id) ? 1 : 0)),
        ],
      );
      const seats = movable
        .filter((w) => w.slot !== null)
        .flatMap((w) => {
          const m = unchanged.get(w.id)!;
          return [m.organisationAId, m.organisationBId].map((org) => ({ org, slot: w.slot!, meetingId: w.id }));
        });
      await manager.query(
        `INSERT INTO meeting_seat ("sessionId", "organisationId", slot, "meetingId") SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::uuid[])`,
        [session.id, seats.map((s) => s.org), seats.map((s) => s.slot), seats.map((s) => s.meetingId)],
      );
      const unscheduled = movable.filter((w) => w.slot === null).map((w) => ({ meetingId: w.id, reason: w.reason! }));
      const scheduled = entries.filter((e) => e.fixed).length + movable.filter((w) => w.slot !== null).length;
      Object.assign(current, {
        status: 'done',
        phase: 'done',
        fraction: 1,
        breaks: result.breaks,
        lowerBound: result.lowerBound,
        scheduled,
        unscheduled,
        finishedAt: new Date(),
      });
      await manager.save(current);
      await this.audit.record(manager, {
        actorUserId: run.startedByUserId,
        action: 'schedule_run.applied',
        entityType: 'schedule_run',
        entityId: run.id,
        data: {
          sessionId: session.id,
          scheduled,
          unscheduled: unscheduled.length,
          moved: changed.length,
          breaks: result.breaks,
          lowerBound: result.lowerBound,
          optimal: result.optimal,
        },
      });
      this.meetings.changed(
        tx,
        session.id,
        changed.map((w) => unchanged.get(w.id)!),
      );
      return { run: current };
    });
    if (!outcome) return;
    this.publisher.publishScheduleRun(await this.view(this.dataSource.manager, outcome.run));
  }

  private async fail(runId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource.query(`UPDATE schedule_run SET status = 'failed', error = $2, "finishedAt" = now() WHERE id = $1 AND status = 'running'`, [
      runId,
      message.slice(0, 2000),
    ]);
    const run = await this.dataSource.getRepository(ScheduleRunEntity).findOneByOrFail({ id: runId });
    this.publisher.publishScheduleRun(await this.view(this.dataSource.manager, run));
  }

  private async view(manager: EntityManager, run: ScheduleRunEntity): Promise<ScheduleRun> {
    const user = await manager.findOne(UserEntity, { where: { id: run.startedByUserId } });
    return {
      id: run.id,
      sessionId: run.sessionId,
      status: run.status,
      allowMoves: run.allowMoves,
      phase: run.phase,
      fraction: run.fraction,
      breaks: run.breaks,
      lowerBound: run.lowerBound,
      scheduled: run.scheduled,
      unscheduled: run.unscheduled,
      startedByName: user?.displayName ?? '',
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
      error: run.error,
    };
  }
}

/** Pinned first, then published, then the rest. */
function rank(m: MeetingEntity): number {
  return m.pinned ? 0 : m.published ? 1 : 2;
}

/** One 0..1 figure over the phases: building the first schedule is the first tenth. */
function overall(p: ScheduleProgress): number {
  switch (p.phase) {
    case 'construct':
      return 0.1 * p.fraction;
    case 'improve':
    case 'exact':
      return 0.1 + 0.9 * p.fraction;
    case 'done':
      return 1;
  }
}

function emptyResult(): ScheduleResult {
  return { slot: [], table: [], unscheduled: [], breaks: 0, breaksByParticipant: [], lowerBound: 0, optimal: true, elapsedMs: 0 };
}
