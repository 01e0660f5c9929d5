/**
 * CSV for the organisers' exports, as spreadsheet programs read it: UTF-8 with a byte-order mark
 * (Excel otherwise misreads ä and ö), CRLF line ends, every field that needs it quoted, and
 * cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 *
 * The separator is a comma by default; `;` is what Excel expects where the decimal separator is a
 * comma (Finnish and Swedish settings), and opens in columns there.
 *
 * With `labels` the file is written for a person reading it in their language (see `CsvLabels`);
 * without, it keeps the export's own column keys and values, for programs.
 */
import type { Language } from './protocol.js';

export type CsvDelimiter = ',' | ';';
export type CsvCell = string | number | boolean | null | undefined;

/** The separator a spreadsheet opens in columns in `language`'s settings: `;` where the decimal separator is a comma. */
export const csvDelimiter = (language: Language): CsvDelimiter => (language === 'en' ? ',' : ';');

/**
 * How an export's table reads in one language, from the element's texts: titles of the columns,
 * texts of the values of enumerated columns, and the words for yes and no. The element's download
 * and the server's `lang=` export both pass them to `toCsv`, so the two files are the same.
 */
export interface CsvLabels {
  /** Column titles by column key; a column without one keeps its key. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Value texts by column key and value (`status` → `hidden` → "Hidden"); other values stay as they are. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Value texts for every column, after `values` (`__na__` → "don't know / not applicable"): for
   * values a kind writes in columns whose keys differ per activity, such as a form's questions.
   */
  readonly anyColumn?: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly no: string;
}

export interface CsvOptions {
  /** The columns, in order; default every key of the rows, in order of appearance. */
  columns?: readonly string[];
  delimiter?: CsvDelimiter;
  /**
   * Write for a person: column titles and value texts from `labels`, booleans as its yes and no,
   * and ISO instants (`2026-11-27T12:05:00.000Z`) as local date-times a spreadsheet reads as dates
   * (`2026-11-27 14:05`, in `timeZone`).
   */
  labels?: CsvLabels;
  /** The IANA time zone of local date-times (`Europe/Helsinki`); default the runtime's own. */
  timeZone?: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-27 14:05`: an instant as the local date and time in `timeZone`, in the order every spreadsheet reads as a date. */
export function localDateTime(instant: string | number | Date, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(key, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

function forPerson(column: string, value: CsvCell, labels: CsvLabels, timeZone: string | undefined): CsvCell {
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value !== 'string') return value;
  const named = labels.values?.[column];
  if (named && Object.hasOwn(named, value)) return named[value];
  if (labels.anyColumn && Object.hasOwn(labels.anyColumn, value)) return labels.anyColumn[value];
  return ISO_INSTANT.test(value) ? localDateTime(value, timeZone) : value;
}

function cell(value: CsvCell, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  // With `;` separators the spreadsheet reads decimal commas: 71,5.
  let text = typeof value === 'number' && delimiter === ';' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<Record<string, CsvCell>>, options: CsvOptions = {}): string {
  const { labels, timeZone } = options;
  const delimiter = options.delimiter ?? ',';
  const header = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (values: readonly CsvCell[]) => values.map((value) => cell(value, delimiter)).join(delimiter);
  const title = (name: string) => (labels?.columns && Object.hasOwn(labels.columns, name) ? labels.columns[name] : name);
  const value = (row: Record<string, CsvCell>, name: string) => (labels ? forPerson(name, row[name], labels, timeZone) : row[name]);
  const lines = [line(header.map(title)), ...rows.map((row) => line(header.map((name) => value(row, name))))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
