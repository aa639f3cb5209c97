import { BadRequestException, ParseUUIDPipe, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { InvalidInput } from './errors';
import type { ApiError } from '@duijie/shared';

/** Deeper than any DTO goes (a listing's goods is level 2); deeper input is refused before it is walked recursively. */
export const MAX_INPUT_DEPTH = 32;
/** In `u` mode a well-formed pair is one code point, so this finds only the halves left alone. */
const LONE_SURROGATE = /\p{Cs}/u;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is wrong with raw input before any recursive code (class-transformer, class-validator) sees
 * it: nesting deeper than MAX_INPUT_DEPTH, a NUL character (PostgreSQL text refuses it) or a key
 * that names the prototype, or text that is not valid Unicode (validator.js throws on it). Walks with its own stack, so any depth is safe. Null when fine.
 */
export function inputProblem(value: unknown, root: string): { field: string; message: string } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { field: item.path, message: 'must not contain a NUL character' };
      if (LONE_SURROGATE.test(item.value)) return { field: item.path, message: 'must be valid Unicode text (it has half of a surrogate pair)' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object' || ArrayBuffer.isView(item.value)) continue;
    if (item.depth >= MAX_INPUT_DEPTH) return { field: item.path, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field: path, message: 'is not an allowed field name' };
      if (key.includes('\u0000')) return { field: item.path || root, message: 'has a field name with a NUL character' };
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return null;
}

/**
 * Deletes own properties left undefined: with ES2022 class fields every declared DTO field is
 * an own property, so an update DTO would otherwise carry `field: undefined` for everything the
 * client left out, and `Object.assign`/spreads would wipe those fields.
 */
export function dropUndefined(value: unknown): void {
  const stack = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      stack.push(...(current as unknown[]));
      continue;
    }
    if (!isDto(current)) continue;
    for (const key of Object.keys(current)) {
      const v = (current as Record<string, unknown>)[key];
      if (v === undefined) delete (current as Record<string, unknown>)[key];
      else stack.push(v);
    }
  }
}

/** A class instance made by class-transformer (not a Date, Buffer or the like). */
function isDto(value: object): boolean {
  return !(value instanceof Date) && !ArrayBuffer.isView(value) && !(value instanceof Map) && !(value instanceof Set);
}

/** Flattens nested class-validator errors into dotted field paths: `goods.quantity`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function fieldsError(fields: { field: string; messages: string[] }[]): BadRequestException {
  const body: ApiError = {
    statusCode: 400,
    code: 'validation_failed',
    message: fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('. '),
    fields,
  };
  return new BadRequestException(body);
}

/** The global pipe (HTTP and socket.io payloads): checks raw input first, then validates, then drops fields left undefined. */
class InputPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameter decorators (the principal) are the server's own values.
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const problem = inputProblem(value, metadata.type === 'param' ? (metadata.data ?? 'param') : '');
    if (problem) throw fieldsError([{ field: problem.field || metadata.type, messages: [problem.message] }]);
    const result: unknown = await super.transform(value, metadata);
    dropUndefined(result);
    return result;
  }
}

/** Whitelist, refuse unknown fields, and name every bad field in a 400. */
export function createValidationPipe(): ValidationPipe {
  return new InputPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => fieldsError(flattenValidationErrors(errors)),
  });
}

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
export const ID = new ParseUUIDPipe({ exceptionFactory: () => new InvalidInput('id', 'must be a UUID') });

/** A UUID, for ids arriving outside HTTP routes (socket messages). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trims a string input before it is validated (other values pass through to be refused). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
