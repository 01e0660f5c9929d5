import { cloudEn } from './en.js';
import { cloudFi } from './fi.js';
import { cloudSv } from './sv.js';

/** The cloud texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const cloudTexts = { key: 'cloud', texts: { en: cloudEn, fi: cloudFi, sv: cloudSv } } as const;
