import type { ProgramProblem, RewardProgramContent } from '@duijie/shared';

// The program editor's cards are named by their path in the content: `rules[3]`, `schemes[0]`.

const OWNER = /^(rules|schemes)\[\d+\]/;

/** The cards the check's problems sit in, each once, in order of first problem. */
export function problemCards(problems: readonly ProgramProblem[]): string[] {
  return [...new Set(problems.map((p) => OWNER.exec(p.path)?.[0]).filter((p): p is string => Boolean(p)))];
}

type Counts = { rules: number; schemes: number };

/** The cards added between two counts of rules and schemes (none when some were removed). */
export function addedCards(before: Counts, after: Counts): string[] {
  const added: string[] = [];
  for (let i = before.rules; i < after.rules; i++) added.push(`rules[${i}]`);
  for (let i = before.schemes; i < after.schemes; i++) added.push(`schemes[${i}]`);
  return added;
}

/** Every card of a program. */
export function allCards(content: RewardProgramContent): string[] {
  return [...content.rules.map((_, i) => `rules[${i}]`), ...content.schemes.map((_, i) => `schemes[${i}]`)];
}
