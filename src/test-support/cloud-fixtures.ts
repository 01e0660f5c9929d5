/**
 * Tag clouds in every state, on the in-page adapter: used by the element tests and the stories,
 * so both show the same situations. Simulated participants' answers are seeded into the event
 * when it is created; the fixture's own participant then acts through its adapter.
 */
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import type { SeedAction } from '../core/event.js';
import type { CloudConfig } from '../core/cloud/cloud.view.js';

/** Answers to "What makes a good school day?" in Finnish: inflected forms that merge, and a few of each. */
export const SAMPLE_ANSWERS = [
  'kaverit', 'kavereiden kanssa', 'kaverit', 'ruoka', 'hyvä ruoka', 'ruoan', 'liikunta', 'liikuntaa', 'välitunnit', 'välitunti',
  'opettaja', 'opettajat', 'kaverit', 'rauha', 'turvallisuus', 'turvallinen', 'kirjasto', 'koulu', 'koulun piha', 'musiikki',
  'kaverit', 'liikunta', 'ruoka', 'lepo', 'lukeminen', 'luonto', 'metsäretki', 'taide', 'yhteisö', 'yhteisöllisyys',
];

/** `count` distinct answers (each its own term), heavier at the start: for a cloud that cannot fit them all. */
export function distinctAnswers(count: number): string[] {
  const stems = ['teema', 'aihe', 'idea', 'toive', 'ajatus', 'unelma', 'tavoite', 'huoli'];
  return Array.from({ length: count }, (_, index) => `${stems[index % stems.length]}${index + 1}`);
}

export interface CloudFixture {
  backend: LocalBackend;
  organiser: LocalAdapter;
  participant: LocalAdapter;
  eventId: string;
  activityId: string;
  newParticipant(): LocalAdapter;
  /** Another participant answers. */
  answer(text: string, language?: 'fi' | 'sv' | 'en'): Promise<void>;
}

export interface CloudFixtureOptions {
  config?: Partial<CloudConfig>;
  /** Answers by simulated participants (each a different person unless `perPerson`). */
  answers?: readonly string[];
  /** How many answers each simulated participant gives (default 1). */
  perPerson?: number;
  /** The fixture's own participant's answers. */
  ownAnswers?: readonly string[];
  phase?: 'preparing' | 'open' | 'closed';
}

let counter = 0;

export async function cloudFixture(options: CloudFixtureOptions = {}): Promise<CloudFixture> {
  const backend = new LocalBackend();
  const organiser = new LocalAdapter(backend);
  const participant = new LocalAdapter(backend);
  const eventId = `cloud-${(counter += 1)}`;
  const activityId = 'words';
  const perPerson = options.perPerson ?? 1;
  const answers = options.answers ?? [];
  // Seeds run in the kind's first phase (`preparing`): open it first.
  const opening: SeedAction = { activity: activityId, as: 'organiser', command: 'setPhase', payload: { phase: 'open' } };
  const seed: SeedAction[] = [opening, ...answers.map((text, index) => ({ activity: activityId, as: `p${Math.floor(index / perPerson)}`, command: 'submit', payload: { text, language: 'fi' } }) satisfies SeedAction)];
  const { organiserKey } = await organiser.createEvent({
    id: eventId,
    title: { fi: 'Kehittämispäivä', sv: 'Utvecklingsdag', en: 'Development day' },
    languages: ['fi', 'sv', 'en'],
    activities: [
      {
        id: activityId,
        kind: 'cloud',
        title: { fi: 'Mikä tekee koulupäivästä hyvän?', sv: 'Vad gör en skoldag bra?', en: 'What makes a good school day?' },
        config: { answersPerParticipant: Math.max(3, perPerson), ...options.config },
        phase: 'open',
      },
    ],
    seed,
  });
  organiser.setOrganiserKey(eventId, organiserKey);
  for (const text of options.ownAnswers ?? []) await participant.send(eventId, activityId, 'submit', { text, language: 'fi' });
  if (options.phase && options.phase !== 'open') await organiser.send(eventId, activityId, 'setPhase', { phase: options.phase });
  const newParticipant = () => new LocalAdapter(backend);
  return {
    backend,
    organiser,
    participant,
    eventId,
    activityId,
    newParticipant,
    answer: async (text, language = 'fi') => {
      await newParticipant().send(eventId, activityId, 'submit', { text, language });
    },
  };
}
