import {
  wanToYuan,
  yuanToWan,
  type FinancingPurpose,
  type SurveyAnswers,
  type SurveyAnswerValue,
  type SurveyListingType,
  type SurveyQuestion,
} from '@duijie/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldAliases } from '../../api/form-errors';

/** The answer form: the listing part as the listing form names it (goods, financing in 万元), and the questions by id. */
export type AnswerFormValues = {
  title?: string;
  description?: string;
  goods?: {
    category?: string;
    specification?: string;
    quantity?: number;
    unit?: string;
    priceMin?: number | null;
    priceMax?: number | null;
    deliveryFrom?: Dayjs | null;
    deliveryTo?: Dayjs | null;
    region?: string;
  };
  financing?: { amount?: number; termMonths?: number; purpose?: FinancingPurpose; collateral?: string; guaranteeNeeded?: boolean };
  questions?: Record<string, SurveyAnswerValue | undefined>;
};

const GOODS_FIELDS = ['category', 'specification', 'quantity', 'unit', 'priceMin', 'priceMax', 'deliveryFrom', 'deliveryTo', 'region'] as const;
const FINANCING_FIELDS = ['amount', 'termMonths', 'purpose', 'collateral', 'guaranteeNeeded'] as const;

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined && value !== '';

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What the form holds as the answers the API stores (a draft may be incomplete: what is blank is left out). */
export function toAnswers(listingType: SurveyListingType | null, questions: readonly SurveyQuestion[], values: AnswerFormValues): SurveyAnswers {
  const answers: SurveyAnswers = {};
  if (listingType !== null) {
    const title = values.title?.trim();
    const description = values.description?.trim();
    const listing: NonNullable<SurveyAnswers['listing']> = compact({ title: title || undefined, description: description || undefined });
    if (listingType === 'financing_need') {
      const f = values.financing ?? {};
      listing.financing = compact({
        amount: present(f.amount) ? wanToYuan(f.amount) : undefined,
        termMonths: f.termMonths ?? undefined,
        purpose: f.purpose,
        collateral: f.collateral?.trim() || undefined,
        guaranteeNeeded: f.guaranteeNeeded ?? false,
      }) as NonNullable<SurveyAnswers['listing']>['financing'];
    } else {
      const g = values.goods ?? {};
      listing.goods = compact({
        category: g.category,
        specification: g.specification?.trim() || undefined,
        quantity: g.quantity ?? undefined,
        unit: g.unit,
        priceMin: present(g.priceMin) ? g.priceMin : null,
        priceMax: present(g.priceMax) ? g.priceMax : null,
        deliveryFrom: g.deliveryFrom ? g.deliveryFrom.format('YYYY-MM-DD') : null,
        deliveryTo: g.deliveryTo ? g.deliveryTo.format('YYYY-MM-DD') : null,
        region: g.region,
      }) as NonNullable<SurveyAnswers['listing']>['goods'];
    }
    answers.listing = listing;
  }
  const given: Record<string, SurveyAnswerValue> = {};
  for (const q of questions) {
    const v = values.questions?.[q.id];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    given[q.id] = typeof v === 'string' ? v.trim() : v;
  }
  answers.questions = given;
  return answers;
}

/** The form's starting values from the answers saved. */
export function fromAnswers(answers: SurveyAnswers): AnswerFormValues {
  const { listing, questions } = answers;
  const goods = listing?.goods;
  const financing = listing?.financing;
  return {
    title: listing?.title,
    description: listing?.description,
    goods: goods
      ? { ...goods, deliveryFrom: goods.deliveryFrom ? dayjs(goods.deliveryFrom) : null, deliveryTo: goods.deliveryTo ? dayjs(goods.deliveryTo) : null }
      : undefined,
    financing: financing ? { ...financing, amount: present(financing.amount) ? yuanToWan(financing.amount) : undefined } : undefined,
    questions: questions ?? {},
  };
}

/** The API names answer fields answers.listing.goods.quantity, answers.questions.q1; the form goods.quantity, questions.q1. */
export function answerAliases(questions: readonly SurveyQuestion[]): FieldAliases {
  const aliases: FieldAliases = { 'answers.listing.title': ['title'], 'answers.listing.description': ['description'] };
  for (const f of GOODS_FIELDS) aliases[`answers.listing.goods.${f}`] = ['goods', f];
  for (const f of FINANCING_FIELDS) aliases[`answers.listing.financing.${f}`] = ['financing', f];
  for (const q of questions) aliases[`answers.questions.${q.id}`] = ['questions', q.id];
  return aliases;
}

/** The next free question id: q1, q2 … */
export function nextQuestionId(questions: readonly Pick<SurveyQuestion, 'id'>[]): string {
  const used = new Set(questions.map((q) => q.id));
  let n = 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** A division picked in the recipient picker as the GB/T 2260 prefix the API filters by: 630000 → 63, 630100 → 6301. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
