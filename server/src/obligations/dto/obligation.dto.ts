import { OBLIGATION_FILTERS, type ObligationFilter, type ObligationListQuery, type ObligationReviewInput } from '@duijie/shared';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';

export class ObligationReviewDto implements ObligationReviewInput {
  @IsInt() @Min(1) version: number;
  @IsBoolean() accept: boolean;
  @ValidateIf((o: ObligationReviewDto) => o.accept === false || o.reason !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason is required to return a report' })
  @MaxLength(2000)
  reason?: string;
}

export class ObligationListQueryDto extends PageQuery implements ObligationListQuery {
  @IsOptional() @IsUUID() sessionId?: string;
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @IsIn(OBLIGATION_FILTERS) state?: ObligationFilter;
}
