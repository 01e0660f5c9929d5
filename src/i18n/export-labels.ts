import type { CsvLabels } from '../core/csv.js';
import type { Language } from './languages.js';
import { en, type Translation } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';

/**
 * Each activity kind's words for its export, from its element's texts (`export`), for the server's
 * CSV in a language (`…/export?format=csv&lang=fi`). An element's own download passes the same
 * texts, so the two files agree. A kind missing here is exported with its column keys.
 */
const byKind: Record<string, (texts: Translation) => CsvLabels> = {
  board: (texts) => texts.board.export,
  feedback: (texts) => texts.feedback.export,
  workshops: (texts) => texts.workshops.export,
  cloud: (texts) => texts.cloud.export,
};

const texts: Record<Language, Translation> = { fi, sv, en };

export function exportLabels(kind: string, language: Language): CsvLabels | undefined {
  return Object.hasOwn(byKind, kind) ? byKind[kind](texts[language]) : undefined;
}
