import type { FiguresQuery } from '@duijie/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDay, IsRegionCode } from '../../common/validators';
import { CHAIN_FILTERS } from '../../tracking/dto/tracking.dto';

export class FiguresQueryDto implements FiguresQuery {
  @IsOptional() @IsUUID() sessionId?: string;
  @IsOptional() @IsIn(CHAIN_FILTERS) chain?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @IsUUID() institutionId?: string;
  @IsOptional() @IsDay() from?: string;
  @IsOptional() @IsDay() to?: string;
  @IsOptional() @IsUUID() compareTo?: string;
}
