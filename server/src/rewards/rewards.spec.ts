import { DEFAULT_REWARD_PROGRAM, type ProgramOutcome, type RewardAward, type RuleOutcome, type SchemeOutcome } from '@duijie/shared';
import { MAX_PROGRAM_BYTES, programProblems } from './reward-programs.service';
import { awardRows, runChanges } from './reward-runs.service';
import { noticeRows, reasonLines, namesOf } from './rewards.export';

const outcome = (organisationId: string, ruleId: string, amount: number, zh = '说明'): RuleOutcome => ({
  ruleId,
  name: { zh: ruleId, en: ruleId },
  organisationId,
  amount,
  rank: null,
  tied: 1,
  splits: [],
  lines: [{ zh, en: 'why' }],
});
const score = (organisationId: string, gated: boolean): SchemeOutcome => ({
  schemeId: 'bank-yearly-assessment',
  name: { zh: '银行年度考核', en: 'Bank assessment' },
  organisationId,
  score: gated ? 0 : 80,
  rank: gated ? 2 : 1,
  tied: 1,
  gated,
  items: {},
  lines: [{ zh: gated ? '工业贷款低于去年同期' : '通过', en: '' }],
});
const award = (organisationId: string, name: string, amount: number, outcomes: RuleOutcome[], scores: SchemeOutcome[] = []): RewardAward => ({
  runId: 'r',
  periodName: '2027年第一季度',
  programName: '奖励办法',
  organisationId,
  organisationName: name,
  class: 'bank',
  amount,
  outcomes,
  scores,
  paidAt: null,
  paidBy: null,
  paymentReference: null,
});

describe('rewards: award rows, changes between runs, program size, notices', () => {
  it('sums each institution’s rules into one row, and keeps those that earn nothing with their reasons', () => {
    const institutions = ['a', 'b', 'c'].map((id) => ({ organisationId: id, name: id, class: 'bank' as const, figures: {} }));
    const result: ProgramOutcome = {
      awards: [outcome('a', 'x', 2_000_000), outcome('a', 'y', 150_000), outcome('b', 'x', 0, '未超过去年同期 5% 以上，不予奖励')],
      scores: [score('a', false)],
      totals: { total: 2_150_000, byRule: { x: 2_000_000, y: 150_000 }, byClass: { bank: 2_150_000 } },
    };
    const rows = awardRows(institutions, result);
    expect(rows.map((r) => [r.organisationId, r.amount, r.outcomes.length, r.scores.length])).toEqual([
      ['a', 2_150_000, 2, 1],
      ['b', 0, 1, 0],
      ['c', 0, 0, 0],
    ]);
  });

  it('lists as changes the institutions whose amount moved, the newcomers and those left out, the largest move first', () => {
    const after = [
      { organisationId: 'a', name: '甲', class: 'bank' as const, amount: 100, outcomes: [], scores: [] },
      { organisationId: 'b', name: '乙', class: 'bank' as const, amount: 300, outcomes: [], scores: [] },
      { organisationId: 'n', name: '新', class: 'bank' as const, amount: 0, outcomes: [], scores: [] },
    ];
    const before = [
      { organisationId: 'a', name: '甲', amount: 100 },
      { organisationId: 'b', name: '乙', amount: 250 },
      { organisationId: 'g', name: '去', amount: 400 },
    ];
    expect(runChanges(before, after)).toEqual([
      { organisationId: 'g', name: '去', before: 400, after: 0 },
      { organisationId: 'b', name: '乙', before: 250, after: 300 },
      { organisationId: 'n', name: '新', before: 0, after: 0 },
    ]);
    expect(runChanges([], [])).toEqual([]);
  });

  it('refuses a program larger than 256 KB before checking its rules, and passes the seed’s', () => {
    expect(programProblems(DEFAULT_REWARD_PROGRAM)).toEqual([]);
    const huge = { rules: [], schemes: [], notes: 'x'.repeat(MAX_PROGRAM_BYTES) };
    expect(programProblems(huge)).toEqual([
      { path: '', message: expect.stringContaining('at most 256 KB'), messageZh: expect.stringContaining('超过上限 256 KB') },
    ]);
    expect(programProblems({ rules: 'none' }).length).toBeGreaterThan(0);
  });

  it('praises the institutions awarded, by class then amount, and criticises failed gates, forms not filed or filed late', () => {
    const names = namesOf(DEFAULT_REWARD_PROGRAM);
    const awards = [
      award('b', '乙银行', 150_000, [outcome('b', 'bank-small-micro-rank', 150_000, '第 2 名 15万元')], [score('b', true)]),
      award(
        'a',
        '甲银行',
        3_050_000,
        [
          {
            ...outcome('a', 'bank-industry-growth', 2_000_000),
            lines: [
              { zh: '条件满足：增幅 50%', en: '' },
              { zh: '计 200万元', en: '' },
            ],
          },
          outcome('a', 'bank-risk-compensation', 0, '不予补偿'),
        ],
        [score('a', false)],
      ),
      award('z', '零银行', 0, [outcome('z', 'bank-industry-growth', 0)]),
    ];
    const { praise, criticism } = noticeRows(
      {
        unconfirmed: [
          { organisationId: 'd', name: '丁银行', class: 'bank', state: 'open', timing: 'overdue' },
          { organisationId: 'e', name: '戊银行', class: 'bank', state: 'open', timing: 'due_soon' },
          { organisationId: 'f', name: '己银行', class: 'bank', state: 'returned', timing: 'overdue' },
          { organisationId: 'h', name: '庚银行', class: 'bank', state: 'submitted', timing: 'on_time' },
        ],
        late: [{ organisationId: 'c', name: '丙银行', class: 'bank' }],
      },
      DEFAULT_REWARD_PROGRAM,
      awards,
    );
    expect(praise.map((p) => [p.name, p.amount])).toEqual([
      ['甲银行', 3_050_000],
      ['乙银行', 150_000],
    ]);
    // Only the rules that paid are the praise's reasons, without the conditions they met.
    expect(praise[0].reasons).toEqual(['银行工业信贷投放增长奖励：计 200万元']);
    expect(Object.fromEntries(criticism.map((c) => [c.name, c.reason]))).toEqual({
      乙银行: '银行年度考核（示例）未达考核门槛（工业贷款低于去年同期）',
      丁银行: '逾期未报送统计数据',
      己银行: '统计报表被退回后逾期未重新报送',
      丙银行: '逾期报送统计数据',
    });
    // The workbook's reasons name every rule and the scheme's score.
    expect(reasonLines(awards[1], names)).toEqual([
      '银行工业信贷投放增长奖励：条件满足：增幅 50%；计 200万元',
      '小微企业贷款风险补偿：不予补偿',
      '银行年度考核（示例）：得分80.00，第1名；通过',
    ]);
  });
});
