// npm run bench:match — recommendations at the scale of a large provincial event.
//   --listings N (20000)  --orgs M (2000)  --new K (200)  --sample S (1000)
// Starts the built server on a fresh embedded PostgreSQL, loads an event with N listings from
// M organisations across the four session kinds (bulk SQL: setup is not measured), then
// measures through the server's MatchingService: the time to load the index and compute every
// listing's top 10, and the latency of the top 10 of K listings newly created through the HTTP
// API (the service catches up with the board events, ranks and explains). A brute-force scan
// that scores every listing of the event is the reference: the top 10 of every new listing and
// of S existing ones must be identical (ids and scores). The last line is JSON.
import { PRODUCT_CATEGORIES, downstreamOf, makeCreditCode, PROVINCES, type ListingInput, type ParticipantRole, type SessionKind } from '@duijie/shared';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from 'pg';
import { Api } from '../e2e/api';
import { ADMIN, ROOT, startServer } from '../e2e/server';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LISTINGS = option('listings', 20_000);
const ORGS = option('orgs', 2_000);
const NEW = option('new', 200);
const SAMPLE = option('sample', 1_000);
const log = (line: string) => process.stderr.write(`${line}\n`);

// The server's own modules, as built (npm run build).
const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
type Item = { id: string; type: string };
type Ranked = { item: Item; score: number };
type Index = { size: number; all(): IterableIterator<Item>; get(id: string): Item | undefined; top(item: Item, k: number): Ranked[]; options: unknown };
type Service = {
  index(eventId: string): Promise<Index>;
  matches(principal: object, id: string, limit: number, lang: string): Promise<{ listing: { id: string }; score: number }[]>;
};
const { DataSource } = serverRequire('typeorm') as { DataSource: new (o: unknown) => { initialize(): Promise<unknown>; destroy(): Promise<void> } };
const { dataSourceOptions } = serverRequire('./dist/database/data-source.js') as { dataSourceOptions: (url: string) => unknown };
const { MatchingService } = serverRequire('./dist/matching/matching.service.js') as { MatchingService: new (ds: unknown, config: unknown) => Service };
const { bruteForceTop } = serverRequire('./dist/matching/match-index.js') as {
  bruteForceTop: (all: Item[], item: Item, k: number, options: unknown) => Ranked[];
};

// A deterministic generator, so runs are comparable.
let seed = 20261123;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const QINGHAI = ['630100', '630102', '630104', '630200', '632200', '632300', '632500', '632800'];
const GANSU = ['620100', '620200', '620400', '620600', '620900'];
const ELSEWHERE = PROVINCES.map((p) => `${p.code.slice(0, 2)}0100`).filter((c) => !c.startsWith('63'));
const region = () => (rnd() < 0.6 ? pick(QINGHAI) : rnd() < 0.5 ? pick(GANSU) : pick(ELSEWHERE));
const CHAIN_CATEGORIES = [
  'iron_ore_concentrate',
  'steel',
  'construction',
  'aluminium_ingot',
  'rolled_aluminium',
  'silicon_carbide',
  'polysilicon',
  'silicon_wafer',
  'pv_module',
  'pv_power',
  'ferrous_mining',
  'metal_rolling',
  'equipment',
].filter((c) => PRODUCT_CATEGORIES.some((p) => p.code === c));
const BUILDING = PRODUCT_CATEGORIES.filter((c) => c.sector === 'building_materials').map((c) => c.code);
const CONSUMER = PRODUCT_CATEGORIES.filter((c) => ['agri_products', 'light_textiles', 'biomedicine', 'salt_lake_chemicals'].includes(c.sector)).map(
  (c) => c.code,
);
const INDUSTRIES = ['C31', 'C32', 'C26', 'C30', 'C38', 'C13', 'C14', 'E47', 'F51'];

function goods(category: string): NonNullable<ListingInput['goods']> {
  const unit = PRODUCT_CATEGORIES.find((c) => c.code === category)?.defaultUnit ?? '吨';
  const price = int(500, 50_000);
  const from = new Date(Date.UTC(2027, int(0, 11), int(1, 28)));
  const to = new Date(from.getTime() + int(30, 240) * 86_400_000);
  return {
    category,
    specification: '',
    quantity: int(10, 20_000),
    unit,
    priceMin: rnd() < 0.15 ? null : price,
    priceMax: rnd() < 0.15 ? null : Math.round(price * (1 + rnd() * 0.2)),
    deliveryFrom: from.toISOString().slice(0, 10),
    deliveryTo: to.toISOString().slice(0, 10),
    region: region(),
  };
}

/** A listing a participant of this session and role would post. */
function listingFor(kind: SessionKind, role: ParticipantRole): ListingInput {
  switch (role) {
    case 'borrower':
      return {
        type: 'financing_need',
        title: '融资需求',
        financing: {
          amount: int(1, 300) * 1_000_000,
          termMonths: pick([6, 12, 24, 36, 60]),
          purpose: pick(['working_capital', 'technical_upgrade', 'project'] as const),
          collateral: rnd() < 0.5 ? '厂房设备' : '',
          guaranteeNeeded: rnd() < 0.4,
        },
      };
    case 'lender': {
      const min = int(1, 20) * 1_000_000;
      return {
        type: 'credit_offer',
        title: '信贷产品',
        credit: {
          amountMin: min,
          amountMax: min * int(5, 50),
          totalLine: int(5, 200) * 100_000_000,
          termMinMonths: pick([3, 6, 12]),
          termMaxMonths: pick([36, 60, 120]),
          rateMinBp: int(300, 400),
          rateMaxBp: int(400, 600),
          targetIndustries: rnd() < 0.5 ? [] : [pick(INDUSTRIES), pick(INDUSTRIES)],
          targetSizes: rnd() < 0.6 ? [] : ['small', 'micro'],
          guaranteeRequirement: pick(['none', 'collateral', 'guarantee', 'collateral_or_guarantee'] as const),
        },
      };
    }
    case 'guarantor':
      return {
        type: 'guarantee_offer',
        title: '担保产品',
        guarantee: { capacity: int(10, 500) * 1_000_000, feeRateBp: int(50, 300), targetIndustries: rnd() < 0.5 ? [] : [pick(INDUSTRIES)] },
      };
    case 'supplier':
    case 'buyer':
    case 'producer':
    case 'distributor':
    case 'builder': {
      const categories = kind === 'upstream_downstream' ? CHAIN_CATEGORIES : kind === 'building_materials' ? BUILDING : CONSUMER;
      const category = pick(categories);
      const supply = role === 'supplier' || role === 'producer';
      // Buyers along a chain often want the step before their own product.
      const wanted = !supply && kind === 'upstream_downstream' && rnd() < 0.3 ? (downstreamOf(category)[0] ?? category) : category;
      return { type: supply ? 'supply' : 'demand', title: supply ? '产品供应' : '采购需求', goods: goods(wanted) };
    }
  }
}

const ROLE_PLAN: { kind: SessionKind; roles: { role: ParticipantRole; orgKind: string; share: number }[] }[] = [
  {
    kind: 'bank_enterprise',
    roles: [
      { role: 'borrower', orgKind: 'enterprise', share: 0.16 },
      { role: 'lender', orgKind: 'bank', share: 0.03 },
      { role: 'guarantor', orgKind: 'guarantor', share: 0.01 },
    ],
  },
  {
    kind: 'upstream_downstream',
    roles: [
      { role: 'supplier', orgKind: 'enterprise', share: 0.15 },
      { role: 'buyer', orgKind: 'enterprise', share: 0.15 },
    ],
  },
  {
    kind: 'producer_distributor',
    roles: [
      { role: 'producer', orgKind: 'enterprise', share: 0.15 },
      { role: 'distributor', orgKind: 'distributor', share: 0.15 },
    ],
  },
  {
    kind: 'building_materials',
    roles: [
      { role: 'producer', orgKind: 'enterprise', share: 0.1 },
      { role: 'builder', orgKind: 'construction_unit', share: 0.1 },
    ],
  },
];

async function insertBatches(db: Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const params: unknown[] = [];
    const values = batch.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const server = await startServer();
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  const dataSource = new DataSource(dataSourceOptions(server.databaseUrl));
  try {
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    const event = await api.call<{ id: string }>(
      'POST',
      '/events',
      { name: '基准测试对接活动', province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1e11 },
      organiser.token,
    );
    const sessions = new Map<SessionKind, string>();
    for (const { kind } of ROLE_PLAN) {
      let s = await api.call<{ id: string; status: string; version: number }>(
        'POST',
        `/events/${event.id}/sessions`,
        {
          kind,
          title: `${kind} 专场`,
          leadDepartment: '省经委',
          venue: '西宁',
          startsAt: '2026-12-10T09:00:00+08:00',
          endsAt: '2026-12-10T17:00:00+08:00',
          slotMinutes: 20,
          tableCount: 40,
          registrationMode: 'open',
        },
        organiser.token,
      );
      for (const to of ['registration', 'live']) s = await api.call('POST', `/sessions/${s.id}/transition`, { to, version: s.version }, organiser.token);
      sessions.set(kind, s.id);
    }
    const [{ id: userId }] = (await db.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [ADMIN.email])).rows;

    // M organisations, each in one session role, posting N/M listings on average.
    log(`generating ${ORGS} organisations and ${LISTINGS} listings…`);
    const began = process.hrtime.bigint();
    const plan = ROLE_PLAN.flatMap((p) => p.roles.map((r) => ({ kind: p.kind, ...r })));
    const orgs: unknown[][] = [];
    const participations: unknown[][] = [];
    const members: { orgId: string; kind: SessionKind; role: ParticipantRole }[] = [];
    for (let i = 0; i < ORGS; i++) {
      let x = rnd();
      const slot = plan.find((p) => (x -= p.share) < 0) ?? plan[0];
      const orgId = crypto.randomUUID();
      const code = makeCreditCode(
        `91${region()}${String(i)
          .padStart(9, '0')
          .replace(/[IOSVZ]/g, '0')}`,
      );
      orgs.push([
        orgId,
        `基准机构${i}`,
        code,
        slot.orgKind,
        slot.orgKind === 'bank' ? 'J66' : pick(INDUSTRIES),
        code.slice(2, 8),
        pick(['large', 'medium', 'small', 'micro']),
        '联系人',
        '0971-0000000',
        'approved',
      ]);
      participations.push([crypto.randomUUID(), sessions.get(slot.kind), orgId, slot.role, 'approved']);
      members.push({ orgId, kind: slot.kind, role: slot.role });
    }
    await insertBatches(db, 'organisation', ['id', 'name', 'creditCode', 'kind', 'industry', 'region', 'size', 'contactName', 'contactPhone', 'status'], orgs);
    await insertBatches(db, 'participation', ['id', 'sessionId', 'organisationId', 'role', 'status'], participations);
    const listings: unknown[][] = [];
    for (let i = 0; i < LISTINGS; i++) {
      const m = members[i % members.length];
      const l = listingFor(m.kind, m.role);
      listings.push([
        crypto.randomUUID(),
        sessions.get(m.kind),
        event.id,
        m.orgId,
        l.type,
        l.title,
        'open',
        JSON.stringify(l.goods ?? null),
        JSON.stringify(l.financing ?? null),
        JSON.stringify(l.credit ?? null),
        JSON.stringify(l.guarantee ?? null),
        userId,
        userId,
      ]);
    }
    await insertBatches(
      db,
      'listing',
      [
        'id',
        'sessionId',
        'eventId',
        'organisationId',
        'type',
        'title',
        'status',
        'goods',
        'financing',
        'credit',
        'guarantee',
        'createdByUserId',
        'updatedByUserId',
      ],
      listings,
    );
    log(`  generated in ${Math.round(ms(began))} ms`);

    await dataSource.initialize();
    const service = new MatchingService(dataSource, { matchLocalBonus: 5 });
    const principal = { userId, organisationId: organiser.organisationId, organisationStatus: 'approved', role: 'organiser', displayName: 'bench' };

    // Every listing's top 10: load the index, then rank each listing.
    const loadStart = process.hrtime.bigint();
    const index = await service.index(event.id);
    const loadMs = ms(loadStart);
    const fullStart = process.hrtime.bigint();
    let ranked = 0;
    for (const item of index.all()) ranked += index.top(item, 10).length > 0 ? 1 : 0;
    const computeMs = ms(fullStart);
    log(`full: index of ${index.size} loaded in ${Math.round(loadMs)} ms, every top 10 in ${Math.round(computeMs)} ms (${ranked} listings have matches)`);

    // New listings through the HTTP API, each followed by its top 10 through the service. The
    // keep-alive sockets went idle during the long computation; a health check retires them.
    for (let attempt = 0; ; attempt++) {
      try {
        await api.call('GET', '/health');
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    const posters = [];
    for (const { kind, role, orgKind } of <
      { kind: SessionKind; role: ParticipantRole; orgKind: 'enterprise' | 'bank' | 'distributor' | 'construction_unit' }[]
    >[
      { kind: 'building_materials' as const, role: 'builder', orgKind: 'construction_unit' as const },
      { kind: 'upstream_downstream' as const, role: 'supplier', orgKind: 'enterprise' as const },
      { kind: 'producer_distributor' as const, role: 'distributor', orgKind: 'distributor' as const },
      { kind: 'bank_enterprise' as const, role: 'borrower', orgKind: 'enterprise' as const },
      { kind: 'bank_enterprise' as const, role: 'lender', orgKind: 'bank' as const },
    ]) {
      const actor = await api.organisation(organiser, orgKind);
      await api.participate(actor, organiser, sessions.get(kind)!, role);
      posters.push({ actor, kind, role });
    }
    const incremental: number[] = [];
    const newIds: string[] = [];
    for (let i = 0; i < NEW; i++) {
      const p = posters[i % posters.length];
      const created = await api.createListing(p.actor, sessions.get(p.kind)!, listingFor(p.kind, p.role));
      const start = process.hrtime.bigint();
      await service.matches(principal, created.id, 10, 'zh-CN');
      incremental.push(ms(start));
      newIds.push(created.id);
    }
    log(`incremental: ${NEW} new listings, p50 ${round(percentile(incremental, 50))} ms, p95 ${round(percentile(incremental, 95))} ms`);

    // The reference: score every listing of the event for each new listing and a sample of the others.
    const all = [...index.all()];
    const checked = [...newIds.map((id) => index.get(id)!), ...Array.from({ length: Math.min(SAMPLE, all.length) }, () => pick(all))];
    const brute: number[] = [];
    const indexed: number[] = [];
    let identical = true;
    for (const item of checked) {
      let start = process.hrtime.bigint();
      const expected = bruteForceTop(all, item, 10, index.options);
      brute.push(ms(start));
      start = process.hrtime.bigint();
      const got = index.top(item, 10);
      indexed.push(ms(start));
      const key = (r: Ranked[]) => r.map((x) => `${x.item.id}:${x.score}`).join();
      if (key(expected) !== key(got)) {
        identical = false;
        log(`  differs for ${item.id}: brute ${key(expected)} vs index ${key(got)}`);
      }
    }
    log(`reference: ${checked.length} listings checked, brute p95 ${round(percentile(brute, 95))} ms, index p95 ${round(percentile(indexed, 95))} ms`);
    console.log(
      JSON.stringify({
        listings: index.size,
        full_ms: Math.round(loadMs + computeMs),
        full_load_ms: Math.round(loadMs),
        full_compute_ms: Math.round(computeMs),
        incremental_p50_ms: round(percentile(incremental, 50)),
        incremental_p95_ms: round(percentile(incremental, 95)),
        index_p95_ms: round(percentile(indexed, 95)),
        brute_p95_ms: round(percentile(brute, 95)),
        speedup: round(percentile(brute, 95) / percentile(indexed, 95)),
        checked: checked.length,
        identical_top10: identical,
      }),
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await db.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
