// Runs in a worker thread (see read-files.ts): inflates and parses the uploaded workbook or
// CSV files off the server's event loop, under a memory limit, and hands back at most the
// rows an import may have (the header and one row past the limit, so that it can say so).
import readXlsxFile from 'read-excel-file/universal';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeCsv, parseCsv } from './csv';
import { checkInflatedSizes, WorkbookTooLarge, zipEntries } from './zip-limits';

export type Cell = string | number | boolean | Date | null;
export type WorkerFile = { name: string; kind: 'xlsx' | 'csv'; bytes: Uint8Array };
export type WorkerInput = { files: WorkerFile[]; maxRows: number };
export type ReadSheet = { name: string; rows: Cell[][]; truncated: boolean };
export type ReadFile = { ok: true; sheets: ReadSheet[] } | { ok: false; tooLarge: boolean; message: string };

const blank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * The rows, or only the header of a sheet past `maxRows` non-blank rows: it is refused whole,
 * and copying 20,000 rows back would block the server's thread while it deserialises them.
 */
function capped(rows: Cell[][], maxRows: number): { rows: Cell[][]; truncated: boolean } {
  let filled = 0;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].every((cell) => blank(cell))) continue;
    if (++filled > maxRows) return { rows: rows.slice(0, 1), truncated: true };
  }
  return { rows, truncated: false };
}

async function readOne(file: WorkerFile, maxRows: number): Promise<ReadFile> {
  const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  try {
    if (file.kind === 'csv') {
      // One row past the limit (plus the header) is enough to refuse the file.
      const rows: Cell[][] = parseCsv(decodeCsv(buffer).text, maxRows + 2);
      return { ok: true, sheets: [{ name: file.name, ...capped(rows, maxRows) }] };
    }
    checkInflatedSizes(file.name, buffer, zipEntries(file.name, buffer));
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    const sheets = (await readXlsxFile(arrayBuffer)) as { sheet: string; data: Cell[][] }[];
    return { ok: true, sheets: sheets.map(({ sheet, data }) => ({ name: sheet, ...capped(data, maxRows) })) };
  } catch (error) {
    if (error instanceof WorkbookTooLarge) return { ok: false, tooLarge: true, message: error.message };
    return { ok: false, tooLarge: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  const { files, maxRows } = workerData as WorkerInput;
  const results: ReadFile[] = [];
  for (const file of files) results.push(await readOne(file, maxRows));
  parentPort!.postMessage(results);
}

void main();
