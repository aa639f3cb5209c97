// The praise list (表扬名单) and the notice of criticism (通报批评) of an approved calculation run,
// as printable A4 documents in the style of a Chinese official notice: a red title, the preamble,
// a table per class of institution (its head row repeated on every page it runs onto), the
// issuing organiser and the date in the event's time zone, and page numbers.
import { dayInZone, INSTITUTION_CLASSES, type InstitutionClass } from '@duijie/shared';
import { createPdf, PDF_COLOURS, stampFooters } from '../common/pdf';

/** What the praise list and the notice of criticism of one approved run print. */
export type RewardNoticeData = {
  eventName: string;
  periodName: string;
  periodSpan: { startsOn: string; endsOn: string };
  /** The run's number within its period (1, 2, …). */
  runSeq: number;
  /** When the run was approved (ISO); the notices are dated that day in the event's zone. */
  approvedAt: string;
  timeZone: string;
  /** The organiser that issues the notices (落款). */
  organiserName: string;
  /** Institutions praised: their award in integer yuan and the lines that explain it, in Chinese. */
  praise: { class: InstitutionClass; name: string; amount: number; reasons: string[] }[];
  /** Institutions criticised, each with the reason in Chinese (a failed gate, a form not filed). */
  criticism: { class: InstitutionClass; name: string; reason: string }[];
};

/** Each class's heading in the notices. */
export const NOTICE_CLASS_ZH: Record<InstitutionClass, string> = {
  bank: '银行业金融机构',
  guarantor: '融资担保机构',
  microlender: '小额贷款公司',
  insurer: '保险机构',
  enterprise: '企业',
  construction_unit: '建筑施工单位',
};

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2026-03-02 → 2026年3月2日. */
function zhDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Integer yuan → 万元 with two decimals and thousands separators: 3,500,000 → 350.00. */
export function wanText(yuan: number): string {
  return (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

type Column = { title: string; width: number; align?: 'left' | 'right' | 'center' };

const PAD = 4;
const BODY = 10.5;

/** Lays a notice out on A4 pages: title, paragraphs, headings and tables that break across pages. */
class NoticeWriter {
  readonly left: number;
  readonly width: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - this.left - doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The red title with its red rule under, the way a 红头 notice opens. */
  title(issuer: string, title: string, subtitle: string): void {
    const { doc } = this;
    doc.font('bold').fontSize(20).fillColor(PDF_COLOURS.accent).text(issuer, this.left, doc.y, { width: this.width, align: 'center' });
    doc.moveDown(0.3);
    const y = doc.y;
    doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(1.5)
      .strokeColor(PDF_COLOURS.accent)
      .stroke();
    doc.y = y + 14;
    doc.font('bold').fontSize(17).fillColor(PDF_COLOURS.ink).text(title, this.left, doc.y, { width: this.width, align: 'center' });
    doc.moveDown(0.2);
    doc.font('regular').fontSize(BODY).fillColor(PDF_COLOURS.grey).text(subtitle, this.left, doc.y, { width: this.width, align: 'center' });
    doc.moveDown(0.8);
  }

  /** A body paragraph, its first line indented by two characters. */
  paragraph(text: string): void {
    this.doc
      .font('regular')
      .fontSize(BODY)
      .fillColor(PDF_COLOURS.ink)
      .text(text, this.left, this.doc.y, { width: this.width, indent: BODY * 2, lineGap: 3 });
    this.doc.moveDown(0.5);
  }

  /** A section heading, kept on a page with room for a table head and a row after it. */
  heading(text: string): void {
    const { doc } = this;
    if (doc.y + 80 > this.bottom) doc.addPage();
    doc.font('bold').fontSize(12).fillColor(PDF_COLOURS.ink).text(text, this.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
  }

  note(text: string, align: 'left' | 'right' = 'left'): void {
    this.doc.font('regular').fontSize(9.5).fillColor(PDF_COLOURS.grey).text(text, this.left, this.doc.y, { width: this.width, align });
    this.doc.moveDown(0.3);
  }

  /** A ruled table with its head row repeated on every page it runs onto; a row taller than a page is split by pdfkit's own flow. */
  table(cols: Column[], rows: string[][], boldLast = false): void {
    const heads = cols.map((c) => c.title);
    this.row(cols, heads, 'head');
    rows.forEach((cells, i) => {
      const kind = boldLast && i === rows.length - 1 ? 'total' : 'body';
      if (this.doc.y + this.rowHeight(cols, cells, kind) > this.bottom) {
        this.doc.addPage();
        this.row(cols, heads, 'head');
      }
      this.row(cols, cells, kind);
    });
    this.doc.moveDown(0.6);
  }

  private font(kind: 'head' | 'body' | 'total'): void {
    this.doc.font(kind === 'body' ? 'regular' : 'bold').fontSize(kind === 'head' ? 10 : 9.5);
  }

  private rowHeight(cols: Column[], cells: string[], kind: 'head' | 'body' | 'total'): number {
    this.font(kind);
    return Math.max(...cells.map((text, i) => this.doc.heightOfString(text || ' ', { width: cols[i].width - PAD * 2, lineGap: 1 }))) + PAD * 2;
  }

  private row(cols: Column[], cells: string[], kind: 'head' | 'body' | 'total'): void {
    const { doc, left, width } = this;
    const height = this.rowHeight(cols, cells, kind);
    if (kind === 'head' && doc.y + height * 2 > this.bottom) doc.addPage();
    const top = doc.y;
    if (kind !== 'body')
      doc
        .rect(left, top, width, height)
        .fillColor(kind === 'head' ? '#f6f1f0' : '#fafafa')
        .fill();
    let x = left;
    cells.forEach((text, i) => {
      this.font(kind);
      doc
        .fillColor(kind === 'head' ? PDF_COLOURS.accent : PDF_COLOURS.ink)
        .text(text, x + PAD, top + PAD, { width: cols[i].width - PAD * 2, align: kind === 'head' ? 'center' : (cols[i].align ?? 'left'), lineGap: 1 });
      x += cols[i].width;
    });
    // The grid: the row's box and the lines between its cells.
    doc.lineWidth(0.5).strokeColor(kind === 'head' ? PDF_COLOURS.accent : PDF_COLOURS.line);
    doc.rect(left, top, width, height).stroke();
    x = left;
    for (const col of cols.slice(0, -1)) {
      x += col.width;
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .stroke();
    }
    doc.x = left;
    doc.y = top + height;
  }

  /** The issuer and the date at the right, under the last table (落款). */
  signature(issuer: string, date: string): void {
    const { doc } = this;
    if (doc.y + 70 > this.bottom) doc.addPage();
    doc.moveDown(1.2);
    const width = Math.min(this.width, 260);
    const x = this.left + this.width - width;
    doc.font('regular').fontSize(12).fillColor(PDF_COLOURS.ink).text(issuer, x, doc.y, { width, align: 'center' });
    doc.moveDown(0.2);
    doc.text(date, x, doc.y, { width, align: 'center' });
    doc.x = this.left;
  }
}

/** The rows grouped by class, in the order of INSTITUTION_CLASSES, with the Chinese heading numbered 一、二、… */
function byClass<T extends { class: InstitutionClass }>(rows: T[]): { heading: string; cls: InstitutionClass; rows: T[] }[] {
  const groups = INSTITUTION_CLASSES.map((cls) => ({ cls, rows: rows.filter((r) => r.class === cls) })).filter((g) => g.rows.length);
  return groups.map((g, i) => ({ ...g, heading: `${CHINESE_NUMERALS[i] ?? String(i + 1)}、${NOTICE_CLASS_ZH[g.cls]}（${g.rows.length}家）` }));
}

function frame(data: RewardNoticeData) {
  const span = `${zhDay(data.periodSpan.startsOn)}至${zhDay(data.periodSpan.endsOn)}`;
  const issued = zhDay(dayInZone(data.approvedAt, data.timeZone));
  const short = data.eventName.length > 24 ? `${data.eventName.slice(0, 24)}…` : data.eventName;
  return { span, issued, short };
}

/** The praise list (表扬名单) of an approved run: the institutions awarded, by class, with their amounts in 万元 and the reasons. */
export async function praisePdf(data: RewardNoticeData): Promise<Buffer> {
  const { span, issued, short } = frame(data);
  const { doc, done } = createPdf({
    Title: `${data.eventName} ${data.periodName} 表扬名单`,
    Author: data.organiserName,
    Subject: `表扬名单 · ${data.periodName} · 第${data.runSeq}次计算`,
  });
  const w = new NoticeWriter(doc);
  w.title(data.organiserName, '表扬名单', `${data.eventName} · ${data.periodName}（${span}）`);
  const total = data.praise.reduce((sum, r) => sum + r.amount, 0);
  if (!data.praise.length) {
    w.paragraph(`根据${data.periodName}考核奖励办法和各单位经确认的统计数据，经审定（第${data.runSeq}次计算），本期没有获得奖励的单位。`);
  } else {
    w.paragraph(
      `为鼓励金融机构和企业支持工业经济平稳发展，根据${data.periodName}考核奖励办法和各单位经审核确认的统计数据，` +
        `经审定（第${data.runSeq}次计算），对以下${data.praise.length}家单位予以表扬，并给予奖励，合计${wanText(total)}万元。` +
        '希望受到表扬的单位再接再厉，继续加大对工业经济的支持力度。',
    );
    for (const group of byClass(data.praise)) {
      w.heading(group.heading);
      const subtotal = group.rows.reduce((sum, r) => sum + r.amount, 0);
      const cols: Column[] = [
        { title: '序号', width: 34, align: 'center' },
        { title: '单位名称', width: 130 },
        { title: '奖励金额（万元）', width: 100, align: 'right' },
        { title: '奖励依据', width: w.width - 34 - 130 - 100 },
      ];
      w.table(
        cols,
        [
          ...group.rows.map((r, i) => [String(i + 1), r.name, wanText(r.amount), r.reasons.join('\n') || '—']),
          ['', '小计', wanText(subtotal), `${group.rows.length}家`],
        ],
        true,
      );
    }
    w.note(`奖励金额合计：${wanText(total)}万元（${data.praise.length}家单位）`, 'right');
  }
  w.signature(data.organiserName, issued);
  stampFooters(doc, (page, pages) => `${short} · 表扬名单 · 日期按 ${data.timeZone} 时区 · 第 ${page} 页 共 ${pages} 页`);
  doc.end();
  return done;
}

/** The notice of criticism (关于……的通报) of an approved run: the institutions that failed a gate or did not file, by class, with the reason. */
export async function criticismPdf(data: RewardNoticeData): Promise<Buffer> {
  const { span, issued, short } = frame(data);
  const title = `关于${data.periodName}考核未达标单位的通报`;
  const { doc, done } = createPdf({
    Title: `${data.eventName} ${title}`,
    Author: data.organiserName,
    Subject: `通报批评 · ${data.periodName} · 第${data.runSeq}次计算`,
  });
  const w = new NoticeWriter(doc);
  w.title(data.organiserName, title, `${data.eventName} · ${data.periodName}（${span}）`);
  if (!data.criticism.length) {
    w.paragraph(`根据${data.periodName}考核奖励办法，经审定（第${data.runSeq}次计算），本期没有需要通报批评的单位。`);
  } else {
    w.paragraph(
      `根据${data.periodName}考核奖励办法和各单位报送的统计数据，经审定（第${data.runSeq}次计算），` +
        `以下${data.criticism.length}家单位未达到考核要求或未按期报送统计数据，现予以通报批评。`,
    );
    for (const group of byClass(data.criticism)) {
      w.heading(group.heading);
      w.table(
        [
          { title: '序号', width: 36, align: 'center' },
          { title: '单位名称', width: 170 },
          { title: '通报事由', width: w.width - 36 - 170 },
        ],
        group.rows.map((r, i) => [String(i + 1), r.name, r.reason]),
      );
    }
    w.paragraph('请上述单位认真分析原因，查找不足，切实采取措施加以整改，并将整改情况按期报送。');
  }
  w.signature(data.organiserName, issued);
  stampFooters(doc, (page, pages) => `${short} · 通报 · 日期按 ${data.timeZone} 时区 · 第 ${page} 页 共 ${pages} 页`);
  doc.end();
  return done;
}
