import { GUARANTEE_REQUIREMENTS, type ApplicationAnswerInput, type ApplicationInput, type GuaranteeRequirement, type SupermarketQuery } from '@duijie/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIndustryCode } from '../../common/validators';
import { PageQuery } from '../../common/pagination';
import { DecisionDto } from '../../common/decision.dto';

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

export class ApplicationAnswerDto extends DecisionDto implements ApplicationAnswerInput {}
