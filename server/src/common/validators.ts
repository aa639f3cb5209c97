import {
  creditCodeProblem,
  isValidCategory,
  isValidIndustryCode,
  isValidRegionCode,
} from '@duijie/shared';
import { registerDecorator, type ValidationOptions } from 'class-validator';

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

/** A calendar day, YYYY-MM-DD, that exists. */
export const IsDay = rule(
  'isDay',
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  () => 'must be a date written YYYY-MM-DD',
);
