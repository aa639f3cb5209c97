import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class MatchesQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
  @IsOptional() @IsIn(['zh-CN', 'en']) lang?: 'zh-CN' | 'en';
  /** Organisers only: the near misses (ineligible counterparts) after the recommendations. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'includeIneligible must be true or false' }) includeIneligible?: 'true' | 'false';
}

export class MatchCountsQueryDto {
  /** Comma-separated listing ids: the board page being shown. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter((v) => v !== '') : value))
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids: string[];
}
