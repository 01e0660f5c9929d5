/**
 * Fault test in the browser: the reference server is killed with SIGKILL twice while simulated
 * participants duel and like through the cache wrapper around the http adapter, each on its own
 * device token and its own IndexedDB outbox, and restarted on the same port and PGlite data
 * directory (a child process run by scripts/wtr-server-plugin.mjs, `osa-kill-server:*`).
 *
 * Writes cut by a kill, cast while the server is down, or whose answer the network loses (a tenth
 * of them) wait in the participant's outbox; the wrapper sends them again, with their original
 * idempotency keys, once the server is back (nothing here calls `flush`). At the end the
 * organiser's export holds every idea, like and duel answer the participants cast exactly once,
 * the organiser's live stream (resumed across both kills) carried each of their changes once, and
 * every outbox is empty.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Change } from '../core/activity.js';
import { boardView, type BoardState, type DuelChoice, type NextPair } from '../core/board/board.js';
import type { EventDefinition } from '../core/event.js';
import { registerKindView } from '../core/kind-views.js';
import { randomKey } from '../core/idempotency.js';
import type { ExportCell } from '../core/protocol.js';
import { createRandom } from '../core/ranking/random.js';
import { withCache, type CachedAdapter } from './cache.js';
import { HttpAdapter } from './http/http-adapter.js';
import { deleteDatabases, uniqueName } from './test-support.js';
import type { SendResult } from './types.js';

const EVENT = 'kill-test';
const PARTICIPANTS = 10;
/** Rounds per participant; each submits an idea, likes an idea and answers a duel. */
const ROUNDS = 5;
const TOTAL = PARTICIPANTS * ROUNDS * 3;
const SEEDED = 8;
const CHOICES: DuelChoice[] = ['a', 'b', 'tie'];
/** Only turns a hang into a readable failure; nothing waits for it to pass. */
const DEADLINE_MS = 150_000;
/** Quick retries and reconnects, so that the test does not wait for the production defaults. */
const RECONNECT = { initialMs: 50, maxMs: 400, onlineJitterMs: 50 };
const RETRY_INTERVAL_MS = 200;
/** A device token of the shape a browser keeps (see `deviceToken`). */
const randomDevice = (): string => randomKey(32);

const seededText = (activity: string, index: number): string => `${activity === 'duels' ? 'Kaksintaistelu' : 'Tykkäys'}: alkuperäinen ehdotus ${index + 1}`;

function killTestEvent(): EventDefinition {
  const config = { questions: [{ id: 'main', title: 'Mitä?' }], duplicateThreshold: 1, maxIdeasPerParticipant: 100 };
  return {
    id: EVENT,
    title: { fi: 'Kaatumistesti', sv: 'Krasch-test', en: 'Kill test' },
    languages: ['fi', 'sv', 'en'],
    activities: [
      { id: 'duels', kind: 'board', config: { ...config, mode: 'duel', resultsVisibility: 'always' }, phase: 'vote' },
      { id: 'ideas', kind: 'board', config: { ...config, mode: 'upvote', likesWhileCollecting: true } },
    ],
    seed: ['duels', 'ideas'].flatMap((activity) =>
      Array.from({ length: SEEDED }, (_, index) => ({ activity, as: `s${index}`, command: 'submitIdea', payload: { text: seededText(activity, index) } })),
    ),
  };
}

/** Conditions the test waits for are checked again whenever something they read changes. */
class Conditions {
  private readonly waiters = new Set<() => void>();

  changed(): void {
    for (const check of [...this.waiters]) check();
  }

  until(condition: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`gave up waiting for ${what}`));
      }, DEADLINE_MS);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

/** Until the killable server listens (each answer of `listening` comes within 15 s). */
async function untilListening(): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const { listening } = await executeServerCommand<{ listening: boolean }, undefined>('osa-kill-server:listening');
    if (listening) return;
  }
  throw new Error('The killable server did not listen within 3 minutes.');
}

interface Participant {
  index: number;
  adapter: CachedAdapter;
  /** The pair on screen, brought by the last answer; undefined when one must be asked for. */
  pair?: [string, string];
  ideas: string[];
  likes: string[];
  votes: Array<{ a: string; b: string; choice: DuelChoice }>;
  /** Waiting for the server to come back (a duel needs a pair, which only the server gives). */
  waiting: boolean;
  finished: boolean;
}

const rowsOf = (tables: Record<string, Array<Record<string, ExportCell>>>, table: string): Array<Record<string, ExportCell>> => tables[table] ?? [];
const sorted = (values: string[]): string[] => [...values].sort();

describe('the cache wrapper over the http adapter, with the server killed twice', () => {
  const names: string[] = [];
  const participants: Participant[] = [];
  let organiser: CachedAdapter | undefined;

  before(() => registerKindView(boardView));

  after(async () => {
    organiser?.close();
    for (const participant of participants) participant.adapter.close();
    await executeServerCommand('osa-kill-server:stop');
    await deleteDatabases(...names);
  });

  it('records every idea, like and duel answer the participants cast exactly once', async function () {
    this.timeout(360_000);
    const { url, adminToken } = await executeServerCommand<{ url: string; adminToken: string }, undefined>('osa-kill-server:start');
    await untilListening();
    const conditions = new Conditions();

    // The server as the participants' network sees it: the test marks it down before it kills it.
    const server = { down: false, outages: 0, back: Promise.resolve() };
    /** Writes the participants cast (answered or queued), queued while the server was down per outage, and answers lost. */
    const counts = { cast: 0, queued: 0, queuedWhileDown: [0, 0], lostAnswers: 0 };

    const cacheName = (role: string): string => {
      const name = uniqueName(`kill-test-${role}`);
      names.push(`${name}:cache`, `${name}:outbox`);
      return name;
    };

    // The organiser creates the event and watches both boards live through the wrapper.
    const admin = new HttpAdapter({ baseUrl: url, device: randomDevice(), adminToken });
    const { organiserKey } = await admin.createEvent(killTestEvent());
    organiser = withCache(new HttpAdapter({ baseUrl: url, device: randomDevice(), reconnect: RECONNECT }), { name: cacheName('organiser'), retryIntervalMs: RETRY_INTERVAL_MS });
    organiser.setOrganiserKey(EVENT, organiserKey);
    const watched: Change[] = [];
    const start: Record<string, number> = {};
    const seeded: Record<string, string[]> = {};
    for (const activity of ['duels', 'ideas']) {
      const snapshot = await organiser.getActivity(EVENT, activity);
      start[activity] = snapshot.seq;
      seeded[activity] = (snapshot.state as BoardState).order;
      expect(seeded[activity]).to.have.length(SEEDED);
    }
    // A snapshot's seq is the event's last change, the same for both boards.
    expect(start.duels).to.equal(start.ideas);
    const since = start.duels;
    for (const activity of ['duels', 'ideas']) {
      organiser.subscribe(
        EVENT,
        activity,
        (changes) => {
          watched.push(...changes);
          conditions.changed();
        },
        { since },
      );
    }

    /** A phone's network that loses some answers: the write is committed, its answer never arrives. */
    const lossy = createRandom(12);
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && /\/commands\/(submitIdea|like|vote)$/.test(String(input)) && lossy.next() < 0.1) {
        await response.arrayBuffer();
        counts.lostAnswers += 1;
        throw new TypeError('Failed to fetch (the test lost the answer)');
      }
      return response;
    };

    for (let index = 0; index < PARTICIPANTS; index += 1) {
      const adapter = withCache(new HttpAdapter({ baseUrl: url, device: randomDevice(), fetch: lossyFetch, reconnect: RECONNECT }), {
        name: cacheName(`p${index}`),
        retryIntervalMs: RETRY_INTERVAL_MS,
      });
      adapter.onPendingChange(() => conditions.changed());
      participants.push({ index, adapter, ideas: [], likes: [], votes: [], waiting: false, finished: false });
    }

    const cast = async (participant: Participant, activity: string, command: string, payload: unknown): Promise<SendResult> => {
      const answer = await participant.adapter.send(EVENT, activity, command, payload);
      counts.cast += 1;
      if (answer.queued) {
        counts.queued += 1;
        if (server.down) counts.queuedWhileDown[server.outages - 1] += 1;
      }
      conditions.changed();
      return answer;
    };

    /**
     * As the duel element does when it has no pair: ask for one (never queued, a pair is only of
     * use now); while the server is down or earlier writes wait in the outbox, wait for the server
     * and for the wrapper to send them (the outbox's own retries, not the test, send them).
     */
    const pairFor = async (participant: Participant): Promise<[string, string]> => {
      while (!participant.pair) {
        try {
          const answer = await participant.adapter.send(EVENT, 'duels', 'nextPair', {}, { queue: false });
          if (answer.queued) throw new Error('A nextPair that may not be queued was queued.');
          const { pair } = answer.result as NextPair;
          if (!pair) throw new Error(`Participant ${participant.index} has no pair left.`);
          participant.pair = pair;
        } catch (error) {
          if ((error as { code?: string }).code !== 'offline') throw error;
          participant.waiting = true;
          conditions.changed();
          await server.back;
          await conditions.until(() => participant.adapter.pendingCount(EVENT) === 0, `participant ${participant.index}'s outbox to be sent`);
          participant.waiting = false;
        }
      }
      return participant.pair;
    };

    const load = Promise.all(
      participants.map(async (participant) => {
        const choices = createRandom(100 + participant.index);
        for (let round = 0; round < ROUNDS; round += 1) {
          const text = `Osallistuja ${participant.index} ehdottaa asiaa ${round}`;
          await cast(participant, 'ideas', 'submitIdea', { text, force: true });
          participant.ideas.push(text);

          const ideaId = seeded.ideas[(participant.index + round) % SEEDED];
          await cast(participant, 'ideas', 'like', { ideaId });
          participant.likes.push(ideaId);

          const [a, b] = await pairFor(participant);
          const choice = CHOICES[choices.int(CHOICES.length)];
          const answer = await cast(participant, 'duels', 'vote', { a, b, choice });
          participant.votes.push({ a, b, choice });
          // A queued answer brings no next pair: it is asked for once the outbox is sent.
          participant.pair = answer.queued ? undefined : ((answer.result as NextPair).pair ?? undefined);
        }
        participant.finished = true;
        conditions.changed();
      }),
    );
    // A participant's failure ends the wait below at once instead of at its deadline.
    const failed = load.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    const watch = (condition: Promise<void>): Promise<void> => Promise.race([condition, failed]);

    // Killed twice mid-load (at a third and two thirds of the writes cast), with writes in flight.
    for (const fraction of [1 / 3, 2 / 3]) {
      await watch(conditions.until(() => counts.cast >= TOTAL * fraction, `${Math.round(fraction * 100)} % of the writes`));
      let release = (): void => undefined;
      server.back = new Promise((resolve) => (release = resolve));
      server.down = true;
      server.outages += 1;
      const { signal } = await executeServerCommand<{ signal: string }, undefined>('osa-kill-server:kill');
      expect(signal).to.equal('SIGKILL');
      // While it is down the participants go on until each needs the server (the next duel pair).
      await watch(conditions.until(() => participants.every((participant) => participant.finished || participant.waiting), 'every participant to wait for the server'));
      await executeServerCommand('osa-kill-server:restart');
      await untilListening();
      server.down = false;
      release();
    }
    await load;

    expect(counts.cast).to.equal(TOTAL);
    expect(counts.queuedWhileDown[0], 'writes queued while the server was down the first time').to.be.greaterThan(0);
    expect(counts.queuedWhileDown[1], 'writes queued while the server was down the second time').to.be.greaterThan(0);
    expect(counts.lostAnswers, 'answers lost on the way').to.be.greaterThan(0);

    // Every outbox is sent by the wrapper itself, and empty.
    await conditions.until(() => participants.every((participant) => participant.adapter.pendingCount(EVENT) === 0), 'every outbox to be sent');
    for (const participant of participants) expect(await participant.adapter.outboxEntries(), `participant ${participant.index}'s outbox`).to.deep.equal([]);

    // The export: every write once, none lost, none doubled.
    const ideasExport = (await organiser.exportActivity(EVENT, 'ideas')).tables;
    const duelsExport = (await organiser.exportActivity(EVENT, 'duels')).tables;
    const ideaRows = rowsOf(ideasExport, 'ideas');
    const sentTexts = participants.flatMap((participant) => participant.ideas);
    expect(sorted(ideaRows.map((row) => String(row.text)))).to.deep.equal(sorted([...sentTexts, ...Array.from({ length: SEEDED }, (_, index) => seededText('ideas', index))]));
    // Exports number participants instead of naming devices: each participant is known by the ideas they wrote.
    const pseudonymOf = new Map<number, string>();
    for (const participant of participants) {
      const authors = new Set(ideaRows.filter((row) => participant.ideas.includes(String(row.text))).map((row) => String(row.author)));
      expect([...authors], `the author of participant ${participant.index}'s ideas`).to.have.length(1);
      pseudonymOf.set(participant.index, [...authors][0]);
    }
    for (const participant of participants) {
      const liked = rowsOf(ideasExport, 'likes').filter((row) => row.participant === pseudonymOf.get(participant.index)).map((row) => String(row.idea));
      expect(sorted(liked), `participant ${participant.index}'s likes`).to.deep.equal(sorted(participant.likes));
    }
    // Duel answers, participant by participant (the duel board numbers its participants on its own).
    const voteKey = (vote: Record<string, ExportCell>): string => `${String(vote.a)}|${String(vote.b)}|${String(vote.choice)}`;
    const votesByPseudonym = new Map<string, string[]>();
    for (const row of rowsOf(duelsExport, 'votes')) votesByPseudonym.set(String(row.participant), [...(votesByPseudonym.get(String(row.participant)) ?? []), voteKey(row)]);
    const exported = [...votesByPseudonym.values()].map((votes) => sorted(votes).join(', '));
    const answered = participants.map((participant) => sorted(participant.votes.map(voteKey)).join(', '));
    expect(sorted(exported)).to.deep.equal(sorted(answered));
    expect(rowsOf(duelsExport, 'votes')).to.have.length(PARTICIPANTS * ROUNDS);

    // The organiser's stream, cut twice, received the changes once each, in order, and one change
    // per write: an idea, a like, a duel result each. (A duel pair issued to a participant is
    // replaced in the log by the next one, so a resumed stream need not carry every seq.)
    const reader = new HttpAdapter({ baseUrl: url, device: randomDevice() });
    reader.setOrganiserKey(EVENT, organiserKey);
    const fresh = { duels: await reader.getActivity(EVENT, 'duels'), ideas: await reader.getActivity(EVENT, 'ideas') };
    await conditions.until(() => watched.some((change) => change.seq >= fresh.ideas.seq), 'the organiser’s stream to catch up');
    for (const activity of ['duels', 'ideas']) {
      const seqs = watched.filter((change) => change.activity === activity).map((change) => change.seq);
      expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]), `every change of ${activity} once, in order, across both kills`).to.equal(true);
    }
    const ofType = (activity: string, type: string): Change[] => watched.filter((change) => change.activity === activity && change.type === type);
    const allLikes = sorted(participants.flatMap((participant) => participant.likes));
    expect(sorted(ofType('ideas', 'idea').map((change) => (change.data as { idea: { text: string } }).idea.text))).to.deep.equal(sorted(sentTexts));
    expect(ofType('ideas', 'own-idea')).to.have.length(sentTexts.length);
    expect(sorted(ofType('ideas', 'like').map((change) => (change.data as { ideaId: string }).ideaId))).to.deep.equal(allLikes);
    expect(sorted(ofType('ideas', 'my-like').map((change) => (change.data as { ideaId: string }).ideaId))).to.deep.equal(allLikes);
    expect(ofType('duels', 'my-vote')).to.have.length(PARTICIPANTS * ROUNDS);

    // What the wrapper cached for the organiser, folded from the stream across both kills, is what
    // the server holds (compared as JSON: the fold leaves absent fields as `undefined`).
    for (const activity of ['duels', 'ideas'] as const) {
      const cached = await organiser.getActivityCached(EVENT, activity);
      expect(JSON.parse(JSON.stringify(cached?.state ?? null)), `the cached ${activity}`).to.deep.equal(fresh[activity].state);
    }
    // A first answer to a pair (`previous: null`) for each duel answer cast, none twice.
    const winner = (vote: { a: string; b: string; choice: DuelChoice }): string => (vote.choice === 'a' ? vote.a : vote.choice === 'b' ? vote.b : 'tie');
    const duelKey = (duel: { a: string; b: string; winner: string; previous: string | null }): string => `${duel.a}|${duel.b}|${duel.winner}|${duel.previous}`;
    expect(sorted(ofType('duels', 'duel').map((change) => duelKey(change.data as { a: string; b: string; winner: string; previous: string | null })))).to.deep.equal(
      sorted(participants.flatMap((participant) => participant.votes.map((vote) => duelKey({ a: vote.a, b: vote.b, winner: winner(vote), previous: null })))),
    );
  });
});
