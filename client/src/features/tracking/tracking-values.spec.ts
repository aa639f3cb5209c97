import { describe, expect, it } from 'vitest';
import type { TrackingRow } from '@duijie/shared';
import { evidenceProblem, lineKindsForStep, overdueOfSelected, toReportInput } from './tracking-values';
import { formatDateTime } from '../../ui/dates';

describe('tracking values', () => {
  it('shows an instant in the event’s zone, not the device’s', () => {
    expect(formatDateTime('2026-03-16T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-17 00:00');
    expect(formatDateTime('2026-03-16T16:00:00.000Z', 'Asia/Urumqi')).toBe('2026-03-16 22:00');
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
  });

  it('offers the ledger lines of the step reported, and closing', () => {
    expect(lineKindsForStep('financing')).toEqual(['approved', 'disbursed', 'performed', 'terminated']);
    expect(lineKindsForStep('delivery')).toEqual(['delivered', 'performed', 'terminated']);
    expect(lineKindsForStep('progress')).toEqual(['performed', 'terminated']);
  });

  it('turns the form into a report: trimmed text, amounts on money lines, reasons on closing lines, blank lines left out', () => {
    const input = toReportInput(
      {
        narrative: '  本期已放款  ',
        problems: '   ',
        lines: [
          { kind: 'disbursed', amount: 5_000_000, occurredOn: '2026-03-10', evidence: ' 借据 001 ', reason: 'ignored' },
          { kind: 'performed', amount: 9, occurredOn: '2026-03-12', reason: ' 已结清 ' },
          { amount: 1, occurredOn: '2026-03-12' },
        ],
      },
      3,
    );
    expect(input).toEqual({
      version: 3,
      narrative: '本期已放款',
      lines: [
        { kind: 'disbursed', amount: 5_000_000, occurredOn: '2026-03-10', evidence: '借据 001' },
        { kind: 'performed', occurredOn: '2026-03-12', reason: '已结清' },
      ],
    });
    expect(toReportInput({ narrative: 'x', problems: ' 缺电 ' }, 1)).toEqual({ version: 1, narrative: 'x', problems: '缺电', lines: [] });
  });

  it('collects the overdue reports of the selected rows once each', () => {
    const row = (agreementId: string, overdueObligationIds: string[]) => ({ agreementId, overdueObligationIds }) as TrackingRow;
    const rows = [row('a', ['o1', 'o2']), row('b', []), row('c', ['o3']), row('d', ['o2'])];
    expect(overdueOfSelected(rows, ['a', 'b', 'd'])).toEqual(['o1', 'o2']);
    expect(overdueOfSelected(rows, [])).toEqual([]);
  });

  it('accepts PDF, PNG and JPEG up to 10 MB as evidence', () => {
    expect(evidenceProblem({ type: 'application/pdf', size: 1024 })).toBeNull();
    expect(evidenceProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 })).toBeNull();
    expect(evidenceProblem({ type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('size');
    expect(evidenceProblem({ type: 'application/x-msdownload', size: 10 })).toBe('type');
  });
});
