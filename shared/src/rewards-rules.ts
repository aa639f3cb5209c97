// The rules engine of assessment and rewards (考核奖励): pure functions over the institutions'
// confirmed figures and a program's parameters. Every amount is integer yuan, computed exactly
// (products in BigInt, floored to the yuan); every outcome carries the lines that explain it in
// Chinese and English, including why an institution earned nothing.
// How the seed's wording is read: docs/decisions/0016-rewards.md.
import { formatCny, YUAN_PER_WAN, YUAN_PER_YI } from './money';
import {
  INSTITUTION_CLASSES,
  PLATFORM_FIGURES,
  REWARD_RULE_KINDS,
  STATISTICS_FORMS,
  type BandCompensationRule,
  type Bilingual,
  type CapitalAndVolumeRule,
  type Condition,
  type GrowthExcessRule,
  type InstitutionClass,
  type InstitutionFigures,
  type PercentRule,
  type PeriodSpan,
  type ProgramOutcome,
  type ProgramProblem,
  type RankPrizeRule,
  type RewardProgramContent,
  type RewardRule,
  type RuleOutcome,
  type SchemeOutcome,
  type ScoringItem,
  type ScoringScheme,
  type ThresholdPrizeRule,
  type TieRule,
} from './rewards';

// ---- the seed's rules (省金融办《金融支持工业经济平稳发展实施意见》, 2011-12) ----

const WAN = YUAN_PER_WAN;
const YI = YUAN_PER_YI;
const SEED_DEADLINE = '2012-03-31';

export const DEFAULT_REWARD_PROGRAM: RewardProgramContent = {
  rules: [
    {
      id: 'bank-industry-growth',
      kind: 'growth_excess',
      name: { zh: '银行工业信贷投放增长奖励', en: 'Banks: growth of industrial lending' },
      class: 'bank',
      figure: 'industryLoanIncrement',
      baseFigure: 'industryLoanIncrementLastYear',
      thresholdBp: 500,
      excessFrom: 'threshold',
      unit: YI,
      amountPerUnit: 50 * WAN,
      rounding: 'whole_units',
      cap: null,
    },
    {
      id: 'bank-small-micro-rank',
      kind: 'rank_prize',
      name: { zh: '银行小微企业贷款增长排名奖励', en: 'Banks: ranking of small/micro-enterprise loan growth' },
      class: 'bank',
      conditions: [
        { figure: 'smallMicroLoanIncrement', op: 'gt', otherFigure: 'smallMicroLoanIncrementLastYear' },
        { figure: 'smallMicroLoanIncrement', op: 'gt', value: 0 },
      ],
      figure: 'smallMicroLoanIncrement',
      bands: [
        { fromRank: 1, toRank: 3, amount: 15 * WAN },
        { fromRank: 4, toRank: 6, amount: 10 * WAN },
      ],
      ties: 'shared_rank',
      cap: null,
    },
    {
      id: 'guarantor-new',
      kind: 'capital_and_volume',
      name: { zh: '新设融资性担保机构补贴', en: 'Guarantee institutions: newly established' },
      class: 'guarantor',
      capitalEvent: 'new',
      capitalFigure: 'registeredCapital',
      capitalBp: 50,
      volumeFigure: 'guaranteeVolume',
      volumeBaseFigure: null,
      unit: YI,
      amountPerUnit: 100 * WAN,
      rounding: 'whole_units',
      deadline: SEED_DEADLINE,
      cap: null,
    },
    {
      id: 'guarantor-increase',
      kind: 'capital_and_volume',
      name: { zh: '融资性担保机构增资扩股补贴', en: 'Guarantee institutions: capital increase' },
      class: 'guarantor',
      capitalEvent: 'increase',
      capitalFigure: 'newCapital',
      capitalBp: 500,
      volumeFigure: 'guaranteeVolume',
      volumeBaseFigure: 'guaranteeVolumeLastYear',
      unit: YI,
      amountPerUnit: 100 * WAN,
      rounding: 'whole_units',
      deadline: SEED_DEADLINE,
      cap: null,
    },
    {
      id: 'microlender-new',
      kind: 'capital_and_volume',
      name: { zh: '新设小额贷款公司补贴', en: 'Micro-loan companies: newly established' },
      class: 'microlender',
      capitalEvent: 'new',
      capitalFigure: 'registeredCapital',
      capitalBp: 50,
      volumeFigure: 'loanVolume',
      volumeBaseFigure: null,
      unit: 1000 * WAN,
      amountPerUnit: 10 * WAN,
      rounding: 'whole_units',
      deadline: SEED_DEADLINE,
      cap: null,
    },
    {
      id: 'microlender-increase',
      kind: 'capital_and_volume',
      name: { zh: '小额贷款公司增资扩股补贴', en: 'Micro-loan companies: capital increase' },
      class: 'microlender',
      capitalEvent: 'increase',
      capitalFigure: 'newCapital',
      capitalBp: 500,
      volumeFigure: 'loanVolume',
      volumeBaseFigure: 'loanVolumeLastYear',
      unit: 1000 * WAN,
      amountPerUnit: 10 * WAN,
      rounding: 'whole_units',
      deadline: SEED_DEADLINE,
      cap: null,
    },
    {
      id: 'enterprise-direct-financing',
      kind: 'percent',
      name: { zh: '企业直接融资奖励', en: 'Enterprises: direct financing' },
      class: 'enterprise',
      figures: ['bondFinancing', 'leasingFinancing', 'trustFinancing'],
      bp: 100,
      splits: [
        { label: { zh: '企业', en: 'The enterprise' }, bp: 5000 },
        { label: { zh: '企业管理层及业务人员', en: 'Its management and staff' }, bp: 3000 },
        { label: { zh: '做出贡献的相关单位和中介机构', en: 'Contributing units and intermediaries' }, bp: 2000 },
      ],
      cap: null,
    },
    {
      id: 'enterprise-intermediary-fees',
      kind: 'percent',
      name: { zh: '直接融资中介费用补贴', en: 'Enterprises: intermediary fees of direct financing' },
      class: 'enterprise',
      figures: ['intermediaryFees'],
      bp: 5000,
      cap: 200 * WAN,
    },
    {
      id: 'enterprise-bill-discount',
      kind: 'percent',
      name: { zh: '承兑汇票贴现费用补贴', en: 'Enterprises: acceptance-bill discount fees' },
      class: 'enterprise',
      figures: ['billDiscountFees'],
      bp: 3000,
      cap: null,
    },
    {
      id: 'bank-risk-compensation',
      kind: 'band_compensation',
      name: { zh: '小微企业贷款风险补偿', en: 'Banks: risk compensation of small/micro-enterprise loans' },
      class: 'bank',
      conditions: [{ figure: 'smallMicroLoanIncrement', op: 'gte', value: YI }],
      baseFigure: 'smallMicroLoanIncrement',
      ratioFigure: 'smallMicroNplBp',
      lowBp: 200,
      highBp: 500,
      bp: 6000,
      cap: null,
    },
    {
      id: 'insurer-direct-investment',
      kind: 'threshold_prize',
      name: { zh: '保险资金直投奖励', en: 'Insurers: direct investment' },
      class: 'insurer',
      figure: 'directInvestment',
      min: YI,
      amount: 50 * WAN,
      cap: null,
    },
    {
      id: 'insurer-low-rate-rank',
      kind: 'rank_prize',
      name: { zh: '保险公司低费率承保排名奖励', en: 'Insurers: ranking of low-rate underwriting' },
      class: 'insurer',
      conditions: [{ figure: 'lowRateUnderwriting', op: 'gt', value: 0 }],
      figure: 'lowRateUnderwriting',
      bands: [
        { fromRank: 1, toRank: 3, amount: 20 * WAN },
        { fromRank: 4, toRank: 6, amount: 10 * WAN },
      ],
      ties: 'shared_rank',
      cap: null,
    },
  ],
  schemes: [
    {
      id: 'bank-yearly-assessment',
      name: { zh: '银行年度考核（示例）', en: 'Banks: yearly assessment (example)' },
      class: 'bank',
      items: [
        {
          id: 'industry-lending',
          name: { zh: '工业贷款新增额排名', en: 'Industrial lending, by rank' },
          figure: 'industryLoanIncrement',
          method: 'rank_decrement',
          weight: 40,
          full: 100,
          step: 10,
          floor: 0,
          higherIsBetter: true,
        },
        {
          id: 'disbursed',
          name: { zh: '平台放款额', en: 'Disbursed on the platform' },
          figure: 'platform.disbursed',
          method: 'ratio_to_best',
          weight: 40,
          full: 100,
          higherIsBetter: true,
        },
        {
          id: 'rating',
          name: { zh: '企业评价', en: 'Enterprises’ ratings' },
          figure: 'platform.ratingAverage',
          method: 'ratio_to_best',
          weight: 20,
          full: 100,
          higherIsBetter: true,
        },
      ],
      gates: [
        {
          id: 'not-below-last-year',
          name: { zh: '工业贷款不得低于去年同期', en: 'Industrial lending not below last year’s' },
          condition: { figure: 'industryLoanIncrement', op: 'gte', otherFigure: 'industryLoanIncrementLastYear' },
        },
      ],
      ties: 'shared_rank',
    },
    {
      id: 'builders-buy-local',
      name: { zh: '建设单位采购本地建材考核（示例）', en: 'Builders: buying local building materials (example)' },
      class: 'construction_unit',
      items: [
        {
          id: 'local-volume',
          name: { zh: '省内采购交付额', en: 'Delivered by in-province suppliers' },
          figure: 'platform.localDelivered',
          method: 'ratio_to_best',
          weight: 50,
          full: 100,
          higherIsBetter: true,
        },
        {
          id: 'local-share',
          name: { zh: '省内采购占比', en: 'Share of in-province suppliers' },
          figure: 'platform.localShareBp',
          method: 'ratio_to_best',
          weight: 50,
          full: 100,
          higherIsBetter: true,
        },
      ],
      gates: [
        {
          id: 'local-share-30',
          name: { zh: '省内采购占比不低于 30%', en: 'At least 30% bought in the province' },
          condition: { figure: 'platform.localShareBp', op: 'gte', value: 3000 },
        },
      ],
      ties: 'shared_rank',
    },
  ],
};

// ---- ranking ----

/**
 * Sorts rows by value (highest first, or lowest with higherIsBetter false) and gives tied rows the
 * same rank, the next rank skipping the places they occupy (1, 2, 3, 3, 5). Stable: tied rows
 * keep their input order.
 */
export function rankWithTies<T>(rows: T[], value: (t: T) => number, higherIsBetter = true): { row: T; rank: number; tied: number }[] {
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }));
  keyed.sort((a, b) => {
    if (a.v !== b.v) return higherIsBetter ? (b.v > a.v ? 1 : -1) : a.v > b.v ? 1 : -1;
    return a.index - b.index;
  });
  const out: { row: T; rank: number; tied: number }[] = [];
  for (let i = 0; i < keyed.length;) {
    let j = i;
    while (j < keyed.length && keyed[j].v === keyed[i].v) j++;
    for (let k = i; k < j; k++) out.push({ row: keyed[k].row, rank: i + 1, tied: j - i });
    i = j;
  }
  return out;
}

// ---- figures: labels, kinds, formatting ----

type FigureKind = 'yuan' | 'bp' | 'score' | 'count';

const PLATFORM_LABELS: Record<(typeof PLATFORM_FIGURES)[number], { label: Bilingual; kind: FigureKind }> = {
  'platform.signedLoans': { label: { zh: '平台签约贷款额', en: 'loans signed on the platform' }, kind: 'yuan' },
  'platform.disbursed': { label: { zh: '平台放款额', en: 'loans disbursed on the platform' }, kind: 'yuan' },
  'platform.delivered': { label: { zh: '平台采购交付额', en: 'purchases delivered on the platform' }, kind: 'yuan' },
  'platform.localDelivered': { label: { zh: '省内供应商交付额', en: 'delivered by in-province suppliers' }, kind: 'yuan' },
  'platform.localShareBp': { label: { zh: '省内采购占比', en: 'share of in-province suppliers' }, kind: 'bp' },
  'platform.ratingAverage': { label: { zh: '企业评价均分', en: 'enterprises’ average rating' }, kind: 'score' },
  'platform.ratingCount': { label: { zh: '企业评价次数', en: 'number of ratings' }, kind: 'count' },
};

function isPlatformFigure(key: string): key is (typeof PLATFORM_FIGURES)[number] {
  return (PLATFORM_FIGURES as readonly string[]).includes(key);
}

function figureInfo(cls: InstitutionClass, key: string): { label: Bilingual; kind: FigureKind } {
  if (isPlatformFigure(key)) return PLATFORM_LABELS[key];
  const field = STATISTICS_FORMS[cls]?.find((f) => f.key === key);
  if (field) {
    const en = field.label.en.charAt(0).toLowerCase() + field.label.en.slice(1);
    return { label: { zh: field.label.zh, en }, kind: field.type === 'bp' ? 'bp' : field.type === 'yuan' ? 'yuan' : 'count' };
  }
  return { label: { zh: key, en: key }, kind: 'count' };
}

/** A percentage from basis points, trailing zeros trimmed: 500 → "5%", 1240 → "12.4%", 50 → "0.5%". */
function pct(bp: number): string {
  const text = (bp / 100).toFixed(4).replace(/\.?0+$/, '');
  return `${text}%`;
}

/** |num/den| as a percentage with at most `digits` decimals (truncated toward zero, trailing zeros trimmed). */
function pctOf(num: bigint, den: bigint, digits = 2): string {
  const abs = num < 0n ? -num : num;
  const unit = 10n ** BigInt(digits);
  const scaled = (abs * 100n * unit) / den;
  const frac = (scaled % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${scaled / unit}${frac ? `.${frac}` : ''}%`;
}

function fmt(kind: FigureKind, value: number, lang: 'zh' | 'en'): string {
  switch (kind) {
    case 'yuan':
      return formatCny(value, lang === 'zh' ? 'zh-CN' : 'en');
    case 'bp':
      return pct(value);
    case 'score':
      return String(Math.round(value * 100) / 100);
    case 'count':
      return String(value);
  }
}

const yuanZh = (v: number | bigint) => formatCny(Number(v), 'zh-CN');
const yuanEn = (v: number | bigint) => formatCny(Number(v), 'en');

/** A numeric figure of the institution, or null when not reported (missing, null, not a finite number). */
function numberOf(inst: InstitutionFigures, key: string): number | null {
  const v = inst.figures?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Integer yuan/bp for exact arithmetic (a fractional value is floored). */
function big(v: number): bigint {
  return BigInt(Math.floor(v));
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A non-negative bigint amount as a safe number (larger amounts are held at the largest safe integer). */
function toAmount(v: bigint): number {
  if (v <= 0n) return 0;
  return Number(v > MAX ? MAX : v);
}

function notReported(inst: InstitutionFigures, keys: string[]): Bilingual {
  const labels = keys.map((k) => figureInfo(inst.class, k).label);
  // The platform's own figures are never reported: there are none yet (no rating, no agreement).
  if (keys.every((k) => k.startsWith('platform.'))) {
    return {
      zh: `平台暂无${labels.map((l) => `“${l.zh}”`).join('、')}数据，不予计算`,
      en: `No ${labels.map((l) => l.en).join(', ')} on the platform yet; nothing computed`,
    };
  }
  return {
    zh: `未填报${labels.map((l) => `“${l.zh}”`).join('、')}，不予计算`,
    en: `Not reported: ${labels.map((l) => l.en).join(', ')}; nothing computed`,
  };
}

// ---- conditions ----

const OP_TEXT: Record<Condition['op'], { zh: string; notZh: string; en: string; notEn: string }> = {
  gt: { zh: '高于', notZh: '不高于', en: 'above', notEn: 'not above' },
  gte: { zh: '不低于', notZh: '低于', en: 'at least', notEn: 'below' },
  lt: { zh: '低于', notZh: '不低于', en: 'below', notEn: 'not below' },
  lte: { zh: '不高于', notZh: '高于', en: 'at most', notEn: 'above' },
};

function compare(a: number, op: Condition['op'], b: number): boolean {
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

/** Evaluates a condition: whether it holds and the line that says so (with the figures). */
function evaluateCondition(inst: InstitutionFigures, c: Condition): { ok: boolean; line: Bilingual } {
  const a = numberOf(inst, c.figure);
  const left = figureInfo(inst.class, c.figure);
  const missing = [c.figure];
  let b: number | null;
  let right: { zh: string; en: string };
  if (c.otherFigure !== undefined) {
    b = numberOf(inst, c.otherFigure);
    const other = figureInfo(inst.class, c.otherFigure);
    if (b === null) missing.push(c.otherFigure);
    right = b === null ? other.label : { zh: `${other.label.zh} ${fmt(other.kind, b, 'zh')}`, en: `${other.label.en} (${fmt(other.kind, b, 'en')})` };
  } else {
    b = c.value ?? 0;
    right = { zh: fmt(left.kind, b, 'zh'), en: fmt(left.kind, b, 'en') };
  }
  const absent = missing.filter((k) => numberOf(inst, k) === null);
  if (a === null || b === null) {
    const nr = notReported(inst, absent);
    return { ok: false, line: { zh: `条件无法判断：${nr.zh}`, en: `Condition cannot be checked. ${nr.en}` } };
  }
  const ok = compare(a, c.op, b);
  const t = OP_TEXT[c.op];
  const leftZh = `${left.label.zh} ${fmt(left.kind, a, 'zh')}`;
  const leftEn = `${left.label.en} (${fmt(left.kind, a, 'en')})`;
  return ok
    ? { ok, line: { zh: `条件满足：${leftZh}，${t.zh} ${right.zh}`, en: `Condition met: ${leftEn} is ${t.en} ${right.en}` } }
    : { ok, line: { zh: `条件未满足：${leftZh}，${t.notZh} ${right.zh}`, en: `Condition not met: ${leftEn} is ${t.notEn} ${right.en}` } };
}

function checkConditions(inst: InstitutionFigures, conditions: Condition[] | undefined): { ok: boolean; lines: Bilingual[] } {
  const lines: Bilingual[] = [];
  for (const c of conditions ?? []) {
    const r = evaluateCondition(inst, c);
    lines.push(r.line);
    if (!r.ok) return { ok: false, lines };
  }
  return { ok: true, lines };
}

// ---- units and rounding ----

/** Amount for `num / den` yuan of excess at amountPerUnit per unit: whole units, or pro rata floored to the yuan. */
function perUnit(num: bigint, den: bigint, unit: number, amountPerUnit: number, rounding: 'whole_units' | 'pro_rata'): { amount: bigint; units: bigint } {
  if (num <= 0n || unit <= 0) return { amount: 0n, units: 0n };
  const u = BigInt(unit);
  if (rounding === 'whole_units') {
    const units = num / (den * u);
    return { amount: units * BigInt(amountPerUnit), units };
  }
  return { amount: (num * BigInt(amountPerUnit)) / (den * u), units: num / (den * u) };
}

function unitText(unit: number, amountPerUnit: number, rounding: 'whole_units' | 'pro_rata'): Bilingual {
  return rounding === 'whole_units'
    ? { zh: `按每${yuanZh(unit)}奖励${yuanZh(amountPerUnit)}（整单位计）`, en: `at ${yuanEn(amountPerUnit)} per whole ${yuanEn(unit)}` }
    : { zh: `按每${yuanZh(unit)}奖励${yuanZh(amountPerUnit)}（按比例计）`, en: `at ${yuanEn(amountPerUnit)} per ${yuanEn(unit)}, pro rata` };
}

function applyCap(rule: RewardRule, amount: bigint, lines: Bilingual[]): bigint {
  if (rule.cap === undefined || rule.cap === null) return amount;
  const cap = BigInt(Math.floor(rule.cap));
  if (amount > cap) {
    lines.push({ zh: `超过封顶 ${yuanZh(cap)}，按 ${yuanZh(cap)} 计`, en: `Capped at ${yuanEn(cap)}` });
    return cap;
  }
  return amount;
}

function outcome(rule: RewardRule, inst: InstitutionFigures, amount: bigint | number, lines: Bilingual[], extra?: Partial<RuleOutcome>): RuleOutcome {
  return {
    ruleId: rule.id,
    name: rule.name,
    organisationId: inst.organisationId,
    amount: typeof amount === 'bigint' ? toAmount(amount) : Math.max(0, amount),
    rank: null,
    tied: 1,
    splits: [],
    lines,
    ...extra,
  };
}

function resultLine(amount: bigint): Bilingual {
  return amount > 0n ? { zh: `奖励 ${yuanZh(amount)}`, en: `Award: ${yuanEn(amount)}` } : { zh: '不予奖励', en: 'No award' };
}

// ---- the rules ----

function growthExcess(rule: GrowthExcessRule, inst: InstitutionFigures): RuleOutcome {
  const pre = checkConditions(inst, rule.conditions);
  if (!pre.ok) return outcome(rule, inst, 0, [...pre.lines, resultLine(0n)]);
  const lines = pre.lines;
  const f = numberOf(inst, rule.figure);
  const b = numberOf(inst, rule.baseFigure);
  const fi = figureInfo(inst.class, rule.figure);
  const bi = figureInfo(inst.class, rule.baseFigure);
  if (f === null || b === null) {
    const absent = [f === null ? rule.figure : null, b === null ? rule.baseFigure : null].filter((k): k is string => k !== null);
    return outcome(rule, inst, 0, [...lines, notReported(inst, absent)]);
  }
  const F = big(f);
  const B = big(b);
  const figuresZh = `本期 ${yuanZh(F)}，去年同期 ${yuanZh(B)}`;
  const figuresEn = `${yuanEn(F)} against ${yuanEn(B)} in the same period last year`;
  if (B <= 0n) {
    lines.push({
      zh: `${bi.label.zh}为 ${yuanZh(B)}，无法计算增幅（${figuresZh}），不予奖励`,
      en: `No growth rate: ${bi.label.en} is ${yuanEn(B)} (${figuresEn}); no award`,
    });
    return outcome(rule, inst, 0, lines);
  }
  const t = BigInt(rule.thresholdBp);
  // growth > threshold ⇔ (F − B) / B > t / 10,000 ⇔ F × 10,000 > B × (10,000 + t).
  const above = F * 10_000n > B * (10_000n + t);
  // Two decimals; more where two would hide that a growth just above the threshold is above it.
  let growth = pctOf(F - B, B);
  if (above && growth === pctOf(B * t, B * 10_000n)) growth = pctOf(F - B, B, 6);
  if (!above) {
    const fell = F < B;
    lines.push({
      zh: `${fi.label.zh}较去年同期${fell ? '下降' : '增长'} ${growth}（${figuresZh}），未超过去年同期 ${pct(rule.thresholdBp)} 以上，不予奖励`,
      en: `${capitalise(fi.label.en)} ${fell ? 'fell' : 'grew'} ${growth} (${figuresEn}), not more than ${pct(rule.thresholdBp)} growth; no award`,
    });
    return outcome(rule, inst, 0, lines);
  }
  // The excess in yuan is num / 10,000.
  const num = rule.excessFrom === 'threshold' ? F * 10_000n - B * (10_000n + t) : (F - B) * 10_000n;
  const excess = num / 10_000n;
  const { amount: raw } = perUnit(num, 10_000n, rule.unit, rule.amountPerUnit, rule.rounding);
  const u = unitText(rule.unit, rule.amountPerUnit, rule.rounding);
  const fromZh = rule.excessFrom === 'threshold' ? `超出 ${pct(rule.thresholdBp)} 增幅的部分` : '超出去年同期的部分';
  const fromEn = rule.excessFrom === 'threshold' ? `the excess over ${pct(rule.thresholdBp)} growth` : 'the excess over last year';
  lines.push({
    zh: `${fi.label.zh}增幅 ${growth}，超过去年同期 ${pct(rule.thresholdBp)} 以上（${figuresZh}）；${fromZh} ${yuanZh(excess)}，${u.zh}，计 ${yuanZh(raw)}`,
    en: `${capitalise(fi.label.en)} grew ${growth}, more than ${pct(rule.thresholdBp)} (${figuresEn}); ${fromEn}, ${yuanEn(excess)}, ${u.en} earns ${yuanEn(raw)}`,
  });
  const amount = applyCap(rule, raw, lines);
  lines.push(resultLine(amount));
  return outcome(rule, inst, amount, lines);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The prize for each place from the bands (0 outside them). */
function prizeAt(bands: RankPrizeRule['bands'], place: number): number {
  return bands.find((b) => place >= b.fromRank && place <= b.toRank)?.amount ?? 0;
}

function rankPrize(rule: RankPrizeRule, members: InstitutionFigures[]): RuleOutcome[] {
  const results = new Map<string, RuleOutcome>();
  const eligible: { inst: InstitutionFigures; value: number; lines: Bilingual[] }[] = [];
  const fi = (inst: InstitutionFigures) => figureInfo(inst.class, rule.figure);
  for (const inst of members) {
    const pre = checkConditions(inst, rule.conditions);
    if (!pre.ok) {
      results.set(inst.organisationId, outcome(rule, inst, 0, [...pre.lines, { zh: '不参加排名，不予奖励', en: 'Not ranked; no award' }]));
      continue;
    }
    const v = numberOf(inst, rule.figure);
    if (v === null) {
      results.set(inst.organisationId, outcome(rule, inst, 0, [...pre.lines, notReported(inst, [rule.figure]), { zh: '不参加排名', en: 'Not ranked' }]));
      continue;
    }
    eligible.push({ inst, value: v, lines: pre.lines });
  }
  const ranked = rankWithTies(eligible, (e) => e.value);
  const n = ranked.length;
  for (const { row, rank, tied } of ranked) {
    const info = fi(row.inst);
    let prize: bigint;
    let how: Bilingual;
    if (rule.ties === 'split_prizes' && tied > 1) {
      let sum = 0n;
      const places: number[] = [];
      for (let p = rank; p < rank + tied; p++) {
        sum += BigInt(prizeAt(rule.bands, p));
        places.push(p);
      }
      prize = sum / BigInt(tied);
      how = {
        zh: `${tied} 家并列，平分第 ${places.join('、')} 名奖金合计 ${yuanZh(sum)}，每家 ${yuanZh(prize)}`,
        en: `${tied} tied share the prizes of places ${places.join(', ')} (${yuanEn(sum)} together): ${yuanEn(prize)} each`,
      };
    } else {
      prize = BigInt(prizeAt(rule.bands, rank));
      how =
        prize > 0n
          ? { zh: `第 ${rank} 名奖金 ${yuanZh(prize)}`, en: `the prize of place ${rank} is ${yuanEn(prize)}` }
          : { zh: `第 ${rank} 名不在获奖名次内`, en: `place ${rank} carries no prize` };
    }
    const tieZh = tied > 1 ? `（与另 ${tied - 1} 家并列）` : '';
    const tieEn = tied > 1 ? ` (tied with ${tied - 1} other${tied > 2 ? 's' : ''})` : '';
    const lines = [
      ...row.lines,
      {
        zh: `按${info.label.zh}（${fmt(info.kind, row.value, 'zh')}）在 ${n} 家中排名第 ${rank} 位${tieZh}；${how.zh}`,
        en: `Ranked ${rank} of ${n} by ${info.label.en} (${fmt(info.kind, row.value, 'en')})${tieEn}; ${how.en}`,
      },
    ];
    const amount = applyCap(rule, prize, lines);
    lines.push(resultLine(amount));
    results.set(row.inst.organisationId, outcome(rule, row.inst, amount, lines, { rank, tied }));
  }
  return members.map((m) => results.get(m.organisationId)!);
}

function capitalAndVolume(rule: CapitalAndVolumeRule, inst: InstitutionFigures, period: PeriodSpan): RuleOutcome {
  const pre = checkConditions(inst, rule.conditions);
  if (!pre.ok) return outcome(rule, inst, 0, [...pre.lines, resultLine(0n)]);
  const lines = pre.lines;
  const eventZh = rule.capitalEvent === 'new' ? '新设' : '增资扩股';
  const eventEn = rule.capitalEvent === 'new' ? 'newly established institutions' : 'capital increases';
  const approvedZh = rule.capitalEvent === 'new' ? '新设机构经主管部门' : '增资扩股经主管部门';
  const approvedEn = rule.capitalEvent === 'new' ? 'set up with the regulator’s approval' : 'capital increase approved';
  const reported = inst.figures?.capitalEvent;
  if (reported === null || reported === undefined || reported === '') {
    return outcome(rule, inst, 0, [...lines, notReported(inst, ['capitalEvent'])]);
  }
  if (reported !== rule.capitalEvent) {
    const was = reported === 'new' ? '新设' : reported === 'increase' ? '增资扩股' : '无新设或增资';
    lines.push({
      zh: `本规则适用于${eventZh}机构，该机构填报为“${was}”，不适用`,
      en: `The rule is for ${eventEn}; the institution reported "${String(reported)}"; not applicable`,
    });
    return outcome(rule, inst, 0, lines);
  }
  const approved = inst.figures?.capitalApprovedOn;
  if (typeof approved !== 'string' || !DAY.test(approved)) {
    return outcome(rule, inst, 0, [...lines, notReported(inst, ['capitalApprovedOn'])]);
  }
  if (approved > period.endsOn) {
    lines.push({
      zh: `主管部门批复日期 ${approved} 在本期（${period.startsOn} 至 ${period.endsOn}）结束之后，本期不予计算`,
      en: `Approved by the regulator on ${approved}, after the period (${period.startsOn} to ${period.endsOn}) ended; nothing in this period`,
    });
    return outcome(rule, inst, 0, lines);
  }
  let total = 0n;
  // The capital part: once, in the period where the approval falls, not after the deadline.
  const capitalInfo = figureInfo(inst.class, rule.capitalFigure);
  if (approved < period.startsOn) {
    lines.push({
      zh: `资本部分：批复日期 ${approved} 早于本期（${period.startsOn} 至 ${period.endsOn}），已在批复所在期计算，本期不计`,
      en: `Capital part: approved on ${approved}, before the period (${period.startsOn} to ${period.endsOn}); counted in the period of approval, not here`,
    });
  } else if (rule.deadline !== null && approved > rule.deadline) {
    lines.push({
      zh: `资本部分：批复日期 ${approved} 晚于截止日 ${rule.deadline}，不计`,
      en: `Capital part: approved on ${approved}, after the deadline ${rule.deadline}; not counted`,
    });
  } else {
    const capital = numberOf(inst, rule.capitalFigure);
    if (capital === null) {
      lines.push({ zh: `资本部分：${notReported(inst, [rule.capitalFigure]).zh}`, en: `Capital part: ${notReported(inst, [rule.capitalFigure]).en}` });
    } else {
      const C = big(Math.max(0, capital));
      const part = (C * BigInt(rule.capitalBp)) / 10_000n;
      total += part;
      lines.push({
        zh: `资本部分：${approvedZh} ${approved} 批复（在本期内），${capitalInfo.label.zh} ${yuanZh(C)} × ${pct(rule.capitalBp)} = ${yuanZh(part)}`,
        en: `Capital part: ${approvedEn} on ${approved} (in the period), ${capitalInfo.label.en} ${yuanEn(C)} × ${pct(rule.capitalBp)} = ${yuanEn(part)}`,
      });
    }
  }
  // The volume part: in periods ending on or before the deadline.
  const volInfo = figureInfo(inst.class, rule.volumeFigure);
  if (rule.deadline !== null && period.endsOn > rule.deadline) {
    lines.push({
      zh: `业务量部分：本期截止于 ${period.endsOn}，晚于补贴截止日 ${rule.deadline}，不计`,
      en: `Volume part: the period ends on ${period.endsOn}, after the deadline ${rule.deadline}; not counted`,
    });
  } else {
    const v = numberOf(inst, rule.volumeFigure);
    const base = rule.volumeBaseFigure === null ? 0 : numberOf(inst, rule.volumeBaseFigure);
    if (v === null || base === null) {
      const absent = [v === null ? rule.volumeFigure : null, base === null ? rule.volumeBaseFigure : null].filter((k): k is string => k !== null);
      lines.push({ zh: `业务量部分：${notReported(inst, absent).zh}`, en: `Volume part: ${notReported(inst, absent).en}` });
    } else {
      const V = big(v);
      const Bv = big(base);
      const growth = V - Bv;
      const u = unitText(rule.unit, rule.amountPerUnit, rule.rounding);
      const { amount: part } = perUnit(growth, 1n, rule.unit, rule.amountPerUnit, rule.rounding);
      total += part;
      if (rule.volumeBaseFigure === null) {
        lines.push({
          zh: `业务量部分：${volInfo.label.zh} ${yuanZh(V)}，${u.zh}，计 ${yuanZh(part)}`,
          en: `Volume part: ${volInfo.label.en} ${yuanEn(V)}, ${u.en}: ${yuanEn(part)}`,
        });
      } else {
        const baseInfo = figureInfo(inst.class, rule.volumeBaseFigure);
        lines.push(
          growth > 0n
            ? {
                zh: `业务量部分：${volInfo.label.zh} ${yuanZh(V)}，较${baseInfo.label.zh} ${yuanZh(Bv)} 增加 ${yuanZh(growth)}，${u.zh}，计 ${yuanZh(part)}`,
                en: `Volume part: ${volInfo.label.en} ${yuanEn(V)}, ${yuanEn(growth)} above ${baseInfo.label.en} (${yuanEn(Bv)}), ${u.en}: ${yuanEn(part)}`,
              }
            : {
                zh: `业务量部分：${volInfo.label.zh} ${yuanZh(V)}，未超过${baseInfo.label.zh} ${yuanZh(Bv)}，不计`,
                en: `Volume part: ${volInfo.label.en} ${yuanEn(V)}, not above ${baseInfo.label.en} (${yuanEn(Bv)}); nothing`,
              },
        );
      }
    }
  }
  const amount = applyCap(rule, total, lines);
  lines.push(resultLine(amount));
  return outcome(rule, inst, amount, lines);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function percent(rule: PercentRule, inst: InstitutionFigures): RuleOutcome {
  const pre = checkConditions(inst, rule.conditions);
  if (!pre.ok) return outcome(rule, inst, 0, [...pre.lines, resultLine(0n)]);
  const lines = pre.lines;
  const parts = rule.figures.map((k) => ({ key: k, info: figureInfo(inst.class, k), v: numberOf(inst, k) }));
  const reported = parts.filter((p) => p.v !== null);
  if (reported.length === 0) return outcome(rule, inst, 0, [...lines, notReported(inst, rule.figures)]);
  const sum = reported.reduce((s, p) => s + big(Math.max(0, p.v!)), 0n);
  const raw = (sum * BigInt(rule.bp)) / 10_000n;
  const detailZh = reported.map((p) => `${p.info.label.zh} ${yuanZh(big(Math.max(0, p.v!)))}`).join(' + ');
  const detailEn = reported.map((p) => `${p.info.label.en} ${yuanEn(big(Math.max(0, p.v!)))}`).join(' + ');
  const many = reported.length > 1;
  lines.push({
    zh: `${many ? `合计 ${yuanZh(sum)}（${detailZh}）` : detailZh} × ${pct(rule.bp)} = ${yuanZh(raw)}`,
    en: `${many ? `${yuanEn(sum)} in all (${detailEn})` : capitalise(detailEn)} × ${pct(rule.bp)} = ${yuanEn(raw)}`,
  });
  const amount = applyCap(rule, raw, lines);
  let splits: RuleOutcome['splits'] = [];
  if (rule.splits && rule.splits.length > 0 && amount > 0n) {
    const shares = rule.splits.map((s) => (amount * BigInt(s.bp)) / 10_000n);
    // The yuan lost to flooring goes to the first beneficiary, so the shares sum to the award.
    const rest = amount - shares.reduce((s, x) => s + x, 0n);
    shares[0] += rest;
    splits = rule.splits.map((s, i) => ({ label: s.label, amount: toAmount(shares[i]) }));
    lines.push({
      zh: `其中：${rule.splits.map((s, i) => `${s.label.zh}（${pct(s.bp)}）${yuanZh(shares[i])}`).join('，')}`,
      en: `Split: ${rule.splits.map((s, i) => `${s.label.en} (${pct(s.bp)}) ${yuanEn(shares[i])}`).join('; ')}`,
    });
  }
  lines.push(resultLine(amount));
  return outcome(rule, inst, amount, lines, { splits });
}

function bandCompensation(rule: BandCompensationRule, inst: InstitutionFigures): RuleOutcome {
  const pre = checkConditions(inst, rule.conditions);
  if (!pre.ok) return outcome(rule, inst, 0, [...pre.lines, resultLine(0n)]);
  const lines = pre.lines;
  const base = numberOf(inst, rule.baseFigure);
  const ratio = numberOf(inst, rule.ratioFigure);
  if (base === null || ratio === null) {
    const absent = [base === null ? rule.baseFigure : null, ratio === null ? rule.ratioFigure : null].filter((k): k is string => k !== null);
    return outcome(rule, inst, 0, [...lines, notReported(inst, absent)]);
  }
  const bi = figureInfo(inst.class, rule.baseFigure);
  const ri = figureInfo(inst.class, rule.ratioFigure);
  const band = `${pct(rule.lowBp)}–${pct(rule.highBp)}`;
  if (base <= 0) {
    lines.push({
      zh: `${bi.label.zh}为 ${yuanZh(big(base))}，无补偿基数，不予补偿`,
      en: `${capitalise(bi.label.en)} is ${yuanEn(big(base))}: no base; nothing`,
    });
    return outcome(rule, inst, 0, lines);
  }
  if (ratio <= rule.lowBp) {
    lines.push({
      zh: `${ri.label.zh} ${pct(ratio)}，未超过 ${pct(rule.lowBp)}，不在 ${band} 补偿区间，不予补偿`,
      en: `${capitalise(ri.label.en)} ${pct(ratio)}, not above ${pct(rule.lowBp)}: nothing in the ${band} band`,
    });
    return outcome(rule, inst, 0, lines);
  }
  const B = big(base);
  const portionBp = BigInt(Math.min(Math.floor(ratio), rule.highBp) - rule.lowBp);
  const npl = (B * portionBp) / 10_000n;
  const raw = (B * portionBp * BigInt(rule.bp)) / 100_000_000n;
  const aboveZh = ratio > rule.highBp ? `，超过 ${pct(rule.highBp)} 的部分不予补偿` : '';
  const aboveEn = ratio > rule.highBp ? `; the part above ${pct(rule.highBp)} is not compensated` : '';
  lines.push({
    zh: `${bi.label.zh} ${yuanZh(B)}，${ri.label.zh} ${pct(ratio)}${aboveZh}；${band} 区间内 ${pct(Number(portionBp))} 的不良贷款 ${yuanZh(npl)} × ${pct(rule.bp)} = ${yuanZh(raw)}`,
    en: `${capitalise(bi.label.en)} ${yuanEn(B)}, ${ri.label.en} ${pct(ratio)}${aboveEn}; the ${pct(Number(portionBp))} inside the ${band} band, ${yuanEn(npl)} of non-performing loans, × ${pct(rule.bp)} = ${yuanEn(raw)}`,
  });
  const amount = applyCap(rule, raw, lines);
  lines.push(resultLine(amount));
  return outcome(rule, inst, amount, lines);
}

function thresholdPrize(rule: ThresholdPrizeRule, inst: InstitutionFigures): RuleOutcome {
  const pre = checkConditions(inst, rule.conditions);
  if (!pre.ok) return outcome(rule, inst, 0, [...pre.lines, resultLine(0n)]);
  const lines = pre.lines;
  const v = numberOf(inst, rule.figure);
  if (v === null) return outcome(rule, inst, 0, [...lines, notReported(inst, [rule.figure])]);
  const info = figureInfo(inst.class, rule.figure);
  if (v < rule.min) {
    lines.push({
      zh: `${info.label.zh} ${fmt(info.kind, v, 'zh')}，未达到 ${fmt(info.kind, rule.min, 'zh')}，不予奖励`,
      en: `${capitalise(info.label.en)} ${fmt(info.kind, v, 'en')}, below ${fmt(info.kind, rule.min, 'en')}; no award`,
    });
    return outcome(rule, inst, 0, lines);
  }
  lines.push({
    zh: `${info.label.zh} ${fmt(info.kind, v, 'zh')}，达到 ${fmt(info.kind, rule.min, 'zh')}，奖励 ${yuanZh(rule.amount)}`,
    en: `${capitalise(info.label.en)} ${fmt(info.kind, v, 'en')}, at least ${fmt(info.kind, rule.min, 'en')}: ${yuanEn(rule.amount)}`,
  });
  const amount = applyCap(rule, BigInt(rule.amount), lines);
  if (amount !== BigInt(rule.amount)) lines.push(resultLine(amount));
  return outcome(rule, inst, amount, lines);
}

// ---- scoring schemes ----

function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + Number.EPSILON)) / 100;
}

function scoreItem(item: ScoringItem, ties: TieRule, scored: InstitutionFigures[]): Map<string, { score: number; line: Bilingual }> {
  const out = new Map<string, { score: number; line: Bilingual }>();
  const withValue: { inst: InstitutionFigures; v: number }[] = [];
  for (const inst of scored) {
    const v = numberOf(inst, item.figure);
    if (v === null) {
      const nr = notReported(inst, [item.figure]);
      out.set(inst.organisationId, { score: 0, line: { zh: `${item.name.zh}：${nr.zh}，得 0 分`, en: `${item.name.en}: ${nr.en}; 0 points` } });
    } else withValue.push({ inst, v });
  }
  const full = item.full;
  if (item.method === 'rank_decrement') {
    const step = item.step ?? 0;
    const floor = item.floor ?? 0;
    const atPlace = (p: number) => Math.max(floor, full - step * (p - 1));
    const ranked = rankWithTies(withValue, (r) => r.v, item.higherIsBetter);
    for (const { row, rank, tied } of ranked) {
      const info = figureInfo(row.inst.class, item.figure);
      let score: number;
      let how: Bilingual;
      if (ties === 'split_prizes' && tied > 1) {
        let sum = 0;
        for (let p = rank; p < rank + tied; p++) sum += atPlace(p);
        score = round2(sum / tied);
        how = {
          zh: `${tied} 家并列，取第 ${rank}–${rank + tied - 1} 名得分的平均 ${score}`,
          en: `${tied} tied take the average of places ${rank}–${rank + tied - 1}: ${score}`,
        };
      } else {
        score = round2(atPlace(rank));
        how = {
          zh: `${full} − ${step} × ${rank - 1} = ${score}${score === floor && full - step * (rank - 1) < floor ? '（保底）' : ''}`,
          en: `${full} − ${step} × ${rank - 1} = ${score}`,
        };
      }
      const tieZh = tied > 1 ? `（${tied} 家并列）` : '';
      const tieEn = tied > 1 ? ` (${tied} tied)` : '';
      out.set(row.inst.organisationId, {
        score,
        line: {
          zh: `${item.name.zh}：${info.label.zh} ${fmt(info.kind, row.v, 'zh')}，排名第 ${rank} 位${tieZh}，得分 ${how.zh}`,
          en: `${item.name.en}: ${info.label.en} ${fmt(info.kind, row.v, 'en')}, ranked ${rank}${tieEn}, score ${how.en}`,
        },
      });
    }
  } else if (item.method === 'ratio_to_best') {
    const values = withValue.map((r) => r.v);
    const best = values.length === 0 ? 0 : values.reduce((a, b) => (item.higherIsBetter ? Math.max(a, b) : Math.min(a, b)));
    for (const { inst, v } of withValue) {
      const info = figureInfo(inst.class, item.figure);
      let score: number;
      if (item.higherIsBetter) score = best > 0 ? (full * Math.max(0, v)) / best : 0;
      else score = v <= 0 ? full : best <= 0 ? 0 : (full * best) / v;
      score = round2(Math.min(full, Math.max(0, score)));
      const bestZh = fmt(info.kind, best, 'zh');
      const bestEn = fmt(info.kind, best, 'en');
      const line: Bilingual =
        item.higherIsBetter && best <= 0
          ? { zh: `${item.name.zh}：最佳值为 ${bestZh}，无可比较，得 0 分`, en: `${item.name.en}: the best is ${bestEn}, nothing to compare; 0 points` }
          : item.higherIsBetter
            ? {
                zh: `${item.name.zh}：${fmt(info.kind, v, 'zh')} ÷ 最佳 ${bestZh} × ${full} = ${score}`,
                en: `${item.name.en}: ${fmt(info.kind, v, 'en')} ÷ the best ${bestEn} × ${full} = ${score}`,
              }
            : {
                zh: `${item.name.zh}：最佳 ${bestZh} ÷ ${fmt(info.kind, v, 'zh')} × ${full} = ${score}（越低越好）`,
                en: `${item.name.en}: the best ${bestEn} ÷ ${fmt(info.kind, v, 'en')} × ${full} = ${score} (lower is better)`,
              };
      out.set(inst.organisationId, { score, line });
    }
  } else {
    const min = item.min ?? 0;
    for (const { inst, v } of withValue) {
      const info = figureInfo(inst.class, item.figure);
      const ok = item.higherIsBetter ? v >= min : v <= min;
      const rel = item.higherIsBetter
        ? ok
          ? { zh: '达到', en: 'reaches' }
          : { zh: '未达到', en: 'is below' }
        : ok
          ? { zh: '不高于', en: 'is at most' }
          : { zh: '高于', en: 'is above' };
      out.set(inst.organisationId, {
        score: ok ? full : 0,
        line: {
          zh: `${item.name.zh}：${fmt(info.kind, v, 'zh')}${rel.zh} ${fmt(info.kind, min, 'zh')}，得 ${ok ? full : 0} 分`,
          en: `${item.name.en}: ${fmt(info.kind, v, 'en')} ${rel.en} ${fmt(info.kind, min, 'en')}: ${ok ? full : 0} points`,
        },
      });
    }
  }
  return out;
}

function computeScheme(scheme: ScoringScheme, members: InstitutionFigures[]): SchemeOutcome[] {
  const gated = new Map<string, Bilingual[]>();
  const passedLines = new Map<string, Bilingual[]>();
  for (const inst of members) {
    const lines: Bilingual[] = [];
    let ok = true;
    for (const gate of scheme.gates) {
      const r = evaluateCondition(inst, gate.condition);
      if (!r.ok) {
        ok = false;
        lines.push({ zh: `未通过门槛“${gate.name.zh}”：${r.line.zh}，得 0 分`, en: `Gate "${gate.name.en}" not passed. ${r.line.en}; 0 points` });
        break;
      }
      lines.push({ zh: `通过门槛“${gate.name.zh}”`, en: `Gate "${gate.name.en}" passed` });
    }
    if (ok) passedLines.set(inst.organisationId, lines);
    else gated.set(inst.organisationId, lines);
  }
  const scored = members.filter((m) => !gated.has(m.organisationId));
  const itemScores = scheme.items.map((item) => ({ item, scores: scoreItem(item, scheme.ties, scored) }));
  const weights = scheme.items.reduce((s, i) => s + i.weight, 0);
  const rows = members.map((inst) => {
    const items: Record<string, number> = {};
    const gateLines = gated.get(inst.organisationId);
    if (gateLines) {
      for (const item of scheme.items) items[item.id] = 0;
      return { inst, score: 0, gated: true, items, lines: gateLines };
    }
    const lines = [...(passedLines.get(inst.organisationId) ?? [])];
    let sum = 0;
    for (const { item, scores } of itemScores) {
      const s = scores.get(inst.organisationId) ?? { score: 0, line: { zh: '', en: '' } };
      items[item.id] = s.score;
      lines.push(s.line);
      // Each item scaled to 100 before weighting, so the total is out of 100 whatever the items' full marks.
      sum += item.full > 0 ? (s.score / item.full) * 100 * item.weight : 0;
    }
    const score = weights > 0 ? round2(sum / weights) : 0;
    const termsZh = scheme.items.map((i) => `${items[i.id]}${i.full === 100 ? '' : `/${i.full}×100`} × ${i.weight}`).join(' + ');
    lines.push({
      zh: `总分 (${termsZh}) ÷ ${weights} = ${score}`,
      en: `Total (${termsZh}) ÷ ${weights} = ${score}`,
    });
    return { inst, score, gated: false, items, lines };
  });
  const ranked = rankWithTies(rows, (r) => r.score);
  const rankOf = new Map(ranked.map((r) => [r.row.inst.organisationId, r]));
  return rows.map((r) => {
    const { rank, tied } = rankOf.get(r.inst.organisationId)!;
    const tieZh = tied > 1 ? `（${tied} 家并列）` : '';
    const tieEn = tied > 1 ? ` (${tied} tied)` : '';
    return {
      schemeId: scheme.id,
      name: scheme.name,
      organisationId: r.inst.organisationId,
      score: r.score,
      rank,
      tied,
      gated: r.gated,
      items: r.items,
      lines: [...r.lines, { zh: `在 ${rows.length} 家中排名第 ${rank} 位${tieZh}`, en: `Ranked ${rank} of ${rows.length}${tieEn}` }],
    };
  });
}

// ---- the program ----

/**
 * Every rule and scheme of the program over the institutions of its class: one outcome per rule
 * and institution of the rule's class (zero awards with their reason included), one per scheme
 * and institution, and the totals.
 */
export function computeProgram(content: RewardProgramContent, institutions: InstitutionFigures[], period: PeriodSpan): ProgramOutcome {
  const awards: RuleOutcome[] = [];
  const scores: SchemeOutcome[] = [];
  const byClass = (cls: InstitutionClass) => institutions.filter((i) => i.class === cls);
  for (const rule of content.rules) {
    const members = byClass(rule.class);
    switch (rule.kind) {
      case 'growth_excess':
        for (const inst of members) awards.push(growthExcess(rule, inst));
        break;
      case 'rank_prize':
        awards.push(...rankPrize(rule, members));
        break;
      case 'capital_and_volume':
        for (const inst of members) awards.push(capitalAndVolume(rule, inst, period));
        break;
      case 'percent':
        for (const inst of members) awards.push(percent(rule, inst));
        break;
      case 'band_compensation':
        for (const inst of members) awards.push(bandCompensation(rule, inst));
        break;
      case 'threshold_prize':
        for (const inst of members) awards.push(thresholdPrize(rule, inst));
        break;
    }
  }
  for (const scheme of content.schemes) scores.push(...computeScheme(scheme, byClass(scheme.class)));

  const classOf = new Map(institutions.map((i) => [i.organisationId, i.class]));
  const byRuleBig = new Map<string, bigint>(content.rules.map((r) => [r.id, 0n]));
  const byClassBig = new Map<InstitutionClass, bigint>();
  let total = 0n;
  for (const a of awards) {
    const v = BigInt(a.amount);
    total += v;
    byRuleBig.set(a.ruleId, (byRuleBig.get(a.ruleId) ?? 0n) + v);
    const cls = classOf.get(a.organisationId)!;
    byClassBig.set(cls, (byClassBig.get(cls) ?? 0n) + v);
  }
  const byRule: Record<string, number> = {};
  for (const [k, v] of byRuleBig) byRule[k] = toAmount(v);
  const byClassOut: Partial<Record<InstitutionClass, number>> = {};
  for (const [k, v] of byClassBig) byClassOut[k] = toAmount(v);
  return { awards, scores, totals: { total: toAmount(total), byRule, byClass: byClassOut } };
}

// ---- checking a program from untrusted JSON ----

const ID = /^[a-z0-9_-]{1,40}$/;
const MAX_RULES = 50;
const MAX_ITEMS = 20;
const MAX_NAME = 100;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function validDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

type IntOpts = { required?: boolean; min?: number; max?: number };
type FigureOpts = { nullable?: boolean; bp?: boolean };

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

const RULE_BASE_FIELDS = ['id', 'name', 'class', 'kind', 'conditions', 'cap'];

/** The classes' Chinese names, for the check's Chinese messages. */
const CLASS_ZH: Record<InstitutionClass, string> = {
  bank: '银行',
  guarantor: '担保机构',
  microlender: '小额贷款公司',
  insurer: '保险机构',
  enterprise: '企业',
  construction_unit: '建设单位',
};

/** Collects the problems of one program's content, each with its path. */
class ProgramChecker {
  readonly problems: ProgramProblem[] = [];
  private readonly ids = new Set<string>();

  add(path: string, message: string, messageZh: string): void {
    if (this.problems.length < 200) this.problems.push({ path, message, messageZh });
  }

  unknownKeys(o: Obj, path: string, allowed: string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.add(at(path, k), 'is not a known field', '不是可识别的字段');
  }

  int(o: Obj, key: string, path: string, opts: IntOpts = {}): number | null {
    const v = o[key];
    const p = at(path, key);
    if (v === undefined || v === null) {
      if (opts.required !== false) this.add(p, 'is required', '必须填写');
      return null;
    }
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.add(p, 'must be a non-negative whole number', '须为非负整数');
      return null;
    }
    if (opts.min !== undefined && v < opts.min) this.add(p, `must be at least ${opts.min}`, `不得小于 ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) this.add(p, `must be at most ${opts.max}`, `不得大于 ${opts.max}`);
    return v;
  }

  name(o: Obj, key: string, path: string): void {
    const v = o[key];
    const p = at(path, key);
    if (!isObj(v)) {
      this.add(p, 'must be an object with zh and en', '须同时包含中文和英文');
      return;
    }
    this.unknownKeys(v, p, ['zh', 'en']);
    for (const lang of ['zh', 'en']) {
      const s = v[lang];
      if (typeof s !== 'string' || s.trim() === '') this.add(`${p}.${lang}`, 'must be a non-empty text', '不得为空');
      else if (s.length > MAX_NAME) this.add(`${p}.${lang}`, `must be at most ${MAX_NAME} characters`, `不得超过 ${MAX_NAME} 个字符`);
    }
  }

  figureAt(v: unknown, p: string, cls: InstitutionClass | null, opts: FigureOpts = {}): void {
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string' || v === '') {
      this.add(p, opts.nullable ? 'must be a figure or null' : 'must be a figure', opts.nullable ? '须为一项指标或留空' : '须为一项指标');
      return;
    }
    if (cls === null) return;
    const form = STATISTICS_FORMS[cls];
    const numeric = [...form.filter((f) => f.type === 'yuan' || f.type === 'bp').map((f) => f.key), ...PLATFORM_FIGURES];
    if (!numeric.includes(v)) this.add(p, `is not a numeric figure of a ${cls}`, `不是${CLASS_ZH[cls]}可用的数值指标`);
    else if (opts.bp && v !== 'platform.localShareBp' && form.find((f) => f.key === v)?.type !== 'bp') {
      this.add(p, 'must be a ratio figure (basis points)', '须为比率类指标（基点）');
    }
  }

  figure(o: Obj, key: string, path: string, cls: InstitutionClass | null, opts: FigureOpts = {}): void {
    this.figureAt(o[key], at(path, key), cls, opts);
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T | null {
    const v = o[key];
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.add(at(path, key), `must be one of ${values.join(', ')}`, `须为以下之一：${values.join('、')}`);
      return null;
    }
    return v as T;
  }

  list(o: Obj, key: string, path: string, max: number, opts: { required?: boolean; min?: number } = {}): unknown[] | null {
    const v = o[key];
    const p = at(path, key);
    if (v === undefined && opts.required === false) return null;
    if (!Array.isArray(v)) {
      this.add(p, 'must be a list', '须为列表');
      return null;
    }
    if (v.length > max) this.add(p, `must have at most ${max} entries`, `最多 ${max} 项`);
    if (opts.min !== undefined && v.length < opts.min)
      this.add(p, `must have at least ${opts.min} ${opts.min === 1 ? 'entry' : 'entries'}`, `至少 ${opts.min} 项`);
    return v.slice(0, max);
  }

  /** Each entry of a list that is an object, with its path (others reported). */
  objects(items: unknown[] | null, path: string, key: string): { o: Obj; p: string }[] {
    const out: { o: Obj; p: string }[] = [];
    (items ?? []).forEach((item, j) => {
      const p = `${at(path, key)}[${j}]`;
      if (isObj(item)) out.push({ o: item, p });
      else this.add(p, 'must be an object', '格式不正确，须为对象');
    });
    return out;
  }

  id(o: Obj, path: string, seen: Set<string> = this.ids): void {
    const v = o.id;
    if (typeof v !== 'string' || !ID.test(v))
      this.add(`${path}.id`, 'must be 1–40 characters of a-z, 0-9, _ and -', '须为 1–40 个字符，仅限小写字母 a-z、数字 0-9、_ 和 -');
    else if (seen.has(v)) this.add(`${path}.id`, `repeats the id ${v}`, `编号 ${v} 重复`);
    else seen.add(v);
  }

  condition(c: unknown, path: string, cls: InstitutionClass | null): void {
    if (!isObj(c)) {
      this.add(path, 'must be an object', '格式不正确，须为对象');
      return;
    }
    this.unknownKeys(c, path, ['figure', 'op', 'value', 'otherFigure']);
    this.figure(c, 'figure', path, cls);
    this.oneOf(c, 'op', path, ['gt', 'gte', 'lt', 'lte'] as const);
    const hasValue = c.value !== undefined && c.value !== null;
    const hasOther = c.otherFigure !== undefined && c.otherFigure !== null;
    if (hasValue === hasOther) this.add(path, 'must give either value or otherFigure', '须填写比较数值或比较指标，二者选一');
    else if (hasValue) this.int(c, 'value', path);
    else this.figure(c, 'otherFigure', path, cls);
  }

  rule(r: Obj, path: string): void {
    this.id(r, path);
    this.name(r, 'name', path);
    const cls = this.oneOf(r, 'class', path, INSTITUTION_CLASSES);
    const kind = this.oneOf(r, 'kind', path, REWARD_RULE_KINDS);
    const conditions = this.list(r, 'conditions', path, MAX_ITEMS, { required: false });
    (conditions ?? []).forEach((c, j) => this.condition(c, `${path}.conditions[${j}]`, cls));
    if (r.cap !== undefined && r.cap !== null) this.int(r, 'cap', path);
    switch (kind) {
      case 'growth_excess':
        this.unknownKeys(r, path, [...RULE_BASE_FIELDS, 'figure', 'baseFigure', 'thresholdBp', 'excessFrom', 'unit', 'amountPerUnit', 'rounding']);
        this.figure(r, 'figure', path, cls);
        this.figure(r, 'baseFigure', path, cls);
        this.int(r, 'thresholdBp', path);
        this.oneOf(r, 'excessFrom', path, ['threshold', 'base'] as const);
        this.perUnit(r, path);
        break;
      case 'rank_prize':
        this.unknownKeys(r, path, [...RULE_BASE_FIELDS, 'figure', 'bands', 'ties']);
        this.figure(r, 'figure', path, cls);
        this.oneOf(r, 'ties', path, ['shared_rank', 'split_prizes'] as const);
        this.bands(r, path);
        break;
      case 'capital_and_volume':
        this.unknownKeys(r, path, [
          ...RULE_BASE_FIELDS,
          ...['capitalEvent', 'capitalFigure', 'capitalBp', 'volumeFigure', 'volumeBaseFigure', 'unit', 'amountPerUnit', 'rounding', 'deadline'],
        ]);
        this.oneOf(r, 'capitalEvent', path, ['new', 'increase'] as const);
        this.figure(r, 'capitalFigure', path, cls);
        this.int(r, 'capitalBp', path, { max: 10_000 });
        this.figure(r, 'volumeFigure', path, cls);
        this.figure(r, 'volumeBaseFigure', path, cls, { nullable: true });
        this.perUnit(r, path);
        if (r.deadline !== null && (typeof r.deadline !== 'string' || !validDay(r.deadline)))
          this.add(`${path}.deadline`, 'must be a day (YYYY-MM-DD) or null', '须为日期（YYYY-MM-DD）或留空');
        break;
      case 'percent':
        this.unknownKeys(r, path, [...RULE_BASE_FIELDS, 'figures', 'bp', 'splits']);
        this.percentFigures(r, path, cls);
        this.int(r, 'bp', path, { max: 10_000 });
        this.splits(r, path);
        break;
      case 'band_compensation': {
        this.unknownKeys(r, path, [...RULE_BASE_FIELDS, 'baseFigure', 'ratioFigure', 'lowBp', 'highBp', 'bp']);
        this.figure(r, 'baseFigure', path, cls);
        this.figure(r, 'ratioFigure', path, cls, { bp: true });
        const low = this.int(r, 'lowBp', path, { max: 10_000 });
        const high = this.int(r, 'highBp', path, { max: 10_000 });
        if (low !== null && high !== null && high <= low) this.add(`${path}.highBp`, 'must be above lowBp', '须高于下限');
        this.int(r, 'bp', path, { max: 10_000 });
        break;
      }
      case 'threshold_prize':
        this.unknownKeys(r, path, [...RULE_BASE_FIELDS, 'figure', 'min', 'amount']);
        this.figure(r, 'figure', path, cls);
        this.int(r, 'min', path);
        this.int(r, 'amount', path);
        break;
      case null:
        break;
    }
  }

  perUnit(r: Obj, path: string): void {
    this.int(r, 'unit', path, { min: 1 });
    this.int(r, 'amountPerUnit', path);
    this.oneOf(r, 'rounding', path, ['whole_units', 'pro_rata'] as const);
  }

  bands(r: Obj, path: string): void {
    let lastTo = 0;
    for (const { o: b, p } of this.objects(this.list(r, 'bands', path, MAX_ITEMS, { min: 1 }), path, 'bands')) {
      this.unknownKeys(b, p, ['fromRank', 'toRank', 'amount']);
      const from = this.int(b, 'fromRank', p, { min: 1 });
      const to = this.int(b, 'toRank', p, { min: 1 });
      this.int(b, 'amount', p);
      if (from === null || to === null) continue;
      if (to < from) this.add(`${p}.toRank`, 'must not be before fromRank', '不得小于起始名次');
      if (from <= lastTo) this.add(`${p}.fromRank`, `must come after the previous band (rank ${lastTo})`, `须在上一名次段（第 ${lastTo} 名）之后`);
      lastTo = Math.max(lastTo, to);
    }
  }

  percentFigures(r: Obj, path: string, cls: InstitutionClass | null): void {
    const seen = new Set<string>();
    (this.list(r, 'figures', path, MAX_ITEMS, { min: 1 }) ?? []).forEach((f, j) => {
      const p = `${path}.figures[${j}]`;
      if (typeof f === 'string' && seen.has(f)) this.add(p, `repeats ${f}`, `指标 ${f} 重复`);
      if (typeof f === 'string') seen.add(f);
      this.figureAt(f, p, cls);
    });
  }

  splits(r: Obj, path: string): void {
    const splits = this.list(r, 'splits', path, MAX_ITEMS, { required: false });
    if (!splits || splits.length === 0) return;
    let sum = 0;
    for (const { o: s, p } of this.objects(splits, path, 'splits')) {
      this.unknownKeys(s, p, ['label', 'bp']);
      this.name(s, 'label', p);
      sum += this.int(s, 'bp', p, { max: 10_000 }) ?? 0;
    }
    if (sum !== 10_000) this.add(`${path}.splits`, `must sum to 10000 (100%), not ${sum}`, `各项比例之和须为 100%（10000 基点），现为 ${sum} 基点`);
  }

  scheme(s: Obj, path: string): void {
    this.unknownKeys(s, path, ['id', 'name', 'class', 'items', 'gates', 'ties']);
    this.id(s, path);
    this.name(s, 'name', path);
    const cls = this.oneOf(s, 'class', path, INSTITUTION_CLASSES);
    this.oneOf(s, 'ties', path, ['shared_rank', 'split_prizes'] as const);
    const items = this.list(s, 'items', path, MAX_ITEMS, { min: 1 });
    const itemIds = new Set<string>();
    let weights = 0;
    for (const { o: it, p } of this.objects(items, path, 'items')) weights += this.item(it, p, cls, itemIds);
    if (items && items.length > 0 && weights === 0) this.add(`${path}.items`, 'must have a weight above 0 in all', '各项权重之和须大于 0');
    const gateIds = new Set<string>();
    for (const { o: g, p } of this.objects(this.list(s, 'gates', path, MAX_ITEMS), path, 'gates')) {
      this.unknownKeys(g, p, ['id', 'name', 'condition']);
      this.id(g, p, gateIds);
      this.name(g, 'name', p);
      this.condition(g.condition, `${p}.condition`, cls);
    }
  }

  /** Checks a scoring item; returns its weight (0 when invalid). */
  item(it: Obj, p: string, cls: InstitutionClass | null, itemIds: Set<string>): number {
    this.unknownKeys(it, p, ['id', 'name', 'figure', 'method', 'weight', 'full', 'step', 'floor', 'min', 'higherIsBetter']);
    this.id(it, p, itemIds);
    this.name(it, 'name', p);
    this.figure(it, 'figure', p, cls);
    const method = this.oneOf(it, 'method', p, ['rank_decrement', 'ratio_to_best', 'threshold'] as const);
    const weight = this.int(it, 'weight', p) ?? 0;
    const full = this.int(it, 'full', p, { min: 1, max: 1000 });
    if (typeof it.higherIsBetter !== 'boolean') this.add(`${p}.higherIsBetter`, 'must be true or false', '须为“是”或“否”');
    if (method === 'rank_decrement') {
      this.int(it, 'step', p);
      const floor = this.int(it, 'floor', p, { required: false });
      if (floor !== null && full !== null && floor > full) this.add(`${p}.floor`, 'must not be above full', '不得高于满分');
    } else {
      if (it.step !== undefined) this.add(`${p}.step`, 'is only for rank_decrement', '仅适用于按名次递减计分');
      if (it.floor !== undefined) this.add(`${p}.floor`, 'is only for rank_decrement', '仅适用于按名次递减计分');
    }
    if (method === 'threshold') this.int(it, 'min', p);
    else if (it.min !== undefined) this.add(`${p}.min`, 'is only for threshold', '仅适用于达标计分');
    return weight;
  }
}

/**
 * Checks a program's content as it arrives (untrusted JSON): shapes, ids, classes, figures known
 * for the class, numbers, bands, splits and sizes. Returns every problem (the first 200) with its
 * path, e.g. `rules[2].bands[0].amount`; none means computeProgram can run it.
 */
export function checkProgram(content: unknown): ProgramProblem[] {
  const c = new ProgramChecker();
  if (!isObj(content)) {
    c.add('', 'must be an object with rules and schemes', '须包含奖励规则和评分方案');
    return c.problems;
  }
  c.unknownKeys(content, '', ['rules', 'schemes']);
  for (const { o, p } of c.objects(c.list(content, 'rules', '', MAX_RULES), '', 'rules')) c.rule(o, p);
  for (const { o, p } of c.objects(c.list(content, 'schemes', '', MAX_RULES), '', 'schemes')) c.scheme(o, p);
  return c.problems;
}
