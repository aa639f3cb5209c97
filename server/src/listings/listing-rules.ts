import type { ListingInput, ListingType } from '@duijie/shared';
import type { RuleProblem } from '../common/problems';

// Pure rules of a listing's input, shared by ListingsService (which refuses the first problem)
// and the bulk import (which lists them on the row): one definition, the same messages.

/** The typed parts of a listing, in the order they are checked. */
export const LISTING_PARTS = ['goods', 'financing', 'credit', 'guarantee'] as const;
export type ListingPart = (typeof LISTING_PARTS)[number];

/** The one typed part each listing type carries. */
export const PART_OF_TYPE: Record<ListingType, ListingPart> = {
  supply: 'goods',
  demand: 'goods',
  financing_need: 'financing',
  credit_offer: 'credit',
  guarantee_offer: 'guarantee',
};

/** The fields the range rules read: a listing, its input, or an input merged over a listing. */
export type ListingRanges = { goods?: ListingInput['goods'] | null; credit?: ListingInput['credit'] | null };

/**
 * A listing carries only the typed part of its own type (each stray part is named), and a new
 * one must carry that part; `partial` is an update's patch, where the part may be left out.
 */
export function listingPartProblems(type: ListingType, input: Partial<Record<ListingPart, unknown>>, { partial = false } = {}): RuleProblem[] {
  const own = PART_OF_TYPE[type];
  const problems: RuleProblem[] = [];
  for (const part of LISTING_PARTS) {
    if (part !== own && input[part] !== undefined) problems.push({ field: part, message: `does not apply to a ${type} listing (use ${own})` });
  }
  if (!partial && input[own] === undefined) problems.push({ field: own, message: `is required for a ${type} listing` });
  return problems;
}

/** Ranges must be the right way round. */
export function listingRangeProblems(input: ListingRanges): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const g = input.goods;
  if (g && g.priceMin != null && g.priceMax != null && g.priceMax < g.priceMin)
    problems.push({ field: 'goods.priceMax', message: 'must not be below priceMin' });
  if (g && g.deliveryFrom && g.deliveryTo && g.deliveryTo < g.deliveryFrom)
    problems.push({ field: 'goods.deliveryTo', message: 'must not be before deliveryFrom' });
  const c = input.credit;
  if (c) {
    if (c.amountMax < c.amountMin) problems.push({ field: 'credit.amountMax', message: 'must not be below amountMin' });
    if (c.totalLine < c.amountMax) problems.push({ field: 'credit.totalLine', message: 'must be at least amountMax' });
    if (c.termMaxMonths < c.termMinMonths) problems.push({ field: 'credit.termMaxMonths', message: 'must not be below termMinMonths' });
    if (c.rateMaxBp < c.rateMinBp) problems.push({ field: 'credit.rateMaxBp', message: 'must not be below rateMinBp' });
  }
  return problems;
}

/**
 * Everything wrong with a listing's input beyond its DTO's field checks: the parts first, then
 * the ranges. For an update (`partial`), `current` is the stored listing the patch goes over:
 * its ranges are checked as they would be after the patch.
 */
export function listingProblems(
  type: ListingType,
  input: Partial<Record<ListingPart, unknown>> & ListingRanges,
  { partial = false, current }: { partial?: boolean; current?: ListingRanges } = {},
): RuleProblem[] {
  return [...listingPartProblems(type, input, { partial }), ...listingRangeProblems(current ? { ...current, ...input } : input)];
}
