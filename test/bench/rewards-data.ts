// The data of bench:rewards: a provincial event whose financial institutions and enterprises
// report monthly statistics for a year, as the seed's finance office collects them. A few
// organisations of each kind are registered and take part in a bank–enterprise session through the
// HTTP API (so their rows are exactly what the server writes); the rest are copies of those made in
// bulk SQL. The reporting periods are opened through the API (so every form and its obligation is
// what StatisticsService owes); the filed versions and the review of each form are then written in
// bulk SQL, as StatisticsService.submit and ObligationsService.submit/review leave them (without
// their audit records and notifications). Setup, not measured.
import {
  CREDIT_CODE_ALPHABET,
  makeCreditCode,
  SESSION_TRANSITIONS,
  STATISTICS_FORMS,
  type InstitutionClass,
  type MatchSession,
  type RewardPeriod,
  type StatisticsFigures,
} from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { Actor, Api } from '../e2e/api';

const ZONE = 'Asia/Shanghai';
const WAN = 10_000;
const YI = 100_000_000;

/** The classes of the bench, their organisation kind, the role they take in the session and their share of the institutions. */
export const MIX: { cls: InstitutionClass; role: 'lender' | 'guarantor' | 'borrower'; share: number; label: string }[] = [
  { cls: 'bank', role: 'lender', share: 0.5, label: '银行' },
  { cls: 'guarantor', role: 'guarantor', share: 0.1, label: '融资担保有限公司' },
  { cls: 'microlender', role: 'lender', share: 0.12, label: '小额贷款有限公司' },
  { cls: 'insurer', role: 'guarantor', share: 0.08, label: '财产保险股份有限公司' },
  { cls: 'enterprise', role: 'borrower', share: 0.2, label: '工贸有限公司' },
];

export type Institution = { id: string; cls: InstitutionClass; name: string };

export type RewardsEvent = {
  eventId: string;
  sessionId: string;
  institutions: Institution[];
  /** The admin user of each class's first template organisation: the copies' forms are filed in its name. */
  filers: Record<string, string>;
  organiserUserId: string;
};

export type Period = RewardPeriod;

async function inParallel<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i], i);
    }),
  );
}

/** A deterministic generator (mulberry32), so a run's figures are the same every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function columns(db: Client, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.rows.map((r) => r.column_name);
}

/** INSERT … SELECT copying rows of `table` (aliased t in `from`), some columns computed instead of copied. */
async function copyRows(db: Client, table: string, from: string, computed: Record<string, string>, params: unknown[]): Promise<number> {
  const cols = await columns(db, table);
  const list = cols.map((c) => `"${c}"`).join(', ');
  const values = cols.map((c) => computed[c] ?? `t."${c}"`).join(', ');
  return (await db.query(`INSERT INTO ${table} (${list}) SELECT ${values} FROM ${from}`, params)).rowCount ?? 0;
}

/**
 * The event, its bank–enterprise session (live), two organisations of each class registered and
 * taking part through the API, and copies of them in bulk SQL up to `total` institutions in MIX's
 * shares, each an approved participant of the session.
 */
export async function createInstitutions(api: Api, db: Client, organiser: Actor, total: number): Promise<RewardsEvent> {
  const event = await api.call<{ id: string }>(
    'POST',
    '/events',
    {
      name: `青海省金融支持工业经济平稳发展考核奖励基准${randomUUID().slice(0, 6)}`,
      province: '630000',
      startDate: '2026-12-14',
      endDate: '2026-12-16',
      targetAmount: 1e11,
    },
    organiser.token,
  );
  let session = await api.call<MatchSession>(
    'POST',
    `/events/${event.id}/sessions`,
    {
      kind: 'bank_enterprise',
      title: '金融支持工业经济银企对接专场',
      leadDepartment: '省政府金融工作办公室',
      venue: '西宁',
      startsAt: '2026-12-14T09:00:00+08:00',
      endsAt: '2026-12-14T17:00:00+08:00',
      slotMinutes: 20,
      tableCount: 20,
      registrationMode: 'open',
    },
    organiser.token,
  );
  while (session.status !== 'live') {
    session = await api.call<MatchSession>(
      'POST',
      `/sessions/${session.id}/transition`,
      { to: SESSION_TRANSITIONS[session.status], version: session.version },
      organiser.token,
    );
  }
  const wanted = MIX.flatMap((m) => [m, m]);
  const templates = new Array<Actor & { email: string; name: string }>(wanted.length);
  await inParallel(wanted, 5, async (m, i) => {
    const actor = await api.organisation(organiser, m.cls as Parameters<Api['organisation']>[1]);
    await api.participate(actor, organiser, session.id, m.role);
    templates[i] = actor;
  });
  const users = await db.query<{ organisationId: string; id: string }>(`SELECT "organisationId", id FROM app_user WHERE "organisationId" = ANY($1::uuid[])`, [
    templates.map((t) => t.organisationId),
  ]);
  const userOf = new Map(users.rows.map((u) => [u.organisationId, u.id]));
  const filers: Record<string, string> = {};
  wanted.forEach((m, i) => (filers[m.cls] ??= userOf.get(templates[i].organisationId)!));
  const [{ id: organiserUserId }] = (await db.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'organiser@e2e.duijie.cn'`)).rows;

  // The copies: MIX's shares of `total`, the templates counted.
  const institutions: Institution[] = [];
  const copy = { src: [] as string[], id: [] as string[], name: [] as string[], code: [] as string[] };
  let n = 0;
  for (const [k, m] of MIX.entries()) {
    const count = k === MIX.length - 1 ? total - institutions.length : Math.round(total * m.share);
    const own = [templates[2 * k], templates[2 * k + 1]];
    for (let i = 0; i < count; i++) {
      if (i < own.length) {
        institutions.push({ id: own[i].organisationId, cls: m.cls, name: own[i].name });
        continue;
      }
      const id = randomUUID();
      const name = m.cls === 'bank' ? `青海${i}号商业银行` : `青海${m.label.replace('有限公司', '')}${i}有限公司`.replace('股份', '');
      let serial = '';
      for (let x = ++n, d = 0; d < 9; d++, x = Math.floor(x / CREDIT_CODE_ALPHABET.length))
        serial = CREDIT_CODE_ALPHABET[x % CREDIT_CODE_ALPHABET.length] + serial;
      copy.src.push(own[i % 2].organisationId);
      copy.id.push(id);
      copy.name.push(name);
      copy.code.push(makeCreditCode(`91632800${serial}`));
      institutions.push({ id, cls: m.cls, name });
    }
  }
  await copyRows(
    db,
    'organisation',
    `organisation t JOIN unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS m(src, id, name, code) ON m.src = t.id`,
    { id: 'm.id', name: 'm.name', creditCode: 'm.code', status: `'approved'` },
    [copy.src, copy.id, copy.name, copy.code],
  );
  await copyRows(
    db,
    'participation',
    `participation t JOIN unnest($1::uuid[], $2::uuid[]) AS m(src, id) ON m.src = t."organisationId" AND t."sessionId" = $3`,
    { id: 'gen_random_uuid()', organisationId: 'm.id' },
    [copy.src, copy.id, session.id],
  );
  return { eventId: event.id, sessionId: session.id, institutions, filers, organiserUserId };
}

/** The months of the seed's year (2011-12 to 2012-11, the reward deadline 2012-03-31 inside it), P of them. */
export function monthlySpans(p: number): { name: string; startsOn: string; endsOn: string }[] {
  return Array.from({ length: p }, (_, i) => {
    const start = new Date(Date.UTC(2011, 11 + i, 1));
    const end = new Date(Date.UTC(2011, 12 + i, 0));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return { name: `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月统计`, startsOn: day(start), endsOn: day(end) };
  });
}

/** Opens the periods through the API (each owes every institution its form), one after another; each one's time. */
export async function openPeriods(api: Api, organiser: Actor, eventId: string, p: number, dueOn: string): Promise<{ period: Period; ms: number }[]> {
  const out: { period: Period; ms: number }[] = [];
  for (const span of monthlySpans(p)) {
    const started = performance.now();
    const period = await api.call<Period>(
      'POST',
      `/events/${eventId}/reward-periods`,
      { ...span, cadence: 'monthly', dueOn, classes: MIX.map((m) => m.cls) },
      organiser.token,
    );
    out.push({ period, ms: performance.now() - started });
  }
  return out;
}

/** How a form stands after filing and review: accepted (once, or after a return and a correction), awaiting review, returned, never filed. */
type Outcome = 'accepted' | 'corrected' | 'submitted' | 'returned' | 'open';

const wan = (x: number) => Math.max(0, Math.round(x / WAN)) * WAN;

/** Per-institution traits that hold across the year (size, the capital event and its approval day). */
type Traits = { scale: number; growth: number; capital: 'none' | 'new' | 'increase'; approvedOn: string | null; newCapital: number | null; registered: number };

function traitsOf(cls: InstitutionClass, random: () => number, first: string, last: string): Traits {
  // Lognormal-ish size: most institutions near 1, a few tens of times larger.
  const scale = Math.exp((random() + random() + random() - 1.5) * 1.6);
  const growth = random();
  let capital: Traits['capital'] = 'none';
  let approvedOn: string | null = null;
  let newCapital: number | null = null;
  let registered = 0;
  if (cls === 'guarantor' || cls === 'microlender') {
    const x = random();
    capital = x < 0.06 ? 'new' : x < 0.14 ? 'increase' : 'none';
    registered = wan((cls === 'guarantor' ? 1 + 9 * random() : 0.5 + 2.5 * random()) * YI);
    if (capital !== 'none') {
      const from = Date.parse(`${first}T00:00:00Z`);
      const to = Date.parse(`${last}T00:00:00Z`);
      approvedOn = new Date(from + Math.floor(random() * ((to - from) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
      if (capital === 'increase') newCapital = wan((0.2 + 2.8 * random()) * YI * (cls === 'guarantor' ? 1 : 0.3));
    }
  }
  return { scale, growth, capital, approvedOn, newCapital, registered };
}

/** A year-on-year growth rate: a third fell or stood still, a fifth grew by at most 5% (a few by exactly 5%), the rest grew more. */
function growthRate(random: () => number): number {
  const x = random();
  if (x < 0.3) return -0.2 * random();
  if (x < 0.48) return 0.05 * random();
  if (x < 0.5) return 0.05;
  return 0.05 + 0.55 * random();
}

/** One institution's figures for one period, as filed: every field of the class's form in its order, null where empty. */
function figuresOf(cls: InstitutionClass, t: Traits, span: { startsOn: string; endsOn: string }, random: () => number): StatisticsFigures {
  const f: StatisticsFigures = {};
  switch (cls) {
    case 'bank': {
      // Increments are multiples of 1万, so exactly 5% growth is exact in yuan.
      const lastYear = wan(t.scale * (0.3 + 1.2 * random()) * YI);
      const increment = Math.round(lastYear * (1 + growthRate(random)));
      const balance = wan(increment * (20 + 20 * random()));
      const smallLastYear = wan(t.scale * (0.05 + 0.9 * random()) * YI);
      const small = wan(smallLastYear * (0.7 + 0.8 * random()));
      // NPL ratios around 1–6%, some exactly at the band's ends (2%, 5%).
      const y = random();
      const npl = y < 0.04 ? 200 : y < 0.08 ? 500 : Math.max(0, Math.round(100 + (500 * (random() + random())) / 2 + (random() - 0.5) * 100));
      Object.assign(f, {
        industryLoanBalance: balance,
        industryLoanIncrement: increment,
        industryLoanBalanceLastYear: wan(balance * (0.85 + 0.15 * random())),
        industryLoanIncrementLastYear: lastYear,
        smallMicroLoanIncrement: small,
        smallMicroLoanIncrementLastYear: smallLastYear,
        smallMicroNplBp: npl,
      });
      break;
    }
    case 'guarantor':
    case 'microlender': {
      const reports = t.capital !== 'none' && t.approvedOn !== null && t.approvedOn <= span.endsOn;
      const unit = cls === 'guarantor' ? YI : 1000 * WAN;
      const lastYear = wan(t.scale * (0.5 + 2 * random()) * unit);
      const volume = wan(lastYear * (1 + growthRate(random)) + (reports ? t.scale * random() * 2 * unit : 0));
      Object.assign(f, {
        registeredCapital: t.registered,
        capitalEvent: reports ? t.capital : 'none',
        newCapital: reports ? t.newCapital : null,
        capitalApprovedOn: reports ? t.approvedOn : null,
        [cls === 'guarantor' ? 'guaranteeVolume' : 'loanVolume']: volume,
        [cls === 'guarantor' ? 'guaranteeVolumeLastYear' : 'loanVolumeLastYear']: lastYear,
      });
      break;
    }
    case 'insurer': {
      const x = random();
      // Some exactly at the prize's 1亿, many none.
      const direct = x < 0.4 ? 0 : x < 0.45 ? YI : wan(t.scale * (0.2 + 2.8 * random()) * YI);
      Object.assign(f, { directInvestment: direct, lowRateUnderwriting: random() < 0.15 ? 0 : wan(t.scale * 2 * random() * YI) });
      break;
    }
    case 'enterprise': {
      const maybe = (p: number, lo: number, hi: number) => (random() < p ? wan(t.scale * (lo + (hi - lo) * random()) * YI) : null);
      const bond = maybe(0.1, 1, 20);
      const leasing = maybe(0.15, 0.1, 3);
      const trust = maybe(0.08, 0.2, 5);
      const raised = (bond ?? 0) + (leasing ?? 0) + (trust ?? 0);
      // Fees of 0.5–3% of what was raised: the largest pass the 200万 cap at 50%.
      const fees = raised > 0 ? wan(raised * (0.005 + 0.025 * random())) : null;
      Object.assign(f, {
        bondFinancing: bond,
        leasingFinancing: leasing,
        trustFinancing: trust,
        intermediaryFees: fees,
        billDiscountFees: random() < 0.4 ? wan(t.scale * (10 + 490 * random()) * WAN) : null,
      });
      break;
    }
    case 'construction_unit':
      break;
  }
  return Object.fromEntries(STATISTICS_FORMS[cls].map((field) => [field.key, f[field.key] ?? null]));
}

/**
 * Plants ties at the top of the period's two rankings: small/micro loan growth of banks (one first,
 * one second, two tied third over places 3 and 4, then 5th, 6th, 7th) and insurers' low-rate
 * underwriting (two tied first), each above everyone else and above last year's.
 */
function plantTies(rows: { cls: InstitutionClass; figures: StatisticsFigures }[], random: () => number): void {
  const plant = (cls: InstitutionClass, key: string, steps: number[], lastYearKey: string | null) => {
    const members = rows.filter((r) => r.cls === cls);
    if (members.length < steps.length * 2) return;
    const top = Math.max(...members.map((r) => Number(r.figures[key] ?? 0)));
    const picked = new Set<number>();
    while (picked.size < steps.length) picked.add(Math.floor(random() * members.length));
    [...picked].forEach((index, k) => {
      const value = top + steps[k] * 100 * WAN;
      members[index].figures[key] = value;
      if (lastYearKey) members[index].figures[lastYearKey] = wan(value * 0.8);
    });
  };
  plant('bank', 'smallMicroLoanIncrement', [7, 6, 5, 5, 4, 3, 2], 'smallMicroLoanIncrementLastYear');
  plant('insurer', 'lowRateUnderwriting', [3, 3, 2], null);
}

export type FiledPeriod = { accepted: number; corrected: number; submitted: number; returned: number; open: number; versions: number };

/**
 * Files and reviews a period's forms in bulk SQL: each institution's figures (deterministic per
 * period), 93% accepted at once, 2% accepted after a return and a correction (two versions, the
 * first with an amount ten times too large), 2% filed and awaiting review, 1.5% returned, 1.5%
 * never filed. Then the obligations' per-subject summary, as ObligationsService keeps it.
 */
export async function fileForms(
  db: Client,
  ev: RewardsEvent,
  period: Period,
  seed: number,
  check: (cls: InstitutionClass, f: StatisticsFigures) => string | null,
): Promise<FiledPeriod> {
  const random = rng(seed);
  const year = monthlySpans(12);
  const first = year[0].startsOn;
  const last = year[year.length - 1].endsOn;
  // Traits are per institution across the year (seeded by the institution's place, not the period).
  const traitRandom = rng(7);
  const traits = new Map(ev.institutions.map((i) => [i.id, traitsOf(i.cls, traitRandom, first, last)]));
  const forms = (
    await db.query<{ id: string; obligationId: string; organisationId: string; class: InstitutionClass }>(
      `SELECT id, "obligationId", "organisationId", class FROM statistics_form WHERE "periodId" = $1 ORDER BY "organisationId"`,
      [period.id],
    )
  ).rows;
  const rows = forms.map((form) => ({ form, cls: form.class, figures: figuresOf(form.class, traits.get(form.organisationId)!, period, random) }));
  plantTies(rows, random);
  const counts: FiledPeriod = { accepted: 0, corrected: 0, submitted: 0, returned: 0, open: 0, versions: 0 };
  const v = { formId: [] as string[], n: [] as number[], figures: [] as string[], by: [] as string[], at: [] as string[] };
  const o = {
    id: [] as string[],
    state: [] as string[],
    first: [] as (string | null)[],
    at: [] as (string | null)[],
    by: [] as (string | null)[],
    reviewedAt: [] as (string | null)[],
    reason: [] as (string | null)[],
    version: [] as number[],
  };
  const filedAt = (days: number) => new Date(Date.parse(`${period.endsOn}T10:00:00+08:00`) + days * 86_400_000).toISOString();
  for (const { form, cls, figures } of rows) {
    const problem = check(cls, figures);
    if (problem) throw new Error(`generated figures of a ${cls} would not be accepted by the form: ${problem}\n${JSON.stringify(figures)}`);
    const x = random();
    const outcome: Outcome = x < 0.93 ? 'accepted' : x < 0.95 ? 'corrected' : x < 0.97 ? 'submitted' : x < 0.985 ? 'returned' : 'open';
    counts[outcome] += 1;
    const by = ev.filers[cls];
    const addVersion = (n: number, f: StatisticsFigures, at: string) => {
      v.formId.push(form.id);
      v.n.push(n);
      v.figures.push(JSON.stringify(f));
      v.by.push(by);
      v.at.push(at);
    };
    const firstAt = filedAt(1 + Math.floor(random() * 5));
    const wrong = () => {
      const key = STATISTICS_FORMS[cls].find((f) => f.type === 'yuan' && typeof figures[f.key] === 'number')?.key;
      return key ? { ...figures, [key]: Number(figures[key]) * 10 } : figures;
    };
    const state = outcome === 'corrected' ? 'accepted' : outcome;
    if (outcome === 'accepted' || outcome === 'submitted') addVersion(1, figures, firstAt);
    if (outcome === 'returned') addVersion(1, wrong(), firstAt);
    const secondAt = filedAt(8);
    if (outcome === 'corrected') {
      addVersion(1, wrong(), firstAt);
      addVersion(2, figures, secondAt);
    }
    o.id.push(form.obligationId);
    o.state.push(state);
    o.first.push(outcome === 'open' ? null : firstAt);
    o.at.push(outcome === 'open' ? null : outcome === 'corrected' ? secondAt : firstAt);
    o.by.push(outcome === 'open' ? null : by);
    o.reviewedAt.push(state === 'accepted' || state === 'returned' ? filedAt(10) : null);
    o.reason.push(state === 'returned' ? '工业贷款新增额与人民银行统计口径不符，请核对后重新报送' : null);
    // open 1 → submitted 2 → reviewed 3 (a return and a second filing: 4, accepted 5).
    o.version.push({ open: 1, submitted: 2, returned: 3, accepted: 3, corrected: 5 }[outcome]);
  }
  counts.versions = v.formId.length;
  await db.query(
    `INSERT INTO statistics_form_version (id, "formId", n, figures, "submittedByUserId", "submittedAt")
     SELECT gen_random_uuid(), r."formId", r.n, r.figures::jsonb, r.by, r.at
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::timestamptz[]) AS r("formId", n, figures, by, at)`,
    [v.formId, v.n, v.figures, v.by, v.at],
  );
  await db.query(
    `UPDATE obligation o SET state = r.state, "firstSubmittedAt" = r.first, "submittedAt" = r.at, "submittedByUserId" = r.by,
            "reviewedAt" = r."reviewedAt", "reviewedByUserId" = CASE WHEN r."reviewedAt" IS NULL THEN NULL ELSE $9::uuid END,
            "returnReason" = r.reason, version = r.version, "updatedAt" = now()
       FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::timestamptz[], $5::uuid[], $6::timestamptz[], $7::text[], $8::int[])
            AS r(id, state, first, at, by, "reviewedAt", reason, version)
      WHERE o.id = r.id`,
    [o.id, o.state, o.first, o.at, o.by, o.reviewedAt, o.reason, o.version, ev.organiserUserId],
  );
  // What ObligationsService keeps in every write's transaction: each form's summary (one obligation per form).
  await db.query(
    `INSERT INTO obligation_subject (kind, "subjectType", "subjectId", "eventId", "nextObligationId", "nextDueAt", "nextDueOn", "nextOrganisationId", filed, accepted, submitted, outstanding)
     SELECT o.kind, o."subjectType", o."subjectId", o."eventId",
            CASE WHEN o.state IN ('open', 'returned') THEN o.id END, CASE WHEN o.state IN ('open', 'returned') THEN o."dueAt" END,
            CASE WHEN o.state IN ('open', 'returned') THEN o."dueOn" END, CASE WHEN o.state IN ('open', 'returned') THEN o."organisationId" END,
            (o."firstSubmittedAt" IS NOT NULL)::int, (o.state = 'accepted')::int, (o.state = 'submitted')::int, (o.state IN ('open', 'returned'))::int
       FROM obligation o WHERE o.id = ANY($1::uuid[])
     ON CONFLICT (kind, "subjectType", "subjectId") DO UPDATE SET "eventId" = EXCLUDED."eventId", "nextObligationId" = EXCLUDED."nextObligationId",
       "nextDueAt" = EXCLUDED."nextDueAt", "nextDueOn" = EXCLUDED."nextDueOn", "nextOrganisationId" = EXCLUDED."nextOrganisationId",
       filed = EXCLUDED.filed, accepted = EXCLUDED.accepted, submitted = EXCLUDED.submitted, outstanding = EXCLUDED.outstanding`,
    [o.id],
  );
  return counts;
}

export { ZONE };
