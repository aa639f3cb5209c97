import { describe, expect, it } from 'vitest';
import { issueIds, pastDeadline, stateColour } from './supervision-values';
import { formatDateTime } from '../../ui/dates';

describe('supervision values', () => {
  it('shows an instant in the event’s zone, not the device’s', () => {
    expect(formatDateTime('2026-03-18T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-19 00:00');
    expect(formatDateTime('2026-03-18T16:00:00Z', 'UTC')).toBe('2026-03-18 16:00');
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
  });

  it('reads an open notice past its deadline as past due, and a closed one never', () => {
    const deadlineAt = '2026-03-18T16:00:00Z';
    expect(pastDeadline({ state: 'issued', deadlineAt }, new Date('2026-03-18T15:59:00Z'))).toBe(false);
    expect(pastDeadline({ state: 'acknowledged', deadlineAt }, new Date('2026-03-18T16:00:00Z'))).toBe(true);
    expect(pastDeadline({ state: 'resolved', deadlineAt }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('issues on each obligation once, within the batch limit', () => {
    expect(issueIds(['a', 'b', 'a', 'c'], 2)).toEqual(['a', 'b']);
  });

  it('colours each state', () => {
    expect(['issued', 'acknowledged', 'resolved', 'lapsed'].map((s) => stateColour(s as 'issued'))).toEqual(['orange', 'blue', 'green', 'red']);
  });
});
