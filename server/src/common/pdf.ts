import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff';

/** Noto Sans SC (SIL OFL), shipped with the server so a document prints the same everywhere. */
const FONTS = join(__dirname, '..', '..', 'assets', 'fonts');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: woffToSfnt(readFileSync(join(FONTS, 'NotoSansSC-Regular.woff'))),
    bold: woffToSfnt(readFileSync(join(FONTS, 'NotoSansSC-Bold.woff'))),
  });

/** Times printed on our documents are Beijing time, whatever the server's zone. */
const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
export const beijingTime = (iso: string | Date): string => beijing.format(new Date(iso));

/**
 * A new A4 document (portrait unless asked for landscape) with the Chinese fonts registered as `regular` and `bold`, and the
 * buffer it becomes once `doc.end()` is called. Pages are buffered so footers can be
 * stamped at the end (`stampFooters`).
 */
export function createPdf(
  info: PDFKit.DocumentInfo,
  page: { layout?: 'portrait' | 'landscape'; margin?: number } = {},
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', layout: page.layout ?? 'portrait', margin: page.margin ?? 56, bufferPages: true, info });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  return { doc, done };
}

/** The colours of Duijie's printed documents. */
export const PDF_COLOURS = { ink: '#1a1a1a', grey: '#666666', accent: '#b3261e', line: '#cccccc' } as const;

/** A document's centred title in Chinese with its English name under it. */
export function pdfTitle(doc: PDFKit.PDFDocument, zh: string, en: string, size: number): void {
  doc.font('bold').fontSize(size).fillColor(PDF_COLOURS.accent).text(zh, { align: 'center' });
  doc.font('regular').fontSize(10).fillColor(PDF_COLOURS.grey).text(en, { align: 'center' });
}

/** A small centred line at the foot of every page, e.g. when it was printed and the page number. */
export function stampFooters(doc: PDFKit.PDFDocument, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(PDF_COLOURS.grey)
      .text(text(i + 1, range.count), left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
