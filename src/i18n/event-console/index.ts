import { consoleEn, type ConsoleTranslation } from './en.js';
import { consoleFi } from './fi.js';
import { consoleSv } from './sv.js';

declare module '../en.js' {
  interface ElementTranslations {
    console: ConsoleTranslation;
  }
}

/** The console's texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const consoleTexts = { key: 'console', texts: { en: consoleEn, fi: consoleFi, sv: consoleSv } } as const;
