/**
 * What the example shows, apart from the framework: the event, the feedback form, the first
 * words of the cloud, the app's own texts, and how the app connects. The React and the Vue
 * example hold the same file, so that each folder stands alone (a test checks they are equal).
 */
import { createLocalAdapter, type ActivitySnapshot, type EventDefinition, type OsaAdapter } from 'osallistu/adapters.js';
import type { Language } from 'osallistu';
import type { BoardState, FormDefinition } from 'osallistu/core.js';

export type { Language };

/** The board's activity id: the same in the event below and in the reference server's demo event. */
export const BOARD = 'themes';

/** The event the app creates in the page when no server is given. */
export const definition: EventDefinition = {
  id: 'example-day',
  title: { fi: 'Kehittämispäivä', sv: 'Utvecklingsdag', en: 'Development day' },
  activities: [
    {
      id: BOARD,
      kind: 'board',
      title: { fi: 'Teemat', sv: 'Teman', en: 'Themes' },
      config: { mode: 'duel', resultsVisibility: 'always' },
      phase: 'vote',
    },
  ],
  seed: [
    { activity: BOARD, as: 'planner-1', command: 'submitIdea', payload: { text: 'Enemmän aikaa oppilaiden omille projekteille' } },
    { activity: BOARD, as: 'planner-2', command: 'submitIdea', payload: { text: 'Kouluterveydenhoitaja paikalla joka päivä' } },
    { activity: BOARD, as: 'planner-3', command: 'submitIdea', payload: { text: 'Ulko-opetusta kerran viikossa' } },
  ],
};

/** The feedback form inside the app's own `<form>`: its answers are submitted as `feedback.useful` and `feedback.improve`. */
export const feedbackForm: FormDefinition = {
  sections: [
    {
      id: 'day',
      questions: [
        {
          name: 'useful',
          type: 'scale',
          min: 1,
          max: 5,
          required: true,
          title: { fi: 'Kuinka hyödyllinen päivä oli?', sv: 'Hur nyttig var dagen?', en: 'How useful was the day?' },
          minLabel: { fi: 'Ei lainkaan', sv: 'Inte alls', en: 'Not at all' },
          maxLabel: { fi: 'Erittäin', sv: 'Mycket', en: 'Very' },
        },
        { name: 'improve', type: 'text', title: { fi: 'Mitä parantaisit?', sv: 'Vad skulle du förbättra?', en: 'What would you improve?' } },
      ],
    },
  ],
};

/** The cloud's words before the participant adds any: a property the app sets from its state. */
export const firstWords: string[] = ['hyvinvointi', 'yhteistyö', 'liikunta', 'hyvinvointi'];

/** The last duel choice, as the app shows it: the two ideas' texts and which one was chosen. */
export interface Vote {
  first: string;
  second: string;
  choice: 'a' | 'b' | 'tie';
}

/** Reads the two ideas of an `osa-vote` from the adapter the event uses. */
export async function describeVote(adapter: OsaAdapter, eventId: string, detail: { a: string; b: string; choice: Vote['choice'] }): Promise<Vote> {
  const { state } = (await adapter.getActivity(eventId, BOARD)) as ActivitySnapshot<BoardState>;
  const text = (id: string) => state.ideas[id]?.text ?? id;
  return { first: text(detail.a), second: text(detail.b), choice: detail.choice };
}

/**
 * Where the elements get their data: the reference server when the address says so
 * (`?api=http://127.0.0.1:8787/&event=demo-2026`), else an in-page back end holding the event
 * above (kept in memory: a reload starts the day again).
 */
export type Connection = { api: string; event: string; adapter?: undefined } | { adapter: OsaAdapter; event: string; api?: undefined };

export async function connect(address: URL): Promise<Connection> {
  const api = address.searchParams.get('api');
  const event = address.searchParams.get('event');
  if (api && event) return { api, event };
  const adapter = createLocalAdapter();
  const { eventId } = await adapter.createEvent(definition);
  return { adapter, event: eventId };
}

export const LANGUAGES: Array<{ code: Language; name: string }> = [
  { code: 'fi', name: 'suomi' },
  { code: 'sv', name: 'svenska' },
  { code: 'en', name: 'English' },
];

/** The app's own texts; the elements bring theirs. A key missing in one language fails the type check. */
const fi = {
  title: (framework: string) => `osallistu ja ${framework}`,
  language: 'Kieli',
  board: 'Mikä on tärkeintä?',
  noVote: 'Et ole vielä valinnut.',
  voted: ({ first, second, choice }: Vote) =>
    choice === 'tie' ? `Et osannut valita: «${first}» vai «${second}».` : `Valitsit «${choice === 'a' ? first : second}», et «${choice === 'a' ? second : first}».`,
  feedback: 'Palaute',
  role: 'Tehtäväsi',
  roles: { teacher: 'Opettaja', principal: 'Rehtori', other: 'Muu' },
  send: 'Lähetä',
  clear: 'Tyhjennä',
  received: 'Sovellus luki lomakkeesta:',
  cloud: 'Sanapilvi',
  word: 'Lisää sana',
  add: 'Lisää',
  server: (api: string, event: string) => `Tapahtuma ${event} palvelimelta ${api}`,
};

export type Texts = typeof fi;

const sv: Texts = {
  title: (framework) => `osallistu och ${framework}`,
  language: 'Språk',
  board: 'Vad är viktigast?',
  noVote: 'Du har inte valt ännu.',
  voted: ({ first, second, choice }) =>
    choice === 'tie' ? `Du kunde inte välja: «${first}» eller «${second}».` : `Du valde «${choice === 'a' ? first : second}», inte «${choice === 'a' ? second : first}».`,
  feedback: 'Respons',
  role: 'Din roll',
  roles: { teacher: 'Lärare', principal: 'Rektor', other: 'Annan' },
  send: 'Skicka',
  clear: 'Töm',
  received: 'Appen läste från formuläret:',
  cloud: 'Ordmoln',
  word: 'Lägg till ett ord',
  add: 'Lägg till',
  server: (api, event) => `Evenemanget ${event} från servern ${api}`,
};

const en: Texts = {
  title: (framework) => `osallistu and ${framework}`,
  language: 'Language',
  board: 'What matters most?',
  noVote: 'You have not chosen yet.',
  voted: ({ first, second, choice }) =>
    choice === 'tie' ? `You could not choose: “${first}” or “${second}”.` : `You chose “${choice === 'a' ? first : second}” over “${choice === 'a' ? second : first}”.`,
  feedback: 'Feedback',
  role: 'Your role',
  roles: { teacher: 'Teacher', principal: 'Principal', other: 'Other' },
  send: 'Send',
  clear: 'Clear',
  received: 'The app read from the form:',
  cloud: 'Word cloud',
  word: 'Add a word',
  add: 'Add',
  server: (api, event) => `The event ${event} from the server ${api}`,
};

export const texts: Record<Language, Texts> = { fi, sv, en };
