import { workshopsEn } from './en.js';
import { workshopsFi } from './fi.js';
import { workshopsSv } from './sv.js';

/** The workshops texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const workshopsTexts = { key: 'workshops', texts: { en: workshopsEn, fi: workshopsFi, sv: workshopsSv } } as const;
