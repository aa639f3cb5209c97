import { RATING_DEALINGS, type InstitutionRatingInput, type RatingDealing } from '@duijie/shared';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';

const Score = () => (target: object, key: string) => {
  IsInt({ message: `${key} must be a whole number from 1 to 5` })(target, key);
  Min(1, { message: `${key} must be from 1 to 5` })(target, key);
  Max(5, { message: `${key} must be from 1 to 5` })(target, key);
};

export class InstitutionRatingDto implements InstitutionRatingInput {
  @IsIn(RATING_DEALINGS) dealing: RatingDealing;
  @IsUUID() dealingId: string;
  @Score() speed: number;
  @Score() attitude: number;
  @Score() terms: number;
  @IsOptional() @Trim() @IsString() @MaxLength(500) comment?: string;
}

export class RatingsPageQueryDto extends PageQuery {}
