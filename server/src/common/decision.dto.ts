import { IsBoolean, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from './validation';

/** An answer to a request (an application, a meeting request): yes, or no with a reason the asker reads. */
export class DecisionDto {
  @IsBoolean() accept: boolean;
  @ValidateIf((o: DecisionDto) => o.accept === false || o.reason !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason is required to decline' })
  @MaxLength(1000)
  reason?: string;
}
