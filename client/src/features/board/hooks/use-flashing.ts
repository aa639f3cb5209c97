import { useEffect, useMemo, useState } from 'react';

/**
 * The ids changed less than `durationMs` ago, given when each changed (ms since epoch).
 * Re-renders when the next highlight runs out, and not at all while nothing is highlighted.
 */
export function useFlashing(changedAt: Record<string, number>, durationMs: number): ReadonlySet<string> {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const current = Date.now();
    let next = Infinity;
    for (const at of Object.values(changedAt)) {
      const end = at + durationMs;
      if (end > current && end < next) next = end;
    }
    if (next === Infinity) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), next - current + 20);
    return () => clearTimeout(timer);
  }, [changedAt, durationMs, now]);

  return useMemo(() => {
    const flashing = new Set<string>();
    // A change newer than `now` (the clock only moves when a highlight ends) is still fresh.
    for (const [id, at] of Object.entries(changedAt)) if (now - at < durationMs) flashing.add(id);
    return flashing;
  }, [changedAt, durationMs, now]);
}
