import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { listing } from '../../test/fixtures';
import { bpToPercent, fromListing, percentToBp, toListingInput, toListingUpdate } from './listing-values';

describe('percentToBp and bpToPercent', () => {
  it('converts a rate typed in % to basis points and back', () => {
    expect(percentToBp(3.85)).toBe(385);
    expect(percentToBp(4.35)).toBe(435);
    expect(bpToPercent(385)).toBe(3.85);
  });
});

describe('toListingInput', () => {
  it('sends a financing need typed in 万元 as whole yuan, with text trimmed', () => {
    const input = toListingInput('financing_need', {
      title: '  技改贷款 ',
      description: ' 设备更新 ',
      financing: { amount: 500, termMonths: 12, purpose: 'technical_upgrade', collateral: '  ', guaranteeNeeded: true },
    });
    expect(input).toEqual({
      type: 'financing_need',
      title: '技改贷款',
      description: '设备更新',
      financing: { amount: 5_000_000, termMonths: 12, purpose: 'technical_upgrade', collateral: undefined, guaranteeNeeded: true },
    });
  });

  it('sends a credit offer’s amounts in yuan and its rates in basis points', () => {
    const input = toListingInput('credit_offer', {
      title: '科创贷',
      credit: {
        amountMin: 100,
        amountMax: 3000.5,
        totalLine: 20000,
        termMinMonths: 6,
        termMaxMonths: 36,
        rateMinBp: 3.45,
        rateMaxBp: 4.2,
        guaranteeRequirement: 'none',
      },
    });
    expect(input.credit).toEqual({
      amountMin: 1_000_000,
      amountMax: 30_005_000,
      totalLine: 200_000_000,
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 345,
      rateMaxBp: 420,
      targetIndustries: [],
      targetSizes: [],
      guaranteeRequirement: 'none',
    });
    expect(input.description).toBe('');
  });

  it('sends a guarantee capacity in yuan and its fee rate in basis points', () => {
    expect(toListingInput('guarantee_offer', { title: '担保', guarantee: { capacity: 1.5, feeRateBp: 1.5 } }).guarantee).toEqual({
      capacity: 15_000,
      feeRateBp: 150,
      targetIndustries: [],
      targetSizes: [],
    });
  });

  it('sends and restores the sizes a guarantee product serves (面向企业规模); an old listing without them serves every size', () => {
    const sized = toListingInput('guarantee_offer', { title: '担保', guarantee: { capacity: 2, feeRateBp: 1, targetSizes: ['small', 'micro'] } });
    expect(sized.guarantee?.targetSizes).toEqual(['small', 'micro']);
    const held = listing({ type: 'guarantee_offer', guarantee: { capacity: 20_000, feeRateBp: 100, targetIndustries: [], targetSizes: ['medium'] } });
    expect(fromListing(held).guarantee).toEqual({ capacity: 2, feeRateBp: 1, targetIndustries: [], targetSizes: ['medium'] });
    const old = listing({ type: 'guarantee_offer', guarantee: { capacity: 20_000, feeRateBp: 100, targetIndustries: [] } });
    expect(fromListing(old).guarantee?.targetSizes).toEqual([]);
  });

  it('keeps goods prices in yuan per unit and sends delivery days as dates', () => {
    const input = toListingInput('supply', {
      title: '螺纹钢',
      goods: {
        category: 'steel',
        quantity: 200,
        unit: '吨',
        priceMin: 3500,
        priceMax: undefined,
        deliveryFrom: dayjs('2026-12-20T10:00:00'),
        deliveryTo: null,
        region: '320500',
      },
    });
    expect(input.goods).toEqual({
      category: 'steel',
      specification: undefined,
      quantity: 200,
      unit: '吨',
      priceMin: 3500,
      priceMax: null,
      deliveryFrom: '2026-12-20',
      deliveryTo: null,
      region: '320500',
    });
  });

  it('sends only the confidential figures given, converted, and no confidential part when all are empty', () => {
    const withFigures = toListingInput('financing_need', {
      title: 'x',
      confidential: { notes: ' 内部 ', annualRevenue: 1200, totalAssets: null, debtRatioPercent: 55, internalRateFloorBp: 3.1 },
    });
    expect(withFigures.confidential).toEqual({ notes: '内部', annualRevenue: 12_000_000, debtRatioPercent: 55, internalRateFloorBp: 310 });
    const empty = toListingInput('financing_need', { title: 'x', confidential: { notes: ' ', annualRevenue: undefined } });
    expect('confidential' in empty).toBe(false);
  });
});

describe('toListingUpdate', () => {
  it('sends the version it edits, and an empty confidential part to clear one that was there', () => {
    const held = listing({ version: 4, confidential: { notes: '旧备注' } });
    const update = toListingUpdate(held, { title: '新标题', financing: { amount: 80, termMonths: 6, purpose: 'project', guaranteeNeeded: false } });
    expect(update.version).toBe(4);
    expect(update.title).toBe('新标题');
    expect(update.financing?.amount).toBe(800_000);
    expect(update.confidential).toEqual({});
  });

  it('leaves the confidential part alone when there was none and none is given', () => {
    expect(toListingUpdate(listing({ confidential: null }), { title: 'x' }).confidential).toBeUndefined();
  });
});

describe('fromListing', () => {
  it('shows yuan amounts in 万元 and basis points in %, so an unchanged form sends the same figures', () => {
    const held = listing({
      type: 'credit_offer',
      financing: null,
      credit: {
        amountMin: 1_000_000,
        amountMax: 30_000_000,
        totalLine: 200_000_000,
        termMinMonths: 6,
        termMaxMonths: 36,
        rateMinBp: 345,
        rateMaxBp: 420,
        targetIndustries: ['C'],
        targetSizes: ['small'],
        guaranteeRequirement: 'collateral',
      },
      confidential: { annualRevenue: 12_000_000, internalRateFloorBp: 310 },
    });
    const values = fromListing(held);
    expect(values.credit).toMatchObject({ amountMin: 100, amountMax: 3000, totalLine: 20000, rateMinBp: 3.45, rateMaxBp: 4.2 });
    expect(values.confidential).toMatchObject({ annualRevenue: 1200, totalAssets: undefined, internalRateFloorBp: 3.1 });
    const again = toListingInput(held.type, values);
    expect(again.credit).toEqual(held.credit);
    expect(again.confidential).toEqual(held.confidential);
  });

  it('turns delivery dates into days the date pickers can show', () => {
    const values = fromListing(
      listing({
        type: 'demand',
        financing: null,
        goods: { category: 'cement', quantity: 50, unit: '吨', region: '320500', deliveryFrom: '2026-12-20', deliveryTo: null },
      }),
    );
    expect(values.goods?.deliveryFrom?.format('YYYY-MM-DD')).toBe('2026-12-20');
    expect(values.goods?.deliveryTo).toBeNull();
  });
});
