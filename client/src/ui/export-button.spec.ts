import { describe, expect, it } from 'vitest';
import { estimatedPercent, fileNameOf, formatBytes } from './export-button';

describe('export button helpers', () => {
  it("saves under the server's UTF-8 file name, else its ASCII one, else the table's", () => {
    const readable = `attachment; filename="agreements-1.xlsx"; filename*=UTF-8''${encodeURIComponent('签约协议-洽谈会 (1).xlsx')}`;
    expect(fileNameOf(readable, 'agreements.xlsx')).toBe('签约协议-洽谈会 (1).xlsx');
    expect(fileNameOf('attachment; filename="agreements-1.xlsx"', 'agreements.xlsx')).toBe('agreements-1.xlsx');
    expect(fileNameOf(`attachment; filename="a.xlsx"; filename*=UTF-8''%E0%A4%A`, 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameOf(null, 'agreements.xlsx')).toBe('agreements.xlsx');
  });

  it('estimates the share done from the bytes against the row count, never 100 before the end', () => {
    expect(estimatedPercent(0, 1000)).toBe(0);
    expect(estimatedPercent(48_000, 1000)).toBe(50);
    expect(estimatedPercent(10_000_000, 1000)).toBe(99);
    expect(estimatedPercent(5_000, null)).toBe(0);
  });

  it('shows sizes in B, KB and MB', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3.5 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.5 MB']);
  });
});
