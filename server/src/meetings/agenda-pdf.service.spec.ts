import type { AgendaItem } from '@duijie/shared';
import { pdfText } from '../testing/pdf-text';
import { AgendaPdfService } from './agenda-pdf.service';

const party = (n: number) => ({ organisationId: `org-${n}`, organisationName: `青海测试企业第${n}号有限公司` });

const item = (n: number): AgendaItem => {
  const startsAt = new Date(Date.parse('2026-12-10T01:00:00Z') + (n - 1) * 20 * 60_000 + (n > 24 ? 86_400_000 : 0)).toISOString();
  return {
    id: `m-${n}`,
    eventId: 'e',
    sessionId: 's',
    requestId: `r-${n}`,
    topic: `关于第${n}批次钢材供货的价格、数量与交付安排的洽谈`,
    parties: [party(0), party(n)],
    status: n === 1 ? 'held' : 'scheduled',
    slot: n,
    table: n,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 20 * 60_000).toISOString(),
    pinned: false,
    published: true,
    unscheduledReason: null,
    version: 1,
    updatedAt: startsAt,
    counterpart: party(n),
    sessionTitle: '建材专场',
    venue: '青海国际会展中心',
  };
};

describe('agenda PDF', () => {
  it('runs over several pages, day by day, without losing a meeting', async () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i + 1));
    const pdf = await new AgendaPdfService().render({
      eventId: 'e',
      eventName: '2026青海省产业对接会',
      organisationId: 'org-0',
      organisationName: party(0).organisationName,
      items,
    });
    const { pages, text } = pdfText(pdf);
    expect(pages).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, '');
    for (const n of [1, 24, 25, 40]) expect(flat).toContain(`青海测试企业第${n}号有限公司`);
    expect(flat).toContain('第40号桌');
    expect(flat).toContain('已洽谈');
    expect(flat).toContain('2026年12月10日');
    expect(flat).toContain('2026年12月11日');
    expect(flat).toContain(`第${pages}/${pages}页`);
  });
});
