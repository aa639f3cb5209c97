import {
  INSTITUTION_CLASSES,
  OBLIGATION_FILTERS,
  REPORTING_CADENCES,
  type InstitutionClass,
  type ObligationFilter,
  type ReportingCadence,
  type RewardPeriodInput,
  type StatisticsFigures,
  type StatisticsFormInput,
  type StatisticsFormListQuery,
} from '@duijie/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';
import { IsDay } from '../../common/validators';

export class RewardPeriodDto implements RewardPeriodInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @IsDay() startsOn: string;
  @IsDay() endsOn: string;
  @IsIn(REPORTING_CADENCES) cadence: ReportingCadence;
  @IsDay() dueOn: string;
  @IsArray()
  @ArrayMinSize(1, { message: 'classes: name at least one class of institution' })
  @ArrayMaxSize(INSTITUTION_CLASSES.length)
  @ArrayUnique({ message: 'classes must not repeat' })
  @IsIn(INSTITUTION_CLASSES, { each: true })
  classes: InstitutionClass[];
}

export class RewardPeriodCloseDto {
  @IsInt() @Min(1) version: number;
}

export class StatisticsFormDto implements StatisticsFormInput {
  /** Checked against the class's fields by the service (a 400 names `figures.<key>`). */
  @IsObject() figures: StatisticsFigures;
  /** The obligation's version read. */
  @IsInt() @Min(1) version: number;
}

export class StatisticsFormListQueryDto extends PageQuery implements StatisticsFormListQuery {
  @IsOptional() @IsIn(OBLIGATION_FILTERS) state?: ObligationFilter;
  @IsOptional() @IsIn(INSTITUTION_CLASSES) class?: InstitutionClass;
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
}
