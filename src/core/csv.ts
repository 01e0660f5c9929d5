/**
 * CSV for the organisers' exports, as spreadsheet programs read it: UTF-8 with a byte-order mark
 * (Excel otherwise misreads ä and ö), CRLF line ends, every field that needs it quoted, and
 * cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 *
 * The separator is a comma by default; `;` is what Excel expects where the decimal separator is a
 * comma (Finnish and Swedish settings), and opens in columns there.
 */
export type CsvDelimiter = ',' | ';';
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  // With `;` separators the spreadsheet reads decimal commas: 71,5.
  let text = typeof value === 'number' && delimiter === ';' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<Record<string, CsvCell>>, options: { columns?: readonly string[]; delimiter?: CsvDelimiter } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const header = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (values: readonly CsvCell[]) => values.map((value) => cell(value, delimiter)).join(delimiter);
  const lines = [line(header), ...rows.map((row) => line(header.map((name) => row[name])))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
