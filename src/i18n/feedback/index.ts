import { feedbackEn } from './en.js';
import { feedbackFi } from './fi.js';
import { feedbackSv } from './sv.js';

/** The feedback texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const feedbackTexts = { key: 'feedback', texts: { en: feedbackEn, fi: feedbackFi, sv: feedbackSv } } as const;
