/**
 * osallistu: embeddable web components for participatory events.
 * Importing this module defines every element; import an element's own entry
 * (`osallistu/<name>.js`) to load only that one, or `osallistu/loader.js` to define each element
 * when it first appears in the page.
 */
export { OsaElement } from './base/osa-element.js';
export { defineElement } from './base/define.js';
export type { OsaEventDetailMap, OsaEventName } from './base/events.js';
export { LocalizeController, translations } from './i18n/localize.js';
export { LANGUAGES, type Language } from './i18n/languages.js';
export type { Translation } from './i18n/en.js';
export { tokens } from './theme/tokens.js';
export { AnnouncerController } from './controllers/announcer.js';
export { RovingTabindexController } from './controllers/roving-tabindex.js';
export * from './adapters/index.js';
export * from './components/chart/chart.js';
export * from './components/event/event.js';
export * from './components/event-console/event-console.js';
export * from './components/event-report/event-report.js';
export * from './components/feedback-form/feedback-form.js';
export * from './components/join-code/join-code.js';
export * from './components/priority-board/priority-board.js';
export * from './components/run-of-show/run-of-show.js';
export * from './components/tag-cloud/tag-cloud.js';
export * from './components/workshop-picker/workshop-picker.js';
