import { completeFigures, figuresProblems } from './statistics-rules';

const bank = {
  industryLoanBalance: 12_000_000_000,
  industryLoanIncrement: 1_500_000_000,
  industryLoanBalanceLastYear: 10_000_000_000,
  industryLoanIncrementLastYear: 1_000_000_000,
  smallMicroLoanIncrement: 300_000_000,
  smallMicroLoanIncrementLastYear: 200_000_000,
  smallMicroNplBp: 250,
};
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('statistics form figures against the class’s fields', () => {
  it('accepts a complete bank form, and a partial one as a draft', () => {
    expect(figuresProblems('bank', bank, true)).toEqual([]);
    expect(figuresProblems('bank', { industryLoanBalance: 1 }, false)).toEqual([]);
    expect(fields(figuresProblems('bank', { industryLoanBalance: 1 }, true))).toEqual([
      'figures.industryLoanIncrement',
      'figures.industryLoanBalanceLastYear',
      'figures.industryLoanIncrementLastYear',
      'figures.smallMicroLoanIncrement',
      'figures.smallMicroLoanIncrementLastYear',
      'figures.smallMicroNplBp',
    ]);
  });

  it('refuses keys of another form, fractions, negatives and amounts beyond 1e15 yuan', () => {
    expect(fields(figuresProblems('bank', { ...bank, loanVolume: 1 }, true))).toEqual(['figures.loanVolume']);
    expect(fields(figuresProblems('bank', { ...bank, industryLoanBalance: 0.5 }, true))).toEqual(['figures.industryLoanBalance']);
    expect(fields(figuresProblems('bank', { ...bank, industryLoanBalance: -1 }, false))).toEqual(['figures.industryLoanBalance']);
    expect(figuresProblems('bank', { ...bank, industryLoanBalance: 1e15 }, true)).toEqual([]);
    expect(fields(figuresProblems('bank', { ...bank, industryLoanBalance: 1e15 + 1 }, true))).toEqual(['figures.industryLoanBalance']);
  });

  it('takes basis points from 0 to 10,000 (100%)', () => {
    expect(figuresProblems('bank', { ...bank, smallMicroNplBp: 0 }, true)).toEqual([]);
    expect(figuresProblems('bank', { ...bank, smallMicroNplBp: 10_000 }, true)).toEqual([]);
    expect(fields(figuresProblems('bank', { ...bank, smallMicroNplBp: 10_001 }, true))).toEqual(['figures.smallMicroNplBp']);
    expect(fields(figuresProblems('bank', { ...bank, smallMicroNplBp: 2.5 }, true))).toEqual(['figures.smallMicroNplBp']);
  });

  it('needs the approval day for a new institution, and the new capital too for an increase; days must be real', () => {
    const base = { registeredCapital: 500_000_000, capitalEvent: 'none', loanVolume: 1, loanVolumeLastYear: 1 };
    expect(figuresProblems('microlender', base, true)).toEqual([]);
    expect(fields(figuresProblems('microlender', { ...base, capitalEvent: 'new' }, true))).toEqual(['figures.capitalApprovedOn']);
    expect(figuresProblems('microlender', { ...base, capitalEvent: 'new', capitalApprovedOn: '2026-11-02' }, true)).toEqual([]);
    expect(fields(figuresProblems('microlender', { ...base, capitalEvent: 'increase', capitalApprovedOn: '2026-11-02' }, true))).toEqual([
      'figures.newCapital',
    ]);
    expect(fields(figuresProblems('microlender', { ...base, capitalEvent: 'new', capitalApprovedOn: '2026-02-29' }, true))).toEqual([
      'figures.capitalApprovedOn',
    ]);
    expect(fields(figuresProblems('microlender', { ...base, capitalEvent: 'closed' }, true))).toEqual(['figures.capitalEvent']);
    // A draft may leave them out.
    expect(figuresProblems('microlender', { capitalEvent: 'increase' }, false)).toEqual([]);
  });

  it('lets an enterprise file an empty form (every field optional) and stores every field, null where empty', () => {
    expect(figuresProblems('enterprise', {}, true)).toEqual([]);
    expect(completeFigures('enterprise', { trustFinancing: 5_000_000 })).toEqual({
      bondFinancing: null,
      leasingFinancing: null,
      trustFinancing: 5_000_000,
      intermediaryFees: null,
      billDiscountFees: null,
    });
  });
});
