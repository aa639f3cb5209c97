import type { HTMLAttributes } from 'react';

/**
 * Row attributes carrying a data-testid (for antd Table's onRow), which browser tests select by.
 * React's attribute types have no index signature for data-*, so this is built outside a literal.
 */
export function rowTestId(testId: string, extra: Record<string, string> = {}): HTMLAttributes<HTMLElement> {
  const attributes = { ...extra, 'data-testid': testId, role: 'row' };
  return attributes;
}
