import { describe, expect, it } from 'vitest';
import { pickedOrOnly } from './only-choice';

describe('a console picker with one choice', () => {
  it('stands on the only event or session when nothing is picked', () => {
    expect(pickedOrOnly(undefined, [{ id: 'e1' }])).toBe('e1');
  });

  it('asks for a pick when there are several choices or none yet', () => {
    expect(pickedOrOnly(undefined, [{ id: 'e1' }, { id: 'e2' }])).toBeUndefined();
    expect(pickedOrOnly(undefined, [])).toBeUndefined();
    expect(pickedOrOnly(undefined, undefined)).toBeUndefined();
  });

  it('keeps what the user picked', () => {
    expect(pickedOrOnly('e2', [{ id: 'e1' }, { id: 'e2' }])).toBe('e2');
    expect(pickedOrOnly('e1', [{ id: 'e1' }])).toBe('e1');
  });
});
