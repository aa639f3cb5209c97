import {
  countWorkingDays,
  formatCny,
  formatRateBp,
  wanToYuan,
  yuanToWan,
  type ObligationTiming,
  type PlatformFigure,
  type ReportingCadence,
  type StatisticsField,
  type StatisticsFigures,
} from '@duijie/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldAliases } from '../../api/form-errors';

/** A field's value on the form: 万元 or % as typed (numbers), a picked day, a choice; empty is null. */
export type FigureFormValue = number | string | Dayjs | null | undefined;
export type FigureFormValues = Record<string, FigureFormValue>;

/** The most 万元 a form takes (1,000亿万元 = 10^15 yuan, safely below 2^53). */
export const MAX_WAN = 100_000_000_000;
export const WAN_DECIMALS = 4;
export const PERCENT_DECIMALS = 2;

/** How many decimals a typed number has (1.2345 → 4, 1e-7 → 7, 3 → 0). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = String(Math.abs(value));
  const [mantissa, exponent] = text.split('e');
  const fraction = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Shifts a decimal number's point by `places` on its decimal text, so 1.005 × 100 is 100.5, not 100.49999. */
function shift(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/** 3.85 (%) → 385 basis points, exactly on the decimal value (half away from zero). */
export function percentToBp(percent: number): number {
  const shifted = shift(percent, 2);
  const bp = Math.sign(shifted) * Math.round(Math.abs(shifted));
  return bp === 0 ? 0 : bp;
}

/** 385 basis points → 3.85 (%). */
export function bpToPercent(bp: number): number {
  return shift(bp, -2);
}

/** Why a typed amount or percentage cannot be filed ('negative', 'decimals', 'max'), or null when it can. */
export function numberProblem(type: 'yuan' | 'bp', value: number): 'negative' | 'decimals' | 'max' | null {
  if (value < 0) return 'negative';
  if (decimalsOf(value) > (type === 'yuan' ? WAN_DECIMALS : PERCENT_DECIMALS)) return 'decimals';
  if (value > (type === 'yuan' ? MAX_WAN : 100)) return 'max';
  return null;
}

/** The capital fields are asked only of institutions newly set up or that raised their capital. */
const CAPITAL_FIELDS = ['newCapital', 'capitalApprovedOn'];

/** Whether a field is shown with these values: newCapital and capitalApprovedOn only when capitalEvent is new or increase. */
export function fieldShown(field: Pick<StatisticsField, 'key'>, values: FigureFormValues): boolean {
  if (!CAPITAL_FIELDS.includes(field.key)) return true;
  const event = values.capitalEvent;
  return event === 'new' || event === 'increase';
}

/**
 * Whether a shown field must be filled to file: the field's own mark, and the approval date for a
 * new institution or a capital increase, the new capital for an increase.
 */
export function fieldRequired(field: Pick<StatisticsField, 'key' | 'required'>, values: FigureFormValues): boolean {
  if (field.required) return true;
  if (field.key === 'capitalApprovedOn') return values.capitalEvent === 'new' || values.capitalEvent === 'increase';
  if (field.key === 'newCapital') return values.capitalEvent === 'increase';
  return false;
}

const blank = (v: FigureFormValue): v is null | undefined | '' => v === null || v === undefined || v === '';

/** The form's starting values from stored figures: yuan as 万元, basis points as %, days as day pickers' values. */
export function toFormValues(fields: readonly StatisticsField[], figures: StatisticsFigures): FigureFormValues {
  const values: FigureFormValues = {};
  for (const f of fields) {
    const v = figures[f.key];
    if (v === null || v === undefined || v === '') values[f.key] = null;
    else if (f.type === 'yuan') values[f.key] = typeof v === 'number' ? yuanToWan(v) : null;
    else if (f.type === 'bp') values[f.key] = typeof v === 'number' ? bpToPercent(v) : null;
    else if (f.type === 'day') values[f.key] = typeof v === 'string' && dayjs(v, 'YYYY-MM-DD').isValid() ? dayjs(v) : null;
    else values[f.key] = String(v);
  }
  return values;
}

/**
 * The figures the API stores from the form: every field of the class, integer yuan from 万元,
 * basis points from %, YYYY-MM-DD days; blank and hidden fields are null.
 */
export function toFigures(fields: readonly StatisticsField[], values: FigureFormValues): StatisticsFigures {
  const figures: StatisticsFigures = {};
  for (const f of fields) {
    const v = values[f.key];
    if (blank(v) || !fieldShown(f, values)) {
      figures[f.key] = null;
      continue;
    }
    switch (f.type) {
      case 'yuan':
        figures[f.key] = typeof v === 'number' ? wanToYuan(v) : null;
        break;
      case 'bp':
        figures[f.key] = typeof v === 'number' ? percentToBp(v) : null;
        break;
      case 'day':
        figures[f.key] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : typeof v === 'string' ? v : null;
        break;
      case 'choice':
        figures[f.key] = typeof v === 'string' ? v : null;
        break;
    }
  }
  return figures;
}

/** The API names a figure's error `figures.<key>`; the form names the field by its key. */
export function figureAliases(fields: readonly StatisticsField[]): FieldAliases {
  return Object.fromEntries(fields.map((f) => [`figures.${f.key}`, [f.key]]));
}

/** A stored figure as text: yuan in 万元 (to 4 decimals), bp as %, days and choices as they are; empty is —. */
export function formatFigure(field: StatisticsField, value: number | string | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.type === 'yuan' && typeof value === 'number') return formatCny(value, lang, { unit: lang === 'zh-CN' ? 'wan' : 'auto', digits: 4 });
  if (field.type === 'bp' && typeof value === 'number') return formatRateBp(value);
  if (field.type === 'choice') {
    const choice = field.choices?.find((c) => c.value === value);
    if (choice) return lang === 'zh-CN' ? choice.label.zh : choice.label.en;
  }
  return String(value);
}

/** How a platform figure is shown: an amount, a share, or a plain number (a rating average, a count). */
export function platformFigureType(key: PlatformFigure): 'yuan' | 'bp' | 'number' {
  switch (key) {
    case 'platform.signedLoans':
    case 'platform.disbursed':
    case 'platform.delivered':
    case 'platform.localDelivered':
      return 'yuan';
    case 'platform.localShareBp':
      return 'bp';
    case 'platform.ratingAverage':
    case 'platform.ratingCount':
      return 'number';
  }
}

/** The platform's figures for a form in a steady order, those it knows only. */
export function platformEntries(platform: Partial<Record<PlatformFigure, number>>): { key: PlatformFigure; value: number }[] {
  const order: PlatformFigure[] = [
    'platform.signedLoans',
    'platform.disbursed',
    'platform.delivered',
    'platform.localDelivered',
    'platform.localShareBp',
    'platform.ratingAverage',
    'platform.ratingCount',
  ];
  return order.flatMap((key) => {
    const value = platform[key];
    return typeof value === 'number' ? [{ key, value }] : [];
  });
}

/** The fields whose figures differ between two versions (a field absent from one counts as empty). */
export function changedFields(previous: StatisticsFigures | null | undefined, latest: StatisticsFigures): Set<string> {
  const changed = new Set<string>();
  if (!previous) return changed;
  const norm = (v: number | string | null | undefined) => (v === undefined || v === '' ? null : v);
  for (const key of new Set([...Object.keys(previous), ...Object.keys(latest)])) {
    if (norm(previous[key]) !== norm(latest[key])) changed.add(key);
  }
  return changed;
}

/** What a new period's form starts with, from its cadence and first day: the last day, the due day and a name. */
export type PeriodDefaults = { endsOn: string; dueOn: string; name: { year: number; month?: number; quarter?: number } };

/** Working days after a period's end by which its forms are due, unless the organiser picks another day. */
export const DUE_WORKING_DAYS = 10;

/**
 * A monthly period ends on the last day of its first day's month, a quarterly one on the last day
 * of its quarter (from the first day's month, so a period may start mid-quarter); custom keeps the
 * end given. Due DUE_WORKING_DAYS working days after the end.
 */
export function periodDefaults(cadence: ReportingCadence, startsOn: string, endsOn?: string): PeriodDefaults | null {
  const start = dayjs(startsOn, 'YYYY-MM-DD');
  if (!start.isValid()) return null;
  let end: Dayjs;
  let name: PeriodDefaults['name'];
  if (cadence === 'monthly') {
    end = start.endOf('month');
    name = { year: start.year(), month: start.month() + 1 };
  } else if (cadence === 'quarterly') {
    const quarter = Math.floor(start.month() / 3) + 1;
    end = start.month(quarter * 3 - 1).endOf('month');
    name = { year: start.year(), quarter };
  } else {
    if (!endsOn) return null;
    end = dayjs(endsOn, 'YYYY-MM-DD');
    if (!end.isValid()) return null;
    name = { year: start.year() };
  }
  const endDay = end.format('YYYY-MM-DD');
  return { endsOn: endDay, dueOn: countWorkingDays(endDay, DUE_WORKING_DAYS).day, name };
}

/** The timing tag a form shows: overdue or due soon while owed, filed late once filed after its due day; none when on time. */
export function timingTag(state: string, timing: ObligationTiming): 'overdue' | 'due_soon' | 'late' | null {
  const owed = state === 'open' || state === 'returned';
  if (owed) return timing === 'on_time' ? null : timing;
  return timing === 'overdue' && state !== 'waived' ? 'late' : null;
}

/** Whether the institution may still edit and file its form. */
export function formEditable(state: string, periodOpen = true): boolean {
  return periodOpen && (state === 'open' || state === 'returned');
}
