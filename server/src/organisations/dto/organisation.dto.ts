import {
  ORGANISATION_KINDS,
  ORGANISATION_SIZES,
  ORGANISATION_STATUSES,
  type OrganisationExportQuery as OrganisationExportQueryInput,
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
import { Trim } from '../../common/validation';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const PHONE = /^[0-9+\-() ]{5,30}$/;

export class OrganisationDto implements OrganisationInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Transform(upper) @IsCreditCode() creditCode: string;
  @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @Transform(upper) @IsIndustryCode() industry: string;
  @IsRegionCode() region: string;
  @IsIn(ORGANISATION_SIZES) size: OrganisationSize;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) contactName: string;
  @Trim()
  @Matches(PHONE, { message: 'contactPhone must be a phone number (digits, spaces, + - and brackets)' })
  contactPhone: string;
}

export class OrganisationUpdateDto implements OrganisationUpdateInput {
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @Transform(upper) @IsIndustryCode() industry?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @IsIn(ORGANISATION_SIZES) size?: OrganisationSize;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) contactName?: string;
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'contactPhone must be a phone number (digits, spaces, + - and brackets)' })
  contactPhone?: string;
}

export class OrganisationQuery extends PageQuery {
  @IsOptional() @IsIn(ORGANISATION_STATUSES) status?: OrganisationStatus;
  @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKind;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

/** The list's filters without paging, for the export. */
export class OrganisationExportQuery implements OrganisationExportQueryInput {
  @IsOptional() @IsIn(ORGANISATION_STATUSES) status?: OrganisationStatus;
  @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKind;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class RejectDto {
  @Trim() @IsString() @IsNotEmpty({ message: 'reason must be given' }) @MaxLength(1000) reason: string;
}
