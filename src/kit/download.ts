import { toCsv } from '../core/csv.js';
import type { ActivityExport } from '../core/protocol.js';
import type { Language } from '../core/protocol.js';

/**
 * Saves an activity's export as a file: the whole export as JSON, or one table as CSV. Finnish and
 * Swedish spreadsheets expect semicolons (their decimal separator is a comma), English commas.
 */
export function downloadExport(data: ActivityExport, format: 'json' | 'csv', table: string, language: Language): void {
  const name = `${data.eventId}-${data.activity}${format === 'csv' ? `-${table}` : ''}.${format}`;
  const body = format === 'json' ? JSON.stringify(data, null, 2) : toCsv(data.tables[table] ?? [], { delimiter: language === 'en' ? ',' : ';' });
  const url = URL.createObjectURL(new Blob([body], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
