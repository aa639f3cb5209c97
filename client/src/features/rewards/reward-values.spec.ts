import { describe, expect, it } from 'vitest';
import type { GrowthExcessRule, RankPrizeRule, RewardAward, RewardRule } from '@duijie/shared';
import {
  bpToPercent,
  byPeriod,
  describeRule,
  figureOptions,
  figureUnit,
  figureValueToInput,
  inputToFigureValue,
  newRule,
  pathOwner,
  pathSteps,
  percentToBp,
  problemsByPath,
  problemsUnder,
  rankText,
  wanInputToYuan,
  yuanToWanInput,
} from './reward-values';

const growth: GrowthExcessRule = {
  id: 'bank-growth',
  name: { zh: '信贷投放增幅', en: 'Lending growth' },
  class: 'bank',
  kind: 'growth_excess',
  figure: 'industryLoanIncrement',
  baseFigure: 'industryLoanIncrementLastYear',
  thresholdBp: 500,
  excessFrom: 'threshold',
  unit: 100_000_000,
  amountPerUnit: 500_000,
  rounding: 'whole_units',
  cap: null,
};

describe('reward rule parameters', () => {
  it('shows yuan in 万元 and turns typed 万元 back into whole yuan', () => {
    expect(yuanToWanInput(500_000)).toBe(50);
    expect(yuanToWanInput(100_000_000)).toBe(10_000);
    expect(yuanToWanInput(12_345)).toBe(1.2345);
    expect(wanInputToYuan(50)).toBe(500_000);
    expect(wanInputToYuan(0.12345)).toBe(1_235);
    expect(wanInputToYuan(1.2345)).toBe(12_345);
    expect(yuanToWanInput(null)).toBeNull();
    expect(wanInputToYuan(null)).toBeNull();
  });

  it('shows basis points as a percentage and rounds a typed percentage to whole basis points', () => {
    expect(bpToPercent(500)).toBe(5);
    expect(bpToPercent(50)).toBe(0.5);
    expect(bpToPercent(6000)).toBe(60);
    expect(percentToBp(5)).toBe(500);
    expect(percentToBp(0.07)).toBe(7);
    expect(percentToBp(0.5)).toBe(50);
    expect(percentToBp(12.345)).toBe(1235);
    expect(percentToBp(undefined)).toBeNull();
    expect(bpToPercent(undefined)).toBeNull();
  });

  it('types a threshold in the unit of the figure it is compared with', () => {
    expect(figureUnit('industryLoanIncrement')).toBe('yuan');
    expect(figureUnit('smallMicroNplBp')).toBe('bp');
    expect(figureUnit('platform.localShareBp')).toBe('bp');
    expect(figureUnit('platform.ratingAverage')).toBe('number');
    expect(figureValueToInput(100_000_000, 'yuan')).toBe(10_000);
    expect(inputToFigureValue(10_000, 'yuan')).toBe(100_000_000);
    expect(figureValueToInput(200, 'bp')).toBe(2);
    expect(inputToFigureValue(2, 'bp')).toBe(200);
    expect(inputToFigureValue(4.5, 'number')).toBe(4.5);
  });

  it("offers a class's own form figures and the platform's, not another class's", () => {
    const bank = figureOptions('bank', 'zh-CN').map((o) => o.value);
    expect(bank).toContain('industryLoanIncrement');
    expect(bank).toContain('platform.disbursed');
    expect(bank).not.toContain('guaranteeVolume');
    expect(figureOptions('bank', 'zh-CN', ['bp']).map((o) => o.value)).toEqual(['smallMicroNplBp', 'platform.localShareBp']);
  });
});

describe('problems by path', () => {
  const problems = [
    { path: 'rules[1].bands[0].amount', message: 'a', messageZh: '甲' },
    { path: 'rules[1].bands[0].amount', message: 'b', messageZh: '乙' },
    { path: 'rules[10].id', message: 'c', messageZh: '丙' },
    { path: 'rules[1]', message: 'd', messageZh: '丁' },
  ];
  it('gathers the messages of one input, in the UI language, and counts those under a rule without mixing rules 1 and 10', () => {
    expect(problemsByPath(problems, 'zh-CN').get('rules[1].bands[0].amount')).toEqual(['甲', '乙']);
    expect(problemsByPath(problems, 'en').get('rules[1].bands[0].amount')).toEqual(['a', 'b']);
    expect(problemsUnder(problems, 'rules[1]')).toHaveLength(3);
    expect(problemsUnder(problems, 'rules[10]')).toHaveLength(1);
  });
});

describe('my awards by period', () => {
  const award = (runId: string, periodName: string, amount: number): RewardAward => ({
    runId,
    periodName,
    programName: '奖励办法',
    organisationId: 'o',
    organisationName: '甲银行',
    class: 'bank',
    amount,
    outcomes: [],
    scores: [],
    paidAt: null,
    paidBy: null,
    paymentReference: null,
  });
  it('keeps the periods in the order given, with each period’s total', () => {
    const groups = byPeriod([award('r3', '2027年第一季度', 100), award('r2', '2026年第四季度', 50), award('r1', '2027年第一季度', 7)]);
    expect(groups.map((g) => [g.periodName, g.amount, g.awards.map((a) => a.runId)])).toEqual([
      ['2027年第一季度', 107, ['r3', 'r1']],
      ['2026年第四季度', 50, ['r2']],
    ]);
  });
});

describe('plain-language summary', () => {
  it('explains the seed lending rule in Chinese with amounts in 亿元/万元 and the threshold as a percentage', () => {
    const text = describeRule(growth, 'zh-CN');
    expect(text).toContain('5.00%');
    expect(text).toContain('每 1亿元 奖励 50万元');
    expect(text).toContain('不足一个单位的部分不计');
  });

  it('names the bands, the tie rule, the conditions and the cap', () => {
    const rank: RankPrizeRule = {
      id: 'small-micro',
      name: { zh: '小微', en: 'Small' },
      class: 'bank',
      kind: 'rank_prize',
      figure: 'smallMicroLoanIncrement',
      bands: [
        { fromRank: 1, toRank: 3, amount: 150_000 },
        { fromRank: 4, toRank: 6, amount: 100_000 },
      ],
      ties: 'split_prizes',
      conditions: [{ figure: 'smallMicroLoanIncrement', op: 'gt', otherFigure: 'smallMicroLoanIncrementLastYear' }],
      cap: 2_000_000,
    };
    const zh = describeRule(rank, 'zh-CN');
    expect(zh).toContain('第 1–3 名 15万元');
    expect(zh).toContain('第 4–6 名 10万元');
    expect(zh).toContain('平分');
    expect(zh).toContain('本期小微企业贷款增长额高于去年同期小微企业贷款增长额');
    expect(zh).toContain('每家最高 200万元');
    const en = describeRule(rank, 'en');
    expect(en).toContain('ranks 1–3');
    expect(en).toContain('split the prizes');
  });

  it('makes a new rule of every kind that can be described, with an id not yet taken', () => {
    const kinds: RewardRule['kind'][] = ['growth_excess', 'rank_prize', 'capital_and_volume', 'percent', 'band_compensation', 'threshold_prize'];
    for (const kind of kinds) {
      const rule = newRule(kind, 'bank', [{ id: `${kind.replace(/_/g, '-')}-1` }]);
      expect(rule.kind).toBe(kind);
      expect(rule.id).toBe(`${kind.replace(/_/g, '-')}-2`);
      expect(describeRule(rule, 'zh-CN').length).toBeGreaterThan(10);
    }
  });

  it('shows ties as 并列 with how many share the rank', () => {
    expect(rankText(3, 2, 'zh-CN')).toBe('第 3 名（并列 2 家）');
    expect(rankText(1, 1, 'zh-CN')).toBe('第 1 名');
    expect(rankText(null, 1, 'zh-CN')).toBe('—');
    expect(rankText(3, 2, 'en')).toBe('#3 (tied ×2)');
  });
});

describe('problem paths', () => {
  it('splits a path into its steps with their indices', () => {
    expect(pathSteps('rules[1].bands[0].amount')).toEqual([
      { key: 'rules', index: 1 },
      { key: 'bands', index: 0 },
      { key: 'amount', index: null },
    ]);
    expect(pathSteps('name')).toEqual([{ key: 'name', index: null }]);
    expect(pathSteps('schemes[0].gates[2].condition.value')).toEqual([
      { key: 'schemes', index: 0 },
      { key: 'gates', index: 2 },
      { key: 'condition', index: null },
      { key: 'value', index: null },
    ]);
  });

  it('names the rule or scheme a problem is in, counting from 1', () => {
    const content = { rules: [growth], schemes: [] };
    expect(pathOwner('rules[0].thresholdBp', content, 'zh-CN')).toEqual({ kind: 'rule', n: 1, name: '信贷投放增幅' });
    expect(pathOwner('rules[0].thresholdBp', content, 'en')).toEqual({ kind: 'rule', n: 1, name: 'Lending growth' });
    expect(pathOwner('schemes[3].items', content, 'zh-CN')).toEqual({ kind: 'scheme', n: 4, name: '' });
    expect(pathOwner('name', content, 'zh-CN')).toBeNull();
  });
});
