import type { FormInstance } from 'antd';
import type { ApiError } from '@duijie/shared';

/** A form field path as antd names it, e.g. ['goods', 'quantity']. */
export type FieldPath = (string | number)[];

/** Server field name (dotted) → the form's own field path, where the two differ. */
export type FieldAliases = Record<string, FieldPath>;

function toPath(field: string, aliases: FieldAliases): FieldPath {
  const alias = aliases[field];
  if (alias) return alias;
  const segments = field.split('.').filter((segment) => segment !== '');
  // Errors on an array element (targetIndustries.0) belong to the array's own input.
  while (segments.length > 1 && /^\d+$/.test(segments[segments.length - 1] ?? '')) segments.pop();
  const joined = segments.join('.');
  return aliases[joined] ?? segments;
}

function sameName(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/**
 * Puts the server's field errors onto the form's fields. Returns the messages of fields the
 * form does not have, so the caller can show them elsewhere.
 */
export function applyFieldErrors<T>(form: FormInstance<T>, error: Pick<ApiError, 'fields'>, aliases: FieldAliases = {}): string[] {
  const registered = form.getFieldsError().map((entry) => entry.name);
  const unmapped: string[] = [];
  const byPath = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const { field, messages } of error.fields ?? []) {
    const name = toPath(field, aliases);
    if (!registered.some((candidate) => sameName(candidate, name))) {
      unmapped.push(...messages.map((m) => `${field}: ${m}`));
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(...messages);
    byPath.set(key, entry);
  }
  if (byPath.size > 0) {
    const fields = [...byPath.values()];
    // antd types setFields by the form's value shape; our paths come from the server at run time.
    (form as FormInstance).setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
    const first = fields[0];
    if (first) form.scrollToField(first.name);
  }
  return unmapped;
}
