import { InvalidInput } from './errors';

// Rules return what is wrong instead of throwing, so the API (which refuses with the first
// problem) and the bulk import (which lists every problem on its row) share one definition.

/** A broken rule: the input field it names (dotted for nested fields) and what is wrong with it. */
export type RuleProblem = { field: string; message: string };

/** Refuses input with problems as the API always has: a 400 naming the first problem's field. */
export function assertNoProblems(problems: readonly RuleProblem[]): void {
  const [first] = problems;
  if (first) throw new InvalidInput(first.field, first.message);
}
