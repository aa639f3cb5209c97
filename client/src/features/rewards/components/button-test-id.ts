import type { ButtonProps } from 'antd';

/** Button props carrying a data-testid, for a confirm dialog's buttons (antd's ButtonProps has no data-* index). */
export function testId(id: string): ButtonProps {
  const props = { 'data-testid': id };
  return props;
}
