/**
 * Boards in every state, on the in-page adapter: used by the element tests, the Storybook
 * stories and the browser benchmark, so all three show the same situations.
 */
import { LocalBackend } from '../adapters/local/backend.js';
import { LocalAdapter } from '../adapters/local/local-adapter.js';
import type { BoardConfig } from '../core/board/board.js';
import { createRandom } from '../core/ranking/random.js';

export const SAMPLE_IDEAS = [
  'Lisää liikuntaa välitunneille',
  'Kiusaamisen ehkäisy kaikilla luokka-asteilla',
  'Oppilashuollon palvelut lähemmäs arkea',
  'Pienemmät ryhmäkoot alakouluun',
  'Koulujen ruokailun kehittäminen',
  'Opettajien jaksamisen tukeminen',
  'Digitaitojen opetus ja mediakasvatus',
  'Yhteistyö kotien kanssa',
  'Luontoretket osaksi opetusta',
  'Kirjastot oppimisympäristöinä',
  'Taide- ja kulttuurikasvatus',
  'Kieltenopetuksen aloittaminen aiemmin',
];

const PLACES = ['kouluissa', 'päiväkodeissa', 'kirjastoissa', 'nuorisotiloissa', 'harrastuksissa', 'kotona', 'kaupunginosissa', 'verkossa'];
const SEASONS = ['syksyllä', 'keväällä', 'talvella', 'kesällä', 'viikonloppuisin', 'iltaisin'];

/** `count` different ideas for a large board: the sample ideas with a place, a time and a number (long Finnish words included). */
export function manyIdeas(count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${SAMPLE_IDEAS[index % SAMPLE_IDEAS.length]} ${PLACES[Math.floor(index / 12) % PLACES.length]} ${SEASONS[Math.floor(index / 96) % SEASONS.length]} ${index + 1}`,
  );
}

export interface BoardFixture {
  backend: LocalBackend;
  organiser: LocalAdapter;
  participant: LocalAdapter;
  organiserKey: string;
  eventId: string;
  activityId: string;
  /** Another participant on the same backend. */
  newParticipant(): LocalAdapter;
}

export interface BoardFixtureOptions {
  eventId?: string;
  config?: Partial<BoardConfig>;
  /** Ideas submitted by simulated participants (texts); none by default. */
  ideas?: readonly string[];
  /** Ideas waiting in the moderation queue (needs `config.moderation: 'pre'`). */
  pendingIdeas?: readonly string[];
  /** The phase to end in. */
  phase?: 'collect' | 'vote' | 'results' | 'closed';
  /** Duels each of `voters` simulated participants casts (the earlier idea in SAMPLE order tends to win). */
  duelsPerVoter?: number;
  voters?: number;
  /** Likes in upvote mode: each voter likes ideas with a probability falling with their index. */
  likes?: boolean;
  /** Ideas the fixture's own participant submitted. */
  ownIdeas?: readonly string[];
  seed?: number;
}

let counter = 0;

/** Makes an event with one board `themes`, fills it as asked and leaves it in `phase`. */
export async function boardFixture(options: BoardFixtureOptions = {}): Promise<BoardFixture> {
  const backend = new LocalBackend();
  const organiser = new LocalAdapter(backend);
  const participant = new LocalAdapter(backend);
  const eventId = options.eventId ?? `board-${(counter += 1)}`;
  const activityId = 'themes';
  const { organiserKey } = await organiser.createEvent({
    id: eventId,
    title: { fi: 'Kehittämispäivä', sv: 'Utvecklingsdag', en: 'Development day' },
    languages: ['fi', 'sv', 'en'],
    activities: [
      {
        id: activityId,
        kind: 'board',
        title: 'Teemat',
        config: {
          questions: [{ id: 'main', title: { fi: 'Mitkä teemat ovat tärkeimpiä?', sv: 'Vilka teman är viktigast?', en: 'Which themes matter most?' } }],
          minAppearances: 3,
          ...options.config,
        },
      },
    ],
  });
  organiser.setOrganiserKey(eventId, organiserKey);
  const random = createRandom(options.seed ?? 1);
  const authors = Array.from({ length: 4 }, () => new LocalAdapter(backend));
  const ideas = options.ideas ?? [];
  for (const [index, text] of ideas.entries()) {
    await authors[index % authors.length].send(eventId, activityId, 'submitIdea', { text, force: true });
  }
  for (const text of options.ownIdeas ?? []) await participant.send(eventId, activityId, 'submitIdea', { text, force: true });
  const config = (await organiser.getActivity(eventId, activityId)).config as BoardConfig;
  if (config.moderation === 'pre') {
    const snapshot = await organiser.getActivity(eventId, activityId);
    const state = snapshot.state as { order: string[] };
    for (const ideaId of state.order) await organiser.send(eventId, activityId, 'moderate', { ideaId, action: 'approve' });
  }
  for (const [index, text] of (options.pendingIdeas ?? []).entries()) {
    await authors[index % authors.length].send(eventId, activityId, 'submitIdea', { text, force: true });
  }
  const phase = options.phase ?? 'collect';
  if (phase !== 'collect') {
    await organiser.send(eventId, activityId, 'setPhase', { phase: 'vote' });
    const voters = Array.from({ length: options.voters ?? 0 }, () => new LocalAdapter(backend));
    for (const voter of voters) {
      if (options.likes) {
        const state = (await voter.getActivity(eventId, activityId)).state as { order: string[] };
        for (const [index, ideaId] of state.order.entries()) {
          if (random.next() < 1 / (1 + index * 0.4)) await voter.send(eventId, activityId, 'like', { ideaId });
        }
        continue;
      }
      for (let duel = 0; duel < (options.duelsPerVoter ?? 0); duel += 1) {
        const { result } = (await voter.send(eventId, activityId, 'nextPair', {})) as { result: { pair: [string, string] | null } };
        if (!result.pair) break;
        const [a, b] = result.pair.map((id) => Number(id.slice(1)));
        // The idea submitted earlier wins 80 % of the time: a clear but noisy true order.
        const choice = random.next() < 0.1 ? 'tie' : (a < b) === random.next() < 0.8 ? 'a' : 'b';
        await voter.send(eventId, activityId, 'vote', { a: result.pair[0], b: result.pair[1], choice });
      }
    }
    if (phase !== 'vote') await organiser.send(eventId, activityId, 'setPhase', { phase });
  }
  return { backend, organiser, participant, organiserKey, eventId, activityId, newParticipant: () => new LocalAdapter(backend) };
}
