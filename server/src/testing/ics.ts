// A deliberately small iCalendar reader for specs: unfolds lines (CRLF followed by one space
// or tab), splits each content line at the first unquoted colon and unescapes TEXT values.

export type IcsEvent = Record<string, string>;

export function unfoldIcs(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The calendar's own properties and its VEVENTs, each as name → unescaped value. */
export function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of unfoldIcs(text)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0].toUpperCase();
    const value = unescapeIcsText(line.slice(colon + 1));
    if (name === 'BEGIN' && value === 'VEVENT') current = {};
    else if (name === 'END' && value === 'VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (current) current[name] = value;
    else if (name !== 'BEGIN' && name !== 'END') calendar[name] = value;
  }
  return { calendar, events };
}
