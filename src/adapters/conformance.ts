/**
 * The adapter conformance suite: one set of behaviours every adapter keeps, run against the
 * in-page adapters, the http adapter with the real server, and any adapter of your own:
 *
 * ```ts
 * import { runAdapterConformance } from 'osallistu/conformance.js';
 * runAdapterConformance('my adapter', async () => {
 *   const backend = await startMyBackend();
 *   return { organiser: myAdapter(backend), participants: [myAdapter(backend), myAdapter(backend)], cleanup: () => backend.stop() };
 * });
 * ```
 *
 * It uses the mocha-style globals `describe` and `it` (web-test-runner, mocha, vitest with globals)
 * and its own assertions, so it runs in a browser without node's `assert`.
 */
import type { Change } from '../core/activity.js';
import type { BoardState } from '../core/board/board.js';
import type { ErrorCode } from '../core/errors.js';
import { canonicalJson, randomKey } from '../core/idempotency.js';
import type { EventDefinition } from '../core/event.js';
import { OsaError, type ActivitySnapshot, type ChangeListener, type OsaAdapter, type SubscribeOptions, type Unsubscribe } from './types.js';

/** A fresh back end seen by three devices: the one that creates events (and holds their organiser keys) and two participants. */
export interface ConformanceEnvironment {
  organiser: OsaAdapter;
  participants: [OsaAdapter, OsaAdapter];
  cleanup?: () => void | Promise<void>;
}

export type ConformanceFactory = () => ConformanceEnvironment | Promise<ConformanceEnvironment>;

// ------------------------------------------------------------------ assertions

export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

function fail(message: string): never {
  throw new ConformanceError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (canonicalJson(actual) !== canonicalJson(expected)) fail(`${what}: expected ${canonicalJson(expected)}, got ${canonicalJson(actual)}`);
}

export function assertTrue(condition: unknown, what: string): asserts condition {
  if (!condition) fail(what);
}

/** Awaits `promise` and checks that it rejects with an `OsaError` of `code` (and, when given, naming `field`). */
export async function assertRejects(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<OsaError> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) fail(`expected an OsaError "${code}", but it succeeded`);
  if (!(error instanceof OsaError)) fail(`expected an OsaError "${code}", got ${String(error)}`);
  if (error.code !== code) fail(`expected the code "${code}", got "${error.code}" (${error.message})`);
  if (field !== undefined && error.field !== field) fail(`expected the error to name the field "${field}", got "${error.field}" (${error.message})`);
  return error;
}

/**
 * Waits until `condition()` holds, checking after every task. Not a performance bound: the deadline
 * only turns a hang into a readable failure before the test runner's own timeout.
 */
export async function waitFor(condition: () => boolean, what: string, deadlineMs = 8000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > deadlineMs) fail(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A subscription that records what it is given. */
export class Recorder {
  readonly changes: Change[] = [];
  readonly statuses: string[] = [];
  private readonly stop: Unsubscribe;

  constructor(adapter: OsaAdapter, eventId: string, activityId: string, options: SubscribeOptions = {}) {
    const listener: ChangeListener = (changes) => this.changes.push(...changes);
    this.stop = adapter.subscribe(eventId, activityId, listener, { ...options, onStatus: (status) => this.statuses.push(status) });
  }

  get seqs(): number[] {
    return this.changes.map((change) => change.seq);
  }

  ofType(type: string): Change[] {
    return this.changes.filter((change) => change.type === type);
  }

  close(): void {
    this.stop();
  }
}

// ------------------------------------------------------------------ fixtures

/** A board event with a unique id; `moderation: 'pre'` keeps new ideas private to their author until approved. */
export function boardEvent(options: { moderation?: 'pre' | 'post'; phase?: string; seed?: EventDefinition['seed'] } = {}): EventDefinition {
  return {
    id: `conf-${randomKey(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`,
    title: { fi: 'Testitapahtuma', en: 'Test event' },
    languages: ['fi', 'en'],
    activities: [{ id: 'ideas', kind: 'board', title: 'Ideas', config: { moderation: options.moderation ?? 'post' }, phase: options.phase }],
    seed: options.seed,
  };
}

const ideasOf = (snapshot: ActivitySnapshot): string[] => {
  const state = snapshot.state as BoardState;
  return state.order.map((id) => state.ideas[id].text);
};

const increasing = (seqs: number[]): boolean => seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]);

// ------------------------------------------------------------------ the suite

export function runAdapterConformance(name: string, factory: ConformanceFactory): void {
  describe(`adapter conformance: ${name}`, function () {
    let env: ConformanceEnvironment;
    const recorders: Recorder[] = [];

    const record = (adapter: OsaAdapter, eventId: string, options?: SubscribeOptions, activityId = 'ideas'): Recorder => {
      const recorder = new Recorder(adapter, eventId, activityId, options);
      recorders.push(recorder);
      return recorder;
    };

    /** Creates an event and gives its organiser key to the organiser's adapter only. */
    const create = async (definition: EventDefinition = boardEvent()): Promise<string> => {
      const created = await env.organiser.createEvent(definition);
      assertEqual(created.eventId, definition.id, 'the created event id');
      assertTrue(typeof created.organiserKey === 'string' && created.organiserKey.length >= 16, 'an organiser key of 16 characters or more');
      env.organiser.setOrganiserKey(created.eventId, created.organiserKey);
      return created.eventId;
    };

    beforeEach(async () => {
      env = await factory();
    });

    afterEach(async () => {
      for (const recorder of recorders.splice(0)) recorder.close();
      await env.cleanup?.();
    });

    it('creates an event and describes it', async () => {
      const eventId = await create();
      const info = await env.participants[0].getEvent(eventId);
      assertEqual(info.id, eventId, 'EventInfo.id');
      assertEqual(info.title, { fi: 'Testitapahtuma', en: 'Test event' }, 'EventInfo.title');
      assertEqual(info.languages, ['fi', 'en'], 'EventInfo.languages');
      assertEqual(info.activities, [{ id: 'ideas', kind: 'board', title: 'Ideas', phase: 'collect' }], 'EventInfo.activities');
    });

    it('refuses a second event with the same id', async () => {
      const definition = boardEvent();
      await create(definition);
      await assertRejects(env.organiser.createEvent(definition), 'conflict');
    });

    it('gives each viewer its own view of an activity', async () => {
      const eventId = await create();
      const [a, b] = env.participants;
      const snapshot = await a.getActivity(eventId, 'ideas');
      assertEqual([snapshot.eventId, snapshot.id, snapshot.kind, snapshot.phase], [eventId, 'ideas', 'board', 'collect'], 'the snapshot');
      assertTrue(Number.isInteger(snapshot.seq) && snapshot.seq >= 0, 'the snapshot has a seq');
      assertEqual(snapshot.viewer.organiser, false, 'a participant is not the organiser');
      const me = await a.whoami(eventId);
      const other = await b.whoami(eventId);
      const organiser = await env.organiser.whoami(eventId);
      assertTrue(typeof me.participant === 'string' && me.participant.length > 0, 'a participant id');
      assertEqual(snapshot.viewer.participant, me.participant, 'the snapshot is made for the caller');
      assertTrue(me.participant !== other.participant, 'two devices are two participants');
      assertEqual((await a.whoami(eventId)).participant, me.participant, 'a device keeps its participant id');
      assertEqual(organiser.organiser, true, 'the organiser key is recognised');
    });

    it('runs seed actions as participants, then sets the phase the definition names', async () => {
      const eventId = await create(
        boardEvent({
          phase: 'vote',
          seed: [
            { activity: 'ideas', as: 'anna', command: 'submitIdea', payload: { text: 'More trees in the schoolyard' } },
            { activity: 'ideas', as: 'bertil', command: 'submitIdea', payload: { text: 'A quiet room for reading' } },
          ],
        }),
      );
      const snapshot = await env.participants[0].getActivity(eventId, 'ideas');
      assertEqual(snapshot.phase, 'vote', 'the phase from the definition');
      assertEqual(ideasOf(snapshot), ['More trees in the schoolyard', 'A quiet room for reading'], 'the seeded ideas');
      assertEqual((snapshot.state as BoardState).participantCount, 2, 'two simulated participants');
    });

    it('answers not_found for an unknown event or activity', async () => {
      const eventId = await create();
      const [a] = env.participants;
      await assertRejects(a.getEvent('no-such-event'), 'not_found');
      await assertRejects(a.getActivity('no-such-event', 'ideas'), 'not_found');
      await assertRejects(a.getActivity(eventId, 'no-such-activity'), 'not_found');
      await assertRejects(a.send(eventId, 'no-such-activity', 'submitIdea', { text: 'x' }), 'not_found');
    });

    it('refuses invalid input naming the field', async () => {
      const eventId = await create();
      const [a] = env.participants;
      await assertRejects(a.send(eventId, 'ideas', 'submitIdea', {}), 'invalid', 'text');
      await assertRejects(a.send(eventId, 'ideas', 'submitIdea', { text: 42 }), 'invalid', 'text');
      await assertRejects(a.send(eventId, 'ideas', 'submitIdea', { text: 'ok', colour: 'red' }), 'invalid', 'colour');
      const invalidEvent = { ...boardEvent(), id: 'Not A Slug' };
      await assertRejects(env.organiser.createEvent(invalidEvent), 'invalid', 'id');
    });

    it('keeps organiser operations to the organiser', async () => {
      const eventId = await create();
      const [a] = env.participants;
      await assertRejects(a.send(eventId, 'ideas', 'setPhase', { phase: 'vote' }), 'forbidden');
      await assertRejects(a.exportActivity(eventId, 'ideas'), 'forbidden');
      a.setOrganiserKey(eventId, 'not-the-organiser-key-at-all');
      await assertRejects(a.send(eventId, 'ideas', 'setPhase', { phase: 'vote' }), 'forbidden');
      // A wrong key gives the participant's view, as no key does.
      assertEqual((await a.getActivity(eventId, 'ideas')).viewer.organiser, false, 'a wrong key is not the organiser');
      a.setOrganiserKey(eventId, undefined);
      const done = await env.organiser.send(eventId, 'ideas', 'setPhase', { phase: 'vote' });
      assertEqual(done.queued ? done : done.result, { phase: 'vote' }, 'the organiser sets the phase');
      assertEqual((await a.getActivity(eventId, 'ideas')).phase, 'vote', 'the new phase');
    });

    it('answers a write with the seq of its own change, which the writer\'s view then holds', async () => {
      const eventId = await create();
      const [a] = env.participants;
      const before = await a.getActivity(eventId, 'ideas');
      const sent = await a.send(eventId, 'ideas', 'submitIdea', { text: 'Read your own write', force: true });
      if (sent.queued) fail('the write was sent, not queued');
      if (typeof sent.seq !== 'number') fail(`a write answers the seq of its change, got ${JSON.stringify(sent)}`);
      if (sent.seq <= before.seq) fail(`the write's seq ${sent.seq} comes after the view's ${before.seq}`);
      const recorder = record(a, eventId, { since: before.seq });
      await waitFor(() => recorder.changes.some((change) => change.seq === sent.seq), 'the change with the answered seq, delivered live');
      const after = await a.getActivity(eventId, 'ideas');
      if (after.seq < sent.seq) fail(`the view's seq ${after.seq} holds the write's ${sent.seq}`);
      assertEqual(ideasOf(after), ['Read your own write'], 'the write is in the writer\'s view');
    });

    it('refuses an operation whose phase is closed', async () => {
      const eventId = await create(boardEvent({ phase: 'results' }));
      await assertRejects(env.participants[0].send(eventId, 'ideas', 'submitIdea', { text: 'Too late' }), 'phase_closed');
    });

    it('counts a write sent twice with one idempotency key once, and refuses the key for another write', async () => {
      const eventId = await create();
      const [a] = env.participants;
      const idempotencyKey = randomKey();
      const first = await a.send(eventId, 'ideas', 'submitIdea', { text: 'Longer breaks', force: true }, { idempotencyKey });
      const second = await a.send(eventId, 'ideas', 'submitIdea', { text: 'Longer breaks', force: true }, { idempotencyKey });
      assertEqual(second.queued ? second : second.result, first.queued ? first : first.result, 'the retry answers with the first result');
      // The retry wrote nothing, so it names no change of its own to wait for.
      assertEqual(!second.queued && second.seq, undefined, 'the retry names no change');
      assertEqual(ideasOf(await env.organiser.getActivity(eventId, 'ideas')), ['Longer breaks'], 'one idea');
      await assertRejects(a.send(eventId, 'ideas', 'submitIdea', { text: 'Shorter breaks', force: true }, { idempotencyKey }), 'conflict');
      assertEqual(ideasOf(await env.organiser.getActivity(eventId, 'ideas')), ['Longer breaks'], 'still one idea');
    });

    it("delivers another participant's changes live, in seq order", async () => {
      const eventId = await create();
      const [a, b] = env.participants;
      const start = await b.getActivity(eventId, 'ideas');
      const live = record(b, eventId, { since: start.seq });
      await waitFor(() => live.statuses.includes('live'), 'the subscription to be live');
      for (const text of ['Idea one', 'Idea two', 'Idea three']) await a.send(eventId, 'ideas', 'submitIdea', { text, force: true });
      await waitFor(() => live.ofType('idea').length === 3, 'three ideas');
      assertEqual(
        live.ofType('idea').map((change) => (change.data as { idea: { text: string } }).idea.text),
        ['Idea one', 'Idea two', 'Idea three'],
        'the ideas in order',
      );
      assertTrue(increasing(live.seqs) && live.seqs[0] > start.seq, `seqs increase from the snapshot's: ${live.seqs}`);
      assertTrue(live.changes.every((change) => change.activity === 'ideas'), 'only changes of the subscribed activity');
    });

    it("does not deliver one participant's private changes to another", async () => {
      const eventId = await create(boardEvent({ moderation: 'pre' }));
      const [a, b] = env.participants;
      const mine = record(a, eventId, { since: 0 });
      const theirs = record(b, eventId, { since: 0 });
      const organiser = record(env.organiser, eventId, { since: 0 });
      await a.send(eventId, 'ideas', 'submitIdea', { text: 'Waiting for moderation' });
      // A public change after the private one: once it arrives, everything before it has too.
      await env.organiser.send(eventId, 'ideas', 'setPhase', { phase: 'vote' });
      for (const recorder of [mine, theirs, organiser]) await waitFor(() => recorder.ofType('phase').length === 1, 'the phase change');
      assertEqual(mine.ofType('idea').length, 1, 'the author sees their pending idea');
      assertEqual(organiser.ofType('idea').length, 1, 'the organiser sees it');
      assertEqual(theirs.ofType('idea').length, 0, 'another participant does not');
      assertTrue(!theirs.changes.some((change) => change.type === 'own-idea'), "nor the author's own-idea change");
      const b2 = await b.getActivity(eventId, 'ideas');
      assertEqual(ideasOf(b2), [], "nor in another participant's snapshot");
    });

    it('resumes with since: exactly the missed changes, no gap, no duplicate', async () => {
      const eventId = await create();
      const [a, b] = env.participants;
      const start = await b.getActivity(eventId, 'ideas');
      const reference = record(b, eventId, { since: start.seq });
      const first = record(b, eventId, { since: start.seq });
      await a.send(eventId, 'ideas', 'submitIdea', { text: 'Before the break', force: true });
      await waitFor(() => first.ofType('idea').length === 1, 'the first idea');
      first.close();
      const resumeFrom = first.seqs.at(-1)!;
      for (const text of ['During the break 1', 'During the break 2']) await a.send(eventId, 'ideas', 'submitIdea', { text, force: true });
      const resumed = record(b, eventId, { since: resumeFrom });
      await a.send(eventId, 'ideas', 'submitIdea', { text: 'After the break', force: true });
      await waitFor(() => reference.ofType('idea').length === 4 && resumed.ofType('idea').length === 3, 'every idea');
      assertEqual(resumed.seqs, reference.seqs.filter((seq) => seq > resumeFrom), 'the resumed subscription got exactly what it missed and what came after');
      assertTrue(increasing(resumed.seqs), 'in order');
    });

    // ---------------------------------------------------------------- the organiser's edits (optional methods)

    /**
     * Whether the organiser's adapter offers an optional method; when it does not, the test is
     * skipped (mocha's `this.skip()`; a runner without it lets the test return early).
     */
    const offers = (context: { skip?: () => void } | undefined, ...methods: Array<'addActivity' | 'updateActivity' | 'updateEvent' | 'rotateOrganiserKey'>): boolean => {
      if (methods.every((method) => typeof env.organiser[method] === 'function')) return true;
      context?.skip?.();
      return false;
    };

    it('adds an activity to an event: every viewer sees it at once and can take part', async function () {
      if (!offers(this, 'addActivity')) return;
      const eventId = await create();
      const [a, b] = env.participants;
      await a.getEvent(eventId);
      const info = await env.organiser.addActivity!(eventId, { id: 'words', kind: 'cloud', title: { fi: 'Sanat', en: 'Words' }, phase: 'open' });
      const expected = [
        { id: 'ideas', kind: 'board', title: 'Ideas', phase: 'collect' },
        { id: 'words', kind: 'cloud', title: { fi: 'Sanat', en: 'Words' }, phase: 'open' },
      ];
      assertEqual(info.activities, expected, 'the EventInfo answered');
      assertEqual((await a.getEvent(eventId)).activities, expected, "a participant's EventInfo");
      const start = await b.getActivity(eventId, 'words');
      assertEqual([start.kind, start.phase], ['cloud', 'open'], 'the new activity as a participant sees it');
      const live = record(b, eventId, { since: start.seq }, 'words');
      await a.send(eventId, 'words', 'submit', { text: 'library' });
      await waitFor(() => live.ofType('terms').length === 1, 'the new activity\'s change, delivered live');
      const second = await env.organiser.addActivity!(eventId, { id: 'poll', kind: 'feedback' });
      assertEqual(second.activities.at(-1), { id: 'poll', kind: 'feedback', title: 'poll', phase: 'preparing' }, "without a phase, the kind's first");
    });

    it('refuses to add an activity without the organiser key, with an id the event has, or of an unknown kind', async function () {
      if (!offers(this, 'addActivity')) return;
      const eventId = await create();
      const [a] = env.participants;
      if (typeof a.addActivity === 'function') await assertRejects(a.addActivity(eventId, { id: 'words', kind: 'cloud' }), 'forbidden');
      await assertRejects(env.organiser.addActivity!(eventId, { id: 'ideas', kind: 'cloud' }), 'conflict', 'id');
      await assertRejects(env.organiser.addActivity!(eventId, { id: 'poll', kind: 'poll' }), 'invalid', 'kind');
      await assertRejects(env.organiser.addActivity!(eventId, { id: 'Not A Slug', kind: 'cloud' }), 'invalid', 'id');
      await assertRejects(env.organiser.addActivity!(eventId, { id: 'words', kind: 'cloud', config: { maxWords: 0 } }), 'invalid', 'config.maxWords');
      await assertRejects(env.organiser.addActivity!('no-such-event', { id: 'words', kind: 'cloud' }), 'not_found');
      assertEqual((await a.getEvent(eventId)).activities.map((activity) => activity.id), ['ideas'], 'nothing was added');
    });

    it("edits an activity's title and the event's title and languages; subscribers fold the new title", async function () {
      if (!offers(this, 'updateActivity', 'updateEvent')) return;
      const eventId = await create();
      const [a] = env.participants;
      const start = await a.getActivity(eventId, 'ideas');
      const live = record(a, eventId, { since: start.seq });
      const renamed = await env.organiser.updateActivity!(eventId, 'ideas', { title: { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' } });
      assertEqual(renamed.activities[0].title, { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' }, 'the EventInfo answered');
      await waitFor(() => live.ofType('title').length === 1, 'the title change, delivered live');
      assertEqual((live.ofType('title')[0].data as { title: unknown }).title, { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' }, 'the change carries the title');
      assertEqual((await a.getActivity(eventId, 'ideas')).title, { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' }, "a participant's snapshot");
      const event = await env.organiser.updateEvent!(eventId, { title: 'Kevätseminaari', languages: ['sv', 'fi'] });
      assertEqual([event.title, event.languages], ['Kevätseminaari', ['sv', 'fi']], 'the EventInfo answered');
      const seen = await a.getEvent(eventId);
      assertEqual([seen.title, seen.languages], ['Kevätseminaari', ['sv', 'fi']], "a participant's EventInfo");
      await assertRejects(env.organiser.updateEvent!(eventId, { languages: ['de' as 'fi'] }), 'invalid', 'languages.0');
      await assertRejects(env.organiser.updateEvent!(eventId, {}), 'invalid', 'title');
      await assertRejects(env.organiser.updateActivity!(eventId, 'no-such-activity', { title: 'x' }), 'not_found');
      if (typeof a.updateActivity === 'function') await assertRejects(a.updateActivity(eventId, 'ideas', { title: 'Mine now' }), 'forbidden');
      if (typeof a.updateEvent === 'function') await assertRejects(a.updateEvent(eventId, { title: 'Mine now' }), 'forbidden');
    });

    it('replaces the organiser key: the adapter goes on with the new key, the old key is refused', async function () {
      if (!offers(this, 'rotateOrganiserKey')) return;
      const definition = boardEvent();
      const { organiserKey: oldKey } = await env.organiser.createEvent(definition);
      const eventId = definition.id;
      env.organiser.setOrganiserKey(eventId, oldKey);
      const [a, b] = env.participants;
      if (typeof a.rotateOrganiserKey === 'function') await assertRejects(a.rotateOrganiserKey(eventId), 'forbidden');
      const { organiserKey } = await env.organiser.rotateOrganiserKey!(eventId);
      assertTrue(typeof organiserKey === 'string' && organiserKey.length >= 16 && organiserKey !== oldKey, 'a new organiser key');
      assertEqual((await env.organiser.whoami(eventId)).organiser, true, 'the adapter uses the new key itself');
      const done = await env.organiser.send(eventId, 'ideas', 'setPhase', { phase: 'vote' });
      assertEqual(done.queued ? done : done.result, { phase: 'vote' }, 'the organiser goes on with the new key');
      a.setOrganiserKey(eventId, oldKey);
      assertEqual((await a.whoami(eventId)).organiser, false, 'the old key is no longer the organiser');
      await assertRejects(a.send(eventId, 'ideas', 'setPhase', { phase: 'results' }), 'forbidden');
      if (typeof a.rotateOrganiserKey === 'function') await assertRejects(a.rotateOrganiserKey(eventId), 'forbidden');
      b.setOrganiserKey(eventId, organiserKey);
      assertEqual((await b.whoami(eventId)).organiser, true, 'the new key works on another device');
    });

    it('exports an activity for the organiser', async () => {
      const eventId = await create();
      await env.participants[0].send(eventId, 'ideas', 'submitIdea', { text: 'Export me' });
      const data = await env.organiser.exportActivity(eventId, 'ideas');
      assertEqual([data.eventId, data.activity, data.kind], [eventId, 'ideas', 'board'], 'what was exported');
      assertTrue(!Number.isNaN(Date.parse(data.exportedAt)), 'an export time');
      const ideas = data.tables.ideas ?? fail('an "ideas" table');
      assertEqual(ideas.map((row) => row.text), ['Export me'], 'the idea in the table');
      assertEqual(ideas[0].author, 'p1', 'authors are pseudonyms, never device or participant ids');
    });
  });
}
