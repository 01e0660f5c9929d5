import { formatters } from './format.js';
import type { BoardTranslation } from './board/en.js';
import type { CloudTranslation } from './cloud/en.js';
import type { FeedbackTranslation } from './feedback/en.js';
import type { WorkshopsTranslation } from './workshops/en.js';
import { formEn } from './form/en.js';
import { kitEn } from './kit/en.js';

const f = formatters('en');

/**
 * English texts. This object defines the shape every language must have: `Translation` is
 * derived from it, so a key missing from `fi` or `sv` fails the type check.
 */
const enShared = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    send: 'Send',
    empty: 'Nothing here yet.',
    offline: 'You are offline. Your answers are saved on this device and sent when the connection returns.',
    online: 'Connection restored.',
    pending: (count: number) =>
      f.plural(count, { one: '1 answer waiting to be sent', other: `${f.number(count)} answers waiting to be sent` }),
    sent: 'Sent.',
    characters: (used: number, max: number) => `${f.number(used)} / ${f.number(max)} characters`,
    count: (n: number) => f.number(n),
    list: (items: readonly string[]) => f.list(items),
  },
  errors: {
    offline: 'No connection. Try again when you are back online.',
    notFound: 'This activity could not be found. Check the address or ask the organiser.',
    phaseClosed: 'This step is not open right now.',
    full: 'This is full.',
    rateLimited: 'Too many actions in a short time. Wait a moment and try again.',
    invalid: (field: string, reason: string) => `Check “${field}”: ${reason}`,
    forbidden: 'Only the organiser can do this.',
    keyReplaced: 'Live changes stopped: the organiser key of this page is no longer valid (it may have been replaced). Open the page with the current key.',
    conflict: 'This action was already sent with different content. Reload the page and try again.',
    unknown: 'Something went wrong. Try again.',
    invalidInput: 'Check what you entered.',
    originRefused: (origin: string) =>
      `This website (${origin}) is not allowed to use the osallistu server. The server's administrator can allow it with the setting OSA_ALLOWED_ORIGINS.`,
    eventDefinition: (problem: string) => `The event written into this page cannot be used. ${problem}`,
    notJson: 'It is not valid JSON: check the quotes, commas and brackets.',
  },
  validation: {
    required: 'this is required',
    tooShort: (min: number) => `at least ${f.number(min)} characters`,
    tooLong: (max: number) => `at most ${f.number(max)} characters`,
    tooSmall: (min: number) => `at least ${f.number(min)}`,
    tooLarge: (max: number) => `at most ${f.number(max)}`,
    notAllowed: 'this value is not allowed',
    wrongType: 'this value has the wrong type',
    tooMany: (max: number) => `at most ${f.number(max)} items`,
    unknownField: 'this field is not expected',
  },
  form: formEn,
  kit: kitEn,
};

/** The texts every element shares (loaded with the first element of a page). */
export type SharedTranslation = typeof enShared;

/**
 * Each element's own texts, in `src/i18n/<element>/`: loaded with the element that uses them (a
 * page with only a feedback form does not load the board's words), and joined to the shared
 * texts by `registerTexts` when the element's class is defined.
 */
export interface ElementTranslations {
  board: BoardTranslation;
  workshops: WorkshopsTranslation;
  feedback: FeedbackTranslation;
  cloud: CloudTranslation;
}

export type Translation = SharedTranslation & ElementTranslations;

/** English: the shared texts now, each element's texts once its element is defined. */
export const en = enShared as Translation;
