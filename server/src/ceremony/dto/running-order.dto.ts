import type { CeremonyBatchInput, CeremonyBatchUpdate, RunningOrderGenerateInput, RunningOrderSequenceInput, StageInput } from '@duijie/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CeremonyBatchDto implements CeremonyBatchInput {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) title: string;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() sessionId?: string | null;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(64) chain?: string | null;
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true }) agreementIds: string[];
}

export class CeremonyBatchUpdateDto implements CeremonyBatchUpdate {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) title?: string;
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
