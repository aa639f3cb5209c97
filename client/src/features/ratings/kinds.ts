import type { OrganisationKind } from '@duijie/shared';

/** The kinds that borrow and rate the institutions they dealt with (the server checks the same). */
export const RATER_KINDS: readonly OrganisationKind[] = ['enterprise', 'distributor', 'construction_unit'];
/** The kinds that receive ratings: lenders, guarantors, insurers. */
export const RATED_KINDS: readonly OrganisationKind[] = ['bank', 'microlender', 'guarantor', 'insurer'];

/** An average to two decimals, or a dash when there is none. */
export function formatAverage(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** The mean of one rating's three scores, rounded to the half star the stars can show. */
export function starsOf(r: { speed: number; attitude: number; terms: number }): number {
  return Math.round(((r.speed + r.attitude + r.terms) / 3) * 2) / 2;
}
