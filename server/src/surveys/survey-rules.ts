import { MAX_SURVEY_TEXT_ANSWER, type SurveyAnswers, type SurveyListingType, type SurveyQuestion } from '@duijie/shared';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { RuleProblem } from '../common/problems';
import { flattenValidationErrors } from '../common/validation';
import { FinancingDto, GoodsDto } from '../listings/dto/listing.dto';
import { listingRangeProblems } from '../listings/listing-rules';

// What a response must carry to be filed, checked against its survey: the listing part of the
// survey's listing type (under the listing API's own rules) and the free questions. Each problem
// names its field (answers.listing.goods.quantity, answers.questions.q2) and, for a question, its label.

const MAX_NUMBER = 1e15;

/** The typed listing part a survey's listing type collects. */
export function listingPartOf(type: SurveyListingType): 'goods' | 'financing' {
  return type === 'financing_need' ? 'financing' : 'goods';
}

/** The questions of a survey are well formed: ids unique, choices only on choice questions. */
export function questionProblems(questions: readonly SurveyQuestion[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) problems.push({ field: `questions.${i}.id`, message: `repeats ${q.id}` });
    seen.add(q.id);
    if (q.type !== 'choice' && q.options !== undefined) problems.push({ field: `questions.${i}.options`, message: 'only a choice question has options' });
  });
  return problems;
}

export function answerProblems(survey: { listingType: SurveyListingType | null; questions: readonly SurveyQuestion[] }, answers: SurveyAnswers): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const allowed = new Set(['listing', 'questions']);
  for (const key of Object.keys(answers)) if (!allowed.has(key)) problems.push({ field: `answers.${key}`, message: 'is not a part of this survey' });
  problems.push(...listingAnswerProblems(survey.listingType, answers.listing));
  const given = answers.questions ?? {};
  if (typeof given !== 'object' || Array.isArray(given))
    return [...problems, { field: 'answers.questions', message: 'must be an object of answers by question id' }];
  const ids = new Set(survey.questions.map((q) => q.id));
  for (const key of Object.keys(given)) if (!ids.has(key)) problems.push({ field: `answers.questions.${key}`, message: 'is not a question of this survey' });
  for (const q of survey.questions) {
    const message = questionAnswerProblem(q, given[q.id]);
    if (message) problems.push({ field: `answers.questions.${q.id}`, message: `${q.label}: ${message}` });
  }
  return problems;
}

/** Each field of a listing part and the type a draft may hold in it (null: not answered yet). */
const DRAFT_LISTING_FIELDS: Record<'goods' | 'financing', Record<string, 'string' | 'number' | 'boolean'>> = {
  goods: {
    category: 'string',
    specification: 'string',
    quantity: 'number',
    unit: 'string',
    priceMin: 'number',
    priceMax: 'number',
    deliveryFrom: 'string',
    deliveryTo: 'string',
    region: 'string',
  },
  financing: { amount: 'number', termMonths: 'number', purpose: 'string', collateral: 'string', guaranteeNeeded: 'boolean' },
};
const MAX_DRAFT_TEXT = 5000;

/**
 * What a draft must be to be saved: the survey's shape, each value of its field's type (text,
 * a finite number, a yes/no, the options' text), nothing else. It may be incomplete, and a value
 * may break a rule its filing checks (that names the field then); but no organisation stores an
 * object or a list where the summary, the organisers' views and the guidance read a value.
 */
export function draftAnswerProblems(
  survey: { listingType: SurveyListingType | null; questions: readonly SurveyQuestion[] },
  answers: SurveyAnswers,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const key of Object.keys(answers))
    if (key !== 'listing' && key !== 'questions') problems.push({ field: `answers.${key}`, message: 'is not a part of this survey' });
  const listing: unknown = answers.listing;
  if (listing !== undefined && listing !== null) {
    if (survey.listingType === null) problems.push({ field: 'answers.listing', message: 'this survey collects no listing' });
    else if (!isPlainObject(listing)) problems.push({ field: 'answers.listing', message: 'must be an object' });
    else {
      const part = listingPartOf(survey.listingType);
      for (const [key, value] of Object.entries(listing)) {
        const field = `answers.listing.${key}`;
        if (key === 'title' || key === 'description') {
          if (value !== null && (typeof value !== 'string' || value.length > MAX_DRAFT_TEXT)) problems.push({ field, message: 'must be text' });
        } else if (key !== part) {
          problems.push({ field, message: `does not apply (this survey collects ${part})` });
        } else if (value !== null && !isPlainObject(value)) {
          problems.push({ field, message: 'must be an object' });
        } else if (value !== null) {
          const types = DRAFT_LISTING_FIELDS[part];
          for (const [name, v] of Object.entries(value)) {
            const type = types[name];
            if (!type) problems.push({ field: `${field}.${name}`, message: `is not a field of ${part}` });
            else if (v !== null && !isOfType(v, type))
              problems.push({ field: `${field}.${name}`, message: `must be ${type === 'string' ? 'text' : `a ${type}`}` });
          }
        }
      }
    }
  }
  const given: unknown = answers.questions;
  if (given === undefined || given === null) return problems;
  if (!isPlainObject(given)) return [...problems, { field: 'answers.questions', message: 'must be an object of answers by question id' }];
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(given)) {
    const q = byId.get(id);
    if (!q) problems.push({ field: `answers.questions.${id}`, message: 'is not a question of this survey' });
    else if (value !== null && !draftAnswerFits(q, value)) {
      problems.push({
        field: `answers.questions.${id}`,
        message: `${q.label}: must be ${q.type === 'number' ? 'a number' : q.type === 'text' ? 'text' : 'among the options'}`,
      });
    }
  }
  return problems;
}

function draftAnswerFits(q: SurveyQuestion, value: unknown): boolean {
  switch (q.type) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_SURVEY_TEXT_ANSWER;
    case 'number':
      return isOfType(value, 'number');
    case 'choice':
      return typeof value === 'string' || (Array.isArray(value) && value.length <= (q.options?.length ?? 0) && value.every((v) => typeof v === 'string'));
  }
}

function isOfType(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'string') return typeof value === 'string' && value.length <= MAX_DRAFT_TEXT;
  return typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listingAnswerProblems(type: SurveyListingType | null, listing: SurveyAnswers['listing']): RuleProblem[] {
  if (type === null) return listing === undefined || listing === null ? [] : [{ field: 'answers.listing', message: 'this survey collects no listing' }];
  if (listing === undefined || listing === null || typeof listing !== 'object' || Array.isArray(listing)) {
    return [{ field: 'answers.listing', message: `is required: this survey collects a ${type} listing` }];
  }
  const part = listingPartOf(type);
  const problems: RuleProblem[] = [];
  for (const key of Object.keys(listing)) {
    if (!['title', 'description', part].includes(key))
      problems.push({ field: `answers.listing.${key}`, message: `does not apply (this survey collects ${part})` });
  }
  if (listing.title !== undefined && (typeof listing.title !== 'string' || listing.title.length > 200)) {
    problems.push({ field: 'answers.listing.title', message: 'must be text of at most 200 characters' });
  }
  if (listing.description !== undefined && (typeof listing.description !== 'string' || listing.description.length > 5000)) {
    problems.push({ field: 'answers.listing.description', message: 'must be text of at most 5000 characters' });
  }
  const value = listing[part];
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [...problems, { field: `answers.listing.${part}`, message: 'is required' }];
  }
  const dto: object = part === 'goods' ? plainToInstance(GoodsDto, value) : plainToInstance(FinancingDto, value);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  for (const e of flattenValidationErrors(errors, `answers.listing.${part}`)) problems.push({ field: e.field, message: e.messages[0] });
  if (errors.length === 0 && part === 'goods') {
    for (const p of listingRangeProblems({ goods: listing.goods })) problems.push({ field: `answers.listing.${p.field}`, message: p.message });
  }
  return problems;
}

function questionAnswerProblem(q: SurveyQuestion, value: unknown): string | null {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return q.required ? 'is required' : null;
  switch (q.type) {
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_SURVEY_TEXT_ANSWER ? `must be at most ${MAX_SURVEY_TEXT_ANSWER} characters` : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return Math.abs(value) > MAX_NUMBER ? 'is too large' : null;
    case 'choice': {
      const options = q.options ?? [];
      if (q.multiple) {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'must be a list of the options offered';
        if (new Set(value).size !== value.length) return 'must not repeat an option';
        return value.every((v) => options.includes(v as string)) ? null : `must be among: ${options.join(', ')}`;
      }
      return typeof value === 'string' && options.includes(value) ? null : `must be one of: ${options.join(', ')}`;
    }
  }
}
