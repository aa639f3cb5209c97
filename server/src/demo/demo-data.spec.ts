import {
  AGREEMENT_ROLES,
  FINANCING_AGREEMENT_KINDS,
  GOODS_AGREEMENT_KINDS,
  GUARANTEE_REQUIREMENTS,
  FINANCING_PURPOSES,
  LISTING_TYPES_BY_ROLE,
  ORGANISATION_SIZES,
  QUANTITY_UNITS,
  ROLES_BY_SESSION_KIND,
  creditCodeProblem,
  findCategory,
  isInProvince,
  isValidCategory,
  isValidIndustryCode,
  isValidRegionCode,
  organisationKindsFor,
  sessionSlots,
} from '@duijie/shared';
import {
  DEMO_AGREEMENTS,
  DEMO_DEPARTMENT_ORGANISATIONS,
  DEMO_DEPARTMENTS,
  DEMO_EVENT,
  DEMO_LIAISON,
  DEMO_PROBLEMS,
  DEMO_SUPERVISION,
  DEMO_LISTINGS,
  DEMO_MEETINGS,
  DEMO_ORGANISATIONS,
  DEMO_ORGANISER,
  DEMO_PASSWORD,
  DEMO_SESSIONS,
  type DemoListing,
  type DemoOrganisation,
} from './demo-data';

const ALL_ORGS: DemoOrganisation[] = [DEMO_ORGANISER, ...DEMO_ORGANISATIONS];
const orgByKey = new Map(ALL_ORGS.map((o) => [o.key, o]));
const sessionByKey = new Map(DEMO_SESSIONS.map((s) => [s.key, s]));

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const isIsoWithOffset = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(v) && !Number.isNaN(Date.parse(v));

describe('demo organisations', () => {
  it('has a provincial organiser and 30–40 other organisations', () => {
    expect(DEMO_ORGANISER.kind).toBe('organiser');
    expect(DEMO_ORGANISER.name).toBe('青海省经济和信息化委员会');
    expect(DEMO_ORGANISATIONS.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_ORGANISATIONS.length).toBeLessThanOrEqual(40);
    expect(DEMO_ORGANISATIONS.some((o) => o.kind === 'organiser')).toBe(false);
  });

  it('has every kind the sessions need', () => {
    const count = (kind: string) => DEMO_ORGANISATIONS.filter((o) => o.kind === kind).length;
    expect(count('enterprise')).toBeGreaterThanOrEqual(15);
    expect(count('bank')).toBeGreaterThanOrEqual(5);
    expect(count('guarantor')).toBeGreaterThanOrEqual(2);
    expect(count('microlender')).toBeGreaterThanOrEqual(1);
    expect(count('distributor')).toBeGreaterThanOrEqual(3);
    expect(count('construction_unit')).toBeGreaterThanOrEqual(3);
  });

  it('has unique keys, names, credit codes and admin emails', () => {
    for (const field of ['key', 'name', 'creditCode', 'adminEmail'] as const) {
      const values = ALL_ORGS.map((o) => o[field]);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('has valid credit codes whose positions 3–8 are the organisation region', () => {
    for (const o of ALL_ORGS) {
      expect({ org: o.key, problem: creditCodeProblem(o.creditCode) }).toEqual({ org: o.key, problem: null });
      expect(o.creditCode.slice(2, 8)).toBe(o.region);
    }
  });

  it('has valid industries, regions and sizes', () => {
    for (const o of ALL_ORGS) {
      expect({ org: o.key, industry: isValidIndustryCode(o.industry) }).toEqual({ org: o.key, industry: true });
      expect({ org: o.key, region: isValidRegionCode(o.region) }).toEqual({ org: o.key, region: true });
      expect(ORGANISATION_SIZES).toContain(o.size);
    }
    // Banks are in monetary finance, guarantors in other finance.
    for (const o of DEMO_ORGANISATIONS.filter((x) => x.kind === 'bank')) expect(o.industry).toBe('J66');
    for (const o of DEMO_ORGANISATIONS.filter((x) => x.kind === 'guarantor')) expect(o.industry.startsWith('J')).toBe(true);
  });

  it('is mostly in Qinghai, with some organisations from outside', () => {
    const outside = DEMO_ORGANISATIONS.filter((o) => !isInProvince(o.region, DEMO_EVENT.province));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(DEMO_ORGANISATIONS.length / 4);
  });

  it('has contacts, phone numbers, ASCII admin emails and Chinese admin names', () => {
    for (const o of ALL_ORGS) {
      expect(o.contactName.trim()).not.toBe('');
      expect(o.contactPhone).toMatch(/^(0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/);
      expect(o.adminEmail).toMatch(/^admin@[a-z0-9-]+\.demo\.duijie\.cn$/);
      expect(o.adminName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
    expect(orgByKey.get('xntg')?.adminEmail).toBe('admin@xntg.demo.duijie.cn');
  });

  it('has a demo password', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
  });
});

describe('demo event and sessions', () => {
  it('is a Qinghai event with a whole-yuan target', () => {
    expect(DEMO_EVENT.province).toBe('630000');
    expect(Number.isSafeInteger(DEMO_EVENT.targetAmount)).toBe(true);
    expect(DEMO_EVENT.targetAmount).toBe(30_000_000_000);
    expect(isDay(DEMO_EVENT.startDate) && isDay(DEMO_EVENT.endDate)).toBe(true);
    expect(DEMO_EVENT.startDate <= DEMO_EVENT.endDate).toBe(true);
    expect(DEMO_EVENT.timeZone).toBe('Asia/Shanghai');
  });

  it('has one session of each kind with unique keys', () => {
    expect(DEMO_SESSIONS.map((s) => s.kind).sort()).toEqual(['bank_enterprise', 'building_materials', 'producer_distributor', 'upstream_downstream'].sort());
    expect(new Set(DEMO_SESSIONS.map((s) => s.key)).size).toBe(DEMO_SESSIONS.length);
  });

  it('has sessions within the event, with sensible times and sizes', () => {
    for (const s of DEMO_SESSIONS) {
      expect(isIsoWithOffset(s.startsAt) && isIsoWithOffset(s.endsAt)).toBe(true);
      expect(Date.parse(s.startsAt)).toBeLessThan(Date.parse(s.endsAt));
      expect(s.startsAt.slice(0, 10) >= DEMO_EVENT.startDate && s.endsAt.slice(0, 10) <= DEMO_EVENT.endDate).toBe(true);
      if (s.ceremonyAt) {
        expect(isIsoWithOffset(s.ceremonyAt)).toBe(true);
        expect(Date.parse(s.ceremonyAt)).toBeGreaterThanOrEqual(Date.parse(s.startsAt));
        expect(Date.parse(s.ceremonyAt)).toBeLessThanOrEqual(Date.parse(s.endsAt));
      }
      expect(s.slotMinutes).toBeGreaterThanOrEqual(20);
      expect(s.slotMinutes).toBeLessThanOrEqual(30);
      expect(s.tableCount).toBeGreaterThanOrEqual(10);
      expect(s.tableCount).toBeLessThanOrEqual(20);
      expect(['registration', 'live']).toContain(s.status);
      expect(s.registrationMode).toBe(s.kind === 'upstream_downstream' ? 'invitation' : 'open');
    }
  });

  it('gives every participant a known organisation, a role of the session kind and a role its kind may take', () => {
    for (const s of DEMO_SESSIONS) {
      const seen = new Set<string>();
      for (const p of s.participants) {
        const o = orgByKey.get(p.org);
        expect({ session: s.key, org: p.org, known: o !== undefined }).toEqual({
          session: s.key,
          org: p.org,
          known: true,
        });
        if (!o) continue;
        expect(o.kind).not.toBe('organiser');
        expect(ROLES_BY_SESSION_KIND[s.kind]).toContain(p.role);
        expect({ org: p.org, role: p.role, fits: organisationKindsFor(s.kind, p.role).includes(o.kind) }).toEqual({
          org: p.org,
          role: p.role,
          fits: true,
        });
        const pair = `${p.org}/${p.role}`;
        expect(seen.has(pair)).toBe(false);
        seen.add(pair);
      }
      // Every role of the session kind is taken by someone.
      for (const role of ROLES_BY_SESSION_KIND[s.kind]) expect(s.participants.some((p) => p.role === role)).toBe(true);
    }
  });

  it('puts every organisation in at least one session', () => {
    const taking = new Set(DEMO_SESSIONS.flatMap((s) => s.participants.map((p) => p.org)));
    for (const o of DEMO_ORGANISATIONS) expect({ org: o.key, participates: taking.has(o.key) }).toEqual({ org: o.key, participates: true });
  });
});

describe('demo listings', () => {
  const part = (l: DemoListing) => [l.goods, l.financing, l.credit, l.guarantee].filter((x) => x !== undefined);

  it('has 60–80 listings with unique keys, in every session', () => {
    expect(DEMO_LISTINGS.length).toBeGreaterThanOrEqual(60);
    expect(DEMO_LISTINGS.length).toBeLessThanOrEqual(80);
    expect(new Set(DEMO_LISTINGS.map((l) => l.key)).size).toBe(DEMO_LISTINGS.length);
    for (const s of DEMO_SESSIONS) expect(DEMO_LISTINGS.filter((l) => l.session === s.key).length).toBeGreaterThanOrEqual(10);
  });

  it('posts every listing as a participant whose role allows its type', () => {
    for (const l of DEMO_LISTINGS) {
      const session = sessionByKey.get(l.session);
      expect(session).toBeDefined();
      const roles = (session?.participants ?? []).filter((p) => p.org === l.org).map((p) => p.role);
      const allowed = roles.some((role) => LISTING_TYPES_BY_ROLE[role].includes(l.type));
      expect({ listing: l.key, roles, allowed }).toEqual({ listing: l.key, roles, allowed: true });
    }
  });

  it('carries exactly the part that matches the type', () => {
    for (const l of DEMO_LISTINGS) {
      expect(part(l)).toHaveLength(1);
      if (l.type === 'supply' || l.type === 'demand') expect(l.goods).toBeDefined();
      if (l.type === 'financing_need') expect(l.financing).toBeDefined();
      if (l.type === 'credit_offer') expect(l.credit).toBeDefined();
      if (l.type === 'guarantee_offer') expect(l.guarantee).toBeDefined();
      expect(l.title.trim()).not.toBe('');
      expect(l.title.length).toBeLessThanOrEqual(200);
      expect(/[\u4e00-\u9fa5]/.test(l.title)).toBe(true);
    }
  });

  it('has goods with known categories, units, regions, whole-yuan prices and 2027 delivery windows', () => {
    for (const l of DEMO_LISTINGS) {
      const g = l.goods;
      if (!g) continue;
      expect({ listing: l.key, category: isValidCategory(g.category) }).toEqual({ listing: l.key, category: true });
      expect(QUANTITY_UNITS as readonly string[]).toContain(g.unit);
      expect(g.unit).toBe(findCategory(g.category)?.defaultUnit);
      expect(isValidRegionCode(g.region)).toBe(true);
      expect(g.quantity).toBeGreaterThan(0);
      expect(Number.isSafeInteger(g.priceMin) && Number.isSafeInteger(g.priceMax)).toBe(true);
      expect(g.priceMin as number).toBeGreaterThan(0);
      expect(g.priceMin as number).toBeLessThanOrEqual(g.priceMax as number);
      expect(isDay(g.deliveryFrom as string) && isDay(g.deliveryTo as string)).toBe(true);
      expect((g.deliveryFrom as string) <= (g.deliveryTo as string)).toBe(true);
      expect((g.deliveryFrom as string).startsWith('2027')).toBe(true);
    }
  });

  it('links supply and demand along the named chains', () => {
    const categoriesOf = (session: string, type: string) =>
      new Set(DEMO_LISTINGS.filter((l) => l.session === session && l.type === type).map((l) => l.goods?.category));
    const udSupply = categoriesOf('upstream-downstream', 'supply');
    const udDemand = categoriesOf('upstream-downstream', 'demand');
    for (const c of ['iron_ore_concentrate', 'aluminium_ingot', 'polysilicon', 'pv_module', 'metal_rolling']) {
      expect(udSupply.has(c) && udDemand.has(c)).toBe(true);
    }
    const bmSupply = categoriesOf('building-materials', 'supply');
    const bmDemand = categoriesOf('building-materials', 'demand');
    for (const c of ['rebar', 'cement']) expect(bmSupply.has(c) && bmDemand.has(c)).toBe(true);
  });

  it('has financing needs with whole-yuan amounts, valid purposes and terms', () => {
    const needs = DEMO_LISTINGS.filter((l) => l.financing);
    expect(needs.length).toBeGreaterThanOrEqual(10);
    for (const l of needs) {
      const f = l.financing!;
      expect(Number.isSafeInteger(f.amount) && f.amount > 0).toBe(true);
      expect(f.amount % 10_000).toBe(0); // quoted in 万元
      expect(Number.isInteger(f.termMonths) && f.termMonths >= 1 && f.termMonths <= 360).toBe(true);
      expect(FINANCING_PURPOSES).toContain(f.purpose);
    }
    expect(new Set(needs.map((l) => l.financing!.purpose)).size).toBe(FINANCING_PURPOSES.length);
    expect(needs.some((l) => l.confidential)).toBe(true);
  });

  it('has credit offers with consistent ranges, whole-yuan amounts and valid targets', () => {
    const offers = DEMO_LISTINGS.filter((l) => l.credit);
    expect(offers.length).toBeGreaterThanOrEqual(5);
    for (const l of offers) {
      const c = l.credit!;
      for (const v of [c.amountMin, c.amountMax, c.totalLine]) expect(Number.isSafeInteger(v)).toBe(true);
      expect(c.amountMin).toBeLessThanOrEqual(c.amountMax);
      expect(c.amountMax).toBeLessThanOrEqual(c.totalLine);
      expect(c.termMinMonths).toBeLessThanOrEqual(c.termMaxMonths);
      expect(Number.isInteger(c.rateMinBp) && Number.isInteger(c.rateMaxBp)).toBe(true);
      expect(c.rateMinBp).toBeLessThanOrEqual(c.rateMaxBp);
      expect(c.rateMinBp).toBeGreaterThan(0);
      expect(c.targetIndustries.length).toBeGreaterThan(0);
      for (const code of c.targetIndustries) expect(isValidIndustryCode(code)).toBe(true);
      for (const size of c.targetSizes) expect(ORGANISATION_SIZES).toContain(size);
      expect(GUARANTEE_REQUIREMENTS).toContain(c.guaranteeRequirement);
      if (l.confidential?.internalRateFloorBp !== undefined) {
        expect(l.confidential.internalRateFloorBp).toBeLessThanOrEqual(c.rateMinBp);
      }
    }
    expect(offers.some((l) => l.confidential?.internalRateFloorBp !== undefined)).toBe(true);
  });

  it('has guarantee offers with whole-yuan capacity and valid industries', () => {
    const offers = DEMO_LISTINGS.filter((l) => l.guarantee);
    expect(offers.length).toBeGreaterThanOrEqual(2);
    for (const l of offers) {
      const g = l.guarantee!;
      expect(Number.isSafeInteger(g.capacity) && g.capacity > 0).toBe(true);
      expect(Number.isInteger(g.feeRateBp) && g.feeRateBp >= 0 && g.feeRateBp <= 2000).toBe(true);
      for (const code of g.targetIndustries) expect(isValidIndustryCode(code)).toBe(true);
      for (const size of g.targetSizes ?? []) expect(ORGANISATION_SIZES).toContain(size);
      expect(new Set(g.targetSizes ?? []).size).toBe((g.targetSizes ?? []).length);
    }
    // Both ways of stating sizes served are shown: a list, and none (every size).
    expect(offers.some((l) => (l.guarantee?.targetSizes ?? []).length > 0)).toBe(true);
    expect(offers.some((l) => (l.guarantee?.targetSizes ?? []).length === 0)).toBe(true);
  });

  it('keeps confidential figures whole and plausible', () => {
    for (const l of DEMO_LISTINGS) {
      const c = l.confidential;
      if (!c) continue;
      if (c.annualRevenue !== undefined) expect(Number.isSafeInteger(c.annualRevenue)).toBe(true);
      if (c.totalAssets !== undefined) expect(Number.isSafeInteger(c.totalAssets)).toBe(true);
      if (c.debtRatioPercent !== undefined) {
        expect(c.debtRatioPercent).toBeGreaterThanOrEqual(0);
        expect(c.debtRatioPercent).toBeLessThanOrEqual(100);
      }
      // Confidential parts belong to financing needs and credit offers only.
      expect(['financing_need', 'credit_offer']).toContain(l.type);
    }
  });

  it('agrees meetings between participants of the listing’s session, booked only where participants book', () => {
    const listings = new Map(DEMO_LISTINGS.map((l) => [l.key, l]));
    const booked = new Set<string>();
    for (const m of DEMO_MEETINGS) {
      const about = listings.get(m.about)!;
      expect(about).toBeDefined();
      expect(about.org).not.toBe(m.from);
      if (m.own) expect(listings.get(m.own)).toMatchObject({ org: m.from, session: about.session });
      const session = DEMO_SESSIONS.find((s) => s.key === about.session)!;
      expect(session.participants.map((p) => p.org)).toContain(m.from);
      if (m.slot === undefined) continue;
      expect(session.meetingMode).toBe('self_booking');
      expect(m.slot).toBeLessThanOrEqual(sessionSlots(session).length);
      // Nobody is booked twice in one slot.
      for (const org of [m.from, about.org]) {
        expect(booked.has(`${org}@${m.slot}`)).toBe(false);
        booked.add(`${org}@${m.slot}`);
      }
    }
  });
});

describe('demo follow-up', () => {
  const listings = new Map(DEMO_LISTINGS.map((l) => [l.key, l]));
  const agreements = new Map(DEMO_AGREEMENTS.map((a) => [a.key, a]));

  it('has departments answered by organiser organisations of their own, valid and unique beside the others', () => {
    const everyone = [...ALL_ORGS, ...DEMO_DEPARTMENT_ORGANISATIONS];
    for (const field of ['key', 'name', 'creditCode', 'adminEmail'] as const) {
      expect(new Set(everyone.map((o) => o[field])).size).toBe(everyone.length);
    }
    for (const o of DEMO_DEPARTMENT_ORGANISATIONS) {
      expect(o.kind).toBe('organiser');
      expect(creditCodeProblem(o.creditCode)).toBeNull();
    }
    const answering = new Set([DEMO_ORGANISER.key, ...DEMO_DEPARTMENT_ORGANISATIONS.map((o) => o.key)]);
    expect(DEMO_DEPARTMENTS.length).toBe(4);
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.name)).size).toBe(DEMO_DEPARTMENTS.length);
    for (const d of DEMO_DEPARTMENTS) expect(answering.has(d.org)).toBe(true);
  });

  it('signs 12–16 agreements in every session between participants in the roles the kind needs, on listings of the parties', () => {
    expect(DEMO_AGREEMENTS.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_AGREEMENTS.length).toBeLessThanOrEqual(16);
    expect(new Set(DEMO_AGREEMENTS.map((a) => a.key)).size).toBe(DEMO_AGREEMENTS.length);
    expect(new Set(DEMO_AGREEMENTS.map((a) => a.session))).toEqual(new Set(DEMO_SESSIONS.map((s) => s.key)));
    for (const a of DEMO_AGREEMENTS) {
      const session = sessionByKey.get(a.session)!;
      const allowed = AGREEMENT_ROLES[a.kind];
      const roles = a.parties
        .map((p) => p.role)
        .sort()
        .join();
      expect(allowed === 'any' || allowed.some((set) => [...set].sort().join() === roles)).toBe(true);
      for (const party of a.parties) {
        if (party.role === 'organiser') expect(party.org).toBe(DEMO_ORGANISER.key);
        else expect(session.participants).toContainEqual({ org: party.org, role: party.role });
      }
      expect(Number.isSafeInteger(a.amount) && a.amount > 0).toBe(true);
      for (const key of a.listings) {
        const listing = listings.get(key)!;
        expect(listing.session).toBe(a.session);
        expect(a.parties.map((p) => p.org)).toContain(listing.org);
        if (GOODS_AGREEMENT_KINDS.includes(a.kind) && listing.goods) expect(listing.goods.category).toBe(a.product);
        // A borrower whose financing need asks for a guarantee signs a guarantee, with a guarantor.
        if (listing.financing?.guaranteeNeeded) expect(a.kind).toBe('guarantee');
      }
      if (GOODS_AGREEMENT_KINDS.includes(a.kind)) expect(a.product && a.quantity && a.unit).toBeTruthy();
      expect(a.signedDaysAgo).toBeGreaterThanOrEqual(1);
      expect(a.signedDaysAgo).toBeLessThanOrEqual(70);
    }
    expect(DEMO_AGREEMENTS.some((a) => a.kind === 'target_responsibility')).toBe(true);
  });

  it('files report lines the ledger accepts: approved, then disbursed within it, or goods delivered within the signed amount', () => {
    for (const a of DEMO_AGREEMENTS) {
      const lines = (a.reports ?? []).flatMap((r) => r.lines);
      const sum = (kind: string) => lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.amount, 0);
      for (const l of lines) expect(Number.isSafeInteger(l.amount) && l.amount > 0).toBe(true);
      if (FINANCING_AGREEMENT_KINDS.includes(a.kind)) {
        expect(lines.every((l) => l.kind === 'approved' || l.kind === 'disbursed')).toBe(true);
        expect(sum('approved')).toBeLessThanOrEqual(a.amount);
        expect(sum('disbursed')).toBeLessThanOrEqual(sum('approved') || a.amount);
      } else if (GOODS_AGREEMENT_KINDS.includes(a.kind)) {
        expect(lines.every((l) => l.kind === 'delivered')).toBe(true);
        expect(sum('delivered')).toBeLessThanOrEqual(a.amount);
      } else {
        expect(lines).toEqual([]);
      }
      for (const r of a.reports ?? []) if (r.returned) expect(r.refiled).toBeTruthy();
    }
    expect(DEMO_AGREEMENTS.flatMap((a) => a.reports ?? []).filter((r) => r.returned)).toHaveLength(1);
    expect(agreements.get(DEMO_SUPERVISION.agreement)).toBeDefined();
  });

  it('raises problems of parties of their agreements, routed to the event’s departments', () => {
    const departments = new Set(DEMO_DEPARTMENTS.map((d) => d.name));
    for (const p of DEMO_PROBLEMS) {
      if (p.agreement) expect(agreements.get(p.agreement)!.parties.map((x) => x.org)).toContain(p.org);
      if (p.route) {
        expect(departments.has(p.route.department)).toBe(true);
        expect(p.route.routedDaysAgo).toBeLessThanOrEqual(p.raisedDaysAgo);
      }
      if (p.answer) expect(p.route).toBeDefined();
    }
    expect(new Set(DEMO_PROBLEMS.map((p) => (p.answer ? 'resolved' : p.route ? 'in_progress' : 'received')))).toEqual(
      new Set(['received', 'in_progress', 'resolved']),
    );
    expect(orgByKey.get(DEMO_LIAISON.org)?.kind).toBe('enterprise');
  });
});
