import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENUM_ZH, zh } from './export-labels';

describe('export labels', () => {
  it('say what the console says (client/src/locales/zh-CN.json)', () => {
    const locale = JSON.parse(readFileSync(join(__dirname, '../../../client/src/locales/zh-CN.json'), 'utf8')) as {
      enums: Record<string, Record<string, string>>;
    };
    for (const [name, labels] of Object.entries(ENUM_ZH)) expect({ name, labels }).toEqual({ name, labels: locale.enums[name] });
  });

  it('answer the value itself when it has no label, and nothing for none', () => {
    expect(zh('agreementStatus', 'signed')).toBe('已签署');
    expect(zh('agreementStatus', 'something_new')).toBe('something_new');
    expect(zh('agreementStatus', null)).toBe('');
  });
});
