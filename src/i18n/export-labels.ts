import type { CsvLabels } from '../core/csv.js';
import { responseLabels, type FeedbackConfig } from '../core/feedback/feedback.view.js';
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
const byKind: Record<string, (language: Language, config: unknown) => CsvLabels> = {
  board: (language) => boardTexts.texts[language].export,
  // A form's own words: its questions' titles and its choices' labels.
  feedback: (language, config) => responseLabels(feedbackTexts.texts[language].export, (config as FeedbackConfig | undefined)?.form, language),
  workshops: (language) => workshopsTexts.texts[language].export,
  cloud: (language) => cloudTexts.texts[language].export,
};

/** The export's words for an activity of `kind` in `language`; `config` is the activity's settings. */
export function exportLabels(kind: string, language: Language, config?: unknown): CsvLabels | undefined {
  return Object.hasOwn(byKind, kind) ? byKind[kind](language, config) : undefined;
}
