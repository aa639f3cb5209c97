import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { wanToYuan, yuanToWan } from '@duijie/shared';
import type {
  FinancingPurpose,
  GuaranteeRequirement,
  ListingConfidential,
  ListingInput,
  ListingType,
  ListingUpdateInput,
  ListingView,
  OrganisationSize,
} from '@duijie/shared';
import { toDay } from '../../ui/dates';

// The listing form uses the API's field names, but amounts are typed in 万元 and rates in %;
// these functions convert between what the form holds and what the API takes.

type Num = number | null | undefined;

export type ListingFormValues = {
  sessionId?: string;
  type?: ListingType;
  title: string;
  description?: string;
  goods?: {
    category: string;
    specification?: string;
    quantity: number;
    unit: string;
    /** Yuan per unit. */
    priceMin?: Num;
    priceMax?: Num;
    deliveryFrom?: Dayjs | null;
    deliveryTo?: Dayjs | null;
    region: string;
  };
  financing?: {
    /** 万元 */
    amount: number;
    termMonths: number;
    purpose: FinancingPurpose;
    collateral?: string;
    guaranteeNeeded: boolean;
  };
  credit?: {
    /** 万元 */
    amountMin: number;
    amountMax: number;
    totalLine: number;
    termMinMonths: number;
    termMaxMonths: number;
    /** % */
    rateMinBp: number;
    rateMaxBp: number;
    targetIndustries?: string[];
    targetSizes?: OrganisationSize[];
    guaranteeRequirement: GuaranteeRequirement;
  };
  guarantee?: {
    /** 万元 */
    capacity: number;
    /** % */
    feeRateBp: number;
    targetIndustries?: string[];
    targetSizes?: OrganisationSize[];
  };
  confidential?: {
    notes?: string;
    /** 万元 */
    annualRevenue?: Num;
    totalAssets?: Num;
    debtRatioPercent?: Num;
    /** % */
    internalRateFloorBp?: Num;
  };
};

/** Starting values: any part of the form, nested parts partial too. */
export type ListingFormInit = Omit<Partial<ListingFormValues>, 'goods' | 'financing' | 'credit' | 'guarantee'> & {
  goods?: Partial<NonNullable<ListingFormValues['goods']>>;
  financing?: Partial<NonNullable<ListingFormValues['financing']>>;
  credit?: Partial<NonNullable<ListingFormValues['credit']>>;
  guarantee?: Partial<NonNullable<ListingFormValues['guarantee']>>;
};

const has = (value: Num): value is number => value !== null && value !== undefined;

/** 3.85 (%) → 385 (basis points). */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

export function bpToPercent(bp: number): number {
  return bp / 100;
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function confidentialInput(values: ListingFormValues['confidential']): ListingConfidential | undefined {
  if (!values) return undefined;
  const out: ListingConfidential = {};
  const notes = optionalText(values.notes);
  if (notes) out.notes = notes;
  if (has(values.annualRevenue)) out.annualRevenue = wanToYuan(values.annualRevenue);
  if (has(values.totalAssets)) out.totalAssets = wanToYuan(values.totalAssets);
  if (has(values.debtRatioPercent)) out.debtRatioPercent = values.debtRatioPercent;
  if (has(values.internalRateFloorBp)) out.internalRateFloorBp = percentToBp(values.internalRateFloorBp);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The typed body (goods, financing, credit or guarantee) for the listing type. */
function typedBody(type: ListingType, values: ListingFormValues): Omit<ListingInput, 'type' | 'title' | 'description'> {
  switch (type) {
    case 'supply':
    case 'demand': {
      const g = values.goods;
      if (!g) return {};
      return {
        goods: {
          category: g.category,
          specification: optionalText(g.specification),
          quantity: g.quantity,
          unit: g.unit,
          priceMin: has(g.priceMin) ? g.priceMin : null,
          priceMax: has(g.priceMax) ? g.priceMax : null,
          deliveryFrom: g.deliveryFrom ? toDay(g.deliveryFrom) : null,
          deliveryTo: g.deliveryTo ? toDay(g.deliveryTo) : null,
          region: g.region,
        },
      };
    }
    case 'financing_need': {
      const f = values.financing;
      if (!f) return {};
      return {
        financing: {
          amount: wanToYuan(f.amount),
          termMonths: f.termMonths,
          purpose: f.purpose,
          collateral: optionalText(f.collateral),
          guaranteeNeeded: f.guaranteeNeeded,
        },
      };
    }
    case 'credit_offer': {
      const c = values.credit;
      if (!c) return {};
      return {
        credit: {
          amountMin: wanToYuan(c.amountMin),
          amountMax: wanToYuan(c.amountMax),
          totalLine: wanToYuan(c.totalLine),
          termMinMonths: c.termMinMonths,
          termMaxMonths: c.termMaxMonths,
          rateMinBp: percentToBp(c.rateMinBp),
          rateMaxBp: percentToBp(c.rateMaxBp),
          targetIndustries: c.targetIndustries ?? [],
          targetSizes: c.targetSizes ?? [],
          guaranteeRequirement: c.guaranteeRequirement,
        },
      };
    }
    case 'guarantee_offer': {
      const g = values.guarantee;
      if (!g) return {};
      return {
        guarantee: {
          capacity: wanToYuan(g.capacity),
          feeRateBp: percentToBp(g.feeRateBp),
          targetIndustries: g.targetIndustries ?? [],
          targetSizes: g.targetSizes ?? [],
        },
      };
    }
  }
}

export function toListingInput(type: ListingType, values: ListingFormValues): ListingInput {
  const confidential = confidentialInput(values.confidential);
  return {
    type,
    title: values.title.trim(),
    description: values.description?.trim() ?? '',
    ...typedBody(type, values),
    ...(confidential ? { confidential } : {}),
  };
}

export function toListingUpdate(listing: ListingView, values: ListingFormValues): ListingUpdateInput {
  const input = toListingInput(listing.type, values);
  const hadConfidential = listing.confidential !== undefined && listing.confidential !== null;
  return {
    title: input.title,
    description: input.description,
    goods: input.goods,
    financing: input.financing,
    credit: input.credit,
    guarantee: input.guarantee,
    // Clearing every confidential field is an edit too.
    confidential: input.confidential ?? (hadConfidential ? {} : undefined),
    version: listing.version,
  };
}

/** The form's starting values for editing a listing. */
export function fromListing(listing: ListingView): ListingFormValues {
  const { goods, financing, credit, guarantee, confidential } = listing;
  return {
    sessionId: listing.sessionId,
    type: listing.type,
    title: listing.title,
    description: listing.description,
    goods: goods
      ? {
          ...goods,
          deliveryFrom: goods.deliveryFrom ? dayjs(goods.deliveryFrom) : null,
          deliveryTo: goods.deliveryTo ? dayjs(goods.deliveryTo) : null,
        }
      : undefined,
    financing: financing ? { ...financing, amount: yuanToWan(financing.amount) } : undefined,
    credit: credit
      ? {
          ...credit,
          amountMin: yuanToWan(credit.amountMin),
          amountMax: yuanToWan(credit.amountMax),
          totalLine: yuanToWan(credit.totalLine),
          rateMinBp: bpToPercent(credit.rateMinBp),
          rateMaxBp: bpToPercent(credit.rateMaxBp),
        }
      : undefined,
    guarantee: guarantee
      ? { ...guarantee, capacity: yuanToWan(guarantee.capacity), feeRateBp: bpToPercent(guarantee.feeRateBp), targetSizes: guarantee.targetSizes ?? [] }
      : undefined,
    confidential: confidential
      ? {
          notes: confidential.notes,
          annualRevenue: has(confidential.annualRevenue) ? yuanToWan(confidential.annualRevenue) : undefined,
          totalAssets: has(confidential.totalAssets) ? yuanToWan(confidential.totalAssets) : undefined,
          debtRatioPercent: confidential.debtRatioPercent,
          internalRateFloorBp: has(confidential.internalRateFloorBp) ? bpToPercent(confidential.internalRateFloorBp) : undefined,
        }
      : undefined,
  };
}
