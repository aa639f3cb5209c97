import { dayInZone, formatCny, INDUSTRY_CHAINS, type BriefingSnapshot, type DealFigures, type Problem, type SessionKind } from '@duijie/shared';
import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import { createPdf, PDF_COLOURS, pdfTitle, stampFooters } from '../common/pdf';
import { ENUM_ZH } from '../common/export-labels';

/** What one briefing prints. */
export type BriefingDocument = {
  eventName: string;
  timeZone: string;
  seq: number;
  periodFrom: string;
  periodTo: string;
  createdAt: Date;
  /** Scheduled (weekly) or made by an organiser. */
  scheduled: boolean;
  figures: BriefingSnapshot;
  /** The briefing before, to compare with; null for the first. */
  previous: { seq: number; figures: BriefingSnapshot } | null;
  problems: Problem[];
  /** All open problems, of which `problems` are the first. */
  problemsTotal: number;
};

/** The change of each deal figure from the briefing before. */
export function dealDeltas(now: DealFigures, before: DealFigures): DealFigures {
  return {
    signed: { count: now.signed.count - before.signed.count, amount: now.signed.amount - before.signed.amount },
    intent: { count: now.intent.count - before.intent.count, amount: now.intent.amount - before.intent.amount },
    negotiating: { count: now.negotiating.count - before.negotiating.count, amount: now.negotiating.amount - before.negotiating.amount },
    approved: now.approved - before.approved,
    disbursed: now.disbursed - before.disbursed,
    delivered: now.delivered - before.delivered,
    performed: now.performed - before.performed,
  };
}

const EMPTY_DEALS: DealFigures = {
  signed: { count: 0, amount: 0 },
  intent: { count: 0, amount: 0 },
  negotiating: { count: 0, amount: 0 },
  approved: 0,
  disbursed: 0,
  delivered: 0,
  performed: 0,
};

const PROBLEM_CATEGORY_ZH: Record<Problem['category'], string> = {
  financing: '资金',
  transport: '运输',
  power: '电力',
  land: '用地',
  approval: '审批',
  other: '其他',
};
const PROBLEM_STATE_ZH: Record<Problem['state'], string> = { received: '待转办', in_progress: '办理中', resolved: '已办结' };

const money = (yuan: number) => formatCny(yuan);
const signedMoney = (yuan: number) => (yuan === 0 ? '持平' : `${yuan > 0 ? '+' : '-'}${formatCny(Math.abs(yuan))}`);
const signedCount = (n: number, unit: string) => (n === 0 ? '持平' : `${n > 0 ? '+' : ''}${n}${unit}`);
const countAmount = (c: { count: number; amount: number }) => `${c.count}个 · ${money(c.amount)}`;
const countAmountDelta = (c: { count: number; amount: number }) =>
  c.count === 0 && c.amount === 0 ? '持平' : `${signedCount(c.count, '个')} · ${signedMoney(c.amount)}`;

/** 2026-03-02 → 2026年3月2日. */
export function zhDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const chainName = (code: string) => (code === 'other' ? '其他（未归入产业链）' : (INDUSTRY_CHAINS.find((c) => c.code === code)?.name ?? code));
const kindName = (kind: SessionKind) => ENUM_ZH.sessionKind[kind] ?? kind;
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** A bar's value over it, with thousands separators; none on an empty bar. */
const LABEL_TOP = {
  show: true,
  position: 'top' as const,
  fontSize: 9,
  formatter: (p: { value?: unknown }) => (Number(p.value) ? Number(p.value).toLocaleString('en-US') : ''),
};
/** Session kinds as short as a chart's axis needs. */
const KIND_SHORT: Record<SessionKind, string> = {
  bank_enterprise: '银企对接',
  upstream_downstream: '上下游对接',
  producer_distributor: '产销对接',
  building_materials: '大宗建材对接',
};

/**
 * Labels without ECharts' white halo: a stroke SVG paints under the text (paint-order), which
 * svg-to-pdfkit paints over it, hiding the text.
 */
export function withoutHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*paint-order="stroke"[^>]*>/g, (tag) => tag.replace(/\s(stroke|stroke-width|paint-order|stroke-miterlimit)="[^"]*"/g, ''));
}

/** An ECharts chart rendered on the server to SVG (no DOM, no animation). */
export function chartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Noto Sans SC', fontSize: 10 },
      color: ['#b3261e', '#5470c6', '#91cc75', '#fac858'],
      ...option,
    });
    return withoutHalos(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** The charts of a briefing, as SVG: signed and intent by session kind, signed per day, signed by chain. */
export function briefingCharts(figures: BriefingSnapshot, width: number): { title: string; svg: string; height: number }[] {
  const charts: { title: string; svg: string; height: number }[] = [];
  const axisWan = { type: 'value' as const, name: '万元', nameTextStyle: { align: 'right' as const }, axisLabel: { fontSize: 9 } };
  if (figures.bySessionKind.length) {
    const height = 200;
    charts.push({
      title: '各专场签约与意向金额（万元）',
      height,
      svg: chartSvg(
        {
          grid: { left: 64, right: 16, top: 44, bottom: 28 },
          legend: { top: 0, data: ['签约', '意向'] },
          xAxis: { type: 'category', data: figures.bySessionKind.map((r) => KIND_SHORT[r.key] ?? r.key), axisLabel: { fontSize: 9, interval: 0 } },
          yAxis: axisWan,
          series: [
            { name: '签约', type: 'bar', data: figures.bySessionKind.map((r) => wan(r.signed.amount)), label: LABEL_TOP },
            { name: '意向', type: 'bar', data: figures.bySessionKind.map((r) => wan(r.intent.amount)), label: LABEL_TOP },
          ],
        },
        width,
        height,
      ),
    });
  }
  if (figures.byDay.length) {
    const height = 200;
    charts.push({
      title: '每日签约金额与累计（万元）',
      height,
      svg: chartSvg(
        {
          grid: { left: 64, right: 64, top: 32, bottom: 28 },
          legend: { top: 0, data: ['当日签约', '累计签约'] },
          xAxis: { type: 'category', data: figures.byDay.map((d) => d.day.slice(5)), axisLabel: { fontSize: 9 } },
          yAxis: [axisWan, { ...axisWan, name: '累计（万元）', nameTextStyle: { align: 'left' as const }, splitLine: { show: false } }],
          series: [
            { name: '当日签约', type: 'bar', data: figures.byDay.map((d) => wan(d.signed.amount)) },
            { name: '累计签约', type: 'line', yAxisIndex: 1, data: figures.byDay.map((d) => wan(d.cumulative.amount)), symbolSize: 4 },
          ],
        },
        width,
        height,
      ),
    });
  }
  const chains = figures.byChain.filter((r) => r.signed.amount > 0).sort((a, b) => b.signed.amount - a.signed.amount);
  if (chains.length) {
    const rows = chains.slice(0, 8).reverse();
    const height = 40 + rows.length * 26;
    charts.push({
      title: '各产业链签约金额（万元）',
      height,
      svg: chartSvg(
        {
          grid: { left: 190, right: 64, top: 8, bottom: 24 },
          xAxis: { ...axisWan, name: '' },
          yAxis: { type: 'category', data: rows.map((r) => chainName(r.key)), axisLabel: { fontSize: 9, width: 180, overflow: 'truncate' } },
          series: [{ type: 'bar', data: rows.map((r) => wan(r.signed.amount)), barMaxWidth: 16, label: { ...LABEL_TOP, position: 'right' } }],
        },
        width,
        height,
      ),
    });
  }
  return charts;
}

type Column = { title: string; width: number; align?: 'left' | 'right' };

/** Writes the briefing's blocks one under another on A4 pages: headings, notes, tables, charts. */
class Writer {
  readonly left: number;
  readonly width: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - this.left - doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A section's heading, kept on a page with at least `keep` points of what follows it. */
  heading(text: string, keep = 80): void {
    const { doc } = this;
    if (doc.y + 30 + keep > this.bottom) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(13).fillColor(PDF_COLOURS.accent).text(text, this.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
  }

  note(text: string): void {
    this.doc.font('regular').fontSize(10).fillColor(PDF_COLOURS.grey).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  /** A table with its head row repeated on every page it runs onto. */
  table(cols: Column[], rows: string[][]): void {
    const heads = cols.map((c) => c.title);
    this.row(cols, heads, true);
    for (const cells of rows) {
      if (this.doc.y + this.rowHeight(cols, cells, false) > this.bottom) {
        this.doc.addPage();
        this.row(cols, heads, true);
      }
      this.row(cols, cells, false);
    }
  }

  private rowHeight(cols: Column[], cells: string[], header: boolean): number {
    this.doc.font(header ? 'bold' : 'regular').fontSize(10);
    return Math.max(...cells.map((text, i) => this.doc.heightOfString(text, { width: cols[i].width - PAD * 2 }))) + PAD * 2;
  }

  private row(cols: Column[], cells: string[], header: boolean): void {
    const { doc, left, width } = this;
    const height = this.rowHeight(cols, cells, header);
    if (header && doc.y + height * 2 > this.bottom) doc.addPage();
    const top = doc.y;
    if (header) doc.rect(left, top, width, height).fillColor('#f6f1f0').fill();
    let x = left;
    cells.forEach((text, i) => {
      doc
        .font(header ? 'bold' : 'regular')
        .fontSize(10)
        .fillColor(header ? PDF_COLOURS.accent : PDF_COLOURS.ink)
        .text(text, x + PAD, top + PAD, { width: cols[i].width - PAD * 2, align: cols[i].align ?? 'left' });
      x += cols[i].width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.5)
      .strokeColor(PDF_COLOURS.line)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  }

  /** A progress bar across the page, `fraction` of it filled. */
  bar(fraction: number): void {
    const { doc, left, width } = this;
    const top = doc.y + 2;
    doc.rect(left, top, width, 8).fillColor('#eeeeee').fill();
    doc
      .rect(left, top, width * Math.max(0, Math.min(1, fraction)), 8)
      .fillColor(PDF_COLOURS.accent)
      .fill();
    doc.x = left;
    doc.y = top + 14;
  }

  /** An SVG chart under its title, on the page it fits. */
  chart(title: string, svg: string, height: number): void {
    const { doc, left, width } = this;
    if (doc.y + height + 24 > this.bottom) doc.addPage();
    doc.font('bold').fontSize(10).fillColor(PDF_COLOURS.ink).text(title, left, doc.y, { width });
    const top = doc.y + 4;
    SVGtoPDF(doc, svg, left, top, { width: Math.floor(width), height, assumePt: true, fontCallback: (_family, bold) => (bold ? 'bold' : 'regular') });
    doc.x = left;
    doc.y = top + height + 10;
  }
}

const PAD = 4;
const NONE = '—';

function titleBlock(w: Writer, b: BriefingDocument, period: string): void {
  const { doc } = w;
  const created = new Intl.DateTimeFormat('zh-CN', {
    timeZone: b.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(b.createdAt);
  pdfTitle(doc, '对接工作简报', 'Briefing for the coordination group', 22);
  doc.moveDown(0.4).font('bold').fontSize(14).fillColor(PDF_COLOURS.ink).text(b.eventName, { align: 'center' });
  doc.font('bold').fontSize(12).fillColor(PDF_COLOURS.accent).text(`第${b.seq}期`, { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(PDF_COLOURS.grey)
    .text(`统计期间：${period} · ${b.scheduled ? '每周定期简报' : '即时简报'} · 制作于 ${created}`, { align: 'center' });
  doc.moveDown(0.3);
  doc
    .moveTo(w.left, doc.y)
    .lineTo(w.left + w.width, doc.y)
    .lineWidth(1)
    .strokeColor(PDF_COLOURS.accent)
    .stroke();
  doc.moveDown(0.6);
}

/** 一、主要指标: the headline figures, their change from the briefing before, and the progress against the target. */
function headlineSection(w: Writer, b: BriefingDocument): void {
  const h = b.figures.headline;
  const d = b.previous ? dealDeltas(h, b.previous.figures.headline) : null;
  w.heading('一、主要指标');
  const half = (w.width - 130) / 2;
  w.table(
    [
      { title: '指标', width: 130 },
      { title: '累计', width: half, align: 'right' },
      { title: b.previous ? `较上期（第${b.previous.seq}期）` : '较上期', width: half, align: 'right' },
    ],
    [
      ['签约项目', countAmount(h.signed), d ? countAmountDelta(d.signed) : NONE],
      ['意向项目', countAmount(h.intent), d ? countAmountDelta(d.intent) : NONE],
      ['洽谈中项目', countAmount(h.negotiating), d ? countAmountDelta(d.negotiating) : NONE],
      ['审批金额', money(h.approved), d ? signedMoney(d.approved) : NONE],
      ['放款金额', money(h.disbursed), d ? signedMoney(d.disbursed) : NONE],
      ['供货金额', money(h.delivered), d ? signedMoney(d.delivered) : NONE],
      ['履约完成项目', `${h.performed}个`, d ? signedCount(d.performed, '个') : NONE],
    ],
  );
  w.doc.moveDown(0.4);
  if (h.target > 0) {
    const fraction = h.signed.amount / h.target;
    w.note(`签约目标 ${money(h.target)}，已签约 ${money(h.signed.amount)}，完成目标的 ${(fraction * 100).toFixed(1)}%。`);
    w.bar(fraction);
  } else {
    w.note('本活动未设签约目标。');
  }
}

/** 二、与上期相比: each session kind's signed and intent deals, and the overdue and open counts, against the briefing before. */
function changesSection(w: Writer, b: BriefingDocument): void {
  w.heading('二、与上期相比');
  const previous = b.previous;
  if (!previous) {
    w.note('本期为首期简报，无上期数据可比；下期起列出各项指标的变化。');
    return;
  }
  w.note(`与第${previous.seq}期（数据截至 ${dayInZone(previous.figures.at, b.timeZone)}）相比，各专场的变化如下。`);
  const kinds = [...new Set([...b.figures.bySessionKind.map((r) => r.key), ...previous.figures.bySessionKind.map((r) => r.key)])];
  const rest = (w.width - 130) / 4;
  w.table(
    [
      { title: '专场类型', width: 130 },
      { title: '签约', width: rest, align: 'right' },
      { title: '签约变化', width: rest, align: 'right' },
      { title: '意向', width: rest, align: 'right' },
      { title: '意向变化', width: rest, align: 'right' },
    ],
    kinds.map((kind) => {
      const now = b.figures.bySessionKind.find((r) => r.key === kind) ?? EMPTY_DEALS;
      const was = previous.figures.bySessionKind.find((r) => r.key === kind) ?? EMPTY_DEALS;
      const delta = dealDeltas(now, was);
      return [kindName(kind), countAmount(now.signed), countAmountDelta(delta.signed), countAmount(now.intent), countAmountDelta(delta.intent)];
    }),
  );
  const total = (rows: BriefingSnapshot['overdue']) => rows.reduce((a, r) => a + r.count, 0);
  const overdueNow = total(b.figures.overdue);
  const problemsNow = b.figures.openProblems;
  w.doc.moveDown(0.4);
  w.note(
    `逾期未报送事项 ${overdueNow}项（${signedCount(overdueNow - total(previous.figures.overdue), '项')}）；` +
      `待解决问题 ${problemsNow}个（${signedCount(problemsNow - previous.figures.openProblems, '个')}）。`,
  );
}

/** 三、图表. */
function chartsSection(w: Writer, b: BriefingDocument): void {
  const charts = briefingCharts(b.figures, Math.floor(w.width));
  w.heading('三、图表', (charts[0]?.height ?? 0) + 24);
  if (!charts.length) w.note('暂无签约数据，尚无图表。');
  for (const chart of charts) w.chart(chart.title, chart.svg, chart.height);
}

/** 四、逾期未报送单位. */
function overdueSection(w: Writer, b: BriefingDocument): void {
  w.heading('四、逾期未报送单位');
  if (!b.figures.overdue.length) return w.note('目前没有逾期未报送的单位。');
  w.note(`以下 ${b.figures.overdue.length} 家单位有已过期限仍未报送的事项（截至简报制作时）。`);
  w.table(
    [
      { title: '单位', width: w.width - 120 },
      { title: '逾期事项', width: 120, align: 'right' },
    ],
    b.figures.overdue.map((r) => [r.name, `${r.count}项`]),
  );
}

/** 五、待解决问题. */
function problemsSection(w: Writer, b: BriefingDocument): void {
  w.heading('五、待解决问题');
  if (!b.problems.length) return w.note('目前没有待解决的问题。');
  w.note(
    b.problemsTotal > b.problems.length
      ? `共 ${b.problemsTotal} 个问题尚未答复，列出其中 ${b.problems.length} 个（紧急、最早者优先）。`
      : `共 ${b.problemsTotal} 个问题尚未答复。`,
  );
  w.table(
    [
      { title: '问题', width: w.width - 90 - 50 - 120 },
      { title: '反映单位', width: 90 },
      { title: '类别', width: 50 },
      { title: '办理情况', width: 120 },
    ],
    b.problems.map((p) => [
      `${p.urgency === 'urgent' ? '【紧急】' : ''}${p.title}`,
      p.organisationName,
      PROBLEM_CATEGORY_ZH[p.category],
      [PROBLEM_STATE_ZH[p.state], p.departmentName, p.dueOn ? `${p.overdue ? '已逾期，' : ''}时限 ${p.dueOn}` : null].filter(Boolean).join(' · '),
    ]),
  );
}

/** The briefing as an A4 PDF in Chinese, with the page number and the time zone at the foot of every page. */
export async function renderBriefingPdf(b: BriefingDocument): Promise<Buffer> {
  const period = b.periodFrom === b.periodTo ? zhDay(b.periodFrom) : `${zhDay(b.periodFrom)}至${zhDay(b.periodTo)}`;
  const { doc, done } = createPdf({ Title: `${b.eventName} 对接工作简报 第${b.seq}期`, Author: 'Duijie 对接', Subject: period });
  const w = new Writer(doc);
  titleBlock(w, b, period);
  headlineSection(w, b);
  changesSection(w, b);
  chartsSection(w, b);
  overdueSection(w, b);
  problemsSection(w, b);
  const short = b.eventName.length > 24 ? `${b.eventName.slice(0, 24)}…` : b.eventName;
  stampFooters(doc, (page, pages) => `对接 Duijie · ${short} 简报第${b.seq}期 · 日期与时间均按 ${b.timeZone} 时区 · 第 ${page} / ${pages} 页`);
  doc.end();
  return done;
}
