import type { AgendaItem } from '@duijie/shared';
import { parseIcs } from '../testing/ics';
import { buildAgendaCalendar, escapeText, foldLine, utcDateTime } from './agenda.ics';

const item = (overrides: Partial<AgendaItem> = {}): AgendaItem => {
  const a = { organisationId: 'a', organisationName: '西宁特殊钢股份有限公司' };
  const b = { organisationId: 'b', organisationName: '青海盐湖工业股份有限公司' };
  return {
    id: '6f1c2a4e-8d0b-4c55-9a51-0c7d9c1e2f3a',
    eventId: 'e',
    sessionId: 's',
    requestId: 'r',
    topic: '螺纹钢年度供货',
    parties: [a, b],
    status: 'scheduled',
    slot: 3,
    table: 12,
    startsAt: '2026-12-10T01:40:00.000Z',
    endsAt: '2026-12-10T02:00:00.000Z',
    pinned: false,
    published: true,
    unscheduledReason: null,
    version: 4,
    updatedAt: '2026-12-01T00:00:00.000Z',
    counterpart: b,
    sessionTitle: '建材专场',
    venue: '青海国际会展中心',
    ...overrides,
  };
};

describe('agenda iCalendar builder', () => {
  it('folds a long Chinese line at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:洽谈：${'青海省西宁市城东区经济技术开发区'.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, part] of parts.entries()) {
      const bytes = Buffer.from(part, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Decoding and encoding again gives the same bytes: no character was cut in two.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(part).not.toContain('\uFFFD');
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    // 75 octets is full: a line of exactly 75 is not folded, 76 is.
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('keeps characters outside the basic plane whole', () => {
    const folded = foldLine(`DESCRIPTION:${'𠀀'.repeat(30)}`);
    for (const part of folded.split('\r\n')) expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'𠀀'.repeat(30)}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes CRLF lines, the calendar headers and one event per meeting in UTC', () => {
    const ics = buildAgendaCalendar([item({ topic: '价格, 数量; 交付\\方式\n第二行' })], {
      now: new Date('2026-12-03T04:05:06.789Z'),
      name: '对接活动 · 西宁特钢',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar, events } = parseIcs(ics);
    expect(calendar).toMatchObject({ VERSION: '2.0', CALSCALE: 'GREGORIAN', METHOD: 'PUBLISH' });
    expect(calendar.PRODID).toMatch(/Duijie/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      UID: '6f1c2a4e-8d0b-4c55-9a51-0c7d9c1e2f3a@duijie',
      DTSTAMP: '20261203T040506Z',
      DTSTART: '20261210T014000Z',
      DTEND: '20261210T020000Z',
      SEQUENCE: '4',
      SUMMARY: '洽谈：青海盐湖工业股份有限公司',
      LOCATION: '青海国际会展中心 第12号桌',
      DESCRIPTION: '价格, 数量; 交付\\方式\n第二行\n专场：建材专场',
    });
  });

  it('leaves out meetings without a time and still makes a valid empty calendar', () => {
    const ics = buildAgendaCalendar([item({ startsAt: null, endsAt: null, slot: null, table: null })], { now: new Date(), name: 'x' });
    expect(parseIcs(ics).events).toEqual([]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('formats UTC date-times', () => {
    expect(utcDateTime('2026-12-10T09:00:00+08:00')).toBe('20261210T010000Z');
  });
});
