import { Injectable } from '@nestjs/common';
import type { AgendaItem } from '@duijie/shared';
import { beijingTime, createPdf, PDF_COLOURS, pdfTitle, stampFooters } from '../common/pdf';
import type { Agenda } from './agenda.service';

const STATUS_ZH: Record<AgendaItem['status'], string> = { unscheduled: '待安排', scheduled: '已安排', held: '已洽谈', no_show: '未到场', cancelled: '已取消' };

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * A participant's agenda printed on A4 (Beijing time): the organisation and event on top,
 * then the meetings day by day in a table of time, table number, counterpart and topic.
 */
@Injectable()
export class AgendaPdfService {
  async render(agenda: Agenda): Promise<Buffer> {
    const { doc, done } = createPdf({ Title: `洽谈日程 · ${agenda.organisationName}`, Author: 'Duijie 对接', Subject: agenda.eventName });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const { grey, ink, accent, line } = PDF_COLOURS;

    pdfTitle(doc, '洽谈日程', 'Meeting agenda', 20);
    doc.moveDown(0.5).font('bold').fontSize(13).fillColor(ink).text(agenda.organisationName, { align: 'center' });
    doc.font('regular').fontSize(11).fillColor(ink).text(agenda.eventName, { align: 'center' });
    doc.moveDown(1);

    if (agenda.items.length === 0) {
      doc.font('regular').fontSize(12).fillColor(grey).text('暂无已发布的洽谈安排。', { align: 'center' });
      doc.fontSize(9).text('No published meetings yet.', { align: 'center' });
    }

    // Columns: time, table, counterpart, topic (with the session underneath).
    const cols = [
      { title: '时间', width: 78 },
      { title: '桌号', width: 60 },
      { title: '洽谈对象', width: 150 },
      { title: '洽谈主题', width: width - 78 - 60 - 150 },
    ];
    const pad = 4;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const row = (cells: string[], opts: { font: 'regular' | 'bold'; size: number; color: string; notes?: (string | null)[] }) => {
      doc.font(opts.font).fontSize(opts.size);
      const heights = cells.map((text, i) => {
        let h = doc.heightOfString(text, { width: cols[i].width - pad * 2 });
        const note = opts.notes?.[i];
        if (note) h += doc.fontSize(8).heightOfString(note, { width: cols[i].width - pad * 2 }) + 1;
        doc.fontSize(opts.size);
        return h;
      });
      const height = Math.max(...heights) + pad * 2;
      if (doc.y + height > bottom()) {
        doc.addPage();
        header();
      }
      const top = doc.y;
      let x = left;
      cells.forEach((text, i) => {
        doc
          .font(opts.font)
          .fontSize(opts.size)
          .fillColor(opts.color)
          .text(text, x + pad, top + pad, { width: cols[i].width - pad * 2 });
        const note = opts.notes?.[i];
        if (note)
          doc
            .font('regular')
            .fontSize(8)
            .fillColor(grey)
            .text(note, x + pad, doc.y + 1, { width: cols[i].width - pad * 2 });
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
    const header = () =>
      row(
        cols.map((c) => c.title),
        { font: 'bold', size: 10, color: accent },
      );

    let currentDay = '';
    for (const item of agenda.items) {
      const itemDay = item.startsAt ? day.format(new Date(item.startsAt)) : '时间待定';
      if (itemDay !== currentDay) {
        currentDay = itemDay;
        // A day's title, the column heads and its first meeting stay on one page.
        if (doc.y + 120 > bottom()) doc.addPage();
        doc.moveDown(0.6).font('bold').fontSize(12).fillColor(ink).text(itemDay, left, doc.y);
        doc.moveDown(0.3);
        header();
      }
      const time = item.startsAt && item.endsAt ? `${clock.format(new Date(item.startsAt))}–${clock.format(new Date(item.endsAt))}` : '待定';
      const table = item.table === null ? '—' : `第${item.table}号桌`;
      const status = item.status === 'scheduled' ? null : STATUS_ZH[item.status];
      row([time, table, item.counterpart.organisationName, item.topic], {
        font: 'regular',
        size: 10,
        color: ink,
        notes: [status, null, null, `${item.sessionTitle} · ${item.venue}`],
      });
    }

    doc
      .moveDown(1)
      .font('regular')
      .fontSize(9)
      .fillColor(grey)
      .text('请按时到达对应桌号。时间均为北京时间；日程如有变动，以平台最新发布为准。', left, doc.y, { width });

    const printed = beijingTime(new Date());
    stampFooters(doc, (page, pages) => `对接 Duijie · 日程打印于 ${printed}（北京时间） · 第 ${page} / ${pages} 页`);
    doc.end();
    return done;
  }
}
