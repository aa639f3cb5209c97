// Reads back the text of a PDF with pdf.js, in a child process because pdf.js is an ES
// module and Jest runs CommonJS. Pages are joined with form feeds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const content = await (await pdf.getPage(i)).getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pages.join('\\f'), info: (await pdf.getMetadata()).info }));
`;

export function pdfText(pdf: Buffer): { pages: number; text: string; info: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'duijie-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, file], { cwd: __dirname, encoding: 'utf8' })) as {
      pages: number;
      text: string;
      info: Record<string, unknown>;
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
