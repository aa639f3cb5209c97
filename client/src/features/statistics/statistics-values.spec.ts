import { STATISTICS_FORMS } from '@duijie/shared';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  changedFields,
  decimalsOf,
  fieldRequired,
  fieldShown,
  figureAliases,
  formatFigure,
  numberProblem,
  percentToBp,
  periodDefaults,
  platformEntries,
  timingTag,
  toFigures,
  toFormValues,
} from './statistics-values';

const bank = STATISTICS_FORMS.bank;
const guarantor = STATISTICS_FORMS.guarantor;

describe('decimalsOf', () => {
  it('counts the decimals typed, including numbers JavaScript writes with an exponent', () => {
    expect(decimalsOf(3)).toBe(0);
    expect(decimalsOf(1.2345)).toBe(4);
    expect(decimalsOf(0.00001)).toBe(5);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1e21)).toBe(0);
  });
});

describe('percentToBp and bpToPercent', () => {
  it('converts on the decimal value, not the binary one', () => {
    expect(percentToBp(3.85)).toBe(385);
    expect(percentToBp(1.005)).toBe(101);
    expect(percentToBp(0.29)).toBe(29);
    expect(percentToBp(4.35)).toBe(435);
    expect(percentToBp(0)).toBe(0);
    expect(bpToPercent(385)).toBe(3.85);
    expect(bpToPercent(29)).toBe(0.29);
  });

  it('round-trips every two-decimal percentage', () => {
    for (let bp = 0; bp <= 10_000; bp += 7) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});

describe('numberProblem', () => {
  it('takes 万元 with up to four decimals and % with up to two', () => {
    expect(numberProblem('yuan', 1.2345)).toBeNull();
    expect(numberProblem('yuan', 1.23456)).toBe('decimals');
    expect(numberProblem('bp', 3.85)).toBeNull();
    expect(numberProblem('bp', 3.855)).toBe('decimals');
  });

  it('refuses negatives and values beyond what the server stores (10^15 yuan, 100%)', () => {
    expect(numberProblem('yuan', -1)).toBe('negative');
    expect(numberProblem('yuan', 100_000_000_000)).toBeNull();
    expect(numberProblem('yuan', 100_000_000_000.0001)).toBe('max');
    expect(numberProblem('bp', 100)).toBeNull();
    expect(numberProblem('bp', 100.01)).toBe('max');
  });
});

describe('toFigures', () => {
  it('gives integer yuan from 万元 and basis points from %, exactly', () => {
    const figures = toFigures(bank, {
      industryLoanBalance: 123456.7891,
      industryLoanIncrement: 0.1,
      industryLoanBalanceLastYear: 2.675,
      industryLoanIncrementLastYear: 0,
      smallMicroLoanIncrement: 3500.07,
      smallMicroLoanIncrementLastYear: 1,
      smallMicroNplBp: 2.35,
    });
    expect(figures).toEqual({
      industryLoanBalance: 1_234_567_891,
      industryLoanIncrement: 1_000,
      industryLoanBalanceLastYear: 26_750,
      industryLoanIncrementLastYear: 0,
      smallMicroLoanIncrement: 35_000_700,
      smallMicroLoanIncrementLastYear: 10_000,
      smallMicroNplBp: 235,
    });
    for (const v of Object.values(figures)) expect(Number.isInteger(v)).toBe(true);
  });

  it('sends every field of the class, null where blank', () => {
    const figures = toFigures(bank, { industryLoanBalance: 5, industryLoanIncrement: undefined, smallMicroNplBp: null });
    expect(Object.keys(figures)).toEqual(bank.map((f) => f.key));
    expect(figures.industryLoanBalance).toBe(50_000);
    expect(figures.industryLoanIncrement).toBeNull();
    expect(figures.smallMicroNplBp).toBeNull();
  });

  it('writes days as YYYY-MM-DD and keeps the capital details only for a new institution or an increase', () => {
    const increase = toFigures(guarantor, {
      registeredCapital: 50000,
      capitalEvent: 'increase',
      newCapital: 10000,
      capitalApprovedOn: dayjs('2026-10-15'),
      guaranteeVolume: 20000,
      guaranteeVolumeLastYear: 15000,
    });
    expect(increase).toMatchObject({ capitalEvent: 'increase', newCapital: 100_000_000, capitalApprovedOn: '2026-10-15', registeredCapital: 500_000_000 });
    const none = toFigures(guarantor, { registeredCapital: 50000, capitalEvent: 'none', newCapital: 10000, capitalApprovedOn: dayjs('2026-10-15') });
    expect(none.newCapital).toBeNull();
    expect(none.capitalApprovedOn).toBeNull();
  });
});

describe('toFormValues', () => {
  it('shows stored yuan in 万元, basis points in %, days as picker values, and round-trips', () => {
    const stored = {
      registeredCapital: 500_012_345,
      capitalEvent: 'new',
      newCapital: null,
      capitalApprovedOn: '2026-11-02',
      guaranteeVolume: 1,
      guaranteeVolumeLastYear: 0,
    };
    const values = toFormValues(guarantor, stored);
    expect(values.registeredCapital).toBe(50001.2345);
    expect(values.guaranteeVolume).toBe(0.0001);
    expect(values.capitalEvent).toBe('new');
    expect(dayjs.isDayjs(values.capitalApprovedOn)).toBe(true);
    expect(values.newCapital).toBeNull();
    expect(toFigures(guarantor, values)).toEqual(stored);
    expect(toFormValues(bank, { smallMicroNplBp: 235 }).smallMicroNplBp).toBe(2.35);
  });
});

describe('fieldShown and fieldRequired', () => {
  const newCapital = guarantor.find((f) => f.key === 'newCapital')!;
  const approvedOn = guarantor.find((f) => f.key === 'capitalApprovedOn')!;
  const registered = guarantor.find((f) => f.key === 'registeredCapital')!;

  it('reveals the new capital and approval day for a new institution or a capital increase only', () => {
    expect(fieldShown(newCapital, { capitalEvent: 'none' })).toBe(false);
    expect(fieldShown(approvedOn, {})).toBe(false);
    expect(fieldShown(newCapital, { capitalEvent: 'new' })).toBe(true);
    expect(fieldShown(approvedOn, { capitalEvent: 'increase' })).toBe(true);
    expect(fieldShown(registered, { capitalEvent: 'none' })).toBe(true);
  });

  it('requires the approval day for new and increase, the new capital for an increase, as the server does', () => {
    expect(fieldRequired(approvedOn, { capitalEvent: 'new' })).toBe(true);
    expect(fieldRequired(approvedOn, { capitalEvent: 'increase' })).toBe(true);
    expect(fieldRequired(newCapital, { capitalEvent: 'new' })).toBe(false);
    expect(fieldRequired(newCapital, { capitalEvent: 'increase' })).toBe(true);
    expect(fieldRequired(registered, {})).toBe(true);
    expect(fieldRequired(STATISTICS_FORMS.enterprise[0], {})).toBe(false);
  });
});

describe('figureAliases', () => {
  it('maps the API field names figures.<key> to the form fields', () => {
    expect(figureAliases(bank)['figures.smallMicroNplBp']).toEqual(['smallMicroNplBp']);
  });
});

describe('formatFigure', () => {
  it('shows amounts in 万元 to four decimals, ratios as %, choices by their label', () => {
    const balance = bank[0];
    expect(formatFigure(balance, 1_234_567_891, 'zh-CN')).toBe('123,456.7891万元');
    expect(formatFigure(balance, 50_000_000, 'zh-CN')).toBe('5,000万元');
    expect(formatFigure(balance, null, 'zh-CN')).toBe('—');
    expect(formatFigure(bank[6], 235, 'zh-CN')).toBe('2.35%');
    const event = guarantor.find((f) => f.key === 'capitalEvent')!;
    expect(formatFigure(event, 'increase', 'zh-CN')).toBe('增资扩股');
    expect(formatFigure(event, 'increase', 'en')).toBe('Capital increase');
  });
});

describe('changedFields', () => {
  it('names the fields whose figures differ between versions, empty and absent alike', () => {
    expect([...changedFields({ a: 1, b: 'x', c: null }, { a: 2, b: 'x' })]).toEqual(['a']);
    expect([...changedFields({ a: 1 }, { a: 1, d: 5 })]).toEqual(['d']);
    expect(changedFields(null, { a: 1 }).size).toBe(0);
  });
});

describe('periodDefaults', () => {
  it('ends a monthly period on the last day of its month, a quarterly one at the end of its quarter', () => {
    expect(periodDefaults('monthly', '2026-02-01')).toMatchObject({ endsOn: '2026-02-28', name: { year: 2026, month: 2 } });
    expect(periodDefaults('quarterly', '2026-10-01')).toMatchObject({ endsOn: '2026-12-31', name: { year: 2026, quarter: 4 } });
    expect(periodDefaults('quarterly', '2026-05-10')).toMatchObject({ endsOn: '2026-06-30', name: { year: 2026, quarter: 2 } });
  });

  it('keeps the end given for a custom period, and needs one', () => {
    expect(periodDefaults('custom', '2011-12-01', '2012-03-31')?.endsOn).toBe('2012-03-31');
    expect(periodDefaults('custom', '2011-12-01')).toBeNull();
  });

  it('sets the due day ten working days after the end', () => {
    const d = periodDefaults('monthly', '2026-11-01');
    expect(d?.endsOn).toBe('2026-11-30');
    // 2026-11-30 is a Monday: ten working days on is Monday 14 December.
    expect(d?.dueOn).toBe('2026-12-14');
  });
});

describe('timingTag', () => {
  it('shows overdue or due soon while owed, filed late once filed after the due day, nothing when on time', () => {
    expect(timingTag('open', 'overdue')).toBe('overdue');
    expect(timingTag('returned', 'due_soon')).toBe('due_soon');
    expect(timingTag('open', 'on_time')).toBeNull();
    expect(timingTag('submitted', 'overdue')).toBe('late');
    expect(timingTag('accepted', 'on_time')).toBeNull();
    expect(timingTag('waived', 'overdue')).toBeNull();
  });
});

describe('platformEntries', () => {
  it('lists the figures the platform knows in a steady order', () => {
    expect(platformEntries({ 'platform.ratingAverage': 4.5, 'platform.signedLoans': 100 }).map((e) => e.key)).toEqual([
      'platform.signedLoans',
      'platform.ratingAverage',
    ]);
    expect(platformEntries({})).toEqual([]);
  });
});
