import type { AgendaItem } from '@duijie/shared';

/**
 * A participant's agenda as an iCalendar file (RFC 5545) that calendar apps import: one
 * VEVENT per meeting, times in UTC, lines ending in CRLF and folded at 75 octets without
 * ever cutting a UTF-8 character in two.
 */

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_OCTETS = 75;

/** TEXT values (§3.3.11): backslash, semicolon and comma are escaped; line breaks become `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (§3.1): after at most 75 octets a CRLF and one space; the space
 * counts towards the next line's 75. Splits only between characters (code points), so a
 * Chinese character's three UTF-8 bytes always stay on one line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** A UTC DATE-TIME (§3.3.5, form 2): 20261210T013000Z. */
export function utcDateTime(at: string | Date): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export type CalendarOptions = {
  /** When the file is made: DTSTAMP of every event. */
  now: Date;
  /** The calendar's display name (X-WR-CALNAME), e.g. the event and organisation. */
  name: string;
};

/** Where a meeting takes place: the venue and the table, e.g. "青海国际会展中心 第12号桌". */
export function meetingLocation(item: Pick<AgendaItem, 'venue' | 'table'>): string {
  return item.table === null ? item.venue : `${item.venue} 第${item.table}号桌`;
}

export function buildAgendaCalendar(items: readonly AgendaItem[], options: CalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Duijie//Meeting agenda//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = utcDateTime(options.now);
  for (const item of items) {
    if (!item.startsAt || !item.endsAt) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.id}@duijie`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(item.startsAt)}`,
      `DTEND:${utcDateTime(item.endsAt)}`,
      `SEQUENCE:${item.version}`,
      `SUMMARY:${escapeText(`洽谈：${item.counterpart.organisationName}`)}`,
      `LOCATION:${escapeText(meetingLocation(item))}`,
      `DESCRIPTION:${escapeText(`${item.topic}\n专场：${item.sessionTitle}`)}`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
