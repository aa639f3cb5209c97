import {
  CRITICISM_BODY_MAX,
  CRITICISM_MAX_ORGANISATIONS,
  CRITICISM_TITLE_MAX,
  SUPERVISION_MAX_BATCH,
  SUPERVISION_MAX_WORKING_DAYS,
  SUPERVISION_MIN_WORKING_DAYS,
  SUPERVISION_NOTE_MAX,
  SUPERVISION_STATES,
  type CriticismPublishInput,
  type SupervisionAcknowledgeInput,
  type SupervisionIssueInput,
  type SupervisionExportFilter,
  type SupervisionListQuery,
  type SupervisionState,
} from '@duijie/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';

export class SupervisionIssueDto implements SupervisionIssueInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUPERVISION_MAX_BATCH)
  @IsUUID('all', { each: true })
  obligationIds: string[];

  @IsInt() @Min(SUPERVISION_MIN_WORKING_DAYS) @Max(SUPERVISION_MAX_WORKING_DAYS) workingDays: number;

  @IsOptional() @Trim() @IsString() @MaxLength(SUPERVISION_NOTE_MAX) note?: string;
}

export class SupervisionAcknowledgeDto implements SupervisionAcknowledgeInput {
  @IsInt() @Min(1) version: number;
}

export class SupervisionListQueryDto extends PageQuery implements SupervisionListQuery {
  @IsOptional() @IsIn(SUPERVISION_STATES) state?: SupervisionState;
}

/** The list's filter without paging, for the export. */
export class SupervisionExportFilterDto implements SupervisionExportFilter {
  @IsOptional() @IsIn(SUPERVISION_STATES) state?: SupervisionState;
}

export class CriticismPublishDto implements CriticismPublishInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(CRITICISM_TITLE_MAX) title: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(CRITICISM_BODY_MAX) body: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CRITICISM_MAX_ORGANISATIONS)
  @IsUUID('all', { each: true })
  organisationIds: string[];
}
