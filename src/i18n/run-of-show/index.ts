import { runOfShowEn, type RunOfShowTranslation } from './en.js';
import { runOfShowFi } from './fi.js';
import { runOfShowSv } from './sv.js';

declare module '../en.js' {
  interface ElementTranslations {
    runOfShow: RunOfShowTranslation;
  }
}

/** The run of show's texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const runOfShowTexts = { key: 'runOfShow', texts: { en: runOfShowEn, fi: runOfShowFi, sv: runOfShowSv } } as const;
