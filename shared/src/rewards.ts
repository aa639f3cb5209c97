// Assessment and rewards (考核奖励): the statistics institutions report for a period, the reward
// rules and scoring schemes as data, and what a calculation run returns. The rules themselves are
// pure functions in rewards-rules.ts over the confirmed figures; the server stores and runs them.
// Decision: docs/decisions/0016-rewards.md.
import type { OrganisationKind } from './domain';
import type { Obligation } from './obligations';

// ---- institutions and their forms ----

/** The classes of institution that file a form and are assessed, each with its own table. */
export const INSTITUTION_CLASSES = ['bank', 'guarantor', 'microlender', 'insurer', 'enterprise', 'construction_unit'] as const;
export type InstitutionClass = (typeof INSTITUTION_CLASSES)[number];

/** The class an organisation of this kind is assessed in (distributors report as enterprises); organisers none. */
export function institutionClassOf(kind: OrganisationKind): InstitutionClass | null {
  switch (kind) {
    case 'bank':
    case 'guarantor':
    case 'microlender':
    case 'insurer':
    case 'enterprise':
    case 'construction_unit':
      return kind;
    case 'distributor':
      return 'enterprise';
    case 'organiser':
      return null;
  }
}

/**
 * How a form field is entered and stored: `yuan` an integer number of yuan (shown and typed in
 * 万元), `bp` basis points (1% = 100, typed as a percentage), `day` YYYY-MM-DD, `choice` one of
 * `choices`.
 */
export type StatisticsFieldType = 'yuan' | 'bp' | 'day' | 'choice';

export type Bilingual = { zh: string; en: string };

export type StatisticsField = {
  key: string;
  type: StatisticsFieldType;
  label: Bilingual;
  /** Required to file (an optional field may be left empty: null). */
  required: boolean;
  choices?: readonly { value: string; label: Bilingual }[];
};

/** A form's values by field key: integers for yuan and bp, strings for day and choice, null when empty. */
export type StatisticsFigures = Record<string, number | string | null>;

/** Whether the institution is newly set up, raised its capital in the period, or neither (guarantors, micro-loan companies). */
export const CAPITAL_EVENTS = ['none', 'new', 'increase'] as const;
export type CapitalEvent = (typeof CAPITAL_EVENTS)[number];

const CAPITAL_CHOICES = [
  { value: 'none', label: { zh: '无', en: 'None' } },
  { value: 'new', label: { zh: '新设', en: 'Newly established' } },
  { value: 'increase', label: { zh: '增资扩股', en: 'Capital increase' } },
] as const;

const yuan = (key: string, zh: string, en: string, required = true): StatisticsField => ({ key, type: 'yuan', label: { zh, en }, required });

/** The form each class files. Amounts in 万元 on the form, integer yuan inside. */
export const STATISTICS_FORMS: Record<InstitutionClass, readonly StatisticsField[]> = {
  bank: [
    yuan('industryLoanBalance', '工业贷款余额（期末）', 'Industrial loan balance (period end)'),
    yuan('industryLoanIncrement', '本期工业贷款新增额', 'Industrial lending in the period'),
    yuan('industryLoanBalanceLastYear', '去年同期工业贷款余额', 'Industrial loan balance, same period last year'),
    yuan('industryLoanIncrementLastYear', '去年同期工业贷款新增额', 'Industrial lending, same period last year'),
    yuan('smallMicroLoanIncrement', '本期小微企业贷款增长额', 'Small/micro-enterprise loan growth in the period'),
    yuan('smallMicroLoanIncrementLastYear', '去年同期小微企业贷款增长额', 'Small/micro-enterprise loan growth, same period last year'),
    { key: 'smallMicroNplBp', type: 'bp', label: { zh: '小微企业贷款不良率', en: 'Small/micro-enterprise NPL ratio' }, required: true },
  ],
  guarantor: [
    yuan('registeredCapital', '注册资本', 'Registered capital'),
    {
      key: 'capitalEvent',
      type: 'choice',
      label: {
        zh: '新设或增资扩股（批复后至奖励截止日各期均如实填报）',
        en: 'Newly set up or capital raised (report it in every period from approval to the reward deadline)',
      },
      required: true,
      choices: CAPITAL_CHOICES,
    },
    yuan('newCapital', '新增资本金', 'New capital', false),
    { key: 'capitalApprovedOn', type: 'day', label: { zh: '主管部门批复日期', en: 'Approved by the regulator on' }, required: false },
    yuan('guaranteeVolume', '本期担保额', 'Guarantees issued in the period'),
    yuan('guaranteeVolumeLastYear', '去年同期担保额', 'Guarantees issued, same period last year'),
  ],
  microlender: [
    yuan('registeredCapital', '注册资本', 'Registered capital'),
    {
      key: 'capitalEvent',
      type: 'choice',
      label: {
        zh: '新设或增资扩股（批复后至奖励截止日各期均如实填报）',
        en: 'Newly set up or capital raised (report it in every period from approval to the reward deadline)',
      },
      required: true,
      choices: CAPITAL_CHOICES,
    },
    yuan('newCapital', '新增资本金', 'New capital', false),
    { key: 'capitalApprovedOn', type: 'day', label: { zh: '主管部门批复日期', en: 'Approved by the regulator on' }, required: false },
    yuan('loanVolume', '本期贷款发放额', 'Loans made in the period'),
    yuan('loanVolumeLastYear', '去年同期贷款发放额', 'Loans made, same period last year'),
  ],
  insurer: [
    yuan('directInvestment', '保险资金直投业务量', 'Insurance funds invested directly'),
    yuan('lowRateUnderwriting', '低费率承保省内工业企业新增业务量', 'New low-rate underwriting of industrial enterprises in the province'),
  ],
  enterprise: [
    yuan('bondFinancing', '发行企业债、中期票据、短期融资券融资额', 'Raised by bonds, medium-term and short-term notes', false),
    yuan('leasingFinancing', '融资租赁融资额', 'Raised by financial leasing', false),
    yuan('trustFinancing', '信托融资额', 'Raised by trusts', false),
    yuan('intermediaryFees', '直接融资中介费用', 'Intermediary fees of direct financing', false),
    yuan('billDiscountFees', '承兑汇票贴现费用', 'Acceptance-bill discount fees', false),
  ],
  construction_unit: [],
};

/**
 * Figures the platform knows itself, shown beside the reported ones and usable by rules and
 * schemes under these keys: a lender's signed and disbursed loan amounts in the event (its
 * agreements), a builder's delivered purchases and the share from in-province suppliers, and the
 * average of the ratings enterprises gave the institution.
 */
export const PLATFORM_FIGURES = [
  'platform.signedLoans',
  'platform.disbursed',
  'platform.delivered',
  'platform.localDelivered',
  'platform.localShareBp',
  'platform.ratingAverage',
  'platform.ratingCount',
] as const;
export type PlatformFigure = (typeof PLATFORM_FIGURES)[number];

// ---- rules and scoring schemes as data ----

/** `whole_units`: only complete units count (7.4亿 → 7); `pro_rata`: the exact fraction, to the yuan (floored). */
export type Rounding = 'whole_units' | 'pro_rata';

/**
 * Ties in a ranking. `shared_rank`: tied institutions take the same rank and each gets that
 * rank's prize (1, 2, 3, 3, 5); `split_prizes`: they share equally the prizes of the places they
 * occupy together (a tie at 3 over places 3 and 4 gets (15万 + 10万) / 2 each).
 */
export type TieRule = 'shared_rank' | 'split_prizes';

/** A prize for the ranks fromRank..toRank (inclusive, from 1). */
export type PrizeBand = { fromRank: number; toRank: number; amount: number };

/** A condition on a figure: against a number, or against another figure of the same institution. */
export type Condition = {
  figure: string;
  op: 'gt' | 'gte' | 'lt' | 'lte';
  /** Compared with this number (yuan or bp, as the figure) … */
  value?: number;
  /** … or with this other figure. */
  otherFigure?: string;
};

type RuleBase = {
  /** Unique in the program, [a-z0-9_-]. */
  id: string;
  name: Bilingual;
  class: InstitutionClass;
  /** All must hold for an institution to earn anything; the reason is given when one fails. */
  conditions?: Condition[];
  /** The most one institution earns by this rule in a run (yuan); null: no cap. */
  cap?: number | null;
};

/**
 * Growth over the same period: growth = (figure − baseFigure) / baseFigure. Earns when growth is
 * more than thresholdBp; the excess is measured from the threshold (figure − base × (1 +
 * threshold)) or from the base (figure − base), and earns amountPerUnit per unit.
 * Seed: banks' industrial lending more than 5% above the same period, 50万 per extra 1亿.
 */
export type GrowthExcessRule = RuleBase & {
  kind: 'growth_excess';
  figure: string;
  baseFigure: string;
  thresholdBp: number;
  excessFrom: 'threshold' | 'base';
  unit: number;
  amountPerUnit: number;
  rounding: Rounding;
};

/**
 * Ranks the class's institutions that meet the conditions by a figure (highest first) and pays
 * the prize of each band. Seed: small/micro loan growth above last year's, 1–3 15万, 4–6 10万.
 */
export type RankPrizeRule = RuleBase & {
  kind: 'rank_prize';
  figure: string;
  bands: PrizeBand[];
  ties: TieRule;
};

/**
 * A newly set-up institution (or one that raised capital) earns capitalBp of its registered (or
 * new) capital, once, in the period where the regulator's approval falls; and amountPerUnit per
 * unit of volume above volumeBaseFigure (none: all the volume) in periods that end on or before
 * the deadline. Seed: guarantors new 0.5% then 100万 per extra 1亿 of guarantees, increases 5%
 * then 100万 per extra 1亿 over the same period; micro-loan companies 0.5% / 5% and 10万 per 1000万.
 */
export type CapitalAndVolumeRule = RuleBase & {
  kind: 'capital_and_volume';
  capitalEvent: 'new' | 'increase';
  /** registeredCapital for new institutions, newCapital for increases. */
  capitalFigure: string;
  capitalBp: number;
  volumeFigure: string;
  volumeBaseFigure: string | null;
  unit: number;
  amountPerUnit: number;
  rounding: Rounding;
  /** YYYY-MM-DD: volume counts only in periods ending on or before it; null: no deadline. */
  deadline: string | null;
};

/**
 * bp of the sum of some figures, optionally capped and split between beneficiaries. Seed: direct
 * financing 1% split 50/30/20; intermediary fees 50% up to 200万; bill discount fees 30%.
 */
export type PercentRule = RuleBase & {
  kind: 'percent';
  figures: string[];
  bp: number;
  /** How the award is split (bp of it, summing to 10,000), e.g. the enterprise, its staff, intermediaries. */
  splits?: { label: Bilingual; bp: number }[];
};

/**
 * Compensation of the part of a ratio inside a band, on a base: bp × base × (min(ratio, highBp) −
 * lowBp) when the ratio is above lowBp. Seed: risk compensation, 60% of small/micro NPL between 2%
 * and 5% of the new small/micro loans, for banks whose small/micro loans grew by 1亿 or more.
 */
export type BandCompensationRule = RuleBase & {
  kind: 'band_compensation';
  baseFigure: string;
  ratioFigure: string;
  lowBp: number;
  highBp: number;
  bp: number;
};

/** A fixed prize for reaching a figure. Seed: insurers' direct investment of 1亿 or more, 50万. */
export type ThresholdPrizeRule = RuleBase & {
  kind: 'threshold_prize';
  figure: string;
  min: number;
  amount: number;
};

export type RewardRule = GrowthExcessRule | RankPrizeRule | CapitalAndVolumeRule | PercentRule | BandCompensationRule | ThresholdPrizeRule;
export type RewardRuleKind = RewardRule['kind'];
export const REWARD_RULE_KINDS = ['growth_excess', 'rank_prize', 'capital_and_volume', 'percent', 'band_compensation', 'threshold_prize'] as const;

/**
 * One item of a yearly assessment (考核), scored 0..full:
 * - `rank_decrement`: first place full marks, minus `step` per rank below, not below `floor`;
 * - `ratio_to_best`: full × figure / the best institution's figure (0 when the best is 0);
 * - `threshold`: full when the figure reaches `min`, else 0.
 * Lower-is-better figures (an NPL ratio) set `higherIsBetter: false` (ratio_to_best then best / figure).
 */
export type ScoringItem = {
  id: string;
  name: Bilingual;
  figure: string;
  method: 'rank_decrement' | 'ratio_to_best' | 'threshold';
  /** The item's weight; the total is Σ score × weight / Σ weights, out of 100. */
  weight: number;
  full: number;
  step?: number;
  floor?: number;
  min?: number;
  higherIsBetter: boolean;
};

/** A gate: an institution that does not meet it scores 0 in the scheme (e.g. lending fell below last year's). */
export type ScoringGate = { id: string; name: Bilingual; condition: Condition };

/** A scoring table for one class of institution. */
export type ScoringScheme = {
  id: string;
  name: Bilingual;
  class: InstitutionClass;
  items: ScoringItem[];
  gates: ScoringGate[];
  ties: TieRule;
};

/** What a program holds: the money rules and the scoring schemes. */
export type RewardProgramContent = { rules: RewardRule[]; schemes: ScoringScheme[] };

// ---- what the rules compute ----

/** One institution as the rules see it: its confirmed figures and the platform's. */
export type InstitutionFigures = {
  organisationId: string;
  name: string;
  class: InstitutionClass;
  figures: StatisticsFigures;
};

/** The period a run is for: deadlines and approval dates are compared with it. */
export type PeriodSpan = { startsOn: string; endsOn: string };

/** One rule's result for one institution, with the lines that explain it. */
export type RuleOutcome = {
  ruleId: string;
  /** The rule's name (from the program), so an award reads on its own. */
  name: Bilingual;
  organisationId: string;
  /** Yuan, ≥ 0. */
  amount: number;
  /** The institution's rank where the rule ranks (ties share a rank); null otherwise. */
  rank: number | null;
  /** How many institutions share that rank (1 when none tie). */
  tied: number;
  /** How the amount is split between beneficiaries, when the rule splits it. */
  splits: { label: Bilingual; amount: number }[];
  lines: Bilingual[];
};

/** One scheme's result for one institution. */
export type SchemeOutcome = {
  schemeId: string;
  /** The scheme's name (from the program). */
  name: Bilingual;
  organisationId: string;
  /** Out of 100, to two decimals. */
  score: number;
  rank: number;
  tied: number;
  /** A gate failed: scored 0. */
  gated: boolean;
  /** Each item's score, by item id. */
  items: Record<string, number>;
  lines: Bilingual[];
};

export type ProgramOutcome = {
  awards: RuleOutcome[];
  scores: SchemeOutcome[];
  totals: { total: number; byRule: Record<string, number>; byClass: Partial<Record<InstitutionClass, number>> };
};

/**
 * A program's content checked: the problems found, each naming the path (e.g. `rules[2].bands[0].amount`),
 * in English (`message`, also what a 400's `fields[].messages` carry) and in Chinese (`messageZh`).
 */
export type ProgramProblem = { path: string; message: string; messageZh: string };

// ---- what the server stores and answers ----

export const REPORTING_CADENCES = ['monthly', 'quarterly', 'custom'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

export const REWARD_PERIOD_STATES = ['open', 'closed'] as const;
export type RewardPeriodState = (typeof REWARD_PERIOD_STATES)[number];

/** A reporting period (统计期) of an event: the forms owed for it and their progress. */
export type RewardPeriod = {
  id: string;
  eventId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  cadence: ReportingCadence;
  /** The forms are due at the end of this day, in the event's time zone. */
  dueOn: string;
  classes: InstitutionClass[];
  state: RewardPeriodState;
  forms: { owed: number; submitted: number; accepted: number; returned: number; overdue: number };
  version: number;
  createdAt: string;
};

export type RewardPeriodInput = {
  name: string;
  startsOn: string;
  endsOn: string;
  cadence: ReportingCadence;
  dueOn: string;
  classes: InstitutionClass[];
};

/** One filed version of a form (every version is kept). */
export type StatisticsFormVersion = { n: number; figures: StatisticsFigures; submittedAt: string; submittedBy: string };

/** An institution's form for a period: what it owes (state, timing, return reason), its figures and the platform's. */
export type StatisticsForm = {
  /** The obligation's id: reviewed through POST /obligations/:id/review. */
  id: string;
  periodId: string;
  periodName: string;
  periodSpan: PeriodSpan;
  organisationId: string;
  organisationName: string;
  class: InstitutionClass;
  obligation: Obligation;
  /** The draft being edited, else the latest filed figures. */
  figures: StatisticsFigures;
  /** What the platform knows of the same institution, beside the reported figures. */
  platform: Partial<Record<PlatformFigure, number>>;
  versions: StatisticsFormVersion[];
  /** Accepted by an organiser: its latest version is the confirmed figures. */
  confirmed: boolean;
};

export type StatisticsFormRow = Omit<StatisticsForm, 'versions' | 'obligation' | 'periodSpan'> & {
  state: Obligation['state'];
  timing: Obligation['timing'];
  dueOn: string;
  returnReason: string | null;
  version: number;
};

export type StatisticsFormListQuery = { state?: string; class?: InstitutionClass; q?: string; page?: number; pageSize?: number };

/** Saves a draft or files the form: figures by field key, on the obligation's version read. */
export type StatisticsFormInput = { figures: StatisticsFigures; version: number };

export const REWARD_PROGRAM_STATES = ['draft', 'published', 'superseded'] as const;
export type RewardProgramState = (typeof REWARD_PROGRAM_STATES)[number];

/** A reward program (奖励办法): draft while edited, frozen once published; a new version supersedes it. */
export type RewardProgram = {
  id: string;
  eventId: string;
  name: string;
  /** Versions of one program share a lineage; 1, 2, … */
  lineage: string;
  versionNo: number;
  state: RewardProgramState;
  content: RewardProgramContent;
  publishedAt: string | null;
  publishedBy: string | null;
  /** Optimistic concurrency on edits. */
  version: number;
  createdAt: string;
};

export type RewardProgramInput = { name: string; content: RewardProgramContent };
export type RewardProgramUpdateInput = RewardProgramInput & { version: number };

export const REWARD_RUN_STATES = ['computed', 'approved', 'superseded'] as const;
export type RewardRunState = (typeof REWARD_RUN_STATES)[number];

/** One institution's change from the previous run of the same period. */
export type RewardRunChange = { organisationId: string; name: string; before: number; after: number };

/** A calculation run of a published program over a period's confirmed figures. */
export type RewardRun = {
  id: string;
  periodId: string;
  programId: string;
  programName: string;
  programVersionNo: number;
  /** 1, 2, … per period. */
  seq: number;
  state: RewardRunState;
  /** Institutions whose confirmed figures entered the run, and those left out (not confirmed). */
  institutions: number;
  unconfirmed: number;
  totals: ProgramOutcome['totals'];
  changes: RewardRunChange[];
  computedAt: string;
  computedBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
  version: number;
};

/** One institution in a run: its awards per rule with reasons, its scores, and payment. */
export type RewardAward = {
  runId: string;
  /** The run's period and the program it ran, so an award reads on its own. */
  periodName: string;
  programName: string;
  organisationId: string;
  organisationName: string;
  class: InstitutionClass;
  amount: number;
  outcomes: RuleOutcome[];
  scores: SchemeOutcome[];
  /** Recorded for payment once the run is approved; confirmed by the finance department. */
  paidAt: string | null;
  paidBy: string | null;
  paymentReference: string | null;
};

export type RewardAwardListQuery = { class?: InstitutionClass; q?: string; page?: number; pageSize?: number };

export type RewardRunInput = { programId: string };
export type RewardRunApproveInput = { version: number };
export type RewardPaymentInput = { reference: string };

/** The public scoreboard: which figure ranks the event's banks. */
export const SCOREBOARD_FIGURES = [
  'platform.signedLoans',
  'platform.disbursed',
  'platform.ratingAverage',
  'industryLoanIncrement',
  'smallMicroLoanIncrement',
] as const;
export type ScoreboardFigure = (typeof SCOREBOARD_FIGURES)[number];

export type ScoreboardRow = { rank: number; tied: number; organisationId: string; name: string; value: number };
export type Scoreboard = {
  eventId: string;
  eventName: string;
  /** The event's IANA time zone, in which `updatedAt` is shown. */
  timeZone: string;
  figure: ScoreboardFigure;
  rows: ScoreboardRow[];
  updatedAt: string;
};
export type ScoreboardSettingsInput = { figure: ScoreboardFigure };

// ---- ratings of institutions by the enterprises that dealt with them ----

/** What an enterprise dealt with the institution on: an application answered, a meeting held, a loan disbursed. */
export const RATING_DEALINGS = ['application', 'meeting', 'disbursement'] as const;
export type RatingDealing = (typeof RATING_DEALINGS)[number];

/** Scores 1–5. */
export type InstitutionRatingInput = {
  dealing: RatingDealing;
  /** The application, meeting or agreement id. */
  dealingId: string;
  speed: number;
  attitude: number;
  terms: number;
  comment?: string;
};

/** A rating as its institution sees it: no rater named. */
export type InstitutionRating = {
  id: string;
  dealing: RatingDealing;
  speed: number;
  attitude: number;
  terms: number;
  comment: string | null;
  createdAt: string;
};

/** What an enterprise may still rate, and what it has rated. */
export type RatableDealing = {
  dealing: RatingDealing;
  dealingId: string;
  institutionId: string;
  institutionName: string;
  title: string;
  at: string;
  rating: InstitutionRating | null;
};

export type InstitutionRatingSummary = {
  organisationId: string;
  name: string;
  count: number;
  /** Averages to two decimals; null when none. */
  speed: number | null;
  attitude: number | null;
  terms: number | null;
  overall: number | null;
};
