import { eventReportEn, type EventReportTranslation } from './en.js';
import { eventReportFi } from './fi.js';
import { eventReportSv } from './sv.js';

declare module '../en.js' {
  interface ElementTranslations {
    eventReport: EventReportTranslation;
  }
}

/** The results report's texts in every language: loaded with its element, joined to the shared texts by `registerTexts`. */
export const eventReportTexts = { key: 'eventReport', texts: { en: eventReportEn, fi: eventReportFi, sv: eventReportSv } } as const;
