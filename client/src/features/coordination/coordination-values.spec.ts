import { describe, expect, it } from 'vitest';
import { liaisonFields, problemActions, total } from './coordination-values';
import { formatDateTime } from '../../ui/dates';

describe('coordination values', () => {
  it('shows an instant in the event’s zone whatever the device’s zone is', () => {
    expect(formatDateTime('2026-11-15T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-16 00:30');
    expect(formatDateTime('2026-11-15T16:30:00Z', 'Asia/Urumqi')).toBe('2026-11-15 22:30');
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
  });

  it('lets organisers route a problem until it is resolved, and answer it only once routed', () => {
    expect(problemActions({ state: 'received' })).toEqual({ route: true, answer: false });
    expect(problemActions({ state: 'in_progress' })).toEqual({ route: true, answer: true });
    expect(problemActions({ state: 'resolved' })).toEqual({ route: false, answer: false });
  });

  it('sends every field of an operating report, trimmed, empty ones as ""', () => {
    expect(liaisonFields({ production: ' 日产 300 吨 ', difficulties: undefined })).toEqual({
      production: '日产 300 吨',
      sales: '',
      inventory: '',
      capital: '',
      transport: '',
      difficulties: '',
    });
    expect(total({ land: 2, power: 1 })).toBe(3);
  });
});
