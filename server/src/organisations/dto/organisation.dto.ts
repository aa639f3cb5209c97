import {
  ORGANISATION_KINDS,
  ORGANISATION_SIZES,
  ORGANISATION_STATUSES,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationSize,
  type OrganisationStatus,
  type OrganisationUpdateInput,
} from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCreditCode, IsIndustryCode, IsRegionCode } from '../../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const PHONE = /^[0-9+\-() ]{5,30}$/;

export class OrganisationDto implements OrganisationInput {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Transform(upper) @IsCreditCode() creditCode: string;
  @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @Transform(upper) @IsIndustryCode() industry: string;
  @IsRegionCode() region: string;
  @IsIn(ORGANISATION_SIZES) size: OrganisationSize;
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) contactName: string;
  @Transform(trim) @Matches(PHONE, { message: 'contactPhone must be a phone number (digits, spaces, + - and brackets)' })
  contactPhone: string;
}

export class OrganisationUpdateDto implements OrganisationUpdateInput {
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @Transform(upper) @IsIndustryCode() industry?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @IsIn(ORGANISATION_SIZES) size?: OrganisationSize;
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) contactName?: string;
  @IsOptional() @Transform(trim) @Matches(PHONE, { message: 'contactPhone must be a phone number (digits, spaces, + - and brackets)' })
  contactPhone?: string;
}

export class OrganisationQuery extends PageQuery {
  @IsOptional() @IsIn(ORGANISATION_STATUSES) status?: OrganisationStatus;
  @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKind;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class RejectDto {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'reason must be given' }) @MaxLength(1000) reason: string;
}
