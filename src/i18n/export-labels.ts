import type { CsvLabels } from '../core/csv.js';
import type { Language } from './languages.js';
import { boardTexts } from './board/index.js';
import { cloudTexts } from './cloud/index.js';
import { feedbackTexts } from './feedback/index.js';
import { workshopsTexts } from './workshops/index.js';

/**
 * Each activity kind's words for its export, from its element's texts (`export`), for the server's
 * CSV in a language (`…/export?format=csv&lang=fi`). An element's own download passes the same
 * texts, so the two files agree. A kind missing here is exported with its column keys.
 */
const byKind: Record<string, (language: Language) => CsvLabels> = {
  board: (language) => boardTexts.texts[language].export,
  feedback: (language) => feedbackTexts.texts[language].export,
  workshops: (language) => workshopsTexts.texts[language].export,
  cloud: (language) => cloudTexts.texts[language].export,
};

export function exportLabels(kind: string, language: Language): CsvLabels | undefined {
  return Object.hasOwn(byKind, kind) ? byKind[kind](language) : undefined;
}
