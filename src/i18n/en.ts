import { formatters } from './format.js';
import { boardEn } from './board/en.js';
import { feedbackEn } from './feedback/en.js';
import { cloudEn } from './cloud/en.js';
import { formEn } from './form/en.js';
import { kitEn } from './kit/en.js';
import { workshopsEn } from './workshops/en.js';

const f = formatters('en');

/**
 * English texts. This object defines the shape every language must have: `Translation` is
 * derived from it, so a key missing from `fi` or `sv` fails the type check.
 */
export const en = {
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
  board: boardEn,
  feedback: feedbackEn,
  cloud: cloudEn,
  form: formEn,
  kit: kitEn,
  workshops: workshopsEn,
};

export type Translation = typeof en;
