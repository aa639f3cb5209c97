import { useEffect, useState } from 'react';

/**
 * The value as it was once it stopped changing for `ms`. `atOnce` says of the value settled so
 * far whether the next one needs no wait (e.g. the first real value after a placeholder).
 */
export function useDebounced<T>(value: T, ms: number, atOnce?: (settled: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  const immediate = atOnce?.(settled) ?? false;
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), immediate ? 0 : ms);
    return () => clearTimeout(timer);
  }, [value, ms, immediate]);
  return settled;
}
