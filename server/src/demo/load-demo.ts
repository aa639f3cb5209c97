import type { INestApplicationContext } from '@nestjs/common';
import { addCalendarDays, dayInZone, isWorkingDay, SESSION_TRANSITIONS, zonedDateTime, type SessionStatus } from '@duijie/shared';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { AgreementsService } from '../agreements/agreements.service';
import type { AgreementDto } from '../agreements/dto/agreement.dto';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { LiaisonService } from '../coordination/liaison.service';
import { ProblemsService } from '../coordination/problems.service';
import { SummariesService } from '../coordination/summaries.service';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { FollowUpService } from '../follow-up/follow-up.service';
import { ReportsService } from '../follow-up/reports.service';
import { ListingsService } from '../listings/listings.service';
import { MeetingRequestsService } from '../meetings/meeting-requests.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ObligationsService } from '../obligations/obligations.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ParticipationService } from '../participation/participation.service';
import { LadderService } from '../supervision/ladder.service';
import { SupervisionService } from '../supervision/supervision.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DirectoryService } from '../directory/directory.service';
import { loadRewards } from './load-rewards';
import {
  DEMO_AGREEMENTS,
  DEMO_DEPARTMENT_ORGANISATIONS,
  DEMO_DEPARTMENTS,
  DEMO_EVENT,
  DEMO_LIAISON,
  DEMO_LISTINGS,
  DEMO_MEETINGS,
  DEMO_ORGANISATIONS,
  DEMO_ORGANISER,
  DEMO_PASSWORD,
  DEMO_PROBLEMS,
  DEMO_SESSIONS,
  DEMO_SUPERVISION,
  type DemoAgreement,
} from './demo-data';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An obligation as the loader needs it: which one, its version, when it falls due. */
type Owed = { id: string; seq: number; version: number; dueAt: Date; organisationId: string };

/**
 * Loads the demo event through the same services users go through, so every rule (roles that
 * fit, approvals, listing types, who signs and who reports) holds for the demo data too.
 * Returns false when the demo event is already there.
 *
 * The follow-up half has a history: agreements signed weeks before the day the demo is loaded,
 * reports filed on time since, others overdue now. The loader runs before the server takes
 * requests, so it moves the one Clock the services read "now" from (as the specs do) to the
 * moment each past step happened, and puts it back after each step; the signing instants, which
 * the agreements service takes from the system time, are then set to the same moments.
 */
export async function loadDemo(app: Pick<INestApplicationContext, 'get'>): Promise<boolean> {
  const dataSource = app.get(DataSource);
  if (await dataSource.getRepository(EventEntity).exists({ where: { name: DEMO_EVENT.name } })) return false;
  const organisations = app.get(OrganisationsService);
  const users = app.get(UsersService);
  const events = app.get(EventsService);
  const participation = app.get(ParticipationService);
  const listingsService = app.get(ListingsService);
  const meetingRequests = app.get(MeetingRequestsService);
  const meetings = app.get(MeetingsService);

  const principals = new Map<string, Principal>();
  for (const demo of [DEMO_ORGANISER, ...DEMO_ORGANISATIONS, ...DEMO_DEPARTMENT_ORGANISATIONS]) {
    const { key, adminEmail, adminName, ...input } = demo;
    const existing = await dataSource.getRepository(UserEntity).findOne({ where: { email: adminEmail } });
    const user =
      existing ??
      (await dataSource.transaction(async (manager) => {
        const organisation = await organisations.insert(manager, input, 'approved', null);
        return users.insert(
          manager,
          {
            organisationId: organisation.id,
            email: adminEmail,
            displayName: adminName,
            password: DEMO_PASSWORD,
            role: input.kind === 'organiser' ? 'organiser' : 'org_admin',
          },
          null,
        );
      }));
    principals.set(key, {
      userId: user.id,
      organisationId: user.organisationId,
      organisationStatus: 'approved',
      role: user.role,
      displayName: user.displayName,
    });
  }
  const organiser = principals.get(DEMO_ORGANISER.key)!;

  const event = await events.create(organiser, DEMO_EVENT);
  const sessions = new Map<string, string>();
  const listings = new Map<string, { id: string; org: string }>();
  for (const demo of DEMO_SESSIONS) {
    const { key, status, participants, ...input } = demo;
    let session = await events.createSession(organiser, event.id, input);
    sessions.set(key, session.id);
    session = await advance(events, organiser, session.id, session.version, 'draft', 'registration');
    for (const p of participants) {
      const principal = principals.get(p.org)!;
      if (session.registrationMode === 'invitation') {
        await participation.invite(organiser, session.id, { organisationId: principal.organisationId, role: p.role });
        await participation.register(principal, session.id, { role: p.role });
      } else {
        const registered = await participation.register(principal, session.id, { role: p.role });
        await participation.approve(organiser, registered.id);
      }
    }
    session = await advance(events, organiser, session.id, session.version, session.status, status === 'registration' ? 'registration' : 'live');
    for (const listing of DEMO_LISTINGS.filter((l) => l.session === key)) {
      const { key: listingKey, session: _session, org, ...input } = listing;
      listings.set(listingKey, { id: (await listingsService.create(principals.get(org)!, session.id, input)).id, org });
    }
    await advance(events, organiser, session.id, session.version, session.status, status);
  }

  for (const m of DEMO_MEETINGS) {
    const about = listings.get(m.about)!;
    const asker = principals.get(m.from)!;
    const request = await meetingRequests.create(asker, { toListingId: about.id, fromListingId: m.own ? listings.get(m.own)!.id : null, topic: m.topic });
    await meetingRequests.answer(principals.get(about.org)!, request.id, { accept: true });
    if (m.slot) {
      const [meeting]: { id: string }[] = await dataSource.query(`SELECT id FROM meeting WHERE "requestId" = $1`, [request.id]);
      await meetings.book(asker, meeting.id, { slot: m.slot });
    }
  }

  await loadFollowUp(app, { eventId: event.id, principals, sessions, listings });
  await loadDirectory(app, organiser, sessions.get('building-materials')!);
  await loadRewards(app, { eventId: event.id, timeZone: event.timeZone, principals, organiser });
  return true;
}

/** The building-materials session's producers' directory (生产企业名录), compiled and published; most producers agreed to show their contact. */
async function loadDirectory(app: Pick<INestApplicationContext, 'get'>, organiser: Principal, sessionId: string): Promise<void> {
  const directory = app.get(DirectoryService);
  const { directory: compiled } = await directory.compile(organiser, sessionId, { title: '青海省大规模保障性住房建设建材生产企业名录' });
  const { entries } = await directory.review(compiled.id);
  for (const [i, entry] of entries.entries()) {
    if (i === entries.length - 1) continue;
    await directory.updateEntry(organiser, entry.id, {
      version: entry.version,
      contactConsent: true,
      ...(i === 0 ? { notes: '同质同价同服务，优先供应省内保障房项目' } : {}),
    });
  }
  await directory.publish(organiser, compiled.id, compiled.version);
}

/**
 * The follow-up half: signed agreements in every session with their reports, an overdue report
 * under supervision, the reminder sweep, the departments, problems in every state, a liaison
 * officer's reports and a weekly summary.
 */
async function loadFollowUp(
  app: Pick<INestApplicationContext, 'get'>,
  demo: { eventId: string; principals: Map<string, Principal>; sessions: Map<string, string>; listings: Map<string, { id: string }> },
): Promise<void> {
  const { eventId, principals, sessions, listings } = demo;
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const agreements = app.get(AgreementsService);
  const obligations = app.get(ObligationsService);
  const uow = app.get(UnitOfWork);
  const organiser = principals.get(DEMO_ORGANISER.key)!;
  const byOrganisation = new Map([...principals.values()].map((p) => [p.organisationId, p]));
  const now = clock.now();
  const zone = DEMO_EVENT.timeZone ?? 'Asia/Shanghai';
  const today = dayInZone(now, zone);
  /** `hhmm` on the working day `days` before today (or the working day before that). */
  const daysAgo = (days: number, hhmm = '10:30'): Date => {
    let day = addCalendarDays(today, -days);
    while (days > 0 && !isWorkingDay(day)) day = addCalendarDays(day, -1);
    return zonedDateTime(day, hhmm, zone);
  };
  /** Runs one step as if it happened at `when` (never later than now). */
  const at = async <T>(when: Date, work: () => Promise<T>): Promise<T> => {
    const instant = new Date(Math.min(when.getTime(), now.getTime()));
    clock.now = () => new Date(instant);
    try {
      return await work();
    } finally {
      Reflect.deleteProperty(clock, 'now');
    }
  };
  const owed = async (subjectId: string, kind: string): Promise<Owed[]> =>
    dataSource.query(
      `SELECT id, seq, version, "dueAt", "organisationId" FROM obligation
        WHERE kind = $1 AND "subjectId" = $2 AND state IN ('open', 'returned') ORDER BY seq`,
      [kind, subjectId],
    );
  const signer = (p: Principal): Principal => ({ ...p, signingGrantUntil: new Date(Date.now() + 10 * 60_000) });

  // ---- agreements: drafted, signed by every party, then their reports ----
  const agreementIds = new Map<string, string>();
  const reports = app.get(ReportsService);
  for (const [i, a] of [...DEMO_AGREEMENTS].sort((x, y) => y.signedDaysAgo - x.signedDaysAgo).entries()) {
    // Signed during working hours, not all at the same minute.
    const signedAt = daysAgo(a.signedDaysAgo, `${10 + (i % 6)}:${String((i * 17) % 60).padStart(2, '0')}`);
    const draftedAt = new Date(signedAt.getTime() - 2 * HOUR_MS);
    const drafter = principals.get(a.parties[0].org)!;
    const draft = await at(draftedAt, () => agreements.create(drafter, sessions.get(a.session)!, termsOf(a, principals, listings)));
    for (const party of a.parties) await at(signedAt, () => agreements.sign(signer(principals.get(party.org)!), draft.id, draft.contentHash));
    // The agreements service stamps drafting and signing with the system time: set them to when they happened.
    await dataSource.query(`UPDATE agreement SET "createdAt" = $2, "signedAt" = $3 WHERE id = $1`, [draft.id, draftedAt, signedAt]);
    await dataSource.query(`UPDATE agreement_signature SET "signedAt" = $2 WHERE "agreementId" = $1`, [draft.id, signedAt]);
    agreementIds.set(a.key, draft.id);

    for (const report of a.reports ?? []) {
      const [next] = await owed(draft.id, 'agreement_report');
      const filedAt = new Date(next.dueAt.getTime() - 2 * DAY_MS - 9 * HOUR_MS);
      const by = byOrganisation.get(next.organisationId)!;
      const occurredOn = dayInZone(new Date(filedAt.getTime() - DAY_MS), zone);
      const lines = report.lines.map((l) => ({ kind: l.kind, amount: l.amount, occurredOn }));
      await at(filedAt, () => reports.file(by, next.id, { version: next.version, narrative: report.narrative, problems: report.problems, lines }));
      const reviewedAt = new Date(filedAt.getTime() + 20 * HOUR_MS);
      if (report.returned) {
        const returned = await at(reviewedAt, () =>
          obligations.review(organiser, next.id, { accept: false, reason: report.returned, version: next.version + 1 }),
        );
        await at(new Date(reviewedAt.getTime() + 2 * HOUR_MS), () =>
          reports.file(by, next.id, { version: returned.version, narrative: report.refiled ?? report.narrative, lines: [] }),
        );
      } else {
        await at(reviewedAt, () => obligations.review(organiser, next.id, { accept: true, version: next.version + 1 }));
      }
    }
    // Organisers confirm what has been reported on for the event's statistics.
    if (a.reports?.length) await agreements.confirm(organiser, draft.id);
  }
  // Every schedule brought up to today: the reports due since, overdue where not filed, and the next ones.
  const followUp = app.get(FollowUpService);
  for (const id of agreementIds.values()) await uow.run((tx) => followUp.reconcile(tx, id, null), { answer: false });

  // ---- the ladder: an overdue report under supervision, acknowledged; then the reminder sweep ----
  const supervised = agreementIds.get(DEMO_SUPERVISION.agreement)!;
  const issuedAt = daysAgo(DEMO_SUPERVISION.issuedDaysAgo, '09:30');
  const [overdue] = (await owed(supervised, 'agreement_report')).filter((o) => o.dueAt.getTime() <= issuedAt.getTime());
  const supervision = app.get(SupervisionService);
  const { issued } = await at(issuedAt, () =>
    supervision.issue(organiser, eventId, {
      obligationIds: [overdue.id],
      workingDays: DEMO_SUPERVISION.workingDays,
      note: DEMO_SUPERVISION.note,
    }),
  );
  // Stamped by the database on insert: set it to when it was issued, as for the agreements.
  await dataSource.query(`UPDATE supervision_notice SET "createdAt" = $2 WHERE id = $1`, [issued[0].id, issuedAt]);
  if (DEMO_SUPERVISION.acknowledged) {
    await at(daysAgo(DEMO_SUPERVISION.issuedDaysAgo, '15:10'), () =>
      supervision.acknowledge(byOrganisation.get(overdue.organisationId)!, issued[0].id, { version: issued[0].version }),
    );
  }

  // ---- coordination: departments, problems, a liaison officer, a weekly summary ----
  const problems = app.get(ProblemsService);
  const departments = new Map<string, { id: string; org: string }>();
  for (const d of DEMO_DEPARTMENTS) {
    const created = await at(daysAgo(70), () =>
      problems.createDepartment(organiser, eventId, { name: d.name, organisationId: principals.get(d.org)!.organisationId }),
    );
    departments.set(d.name, { id: created.id, org: d.org });
  }
  for (const p of DEMO_PROBLEMS) {
    let problem = await at(daysAgo(p.raisedDaysAgo, '09:40'), () =>
      problems.raise(principals.get(p.org)!, eventId, {
        category: p.category,
        urgency: p.urgency,
        title: p.title,
        description: p.description,
        agreementId: p.agreement ? agreementIds.get(p.agreement) : undefined,
      }),
    );
    if (p.route) {
      const department = departments.get(p.route.department)!;
      const routedAt = daysAgo(p.route.routedDaysAgo, '11:00');
      problem = await at(routedAt, () => problems.route(organiser, problem.id, { departmentId: department.id, version: problem.version }));
      const answer = p.answer;
      if (answer) {
        await at(new Date(routedAt.getTime() + DAY_MS), () =>
          problems.answer(principals.get(department.org)!, problem.id, { answer, version: problem.version }),
        );
      }
    }
  }

  const liaison = app.get(LiaisonService);
  const officer = principals.get(DEMO_LIAISON.org)!;
  await at(daysAgo(DEMO_LIAISON.designatedDaysAgo), () =>
    liaison.designate(organiser, eventId, officer.organisationId, { userId: officer.userId, cadence: DEMO_LIAISON.cadence }),
  );
  for (const fields of DEMO_LIAISON.filed) {
    const [next]: Owed[] = await dataSource.query(
      `SELECT id, seq, version, "dueAt", "organisationId" FROM obligation
        WHERE kind = 'liaison_report' AND "eventId" = $1 AND "organisationId" = $2 AND state IN ('open', 'returned') ORDER BY "dueAt"`,
      [eventId, officer.organisationId],
    );
    await at(new Date(next.dueAt.getTime() - 8 * HOUR_MS), () => liaison.file(officer, next.id, { ...fields, version: next.version, urgent: false }));
  }
  await at(daysAgo(3, '16:20'), () => liaison.fileUrgent(officer, eventId, DEMO_LIAISON.urgent));
  await liaison.reconcileAll();

  await app.get(SummariesService).generateNow(organiser, eventId, undefined);
  // The hourly sweep once now: reminders of what falls due soon, overdue marks, the organisers' digest.
  await app.get(LadderService).sweep();
}

/** The terms of a demo agreement as its drafter sends them. */
function termsOf(a: DemoAgreement, principals: Map<string, Principal>, listings: Map<string, { id: string }>): AgreementDto {
  return {
    kind: a.kind,
    title: a.title,
    amount: a.amount,
    product: a.product ?? null,
    quantity: a.quantity ?? null,
    unit: a.unit ?? null,
    termMonths: a.termMonths ?? null,
    keyTerms: a.keyTerms,
    listingIds: a.listings.map((key) => listings.get(key)!.id),
    parties: a.parties.map((p) => ({ organisationId: principals.get(p.org)!.organisationId, role: p.role })),
  };
}

/** Steps the lifecycle forward until it reaches `to`. */
async function advance(events: EventsService, organiser: Principal, id: string, version: number, from: SessionStatus, to: SessionStatus) {
  let session = await events.getSession(organiser, id);
  let status = from;
  let v = version;
  while (status !== to) {
    const next = SESSION_TRANSITIONS[status];
    if (!next) break;
    session = await events.transition(organiser, id, { to: next, version: v });
    status = session.status;
    v = session.version;
  }
  return session;
}
