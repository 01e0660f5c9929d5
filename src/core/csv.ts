/**
 * CSV for the organisers' exports, as spreadsheet programs read it: UTF-8 with a byte-order mark
 * (Excel otherwise misreads ä and ö), CRLF line ends, every field that needs it quoted, and
 * cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 */
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<Record<string, CsvCell>>, columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [header.map((name) => cell(name)).join(','), ...rows.map((row) => header.map((name) => cell(row[name])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
