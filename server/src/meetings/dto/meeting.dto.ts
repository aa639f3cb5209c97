import { MAX_SESSION_SLOTS, type AvailabilityInput, type BookingInput, type HalfWish, type PinInput, type ScheduleRunInput } from '@duijie/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

const HALF_WISHES: HalfWish[] = ['morning', 'afternoon', 'any'];

export class AvailabilityDto implements AvailabilityInput {
  @IsArray()
  @ArrayMaxSize(MAX_SESSION_SLOTS)
  @ArrayUnique({ message: 'unavailableSlots must not repeat a slot' })
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'unavailableSlots are slot numbers from 1' })
  unavailableSlots: number[];

  @IsIn(HALF_WISHES) half: HalfWish;
}

export class BookingDto implements BookingInput {
  @IsInt() @Min(1) @Max(1000) slot: number;
}

export class PinDto implements PinInput {
  @IsInt() @Min(1) @Max(1000) slot: number;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt() @Min(1) @Max(100_000) table?: number | null;
}

export class ScheduleRunDto implements ScheduleRunInput {
  @IsOptional() @IsBoolean() allowMoves?: boolean;
}
