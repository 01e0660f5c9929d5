import { csvDelimiter, toCsv, type CsvLabels } from '../core/csv.js';
import type { ActivityExport } from '../core/protocol.js';
import type { Language } from '../core/protocol.js';

export interface DownloadOptions {
  /**
   * The element's words for its export (column titles, value texts, yes and no), from its texts'
   * `export` section: the CSV is then written for a person in `language`, with local date-times,
   * the same file the server's `…/export?format=csv&lang=…` answers.
   */
  labels?: CsvLabels;
  /** The time zone of the CSV's date-times; default the browser's. */
  timeZone?: string;
}

/**
 * Saves an activity's export as a file: the whole export as JSON (machine-readable: ids and ISO
 * times, whatever the language), or one table as CSV. Finnish and Swedish spreadsheets expect
 * semicolons (their decimal separator is a comma), English commas.
 */
export function downloadExport(data: ActivityExport, format: 'json' | 'csv', table: string, language: Language, options: DownloadOptions = {}): void {
  const name = `${data.eventId}-${data.activity}${format === 'csv' ? `-${table}` : ''}.${format}`;
  const body =
    format === 'json'
      ? JSON.stringify(data, null, 2)
      : toCsv(data.tables[table] ?? [], { delimiter: csvDelimiter(language), labels: options.labels, timeZone: options.timeZone });
  const url = URL.createObjectURL(new Blob([body], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
