import {
  LIAISON_CADENCES,
  MAX_ANSWER_WORKING_DAYS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATES,
  PROBLEM_URGENCIES,
  type DepartmentInput,
  type LiaisonCadence,
  type LiaisonInput,
  type LiaisonReportInput,
  type LiaisonReportExportFilter,
  type LiaisonReportListQuery,
  type ProblemAnswerInput,
  type ProblemCategory,
  type ProblemExportQuery,
  type ProblemInput,
  type ProblemListQuery,
  type ProblemRouteInput,
  type ProblemState,
  type ProblemUrgency,
  type UrgentLiaisonReportInput,
  type WeeklySummaryInput,
} from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';
import { IsDay } from '../../common/validators';

export class DepartmentDto implements DepartmentInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @IsUUID() organisationId: string;
}

export class ProblemDto implements ProblemInput {
  @IsIn(PROBLEM_CATEGORIES) category: ProblemCategory;
  @IsIn(PROBLEM_URGENCIES) urgency: ProblemUrgency;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(5000) description: string;
  @IsOptional() @IsUUID() agreementId?: string;
}

export class ProblemRouteDto implements ProblemRouteInput {
  @IsUUID() departmentId: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ANSWER_WORKING_DAYS) answerWorkingDays?: number;
  @IsInt() @Min(1) version: number;
}

export class ProblemAnswerDto implements ProblemAnswerInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(5000) answer: string;
  @IsInt() @Min(1) version: number;
}

export class ProblemListQueryDto extends PageQuery implements ProblemListQuery {
  @IsOptional() @IsIn(PROBLEM_STATES) state?: ProblemState;
  @IsOptional() @IsIn(PROBLEM_CATEGORIES) category?: ProblemCategory;
  @IsOptional() @IsIn(PROBLEM_URGENCIES) urgency?: ProblemUrgency;
  @IsOptional() @IsUUID() departmentId?: string;
}

/** The queue's filters without paging, for the export. */
export class ProblemExportQueryDto implements ProblemExportQuery {
  @IsOptional() @IsIn(PROBLEM_STATES) state?: ProblemState;
  @IsOptional() @IsIn(PROBLEM_CATEGORIES) category?: ProblemCategory;
  @IsOptional() @IsIn(PROBLEM_URGENCIES) urgency?: ProblemUrgency;
  @IsOptional() @IsUUID() departmentId?: string;
}

export class LiaisonDto implements LiaisonInput {
  @IsUUID() userId: string;
  @IsIn(LIAISON_CADENCES) cadence: LiaisonCadence;
}

export class UrgentLiaisonReportDto implements UrgentLiaisonReportInput {
  @Trim() @IsString() @MaxLength(500) production: string;
  @Trim() @IsString() @MaxLength(500) sales: string;
  @Trim() @IsString() @MaxLength(500) inventory: string;
  @Trim() @IsString() @MaxLength(500) capital: string;
  @Trim() @IsString() @MaxLength(500) transport: string;
  @Trim() @IsString() @MaxLength(2000) difficulties: string;
}

export class LiaisonReportDto extends UrgentLiaisonReportDto implements LiaisonReportInput {
  @IsInt() @Min(1) version: number;
  @IsBoolean() urgent: boolean;
}

const toBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class LiaisonReportListQueryDto extends PageQuery implements LiaisonReportListQuery {
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @toBoolean() @IsBoolean() urgent?: boolean;
}

/** The operating reports' filter without paging, for the export. */
export class LiaisonReportExportFilterDto implements LiaisonReportExportFilter {
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @toBoolean() @IsBoolean() urgent?: boolean;
}

export class WeeklySummaryDto implements WeeklySummaryInput {
  @IsOptional() @IsDay() weekStart?: string;
}
