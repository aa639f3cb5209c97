import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countWorkingDays,
  dayInZone,
  dueInstant,
  dueSoonUntil,
  obligationTiming,
  prefectureOf,
  OBLIGATION_STATES,
  OUTSTANDING_OBLIGATION_STATES,
  type DemandGuidance,
  type DemandGuidanceRow,
  type ListingInput,
  type ObligationState,
  type Page,
  type Survey,
  type SurveyExclusion,
  type SurveyLeftOut,
  type SurveyProgress,
  type SurveyResponse,
  type SurveyResponseRow,
  type SurveySendResult,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { changedFields, escapeLike } from '../common/changes';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { assertNoProblems } from '../common/problems';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type {
  SurveyAnswersDto,
  SurveyCloseDto,
  SurveyConfirmListingDto,
  SurveyDto,
  SurveyExclusionDto,
  SurveyGuidanceDto,
  SurveyResponseListQueryDto,
  SurveySendDto,
  SurveySubmitDto,
  SurveyUpdateDto,
} from './dto/survey.dto';
import { answerProblems, draftAnswerProblems, listingPartOf, questionProblems } from './survey-rules';
import { SurveyEntity, SurveyExclusionEntity, SurveyResponseEntity } from './survey.entity';

/** The subject type of a survey response's obligation (its id is the response's). */
export const SURVEY_SUBJECT = 'survey_response';
/** How big a draft's answers may be, as JSON. */
const MAX_ANSWERS_BYTES = 64 * 1024;
/** The stable order in which the quota per prefecture picks: larger organisations first, then by credit code. */
const SIZE_RANK = `CASE o.size WHEN 'large' THEN 0 WHEN 'medium' THEN 1 WHEN 'small' THEN 2 ELSE 3 END`;

/** Where the summary's next batch starts: after this response, in the order of prefecture, organisation and id. */
type BatchCursor = { region: string; name: string; rid: string };
type ResponseListRaw = {
  id: string;
  surveyId: string;
  organisationId: string;
  organisationName: string;
  region: string;
  obligationId: string;
  state: ObligationState;
  dueOn: string;
  dueAt: Date;
  firstSubmittedAt: Date | null;
  obligationVersion: number;
  returnReason: string | null;
  submittedAt: Date | null;
  listingId: string | null;
  version: number;
  updatedAt: Date;
  hasListing: boolean;
  listingTitle: string | null;
  category: string | null;
  quantity: number | null;
  unit: string | null;
  amount: number | null;
  answered: number;
};
type Candidate = { id: string; name: string; region: string; reason: SurveyExclusion['reason'] | null; note: string | null };
type ResponseRow = {
  r: SurveyResponseEntity;
  survey: SurveyEntity;
  timeZone: string;
  organisationName: string;
  region: string;
  obligation: ObligationEntity;
};

/**
 * The needs survey before an event (摸底调查). A survey is defined as a draft, sent to the
 * organisations selected (each then owes a response: an obligation of kind survey_response whose
 * subject is its response, so reminders, overdue marks and supervision come from the obligations'
 * ladder), answered by them and reviewed by organisers through the obligations' review. Accepted
 * answers with a listing part are draft listings the organisation posts with one click.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly obligations: ObligationsService,
    private readonly listings: ListingsService,
    private readonly notifications: NotificationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  // ---- organisers: define ----

  async list(eventId: string): Promise<Survey[]> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const surveys = await this.dataSource.manager.find(SurveyEntity, { where: { eventId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const progress = await this.progressOf(
      this.dataSource.manager,
      surveys.map((s) => s.id),
    );
    return surveys.map((s) => toSurvey(s, event.timeZone, progress.get(s.id) ?? emptyProgress()));
  }

  async create(principal: Principal, eventId: string, dto: SurveyDto): Promise<Survey> {
    assertNoProblems(questionProblems(dto.questions));
    return this.uow.run(async (tx) => {
      const event = await this.events.findEvent(tx.manager, eventId);
      if (dto.sessionId) await this.assertSessionOfEvent(tx.manager, dto.sessionId, eventId, 'sessionId');
      const survey = await tx.manager.save(
        tx.manager.create(SurveyEntity, {
          eventId,
          title: dto.title,
          description: dto.description ?? '',
          listingType: dto.listingType ?? null,
          sessionId: dto.sessionId ?? null,
          questions: dto.questions.map(cleanQuestion),
          deadlineWorkingDays: dto.deadlineWorkingDays ?? null,
          deadlineOn: dto.deadlineOn ?? null,
          state: 'draft',
          version: 1,
          createdByUserId: principal.userId,
        }),
      );
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'survey.created',
        entityType: 'survey',
        entityId: survey.id,
        data: { eventId, title: survey.title, listingType: survey.listingType, questions: survey.questions.length },
      });
      return toSurvey(survey, event.timeZone, emptyProgress());
    });
  }

  async get(id: string): Promise<Survey> {
    const survey = await this.find(this.dataSource.manager, id);
    return this.view(this.dataSource.manager, survey);
  }

  async update(principal: Principal, id: string, dto: SurveyUpdateDto): Promise<Survey> {
    if (dto.questions) assertNoProblems(questionProblems(dto.questions));
    return this.uow.run(async (tx) => {
      const survey = await this.find(tx.manager, id, true);
      assertVersion(survey.version, dto.version, 'The survey');
      if (survey.state !== 'draft') throw new Conflict('survey_not_draft', 'This survey was sent; only a draft is edited');
      if (dto.sessionId) await this.assertSessionOfEvent(tx.manager, dto.sessionId, survey.eventId, 'sessionId');
      const { version: _version, ...patch } = dto;
      if (patch.questions) patch.questions = patch.questions.map(cleanQuestion);
      const changes = changedFields(survey, patch);
      Object.assign(survey, patch);
      survey.version += 1;
      await tx.manager.save(survey);
      await this.audit.record(tx.manager, { actorUserId: principal.userId, action: 'survey.updated', entityType: 'survey', entityId: id, data: { changes } });
      return this.view(tx.manager, survey);
    });
  }

  // ---- organisers: send ----

  /**
   * Sends the survey to the organisations selected, in one transaction however many: approved
   * organisations matching every filter given (or named in the list), less those on the exclusion
   * list and those over the quota of their prefecture (each named with why). Each newly invited
   * one owes a response by the deadline and is notified; sending again invites only the new ones.
   */
  async send(principal: Principal, id: string, dto: SurveySendDto): Promise<SurveySendResult> {
    const hasSelection = [dto.kinds, dto.industries, dto.regions, dto.organisationIds].some((list) => list !== undefined && list.length > 0);
    if (!hasSelection) throw new InvalidInput('kinds', 'choose organisations by kind, industry, region or a list');
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const survey = await this.find(manager, id, true);
      if (survey.state === 'closed') throw new Conflict('survey_closed', 'This survey is closed');
      const event = await this.events.findEvent(manager, survey.eventId);
      const candidates = await this.candidates(manager, dto);
      const leftOut: SurveyLeftOut[] = [];
      const picked: Candidate[] = [];
      const perRegion = new Map<string, number>();
      for (const c of candidates) {
        if (c.reason) {
          leftOut.push({ organisationId: c.id, organisationName: c.name, region: c.region, reason: c.reason, ...(c.note ? { note: c.note } : {}) });
          continue;
        }
        const prefecture = prefectureOf(c.region);
        const n = perRegion.get(prefecture) ?? 0;
        if (dto.quotaPerRegion != null && n >= dto.quotaPerRegion) {
          leftOut.push({ organisationId: c.id, organisationName: c.name, region: c.region, reason: 'over_quota' });
          continue;
        }
        perRegion.set(prefecture, n + 1);
        picked.push(c);
      }
      const existing = new Set(
        (await manager.find(SurveyResponseEntity, { where: { surveyId: id }, select: { organisationId: true } })).map((r) => r.organisationId),
      );
      const fresh = picked.filter((c) => !existing.has(c.id));
      const byRegion = [...perRegion].map(([region, count]) => ({ region, count })).sort((a, b) => a.region.localeCompare(b.region));
      const result = (invited: number, view: Survey): SurveySendResult => ({
        dryRun: dto.dryRun === true,
        count: picked.length,
        invited,
        alreadyInvited: picked.length - fresh.length,
        byRegion,
        leftOut,
        survey: view,
      });
      if (dto.dryRun) return result(0, await this.view(manager, survey));

      if (!survey.dueOn) this.fixDeadline(survey, event);
      const due = { dueOn: survey.dueOn!, dueAt: survey.dueAt!, provisional: survey.dueProvisional };
      // Every recipient's obligation in one statement (per 5,000), then their responses.
      const responseIds = fresh.map(() => randomUUID());
      const owed = await this.obligations.oweMany(
        tx,
        fresh.map((c, i) => ({
          kind: 'survey_response' as const,
          eventId: survey.eventId,
          sessionId: survey.sessionId,
          organisationId: c.id,
          subject: { type: SURVEY_SUBJECT, id: responseIds[i], title: survey.title, step: 'response', seq: 1 },
          due,
          actorUserId: principal.userId,
        })),
      );
      if (fresh.length > 0) {
        await manager.query(
          `INSERT INTO survey_response (id, "surveyId", "organisationId", "obligationId")
           SELECT r.id, $1, r."organisationId", r."obligationId" FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS r(id, "organisationId", "obligationId")`,
          [id, responseIds, fresh.map((c) => c.id), owed.map((o) => o.obligation.id)],
        );
      }
      if (fresh.length > 0) {
        await this.notifications.notify(tx, {
          kind: 'survey.sent',
          eventId: survey.eventId,
          to: { organisationIds: fresh.map((c) => c.id) },
          params: { title: survey.title, dueOn: survey.dueOn!, deadlineOn: survey.dueOn! },
          link: '/my/surveys',
          dedupeKey: `survey.sent:${survey.id}`,
        });
      }
      const firstSend = survey.state === 'draft';
      if (firstSend || fresh.length > 0) {
        if (firstSend) {
          survey.state = 'sent';
          survey.sentAt = this.clock.now();
        }
        survey.version += 1;
        await manager.save(survey);
      }
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'survey.sent',
        entityType: 'survey',
        entityId: id,
        data: {
          selection: {
            kinds: dto.kinds,
            industries: dto.industries,
            regions: dto.regions,
            listed: dto.organisationIds?.length ?? 0,
            quotaPerRegion: dto.quotaPerRegion ?? null,
          },
          invited: fresh.length,
          alreadyInvited: picked.length - fresh.length,
          dueOn: survey.dueOn,
          leftOut: leftOut.slice(0, 500).map((l) => ({ organisationId: l.organisationId, reason: l.reason })),
          leftOutCount: leftOut.length,
        },
      });
      return result(fresh.length, await this.view(manager, survey));
    });
  }

  /** The due day, fixed at the first send in the event's zone: n working days after today, or the day set. */
  private fixDeadline(survey: SurveyEntity, event: EventEntity): void {
    const today = dayInZone(this.clock.now(), event.timeZone);
    let due: { day: string; provisional: boolean };
    if (survey.deadlineWorkingDays != null) due = countWorkingDays(today, survey.deadlineWorkingDays);
    else if (survey.deadlineOn != null) {
      if (survey.deadlineOn < today) throw new InvalidInput('deadlineOn', `is past (today is ${today} in ${event.timeZone})`);
      due = { day: survey.deadlineOn, provisional: false };
    } else throw new InvalidInput('deadlineWorkingDays', 'set a deadline (working days or a day) before sending');
    survey.dueOn = due.day;
    survey.dueAt = dueInstant(due.day, event.timeZone);
    survey.dueProvisional = due.provisional;
  }

  /** Approved organisations the selection matches, in the quota's order (prefecture, size, credit code), with any exclusion. */
  private async candidates(manager: EntityManager, dto: SurveySendDto): Promise<Candidate[]> {
    const filters: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (dto.kinds?.length) filters.push(`o.kind = ANY(${param(dto.kinds)}::varchar[])`);
    if (dto.industries?.length) filters.push(`o.industry LIKE ANY(${param(dto.industries.map((p) => `${p}%`))}::text[])`);
    if (dto.regions?.length) filters.push(`o.region LIKE ANY(${param(dto.regions.map((p) => `${p}%`))}::text[])`);
    const matched = filters.length > 0 ? filters.join(' AND ') : 'false';
    const listed = dto.organisationIds?.length ? `o.id = ANY(${param(dto.organisationIds)}::uuid[])` : 'false';
    return manager.query(
      `SELECT o.id, o.name, o.region, x.reason, x.note
         FROM organisation o LEFT JOIN survey_exclusion x ON x."organisationId" = o.id
        WHERE o.status = 'approved' AND o.kind <> 'organiser' AND ((${matched}) OR ${listed})
        ORDER BY left(o.region, 4), ${SIZE_RANK}, o."creditCode"`,
      params,
    );
  }

  async close(principal: Principal, id: string, dto: SurveyCloseDto): Promise<Survey> {
    return this.uow.run(async (tx) => {
      const survey = await this.find(tx.manager, id, true);
      if (survey.state === 'closed' && survey.version === dto.version + 1) return this.view(tx.manager, survey);
      assertVersion(survey.version, dto.version, 'The survey');
      if (survey.state !== 'sent') throw new Conflict('invalid_state', `This survey is ${survey.state}; only a sent survey is closed`);
      const responses = await tx.manager.find(SurveyResponseEntity, { where: { surveyId: id }, select: { obligationId: true } });
      const waived = await this.obligations.waiveMany(
        tx,
        responses.map((r) => r.obligationId),
        'survey closed',
        principal.userId,
      );
      survey.state = 'closed';
      survey.closedAt = this.clock.now();
      survey.version += 1;
      await tx.manager.save(survey);
      await this.audit.record(tx.manager, { actorUserId: principal.userId, action: 'survey.closed', entityType: 'survey', entityId: id, data: { waived } });
      return this.view(tx.manager, survey);
    });
  }

  // ---- organisers: follow, download, publish ----

  /**
   * A page of a survey's responses, by prefecture then organisation, each with a summary of its
   * answers worked out in SQL: the answers themselves (up to 64 KB each) stay in the database.
   */
  async responses(id: string, query: SurveyResponseListQueryDto): Promise<Page<SurveyResponseRow>> {
    const { manager } = this.dataSource;
    const survey = await this.find(manager, id);
    const event = await this.events.findEvent(manager, survey.eventId);
    const now = this.clock.now();
    const params: unknown[] = [id];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['r."surveyId" = $1'];
    const state = query.state;
    if (state !== undefined && (OBLIGATION_STATES as readonly string[]).includes(state)) where.push(`ob.state = ${param(state)}`);
    else if (state !== undefined) {
      // outstanding, and read from the clock: overdue, or due soon in working days of the event's zone.
      where.push(`ob.state = ANY(${param(OUTSTANDING_OBLIGATION_STATES)}::varchar[])`);
      if (state === 'overdue') where.push(`ob."dueAt" <= ${param(now)}`);
      if (state === 'due_soon') where.push(`ob."dueAt" > ${param(now)}`, `ob."dueOn" <= ${param(dueSoonUntil(now, event.timeZone))}`);
    }
    if (query.region) where.push(`o.region LIKE ${param(`${query.region}%`)}`);
    if (query.q) where.push(`o.name ILIKE ${param(`%${escapeLike(query.q)}%`)}`);
    const from = `FROM survey_response r
         JOIN organisation o ON o.id = r."organisationId"
         JOIN obligation ob ON ob.id = r."obligationId"
        WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await manager.query(`SELECT COUNT(*)::int AS total ${from}`, [...params]);
    const { skip, take } = skipTake(query);
    const listing = `r.answers->'listing'`;
    const number = (path: string) => `CASE WHEN jsonb_typeof(${path}) = 'number' THEN (${path})::text::float8 END`;
    const rows: ResponseListRaw[] = await manager.query(
      `SELECT r.id, r."surveyId", r."organisationId", o.name AS "organisationName", o.region, r."obligationId",
              ob.state, ob."dueOn"::text AS "dueOn", ob."dueAt", ob."firstSubmittedAt", ob.version AS "obligationVersion",
              ob."returnReason", ob."submittedAt", r."listingId", r.version, r."updatedAt",
              COALESCE(jsonb_typeof(${listing}) = 'object', false) AS "hasListing",
              left(${listing}->>'title', 100) AS "listingTitle",
              left(COALESCE(${listing}->'goods'->>'category', ${listing}->'financing'->>'purpose'), 50) AS category,
              ${number(`${listing}->'goods'->'quantity'`)} AS quantity,
              left(${listing}->'goods'->>'unit', 16) AS unit,
              ${number(`${listing}->'financing'->'amount'`)} AS amount,
              CASE WHEN jsonb_typeof(r.answers->'questions') = 'object'
                   THEN (SELECT COUNT(*)::int FROM jsonb_each(r.answers->'questions') AS a(key, value) WHERE a.value NOT IN ('null', '""', '[]'))
                   ELSE 0 END AS answered
         ${from}
        ORDER BY o.region, o.name, r.id
        LIMIT ${param(take)} OFFSET ${param(skip)}`,
      params,
    );
    return pageOf(
      rows.map((row) => toResponseRow(row, survey, event.timeZone, now)),
      total,
      query,
    );
  }

  async publishGuidance(principal: Principal, id: string, dto: SurveyGuidanceDto): Promise<Survey> {
    return this.uow.run(async (tx) => {
      const survey = await this.find(tx.manager, id, true);
      if (survey.guidance === dto.text && survey.version === dto.version + 1) return this.view(tx.manager, survey);
      assertVersion(survey.version, dto.version, 'The survey');
      if (survey.state === 'draft') throw new Conflict('invalid_state', 'Send the survey before publishing its guidance');
      survey.guidance = dto.text;
      survey.guidancePublishedAt = this.clock.now();
      survey.version += 1;
      await tx.manager.save(survey);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'survey.guidance_published',
        entityType: 'survey',
        entityId: id,
        data: { length: dto.text.length },
      });
      return this.view(tx.manager, survey);
    });
  }

  /** The event's published demand guidance: each survey's text and what its accepted responses add up to. */
  async guidance(eventId: string): Promise<DemandGuidance> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    const surveys = await this.dataSource.manager
      .getRepository(SurveyEntity)
      .createQueryBuilder('s')
      .where('s.eventId = :eventId AND s.guidancePublishedAt IS NOT NULL', { eventId })
      .orderBy('s.guidancePublishedAt', 'DESC')
      .getMany();
    const rows = await this.guidanceRows(surveys.map((s) => s.id));
    return {
      eventId,
      surveys: surveys.map((s) => ({
        surveyId: s.id,
        title: s.title,
        text: s.guidance ?? '',
        publishedAt: s.guidancePublishedAt!.toISOString(),
        rows: rows.get(s.id) ?? [],
      })),
    };
  }

  private async guidanceRows(ids: string[]): Promise<Map<string, DemandGuidanceRow[]>> {
    const byId = new Map<string, DemandGuidanceRow[]>();
    if (ids.length === 0) return byId;
    const raw: {
      surveyId: string;
      listingType: DemandGuidanceRow['listingType'];
      key: string;
      unit: string | null;
      organisations: number;
      quantity: string | null;
      amount: string | null;
    }[] = await this.dataSource.query(
      `SELECT s.id AS "surveyId", s."listingType",
                COALESCE(r.answers->'listing'->'goods'->>'category', r.answers->'listing'->'financing'->>'purpose') AS key,
                r.answers->'listing'->'goods'->>'unit' AS unit,
                COUNT(DISTINCT r."organisationId")::int AS organisations,
                SUM((r.answers->'listing'->'goods'->>'quantity')::numeric)::text AS quantity,
                SUM((r.answers->'listing'->'financing'->>'amount')::numeric)::text AS amount
           FROM survey s
           JOIN survey_response r ON r."surveyId" = s.id
           JOIN obligation ob ON ob.id = r."obligationId" AND ob.state = 'accepted'
          WHERE s.id = ANY($1::uuid[]) AND s."listingType" IS NOT NULL
          GROUP BY 1, 2, 3, 4 HAVING COALESCE(r.answers->'listing'->'goods'->>'category', r.answers->'listing'->'financing'->>'purpose') IS NOT NULL
          ORDER BY 1, 3, 4`,
      [ids],
    );
    for (const row of raw) {
      const list = byId.get(row.surveyId) ?? [];
      list.push({
        listingType: row.listingType,
        key: row.key,
        unit: row.unit,
        organisations: row.organisations,
        quantity: row.quantity === null ? null : Number(row.quantity),
        amount: row.amount === null ? null : Number(row.amount),
      });
      byId.set(row.surveyId, list);
    }
    return byId;
  }

  /** Invited, filed, accepted and returned per prefecture (and overall), from the responses' obligations. */
  private async progressOf(manager: EntityManager, ids: string[]): Promise<Map<string, SurveyProgress>> {
    const out = new Map<string, SurveyProgress>();
    if (ids.length === 0) return out;
    const raw: { surveyId: string; region: string; invited: number; submitted: number; accepted: number; returned: number }[] = await manager.query(
      `SELECT r."surveyId", left(o.region, 4) || '00' AS region, COUNT(*)::int AS invited,
              COUNT(*) FILTER (WHERE ob.state IN ('submitted', 'accepted'))::int AS submitted,
              COUNT(*) FILTER (WHERE ob.state = 'accepted')::int AS accepted,
              COUNT(*) FILTER (WHERE ob.state = 'returned')::int AS returned
         FROM survey_response r
         JOIN organisation o ON o.id = r."organisationId"
         JOIN obligation ob ON ob.id = r."obligationId"
        WHERE r."surveyId" = ANY($1::uuid[])
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    );
    for (const row of raw) {
      const p = out.get(row.surveyId) ?? emptyProgress();
      p.invited += row.invited;
      p.submitted += row.submitted;
      p.accepted += row.accepted;
      p.returned += row.returned;
      p.byRegion.push({ region: row.region, invited: row.invited, submitted: row.submitted, accepted: row.accepted, rate: rate(row.submitted, row.invited) });
      out.set(row.surveyId, p);
    }
    for (const p of out.values()) p.rate = rate(p.submitted, p.invited);
    return out;
  }

  // ---- the invited organisation: answer, file, confirm ----

  mine(principal: Principal): Promise<SurveyResponse[]> {
    return this.responseViews(this.dataSource.manager, { organisationId: principal.organisationId });
  }

  /** The organisation that owes it and organisers see a response; anyone else is told it does not exist. */
  async response(principal: Principal, id: string): Promise<SurveyResponse> {
    const [view] = await this.responseViews(this.dataSource.manager, { id });
    if (!view || (!isOrganiser(principal) && view.organisationId !== principal.organisationId)) throw new NotFound('Survey response');
    return view;
  }

  async saveAnswers(principal: Principal, id: string, dto: SurveyAnswersDto): Promise<SurveyResponse> {
    if (Buffer.byteLength(JSON.stringify(dto.answers)) > MAX_ANSWERS_BYTES) throw new InvalidInput('answers', `must be at most ${MAX_ANSWERS_BYTES / 1024} KB`);
    return this.uow.run(async (tx) => {
      const { r, obligation, survey } = await this.lockOwn(tx, principal, id);
      // A retry of the save just made (its answer lost on the way) is answered again, not refused as stale.
      if (r.version === dto.version + 1 && isDeepStrictEqual(r.answers, dto.answers)) return this.oneView(tx.manager, id);
      assertVersion(r.version, dto.version, 'The response');
      this.assertOutstanding(obligation);
      assertNoProblems(draftAnswerProblems(survey, dto.answers));
      r.answers = dto.answers;
      r.version += 1;
      await tx.manager.save(r);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'survey_response.saved',
        entityType: 'survey_response',
        entityId: id,
        data: { version: r.version },
      });
      return this.oneView(tx.manager, id);
    });
  }

  /** Files the response: the answers saved are checked against the survey (a 400 names the field), then the obligation is submitted. */
  async submit(principal: Principal, id: string, dto: SurveySubmitDto): Promise<SurveyResponse> {
    return this.uow.run(async (tx) => {
      const { r, obligation, survey } = await this.lockOwn(tx, principal, id);
      assertVersion(r.version, dto.version, 'The response');
      if (survey.state === 'closed') throw new Conflict('survey_closed', 'This survey is closed');
      if (OUTSTANDING_OBLIGATION_STATES.includes(obligation.state)) assertNoProblems(answerProblems(survey, r.answers));
      const { replay } = await this.obligations.submit(tx, obligation, principal, dto.obligationVersion);
      if (!replay) {
        await this.audit.record(tx.manager, {
          actorUserId: principal.userId,
          action: 'survey_response.submitted',
          entityType: 'survey_response',
          entityId: id,
          data: { obligationId: obligation.id, answers: r.answers },
        });
        // Filed: the survey's notice is settled for this organisation (the others sent it still owe theirs).
        await this.notifications.settle(tx, [`survey.sent:${survey.id}`], { organisationIds: [obligation.organisationId] });
      }
      return this.oneView(tx.manager, id);
    });
  }

  /**
   * Posts the accepted response's draft listing on the session's board through the listings
   * capability (its rules: an approved participant in a role that posts this type, the session
   * open for listings) and links it to the response, in one transaction with the response locked:
   * a listing is never left unlinked, and confirming again (or twice at once) answers the same one.
   */
  async confirmListing(principal: Principal, id: string, dto: SurveyConfirmListingDto): Promise<SurveyResponse> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const r = await manager.findOne(SurveyResponseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r || r.organisationId !== principal.organisationId) {
        if (r && isOrganiser(principal)) throw new Forbidden('The responding organisation confirms its own listing');
        throw new NotFound('Survey response');
      }
      if (r.listingId) return this.oneView(manager, id);
      const survey = await this.find(manager, r.surveyId);
      const obligation = await this.obligations.get(manager, r.obligationId);
      const listing = r.answers.listing;
      if (!survey.listingType || !listing || obligation.state !== 'accepted') {
        throw new Conflict('no_draft_listing', 'There is no draft listing to confirm: the response must collect a listing and be accepted');
      }
      const sessionId = dto.sessionId ?? survey.sessionId;
      if (!sessionId) throw new InvalidInput('sessionId', 'name the session whose board the listing joins');
      await this.assertSessionOfEvent(manager, sessionId, survey.eventId, 'sessionId');
      const part = listingPartOf(survey.listingType);
      const input: ListingInput = {
        type: survey.listingType,
        title: listing.title?.trim() || survey.title,
        ...(listing.description ? { description: listing.description } : {}),
        [part]: listing[part],
      };
      const created = await this.listings.createIn(tx, principal, sessionId, input as Parameters<ListingsService['createIn']>[3]);
      r.listingId = created.id;
      r.version += 1;
      await manager.save(r);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'survey_response.listing_confirmed',
        entityType: 'survey_response',
        entityId: id,
        data: { listingId: created.id, sessionId },
      });
      return this.oneView(manager, id);
    });
  }

  // ---- the exclusion list ----

  async exclusions(): Promise<SurveyExclusion[]> {
    const rows = await this.dataSource.manager.find(SurveyExclusionEntity, { relations: { organisation: true }, order: { createdAt: 'DESC' } });
    return rows.map(toExclusion);
  }

  async exclude(principal: Principal, dto: SurveyExclusionDto): Promise<SurveyExclusion> {
    return this.uow.run(async (tx) => {
      const organisation = await tx.manager.findOne(OrganisationEntity, { where: { id: dto.organisationId } });
      if (!organisation) throw new InvalidInput('organisationId', 'no such organisation');
      let row = await tx.manager.findOne(SurveyExclusionEntity, { where: { organisationId: dto.organisationId }, lock: { mode: 'pessimistic_write' } });
      const note = dto.note?.trim() ?? '';
      if (row && row.reason === dto.reason && row.note === note) return toExclusion({ ...row, organisation });
      row = await tx.manager.save(
        row
          ? Object.assign(row, { reason: dto.reason, note })
          : tx.manager.create(SurveyExclusionEntity, { organisationId: dto.organisationId, reason: dto.reason, note, createdByUserId: principal.userId }),
      );
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'survey.exclusion_set',
        entityType: 'organisation',
        entityId: dto.organisationId,
        data: { reason: dto.reason, note },
      });
      return toExclusion({ ...row, organisation });
    });
  }

  async unexclude(principal: Principal, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const row = await tx.manager.findOne(SurveyExclusionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFound('Exclusion');
      await tx.manager.delete(SurveyExclusionEntity, { id });
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: 'survey.exclusion_removed',
        entityType: 'organisation',
        entityId: row.organisationId,
        data: { reason: row.reason },
      });
    });
  }

  // ---- helpers ----

  private async lockOwn(tx: Tx, principal: Principal, id: string): Promise<{ r: SurveyResponseEntity; obligation: ObligationEntity; survey: SurveyEntity }> {
    const r = await tx.manager.findOne(SurveyResponseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r || r.organisationId !== principal.organisationId) {
      if (r && isOrganiser(principal)) throw new Forbidden('Organisers review responses; the organisation that owes it answers it');
      throw new NotFound('Survey response');
    }
    const obligation = await this.obligations.lock(tx.manager, r.obligationId);
    const survey = await this.find(tx.manager, r.surveyId);
    return { r, obligation, survey };
  }

  private assertOutstanding(obligation: ObligationEntity): void {
    if (!OUTSTANDING_OBLIGATION_STATES.includes(obligation.state)) {
      throw new Conflict('not_owed', `This response is ${obligation.state}; answers are changed only while it is open or returned`);
    }
  }

  private async assertSessionOfEvent(manager: EntityManager, sessionId: string, eventId: string, field: string): Promise<void> {
    const session = await this.events.findSession(manager, sessionId).catch(() => null);
    if (!session || session.eventId !== eventId) throw new InvalidInput(field, 'is not a session of this event');
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<SurveyEntity> {
    const survey = await manager.findOne(SurveyEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!survey) throw new NotFound('Survey');
    return survey;
  }

  private async view(manager: EntityManager, survey: SurveyEntity): Promise<Survey> {
    const event = await this.events.findEvent(manager, survey.eventId);
    const progress = await this.progressOf(manager, [survey.id]);
    return toSurvey(survey, event.timeZone, progress.get(survey.id) ?? emptyProgress());
  }

  private async oneView(manager: EntityManager, id: string): Promise<SurveyResponse> {
    const [view] = await this.responseViews(manager, { id });
    return view;
  }

  /**
   * Responses with their survey, organisation and obligation, soonest due first, then by prefecture
   * and name; or, for a batch, the next `size` after the cursor by prefecture, name and id.
   */
  async responseViews(
    manager: EntityManager,
    where: { id?: string; surveyId?: string; organisationId?: string },
    batch?: { after: BatchCursor | null; size: number },
  ): Promise<SurveyResponse[]> {
    const qb = manager
      .getRepository(SurveyResponseEntity)
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.survey', SurveyEntity, 's', 's.id = r.surveyId')
      .innerJoin(EventEntity, 'ev', 'ev.id = s.eventId')
      .innerJoin(OrganisationEntity, 'o', 'o.id = r.organisationId')
      .innerJoinAndMapOne('r.obligation', ObligationEntity, 'ob', 'ob.id = r.obligationId')
      .addSelect(['ev.timeZone AS "timeZone"', 'o.name AS "organisationName"', 'o.region AS "region"']);
    if (where.id) qb.andWhere('r.id = :id', { id: where.id });
    if (where.surveyId) qb.andWhere('r.surveyId = :surveyId', { surveyId: where.surveyId });
    if (where.organisationId) qb.andWhere('r.organisationId = :org', { org: where.organisationId }).andWhere("s.state <> 'draft'");
    if (batch) {
      if (batch.after) qb.andWhere('(o.region, o.name, r.id) > (:region, :name, :rid)', batch.after);
      qb.orderBy('o.region', 'ASC').addOrderBy('o.name', 'ASC').addOrderBy('r.id', 'ASC').limit(batch.size);
    } else qb.orderBy('ob.dueAt', 'ASC').addOrderBy('o.region', 'ASC').addOrderBy('o.name', 'ASC').addOrderBy('r.id', 'ASC');
    const { entities, raw } = await qb.getRawAndEntities<{ timeZone: string; organisationName: string; region: string }>();
    const now = this.clock.now();
    return entities.map((r, i) =>
      toResponse(
        { r, survey: r.survey!, obligation: r.obligation!, timeZone: raw[i].timeZone, organisationName: raw[i].organisationName, region: raw[i].region },
        now,
      ),
    );
  }

  /** Responses the summary workbook reads at a time (each up to 64 KB of answers). */
  summaryBatchSize = 500;

  /**
   * The survey and every one of its responses for the summary workbook, in batches by prefecture
   * and organisation (a cursor, not an offset: a response added meanwhile is neither skipped nor
   * repeated), so the responses read are let go batch by batch.
   */
  async summaryRows(id: string): Promise<{ survey: SurveyEntity; timeZone: string; count: number; batches: AsyncGenerator<SurveyResponse[]> }> {
    const survey = await this.find(this.dataSource.manager, id);
    const manager = this.dataSource.manager;
    const { timeZone } = await this.events.findEvent(manager, survey.eventId);
    const count = await manager.count(SurveyResponseEntity, { where: { surveyId: id } });
    const size = this.summaryBatchSize;
    const responseViews = this.responseViews.bind(this);
    async function* batches(): AsyncGenerator<SurveyResponse[]> {
      let after: BatchCursor | null = null;
      for (;;) {
        const batch = await responseViews(manager, { surveyId: id }, { after, size });
        if (batch.length > 0) yield batch;
        if (batch.length < size) return;
        const last = batch[batch.length - 1];
        after = { region: last.region, name: last.organisationName, rid: last.id };
      }
    }
    return { survey, timeZone, count, batches: batches() };
  }
}

function cleanQuestion<Q extends { type: string; options?: string[]; multiple?: boolean }>(q: Q): Q {
  if (q.type === 'choice') return q;
  const { options: _options, multiple: _multiple, ...rest } = q;
  return rest as Q;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function emptyProgress(): SurveyProgress {
  return { invited: 0, submitted: 0, accepted: 0, returned: 0, rate: 0, byRegion: [] };
}

function toSurvey(s: SurveyEntity, timeZone: string, progress: SurveyProgress): Survey {
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    description: s.description,
    listingType: s.listingType,
    sessionId: s.sessionId,
    questions: s.questions,
    deadlineWorkingDays: s.deadlineWorkingDays,
    deadlineOn: s.deadlineOn,
    dueOn: s.dueOn,
    timeZone,
    state: s.state,
    sentAt: s.sentAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
    guidance: s.guidance,
    guidancePublishedAt: s.guidancePublishedAt?.toISOString() ?? null,
    progress,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
  };
}

function toResponse({ r, survey, obligation, timeZone, organisationName, region }: ResponseRow, now: Date): SurveyResponse {
  const state: ObligationState = obligation.state;
  return {
    id: r.id,
    surveyId: r.surveyId,
    survey: {
      id: survey.id,
      eventId: survey.eventId,
      title: survey.title,
      description: survey.description,
      listingType: survey.listingType,
      sessionId: survey.sessionId,
      questions: survey.questions,
      dueOn: survey.dueOn,
      timeZone,
      state: survey.state,
    },
    organisationId: r.organisationId,
    organisationName,
    region,
    obligationId: obligation.id,
    state,
    timing: obligationTiming(obligation, now, timeZone),
    obligationVersion: obligation.version,
    returnReason: obligation.returnReason,
    submittedAt: obligation.submittedAt?.toISOString() ?? null,
    answers: r.answers,
    listingId: r.listingId,
    draftListing: state === 'accepted' && survey.listingType !== null && !!r.answers.listing && r.listingId === null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toResponseRow(row: ResponseListRaw, survey: SurveyEntity, timeZone: string, now: Date): SurveyResponseRow {
  const { hasListing, listingTitle, category, quantity, unit, amount, answered, dueOn, dueAt, firstSubmittedAt, ...rest } = row;
  return {
    ...rest,
    timing: obligationTiming({ state: row.state, dueOn, dueAt, firstSubmittedAt }, now, timeZone),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    draftListing: row.state === 'accepted' && survey.listingType !== null && hasListing && row.listingId === null,
    updatedAt: row.updatedAt.toISOString(),
    summary: { listingTitle, category, quantity, unit, amount, answered },
  };
}

function toExclusion(row: SurveyExclusionEntity): SurveyExclusion {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisation?.name ?? '',
    reason: row.reason,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
