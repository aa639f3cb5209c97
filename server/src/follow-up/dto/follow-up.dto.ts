import { CADENCE_UNITS, type AgreementReportInput, type Cadence, type CadenceUnit, type FollowUpCadences, type FollowUpPlanInput } from '@duijie/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LedgerEntryDto } from '../../agreements/dto/ledger.dto';
import { Trim } from '../../common/validation';
import { NestedObject } from '../../common/validators';

export class CadenceDto implements Cadence {
  @IsInt() @Min(1) @Max(52) every: number;
  @IsIn(CADENCE_UNITS) unit: CadenceUnit;
}

/** Every kind named: a cadence, or null for none. */
const KindCadence = () => (target: object, key: string) => {
  ValidateIf((_o, v) => v !== null)(target, key);
  NestedObject(() => CadenceDto)(target, key);
};

/** `implements` holds it to every kind of agreement: a kind added to AGREEMENT_KINDS must be added here. */
export class CadencesDto implements FollowUpCadences {
  @KindCadence() loan: CadenceDto | null;
  @KindCadence() credit_line: CadenceDto | null;
  @KindCadence() guarantee: CadenceDto | null;
  @KindCadence() supply_contract: CadenceDto | null;
  @KindCadence() distribution: CadenceDto | null;
  @KindCadence() intent: CadenceDto | null;
  @KindCadence() target_responsibility: CadenceDto | null;
}

export class FollowUpPlanDto implements FollowUpPlanInput {
  @IsInt() @Min(0) version: number;
  @NestedObject(() => CadencesDto) cadences: CadencesDto;
}

export class AgreementReportDto implements AgreementReportInput {
  @IsInt() @Min(1) version: number;
  @Trim() @IsString() @IsNotEmpty({ message: 'narrative must say what happened in the period' }) @MaxLength(5000) narrative: string;
  @IsOptional() @Trim() @IsString() @MaxLength(5000) problems?: string;
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each of lines must be an object' })
  @ValidateNested({ each: true })
  @Type(() => LedgerEntryDto)
  lines: LedgerEntryDto[];
}
