/**
 * An event day with one activity of each kind, filled by simulated participants through the
 * definition's seed (so it runs the same on the in-page back end and on the reference server): the
 * run of show's and the results report's tests and stories use it.
 */
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import type { EventDefinition, SeedAction } from '../core/event.js';
import type { Answers } from '../core/feedback/feedback.view.js';
import { SAMPLE_ANSWERS as CLOUD_ANSWERS } from './cloud-fixtures.js';
import { SAMPLE_ANSWERS as FEEDBACK_ANSWERS, SHORT_FORM } from './feedback-fixtures.js';
import { SAMPLE_IDEAS } from './board-fixtures.js';
import { SMALL_CATALOGUE } from './workshop-fixtures.js';

export interface DayOptions {
  /** Leave every activity in its first phase, with nothing in it. */
  empty?: boolean;
  /** No activities at all. */
  noActivities?: boolean;
}

let counter = 0;

const SHORT_FORM_NAMES = new Set(SHORT_FORM.sections.flatMap((section) => section.questions.map((question) => question.name)));
/** The sample answers to the questions the short form has. */
const shortFormAnswers = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([name]) => SHORT_FORM_NAMES.has(name)));

/** The day's definition: a board prioritised by likes, workshops taken first come first served, a feedback form and a word cloud. */
export function dayDefinition(id = `day-${Date.now().toString(36)}-${(counter += 1)}`, options: DayOptions = {}): EventDefinition {
  const organiser = (activity: string, phase: string): SeedAction => ({ activity, as: 'organiser', command: 'setPhase', payload: { phase } });
  const ideas = SAMPLE_IDEAS.slice(0, 8);
  const seed: SeedAction[] = options.empty || options.noActivities
    ? []
    : [
        ...ideas.map((text, index): SeedAction => ({ activity: 'themes', as: `author${index % 3}`, command: 'submitIdea', payload: { text, force: true } })),
        organiser('themes', 'vote'),
        // Voter v likes ideas i1…i(8 − v): the earlier an idea, the more likes it gets.
        ...Array.from({ length: 6 }, (_, voter) =>
          Array.from({ length: ideas.length - voter }, (_, index): SeedAction => ({ activity: 'themes', as: `voter${voter}`, command: 'like', payload: { ideaId: `i${index + 1}` } })),
        ).flat(),
        organiser('sessions', 'open'),
        ...['ai', 'ai', 'ai', 'ai', 'robotics', 'robotics', 'robotics', 'feedback', 'feedback', 'nature'].map(
          (workshop, index): SeedAction => ({ activity: 'sessions', as: `attendee${index}`, command: 'claim', payload: { workshop } }),
        ),
        organiser('feedback', 'open'),
        ...FEEDBACK_ANSWERS.map((answers, index): SeedAction => ({ activity: 'feedback', as: `respondent${index}`, command: 'submit', payload: { answers: shortFormAnswers(answers) } })),
        organiser('words', 'open'),
        ...CLOUD_ANSWERS.map((text, index): SeedAction => ({ activity: 'words', as: `writer${index % 12}`, command: 'submit', payload: { text, language: 'fi' } })),
      ];
  return {
    id,
    title: { fi: 'Hyvinvoinnin kehittämispäivä', sv: 'Utvecklingsdag för välbefinnande', en: 'Well-being development day' },
    languages: ['fi', 'sv', 'en'],
    activities: options.noActivities
      ? []
      : [
          {
            id: 'themes',
            kind: 'board',
            title: { fi: 'Strategian teemat', sv: 'Strategins teman', en: 'Strategy themes' },
            config: {
              mode: 'upvote',
              minAppearances: 1,
              resultsVisibility: 'afterVoting',
              questions: [{ id: 'main', title: { fi: 'Mitkä teemat ovat tärkeimpiä?', sv: 'Vilka teman är viktigast?', en: 'Which themes matter most?' } }],
            },
          },
          { id: 'sessions', kind: 'workshops', title: { fi: 'Iltapäivän työpajat', sv: 'Eftermiddagens workshoppar', en: 'Afternoon workshops' }, config: { mode: 'firstCome', ...SMALL_CATALOGUE } },
          { id: 'feedback', kind: 'feedback', title: { fi: 'Palaute päivästä', sv: 'Respons om dagen', en: 'Feedback on the day' }, config: { form: SHORT_FORM } },
          {
            id: 'words',
            kind: 'cloud',
            title: { fi: 'Mikä tekee koulupäivästä hyvän?', sv: 'Vad gör en skoldag bra?', en: 'What makes a good school day?' },
            config: { answersPerParticipant: 5 },
          },
        ],
    seed,
  };
}

export interface DayFixture {
  backend: LocalBackend;
  /** Holds the organiser key. */
  organiser: LocalAdapter;
  /** A participant: no key. */
  participant: LocalAdapter;
  eventId: string;
  organiserKey: string;
}

/** The day on the in-page back end. */
export async function dayFixture(options: DayOptions = {}): Promise<DayFixture> {
  const backend = new LocalBackend();
  const organiser = new LocalAdapter(backend);
  const { eventId, organiserKey } = await organiser.createEvent(dayDefinition(undefined, options));
  organiser.setOrganiserKey(eventId, organiserKey);
  return { backend, organiser, participant: new LocalAdapter(backend), eventId, organiserKey };
}
