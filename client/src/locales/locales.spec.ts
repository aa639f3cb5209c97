import { ERROR_CODES } from '@duijie/shared';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

const LOCALES = { 'zh-CN': zhCN, en } as const;

/** Every key path of a nested message object, e.g. `errors.codes.slot_taken`. */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('locales', () => {
  it.each(Object.entries(LOCALES))('%s has a message for every error code the API answers with, and none for codes it never sends', (_name, messages) => {
    const codes = messages.errors.codes as Record<string, string>;
    const missing = ERROR_CODES.filter((code) => !codes[code]?.trim());
    expect(missing).toEqual([]);
    const unknown = Object.keys(codes).filter((code) => !(ERROR_CODES as readonly string[]).includes(code));
    expect(unknown).toEqual([]);
  });

  it('has the same messages in Chinese and English (English adds plural forms)', () => {
    const singular = (messages: object) => [...new Set(keys(messages).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(singular(en)).toEqual(singular(zhCN));
  });
});
