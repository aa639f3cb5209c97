import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countWorkingDays,
  dayInZone,
  DEFAULT_ANSWER_WORKING_DAYS,
  dueInstant,
  type Department,
  type Page,
  type Problem,
  type ProblemCategory,
  type ProblemState,
  type ProblemUrgency,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AgreementEntity, AgreementPartyEntity } from '../agreements/agreement.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { SessionEntity } from '../events/session.entity';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ObligationsService } from '../obligations/obligations.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { EventDepartmentEntity, ProblemEntity } from './coordination.entities';
import type { DepartmentDto, ProblemAnswerDto, ProblemDto, ProblemExportQueryDto, ProblemListQueryDto, ProblemRouteDto } from './dto/coordination.dto';
import type { EventEntity } from '../events/event.entity';
import { pages } from '../common/xlsx';

/** What a problem's answer is owed about: the problem, and which routing (a re-routed problem is owed again). */
const subjectOf = (id: string) => ({ type: 'problem', id });

type ProblemRow = {
  id: string;
  eventId: string;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  raisedBy: string | null;
  agreementId: string | null;
  agreementTitle: string | null;
  category: ProblemCategory;
  urgency: ProblemUrgency;
  title: string;
  description: string;
  state: ProblemState;
  departmentId: string | null;
  departmentName: string | null;
  obligationId: string | null;
  dueOn: string | null;
  dueAt: Date | null;
  routedAt: Date | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  version: number;
  createdAt: Date;
};

/**
 * Organisers are told at once (a notification, and its email) of at most this many urgent
 * problems, and as many urgent operating reports, per organisation and event in any hour; the
 * rest are kept and listed as urgent, so that one organisation cannot flood every organiser's
 * inbox.
 */
export const URGENT_PUSHES_PER_HOUR = 3;

/** Whether the urgent row just written is still within the organisation's pushes of the last hour (it counts itself). */
export async function urgentPushAllowed(
  manager: EntityManager,
  table: 'coordination_problem' | 'liaison_report',
  eventId: string,
  organisationId: string,
  now: Date,
): Promise<boolean> {
  const urgent = table === 'coordination_problem' ? `urgency = 'urgent'` : 'urgent';
  const [{ n }]: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE "eventId" = $1 AND "organisationId" = $2 AND ${urgent} AND "createdAt" > $3 AND "createdAt" <= $4`,
    [eventId, organisationId, new Date(now.getTime() - 3600_000), now],
  );
  return n <= URGENT_PUSHES_PER_HOUR;
}

/** Whether the caller is an approved participant of some session of the event. */
export async function isApprovedParticipant(manager: EntityManager, eventId: string, organisationId: string): Promise<boolean> {
  return manager
    .createQueryBuilder(ParticipationEntity, 'p')
    .innerJoin(SessionEntity, 's', 's.id = p.sessionId')
    .where('s.eventId = :eventId', { eventId })
    .andWhere('p.organisationId = :organisationId', { organisationId })
    .andWhere(`p.status = 'approved'`)
    .getExists();
}

/**
 * The event's member departments, and the problems parties raise: organisers route each to a
 * department, which owes an answer by a due day in working days of the event's zone (an
 * obligation of kind problem_answer, so reminders and escalation apply), and answers it.
 */
@Injectable()
export class ProblemsService {
  private readonly logger = new Logger('Problems');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly obligations: ObligationsService,
    private readonly notifications: NotificationsService,
  ) {}

  // ---- departments ----

  async departments(eventId: string): Promise<Department[]> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    return this.departmentViews(this.dataSource.manager, eventId);
  }

  /** The departments for the export, with their event (a handful per event: read at once, as the list is). */
  async exportDepartments(eventId: string): Promise<{ event: EventEntity; rows: Department[] }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    return { event, rows: await this.departmentViews(this.dataSource.manager, eventId) };
  }

  async createDepartment(principal: Principal, eventId: string, dto: DepartmentDto): Promise<Department> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.events.findEvent(manager, eventId);
      const organisation = await manager.findOne(OrganisationEntity, { where: { id: dto.organisationId } });
      if (!organisation || organisation.kind !== 'organiser' || organisation.status !== 'approved') {
        throw new InvalidInput('organisationId', 'must be an approved organiser organisation, whose users answer for the department');
      }
      if (await manager.exists(EventDepartmentEntity, { where: { eventId, name: dto.name } })) {
        throw new Conflict('duplicate', `The event already has a department named ${dto.name}`, [{ field: 'name', messages: ['is taken in this event'] }]);
      }
      const department = await manager.save(manager.create(EventDepartmentEntity, { eventId, name: dto.name, organisationId: dto.organisationId }));
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'department.created',
        entityType: 'event_department',
        entityId: department.id,
        data: { eventId, name: dto.name, organisationId: dto.organisationId },
      });
      return (await this.departmentViews(manager, eventId)).find((d) => d.id === department.id)!;
    });
  }

  /** A department problems were routed to stays: they name it (409 department_in_use). */
  async deleteDepartment(principal: Principal, id: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const department = await manager.findOne(EventDepartmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw new NotFound('Department');
      const routed = await manager.count(ProblemEntity, { where: { departmentId: id } });
      if (routed > 0) {
        throw new Conflict('department_in_use', `${routed} problem(s) were routed to ${department.name}; a department with problems is kept`);
      }
      await manager.delete(EventDepartmentEntity, { id });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'department.deleted',
        entityType: 'event_department',
        entityId: id,
        data: { eventId: department.eventId, name: department.name },
      });
    });
  }

  private async departmentViews(manager: EntityManager, eventId: string): Promise<Department[]> {
    const rows = await manager.query<(Omit<Department, 'openProblems' | 'createdAt'> & { openProblems: string; createdAt: Date })[]>(
      `SELECT d.id, d."eventId", d.name, d."organisationId", o.name AS "organisationName", d."createdAt",
              (SELECT count(*) FROM coordination_problem p WHERE p."departmentId" = d.id AND p.state = 'in_progress') AS "openProblems"
         FROM event_department d JOIN organisation o ON o.id = d."organisationId"
        WHERE d."eventId" = $1 ORDER BY d."createdAt", d.name`,
      [eventId],
    );
    return rows.map((r) => ({ ...r, openProblems: Number(r.openProblems), createdAt: r.createdAt.toISOString() }));
  }

  // ---- problems ----

  /** An approved participant raises a problem, on an agreement it is party to or for itself; urgent ones are told to organisers at once. */
  async raise(principal: Principal, eventId: string, dto: ProblemDto): Promise<Problem> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.events.findEvent(manager, eventId);
      if (isOrganiser(principal)) throw new Forbidden('Organisers route problems; the parties raise them');
      if (!(await isApprovedParticipant(manager, eventId, principal.organisationId))) {
        throw new Forbidden('Only an approved participant of the event raises a problem in it');
      }
      if (dto.agreementId) {
        const agreement = await manager.findOne(AgreementEntity, { where: { id: dto.agreementId } });
        if (!agreement) throw new NotFound('Agreement');
        if (!(await manager.exists(AgreementPartyEntity, { where: { agreementId: agreement.id, organisationId: principal.organisationId } }))) {
          throw new Forbidden('Only a party to the agreement raises a problem on it');
        }
        if (agreement.eventId !== eventId) throw new InvalidInput('agreementId', 'is an agreement of another event');
      }
      const problem = await manager.save(
        manager.create(ProblemEntity, {
          eventId,
          organisationId: principal.organisationId,
          raisedByUserId: principal.userId,
          agreementId: dto.agreementId ?? null,
          category: dto.category,
          urgency: dto.urgency,
          title: dto.title,
          description: dto.description,
          state: 'received',
          version: 1,
          // The clock's instant (not the database's), so the week a problem counts in follows the rules' time.
          createdAt: this.clock.now(),
        }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'problem.raised',
        entityType: 'problem',
        entityId: problem.id,
        data: { eventId, category: dto.category, urgency: dto.urgency, agreementId: dto.agreementId ?? null },
      });
      const view = await this.view(manager, problem.id);
      if (dto.urgency === 'urgent' && (await urgentPushAllowed(manager, 'coordination_problem', eventId, principal.organisationId, problem.createdAt))) {
        await this.notifications.notify(tx, {
          kind: 'problem.raised',
          eventId,
          to: { organisers: true },
          params: { title: dto.title, organisation: view.organisationName },
          link: '/console',
          dedupeKey: `problem.raised:${problem.id}`,
        });
      }
      return view;
    });
  }

  /**
   * Routes it to a department of the event, which owes the answer within so many working days of
   * the event's zone (an obligation owed by the department's organisation). A problem already in
   * progress may be routed again: the earlier answer is no longer owed, the new one is.
   */
  async route(principal: Principal, id: string, dto: ProblemRouteDto): Promise<Problem> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const problem = await this.lock(manager, id);
      if (
        problem.state === 'in_progress' &&
        problem.version === dto.version + 1 &&
        problem.departmentId === dto.departmentId &&
        problem.routedByUserId === principal.userId
      ) {
        return this.view(manager, id);
      }
      assertVersion(problem.version, dto.version, 'The problem');
      if (problem.state === 'resolved') throw new Conflict('invalid_transition', 'This problem is resolved; it is not routed again');
      const department = await manager.findOne(EventDepartmentEntity, { where: { id: dto.departmentId } });
      if (!department || department.eventId !== problem.eventId) throw new InvalidInput('departmentId', 'must be a department of the problem’s event');
      const event = await this.events.findEvent(manager, problem.eventId);
      const now = this.clock.now();
      const days = dto.answerWorkingDays ?? DEFAULT_ANSWER_WORKING_DAYS[problem.urgency];
      const { day, provisional } = countWorkingDays(dayInZone(now, event.timeZone), days);
      const previous = problem.obligationId ? await this.obligations.get(manager, problem.obligationId) : null;
      if (previous) await this.obligations.waive(tx, subjectOf(id), 'rerouted', principal.userId);
      const { obligation } = await this.obligations.owe(tx, {
        kind: 'problem_answer',
        eventId: problem.eventId,
        sessionId: null,
        organisationId: department.organisationId,
        subject: { ...subjectOf(id), title: problem.title, step: 'answer', seq: (previous?.seq ?? 0) + 1 },
        due: { dueOn: day, dueAt: dueInstant(day, event.timeZone), provisional },
        actorUserId: principal.userId,
      });
      const from = problem.departmentId;
      problem.state = 'in_progress';
      problem.departmentId = department.id;
      problem.obligationId = obligation.id;
      problem.routedAt = now;
      problem.routedByUserId = principal.userId;
      problem.version += 1;
      await manager.save(problem);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'problem.routed',
        entityType: 'problem',
        entityId: id,
        data: { departmentId: department.id, ...(from ? { from } : {}), obligationId: obligation.id, workingDays: days, dueOn: day },
      });
      const view = await this.view(manager, id);
      await this.notifications.notify(tx, {
        kind: 'problem.routed',
        eventId: problem.eventId,
        to: { organisationIds: [department.organisationId] },
        params: { title: problem.title, organisation: view.organisationName, dueOn: day, deadlineOn: day },
        link: '/console',
        dedupeKey: `problem.routed:${obligation.id}`,
      });
      return view;
    });
  }

  /**
   * The department (a user of its organisation) or an organiser answers: the problem is resolved,
   * the answer owed is filed (and accepted: the answer is the department's, not a report to
   * review), and the raising organisation is told.
   */
  async answer(principal: Principal, id: string, dto: ProblemAnswerDto): Promise<Problem> {
    const { view, obligationId, accept } = await this.uow.run(async (tx) => {
      const { manager } = tx;
      const problem = await this.lock(manager, id);
      const department = problem.departmentId ? await manager.findOne(EventDepartmentEntity, { where: { id: problem.departmentId } }) : null;
      if (!isOrganiser(principal) && principal.organisationId !== department?.organisationId) {
        if (principal.organisationId === problem.organisationId) throw new Forbidden('The department it was routed to answers a problem');
        throw new NotFound('Problem');
      }
      if (problem.state === 'resolved' && problem.version === dto.version + 1 && problem.answeredByUserId === principal.userId) {
        return { view: await this.view(manager, id), obligationId: null, accept: null };
      }
      assertVersion(problem.version, dto.version, 'The problem');
      if (problem.state !== 'in_progress' || !department || !problem.obligationId) {
        throw new Conflict('invalid_transition', `This problem is ${problem.state}; only a problem routed to a department is answered`);
      }
      const owed = await this.obligations.lock(manager, problem.obligationId);
      // An organiser answering for the department files what the department owes.
      const filer = principal.organisationId === owed.organisationId ? principal : { ...principal, organisationId: owed.organisationId };
      const { obligation } = await this.obligations.submit(tx, owed, filer, owed.version);
      const now = this.clock.now();
      problem.state = 'resolved';
      problem.answer = dto.answer;
      problem.answeredAt = now;
      problem.answeredByUserId = principal.userId;
      problem.version += 1;
      await manager.save(problem);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'problem.answered',
        entityType: 'problem',
        entityId: id,
        data: { departmentId: department.id, obligationId: obligation.id, late: now.getTime() >= obligation.dueAt.getTime() },
      });
      await this.notifications.notify(tx, {
        kind: 'problem.answered',
        eventId: problem.eventId,
        to: { organisationIds: [problem.organisationId] },
        params: { title: problem.title, organisation: department.name },
        link: '/my/todo',
        dedupeKey: `problem.answered:${id}`,
      });
      await this.notifications.settle(tx, [`problem.routed:${obligation.id}`]);
      return { view: await this.view(manager, id), obligationId: obligation.id, accept: obligation.version };
    });
    if (obligationId && accept !== null) {
      // Accepted in a change of its own (the review locks the obligation the answer held).
      try {
        await this.obligations.review(principal, obligationId, { accept: true, version: accept });
      } catch (error) {
        this.logger.warn(`The answer to problem ${id} was filed but not accepted: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return view;
  }

  /** The organisers' queue: received first, urgent first, oldest first. */
  async forEvent(eventId: string, query: ProblemListQueryDto): Promise<Page<Problem>> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    const { clause, params } = problemFilter(eventId, query);
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM coordination_problem p WHERE ${clause}`, params);
    const { skip, take } = skipTake(query);
    const rows = await this.rows(
      this.dataSource.manager,
      `${clause} ORDER BY CASE p.state WHEN 'received' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, CASE p.urgency WHEN 'urgent' THEN 0 ELSE 1 END, p."createdAt", p.id
       OFFSET ${skip} LIMIT ${take}`,
      params,
    );
    return pageOf(rows, Number(total), query);
  }

  /** The event's queue for the organisers' export, filtered and ordered like the queue: the event, how many, then page by page. */
  async exportPages(eventId: string, query: ProblemExportQueryDto): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<Problem[]> }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const { clause, params } = problemFilter(eventId, query);
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM coordination_problem p WHERE ${clause}`, params);
    const read = pages((offset, limit) =>
      this.rows(
        this.dataSource.manager,
        `${clause} ORDER BY CASE p.state WHEN 'received' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, CASE p.urgency WHEN 'urgent' THEN 0 ELSE 1 END, p."createdAt", p.id
         OFFSET ${Number(offset)} LIMIT ${Number(limit)}`,
        params,
      ),
    );
    return { event, count: Number(total), pages: read };
  }

  /** What the caller's organisation raised, and what is routed to it as a department; newest first. */
  async mine(principal: Principal): Promise<Problem[]> {
    return this.rows(
      this.dataSource.manager,
      `(p."organisationId" = $1 OR p."departmentId" IN (SELECT id FROM event_department WHERE "organisationId" = $1))
       ORDER BY p."createdAt" DESC, p.id LIMIT 200`,
      [principal.organisationId],
    );
  }

  /** The raising organisation, the department's and organisers read it; to anyone else it does not exist. */
  async get(principal: Principal, id: string): Promise<Problem> {
    const problem = await this.view(this.dataSource.manager, id);
    if (isOrganiser(principal) || problem.organisationId === principal.organisationId) return problem;
    if (problem.departmentId) {
      const department = await this.dataSource.manager.findOne(EventDepartmentEntity, { where: { id: problem.departmentId } });
      if (department?.organisationId === principal.organisationId) return problem;
    }
    throw new NotFound('Problem');
  }

  private async lock(manager: EntityManager, id: string): Promise<ProblemEntity> {
    const problem = await manager.findOne(ProblemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!problem) throw new NotFound('Problem');
    return problem;
  }

  async view(manager: EntityManager, id: string): Promise<Problem> {
    const [problem] = await this.rows(manager, 'p.id = $1', [id]);
    if (!problem) throw new NotFound('Problem');
    return problem;
  }

  private async rows(manager: EntityManager, where: string, params: unknown[]): Promise<Problem[]> {
    const rows = await manager.query<ProblemRow[]>(
      `SELECT p.id, p."eventId", e."timeZone", p."organisationId", o.name AS "organisationName", ru."displayName" AS "raisedBy",
              p."agreementId", a.title AS "agreementTitle", p.category, p.urgency, p.title, p.description, p.state,
              p."departmentId", d.name AS "departmentName", p."obligationId", ob."dueOn"::text AS "dueOn", ob."dueAt",
              p."routedAt", p.answer, au."displayName" AS "answeredBy", p."answeredAt", p.version, p."createdAt"
         FROM coordination_problem p
         JOIN match_event e ON e.id = p."eventId"
         JOIN organisation o ON o.id = p."organisationId"
         LEFT JOIN app_user ru ON ru.id = p."raisedByUserId"
         LEFT JOIN agreement a ON a.id = p."agreementId"
         LEFT JOIN event_department d ON d.id = p."departmentId"
         LEFT JOIN obligation ob ON ob.id = p."obligationId"
         LEFT JOIN app_user au ON au.id = p."answeredByUserId"
        WHERE ${where}`,
      params,
    );
    const now = this.clock.now().getTime();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      timeZone: r.timeZone,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      raisedBy: r.raisedBy,
      agreementId: r.agreementId,
      agreementTitle: r.agreementTitle,
      category: r.category,
      urgency: r.urgency,
      title: r.title,
      description: r.description,
      state: r.state,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      obligationId: r.obligationId,
      dueOn: r.dueOn,
      overdue: r.state === 'in_progress' && r.dueAt !== null && r.dueAt.getTime() <= now,
      routedAt: r.routedAt?.toISOString() ?? null,
      answer: r.answer,
      answeredBy: r.answeredBy,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** The queue's filters as a condition on `p` (coordination_problem) and its parameters. */
function problemFilter(eventId: string, query: ProblemExportQueryDto): { clause: string; params: unknown[] } {
  const where: string[] = ['p."eventId" = $1'];
  const params: unknown[] = [eventId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.state) add('p.state = ?', query.state);
  if (query.category) add('p.category = ?', query.category);
  if (query.urgency) add('p.urgency = ?', query.urgency);
  if (query.departmentId) add('p."departmentId" = ?', query.departmentId);
  return { clause: where.join(' AND '), params };
}
