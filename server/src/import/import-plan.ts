// Works out what an import would write: reads the sheets' rows, looks up the organisations,
// sessions, participations and open listings they name, and checks each row against the
// capabilities' rules. Nothing is written here; the service writes a plan without problems.
import {
  IMPORT_REPORT_LIMIT,
  LISTING_OPEN_STATUSES,
  type ImportListingRow,
  type ImportOrganisationRow,
  type ImportProblem,
  type ImportReport,
  type ListingInput,
  type ListingType,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationSize,
  type OrganisationStatus,
  type ParticipantRole,
} from '@duijie/shared';
import { In, type EntityManager } from 'typeorm';
import { NotFound } from '../common/errors';
import { UUID_PATTERN } from '../common/validation';
import { EventEntity } from '../events/event.entity';
import { SessionEntity } from '../events/session.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { postingRoles, roleFitsOrganisation } from '../participation/participation-rules';
import { SHEET_NAMES } from './columns';
import { finishListingRow, readListingRow, readOrganisationRow, type ListingRow, type OrganisationRow } from './rows';
import { VOCABULARIES } from './vocabulary';
import type { WorkbookRead } from './workbook';

/** An organisation an import row names: registered already, or created by this import. */
export type OrganisationRef = {
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

export type ParticipationPlan = { sessionId: string; creditCode: string; role: ParticipantRole; existing: ParticipationEntity | null };
export type ListingPlan = { row: number; sessionId: string; eventId: string; creditCode: string; input: ListingInput };

/** What an import would write, worked out from the file and the database as they are now. */
export type Plan = {
  report: ImportReport;
  organisations: { row: number; input: OrganisationInput }[];
  /** By credit code: every organisation the listing rows name. */
  refs: Map<string, OrganisationRef>;
  participations: ParticipationPlan[];
  listings: ListingPlan[];
};

/** Rows read or checked between two turns of the event loop (a row's validation takes ~0.3 ms). */
const YIELD_EVERY = 20;

/** Lets other work (health checks, sockets) run between batches of a long synchronous loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function planImport(manager: EntityManager, eventId: string, files: string[], workbook: WorkbookRead, dryRun: boolean): Promise<Plan> {
  if (!(await manager.exists(EventEntity, { where: { id: eventId } }))) throw new NotFound('Event');
  const report = emptyReport(eventId, files, workbook, dryRun);
  const { organisationRows, listingRows } = await readRows(workbook);
  const codes = [...new Set([...organisationRows.map((r) => r.creditCode), ...listingRows.map((r) => r.creditCode)].filter((c) => c !== ''))];
  const registered = await registeredByCode(manager, codes);
  const organisations = await planOrganisations(organisationRows, registered, report);
  const sessions = await manager.find(SessionEntity, { where: { eventId }, order: { startsAt: 'ASC' } });
  const existing = await existingRows(manager, eventId, sessions, registered);
  const { participations, listings } = await planListings(listingRows, { eventId, sessions, ...organisations, ...existing }, report);
  for (const p of participations) {
    if (!p.existing) report.participations.create += 1;
    else if (p.existing.status === 'approved') report.participations.unchanged += 1;
    else report.participations.approve += 1;
  }
  report.problems.sort(byPlace);
  report.warnings.sort(byPlace);
  capReport(report);
  return {
    report,
    organisations: organisations.toCreate,
    refs: organisations.refs,
    participations: participations.filter((p) => p.existing?.status !== 'approved'),
    listings,
  };
}

function emptyReport(eventId: string, files: string[], workbook: WorkbookRead, dryRun: boolean): ImportReport {
  return {
    dryRun,
    eventId,
    files,
    organisations: { create: 0, unchanged: 0, rows: [] },
    participations: { create: 0, approve: 0, unchanged: 0 },
    listings: { create: 0, skip: 0, rows: [] },
    problems: [...workbook.problems],
    warnings: [...workbook.warnings],
    counts: { problems: 0, warnings: 0, organisationRows: 0, listingRows: 0, problemsByColumn: [] },
  };
}

/** Every row of both sheets, read cell by cell into inputs and problems. */
async function readRows(workbook: WorkbookRead): Promise<{ organisationRows: OrganisationRow[]; listingRows: ListingRow[] }> {
  const records = (sheet: 'organisations' | 'listings') => workbook.sheets.find((s) => s.sheet === sheet)?.records ?? [];
  const organisationRows: OrganisationRow[] = [];
  for (const record of records('organisations')) {
    organisationRows.push(await readOrganisationRow(record));
    if (organisationRows.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  const listingRows: ListingRow[] = [];
  for (const record of records('listings')) {
    listingRows.push(readListingRow(record));
    if (listingRows.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  return { organisationRows, listingRows };
}

/** The registered organisations among the credit codes, by credit code. */
async function registeredByCode(manager: EntityManager, codes: string[]): Promise<Map<string, OrganisationEntity>> {
  const registered = new Map<string, OrganisationEntity>();
  // In batches small enough that building and reading each query stays a short turn of the event loop.
  for (let i = 0; i < codes.length; i += 1000) {
    for (const o of await manager.find(OrganisationEntity, { where: { creditCode: In(codes.slice(i, i + 1000)) } })) registered.set(o.creditCode, o);
  }
  return registered;
}

type OrganisationsPlan = {
  refs: Map<string, OrganisationRef>;
  /** Credit codes whose 机构 row has problems: listing rows naming them add none of their own. */
  broken: Set<string>;
  toCreate: Plan['organisations'];
};

/** The 机构 rows: new organisations to create, registered ones kept as they are. */
async function planOrganisations(rows: OrganisationRow[], registered: Map<string, OrganisationEntity>, report: ImportReport): Promise<OrganisationsPlan> {
  const { problems } = report;
  const refs = new Map<string, OrganisationRef>();
  for (const o of registered.values()) refs.set(o.creditCode, { ...o, row: null });
  const broken = new Set<string>();
  const firstRow = new Map<string, number>();
  const toCreate: Plan['organisations'] = [];
  for (const [index, r] of rows.entries()) {
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
      keepRegistered(r.row, r.input, existing, report);
      continue;
    }
    toCreate.push({ row: r.row, input: r.input });
    refs.set(r.input.creditCode, { ...r.input, id: null, status: 'approved', row: r.row });
    report.organisations.create += 1;
    report.organisations.rows.push(orgRow(r.row, r.input.creditCode, r.input.name, 'create'));
  }
  return { refs, broken, toCreate };
}

/** A 机构 row naming a registered organisation: it stays as it is; differences are reported. */
function keepRegistered(row: number, input: OrganisationInput, existing: OrganisationEntity, report: ImportReport): void {
  if (existing.kind !== input.kind) {
    report.problems.push({
      sheet: 'organisations',
      row,
      column: '机构类型',
      message: `this credit code is registered as ${VOCABULARIES.kind.label(existing.kind)} (${existing.name}), not ${VOCABULARIES.kind.label(input.kind)}`,
    });
    return;
  }
  if (existing.name !== input.name) {
    report.warnings.push({
      sheet: 'organisations',
      row,
      column: '机构名称',
      message: `already registered as “${existing.name}”; registered organisations are kept as they are`,
    });
  }
  if (existing.status !== 'approved') {
    report.warnings.push({
      sheet: 'organisations',
      row,
      column: null,
      message: `already registered and ${existing.status === 'pending' ? 'waiting for approval' : 'rejected'}; approve it in the console before importing its listings`,
    });
  }
  report.organisations.unchanged += 1;
  report.organisations.rows.push(orgRow(row, existing.creditCode, existing.name, 'unchanged'));
}

type ExistingRows = {
  /** By `${sessionId}|${organisationId}|${role}`. */
  participations: Map<string, ParticipationEntity>;
  /** `${organisationId}|${sessionId}|${type}|${title}` of the open listings. */
  openListings: Set<string>;
};

/** The registered organisations' participations in the event's sessions and their open listings. */
async function existingRows(
  manager: EntityManager,
  eventId: string,
  sessions: SessionEntity[],
  registered: Map<string, OrganisationEntity>,
): Promise<ExistingRows> {
  const existingIds = [...registered.values()].map((o) => o.id);
  const participations = new Map<string, ParticipationEntity>();
  const openListings = new Set<string>();
  if (existingIds.length === 0 || sessions.length === 0) return { participations, openListings };
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
  return { participations, openListings };
}

type ListingsContext = OrganisationsPlan & ExistingRows & { eventId: string; sessions: SessionEntity[] };

/** Where a listing row goes: its organisation, session, role and the participation that carries it. */
type ListingTarget = { ref: OrganisationRef; session: SessionEntity; role: ParticipantRole; participationKey: string };

/** The 发布 rows: listings to create or skip, and the participations they need. */
async function planListings(
  rows: ListingRow[],
  ctx: ListingsContext,
  report: ImportReport,
): Promise<{ participations: ParticipationPlan[]; listings: ListingPlan[] }> {
  const planned = new Map<string, ParticipationPlan>();
  const listings: ListingPlan[] = [];
  const seen = new Map<string, number>();
  const byTitle = new Map<string, SessionEntity[]>();
  for (const s of ctx.sessions) byTitle.set(s.title.trim(), [...(byTitle.get(s.title.trim()) ?? []), s]);
  for (const [index, row] of rows.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    const target = listingTarget(row, ctx, byTitle);
    const input = await finishListingRow(row, target.ref ? target.ref.region : null);
    report.warnings.push(...row.warnings);
    report.problems.push(...row.problems.list);
    const { ref, session, role, participationKey } = target;
    if (!input || !ref || !session || !role || !participationKey) continue;

    const key = `${ref.creditCode}|${session.id}|${input.type}|${input.title}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report.problems.push({
        sheet: 'listings',
        row: row.row,
        column: null,
        message: `the same listing as row ${earlier} (same organisation, session, type and title)`,
      });
      continue;
    }
    seen.set(key, row.row);
    const skip = ref.id !== null && ctx.openListings.has(`${ref.id}|${session.id}|${input.type}|${input.title}`);
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
      const existing = ref.id ? (ctx.participations.get(`${session.id}|${ref.id}|${role}`) ?? null) : null;
      planned.set(participationKey, { sessionId: session.id, creditCode: ref.creditCode, role, existing });
    }
    if (skip) {
      report.listings.skip += 1;
      continue;
    }
    report.listings.create += 1;
    listings.push({ row: row.row, sessionId: session.id, eventId: ctx.eventId, creditCode: ref.creditCode, input });
  }
  return { participations: [...planned.values()], listings };
}

/** Resolves a row's organisation, session and role by the participation rules, recording each problem on the row. */
function listingTarget(row: ListingRow, ctx: ListingsContext, byTitle: Map<string, SessionEntity[]>): Partial<ListingTarget> {
  const problem = (key: string, message: string) => row.problems.add(key, message);
  const ref = row.creditCode === '' ? undefined : ctx.refs.get(row.creditCode);
  if (!ref && row.creditCode !== '' && !ctx.broken.has(row.creditCode)) {
    problem('creditCode', `no organisation has this credit code: add it to the ${SHEET_NAMES.organisations} sheet or register it first`);
  } else if (ref && ref.status !== 'approved') {
    problem('creditCode', `${ref.name} is ${ref.status === 'pending' ? 'waiting for approval' : 'rejected'}; approve it in the console first`);
  }
  const session = sessionOf(row, ctx.sessions, byTitle);
  let role = session && row.type ? roleOf(row, session, row.type) : null;
  if (ref && session && role && !roleFitsOrganisation(session.kind, ref.kind, role)) {
    problem('role', `${ref.name} is ${VOCABULARIES.kind.label(ref.kind)}, which cannot take the role ${VOCABULARIES.role.label(role)} in this session`);
    role = null;
  }
  if (!ref || !session || !role) return { ref, session, role: role ?? undefined };
  const existing = ref.id ? (ctx.participations.get(`${session.id}|${ref.id}|${role}`) ?? null) : null;
  if (existing && (existing.status === 'rejected' || existing.status === 'withdrawn')) {
    problem('role', `${ref.name}'s participation in this session as ${VOCABULARIES.role.label(role)} was ${existing.status}; change that in the console first`);
    return { ref, session, role };
  }
  return { ref, session, role, participationKey: `${session.id}|${ref.creditCode}|${role}` };
}

/** The session a row names by title or id, open for listings. */
function sessionOf(row: ListingRow, sessions: SessionEntity[], byTitle: Map<string, SessionEntity[]>): SessionEntity | undefined {
  if (row.session === '') return undefined;
  const matches = UUID_PATTERN.test(row.session) ? sessions.filter((s) => s.id === row.session.toLowerCase()) : (byTitle.get(row.session) ?? []);
  const sessionList = sessions.map((s) => `“${s.title}”`).join(', ') || '(none yet)';
  if (matches.length === 0) row.problems.add('session', `this event has no session “${row.session}”; its sessions are ${sessionList}`);
  else if (matches.length > 1) row.problems.add('session', `several sessions are called “${row.session}”; name the session by its id instead`);
  else if (!LISTING_OPEN_STATUSES.includes(matches[0].status)) {
    row.problems.add('session', `the session is ${matches[0].status}; listings can be imported while it is open for registration or live`);
  } else return matches[0];
  return undefined;
}

/** The role a listing of the row's type is posted as in the session (the participation rules). */
function roleOf(row: ListingRow, session: SessionEntity, type: ListingType): ParticipantRole | null {
  const fitting = postingRoles(session.kind, type);
  const labels = () => fitting.map((r) => VOCABULARIES.role.label(r)).join(' or ');
  if (fitting.length === 0) row.problems.add('type', `a ${VOCABULARIES.type.label(type)} listing cannot be posted in a ${session.kind} session`);
  else if (row.role && !fitting.includes(row.role))
    row.problems.add('role', `in a ${session.kind} session a ${VOCABULARIES.type.label(type)} listing is posted as ${labels()}`);
  else if (!row.role && fitting.length > 1) row.problems.add('role', `is required here: ${labels()}`);
  else return row.role ?? fitting[0];
  return null;
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

function orgRow(row: number, creditCode: string, name: string, action: ImportOrganisationRow['action']): ImportOrganisationRow {
  return { row, creditCode, name, action };
}

const SHEET_ORDER = { organisations: 0, listings: 1 } as const;

function byPlace(a: ImportProblem, b: ImportProblem): number {
  const sheet = (p: ImportProblem) => (p.sheet === null ? -1 : SHEET_ORDER[p.sheet]);
  return sheet(a) - sheet(b) || (a.row ?? 0) - (b.row ?? 0);
}
