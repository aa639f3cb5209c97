import { theme } from 'antd';

/** How good something is, in the theme's colours: strong, good, weak, none. */
export type Grades = { strong: string; good: string; weak: string; none: string };

/** The theme's semantic colours for grading scores and fits (green, primary blue, amber, red). */
export function useGrades(): Grades {
  const { token } = theme.useToken();
  return { strong: token.colorSuccess, good: token.colorPrimary, weak: token.colorWarning, none: token.colorError };
}
