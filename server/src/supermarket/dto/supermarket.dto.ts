import { GUARANTEE_REQUIREMENTS, type ApplicationAnswerInput, type ApplicationInput, type GuaranteeRequirement, type SupermarketQuery } from '@duijie/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsIndustryCode } from '../../common/validators';
import { PageQuery } from '../../common/pagination';

export class SupermarketQueryDto extends PageQuery implements SupermarketQuery {
  @IsOptional() @IsIn(['credit_offer', 'guarantee_offer']) type?: 'credit_offer' | 'guarantee_offer';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1e13) amount?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(600) termMonths?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10000) maxRateBp?: number;
  @IsOptional() @IsIndustryCode() industry?: string;
  @IsOptional() @IsIn(GUARANTEE_REQUIREMENTS) guaranteeRequirement?: GuaranteeRequirement;
}

export class ApplicationDto implements ApplicationInput {
  @IsUUID() needListingId: string;
}

export class ApplicationAnswerDto implements ApplicationAnswerInput {
  @IsBoolean() accept: boolean;
  /** Required to decline: the enterprise reads it. */
  @ValidateIf((o: ApplicationAnswerDto) => o.accept === false || o.reason !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'reason is required to decline' })
  @MaxLength(1000)
  reason?: string;
}
