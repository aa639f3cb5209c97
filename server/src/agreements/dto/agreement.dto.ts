import {
  AGREEMENT_KINDS,
  PARTICIPANT_ROLES,
  type AgreementInput,
  type AgreementKind,
  type AgreementPartyInput,
  type AgreementPartyRole,
  type AgreementUpdateInput,
  type AgreementVerifyQuery,
  type SignInput,
} from '@duijie/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsProductCategory, MaxDecimals } from '../../common/validators';
import { Trim } from '../../common/validation';

const notNull = (_o: object, v: unknown) => v !== null && v !== undefined;
const PARTY_ROLES: readonly AgreementPartyRole[] = [...PARTICIPANT_ROLES, 'organiser'];

export class AgreementPartyDto implements AgreementPartyInput {
  @IsUUID() organisationId: string;
  @IsIn(PARTY_ROLES) role: AgreementPartyRole;
}

/** The terms: what the content hash covers, together with the kind and the parties. */
export class AgreementTermsDto {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @IsInt({ message: 'amount must be a whole number of yuan' }) @Min(0) @Max(1e15) amount: number;
  @ValidateIf(notNull) @IsProductCategory() product?: string | null;
  @ValidateIf(notNull) @IsNumber() @MaxDecimals(3) @IsPositive() @Max(1e12) quantity?: number | null;
  @ValidateIf(notNull) @IsString() @IsNotEmpty() @MaxLength(16) unit?: string | null;
  @ValidateIf(notNull) @IsInt() @Min(1) @Max(600) termMonths?: number | null;
  @IsString() @IsNotEmpty() @MaxLength(20000) keyTerms: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'listingIds must not repeat a listing' })
  @IsUUID('all', { each: true })
  listingIds?: string[];
}

export class AgreementDto extends AgreementTermsDto implements AgreementInput {
  @IsIn(AGREEMENT_KINDS) kind: AgreementKind;
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsObject({ each: true, message: 'each of parties must be an object' })
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyDto)
  parties: AgreementPartyDto[];
}

export class AgreementUpdateDto implements AgreementUpdateInput {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsInt({ message: 'amount must be a whole number of yuan' }) @Min(0) @Max(1e15) amount?: number;
  @IsOptional() @ValidateIf(notNull) @IsProductCategory() product?: string | null;
  @IsOptional() @ValidateIf(notNull) @IsNumber() @MaxDecimals(3) @IsPositive() @Max(1e12) quantity?: number | null;
  @IsOptional() @ValidateIf(notNull) @IsString() @IsNotEmpty() @MaxLength(16) unit?: string | null;
  @IsOptional() @ValidateIf(notNull) @IsInt() @Min(1) @Max(600) termMonths?: number | null;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000) keyTerms?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'listingIds must not repeat a listing' })
  @IsUUID('all', { each: true })
  listingIds?: string[];
}

export class SignDto implements SignInput {
  @Matches(/^[0-9a-f]{64}$/, { message: 'contentHash must be the 64-character hex hash of the terms you reviewed' }) contentHash: string;
}

export class VerifyQueryDto implements AgreementVerifyQuery {
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be the 64-character content hash printed on the certificate' }) hash: string;
}
