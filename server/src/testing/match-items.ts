// Listings prepared for matching (MatchItem), built in a line each for the matching specs.
import type { SessionKind } from '@duijie/shared';
import { seatOf } from '../matching/geo';
import type { MatchItem, MatchOptions } from '../matching/scoring';

export const OPTIONS: MatchOptions = { localBonus: 5 };
export const noGuarantor = () => false;

let seq = 0;
/** A fresh id; ids ascend in creation order (ties in a ranking are broken by id). */
export const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

export const base = (over: Partial<MatchItem>): MatchItem => ({
  id: id(),
  eventId: 'event',
  sessionKind: 'producer_distributor',
  organisationId: id(),
  orgIndustry: 'C31',
  orgSize: 'medium',
  inProvince: false,
  maker: true,
  type: 'supply',
  goods: null,
  financing: null,
  credit: null,
  guarantee: null,
  ...over,
});

export const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

type Goods = NonNullable<MatchItem['goods']>;

export const goods = (type: 'supply' | 'demand', over: Partial<Goods> = {}, item: Partial<MatchItem> = {}): MatchItem =>
  base({
    type,
    goods: withSeat({
      category: 'steel',
      quantity: 5000,
      unit: '吨',
      priceMin: 3600,
      priceMax: 3900,
      from: day('2027-01-01'),
      to: day('2027-06-30'),
      region: '630100',
      ...over,
    }),
    ...item,
  });

/** A goods listing of a category in a session kind. */
export const listingOf = (type: 'supply' | 'demand', category: string, sessionKind: SessionKind, item: Partial<MatchItem> = {}): MatchItem =>
  goods(type, { category }, { sessionKind, ...item });

function withSeat(g: Omit<Goods, 'seat'> & { seat?: unknown }): Goods {
  return { ...g, seat: seatOf(g.region) ?? null };
}

export const need = (over: Partial<NonNullable<MatchItem['financing']>> = {}, item: Partial<MatchItem> = {}): MatchItem =>
  base({
    type: 'financing_need',
    sessionKind: 'bank_enterprise',
    financing: { amount: 50_000_000, termMonths: 36, purpose: 'technical_upgrade', collateral: '厂房设备', guaranteeNeeded: false, ...over },
    ...item,
  });

export const credit = (over: Partial<NonNullable<MatchItem['credit']>> = {}, item: Partial<MatchItem> = {}): MatchItem =>
  base({
    type: 'credit_offer',
    sessionKind: 'bank_enterprise',
    orgIndustry: 'J66',
    credit: {
      amountMin: 10_000_000,
      amountMax: 100_000_000,
      totalLine: 1_000_000_000,
      termMinMonths: 12,
      termMaxMonths: 60,
      rateMinBp: 350,
      rateMaxBp: 450,
      targetIndustries: [],
      targetSizes: [],
      guaranteeRequirement: 'none',
      ...over,
    },
    ...item,
  });

export const guarantee = (over: Partial<NonNullable<MatchItem['guarantee']>> = {}, item: Partial<MatchItem> = {}): MatchItem =>
  base({
    type: 'guarantee_offer',
    sessionKind: 'bank_enterprise',
    orgIndustry: 'J69',
    guarantee: { capacity: 80_000_000, feeRateBp: 150, targetIndustries: [], ...over },
    ...item,
  });
