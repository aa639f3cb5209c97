import { describe, expect, it } from 'vitest';
import { keptSince, noteAnswer } from './offline';

describe('answers the service worker served from its kept copies', () => {
  it('are remembered by path until a fresh answer for the same path comes', () => {
    noteAnswer({ type: 'duijie:answer', path: '/api/me/agenda?eventId=e1', offline: true, savedAt: 2000 });
    noteAnswer({ type: 'duijie:answer', path: '/api/me/agenda?eventId=e2', offline: true, savedAt: 1000 });
    noteAnswer({ type: 'duijie:answer', path: '/api/events', offline: true, savedAt: 500 });
    // The oldest of those under the prefix: what the page shows is at least that old.
    expect(keptSince('/api/me/agenda')).toBe(1000);
    noteAnswer({ type: 'duijie:answer', path: '/api/me/agenda?eventId=e2', offline: false, savedAt: null });
    expect(keptSince('/api/me/agenda')).toBe(2000);
    noteAnswer({ type: 'duijie:answer', path: '/api/me/agenda?eventId=e1', offline: false, savedAt: null });
    expect(keptSince('/api/me/agenda')).toBeNull();
    expect(keptSince('/api/events')).toBe(500);
  });
});
