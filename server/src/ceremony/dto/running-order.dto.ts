import type { CeremonyBatchInput, CeremonyBatchUpdate, RunningOrderGenerateInput, RunningOrderSequenceInput, StageInput } from '@duijie/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { Trim } from '../../common/validation';

export class CeremonyBatchDto implements CeremonyBatchInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(120) title: string;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() sessionId?: string | null;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(64) chain?: string | null;
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) agreementIds: string[];
}

export class CeremonyBatchUpdateDto implements CeremonyBatchUpdate {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(120) title?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) agreementIds?: string[];
}

export class RunningOrderGenerateDto implements RunningOrderGenerateInput {
  @IsIn(['session', 'chain']) by: 'session' | 'chain';
}

export class RunningOrderSequenceDto implements RunningOrderSequenceInput {
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) batchIds: string[];
}

export class StageDto implements StageInput {
  @ValidateIf((_o, v) => v !== null) @IsUUID() batchId: string | null;
}
