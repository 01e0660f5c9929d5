import { boardEn } from './en.js';
import { boardFi } from './fi.js';
import { boardSv } from './sv.js';

/** The board texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const boardTexts = { key: 'board', texts: { en: boardEn, fi: boardFi, sv: boardSv } } as const;
