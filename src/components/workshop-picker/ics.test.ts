import { expect } from '@open-wc/testing';
import { escapeText, foldLine, utcDateTime, writeCalendar } from './ics.js';
import { searchKey, textKey } from './catalogue-controller.js';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('the calendar file (RFC 5545)', () => {
  it('escapes TEXT values: backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf\rg')).to.equal('a\\\\b\\; c\\, d\\ne\\nf\\ng');
    expect(escapeText('tab\there')).to.equal('tabhere');
  });

  it('folds lines at 75 octets, continuation lines starting with a space, never inside a character', () => {
    expect(foldLine('SUMMARY:short')).to.equal('SUMMARY:short');
    const long = `DESCRIPTION:${'ä'.repeat(100)}`;
    const lines = foldLine(long).split('\r\n');
    expect(lines.length).to.be.greaterThan(1);
    expect(lines.every((line) => octets(line) <= 75)).to.equal(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).to.equal(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).to.equal(long);
    // Two-octet letters fill a line to 74 octets when a 75th would split one.
    expect(octets(lines[0])).to.equal(74);
    const emoji = foldLine(`SUMMARY:${'🎉'.repeat(30)}`).split('\r\n');
    expect(emoji.every((line) => octets(line) <= 75 && !/[\uD800-\uDBFF]$/.test(line))).to.equal(true);
  });

  it('writes times in UTC from ISO times with an offset', () => {
    expect(utcDateTime('2026-06-10T09:00:00+03:00')).to.equal('20260610T060000Z');
    expect(utcDateTime('2026-10-27T09:00:00+02:00')).to.equal('20261027T070000Z');
    expect(() => utcDateTime('not a date')).to.throw(RangeError);
  });

  it('writes a calendar with CRLF line ends, a UID and DTSTAMP per event, and the URL unescaped', () => {
    const text = writeCalendar({
      name: 'Työpajat, kesä',
      stamp: new Date('2026-05-01T12:00:00Z'),
      events: [
        {
          uid: 'day-w-ai@osallistu',
          start: '2026-06-10T09:00:00+03:00',
          end: '2026-06-10T12:00:00+03:00',
          summary: 'AI; teaching, and more',
          description: 'Line one\nLine two',
          location: 'Room A, B-wing',
          url: 'https://meet.example.fi/w/ai?x=1,2',
        },
      ],
    });
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(text.split('\r\n').slice(0, -1)).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//osallistu//workshop picker//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Työpajat\\, kesä',
      'BEGIN:VEVENT',
      'UID:day-w-ai@osallistu',
      'DTSTAMP:20260501T120000Z',
      'DTSTART:20260610T060000Z',
      'DTEND:20260610T090000Z',
      'SUMMARY:AI\\; teaching\\, and more',
      'DESCRIPTION:Line one\\nLine two',
      'LOCATION:Room A\\, B-wing',
      'URL:https://meet.example.fi/w/ai?x=1,2',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
});

describe('catalogue search keys', () => {
  it('ignore case and accents in Finnish, Swedish and English', () => {
    expect(searchKey('Työelämäyhteistyö')).to.equal(searchKey('TYOELAMAYHTEISTYO'));
    expect(searchKey('Hållbar utveckling')).to.include('hallbar');
    expect(searchKey('Café  Öhman')).to.equal('cafe ohman');
  });

  it('give a theme written per language one key', () => {
    expect(textKey({ en: 'Pedagogy', fi: 'Pedagogiikka', sv: 'Pedagogik' })).to.equal(textKey({ fi: 'Pedagogiikka', sv: 'Pedagogik', en: 'Pedagogy' }));
    expect(textKey('Pedagogiikka')).to.equal('Pedagogiikka');
  });
});
