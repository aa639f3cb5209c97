import { describe, expect, it } from 'vitest';
import { eventPhase } from './event-phase';

describe('eventPhase', () => {
  it('is upcoming before the first day, ongoing on the first and last days, ended after the last', () => {
    expect(eventPhase('2026-12-10', '2026-12-12', '2026-12-09')).toBe('upcoming');
    expect(eventPhase('2026-12-10', '2026-12-12', '2026-12-10')).toBe('ongoing');
    expect(eventPhase('2026-12-10', '2026-12-12', '2026-12-12')).toBe('ongoing');
    expect(eventPhase('2026-12-10', '2026-12-12', '2026-12-13')).toBe('ended');
  });
});
