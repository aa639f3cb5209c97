import { createPdf, PDF_COLOURS, pdfTitle, stampFooters } from '../common/pdf';
import { zh } from '../common/export-labels';
import {
  agreementGoods,
  listingProduct,
  listingRegionWithin,
  listingVolume,
  partiesText,
  INDENT,
  SUMMARY_NOTES,
  totalRows,
  wanText,
  type SummaryAgreement,
  type SummaryListing,
  type SummaryTotals,
} from './event-summary.rows';

export type SummaryPdfInput = {
  eventName: string;
  /** The event's province (GB/T 2260): regions in it are printed without its name. */
  province: string;
  /** Which table this is: the version and when it was published, or a preview, and as of when. */
  edition: string;
  /** A warning printed under the edition (a provisional or unpublished table), if any. */
  warning: string | null;
  /** The time the rows are read as of, in the event's zone (printed in the footer). */
  printedAt: string;
  listings: AsyncIterable<SummaryListing[]>;
  agreements: AsyncIterable<SummaryAgreement[]>;
  totals: SummaryTotals;
};

type Column<T> = { title: string; width: number; align?: 'left' | 'right' | 'center'; value: (row: T) => string };

const MARGIN = 36;
const PAD = 3;
const SIZE = 8;

/**
 * The summary table on A4 landscape in Chinese: the headline totals, then the listings with what
 * came of them and the agreements signed, each table with its header row repeated on every page,
 * and page numbers. Rows are drawn page by page as they are read from the database.
 */
export async function renderSummaryPdf(input: SummaryPdfInput): Promise<Buffer> {
  const { doc, done } = createPdf(
    { Title: `供需对接情况汇总表 · ${input.eventName}`, Author: 'Duijie 对接', Subject: input.edition },
    { layout: 'landscape', margin: MARGIN },
  );
  const { grey, ink, accent, line } = PDF_COLOURS;
  const { province } = input;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;

  pdfTitle(doc, '供需对接情况汇总表', 'Supply and demand summary', 18);
  doc.moveDown(0.3).font('bold').fontSize(12).fillColor(ink).text(input.eventName, { align: 'center' });
  doc.font('regular').fontSize(9).fillColor(grey).text(input.edition, { align: 'center' });
  if (input.warning) doc.font('bold').fontSize(9).fillColor(accent).text(input.warning, { align: 'center' });
  doc.moveDown(0.6);
  // The totals are known once every row is read: their place is kept here and filled at the end.
  const totalsTop = doc.y;
  doc.y += 34;
  // How a row counts as signed, and what is left out, before the rows.
  for (const note of SUMMARY_NOTES)
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(grey)
      .text(note, left, doc.y + 1, { width });
  doc.moveDown(1);

  const table = async <T>(heading: string, columns: Column<T>[], rows: AsyncIterable<T[]>, empty: string) => {
    const scale = width / columns.reduce((sum, c) => sum + c.width, 0);
    const cols = columns.map((c) => ({ ...c, width: c.width * scale }));
    const draw = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(SIZE);
      const height = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: cols[i].width - PAD * 2 }))) + PAD * 2;
      return height;
    };
    const put = (cells: string[], bold: boolean, height: number) => {
      const top = doc.y;
      if (bold) doc.rect(left, top, width, height).fill('#f2f2f2');
      let x = left;
      cells.forEach((text, i) => {
        doc
          .font(bold ? 'bold' : 'regular')
          .fontSize(SIZE)
          .fillColor(bold ? accent : ink)
          .text(text, x + PAD, top + PAD, { width: cols[i].width - PAD * 2, align: bold ? 'left' : (cols[i].align ?? 'left') });
        x += cols[i].width;
      });
      doc
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .lineWidth(0.5)
        .strokeColor(line)
        .stroke();
      doc.x = left;
      doc.y = top + height;
    };
    const titles = cols.map((c) => c.title);
    const headerHeight = draw(titles, true);
    const header = () => put(titles, true, headerHeight);

    // The heading, the header row and a first row stay on one page.
    if (doc.y + 16 + headerHeight + 30 > bottom()) doc.addPage();
    doc.font('bold').fontSize(11).fillColor(ink).text(heading, left, doc.y);
    doc.moveDown(0.3);
    header();
    let any = false;
    for await (const page of rows) {
      for (const row of page) {
        any = true;
        const cells = cols.map((c) => c.value(row));
        const height = draw(cells, false);
        if (doc.y + height > bottom()) {
          doc.addPage();
          header();
        }
        put(cells, false, height);
      }
    }
    if (!any)
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(grey)
        .text(empty, left, doc.y + 6, { width, align: 'center' });
    doc.moveDown(1.2);
  };

  await table<SummaryListing>(
    '一、供需信息及对接结果',
    [
      { title: '序号', width: 26, align: 'right', value: (r) => String(r.no) },
      { title: '单位名称', width: 112, value: (r) => r.organisationName },
      { title: '专场', width: 80, value: (r) => r.session.title },
      { title: '类别', width: 44, value: (r) => zh('listingType', r.type) + (r.status === 'withdrawn' ? '（已撤回）' : '') },
      { title: '标题', width: 130, value: (r) => r.title },
      { title: '产品品类', width: 60, value: (r) => listingProduct(r) ?? '—' },
      { title: '数量/金额', width: 72, align: 'right', value: (r) => listingVolume(r) },
      { title: '地区', width: 76, value: (r) => listingRegionWithin(r, province) },
      { title: '洽谈/申请', width: 44, align: 'right', value: (r) => `${r.requests}/${r.applications}` },
      { title: '已洽谈', width: 36, align: 'right', value: (r) => String(r.held) },
      {
        title: '签约（份·万元）',
        width: 90,
        align: 'right',
        value: (r) =>
          r.signedCount === 0 ? '—' : `${r.signedCount}份 · ${wanText(r.signedAmount)}万元${r.signedRule === 'same_session' ? '\n（同专场签约）' : ''}`,
      },
    ],
    input.listings,
    '本活动暂无发布的供需信息。',
  );

  await table<SummaryAgreement>(
    '二、签约协议',
    [
      { title: '序号', width: 26, align: 'right', value: (r) => String(r.no) },
      { title: '协议名称', width: 150, value: (r) => r.title },
      { title: '类型', width: 64, value: (r) => zh('agreementKind', r.kind) },
      { title: '专场', width: 86, value: (r) => r.session.title },
      { title: '签约各方', width: 220, value: (r) => partiesText(r) },
      { title: '金额（万元）', width: 70, align: 'right', value: (r) => wanText(r.amount) },
      { title: '产品/数量', width: 90, value: (r) => agreementGoods(r) },
    ],
    input.agreements,
    '本活动暂无签约协议。',
  );

  // The totals, in the place kept on the first page.
  const end = doc.bufferedPageRange();
  doc.switchToPage(end.start);
  const figures = totalRows(input.totals)
    .filter((r) => !r.item.startsWith(INDENT) || r.count > 0)
    .map((r) => `${r.item.trim().replace(/（[^）]*）$/, '')} ${r.count}${r.amount !== null ? `（${wanText(r.amount)}万元）` : ''}`);
  doc.rect(left, totalsTop, width, 30).lineWidth(0.5).strokeColor(line).stroke();
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(ink)
    .text(figures.join(INDENT), left + 8, totalsTop + 5, { width: width - 16, height: 24, ellipsis: true });

  stampFooters(doc, (page, pages) => `对接 Duijie · ${input.eventName} · 供需对接情况汇总表 · 数据截至 ${input.printedAt} · 第 ${page} / ${pages} 页`);
  doc.end();
  return done;
}
