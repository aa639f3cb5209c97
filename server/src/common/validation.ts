import { BadRequestException, ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { InvalidInput } from './errors';
import type { ApiError } from '@duijie/shared';

/** Flattens nested class-validator errors into dotted field paths: `goods.quantity`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields, and name every bad field in a 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const body: ApiError = {
        statusCode: 400,
        code: 'validation_failed',
        message: fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('. '),
        fields,
      };
      return new BadRequestException(body);
    },
  });
}

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
export const ID = new ParseUUIDPipe({ exceptionFactory: () => new InvalidInput('id', 'must be a UUID') });

/** A UUID, for ids arriving outside HTTP routes (socket messages). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trims a string input before it is validated (other values pass through to be refused). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
