import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dayInZone,
  dueInstant,
  dueSoonUntil,
  institutionClassOf,
  obligationTiming,
  INSTITUTION_CLASSES,
  OBLIGATION_STATES,
  ORGANISATION_KINDS,
  OUTSTANDING_OBLIGATION_STATES,
  type InstitutionClass,
  type ObligationState,
  type Page,
  type PlatformFigure,
  type RewardPeriod,
  type StatisticsFigures,
  type StatisticsForm,
  type StatisticsFormRow,
  type StatisticsFormVersion,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { escapeLike } from '../common/changes';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { assertNoProblems } from '../common/problems';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import type { RewardPeriodCloseDto, RewardPeriodDto, StatisticsFormDto, StatisticsFormListQueryDto } from './dto/statistics.dto';
import { completeFigures, figuresProblems } from './statistics-rules';
import { RewardPeriodEntity, StatisticsFormEntity, StatisticsFormVersionEntity } from './statistics.entity';
import { platformFigures } from './statistics.repository';

/** The subject type of a statistics filing's obligation (its id is the form's). */
export const STATISTICS_SUBJECT = 'statistics_form';
/** Forms read per page when exporting. */
const EXPORT_BATCH = 2000;

/** A form as read with its period, organisation, obligation and latest filed figures. */
type FormRaw = {
  formId: string;
  obligationId: string;
  periodId: string;
  periodName: string;
  startsOn: string;
  endsOn: string;
  eventId: string;
  timeZone: string;
  organisationId: string;
  organisationName: string;
  class: InstitutionClass;
  draft: StatisticsFigures | null;
  latest: StatisticsFigures | null;
  state: ObligationState;
  dueOn: string;
  dueAt: Date;
  firstSubmittedAt: Date | null;
  returnReason: string | null;
  obligationVersion: number;
};

type Progress = RewardPeriod['forms'];

const FORM_SELECT = `
  SELECT f.id AS "formId", f."obligationId", f."periodId", p.name AS "periodName",
         to_char(p."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(p."endsOn", 'YYYY-MM-DD') AS "endsOn",
         p."eventId", e."timeZone", f."organisationId", org.name AS "organisationName", f.class, f.draft,
         (SELECT v.figures FROM statistics_form_version v WHERE v."formId" = f.id ORDER BY v.n DESC LIMIT 1) AS latest,
         o.state, to_char(o."dueOn", 'YYYY-MM-DD') AS "dueOn", o."dueAt", o."firstSubmittedAt", o."returnReason", o.version AS "obligationVersion"
    FROM statistics_form f
    JOIN reward_period p ON p.id = f."periodId"
    JOIN match_event e ON e.id = p."eventId"
    JOIN obligation o ON o.id = f."obligationId"
    JOIN organisation org ON org.id = f."organisationId"`;

/** Sorts forms by class (in INSTITUTION_CLASSES order), then by the organisation's name. */
const CLASS_ORDER = `array_position($CLASSES::text[], f.class::text)`;

/**
 * Statistics institutions report (统计报表). Organisers open a reporting period for an event:
 * every approved participant of the classes named owes its class's form (an obligation of kind
 * statistics_filing whose subject is its form, so reminders, overdue marks and supervision come
 * from the obligations' ladder). The institution saves drafts and files; every filed version is
 * kept; organisers accept (the figures are confirmed) or return with a reason through the
 * obligations' review, and a returned form is corrected and filed again.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly obligations: ObligationsService,
    private readonly notifications: NotificationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  // ---- organisers: periods ----

  async periods(eventId: string): Promise<RewardPeriod[]> {
    const { manager } = this.dataSource;
    await this.events.findEvent(manager, eventId);
    const periods = await manager.find(RewardPeriodEntity, { where: { eventId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const progress = await this.progressOf(
      manager,
      periods.map((p) => p.id),
    );
    return periods.map((p) => toPeriod(p, progress.get(p.id)));
  }

  async period(id: string): Promise<RewardPeriod> {
    return this.periodView(this.dataSource.manager, await this.findPeriod(this.dataSource.manager, id));
  }

  /**
   * Opens a period: every approved participant of the event whose kind files one of the classes
   * named owes its form by the end of the due day in the event's zone. Opening a period of the
   * same name again answers that period, after owing the form to the institutions that joined since.
   */
  async openPeriod(principal: Principal, eventId: string, dto: RewardPeriodDto): Promise<RewardPeriod> {
    if (dto.endsOn < dto.startsOn) throw new InvalidInput('endsOn', 'must be on or after startsOn');
    if (dto.dueOn < dto.startsOn) throw new InvalidInput('dueOn', 'must be on or after startsOn');
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const event = await this.events.findEvent(manager, eventId);
      let period = await this.lockPeriodByName(manager, eventId, dto.name);
      let created = false;
      if (!period) {
        const today = dayInZone(this.clock.now(), event.timeZone);
        if (dto.dueOn < today) throw new InvalidInput('dueOn', `is past (today is ${today} in ${event.timeZone})`);
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO reward_period ("eventId", name, "startsOn", "endsOn", cadence, "dueOn", classes, state, "createdByUserId", version)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text[], 'open', $8, 1)
           ON CONFLICT ("eventId", name) DO NOTHING RETURNING id`,
          [eventId, dto.name, dto.startsOn, dto.endsOn, dto.cadence, dto.dueOn, sortClasses(dto.classes), principal.userId],
        );
        created = inserted.length > 0;
        period = await this.lockPeriodByName(manager, eventId, dto.name);
        if (!period) throw new Error(`The period ${dto.name} was neither created nor found`);
      }
      if (period.state === 'closed') throw new Conflict('invalid_state', 'This period is closed; open a period of another name');
      const added = await this.oweNewcomers(tx, principal, period, event.timeZone);
      if (created || added > 0) {
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'statistics.period_opened',
          entityType: 'reward_period',
          entityId: period.id,
          data: created
            ? { eventId, name: period.name, startsOn: period.startsOn, endsOn: period.endsOn, dueOn: period.dueOn, classes: period.classes, owed: added }
            : { eventId, reopened: true, owed: added },
        });
      }
      return this.periodView(manager, period);
    });
  }

  /** Closes a period: what is still owed (open or returned) is waived; filed forms stay as they are. */
  async closePeriod(principal: Principal, id: string, dto: RewardPeriodCloseDto): Promise<RewardPeriod> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const period = await this.findPeriod(manager, id, true);
      if (period.state === 'closed' && period.version === dto.version + 1) return this.periodView(manager, period);
      assertVersion(period.version, dto.version, 'The period');
      if (period.state === 'closed') throw new Conflict('invalid_state', 'This period is closed already');
      const forms: { obligationId: string }[] = await manager.query(
        `SELECT "obligationId" FROM statistics_form WHERE "periodId" = $1 ORDER BY "obligationId"`,
        [id],
      );
      const waived = await this.obligations.waiveMany(
        tx,
        forms.map((f) => f.obligationId),
        'reporting period closed',
        principal.userId,
      );
      period.state = 'closed';
      period.version += 1;
      await manager.save(period);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'statistics.period_closed',
        entityType: 'reward_period',
        entityId: id,
        data: { waived },
      });
      return this.periodView(manager, period);
    });
  }

  // ---- organisers: the forms ----

  /** A period's forms, by class then name, with the platform's figures beside. */
  async forms(id: string, query: StatisticsFormListQueryDto): Promise<Page<StatisticsFormRow>> {
    const { manager } = this.dataSource;
    const period = await this.findPeriod(manager, id);
    const event = await this.events.findEvent(manager, period.eventId);
    const params: unknown[] = [id];
    const where = this.formFilter(query, params, event.timeZone);
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT COUNT(*)::int AS total FROM statistics_form f JOIN obligation o ON o.id = f."obligationId" JOIN organisation org ON org.id = f."organisationId"
        WHERE ${where}`,
      params,
    );
    const { skip, take } = skipTake(query);
    const rows = await this.formPage(manager, where, params, skip, take);
    return pageOf(await this.rowsOf(manager, period.eventId, rows), total, query);
  }

  /** The period and its forms for the workbook, a page at a time, in the list's order. */
  async exportForms(
    id: string,
  ): Promise<{ period: RewardPeriodEntity; timeZone: string; count: number; pages: (cls: InstitutionClass) => AsyncGenerator<StatisticsFormRow[]> }> {
    const { manager } = this.dataSource;
    const period = await this.findPeriod(manager, id);
    const event = await this.events.findEvent(manager, period.eventId);
    const [{ count }]: { count: number }[] = await manager.query(`SELECT COUNT(*)::int AS count FROM statistics_form WHERE "periodId" = $1`, [id]);
    const pages = async function* (this: StatisticsService, cls: InstitutionClass): AsyncGenerator<StatisticsFormRow[]> {
      for (let skip = 0; ; skip += EXPORT_BATCH) {
        const rows = await this.formPage(manager, `f."periodId" = $1 AND f.class = $2`, [id, cls], skip, EXPORT_BATCH);
        if (rows.length === 0) return;
        yield await this.rowsOf(manager, period.eventId, rows);
        if (rows.length < EXPORT_BATCH) return;
      }
    }.bind(this);
    return { period, timeZone: event.timeZone, count, pages };
  }

  // ---- institutions: their forms ----

  /** The forms the caller's organisation owes or filed (not those waived), soonest due first. */
  async mine(principal: Principal): Promise<StatisticsForm[]> {
    const rows: FormRaw[] = await this.dataSource.manager.query(
      `${FORM_SELECT} WHERE f."organisationId" = $1 AND o.state <> 'waived' ORDER BY o."dueAt", p.name, f.id LIMIT 500`,
      [principal.organisationId],
    );
    return this.formViews(this.dataSource.manager, rows);
  }

  /** The organisation that owes it and organisers see a form; anyone else is told it does not exist. */
  async form(principal: Principal, id: string): Promise<StatisticsForm> {
    const raw = await this.formRaw(this.dataSource.manager, id);
    if (!raw || (!isOrganiser(principal) && raw.organisationId !== principal.organisationId)) throw new NotFound('Statistics form');
    const [view] = await this.formViews(this.dataSource.manager, [raw]);
    return view;
  }

  /** Saves draft figures while the form is open or returned, on the obligation's version read. */
  async saveDraft(principal: Principal, id: string, dto: StatisticsFormDto): Promise<StatisticsForm> {
    return this.uow.run(async (tx) => {
      const { form, obligation, period } = await this.lockOwn(tx, principal, id);
      // A retry of the save just made (its answer lost) is answered again.
      if (obligation.version === dto.version && isDeepStrictEqual(form.draft, dto.figures)) return this.oneView(tx.manager, id);
      assertVersion(obligation.version, dto.version, 'The form');
      this.assertOutstanding(obligation, period);
      assertNoProblems(figuresProblems(form.class, dto.figures, false));
      form.draft = dto.figures;
      form.draftSavedAt = this.clock.now();
      form.draftSavedByUserId = principal.userId;
      await tx.manager.save(form);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'statistics.form_saved',
        entityType: 'statistics_form',
        entityId: form.id,
        data: { obligationId: obligation.id, periodId: period.id },
      });
      return this.oneView(tx.manager, id);
    });
  }

  /**
   * Files the form: the figures are checked against the class's fields (a 400 names
   * `figures.<key>`), the obligation is submitted and the figures kept as the next version. A
   * retry by the same user of the filing just made is answered without filing again.
   */
  async submit(principal: Principal, id: string, dto: StatisticsFormDto): Promise<StatisticsForm> {
    return this.uow.run(async (tx) => {
      const { form, obligation, period } = await this.lockOwn(tx, principal, id);
      const outstanding = OUTSTANDING_OBLIGATION_STATES.includes(obligation.state);
      if (outstanding) {
        assertVersion(obligation.version, dto.version, 'The form');
        if (period.state === 'closed') throw new Conflict('not_owed', 'This period is closed; its forms are no longer filed');
        assertNoProblems(figuresProblems(form.class, dto.figures, true));
      }
      const { replay } = await this.obligations.submit(tx, obligation, principal, dto.version);
      if (replay) return this.oneView(tx.manager, id);
      const figures = completeFigures(form.class, dto.figures);
      const [{ n }]: { n: number }[] = await tx.manager.query(`SELECT COALESCE(MAX(n), 0)::int + 1 AS n FROM statistics_form_version WHERE "formId" = $1`, [
        form.id,
      ]);
      await tx.manager.insert(StatisticsFormVersionEntity, {
        formId: form.id,
        n,
        figures,
        submittedByUserId: principal.userId,
        submittedAt: obligation.submittedAt ?? this.clock.now(),
      });
      // Filed: the notice that it is owed is settled for this institution.
      await this.notifications.settle(tx, [owedKey(period.id)], { organisationIds: [form.organisationId] });
      form.draft = null;
      form.draftSavedAt = null;
      form.draftSavedByUserId = null;
      await tx.manager.save(form);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'statistics.form_submitted',
        entityType: 'statistics_form',
        entityId: form.id,
        data: { obligationId: obligation.id, periodId: period.id, n, figures },
      });
      return this.oneView(tx.manager, id);
    });
  }

  // ---- helpers ----

  /** Owes the period's form to the approved participants of its classes that do not owe it yet; how many. */
  private async oweNewcomers(tx: Tx, principal: Principal, period: RewardPeriodEntity, timeZone: string): Promise<number> {
    const { manager } = tx;
    const kinds = ORGANISATION_KINDS.filter((k) => {
      const cls = institutionClassOf(k);
      return cls !== null && period.classes.includes(cls);
    });
    const fresh: { id: string; kind: (typeof ORGANISATION_KINDS)[number] }[] = await manager.query(
      `SELECT DISTINCT o.id, o.kind
         FROM participation pa
         JOIN match_session s ON s.id = pa."sessionId"
         JOIN organisation o ON o.id = pa."organisationId"
        WHERE s."eventId" = $1 AND pa.status = 'approved' AND o.status = 'approved' AND o.kind = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM statistics_form f WHERE f."periodId" = $3 AND f."organisationId" = o.id)
        ORDER BY o.id`,
      [period.eventId, kinds, period.id],
    );
    if (fresh.length === 0) return 0;
    const due = { dueOn: period.dueOn, dueAt: dueInstant(period.dueOn, timeZone), provisional: false };
    const formIds = fresh.map(() => randomUUID());
    const classes = fresh.map((o) => institutionClassOf(o.kind)!);
    const owed = await this.obligations.oweMany(
      tx,
      fresh.map((o, i) => ({
        kind: 'statistics_filing' as const,
        eventId: period.eventId,
        sessionId: null,
        organisationId: o.id,
        subject: { type: STATISTICS_SUBJECT, id: formIds[i], title: period.name, step: classes[i], seq: 1 },
        due,
        actorUserId: principal.userId,
      })),
    );
    await manager.query(
      `INSERT INTO statistics_form (id, "periodId", "organisationId", class, "obligationId")
       SELECT r.id, $1, r."organisationId", r.class, r."obligationId"
         FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::uuid[]) AS r(id, "organisationId", class, "obligationId")`,
      [period.id, formIds, fresh.map((o) => o.id), classes, owed.map((o) => o.obligation.id)],
    );
    await this.notifications.notify(tx, {
      kind: 'obligation.owed',
      eventId: period.eventId,
      to: { organisationIds: fresh.map((o) => o.id) },
      params: { title: period.name, dueOn: period.dueOn },
      link: '/my/todo',
      dedupeKey: owedKey(period.id),
    });
    return fresh.length;
  }

  private async lockPeriodByName(manager: EntityManager, eventId: string, name: string): Promise<RewardPeriodEntity | null> {
    return manager.findOne(RewardPeriodEntity, { where: { eventId, name }, lock: { mode: 'pessimistic_write' } });
  }

  private async findPeriod(manager: EntityManager, id: string, lock = false): Promise<RewardPeriodEntity> {
    const period = await manager.findOne(RewardPeriodEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!period) throw new NotFound('Reporting period');
    return period;
  }

  private async periodView(manager: EntityManager, period: RewardPeriodEntity): Promise<RewardPeriod> {
    const progress = await this.progressOf(manager, [period.id]);
    return toPeriod(period, progress.get(period.id));
  }

  /** Per period: forms owed (not waived), filed and awaiting review, accepted, returned, and overdue by the clock. */
  private async progressOf(manager: EntityManager, ids: string[]): Promise<Map<string, Progress>> {
    if (ids.length === 0) return new Map();
    const rows: ({ periodId: string } & Progress)[] = await manager.query(
      `SELECT f."periodId",
              COUNT(*) FILTER (WHERE o.state <> 'waived')::int AS owed,
              COUNT(*) FILTER (WHERE o.state = 'submitted')::int AS submitted,
              COUNT(*) FILTER (WHERE o.state = 'accepted')::int AS accepted,
              COUNT(*) FILTER (WHERE o.state = 'returned')::int AS returned,
              COUNT(*) FILTER (WHERE o.state = ANY($2::varchar[]) AND o."dueAt" <= $3)::int AS overdue
         FROM statistics_form f JOIN obligation o ON o.id = f."obligationId"
        WHERE f."periodId" = ANY($1::uuid[])
        GROUP BY f."periodId"`,
      [ids, OUTSTANDING_OBLIGATION_STATES, this.clock.now()],
    );
    return new Map(rows.map(({ periodId, ...progress }) => [periodId, progress]));
  }

  /** The list's conditions over `statistics_form f`, `obligation o` and `organisation org`; params[0] is the period. */
  private formFilter(query: StatisticsFormListQueryDto, params: unknown[], timeZone: string): string {
    const conditions = ['f."periodId" = $1'];
    const state = query.state;
    if (state !== undefined && (OBLIGATION_STATES as readonly string[]).includes(state)) {
      conditions.push(`o.state = $${params.push(state)}`);
    } else if (state !== undefined) {
      conditions.push(`o.state = ANY($${params.push(OUTSTANDING_OBLIGATION_STATES)}::varchar[])`);
      const now = this.clock.now();
      if (state === 'overdue') conditions.push(`o."dueAt" <= $${params.push(now)}`);
      if (state === 'due_soon') conditions.push(`o."dueAt" > $${params.push(now)} AND o."dueOn" <= $${params.push(dueSoonUntil(now, timeZone))}`);
    }
    if (query.class) conditions.push(`f.class = $${params.push(query.class)}`);
    if (query.q) conditions.push(`org.name ILIKE $${params.push(`%${escapeLike(query.q)}%`)}`);
    return conditions.join(' AND ');
  }

  private async formPage(manager: EntityManager, where: string, params: unknown[], skip: number, take: number): Promise<FormRaw[]> {
    const classes = `$${params.length + 1}`;
    return manager.query(
      `${FORM_SELECT} WHERE ${where}
        ORDER BY ${CLASS_ORDER.replace('$CLASSES', classes)}, org.name, f.id
        OFFSET $${params.length + 2} LIMIT $${params.length + 3}`,
      [...params, INSTITUTION_CLASSES, skip, take],
    );
  }

  private async formRaw(manager: EntityManager, obligationId: string): Promise<FormRaw | undefined> {
    const [raw]: FormRaw[] = await manager.query(`${FORM_SELECT} WHERE f."obligationId" = $1`, [obligationId]);
    return raw;
  }

  private async platformOf(manager: EntityManager, eventId: string, rows: FormRaw[]): Promise<Map<string, Partial<Record<PlatformFigure, number>>>> {
    return platformFigures(
      manager,
      eventId,
      rows.map((r) => ({ id: r.organisationId, class: r.class })),
    );
  }

  private async rowsOf(manager: EntityManager, eventId: string, rows: FormRaw[]): Promise<StatisticsFormRow[]> {
    const platform = await this.platformOf(manager, eventId, rows);
    const now = this.clock.now();
    return rows.map((r) => ({
      ...formCore(r, platform),
      state: r.state,
      timing: obligationTiming(r, now, r.timeZone),
      dueOn: r.dueOn,
      returnReason: r.returnReason,
      version: r.obligationVersion,
    }));
  }

  /** Forms as the API shows them (possibly of several events), with their obligations and every filed version. */
  private async formViews(manager: EntityManager, rows: FormRaw[]): Promise<StatisticsForm[]> {
    if (rows.length === 0) return [];
    const obligations = new Map(
      (
        await this.obligations.views(
          manager,
          rows.map((r) => r.obligationId),
        )
      ).map((o) => [o.id, o]),
    );
    const platform = new Map<string, Partial<Record<PlatformFigure, number>>>();
    const byEvent = new Map<string, FormRaw[]>();
    for (const r of rows) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
    for (const [eventId, ofEvent] of byEvent) {
      for (const [orgId, figures] of await this.platformOf(manager, eventId, ofEvent)) platform.set(`${eventId}:${orgId}`, figures);
    }
    const versionRows: (StatisticsFormVersion & { formId: string; submittedAt: Date })[] = await manager.query(
      `SELECT v."formId", v.n, v.figures, v."submittedAt", COALESCE(u."displayName", '') AS "submittedBy"
         FROM statistics_form_version v LEFT JOIN app_user u ON u.id = v."submittedByUserId"
        WHERE v."formId" = ANY($1::uuid[]) ORDER BY v."formId", v.n`,
      [rows.map((r) => r.formId)],
    );
    const versions = new Map<string, StatisticsFormVersion[]>();
    for (const { formId, submittedAt, ...v } of versionRows) {
      versions.set(formId, [...(versions.get(formId) ?? []), { ...v, submittedAt: new Date(submittedAt).toISOString() }]);
    }
    return rows.map((r) => ({
      ...formCore(r, new Map([[r.organisationId, platform.get(`${r.eventId}:${r.organisationId}`) ?? {}]])),
      periodSpan: { startsOn: r.startsOn, endsOn: r.endsOn },
      obligation: obligations.get(r.obligationId)!,
      versions: versions.get(r.formId) ?? [],
    }));
  }

  private async oneView(manager: EntityManager, obligationId: string): Promise<StatisticsForm> {
    const raw = await this.formRaw(manager, obligationId);
    if (!raw) throw new NotFound('Statistics form');
    const [view] = await this.formViews(manager, [raw]);
    return view;
  }

  /** The form (by its obligation's id), its obligation and period, locked: only its organisation's users change it. */
  private async lockOwn(
    tx: Tx,
    principal: Principal,
    obligationId: string,
  ): Promise<{ form: StatisticsFormEntity; obligation: ObligationEntity; period: RewardPeriodEntity }> {
    const form = await tx.manager.findOne(StatisticsFormEntity, { where: { obligationId }, lock: { mode: 'pessimistic_write' } });
    if (!form || form.organisationId !== principal.organisationId) {
      if (form && isOrganiser(principal)) throw new Forbidden('Organisers review forms; the institution that owes it files it');
      throw new NotFound('Statistics form');
    }
    const obligation = await this.obligations.lock(tx.manager, obligationId);
    const period = await this.findPeriod(tx.manager, form.periodId);
    return { form, obligation, period };
  }

  private assertOutstanding(obligation: ObligationEntity, period: RewardPeriodEntity): void {
    if (!OUTSTANDING_OBLIGATION_STATES.includes(obligation.state)) {
      throw new Conflict('not_owed', `This form is ${obligation.state}; its figures are changed only while it is open or returned`);
    }
    if (period.state === 'closed') throw new Conflict('not_owed', 'This period is closed; its forms are no longer filed');
  }
}

/** The key of the notice telling an institution it owes the period's form. */
function owedKey(periodId: string): string {
  return `statistics.owed:${periodId}`;
}

function sortClasses(classes: readonly InstitutionClass[]): InstitutionClass[] {
  return INSTITUTION_CLASSES.filter((c) => classes.includes(c));
}

function toPeriod(p: RewardPeriodEntity, progress: Progress | undefined): RewardPeriod {
  return {
    id: p.id,
    eventId: p.eventId,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    cadence: p.cadence,
    dueOn: p.dueOn,
    classes: p.classes,
    state: p.state,
    forms: progress ?? { owed: 0, submitted: 0, accepted: 0, returned: 0, overdue: 0 },
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

/** What a form's row and its full view share: the draft being edited, else the latest filed figures. */
function formCore(r: FormRaw, platform: Map<string, Partial<Record<PlatformFigure, number>>>) {
  return {
    id: r.obligationId,
    periodId: r.periodId,
    periodName: r.periodName,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    class: r.class,
    figures: r.draft ?? r.latest ?? {},
    platform: platform.get(r.organisationId) ?? {},
    confirmed: r.state === 'accepted' && r.latest !== null,
  };
}
