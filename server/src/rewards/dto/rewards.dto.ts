import {
  INSTITUTION_CLASSES,
  type InstitutionClass,
  type RewardAwardListQuery,
  type RewardPaymentInput,
  type RewardProgramContent,
  type RewardProgramInput,
  type RewardProgramUpdateInput,
  type RewardRunApproveInput,
  type RewardRunInput,
} from '@duijie/shared';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';

/**
 * A program's name and content. The content is checked as a whole by checkProgram (shared), whose
 * problems name each path (`rules[2].bands[0].amount`); here only that it is an object.
 */
export class RewardProgramDto implements RewardProgramInput {
  @Trim() @IsString() @IsNotEmpty({ message: 'name is required' }) @MaxLength(200) name: string;
  @IsObject({ message: 'content must be an object with rules and schemes' }) content: RewardProgramContent;
}

export class RewardProgramUpdateDto extends RewardProgramDto implements RewardProgramUpdateInput {
  @IsInt() @Min(1) version: number;
}

export class VersionDto {
  @IsInt() @Min(1) version: number;
}

export class RewardRunDto implements RewardRunInput {
  @IsUUID() programId: string;
}

export class RewardRunApproveDto implements RewardRunApproveInput {
  @IsInt() @Min(1) version: number;
}

export class RewardPaymentDto implements RewardPaymentInput {
  /** The finance department's payment reference (voucher or transfer number). */
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reference is required: the payment voucher or transfer number' })
  @MaxLength(100)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'reference must not contain control characters' })
  reference: string;
}

export class RewardAwardListQueryDto extends PageQuery implements RewardAwardListQuery {
  @IsOptional() @IsIn(INSTITUTION_CLASSES) class?: InstitutionClass;
  @IsOptional() @Trim() @IsString() @MaxLength(100) q?: string;
}
