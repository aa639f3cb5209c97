import {
  MAX_SURVEY_CHOICES,
  MAX_SURVEY_QUESTIONS,
  OBLIGATION_FILTERS,
  ORGANISATION_KINDS,
  SURVEY_EXCLUSION_REASONS,
  SURVEY_LISTING_TYPES,
  SURVEY_QUESTION_TYPES,
  type ObligationFilter,
  type OrganisationKind,
  type SurveyAnswers,
  type SurveyAnswersInput,
  type SurveyCloseInput,
  type SurveyConfirmListingInput,
  type SurveyExclusionInput,
  type SurveyExclusionReason,
  type SurveyGuidanceInput,
  type SurveyInput,
  type SurveyListingType,
  type SurveyQuestion,
  type SurveyQuestionType,
  type SurveyResponseListQuery,
  type SurveySendInput,
  type SurveySubmitInput,
  type SurveyUpdateInput,
} from '@duijie/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';
import { IsDay } from '../../common/validators';

const notNull = (_o: object, v: unknown) => v !== null && v !== undefined;

export class SurveyQuestionDto implements SurveyQuestion {
  @Matches(/^q[0-9]{1,3}$/, { message: 'id must be q1, q2 …' }) id: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) label: string;
  @IsIn(SURVEY_QUESTION_TYPES) type: SurveyQuestionType;
  @IsBoolean() required: boolean;
  @ValidateIf((q: SurveyQuestionDto) => q.type === 'choice' || q.options !== undefined)
  @IsArray()
  @ArrayMinSize(2, { message: 'options: a choice offers at least 2' })
  @ArrayMaxSize(MAX_SURVEY_CHOICES)
  @ArrayUnique({ message: 'options must not repeat' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  options?: string[];
  @IsOptional() @IsBoolean() multiple?: boolean;
  @IsOptional() @IsString() @MaxLength(16) unit?: string;
}

const Questions = () => (target: object, key: string) => {
  IsArray()(target, key);
  ArrayMaxSize(MAX_SURVEY_QUESTIONS, { message: `questions: at most ${MAX_SURVEY_QUESTIONS}` })(target, key);
  IsObject({ each: true, message: 'each of questions must be an object' })(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => SurveyQuestionDto)(target, key);
};

export class SurveyDto implements SurveyInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ValidateIf(notNull) @IsIn(SURVEY_LISTING_TYPES) listingType: SurveyListingType | null;
  @ValidateIf(notNull) @IsUUID() sessionId?: string | null;
  @Questions() questions: SurveyQuestionDto[];
  @ValidateIf(notNull) @IsInt() @Min(1) @Max(60) deadlineWorkingDays?: number | null;
  @ValidateIf(notNull) @IsDay() deadlineOn?: string | null;
}

export class SurveyUpdateDto implements SurveyUpdateInput {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @IsOptional() @ValidateIf(notNull) @IsIn(SURVEY_LISTING_TYPES) listingType?: SurveyListingType | null;
  @IsOptional() @ValidateIf(notNull) @IsUUID() sessionId?: string | null;
  @IsOptional() @Questions() questions?: SurveyQuestionDto[];
  @IsOptional() @ValidateIf(notNull) @IsInt() @Min(1) @Max(60) deadlineWorkingDays?: number | null;
  @IsOptional() @ValidateIf(notNull) @IsDay() deadlineOn?: string | null;
}

export class SurveySendDto implements SurveySendInput {
  @IsOptional() @IsArray() @ArrayMaxSize(ORGANISATION_KINDS.length) @IsIn(ORGANISATION_KINDS, { each: true }) kinds?: OrganisationKind[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[A-T][0-9]{0,3}$/, { each: true, message: 'industries: each a GB/T 4754 code or prefix (C, C31)' })
  industries?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[0-9]{2,6}$/, { each: true, message: 'regions: each a GB/T 2260 prefix (63, 6301, 630102)' })
  regions?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) organisationIds?: string[];
  @IsOptional() @ValidateIf(notNull) @IsInt() @Min(1) @Max(10_000) quotaPerRegion?: number | null;
  @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class SurveyCloseDto implements SurveyCloseInput {
  @IsInt() @Min(1) version: number;
}

export class SurveyGuidanceDto implements SurveyGuidanceInput {
  @IsInt() @Min(1) version: number;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(20_000) text: string;
}

export class SurveyAnswersDto implements SurveyAnswersInput {
  @IsInt() @Min(1) version: number;
  /** Checked against the survey's fields when filed; a draft may be incomplete. */
  @IsObject() answers: SurveyAnswers;
}

export class SurveySubmitDto implements SurveySubmitInput {
  @IsInt() @Min(1) version: number;
  @IsInt() @Min(1) obligationVersion: number;
}

export class SurveyConfirmListingDto implements SurveyConfirmListingInput {
  @IsOptional() @IsUUID() sessionId?: string;
}

export class SurveyExclusionDto implements SurveyExclusionInput {
  @IsUUID() organisationId: string;
  @IsIn(SURVEY_EXCLUSION_REASONS) reason: SurveyExclusionReason;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class SurveyResponseListQueryDto extends PageQuery implements SurveyResponseListQuery {
  @IsOptional() @IsIn(OBLIGATION_FILTERS) state?: ObligationFilter;
  @IsOptional() @Matches(/^[0-9]{2}([0-9]{2}){0,2}$/, { message: 'region must be a GB/T 2260 prefix (54, 5401, 540102)' }) region?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
}
