import { describe, expect, it } from 'vitest';
import { formatAverage, starsOf } from './kinds';

describe('rating display', () => {
  it('shows averages to two decimals and a dash when there are none', () => {
    expect(formatAverage(4)).toBe('4.00');
    expect(formatAverage(3.333)).toBe('3.33');
    expect(formatAverage(null)).toBe('—');
  });

  it("rounds one rating's three scores to the half star the stars can show", () => {
    expect(starsOf({ speed: 5, attitude: 4, terms: 3 })).toBe(4);
    expect(starsOf({ speed: 5, attitude: 5, terms: 4 })).toBe(4.5);
    expect(starsOf({ speed: 1, attitude: 2, terms: 2 })).toBe(1.5);
  });
});
