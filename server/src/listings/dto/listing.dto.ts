import {
  FINANCING_PURPOSES,
  GUARANTEE_REQUIREMENTS,
  LISTING_STATUSES,
  LISTING_TYPES,
  ORGANISATION_SIZES,
  type CreditOfferFields,
  type FinancingNeedFields,
  type FinancingPurpose,
  type GoodsFields,
  type GuaranteeOfferFields,
  type GuaranteeRequirement,
  type ListingConfidential,
  type ListingInput,
  type ListingStatus,
  type ListingType,
  type ListingUpdateInput,
  type ListingWithdrawInput,
  type OrganisationSize,
} from '@duijie/shared';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsDay, IsIndustryCode, IsProductCategory, IsRegionCode, MaxDecimals, NestedObject } from '../../common/validators';
import { Trim } from '../../common/validation';

const MAX_YUAN = 1e15;
const notNull = (_o: object, v: unknown) => v !== null && v !== undefined;

export class GoodsDto implements GoodsFields {
  @IsProductCategory() category: string;
  @IsOptional() @IsString() @MaxLength(500) specification?: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @MaxDecimals(3) @IsPositive() @Max(1e12) quantity: number;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(16) unit: string;
  @ValidateIf(notNull) @IsInt({ message: 'priceMin must be a whole number of yuan' }) @Min(0) @Max(MAX_YUAN) priceMin?: number | null;
  @ValidateIf(notNull) @IsInt({ message: 'priceMax must be a whole number of yuan' }) @Min(0) @Max(MAX_YUAN) priceMax?: number | null;
  @ValidateIf(notNull) @IsDay() deliveryFrom?: string | null;
  @ValidateIf(notNull) @IsDay() deliveryTo?: string | null;
  @IsRegionCode() region: string;
}

export class FinancingDto implements FinancingNeedFields {
  @IsInt({ message: 'amount must be a whole number of yuan' }) @Min(1) @Max(MAX_YUAN) amount: number;
  @IsInt() @Min(1) @Max(360) termMonths: number;
  @IsIn(FINANCING_PURPOSES) purpose: FinancingPurpose;
  @IsOptional() @IsString() @MaxLength(500) collateral?: string;
  @IsBoolean() guaranteeNeeded: boolean;
}

export class CreditDto implements CreditOfferFields {
  @IsInt() @Min(0) @Max(MAX_YUAN) amountMin: number;
  @IsInt() @Min(1) @Max(MAX_YUAN) amountMax: number;
  @IsInt() @Min(1) @Max(MAX_YUAN) totalLine: number;
  @IsInt() @Min(1) @Max(360) termMinMonths: number;
  @IsInt() @Min(1) @Max(360) termMaxMonths: number;
  @IsInt() @Min(0) @Max(10000) rateMinBp: number;
  @IsInt() @Min(0) @Max(10000) rateMaxBp: number;
  @IsArray() @ArrayMaxSize(100) @IsIndustryCode({ each: true }) targetIndustries: string[];
  @IsArray() @ArrayMaxSize(4) @IsIn(ORGANISATION_SIZES, { each: true }) targetSizes: OrganisationSize[];
  @IsIn(GUARANTEE_REQUIREMENTS) guaranteeRequirement: GuaranteeRequirement;
}

export class GuaranteeDto implements GuaranteeOfferFields {
  @IsInt() @Min(1) @Max(MAX_YUAN) capacity: number;
  @IsInt() @Min(0) @Max(2000) feeRateBp: number;
  @IsArray() @ArrayMaxSize(100) @IsIndustryCode({ each: true }) targetIndustries: string[];
  /** 面向企业规模: absent or empty serves every size. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ORGANISATION_SIZES.length)
  @ArrayUnique({ message: 'targetSizes must not repeat a size' })
  @IsIn(ORGANISATION_SIZES, { each: true })
  targetSizes?: OrganisationSize[];
}

export class ConfidentialDto implements ListingConfidential {
  @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_YUAN) annualRevenue?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_YUAN) totalAssets?: number;
  @IsOptional() @IsNumber() @MaxDecimals(2) @Min(0) @Max(1000) debtRatioPercent?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) internalRateFloorBp?: number;
}

const isType =
  (...types: ListingType[]) =>
  (o: { type?: ListingType }) =>
    o.type !== undefined && types.includes(o.type);

export class ListingDto implements ListingInput {
  @IsIn(LISTING_TYPES) type: ListingType;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ValidateIf(isType('supply', 'demand')) @NestedObject(() => GoodsDto) goods?: GoodsDto;
  @ValidateIf(isType('financing_need')) @NestedObject(() => FinancingDto) financing?: FinancingDto;
  @ValidateIf(isType('credit_offer')) @NestedObject(() => CreditDto) credit?: CreditDto;
  @ValidateIf(isType('guarantee_offer')) @NestedObject(() => GuaranteeDto) guarantee?: GuaranteeDto;
  @IsOptional() @NestedObject(() => ConfidentialDto, { optional: true }) confidential?: ConfidentialDto;
}

export class ListingUpdateDto implements ListingUpdateInput {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @NestedObject(() => GoodsDto, { optional: true }) goods?: GoodsDto;
  @NestedObject(() => FinancingDto, { optional: true }) financing?: FinancingDto;
  @NestedObject(() => CreditDto, { optional: true }) credit?: CreditDto;
  @NestedObject(() => GuaranteeDto, { optional: true }) guarantee?: GuaranteeDto;
  @IsOptional() @NestedObject(() => ConfidentialDto, { optional: true }) confidential?: ConfidentialDto;
}

export class ListingWithdrawDto implements ListingWithdrawInput {
  @IsInt() @Min(1) version: number;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class ListingQueryDto extends PageQuery {
  @IsOptional() @IsIn(LISTING_TYPES) type?: ListingType;
  @IsOptional() @IsProductCategory() category?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(LISTING_STATUSES) status?: ListingStatus;
  @IsOptional() @IsUUID() organisationId?: string;
}
