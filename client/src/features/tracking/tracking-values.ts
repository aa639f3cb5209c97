import type { AgreementReportInput, LedgerEntryKind, ObligationTiming, TrackingRow, TrackingState } from '@duijie/shared';

/** The ledger lines a report on a step may carry: the step's own entries, and closing the agreement. */
export function lineKindsForStep(step: string): LedgerEntryKind[] {
  switch (step) {
    case 'financing':
      return ['approved', 'disbursed', 'performed', 'terminated'];
    case 'delivery':
      return ['delivered', 'performed', 'terminated'];
    default:
      return ['performed', 'terminated'];
  }
}

export const CLOSING_KINDS: readonly LedgerEntryKind[] = ['performed', 'terminated'];

/** One line of the report form: a date picked as YYYY-MM-DD. */
export type ReportLineValues = { kind?: LedgerEntryKind; amount?: number | null; occurredOn?: string; evidence?: string; reason?: string };
export type ReportValues = { narrative?: string; problems?: string; lines?: ReportLineValues[] };

/** The form's values as the API takes them: trimmed text, closing lines without an amount, other lines without a reason. */
export function toReportInput(values: ReportValues, version: number): AgreementReportInput {
  const lines = (values.lines ?? [])
    .filter((l): l is ReportLineValues & { kind: LedgerEntryKind; occurredOn: string } => l.kind !== undefined && l.occurredOn !== undefined)
    .map((l) => {
      const closing = CLOSING_KINDS.includes(l.kind);
      const evidence = l.evidence?.trim() ?? '';
      return {
        kind: l.kind,
        occurredOn: l.occurredOn,
        ...(closing ? { reason: l.reason?.trim() ?? '' } : { amount: l.amount ?? null }),
        ...(evidence ? { evidence } : {}),
      };
    });
  const problems = values.problems?.trim() ?? '';
  return { version, narrative: values.narrative?.trim() ?? '', ...(problems ? { problems } : {}), lines };
}

/** The overdue reports of the selected rows, once each: what a bulk supervision notice is issued on. */
export function overdueOfSelected(rows: readonly TrackingRow[], selected: readonly string[]): string[] {
  const chosen = new Set(selected);
  return [...new Set(rows.filter((r) => chosen.has(r.agreementId)).flatMap((r) => r.overdueObligationIds))];
}

export const STATE_COLOURS: Record<TrackingState, string> = {
  on_time: 'green',
  due_soon: 'gold',
  overdue: 'red',
  under_supervision: 'volcano',
  performed: 'blue',
};

export const TIMING_COLOURS: Record<ObligationTiming, string> = { on_time: 'green', due_soon: 'gold', overdue: 'red' };

export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be evidence ('type' or 'size'), or null when it can be sent (the server checks again, by content). */
export function evidenceProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}
