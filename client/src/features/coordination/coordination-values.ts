import type { LiaisonReportFields, Problem, ProblemState, ProblemUrgency } from '@duijie/shared';

export function problemStateColour(state: ProblemState): string {
  switch (state) {
    case 'received':
      return 'gold';
    case 'in_progress':
      return 'blue';
    case 'resolved':
      return 'green';
  }
}

export function urgencyColour(urgency: ProblemUrgency): string {
  return urgency === 'urgent' ? 'red' : 'default';
}

/** What an organiser may do with a problem next: route it (again), answer it, or nothing. */
export function problemActions(problem: Pick<Problem, 'state'>): { route: boolean; answer: boolean } {
  return { route: problem.state !== 'resolved', answer: problem.state === 'in_progress' };
}

export const LIAISON_FIELDS: readonly (keyof LiaisonReportFields)[] = ['production', 'sales', 'inventory', 'capital', 'transport', 'difficulties'];

/** The operating report's fields, trimmed, with "" for those left empty. */
export function liaisonFields(values: Partial<Record<keyof LiaisonReportFields, string | undefined>>): LiaisonReportFields {
  return Object.fromEntries(LIAISON_FIELDS.map((f) => [f, (values[f] ?? '').trim()])) as LiaisonReportFields;
}

/** A sum of per-category counts. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
