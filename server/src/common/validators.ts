import { creditCodeProblem, isKnownTimeZone, isValidCategory, isValidIndustryCode, isValidRegionCode } from '@duijie/shared';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, registerDecorator, ValidateIf, ValidateNested, type ValidationOptions } from 'class-validator';

function rule(name: string, test: (value: unknown) => boolean, message: (value: unknown) => string) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string): void => {
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options,
        validator: {
          validate: (value: unknown) => test(value),
          defaultMessage: (args) => `${args?.property ?? propertyName} ${message(args?.value)}`,
        },
      });
    };
}

/** Unified social credit code, GB 32100, with its check character. */
export const IsCreditCode = rule(
  'isCreditCode',
  (v) => typeof v === 'string' && creditCodeProblem(v) === null,
  (v) => `is not a valid unified social credit code: ${typeof v === 'string' ? creditCodeProblem(v) : 'must be a string'}`,
);

/** GB/T 4754 division such as C31. */
export const IsIndustryCode = rule(
  'isIndustryCode',
  (v) => typeof v === 'string' && isValidIndustryCode(v),
  () => 'must be a GB/T 4754 division code such as C31 (section letter and two digits)',
);

/** GB/T 2260 administrative division code such as 630100. */
export const IsRegionCode = rule(
  'isRegionCode',
  (v) => typeof v === 'string' && isValidRegionCode(v),
  () => 'must be a GB/T 2260 administrative division code such as 630100',
);

/** A product category of the taxonomy in shared/. */
export const IsProductCategory = rule(
  'isProductCategory',
  (v) => typeof v === 'string' && isValidCategory(v),
  () => 'must be a product category code of the taxonomy',
);

/** An IANA time zone name that Intl knows, such as Asia/Shanghai (not an offset like +08:00). */
export const IsTimeZone = rule(
  'isTimeZone',
  (v) => isKnownTimeZone(v),
  () => 'must be an IANA time zone name such as Asia/Shanghai',
);

/**
 * A finite number with at most `places` decimal places. (class-validator's own `maxDecimalPlaces`
 * throws on a number JavaScript writes with an exponent, such as 1e-7: a 500 instead of a 400.)
 */
export const MaxDecimals = (places: number) =>
  rule(
    `maxDecimals${places}`,
    (v) => typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(places)) === v,
    () => `must be a number with at most ${places} decimal places`,
  )();

/** The days any date of the platform may fall on: nothing it records is older or that far ahead. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/** A calendar day, YYYY-MM-DD, that exists, between FIRST_DAY and LAST_DAY. */
export const IsDay = rule(
  'isDay',
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    // 9999-99-99 matches the pattern but is no date (toISOString would throw).
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) &&
    v >= FIRST_DAY &&
    v <= LAST_DAY,
  () => `must be a date written YYYY-MM-DD between ${FIRST_DAY} and ${LAST_DAY}`,
);

/**
 * A nested part that must be an object of its class: an array or a scalar is refused by name
 * (ValidateNested alone lets `[]` through as an empty list), and its own required fields apply.
 */
export function NestedObject(type: () => new () => object, options?: { optional?: boolean }): PropertyDecorator {
  const rules = [IsObject({ message: ({ property }) => `${property} must be an object` }), ValidateNested(), Type(type)];
  // Optional means "may be left out", not "may be null": a null part would be stored as such.
  return applyDecorators(...(options?.optional ? [ValidateIf((_o, v) => v !== undefined)] : [IsDefined()]), ...rules);
}
