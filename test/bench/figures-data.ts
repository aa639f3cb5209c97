// The data of bench:figures: a provincial event with sessions of all four kinds, its agreements
// signed through the HTTP API as templates (so their rows are exactly what the server writes),
// copied in bulk SQL to the wanted number with a realistic mix of kinds, amounts, products,
// lenders among ~30 banks and enterprises spread over Qinghai's prefectures and counties, and a
// ledger of approvals, disbursements, deliveries and performances consistent with each
// agreement's amount. Setup, not measured.
import {
  findCategory,
  REGIONS,
  SESSION_TRANSITIONS,
  type Agreement,
  type AgreementKind,
  type MatchSession,
  type SessionKind,
  SESSION_KINDS,
} from '@duijie/shared';
import { randomInt, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { E2E_PASSWORD, type Actor, type Api } from '../e2e/api';

const log = (line: string) => process.stderr.write(`${line}\n`);

export type FiguresEvent = {
  eventId: string;
  name: string;
  /** The event's days (YYYY-MM-DD), in Asia/Shanghai. */
  days: string[];
  /** Sessions per kind, two of each for the main event. */
  sessions: Record<SessionKind, string[]>;
};

export type Template = { agreement: Agreement; sessionKind: SessionKind };

export type Templates = {
  event: FiguresEvent;
  templates: Template[];
  /** The organisations registered through the API, by the pool their copies join. */
  organisations: Record<Pool, string[]>;
};

/** Which pool of organisations a party role draws from (pools are disjoint, so parties never repeat). */
type Pool = 'bank' | 'guarantor' | 'seller' | 'buyer' | 'builder' | 'distributor';
const POOL_OF_ROLE: Record<string, Pool> = {
  lender: 'bank',
  guarantor: 'guarantor',
  borrower: 'seller',
  supplier: 'seller',
  producer: 'seller',
  buyer: 'buyer',
  builder: 'builder',
  distributor: 'distributor',
};
const POOL_KIND: Record<Pool, string> = {
  bank: 'bank',
  guarantor: 'guarantor',
  seller: 'enterprise',
  buyer: 'enterprise',
  builder: 'construction_unit',
  distributor: 'distributor',
};

const BANKS = [
  '中国工商银行青海省分行',
  '中国农业银行青海省分行',
  '中国银行青海省分行',
  '中国建设银行青海省分行',
  '交通银行青海省分行',
  '国家开发银行青海省分行',
  '中国进出口银行青海省分行',
  '中国农业发展银行青海省分行',
  '中国邮政储蓄银行青海省分行',
  '招商银行西宁分行',
  '中信银行西宁分行',
  '兴业银行西宁分行',
  '浦发银行西宁分行',
  '民生银行西宁分行',
  '光大银行西宁分行',
  '华夏银行西宁分行',
  '平安银行西宁分行',
  '广发银行西宁分行',
  '青海银行',
  '西宁农村商业银行',
  '青海农商银行',
  '海东农村商业银行',
  '格尔木农村商业银行',
  '大通农村商业银行',
  '湟中农村商业银行',
  '海西农村商业银行',
  '共和农村商业银行',
  '互助农村商业银行',
  '德令哈村镇银行',
  '玉树农村商业银行',
];

/** Where enterprises are, by prefecture (share of the province's enterprises). */
const PREFECTURE_WEIGHTS: Record<string, number> = {
  '630100': 34,
  '630200': 18,
  '632800': 15,
  '632500': 8,
  '632200': 7,
  '632300': 6,
  '632700': 6,
  '632600': 6,
};

/** Products sold at sessions of each kind (steel weighted up: the province's first chain). */
const PRODUCTS: Record<SessionKind, string[]> = {
  upstream_downstream: [
    'steel',
    'steel',
    'steel',
    'iron_ore_concentrate',
    'iron_ore_concentrate',
    'special_steel_bar',
    'metal_rolling',
    'coke',
    'coking_coal',
    'aluminium_ingot',
    'rolled_aluminium',
    'polysilicon',
    'silicon_wafer',
    'pv_module',
    'lithium_carbonate',
    'lithium_battery_materials',
    'potash',
    'compound_fertiliser',
    'magnesium_metal',
    'ferrous_mining',
    'equipment',
    'refined_copper',
    'methanol',
    'soda_ash',
  ],
  building_materials: [
    'cement',
    'cement',
    'rebar',
    'rebar',
    'steel',
    'steel_structure',
    'wall_blocks',
    'flat_glass',
    'ready_mix_concrete',
    'timber',
    'insulation',
    'aggregate',
  ],
  producer_distributor: [
    'yak_meat',
    'tibetan_sheep_meat',
    'highland_barley',
    'qingke_liquor',
    'rapeseed_oil',
    'wolfberry',
    'dairy',
    'tibetan_carpet',
    'cordyceps',
    'seabuckthorn',
  ],
  bank_enterprise: [],
};

/** The mix of kinds among the copies (shares). */
const KIND_MIX: Partial<Record<AgreementKind, number>> = { loan: 30, credit_line: 8, guarantee: 7, supply_contract: 35, distribution: 8, intent: 12 };

/** Amounts by kind: 10^(low + span·u) yuan, rounded to 万元. */
const AMOUNT_RANGE: Partial<Record<AgreementKind, [number, number]>> = {
  loan: [6, 2.2],
  credit_line: [7, 1.8],
  guarantee: [6, 1.6],
  supply_contract: [5.5, 2.6],
  distribution: [5, 2],
  intent: [6.5, 2.5],
};

async function inParallel<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i], i);
    }),
  );
}

const SESSION_TITLES: Record<SessionKind, string> = {
  bank_enterprise: '银企对接专场',
  upstream_downstream: '上下游产业对接专场',
  producer_distributor: '产销对接专场',
  building_materials: '建材产品对接专场',
};

/** An event with `perKind` sessions of every kind over its days; made live when `live`. */
export async function createEvent(
  api: Api,
  organiser: Actor,
  input: { name: string; startDate: string; endDate: string; targetAmount: number; perKind: number; live: boolean },
): Promise<FiguresEvent> {
  const event = await api.call<{ id: string }>(
    'POST',
    '/events',
    { name: input.name, province: '630000', startDate: input.startDate, endDate: input.endDate, targetAmount: input.targetAmount },
    organiser.token,
  );
  const days: string[] = [];
  for (let d = Date.parse(`${input.startDate}T00:00:00Z`); d <= Date.parse(`${input.endDate}T00:00:00Z`); d += 86_400_000)
    days.push(new Date(d).toISOString().slice(0, 10));
  const sessions = Object.fromEntries(SESSION_KINDS.map((k) => [k, [] as string[]])) as Record<SessionKind, string[]>;
  let i = 0;
  for (const kind of SESSION_KINDS) {
    for (let k = 0; k < input.perKind; k++) {
      const day = days[i++ % days.length];
      let session = await api.call<MatchSession>(
        'POST',
        `/events/${event.id}/sessions`,
        {
          kind,
          title: `${SESSION_TITLES[kind]}（第${k + 1}场）`,
          leadDepartment: '省工业和信息化厅',
          venue: '西宁',
          startsAt: `${day}T09:00:00+08:00`,
          endsAt: `${day}T17:00:00+08:00`,
          slotMinutes: 20,
          tableCount: 20,
          registrationMode: 'open',
        },
        organiser.token,
      );
      while (input.live && session.status !== 'live') {
        session = await api.call<MatchSession>(
          'POST',
          `/sessions/${session.id}/transition`,
          { to: SESSION_TRANSITIONS[session.status], version: session.version },
          organiser.token,
        );
      }
      sessions[kind].push(session.id);
    }
  }
  return { eventId: event.id, name: input.name, days, sessions };
}

/**
 * Registers a few organisations of each pool, has them take part in the first session of each
 * kind, and signs agreements of every kind through the API (and leaves a few drafts).
 */
export async function signedTemplates(api: Api, organiser: Actor, event: FiguresEvent): Promise<Templates> {
  const [be, ud, pd, bm] = SESSION_KINDS.map((k) => event.sessions[k][0]);
  const wanted = [
    ...[1, 2, 3].map(() => ['bank', 'lender', be, 'bank'] as const),
    ['guarantor', 'guarantor', be, 'guarantor'] as const,
    ...[1, 2, 3].map(() => ['enterprise', 'borrower', be, 'seller'] as const),
    ...[1, 2].map(() => ['enterprise', 'supplier', ud, 'seller'] as const),
    ['enterprise', 'buyer', ud, 'buyer'] as const,
    ['construction_unit', 'buyer', ud, 'builder'] as const,
    ['enterprise', 'producer', pd, 'seller'] as const,
    ['distributor', 'distributor', pd, 'distributor'] as const,
    ['enterprise', 'producer', bm, 'seller'] as const,
    ['construction_unit', 'builder', bm, 'builder'] as const,
  ];
  log(`registering ${wanted.length} organisations ...`);
  const actors = new Array<Actor>(wanted.length);
  await inParallel(wanted, 6, async ([kind, role, sessionId], i) => {
    const actor = await api.organisation(organiser, kind);
    await api.participate(actor, organiser, sessionId, role);
    await api.call('POST', '/auth/step-up', { password: E2E_PASSWORD }, actor.token);
    actors[i] = actor;
  });
  const [b1, b2, b3, g1, e1, e2, e3, s1, s2, u1, u2, p1, d1, p2, c1] = actors;
  const organisations: Record<Pool, string[]> = { bank: [], guarantor: [], seller: [], buyer: [], builder: [], distributor: [] };
  wanted.forEach(([, , , pool], i) => organisations[pool].push(actors[i].organisationId));

  const party = (a: Actor, role: string) => ({ organisationId: a.organisationId, role });
  const loan = (kind: AgreementKind, title: string, amount: number, parties: [Actor, string][]) => ({
    kind,
    title,
    amount,
    termMonths: 12 * (1 + randomInt(5)),
    keyTerms: '年利率3.45%，按季付息，到期还本。',
    parties: parties.map(([a, r]) => party(a, r)),
  });
  const goods = (kind: AgreementKind, title: string, amount: number, product: string, parties: [Actor, string][]) => ({
    kind,
    title,
    amount,
    product,
    quantity: Math.max(1, Math.round(amount / (1000 + randomInt(6000)))),
    unit: findCategory(product)?.defaultUnit ?? '吨',
    keyTerms: '分批交货，货到验收后付款。',
    parties: parties.map(([a, r]) => party(a, r)),
  });
  const intent = (title: string, amount: number, parties: [Actor, string][]) => ({
    kind: 'intent' as const,
    title,
    amount,
    keyTerms: '双方有意在下一年度开展合作。',
    parties: parties.map(([a, r]) => party(a, r)),
  });
  type Plan = { sessionKind: SessionKind; terms: { parties: { organisationId: string }[] } & Record<string, unknown>; signers: Actor[] | null };
  const plans: Plan[] = [
    {
      sessionKind: 'bank_enterprise',
      terms: loan('loan', '技术改造项目贷款', 30_000_000, [
        [e1, 'borrower'],
        [b1, 'lender'],
      ]),
      signers: [e1, b1],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('loan', '流动资金贷款', 8_000_000, [
        [e2, 'borrower'],
        [b2, 'lender'],
      ]),
      signers: [e2, b2],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('loan', '固定资产项目贷款', 120_000_000, [
        [e3, 'borrower'],
        [b3, 'lender'],
      ]),
      signers: [e3, b3],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('loan', '设备购置贷款', 15_000_000, [
        [e1, 'borrower'],
        [b2, 'lender'],
      ]),
      signers: [b2, e1],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('credit_line', '综合授信', 200_000_000, [
        [e2, 'borrower'],
        [b1, 'lender'],
      ]),
      signers: [b1, e2],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('credit_line', '供应链金融授信', 50_000_000, [
        [e3, 'borrower'],
        [b3, 'lender'],
      ]),
      signers: [e3, b3],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('guarantee', '担保贷款', 5_000_000, [
        [e1, 'borrower'],
        [b3, 'lender'],
        [g1, 'guarantor'],
      ]),
      signers: [e1, b3, g1],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('guarantee', '小微企业担保贷款', 3_000_000, [
        [e2, 'borrower'],
        [b1, 'lender'],
        [g1, 'guarantor'],
      ]),
      signers: [g1, e2, b1],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: intent('融资合作意向', 100_000_000, [
        [e3, 'borrower'],
        [b2, 'lender'],
      ]),
      signers: [e3, b2],
    },
    {
      sessionKind: 'bank_enterprise',
      terms: loan('loan', '技改贷款（洽谈中）', 20_000_000, [
        [e2, 'borrower'],
        [b3, 'lender'],
      ]),
      signers: null,
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '螺纹钢供货合同', 36_000_000, 'steel', [
        [s1, 'supplier'],
        [u1, 'buyer'],
      ]),
      signers: [s1, u1],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '铁精粉采购合同', 12_000_000, 'iron_ore_concentrate', [
        [s2, 'supplier'],
        [u1, 'buyer'],
      ]),
      signers: [u1, s2],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '钢材供货合同', 48_000_000, 'steel', [
        [s1, 'supplier'],
        [u2, 'buyer'],
      ]),
      signers: [s1, u2],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '焦炭供货合同', 9_000_000, 'coke', [
        [s2, 'supplier'],
        [u2, 'buyer'],
      ]),
      signers: [s2, u2],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '铝锭采购合同', 25_000_000, 'aluminium_ingot', [
        [s2, 'supplier'],
        [u1, 'buyer'],
      ]),
      signers: [s2, u1],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: intent('钢铁产业链合作意向', 300_000_000, [
        [s1, 'supplier'],
        [u1, 'buyer'],
      ]),
      signers: [s1, u1],
    },
    {
      sessionKind: 'upstream_downstream',
      terms: goods('supply_contract', '多晶硅供货（洽谈中）', 80_000_000, 'polysilicon', [
        [s1, 'supplier'],
        [u1, 'buyer'],
      ]),
      signers: null,
    },
    {
      sessionKind: 'producer_distributor',
      terms: goods('distribution', '牦牛肉产品经销合同', 6_000_000, 'yak_meat', [
        [p1, 'producer'],
        [d1, 'distributor'],
      ]),
      signers: [p1, d1],
    },
    {
      sessionKind: 'producer_distributor',
      terms: goods('distribution', '青稞酒经销合同', 4_000_000, 'qingke_liquor', [
        [p1, 'producer'],
        [d1, 'distributor'],
      ]),
      signers: [d1, p1],
    },
    {
      sessionKind: 'producer_distributor',
      terms: goods('supply_contract', '枸杞供货合同', 2_500_000, 'wolfberry', [
        [p1, 'producer'],
        [d1, 'distributor'],
      ]),
      signers: [p1, d1],
    },
    {
      sessionKind: 'producer_distributor',
      terms: intent('特色农畜产品销售意向', 20_000_000, [
        [p1, 'producer'],
        [d1, 'distributor'],
      ]),
      signers: [p1, d1],
    },
    {
      sessionKind: 'building_materials',
      terms: goods('supply_contract', '水泥供货合同', 7_000_000, 'cement', [
        [p2, 'producer'],
        [c1, 'builder'],
      ]),
      signers: [p2, c1],
    },
    {
      sessionKind: 'building_materials',
      terms: goods('supply_contract', '钢筋供货合同', 18_000_000, 'rebar', [
        [p2, 'producer'],
        [c1, 'builder'],
      ]),
      signers: [c1, p2],
    },
    {
      sessionKind: 'building_materials',
      terms: goods('supply_contract', '钢结构供货合同', 22_000_000, 'steel_structure', [
        [p2, 'producer'],
        [c1, 'builder'],
      ]),
      signers: [p2, c1],
    },
    {
      sessionKind: 'building_materials',
      terms: intent('本地建材采购意向', 50_000_000, [
        [p2, 'producer'],
        [c1, 'builder'],
      ]),
      signers: [p2, c1],
    },
    {
      sessionKind: 'building_materials',
      terms: goods('supply_contract', '砌块供货（洽谈中）', 3_000_000, 'wall_blocks', [
        [p2, 'producer'],
        [c1, 'builder'],
      ]),
      signers: null,
    },
  ];
  log(`signing ${plans.filter((p) => p.signers).length} template agreements, drafting ${plans.filter((p) => !p.signers).length} ...`);
  const templates: Template[] = new Array(plans.length);
  // One drafter at a time per organisation would be kinder, but signing is idempotent per party: 4 in flight.
  await inParallel(plans, 4, async (plan, i) => {
    const sessionId = event.sessions[plan.sessionKind][0];
    const drafter = plan.signers?.[0] ?? actors.find((a) => a.organisationId === plan.terms.parties[0].organisationId)!;
    const draft = await api.call<Agreement>('POST', `/sessions/${sessionId}/agreements`, plan.terms, drafter.token);
    for (const s of plan.signers ?? []) await api.call('POST', `/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }, s.token);
    templates[i] = { agreement: draft, sessionKind: plan.sessionKind };
  });
  return { event, templates, organisations };
}

/** A seeded pseudo-random generator (mulberry32), so runs differ only by their ids. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The columns of a table, for copying its rows whatever columns later migrations add. */
async function columns(db: Client, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.rows.map((r) => r.column_name);
}

/** INSERT … SELECT copying `table`'s rows joined to a plan, with some columns computed instead of copied. */
async function copyRows(db: Client, table: string, from: string, computed: Record<string, string>, params: unknown[] = []): Promise<number> {
  const cols = await columns(db, table);
  const list = cols.map((c) => `"${c}"`).join(', ');
  const values = cols.map((c) => computed[c] ?? `t."${c}"`).join(', ');
  const result = await db.query(`INSERT INTO ${table} (${list}) SELECT ${values} FROM ${from}`, params);
  return result.rowCount ?? 0;
}

/**
 * Copies the template organisations into pools: ~30 banks (named), a few guarantors, and
 * enterprises, construction units and distributors spread over Qinghai's prefectures and
 * counties. Returns each pool's organisation ids (the templates' first).
 */
export async function copyOrganisations(db: Client, t: Templates, counts: Record<Pool, number>, seed = 1): Promise<Record<Pool, string[]>> {
  const random = rng(seed);
  const counties = REGIONS.filter((r) => r.level === 'county' && r.code.startsWith('63'));
  const prefectures = Object.entries(PREFECTURE_WEIGHTS);
  const weightTotal = prefectures.reduce((s, [, w]) => s + w, 0);
  const region = () => {
    let x = random() * weightTotal;
    const [prefecture] = prefectures.find(([, w]) => (x -= w) < 0) ?? prefectures[0];
    const within = counties.filter((c) => c.code.slice(0, 4) === prefecture.slice(0, 4));
    // A few register at the prefecture level (a municipal-district company, a prefecture group).
    return random() < 0.03 || !within.length ? prefecture : within[Math.floor(random() * within.length)].code;
  };
  const rows = { src: [] as string[], id: [] as string[], name: [] as string[], code: [] as string[], region: [] as string[] };
  const pools = structuredClone(t.organisations);
  let n = 0;
  for (const pool of Object.keys(counts) as Pool[]) {
    const templates = t.organisations[pool];
    for (let i = templates.length; i < counts[pool]; i++) {
      const id = randomUUID();
      const where = pool === 'bank' ? '630103' : region();
      const name =
        pool === 'bank'
          ? (BANKS[i] ?? `青海村镇银行${i}`)
          : `${REGIONS.find((r) => r.code === where)?.name ?? ''}${POOL_KIND[pool] === 'enterprise' ? '工贸' : pool === 'builder' ? '建设工程' : pool === 'distributor' ? '商贸流通' : '融资担保'}有限公司${i}`;
      rows.src.push(templates[i % templates.length]);
      rows.id.push(id);
      rows.name.push(name);
      rows.code.push(`9163${String(++n).padStart(6, '0')}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`);
      rows.region.push(where);
      pools[pool].push(id);
    }
  }
  await copyRows(
    db,
    'organisation',
    `organisation t JOIN unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS m(src, id, name, code, region) ON m.src = t.id`,
    { id: 'm.id', name: 'm.name', creditCode: 'm.code', region: 'm.region', status: `'approved'` },
    [rows.src, rows.id, rows.name, rows.code, rows.region],
  );
  // The templates themselves join the spread: they registered at 630100 like everyone in the e2e harness.
  return pools;
}

export type CopyResult = { agreements: number; drafting: number; ledger: number; ids: string[] };

/**
 * Copies the templates into `event` to make `total` agreements (the templates count when they are
 * the event's own): kinds in KIND_MIX, ~10% still drafting, the rest signed (40% of those also
 * confirmed) at a time spread over the event's days; lenders, guarantors and enterprises drawn
 * from the pools; goods with products of the session's kind and quantities in their units. Then
 * `ledger` entries over the signed deals that follow signing (approved, then disbursed in parts,
 * or delivered in parts, some performed), each agreement's entries within its amount.
 */
export async function copyAgreements(
  db: Client,
  t: Templates,
  event: FiguresEvent,
  pools: Record<Pool, string[]>,
  total: number,
  ledger: number,
  seed: number,
): Promise<CopyResult> {
  const random = rng(seed);
  const own = event.eventId === t.event.eventId ? t.templates.length : 0;
  const copies = total - own;
  const byKind = new Map<AgreementKind, Template[]>();
  for (const tpl of t.templates) byKind.set(tpl.agreement.kind, [...(byKind.get(tpl.agreement.kind) ?? []), tpl]);
  const mix = Object.entries(KIND_MIX) as [AgreementKind, number][];
  const mixTotal = mix.reduce((s, [, w]) => s + w, 0);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const plan = {
    src: [] as string[],
    dst: [] as string[],
    session: [] as string[],
    title: [] as string[],
    amount: [] as string[],
    product: [] as (string | null)[],
    quantity: [] as (number | null)[],
    unit: [] as (string | null)[],
    status: [] as string[],
    signedAt: [] as (string | null)[],
    createdAt: [] as string[],
  };
  const parties = { dst: [] as string[], role: [] as string[], org: [] as string[] };
  for (let n = 0; n < copies; n++) {
    let x = random() * mixTotal;
    const [kind] = mix.find(([, w]) => (x -= w) < 0) ?? mix[0];
    const tpl = pick(byKind.get(kind)!);
    const a = tpl.agreement;
    const dst = randomUUID();
    const [low, span] = AMOUNT_RANGE[kind]!;
    const amount = Math.max(10_000, Math.round(10 ** (low + span * random() ** 1.6) / 10_000) * 10_000);
    const goods = a.product !== null;
    const product = goods ? pick(PRODUCTS[tpl.sessionKind]) : null;
    const day = pick(event.days);
    const minute = 9 * 60 + Math.floor(random() * 9 * 60);
    const at = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
    const drafting = random() < 0.1;
    plan.src.push(a.id);
    plan.dst.push(dst);
    plan.session.push(pick(event.sessions[tpl.sessionKind]));
    plan.title.push(`${a.title.replace(/（洽谈中）/, '')}-${n + 1}`);
    plan.amount.push(String(amount));
    plan.product.push(product);
    plan.quantity.push(goods ? Math.max(1, Math.round(amount / (800 + random() * 7000))) : null);
    plan.unit.push(product ? (findCategory(product)?.defaultUnit ?? '吨') : null);
    plan.status.push(drafting ? 'drafting' : random() < 0.4 ? 'confirmed' : 'signed');
    plan.signedAt.push(drafting ? null : at);
    // Drafted up to a few hours before signing (drafts: at `at`).
    plan.createdAt.push(drafting ? at : new Date(Date.parse(at) - Math.floor(random() * 4 * 3600_000)).toISOString());
    for (const p of a.parties) {
      parties.dst.push(dst);
      parties.role.push(p.role);
      parties.org.push(pick(pools[POOL_OF_ROLE[p.role]]));
    }
  }
  await db.query('DROP TABLE IF EXISTS copy_plan');
  await db.query(
    `CREATE TEMP TABLE copy_plan AS
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::numeric[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
                  AS m(src, dst, session, title, amount, product, quantity, unit, status, "signedAt", "createdAt")`,
    [plan.src, plan.dst, plan.session, plan.title, plan.amount, plan.product, plan.quantity, plan.unit, plan.status, plan.signedAt, plan.createdAt],
  );
  await db.query('DROP TABLE IF EXISTS copy_party');
  await db.query(`CREATE TEMP TABLE copy_party AS SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS m(dst, role, org)`, [
    parties.dst,
    parties.role,
    parties.org,
  ]);
  await db.query('CREATE INDEX ON copy_party (dst, role)');
  await db.query('ANALYZE copy_plan; ANALYZE copy_party');
  const agreements = await copyRows(db, 'agreement', 'agreement t JOIN copy_plan m ON m.src = t.id', {
    id: 'm.dst',
    eventId: `'${event.eventId}'::uuid`,
    sessionId: 'm.session',
    title: 'm.title',
    amount: 'm.amount',
    product: 'm.product',
    quantity: 'm.quantity',
    unit: 'm.unit',
    status: 'm.status',
    signedAt: 'm."signedAt"',
    confirmedAt: `CASE WHEN m.status = 'confirmed' THEN m."signedAt" + interval '2 days' END`,
    confirmedByUserId: `CASE WHEN m.status = 'confirmed' THEN t."draftedByUserId" END`,
    createdAt: 'm."createdAt"',
    updatedAt: 'COALESCE(m."signedAt", m."createdAt")',
  });
  await copyRows(
    db,
    'agreement_party',
    'agreement_party t JOIN copy_plan m ON m.src = t."agreementId" JOIN copy_party cp ON cp.dst = m.dst AND cp.role = t.role',
    {
      id: 'gen_random_uuid()',
      agreementId: 'm.dst',
      organisationId: 'cp.org',
    },
  );
  const drafting = plan.status.filter((s) => s === 'drafting').length;

  // The ledger: signed deals that move money or goods (financing or goods kinds, 85% of them have
  // follow-up so far), each with 2..30 entries; the last agreements' tails are trimmed to `ledger`.
  const entries = await db.query(
    `WITH eligible AS (
       SELECT a.id, a.kind, a.amount, (a."signedAt" AT TIME ZONE 'Asia/Shanghai')::date AS day, a."draftedByUserId" AS "userId",
              a.kind IN ('loan', 'credit_line', 'guarantee') AS financing,
              2 + abs(hashtext(a.id::text)) % 29 AS n,
              (abs(hashtext(a.id::text || 'p')) % 100) < 25 AS performed,
              0.70 + (abs(hashtext(a.id::text || 'a')) % 31) / 100.0 AS share
         FROM agreement a JOIN copy_plan m ON m.dst = a.id
        WHERE a.status IN ('signed', 'confirmed') AND a.kind IN ('loan', 'credit_line', 'guarantee', 'supply_contract', 'distribution')
          AND abs(hashtext(a.id::text || 'f')) % 100 < 85
     ), numbered AS (
       SELECT e.*, SUM(e.n) OVER (ORDER BY e.id) - e.n AS before FROM eligible e
     ), lines AS (
       SELECT e.*, k, floor(e.amount * e.share)::bigint AS ceiling,
              e.n - (CASE WHEN e.performed THEN 1 ELSE 0 END) - (CASE WHEN e.financing THEN 1 ELSE 0 END) AS parts
         FROM numbered e CROSS JOIN LATERAL generate_series(1, e.n) k
        WHERE e.before + k <= $1
     )
     INSERT INTO agreement_ledger_entry (id, "agreementId", kind, amount, "occurredOn", evidence, reason, "recordedByUserId", "recordedAt")
     SELECT gen_random_uuid(), l.id,
            CASE WHEN l.performed AND k = l.n THEN 'performed'
                 WHEN l.financing AND k = 1 THEN 'approved'
                 WHEN l.financing THEN 'disbursed'
                 ELSE 'delivered' END,
            CASE WHEN l.performed AND k = l.n THEN NULL
                 WHEN l.financing AND k = 1 THEN l.ceiling
                 ELSE floor(l.ceiling::numeric / GREATEST(l.parts, 1))::bigint END,
            l.day + 2 * k, '', CASE WHEN l.performed AND k = l.n THEN '合同履行完毕' ELSE '' END, l."userId",
            ((l.day + 2 * k) + time '16:00') AT TIME ZONE 'Asia/Shanghai'
       FROM lines l`,
    [ledger],
  );
  return { agreements: agreements + own, drafting, ledger: entries.rowCount ?? 0, ids: plan.dst };
}
