import { useEffect, useRef, useState } from 'react';

/**
 * A number that follows `target` over `durationMs` (ease-out, requestAnimationFrame). It always
 * settles exactly on the target: a timer finishes the tween where animation frames do not run
 * (a hidden tab), and reduced motion skips it.
 */
export function useTween(target: number, durationMs = 1000): number {
  const [value, setValue] = useState(0);
  const shown = useRef(0);

  useEffect(() => {
    const from = shown.current;
    const reduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    let frame = 0;
    const settle = () => {
      cancelAnimationFrame(frame);
      shown.current = target;
      setValue(target);
    };
    if (from === target || reduced) {
      const now = setTimeout(settle, 0);
      return () => clearTimeout(now);
    }
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / durationMs);
      if (progress >= 1) {
        settle();
        return;
      }
      const next = from + (target - from) * (1 - (1 - progress) ** 3);
      shown.current = next;
      setValue(next);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    const fallback = setTimeout(settle, durationMs + 100);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, [target, durationMs]);

  return value;
}
