import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; amounts in yuan stay far below 2^53, so numbers are exact. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
