/**
 * A small iCalendar (RFC 5545) writer for "add my workshops to my calendar". Written here rather
 * than taken from the `ics` package: that one is CommonJS and brings a schema validator (yup) with
 * it, many times the size of these few rules.
 *
 * What the RFC asks and calendar apps check: CRLF line ends; TEXT values with backslash, semicolon,
 * comma and line breaks escaped; content lines folded at 75 octets of UTF-8 (a continuation line
 * starts with one space, which counts), never inside a character; times in UTC (`…Z`); and a UID
 * and DTSTAMP in every event.
 */

export interface CalendarEvent {
  /** Stable across downloads, so a calendar updates the event instead of adding it twice. */
  uid: string;
  /** ISO 8601 with an offset, or a Date. */
  start: string | Date;
  end: string | Date;
  summary: string;
  description?: string;
  location?: string;
  /** An address for an online event. */
  url?: string;
}

export interface Calendar {
  /** The calendar's name as apps show it when it is subscribed or imported. */
  name?: string;
  events: readonly CalendarEvent[];
  /** When the file was made (DTSTAMP); now by default. */
  stamp?: Date;
}

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
}

/** Folds one content line (RFC 5545 §3.1): at most 75 octets per line, continuations start with a space, characters are never split. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** A UTC date-time value: `20260610T060000Z`. */
export function utcDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The calendar as the text of an `.ics` file. */
export function writeCalendar(calendar: Calendar): string {
  const stamp = utcDateTime(calendar.stamp ?? new Date());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//osallistu//workshop picker//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${utcDateTime(event.start)}`, `DTEND:${utcDateTime(event.end)}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    // A URI value, not TEXT: its commas and semicolons are part of the address.
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Offers the calendar as a file to save or open. */
export function downloadCalendar(calendar: Calendar, fileName: string): void {
  const url = URL.createObjectURL(new Blob([writeCalendar(calendar)], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.ics') ? fileName : `${fileName}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
