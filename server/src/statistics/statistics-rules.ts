import { STATISTICS_FORMS, type InstitutionClass, type StatisticsField, type StatisticsFigures } from '@duijie/shared';
import type { RuleProblem } from '../common/problems';

// The checks of a statistics form's figures against its class's fields (STATISTICS_FORMS): every
// key a field of the form, each value of the field's type and range; on filing, the required ones
// present and a new or increased capital with its approval (and the new capital).

/** The most a yuan figure may hold: 1e15 yuan (a thousand trillion), far above any institution's. */
export const MAX_FIGURE_YUAN = 1e15;
/** Basis points: 0 to 100%. */
export const MAX_FIGURE_BP = 10_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value) && value >= '1900-01-01' && value <= '2999-12-31';
}

function valueProblem(field: StatisticsField, value: unknown): string | null {
  switch (field.type) {
    case 'yuan':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FIGURE_YUAN
        ? null
        : `must be a whole number of yuan from 0 to ${MAX_FIGURE_YUAN}`;
    case 'bp':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_FIGURE_BP
        ? null
        : `must be a whole number of basis points from 0 to ${MAX_FIGURE_BP} (100%)`;
    case 'day':
      return typeof value === 'string' && isRealDay(value) ? null : 'must be a date written YYYY-MM-DD';
    case 'choice':
      return typeof value === 'string' && (field.choices ?? []).some((c) => c.value === value)
        ? null
        : `must be one of ${(field.choices ?? []).map((c) => c.value).join(', ')}`;
  }
}

/**
 * What is wrong with these figures for the class's form, each naming `figures.<key>`. A draft
 * may leave any field empty (null or absent); filing (`complete`) needs every required field and
 * the capital event's details.
 */
export function figuresProblems(cls: InstitutionClass, figures: StatisticsFigures, complete: boolean): RuleProblem[] {
  const fields = STATISTICS_FORMS[cls];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: RuleProblem[] = [];
  for (const key of Object.keys(figures)) {
    if (!byKey.has(key)) problems.push({ field: `figures.${key}`, message: 'is not a field of this form' });
  }
  for (const field of fields) {
    const value = figures[field.key];
    if (value === null || value === undefined) {
      if (complete && field.required) problems.push({ field: `figures.${field.key}`, message: 'is required' });
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push({ field: `figures.${field.key}`, message: problem });
  }
  if (complete && byKey.has('capitalEvent')) {
    const event = figures.capitalEvent;
    if ((event === 'new' || event === 'increase') && (figures.capitalApprovedOn === null || figures.capitalApprovedOn === undefined)) {
      problems.push({ field: 'figures.capitalApprovedOn', message: 'is required for a new institution or a capital increase' });
    }
    if (event === 'increase' && (figures.newCapital === null || figures.newCapital === undefined)) {
      problems.push({ field: 'figures.newCapital', message: 'is required for a capital increase' });
    }
  }
  return problems;
}

/** The figures as stored when filed: every field of the form, null where empty, in the form's order. */
export function completeFigures(cls: InstitutionClass, figures: StatisticsFigures): StatisticsFigures {
  return Object.fromEntries(STATISTICS_FORMS[cls].map((f) => [f.key, figures[f.key] ?? null]));
}
