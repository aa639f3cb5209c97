import { checkProgram, computeProgram, DEFAULT_REWARD_PROGRAM, rankWithTies } from './rewards-rules';
import type {
  GrowthExcessRule,
  InstitutionClass,
  InstitutionFigures,
  PeriodSpan,
  RankPrizeRule,
  RewardProgramContent,
  RewardRule,
  RuleOutcome,
  ScoringScheme,
  StatisticsFigures,
} from './rewards';

const WAN = 10_000;
const YI = 100_000_000;
/** The seed's period: December 2011 to the first quarter of 2012. */
const SEED_PERIOD: PeriodSpan = { startsOn: '2011-12-01', endsOn: '2012-03-31' };

const inst = (cls: InstitutionClass, id: string, figures: StatisticsFigures): InstitutionFigures => ({ organisationId: id, name: id, class: cls, figures });
const rule = <R extends RewardRule = RewardRule>(id: string): R => {
  const found = DEFAULT_REWARD_PROGRAM.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no default rule ${id}`);
  return found as R;
};
const scheme = (id: string): ScoringScheme => DEFAULT_REWARD_PROGRAM.schemes.find((s) => s.id === id)!;
const only = (r: RewardRule): RewardProgramContent => ({ rules: [r], schemes: [] });
const awardsOf = (r: RewardRule, institutions: InstitutionFigures[], period = SEED_PERIOD): RuleOutcome[] =>
  computeProgram(only(r), institutions, period).awards;
const one = (r: RewardRule, i: InstitutionFigures, period = SEED_PERIOD): RuleOutcome => {
  const awards = awardsOf(r, [i], period);
  expect(awards).toHaveLength(1);
  return awards[0];
};
const zh = (o: { lines: { zh: string }[] }) => o.lines.map((l) => l.zh).join('\n');
const en = (o: { lines: { en: string }[] }) => o.lines.map((l) => l.en).join('\n');
const byOrg = (awards: RuleOutcome[]) => Object.fromEntries(awards.map((a) => [a.organisationId, a.amount]));

describe('rankWithTies', () => {
  it('gives tied rows the same rank and skips the places they occupy, keeping input order among ties', () => {
    const rows = [
      { id: 'a', v: 5 },
      { id: 'b', v: 3 },
      { id: 'c', v: 5 },
      { id: 'd', v: 1 },
      { id: 'e', v: 3 },
    ];
    expect(rankWithTies(rows, (r) => r.v).map((r) => [r.row.id, r.rank, r.tied])).toEqual([
      ['a', 1, 2],
      ['c', 1, 2],
      ['b', 3, 2],
      ['e', 3, 2],
      ['d', 5, 1],
    ]);
    expect(rankWithTies(rows, (r) => r.v, false).map((r) => [r.row.id, r.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['e', 2],
      ['a', 4],
      ['c', 4],
    ]);
  });
});

describe('bank lending growth more than 5% above the same period (growth_excess)', () => {
  const growth = rule<GrowthExcessRule>('bank-industry-growth');
  const bank = (thisYear: number | null, lastYear: number | null) =>
    inst('bank', 'b', { industryLoanIncrement: thisYear, industryLoanIncrementLastYear: lastYear });

  it('pays 350万 for 12.4% growth: 7.4亿 above the 5% line, 7 whole 亿 × 50万 (the issue’s example)', () => {
    // Last year 100亿, this year 112.4亿: growth 12.4%; the 5% line is 105亿; excess 7.4亿 → 7 units → 350万.
    const o = one(growth, bank(112.4 * YI, 100 * YI));
    expect(o.amount).toBe(3_500_000);
    expect(zh(o)).toContain('增幅 12.4%，超过去年同期 5% 以上');
    expect(zh(o)).toContain('7.4亿元');
    expect(zh(o)).toContain('按每1亿元奖励50万元');
    expect(zh(o)).toContain('计 350万元');
    expect(en(o)).toContain('grew 12.4%');
    expect(en(o)).toContain('CNY 3.5M');
  });

  it('pays nothing for growth of exactly 5% (more than 5% is strict)', () => {
    // 105亿 against 100亿 is exactly 5%.
    const o = one(growth, bank(105 * YI, 100 * YI));
    expect(o.amount).toBe(0);
    expect(zh(o)).toContain('增长 5%');
    expect(zh(o)).toContain('未超过去年同期 5% 以上，不予奖励');
  });

  it('pays nothing for a growth just above 5% that does not reach a whole 亿 of excess', () => {
    // 105亿 + 9,999万 against 100亿: 0.9999亿 above the line → 0 whole units.
    const o = one(growth, bank(105 * YI + 9999 * WAN, 100 * YI));
    expect(o.amount).toBe(0);
    expect(zh(o)).toContain('增幅 5.99%，超过去年同期 5% 以上');
    // 10万 above the line is 5.001%: shown with the decimals that make it visibly above 5%.
    expect(zh(one(growth, bank(105 * YI + 10 * WAN, 100 * YI)))).toContain('增幅 5.001%，超过去年同期 5% 以上');
  });

  it('pays the exact fraction, floored to the yuan, when the rounding is pro rata', () => {
    const proRata: GrowthExcessRule = { ...growth, rounding: 'pro_rata' };
    // 7.4亿 × 50万 / 1亿 = 370万.
    expect(one(proRata, bank(112.4 * YI, 100 * YI)).amount).toBe(3_700_000);
    // Last year 3亿, this year 3.3亿 (10%): the line is 3.15亿, excess 1,500万 → 1,500万 × 0.5% = 75,000 (whole units: 0).
    expect(one(proRata, bank(3.3 * YI, 3 * YI)).amount).toBe(75_000);
    expect(one(growth, bank(3.3 * YI, 3 * YI)).amount).toBe(0);
    // Last year 3亿 + 7, this year 3.3亿: the line is 315,000,007.35, excess 14,999,992.65 × 0.005 = 74,999.96 → 74,999.
    expect(one(proRata, bank(3.3 * YI, 3 * YI + 7)).amount).toBe(74_999);
  });

  it('measures the excess from last year’s figure when excessFrom is base', () => {
    // 112.4亿 − 100亿 = 12.4亿 → 12 whole units × 50万 = 600万.
    expect(one({ ...growth, excessFrom: 'base' }, bank(112.4 * YI, 100 * YI)).amount).toBe(6_000_000);
  });

  it('explains that there is no growth rate when last year’s figure is 0 or negative', () => {
    for (const base of [0, -5 * YI]) {
      const o = one(growth, bank(5 * YI, base));
      expect(o.amount).toBe(0);
      expect(zh(o)).toContain('无法计算增幅');
      expect(en(o)).toContain('No growth rate');
    }
  });

  it('explains a fall in lending', () => {
    // 90亿 against 100亿: −10%.
    const o = one(growth, bank(90 * YI, 100 * YI));
    expect(o.amount).toBe(0);
    expect(zh(o)).toContain('较去年同期下降 10%');
    expect(en(o)).toContain('fell 10%');
  });

  it('pays nothing, with 未填报, when a figure is missing', () => {
    const o = one(growth, bank(112.4 * YI, null));
    expect(o.amount).toBe(0);
    expect(zh(o)).toContain('未填报“去年同期工业贷款新增额”');
    const o2 = one(growth, inst('bank', 'b', {}));
    expect(o2.amount).toBe(0);
    expect(zh(o2)).toContain('未填报“本期工业贷款新增额”、“去年同期工业贷款新增额”');
  });

  it('computes exactly on amounts near 1e13 yuan', () => {
    // B = 9,999,999,999,999; F = 12,345,678,901,234. The 5% line is B × 1.05 = 10,499,999,999,998.95;
    // excess = 1,845,678,901,235.05 yuan.
    // Whole units: 18,456 × 50万 = 9,228,000,000. Pro rata: excess × 0.005 = 9,228,394,506.17525 → 9,228,394,506.
    const huge = bank(12_345_678_901_234, 9_999_999_999_999);
    expect(one(growth, huge).amount).toBe(9_228_000_000);
    expect(one({ ...growth, rounding: 'pro_rata' }, huge).amount).toBe(9_228_394_506);
    // 1e13 against 1e13 / 2: growth 100%; excess = 1e13 − 5.25e12 = 4.75e12 → 47,500 units × 50万 = 23,750,000,000.
    expect(one(growth, bank(1e13, 5e12)).amount).toBe(23_750_000_000);
  });

  it('applies a cap', () => {
    // 350万 capped at 200万.
    const o = one({ ...growth, cap: 200 * WAN }, bank(112.4 * YI, 100 * YI));
    expect(o.amount).toBe(2_000_000);
    expect(zh(o)).toContain('封顶 200万元');
  });
});

describe('banks ranked by small/micro loan growth (rank_prize)', () => {
  const rank = rule<RankPrizeRule>('bank-small-micro-rank');
  const bank = (id: string, thisYear: number | null, lastYear: number | null = 1 * YI) =>
    inst('bank', id, { smallMicroLoanIncrement: thisYear, smallMicroLoanIncrementLastYear: lastYear });
  // A 9亿, B 8亿, C and D 7亿 (tied at 3), E 6亿, F 5亿, G 4亿; H grew 3亿 against 4亿 last year (below); I did not report.
  const banks = [
    bank('A', 9 * YI),
    bank('B', 8 * YI),
    bank('C', 7 * YI),
    bank('D', 7 * YI),
    bank('E', 6 * YI),
    bank('F', 5 * YI),
    bank('G', 4 * YI),
    bank('H', 3 * YI, 4 * YI),
    bank('I', null),
  ];

  it('gives both banks tied at rank 3 the third prize under shared_rank (1, 2, 3, 3, 5, 6, 7)', () => {
    const awards = awardsOf(rank, banks);
    expect(byOrg(awards)).toEqual({ A: 150_000, B: 150_000, C: 150_000, D: 150_000, E: 100_000, F: 100_000, G: 0, H: 0, I: 0 });
    const c = awards.find((a) => a.organisationId === 'C')!;
    expect([c.rank, c.tied]).toEqual([3, 2]);
    expect(zh(c)).toContain('在 7 家中排名第 3 位（与另 1 家并列）');
    const g = awards.find((a) => a.organisationId === 'G')!;
    expect(g.rank).toBe(7);
    expect(zh(g)).toContain('第 7 名不在获奖名次内');
    // Total: 4 × 15万 + 2 × 10万 = 80万.
    expect(computeProgram(only(rank), banks, SEED_PERIOD).totals.byRule[rank.id]).toBe(800_000);
  });

  it('splits the prizes of places 3 and 4 between the two banks tied at 3 under split_prizes', () => {
    // (15万 + 10万) / 2 = 12.5万 each; E is 5th and F 6th: 10万 each; total 75万.
    const awards = awardsOf({ ...rank, ties: 'split_prizes' }, banks);
    expect(byOrg(awards)).toEqual({ A: 150_000, B: 150_000, C: 125_000, D: 125_000, E: 100_000, F: 100_000, G: 0, H: 0, I: 0 });
    expect(zh(awards.find((a) => a.organisationId === 'D')!)).toContain('平分第 3、4 名奖金合计 25万元，每家 12.5万元');
  });

  it('floors a split prize to the yuan', () => {
    // Three banks tied at 6 share places 6, 7, 8: (10万 + 0 + 0) / 3 = 33,333.33 → 33,333 each.
    const six = [
      bank('A', 9 * YI),
      bank('B', 8 * YI),
      bank('C', 7 * YI),
      bank('D', 6 * YI),
      bank('E', 5 * YI),
      bank('F', 4 * YI),
      bank('G', 4 * YI),
      bank('H', 4 * YI),
    ];
    const awards = awardsOf({ ...rank, ties: 'split_prizes' }, six);
    expect(byOrg(awards)).toMatchObject({ E: 100_000, F: 33_333, G: 33_333, H: 33_333 });
  });

  it('leaves out, with the reason and figures, banks whose growth is not above last year’s or not reported', () => {
    const awards = awardsOf(rank, banks);
    const h = awards.find((a) => a.organisationId === 'H')!;
    expect(h.rank).toBeNull();
    expect(zh(h)).toContain('条件未满足：本期小微企业贷款增长额 3亿元，不高于 去年同期小微企业贷款增长额 4亿元');
    expect(zh(h)).toContain('不参加排名');
    const i = awards.find((a) => a.organisationId === 'I')!;
    expect(zh(i)).toContain('未填报“本期小微企业贷款增长额”');
  });
});

describe('guarantee institutions and micro-loan companies (capital_and_volume)', () => {
  const guarantorNew = rule('guarantor-new');
  const guarantorIncrease = rule('guarantor-increase');
  const microNew = rule('microlender-new');
  const microIncrease = rule('microlender-increase');
  const newGuarantor = (approved: string | null, volume = 3.5 * YI) =>
    inst('guarantor', 'g', {
      registeredCapital: 2 * YI,
      capitalEvent: 'new',
      capitalApprovedOn: approved,
      guaranteeVolume: volume,
      guaranteeVolumeLastYear: 0,
    });

  it('pays a new guarantor 0.5% of its capital and 100万 per whole 亿 of guarantees', () => {
    // 2亿 × 0.5% = 100万; 3.5亿 of guarantees → 3 × 100万 = 300万; 400万 in all.
    const o = one(guarantorNew, newGuarantor('2012-01-10'));
    expect(o.amount).toBe(4_000_000);
    expect(zh(o)).toContain('注册资本 2亿元 × 0.5% = 100万元');
    expect(zh(o)).toContain('本期担保额 3.5亿元，按每1亿元奖励100万元（整单位计），计 300万元');
  });

  it('pays the capital part only in the period of the approval', () => {
    // Approved before the period: the capital part was paid then; the volume part still counts (300万).
    const before = one(guarantorNew, newGuarantor('2011-10-01'));
    expect(before.amount).toBe(3_000_000);
    expect(zh(before)).toContain('早于本期');
    // Approved after the period ended: nothing yet.
    const after = one(guarantorNew, newGuarantor('2012-04-05'));
    expect(after.amount).toBe(0);
    expect(zh(after)).toContain('在本期（2011-12-01 至 2012-03-31）结束之后');
  });

  it('stops the volume part for a period ending after the deadline (2012-03-31)', () => {
    // Period 2012-01-01..2012-06-30, approved 2012-02-01: capital 100万 counts, volume does not.
    const spanning = one(guarantorNew, newGuarantor('2012-02-01'), { startsOn: '2012-01-01', endsOn: '2012-06-30' });
    expect(spanning.amount).toBe(1_000_000);
    expect(zh(spanning)).toContain('晚于补贴截止日 2012-03-31，不计');
    // Period after the deadline, approved in it (after the deadline): nothing.
    const late = one(guarantorNew, newGuarantor('2012-04-10'), { startsOn: '2012-04-01', endsOn: '2012-06-30' });
    expect(late.amount).toBe(0);
    expect(zh(late)).toContain('晚于截止日 2012-03-31');
  });

  it('does not apply to an institution that reported no capital event, or without an approval date', () => {
    const none = one(
      guarantorNew,
      inst('guarantor', 'g', { registeredCapital: 2 * YI, capitalEvent: 'none', guaranteeVolume: 5 * YI, guaranteeVolumeLastYear: 0 }),
    );
    expect(none.amount).toBe(0);
    expect(zh(none)).toContain('不适用');
    const noDate = one(guarantorNew, newGuarantor(null));
    expect(noDate.amount).toBe(0);
    expect(zh(noDate)).toContain('未填报“主管部门批复日期”');
  });

  it('pays a guarantor’s capital increase 5% and 100万 per whole 亿 above last year’s guarantees', () => {
    // 5,000万 × 5% = 250万; 4.2亿 − 1.5亿 = 2.7亿 → 2 × 100万 = 200万; 450万.
    const g = inst('guarantor', 'g', {
      registeredCapital: 3 * YI,
      capitalEvent: 'increase',
      newCapital: 5000 * WAN,
      capitalApprovedOn: '2012-02-15',
      guaranteeVolume: 4.2 * YI,
      guaranteeVolumeLastYear: 1.5 * YI,
    });
    expect(one(guarantorIncrease, g).amount).toBe(4_500_000);
    // The same institution earns nothing under the rule for new ones.
    expect(one(guarantorNew, g).amount).toBe(0);
    // Guarantees below last year's: the capital part only.
    const fell = { ...g, figures: { ...g.figures, guaranteeVolume: 1 * YI } };
    expect(one(guarantorIncrease, fell).amount).toBe(2_500_000);
    expect(zh(one(guarantorIncrease, fell))).toContain('未超过去年同期担保额 1.5亿元，不计');
  });

  it('pays micro-loan companies 0.5% / 5% of capital and 10万 per whole 1,000万 of loans', () => {
    // New: 1亿 × 0.5% = 50万; 4,500万 of loans → 4 × 10万 = 40万; 90万.
    const fresh = inst('microlender', 'm', {
      registeredCapital: 1 * YI,
      capitalEvent: 'new',
      capitalApprovedOn: '2011-12-20',
      loanVolume: 4500 * WAN,
      loanVolumeLastYear: 0,
    });
    expect(one(microNew, fresh).amount).toBe(900_000);
    // Increase: 3,000万 × 5% = 150万; 8,000万 − 6,500万 = 1,500万 → 1 × 10万; 160万.
    const raised = inst('microlender', 'm', {
      registeredCapital: 1 * YI,
      capitalEvent: 'increase',
      newCapital: 3000 * WAN,
      capitalApprovedOn: '2012-03-31',
      loanVolume: 8000 * WAN,
      loanVolumeLastYear: 6500 * WAN,
    });
    expect(one(microIncrease, raised).amount).toBe(1_600_000);
  });
});

describe('enterprises (percent)', () => {
  const direct = rule('enterprise-direct-financing');
  const fees = rule('enterprise-intermediary-fees');
  const bills = rule('enterprise-bill-discount');
  const firm = (figures: StatisticsFigures) => inst('enterprise', 'e', figures);

  it('pays 1% of direct financing split 50/30/20', () => {
    // 3亿 bonds + 1.5亿 leasing (trusts not reported) = 4.5亿 × 1% = 450万 → 225万 / 135万 / 90万.
    const o = one(direct, firm({ bondFinancing: 3 * YI, leasingFinancing: 1.5 * YI, trustFinancing: null }));
    expect(o.amount).toBe(4_500_000);
    expect(o.splits.map((s) => s.amount)).toEqual([2_250_000, 1_350_000, 900_000]);
    expect(zh(o)).toContain('合计 4.5亿元');
  });

  it('gives the yuan lost to flooring the splits to the enterprise, so the splits sum to the award', () => {
    // 12,345 × 1% = 123.45 → 123; 50% 61.5 → 61, 30% 36.9 → 36, 20% 24.6 → 24; 2 yuan left → enterprise 63.
    const o = one(direct, firm({ bondFinancing: 12_345 }));
    expect(o.amount).toBe(123);
    expect(o.splits.map((s) => s.amount)).toEqual([63, 36, 24]);
  });

  it('subsidises half the intermediary fees up to 200万', () => {
    // 300万 × 50% = 150万; 400万 → 200万 exactly (no cap line); 500万 → 250万 capped at 200万.
    expect(one(fees, firm({ intermediaryFees: 300 * WAN })).amount).toBe(1_500_000);
    const exact = one(fees, firm({ intermediaryFees: 400 * WAN }));
    expect(exact.amount).toBe(2_000_000);
    expect(zh(exact)).not.toContain('封顶');
    const capped = one(fees, firm({ intermediaryFees: 500 * WAN }));
    expect(capped.amount).toBe(2_000_000);
    expect(zh(capped)).toContain('= 250万元');
    expect(zh(capped)).toContain('超过封顶 200万元');
  });

  it('subsidises 30% of bill discount fees', () => {
    // 80万 × 30% = 24万.
    expect(one(bills, firm({ billDiscountFees: 80 * WAN })).amount).toBe(240_000);
  });

  it('says 未填报 when none of the figures is reported', () => {
    const o = one(direct, firm({}));
    expect(o.amount).toBe(0);
    expect(o.splits).toEqual([]);
    expect(zh(o)).toContain('未填报“发行企业债、中期票据、短期融资券融资额”、“融资租赁融资额”、“信托融资额”');
  });

  it('computes 1% of 1e13 yuan exactly', () => {
    // 1e13 + 1e13 − 1 = 19,999,999,999,999 × 1% = 199,999,999,999.99 → 199,999,999,999; 50% 99,999,999,999.5 → 99,999,999,999 (+1 rest),
    // 30% 59,999,999,999.7 → 59,999,999,999, 20% 39,999,999,999.8 → 39,999,999,999; rest 2 → enterprise 100,000,000,001.
    const o = one(direct, firm({ bondFinancing: 1e13, trustFinancing: 1e13 - 1 }));
    expect(o.amount).toBe(199_999_999_999);
    expect(o.splits.map((s) => s.amount)).toEqual([100_000_000_001, 59_999_999_999, 39_999_999_999]);
  });
});

describe('risk compensation of small/micro NPL in the 2%–5% band (band_compensation)', () => {
  const risk = rule('bank-risk-compensation');
  const bank = (growth: number | null, nplBp: number | null) => inst('bank', 'b', { smallMicroLoanIncrement: growth, smallMicroNplBp: nplBp });

  it('pays nothing for an NPL ratio of 2% or below', () => {
    for (const npl of [150, 200]) {
      const o = one(risk, bank(2 * YI, npl));
      expect(o.amount).toBe(0);
      expect(zh(o)).toContain('未超过 2%');
    }
  });

  it('pays 60% of the NPL between 2% and the ratio', () => {
    // 2亿 at 3.5%: 1.5% inside the band = 300万 × 60% = 180万.
    const o = one(risk, bank(2 * YI, 350));
    expect(o.amount).toBe(1_800_000);
    expect(zh(o)).toContain('2%–5% 区间内 1.5% 的不良贷款 300万元 × 60% = 180万元');
  });

  it('stops at 5% for a ratio above it', () => {
    // 2亿 at 7%: only 3% counts = 600万 × 60% = 360万.
    const o = one(risk, bank(2 * YI, 700));
    expect(o.amount).toBe(3_600_000);
    expect(zh(o)).toContain('超过 5% 的部分不予补偿');
  });

  it('requires small/micro loan growth of 1亿 or more', () => {
    // Exactly 1亿 at 5%: 3% × 1亿 = 300万 × 60% = 180万.
    expect(one(risk, bank(1 * YI, 500)).amount).toBe(1_800_000);
    // 9,000万 < 1亿: nothing, with the figures.
    const o = one(risk, bank(9000 * WAN, 400));
    expect(o.amount).toBe(0);
    expect(zh(o)).toContain('条件未满足：本期小微企业贷款增长额 9,000万元，低于 1亿元');
  });

  it('says 未填报 when the NPL ratio is missing', () => {
    expect(zh(one(risk, bank(2 * YI, null)))).toContain('未填报“小微企业贷款不良率”');
  });
});

describe('insurers (threshold_prize and rank_prize)', () => {
  const direct = rule('insurer-direct-investment');
  const lowRate = rule('insurer-low-rate-rank');

  it('pays 50万 for 1亿 of direct investment or more', () => {
    expect(one(direct, inst('insurer', 'i', { directInvestment: 1 * YI })).amount).toBe(500_000);
    const short = one(direct, inst('insurer', 'i', { directInvestment: 9999 * WAN }));
    expect(short.amount).toBe(0);
    expect(zh(short)).toContain('未达到 1亿元');
    expect(one(direct, inst('insurer', 'i', {})).amount).toBe(0);
  });

  it('ranks low-rate underwriting: 1–3 20万, 4–6 10万, none for an insurer with no new business', () => {
    const insurers = [9, 8, 7, 6, 5, 4, 3].map((n, k) => inst('insurer', `i${k + 1}`, { lowRateUnderwriting: n * YI }));
    insurers.push(inst('insurer', 'zero', { lowRateUnderwriting: 0 }));
    expect(byOrg(awardsOf(lowRate, insurers))).toEqual({ i1: 200_000, i2: 200_000, i3: 200_000, i4: 100_000, i5: 100_000, i6: 100_000, i7: 0, zero: 0 });
  });
});

describe('the default program as a whole', () => {
  it('passes its own check', () => {
    expect(checkProgram(DEFAULT_REWARD_PROGRAM)).toEqual([]);
    expect(checkProgram(JSON.parse(JSON.stringify(DEFAULT_REWARD_PROGRAM)))).toEqual([]);
  });

  it('gives every institution one outcome per rule of its class and totals by rule and class', () => {
    const institutions = [
      inst('bank', 'bank1', {
        industryLoanIncrement: 112.4 * YI,
        industryLoanIncrementLastYear: 100 * YI,
        smallMicroLoanIncrement: 2 * YI,
        smallMicroLoanIncrementLastYear: 1 * YI,
        smallMicroNplBp: 350,
      }),
      inst('enterprise', 'firm1', { intermediaryFees: 500 * WAN, billDiscountFees: 80 * WAN }),
      inst('insurer', 'ins1', { directInvestment: 2 * YI, lowRateUnderwriting: 0 }),
    ];
    const out = computeProgram(DEFAULT_REWARD_PROGRAM, institutions, SEED_PERIOD);
    const count = (cls: InstitutionClass) => DEFAULT_REWARD_PROGRAM.rules.filter((r) => r.class === cls).length;
    expect(out.awards.filter((a) => a.organisationId === 'bank1')).toHaveLength(count('bank'));
    expect(out.awards.filter((a) => a.organisationId === 'firm1')).toHaveLength(count('enterprise'));
    // bank1: growth 350万 + rank 1 15万 + risk 180万 = 545万; firm1: 200万 (capped) + 24万 = 224万; ins1: 50万.
    expect(out.totals.byClass).toEqual({ bank: 5_450_000, enterprise: 2_240_000, insurer: 500_000 });
    expect(out.totals.total).toBe(8_190_000);
    expect(out.totals.byRule['bank-industry-growth']).toBe(3_500_000);
    expect(out.totals.byRule['guarantor-new']).toBe(0);
    expect(out.awards.every((a) => a.lines.length > 0)).toBe(true);
    // Each outcome names its rule or scheme, so an award reads on its own.
    for (const a of out.awards) expect(a.name).toEqual(DEFAULT_REWARD_PROGRAM.rules.find((r) => r.id === a.ruleId)!.name);
    for (const x of out.scores) expect(x.name).toEqual(DEFAULT_REWARD_PROGRAM.schemes.find((sc) => sc.id === x.schemeId)!.name);
    expect(out.awards.find((a) => a.organisationId === 'bank1' && a.ruleId === 'bank-industry-growth')!.name.zh).not.toBe('');
    // Bank scheme: bank1 has no platform figures: 100 × 40 (rank 1) + 0 + 0 = 40.
    const s = out.scores.find((x) => x.schemeId === 'bank-yearly-assessment' && x.organisationId === 'bank1')!;
    expect(s.score).toBe(40);
  });
});

describe('scoring schemes', () => {
  const assessment = scheme('bank-yearly-assessment');
  const run = (s: ScoringScheme, institutions: InstitutionFigures[]) =>
    Object.fromEntries(computeProgram({ rules: [], schemes: [s] }, institutions, SEED_PERIOD).scores.map((x) => [x.organisationId, x]));
  const banks = [
    inst('bank', 'A', { industryLoanIncrement: 10 * YI, industryLoanIncrementLastYear: 8 * YI, 'platform.disbursed': 5 * YI, 'platform.ratingAverage': 4.5 }),
    inst('bank', 'B', { industryLoanIncrement: 8 * YI, industryLoanIncrementLastYear: 8 * YI, 'platform.disbursed': 10 * YI, 'platform.ratingAverage': 4 }),
    inst('bank', 'C', { industryLoanIncrement: 8 * YI, industryLoanIncrementLastYear: 6 * YI, 'platform.disbursed': 2.5 * YI }),
    inst('bank', 'D', { industryLoanIncrement: 12 * YI, industryLoanIncrementLastYear: 13 * YI, 'platform.disbursed': 20 * YI, 'platform.ratingAverage': 5 }),
  ];

  it('scores the bank assessment: rank decrement, ratio to the best, weights 40/40/20, and the gate', () => {
    // D lent less than last year: gated, 0, and left out of the best values.
    // Lending ranks among A, B, C: A 1st 100; B and C tied 2nd: 90 each.
    // Disbursed, best B 10亿: A 50, B 100, C 25. Rating, best A 4.5: A 100, B 4/4.5 = 88.89, C not rated 0.
    // A (100×40 + 50×40 + 100×20)/100 = 80; B (90×40 + 100×40 + 88.89×20)/100 = 93.7780 → 93.78; C (90×40 + 25×40)/100 = 46.
    const s = run(assessment, banks);
    expect(s.A.items).toEqual({ 'industry-lending': 100, disbursed: 50, rating: 100 });
    expect(s.B.items).toEqual({ 'industry-lending': 90, disbursed: 100, rating: 88.89 });
    expect(s.C.items).toEqual({ 'industry-lending': 90, disbursed: 25, rating: 0 });
    expect([s.A.score, s.B.score, s.C.score, s.D.score]).toEqual([80, 93.78, 46, 0]);
    expect([s.B.rank, s.A.rank, s.C.rank, s.D.rank]).toEqual([1, 2, 3, 4]);
    expect(s.D.gated).toBe(true);
    expect(zh(s.D)).toContain('未通过门槛“工业贷款不得低于去年同期”');
    expect(zh(s.D)).toContain('本期工业贷款新增额 12亿元，低于 去年同期工业贷款新增额 13亿元');
    expect(zh(s.C)).toContain('平台暂无“企业评价均分”数据');
    expect(zh(s.B)).toContain('排名第 2 位（2 家并列），得分 100 − 10 × 1 = 90');
  });

  it('averages the places’ scores for institutions tied in a rank item under split_prizes', () => {
    // B and C occupy places 2 and 3: (90 + 80) / 2 = 85 each.
    // B (85×40 + 100×40 + 88.89×20)/100 = 91.778 → 91.78; C (85×40 + 25×40)/100 = 44.
    const s = run({ ...assessment, ties: 'split_prizes' }, banks);
    expect([s.B.items['industry-lending'], s.C.items['industry-lending']]).toEqual([85, 85]);
    expect([s.B.score, s.C.score]).toEqual([91.78, 44]);
  });

  it('ranks equal totals together', () => {
    const twins = [banks[0], { ...banks[0], organisationId: 'A2', name: 'A2' }, banks[2]];
    const s = run(assessment, twins);
    expect([s.A.rank, s.A.tied, s.A2.rank, s.A2.tied, s.C.rank]).toEqual([1, 2, 1, 2, 3]);
    expect(s.A.score).toBe(s.A2.score);
  });

  it('scores threshold items, lower-is-better ratios, a floor under rank decrement, and items of other full marks', () => {
    const custom: ScoringScheme = {
      id: 'custom',
      name: { zh: '自定义', en: 'Custom' },
      class: 'bank',
      ties: 'shared_rank',
      gates: [],
      items: [
        {
          id: 'rank',
          name: { zh: '排名', en: 'Rank' },
          figure: 'industryLoanIncrement',
          method: 'rank_decrement',
          weight: 2,
          full: 100,
          step: 30,
          floor: 20,
          higherIsBetter: true,
        },
        { id: 'npl', name: { zh: '不良率', en: 'NPL' }, figure: 'smallMicroNplBp', method: 'ratio_to_best', weight: 1, full: 50, higherIsBetter: false },
        {
          id: 'min',
          name: { zh: '达标', en: 'Reached' },
          figure: 'smallMicroLoanIncrement',
          method: 'threshold',
          weight: 1,
          full: 10,
          min: 1 * YI,
          higherIsBetter: true,
        },
      ],
    };
    const five = [5, 4, 3, 2, 1].map((n, k) =>
      inst('bank', `r${k + 1}`, {
        industryLoanIncrement: n * YI,
        smallMicroNplBp: [200, 400, 800, 100, 250][k],
        smallMicroLoanIncrement: [2, 0.5, 1, 1, 3][k] * YI,
      }),
    );
    const s = run(custom, five);
    // Rank: 100, 70, 40, then 10 → floor 20, 20.
    expect([1, 2, 3, 4, 5].map((k) => s[`r${k}`].items.rank)).toEqual([100, 70, 40, 20, 20]);
    // NPL, best (lowest) 1%: 50 × 100/200 = 25, 12.5, 6.25, 50, 20.
    expect([1, 2, 3, 4, 5].map((k) => s[`r${k}`].items.npl)).toEqual([25, 12.5, 6.25, 50, 20]);
    // Threshold 1亿: 10, 0, 10, 10, 10.
    expect([1, 2, 3, 4, 5].map((k) => s[`r${k}`].items.min)).toEqual([10, 0, 10, 10, 10]);
    // Each item scaled to 100 then weighted 2/1/1: r1 (100×2 + 50 + 100)/4 = 87.5; r4 (20×2 + 100 + 100)/4 = 60;
    // r2 (70×2 + 25 + 0)/4 = 41.25.
    expect([s.r1.score, s.r4.score, s.r2.score]).toEqual([87.5, 60, 41.25]);
  });

  it('scores the builders’ buy-local scheme and gates a share below 30%', () => {
    const builders = [
      inst('construction_unit', 'X', { 'platform.localDelivered': 2 * YI, 'platform.localShareBp': 6000 }),
      inst('construction_unit', 'Y', { 'platform.localDelivered': 1 * YI, 'platform.localShareBp': 8000 }),
      inst('construction_unit', 'Z', { 'platform.localDelivered': 3 * YI, 'platform.localShareBp': 2500 }),
    ];
    // Z is gated and not the best; X: volume 2/2 = 100, share 60/80 = 75 → 87.5; Y: 50, 100 → 75.
    const s = run(scheme('builders-buy-local'), builders);
    expect([s.X.score, s.Y.score, s.Z.score]).toEqual([87.5, 75, 0]);
    expect([s.X.rank, s.Y.rank, s.Z.rank]).toEqual([1, 2, 3]);
    expect(zh(s.Z)).toContain('省内采购占比 25%，低于 30%');
  });
});

describe('checkProgram', () => {
  const paths = (content: unknown) => checkProgram(content).map((p) => p.path);
  const withRule = (patch: Record<string, unknown>, id = 'bank-small-micro-rank') => ({
    rules: [{ ...rule(id), ...patch }],
    schemes: [],
  });

  it('rejects what is not a program', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({ rules: 'x', schemes: [], extra: 1 })).toEqual(['extra', 'rules']);
  });

  it('names the path of bad bands, amounts and ids', () => {
    expect(
      paths(
        withRule({
          id: 'Bad Id',
          bands: [
            { fromRank: 1, toRank: 3, amount: -1 },
            { fromRank: 3, toRank: 2, amount: 1.5 },
            { fromRank: 4, toRank: 6, amount: 1e20 },
          ],
        }),
      ),
    ).toEqual([
      'rules[0].id',
      'rules[0].bands[0].amount',
      'rules[0].bands[1].amount',
      'rules[0].bands[1].toRank',
      'rules[0].bands[1].fromRank',
      'rules[0].bands[2].amount',
    ]);
  });

  it('rejects repeated ids, unknown classes and kinds, figures of another class, and long names', () => {
    const a = rule('bank-industry-growth');
    const problems = checkProgram({
      rules: [
        a,
        { ...a, name: { zh: '长'.repeat(101), en: 'x' } },
        { ...a, id: 'other', class: 'pirate' },
        { ...a, id: 'third', kind: 'lottery' },
        { ...a, id: 'fourth', figure: 'guaranteeVolume', baseFigure: 'nope' },
      ],
      schemes: [],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'rules[1].id',
      'rules[1].name.zh',
      'rules[2].class',
      'rules[3].kind',
      'rules[4].figure',
      'rules[4].baseFigure',
    ]);
    expect(problems[0].message).toContain('repeats');
    expect(problems[4].message).toBe('is not a numeric figure of a bank');
    expect(problems[0].messageZh).toBe('编号 bank-industry-growth 重复');
    expect(problems[4].messageZh).toBe('不是银行可用的数值指标');
  });

  it('gives every problem in English and in Chinese', () => {
    const problems = checkProgram({
      rules: [
        {
          ...rule('bank-small-micro-rank'),
          bands: [
            { fromRank: 1, toRank: 3, amount: 1 },
            { fromRank: 3, toRank: 4, amount: 1 },
          ],
        },
      ],
      schemes: [{ ...scheme('bank-yearly-assessment'), items: [] }],
    });
    expect(problems.find((p) => p.path === 'rules[0].bands[1].fromRank')).toEqual({
      path: 'rules[0].bands[1].fromRank',
      message: 'must come after the previous band (rank 3)',
      messageZh: '须在上一名次段（第 3 名）之后',
    });
    expect(problems.find((p) => p.path === 'schemes[0].items')?.messageZh).toBe('至少 1 项');
    expect(checkProgram(null)[0].messageZh).toBe('须包含奖励规则和评分方案');
    for (const p of problems) expect(p.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('requires splits to sum to 100% and conditions to give a value or another figure', () => {
    const direct = rule('enterprise-direct-financing') as RewardRule & { splits: unknown[] };
    expect(paths({ rules: [{ ...direct, splits: [{ label: { zh: '企业', en: 'E' }, bp: 9000 }] }], schemes: [] })).toEqual(['rules[0].splits']);
    expect(
      paths(
        withRule({
          conditions: [
            { figure: 'smallMicroLoanIncrement', op: 'gt', value: 1, otherFigure: 'smallMicroLoanIncrementLastYear' },
            { figure: 'smallMicroLoanIncrement', op: 'eq', value: 1 },
          ],
        }),
      ),
    ).toEqual(['rules[0].conditions[0]', 'rules[0].conditions[1].op']);
  });

  it('checks deadlines, ratio figures, band order, unknown fields and sizes', () => {
    expect(paths(withRule({ deadline: '2012-02-30' }, 'guarantor-new'))).toEqual(['rules[0].deadline']);
    expect(paths(withRule({ ratioFigure: 'smallMicroLoanIncrement', highBp: 100 }, 'bank-risk-compensation'))).toEqual([
      'rules[0].ratioFigure',
      'rules[0].highBp',
    ]);
    expect(paths(withRule({ surprise: true }, 'insurer-direct-investment'))).toEqual(['rules[0].surprise']);
    const many = Array.from({ length: 51 }, (_, i) => ({ ...rule('insurer-direct-investment'), id: `r${i}` }));
    expect(paths({ rules: many, schemes: [] })).toEqual(['rules']);
  });

  it('checks schemes: items, methods, weights and gates', () => {
    const s = scheme('bank-yearly-assessment');
    const bad = {
      ...s,
      items: [
        { ...s.items[0], weight: 0, step: undefined },
        { ...s.items[1], weight: 0, method: 'guess' },
      ],
      gates: [{ ...s.gates[0], condition: { figure: 'platform.localShareBp', op: 'gte' } }],
    };
    expect(paths({ rules: [], schemes: [bad] })).toEqual([
      'schemes[0].items[0].step',
      'schemes[0].items[1].method',
      'schemes[0].items',
      'schemes[0].gates[0].condition',
    ]);
  });
});
