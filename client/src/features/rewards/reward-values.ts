import { PLATFORM_FIGURES, STATISTICS_FORMS, formatCny, formatRateBp, wanToYuan, yuanToWan } from '@duijie/shared';
import type {
  Bilingual,
  Condition,
  InstitutionClass,
  ProgramProblem,
  RewardAward,
  RewardProgramContent,
  RewardRule,
  RewardRuleKind,
  ScoringItem,
  ScoringScheme,
} from '@duijie/shared';

// The program editor holds the rules as the API stores them (integer yuan, basis points) and
// converts at each input: amounts are typed in 万元, ratios as percentages. These helpers are the
// conversions, the figures a rule may read, the problems by path, and the plain-language summary.

export type Lang = 'zh-CN' | 'en';

/** Yuan as the 万元 an input shows; null stays null. */
export function yuanToWanInput(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  return yuanToWan(yuan);
}

/** What was typed in 万元 as integer yuan; empty stays null. */
export function wanInputToYuan(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return null;
  return wanToYuan(wan);
}

/** Basis points as the percentage an input shows (500 → 5). */
export function bpToPercent(bp: number | null | undefined): number | null {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) return null;
  return Math.round(bp) / 100;
}

/** A typed percentage as whole basis points (5 → 500, 0.07 → 7). */
export function percentToBp(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  const bp = Math.round(percent * 100);
  return bp === 0 ? 0 : bp;
}

/** How a figure is measured, which decides how its thresholds are typed. */
export type FigureUnit = 'yuan' | 'bp' | 'number' | 'day' | 'choice';

const PLATFORM_UNITS: Record<(typeof PLATFORM_FIGURES)[number], FigureUnit> = {
  'platform.signedLoans': 'yuan',
  'platform.disbursed': 'yuan',
  'platform.delivered': 'yuan',
  'platform.localDelivered': 'yuan',
  'platform.localShareBp': 'bp',
  'platform.ratingAverage': 'number',
  'platform.ratingCount': 'number',
};

const PLATFORM_LABELS: Record<(typeof PLATFORM_FIGURES)[number], Bilingual> = {
  'platform.signedLoans': { zh: '平台签约贷款额', en: 'Loans signed on the platform' },
  'platform.disbursed': { zh: '平台放款额', en: 'Disbursed on the platform' },
  'platform.delivered': { zh: '平台交付采购额', en: 'Purchases delivered on the platform' },
  'platform.localDelivered': { zh: '省内供应商交付额', en: 'Delivered by in-province suppliers' },
  'platform.localShareBp': { zh: '省内采购占比', en: 'Share bought in the province' },
  'platform.ratingAverage': { zh: '企业评价平均分', en: 'Average rating by enterprises' },
  'platform.ratingCount': { zh: '企业评价数', en: 'Ratings by enterprises' },
};

function isPlatform(key: string): key is (typeof PLATFORM_FIGURES)[number] {
  return (PLATFORM_FIGURES as readonly string[]).includes(key);
}

function formField(key: string, cls?: InstitutionClass) {
  const classes = cls ? [cls] : (Object.keys(STATISTICS_FORMS) as InstitutionClass[]);
  for (const c of classes) {
    const field = STATISTICS_FORMS[c].find((f) => f.key === key);
    if (field) return field;
  }
  return undefined;
}

export function figureUnit(key: string | null | undefined): FigureUnit {
  if (!key) return 'number';
  if (isPlatform(key)) return PLATFORM_UNITS[key];
  const field = formField(key);
  return field ? field.type : 'number';
}

export function figureLabel(key: string | null | undefined, lang: Lang): string {
  if (!key) return '—';
  const label = isPlatform(key) ? PLATFORM_LABELS[key] : formField(key)?.label;
  if (!label) return key;
  return lang === 'en' ? label.en : label.zh;
}

/** The figures a rule of this class may read: its form's numeric fields, then the platform's. */
export function figureOptions(cls: InstitutionClass, lang: Lang, units: readonly FigureUnit[] = ['yuan', 'bp', 'number']): { value: string; label: string }[] {
  const own = STATISTICS_FORMS[cls].filter((f) => units.includes(f.type)).map((f) => f.key);
  const platform = PLATFORM_FIGURES.filter((k) => units.includes(PLATFORM_UNITS[k]));
  return [...own, ...platform].map((key) => ({ value: key, label: figureLabel(key, lang) }));
}

/** A figure's value as typed: 万元 for yuan, % for bp, the number otherwise. */
export function figureValueToInput(value: number | null | undefined, unit: FigureUnit): number | null {
  if (unit === 'yuan') return yuanToWanInput(value);
  if (unit === 'bp') return bpToPercent(value);
  return value ?? null;
}

export function inputToFigureValue(input: number | null | undefined, unit: FigureUnit): number | null {
  if (unit === 'yuan') return wanInputToYuan(input);
  if (unit === 'bp') return percentToBp(input);
  return input ?? null;
}

/** Problems by path, and those under a prefix (a rule's card shows how many it has). */
/** A problem's message in the UI language: Chinese, or English. */
export function problemText(p: ProgramProblem, lang: Lang): string {
  return lang === 'en' ? p.message : p.messageZh || p.message;
}

/** Each input's problems (by path), in the UI language. */
export function problemsByPath(problems: readonly ProgramProblem[], lang: Lang): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), problemText(p, lang)]);
  return map;
}

export function problemsUnder(problems: readonly ProgramProblem[], prefix: string): ProgramProblem[] {
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
}

/** Which class each rule kind starts with, and a new rule of the kind with sensible parameters. */
export function newRule(kind: RewardRuleKind, cls: InstitutionClass, existing: readonly { id: string }[]): RewardRule {
  const id = uniqueId(kind.replace(/_/g, '-'), existing);
  const name = { zh: RULE_KIND_NAMES[kind].zh, en: RULE_KIND_NAMES[kind].en };
  const base = { id, name, class: cls, conditions: [], cap: null };
  const first = figureOptions(cls, 'zh-CN', ['yuan'])[0]?.value ?? '';
  switch (kind) {
    case 'growth_excess':
      return {
        ...base,
        kind,
        figure: first,
        baseFigure: first,
        thresholdBp: 500,
        excessFrom: 'threshold',
        unit: 100_000_000,
        amountPerUnit: 500_000,
        rounding: 'whole_units',
      };
    case 'rank_prize':
      return { ...base, kind, figure: first, bands: [{ fromRank: 1, toRank: 3, amount: 150_000 }], ties: 'shared_rank' };
    case 'capital_and_volume':
      return {
        ...base,
        kind,
        capitalEvent: 'new',
        capitalFigure: 'registeredCapital',
        capitalBp: 50,
        volumeFigure: first,
        volumeBaseFigure: null,
        unit: 100_000_000,
        amountPerUnit: 1_000_000,
        rounding: 'whole_units',
        deadline: null,
      };
    case 'percent':
      return { ...base, kind, figures: first ? [first] : [], bp: 100 };
    case 'band_compensation':
      return { ...base, kind, baseFigure: first, ratioFigure: figureOptions(cls, 'zh-CN', ['bp'])[0]?.value ?? '', lowBp: 200, highBp: 500, bp: 6000 };
    case 'threshold_prize':
      return { ...base, kind, figure: first, min: 100_000_000, amount: 500_000 };
  }
}

export function newScheme(cls: InstitutionClass, existing: readonly { id: string }[]): ScoringScheme {
  return { id: uniqueId('scheme', existing), name: { zh: '年度考核', en: 'Yearly assessment' }, class: cls, items: [], gates: [], ties: 'shared_rank' };
}

export function newItem(cls: InstitutionClass, existing: readonly { id: string }[]): ScoringItem {
  const figure = figureOptions(cls, 'zh-CN')[0]?.value ?? '';
  return {
    id: uniqueId('item', existing),
    name: { zh: '考核项', en: 'Item' },
    figure,
    method: 'rank_decrement',
    weight: 1,
    full: 100,
    step: 5,
    floor: 0,
    higherIsBetter: true,
  };
}

export function newCondition(cls: InstitutionClass): Condition {
  return { figure: figureOptions(cls, 'zh-CN')[0]?.value ?? '', op: 'gt', value: 0 };
}

function uniqueId(stem: string, existing: readonly { id: string }[]): string {
  const taken = new Set(existing.map((e) => e.id));
  for (let n = 1; ; n += 1) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export const RULE_KIND_NAMES: Record<RewardRuleKind, Bilingual> = {
  growth_excess: { zh: '同比增幅超额奖励', en: 'Growth above the same period' },
  rank_prize: { zh: '排名奖励', en: 'Prizes by rank' },
  capital_and_volume: { zh: '资本金与业务量奖励', en: 'Capital and volume' },
  percent: { zh: '按比例补贴', en: 'Percentage of figures' },
  band_compensation: { zh: '区间风险补偿', en: 'Compensation inside a band' },
  threshold_prize: { zh: '达标奖励', en: 'Prize for reaching a figure' },
};

const OPS: Record<Condition['op'], Bilingual> = {
  gt: { zh: '高于', en: 'above' },
  gte: { zh: '不低于', en: 'at least' },
  lt: { zh: '低于', en: 'below' },
  lte: { zh: '不高于', en: 'at most' },
};

function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** A figure's value in words: 万元/亿元 for amounts, a percentage for ratios. */
export function formatFigureValue(value: number | null | undefined, unit: FigureUnit, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'yuan') return formatCny(value, lang);
  if (unit === 'bp') return formatRateBp(value);
  return String(value);
}

export function describeCondition(c: Condition, lang: Lang): string {
  const other = c.otherFigure ? figureLabel(c.otherFigure, lang) : formatFigureValue(c.value, figureUnit(c.figure), lang);
  return lang === 'en' ? `${figureLabel(c.figure, lang)} ${OPS[c.op].en} ${other}` : `${figureLabel(c.figure, lang)}${OPS[c.op].zh}${other}`;
}

function money(yuan: number, lang: Lang): string {
  return formatCny(yuan, lang);
}

/** One rule in plain words (Chinese or English), as an organiser would read it in the notice. */
export function describeRule(rule: RewardRule, lang: Lang): string {
  const en = lang === 'en';
  const f = (key: string | null | undefined) => figureLabel(key, lang);
  const rounding = (r: 'whole_units' | 'pro_rata') =>
    r === 'whole_units' ? (en ? 'whole units only' : '不足一个单位的部分不计') : en ? 'pro rata' : '按比例折算';
  let text: string;
  switch (rule.kind) {
    case 'growth_excess': {
      const from = rule.excessFrom === 'threshold' ? (en ? 'the threshold' : '门槛') : en ? 'the same period' : '去年同期';
      text = en
        ? `When ${f(rule.figure)} grows more than ${formatRateBp(rule.thresholdBp)} over ${f(rule.baseFigure)}, the excess measured from ${from} earns ${money(rule.amountPerUnit, lang)} per ${money(rule.unit, lang)} (${rounding(rule.rounding)}).`
        : `${f(rule.figure)}较${f(rule.baseFigure)}增幅超过 ${formatRateBp(rule.thresholdBp)} 的，超出部分（自${from}起算）每 ${money(rule.unit, lang)} 奖励 ${money(rule.amountPerUnit, lang)}（${rounding(rule.rounding)}）。`;
      break;
    }
    case 'rank_prize': {
      const bands = rule.bands
        .map((b) => (en ? `ranks ${b.fromRank}–${b.toRank}: ${money(b.amount, lang)}` : `第 ${b.fromRank}–${b.toRank} 名 ${money(b.amount, lang)}`))
        .join(en ? '; ' : '，');
      const ties =
        rule.ties === 'shared_rank'
          ? en
            ? 'tied institutions share the rank and each gets its prize'
            : '并列者名次相同、各得该名次奖励'
          : en
            ? 'tied institutions split the prizes of the places they occupy'
            : '并列者平分所占名次的奖励';
      text = en ? `Ranked by ${f(rule.figure)} (highest first): ${bands}; ${ties}.` : `按${f(rule.figure)}由高到低排名：${bands}；${ties}。`;
      break;
    }
    case 'capital_and_volume': {
      const event = rule.capitalEvent === 'new' ? (en ? 'A newly set-up institution' : '新设机构') : en ? 'An institution that raised capital' : '增资扩股机构';
      const base = rule.volumeBaseFigure ? (en ? ` above ${f(rule.volumeBaseFigure)}` : `超过${f(rule.volumeBaseFigure)}的部分`) : '';
      const deadline = rule.deadline ? (en ? ` in periods ending by ${rule.deadline}` : `（${rule.deadline} 前结束的统计期）`) : '';
      text = en
        ? `${event} earns ${formatRateBp(rule.capitalBp)} of ${f(rule.capitalFigure)} once, and ${money(rule.amountPerUnit, lang)} per ${money(rule.unit, lang)} of ${f(rule.volumeFigure)}${base}${deadline} (${rounding(rule.rounding)}).`
        : `${event}按${f(rule.capitalFigure)}的 ${formatRateBp(rule.capitalBp)} 一次性奖励；${f(rule.volumeFigure)}${base}每 ${money(rule.unit, lang)} 奖励 ${money(rule.amountPerUnit, lang)}${deadline}（${rounding(rule.rounding)}）。`;
      break;
    }
    case 'percent': {
      const figures = rule.figures.map(f).join(en ? ' + ' : '、');
      const splits = (rule.splits ?? []).length
        ? en
          ? `, split ${(rule.splits ?? []).map((s) => `${s.label.en} ${formatRateBp(s.bp)}`).join(', ')}`
          : `，其中${(rule.splits ?? []).map((s) => `${s.label.zh} ${formatRateBp(s.bp)}`).join('、')}`
        : '';
      text = en ? `${formatRateBp(rule.bp)} of ${figures}${splits}.` : `按${figures}的 ${formatRateBp(rule.bp)} 给予补贴${splits}。`;
      break;
    }
    case 'band_compensation':
      text = en
        ? `${formatRateBp(rule.bp)} of ${f(rule.baseFigure)} × the part of ${f(rule.ratioFigure)} between ${formatRateBp(rule.lowBp)} and ${formatRateBp(rule.highBp)}.`
        : `${f(rule.ratioFigure)}在 ${formatRateBp(rule.lowBp)}–${formatRateBp(rule.highBp)} 区间的部分，按${f(rule.baseFigure)}计算后补偿 ${formatRateBp(rule.bp)}。`;
      break;
    case 'threshold_prize':
      text = en
        ? `${money(rule.amount, lang)} when ${f(rule.figure)} reaches ${formatFigureValue(rule.min, figureUnit(rule.figure), lang)}.`
        : `${f(rule.figure)}达到 ${formatFigureValue(rule.min, figureUnit(rule.figure), lang)} 的，奖励 ${money(rule.amount, lang)}。`;
      break;
  }
  const conditions = (rule.conditions ?? []).map((c) => describeCondition(c, lang));
  if (conditions.length) text += en ? ` Only when ${conditions.join(' and ')}.` : `条件：${conditions.join('，且')}。`;
  if (rule.cap !== null && rule.cap !== undefined) text += en ? ` At most ${money(rule.cap, lang)} per institution.` : `每家最高 ${money(rule.cap, lang)}。`;
  return text;
}

export function describeItem(item: ScoringItem, lang: Lang): string {
  const en = lang === 'en';
  const f = figureLabel(item.figure, lang);
  const dir = item.higherIsBetter ? '' : en ? ' (lower is better)' : '（越低越好）';
  switch (item.method) {
    case 'rank_decrement':
      return en
        ? `${pick(item.name, lang)}: by ${f}${dir}, first place ${item.full}, minus ${item.step ?? 0} per rank, not below ${item.floor ?? 0}; weight ${item.weight}.`
        : `${pick(item.name, lang)}：按${f}${dir}排名，第一名 ${item.full} 分，每降一名减 ${item.step ?? 0} 分，最低 ${item.floor ?? 0} 分；权重 ${item.weight}。`;
    case 'ratio_to_best':
      return en
        ? `${pick(item.name, lang)}: ${item.full} × ${f} / the best institution's${dir}; weight ${item.weight}.`
        : `${pick(item.name, lang)}：${item.full} 分 × ${f}与最优机构之比${dir}；权重 ${item.weight}。`;
    case 'threshold':
      return en
        ? `${pick(item.name, lang)}: ${item.full} when ${f} reaches ${formatFigureValue(item.min, figureUnit(item.figure), lang)}, else 0; weight ${item.weight}.`
        : `${pick(item.name, lang)}：${f}达到 ${formatFigureValue(item.min, figureUnit(item.figure), lang)} 得 ${item.full} 分，否则 0 分；权重 ${item.weight}。`;
  }
}

/** Rule names by id, for a run's totals and an award's reasons. */
export function ruleNames(content: RewardProgramContent | undefined, lang: Lang): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of content?.rules ?? []) map.set(r.id, pick(r.name, lang));
  for (const s of content?.schemes ?? []) {
    map.set(s.id, pick(s.name, lang));
    for (const item of s.items) if (!map.has(item.id)) map.set(item.id, pick(item.name, lang));
  }
  return map;
}

/** "第 3 名（并列 2 家）" / "rank 3 (tied, 2)". */
export function rankText(rank: number | null, tied: number, lang: Lang): string {
  if (rank === null) return '—';
  if (lang === 'en') return tied > 1 ? `#${rank} (tied ×${tied})` : `#${rank}`;
  return tied > 1 ? `第 ${rank} 名（并列 ${tied} 家）` : `第 ${rank} 名`;
}

export function bilingual(text: Bilingual, lang: Lang): string {
  return pick(text, lang);
}

/** A problem's path split into steps: `rules[1].bands[0].amount` → rules 1, bands 0, amount. */
export type PathStep = { key: string; index: number | null };

export function pathSteps(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      steps.push({ key: part, index: null });
      continue;
    }
    const indices = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    if (indices.length === 0) steps.push({ key: match[1], index: null });
    indices.forEach((index, i) => steps.push({ key: i === 0 ? match[1] : '', index }));
  }
  return steps;
}

/** The rule or scheme a path points into, to name it in the problems list. */
export function pathOwner(path: string, content: RewardProgramContent, lang: Lang): { kind: 'rule' | 'scheme'; n: number; name: string } | null {
  const [first] = pathSteps(path);
  if (!first || first.index === null) return null;
  if (first.key === 'rules') {
    const rule = content.rules[first.index];
    return { kind: 'rule', n: first.index + 1, name: rule ? pick(rule.name, lang) : '' };
  }
  if (first.key === 'schemes') {
    const scheme = content.schemes[first.index];
    return { kind: 'scheme', n: first.index + 1, name: scheme ? pick(scheme.name, lang) : '' };
  }
  return null;
}

/** The awards grouped by period, in the order given (newest approval first). */
export function byPeriod(awards: readonly RewardAward[]): { periodName: string; amount: number; awards: RewardAward[] }[] {
  const groups = new Map<string, { periodName: string; amount: number; awards: RewardAward[] }>();
  for (const a of awards) {
    const group = groups.get(a.periodName) ?? { periodName: a.periodName, amount: 0, awards: [] };
    group.amount += a.amount;
    group.awards.push(a);
    groups.set(a.periodName, group);
  }
  return [...groups.values()];
}
