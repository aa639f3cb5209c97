import type { CreditOfferFields, GoodsFields } from '@duijie/shared';
import { listingPartProblems, listingProblems, listingRangeProblems } from './listing-rules';

const goods: GoodsFields = {
  category: 'steel',
  quantity: 100,
  unit: '吨',
  priceMin: 3000,
  priceMax: 4000,
  deliveryFrom: '2027-01-01',
  deliveryTo: '2027-06-30',
  region: '630100',
};
const credit: CreditOfferFields = {
  amountMin: 1_000_000,
  amountMax: 5_000_000,
  totalLine: 50_000_000,
  termMinMonths: 6,
  termMaxMonths: 36,
  rateMinBp: 345,
  rateMaxBp: 420,
  targetIndustries: [],
  targetSizes: [],
  guaranteeRequirement: 'none',
};

describe('listing rules', () => {
  it('finds nothing wrong with a listing carrying its own part, ranges the right way round', () => {
    expect(listingProblems('supply', { goods })).toEqual([]);
    expect(listingProblems('credit_offer', { credit })).toEqual([]);
    expect(listingProblems('demand', { goods: { ...goods, priceMin: null, priceMax: 10, deliveryFrom: null } })).toEqual([]);
  });

  it('names every part that does not apply, then the missing one', () => {
    expect(listingPartProblems('supply', { financing: {}, credit: {} })).toEqual([
      { field: 'financing', message: 'does not apply to a supply listing (use goods)' },
      { field: 'credit', message: 'does not apply to a supply listing (use goods)' },
      { field: 'goods', message: 'is required for a supply listing' },
    ]);
  });

  it('lets an update leave its part out', () => {
    expect(listingPartProblems('supply', {}, { partial: true })).toEqual([]);
    expect(listingPartProblems('supply', { guarantee: {} }, { partial: true })).toEqual([
      { field: 'guarantee', message: 'does not apply to a supply listing (use goods)' },
    ]);
  });

  it('names every range the wrong way round, in the order the API reports the first', () => {
    expect(listingRangeProblems({ goods: { ...goods, priceMax: 2000, deliveryTo: '2026-12-31' } })).toEqual([
      { field: 'goods.priceMax', message: 'must not be below priceMin' },
      { field: 'goods.deliveryTo', message: 'must not be before deliveryFrom' },
    ]);
    expect(listingRangeProblems({ credit: { ...credit, amountMax: 500_000, totalLine: 100_000, termMaxMonths: 3, rateMaxBp: 300 } })).toEqual([
      { field: 'credit.amountMax', message: 'must not be below amountMin' },
      { field: 'credit.totalLine', message: 'must be at least amountMax' },
      { field: 'credit.termMaxMonths', message: 'must not be below termMinMonths' },
      { field: 'credit.rateMaxBp', message: 'must not be below rateMinBp' },
    ]);
  });

  it('puts the part problems before the range problems', () => {
    expect(listingProblems('supply', { goods: { ...goods, priceMax: 1 }, financing: {} }).map((p) => p.field)).toEqual(['financing', 'goods.priceMax']);
  });

  it('checks an update’s ranges over the stored listing', () => {
    const current = { goods, credit: null };
    expect(listingProblems('supply', { goods: { ...goods, priceMax: 1 } }, { partial: true, current })).toEqual([
      { field: 'goods.priceMax', message: 'must not be below priceMin' },
    ]);
    expect(listingProblems('credit_offer', {}, { partial: true, current: { goods: null, credit: { ...credit, rateMaxBp: 1 } } })).toEqual([
      { field: 'credit.rateMaxBp', message: 'must not be below rateMinBp' },
    ]);
    expect(listingProblems('supply', {}, { partial: true, current })).toEqual([]);
  });
});
