import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LocalBackend, type Caller } from '../../adapters/local/backend.js';
import type { Change, Viewer } from '../activity.js';
import { EventLedger } from '../ledger.js';
import { toCsv } from '../csv.js';
import { prepareEvent } from '../event-setup.js';
import { OsaError } from '../errors.js';
import { randomKey } from '../idempotency.js';
import { createRandom } from '../ranking/random.js';
import { ANSWERED, canRespondAgain, feedbackMine, feedbackMineThisRound, NOT_APPLICABLE, type FeedbackConfig, type FeedbackState, type FormDefinition } from './feedback.js';
import { tallyOf } from './statistics.js';
import { EVERY_TYPE } from './fixtures/forms.js';

/**
 * The feedback kind driven through the in-page local back end, as an element drives it: commands
 * with idempotency keys, snapshots and change streams per device, and the organiser's export.
 */
async function setup(config: Partial<FeedbackConfig> = { form: EVERY_TYPE }, phase = 'open') {
  let now = Date.UTC(2026, 10, 27, 10, 0, 0);
  const backend = new LocalBackend({ now: () => (now += 60_000) });
  const { eventId, organiserKey } = await backend.createEvent({ id: 'day', title: 'Day', activities: [{ id: 'f', kind: 'feedback', config, phase }] });
  const organiser: Caller = { device: 'organiser-device', organiserKey };
  const person = (name: string): Caller => ({ device: `device-${name}` });
  const run = async (caller: Caller, command: string, payload: unknown = {}, key = randomKey()): Promise<unknown> => (await backend.send(eventId, 'f', command, payload, caller, key)).result;
  const view = async (caller: Caller) => (await backend.snapshot(eventId, 'f', caller)).state as FeedbackState;
  const participantOf = async (caller: Caller) => (await backend.viewer(eventId, caller)).participant!;
  /** Everything a device's change stream delivers from the start. */
  const stream = (caller: Caller) => {
    const delivered: Change[] = [];
    const stop = backend.subscribe(eventId, 'f', () => caller, (changes) => delivered.push(...changes), { since: 0 });
    return { delivered, stop };
  };
  const exported = async () => (await backend.exportActivity(eventId, 'f', organiser)).tables;
  return { backend, eventId, organiser, person, run, view, participantOf, stream, exported };
}

/** Lets queued deliveries run (microtasks and the store's promises), without a clock. */
const settle = async () => {
  for (let round = 0; round < 20; round += 1) await new Promise((resolve) => setImmediate(resolve));
};

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OsaError, `expected an OsaError, got ${String(error)}`);
    return error.field ? `${error.code}:${error.field}` : error.code;
  }
  return 'no error';
}

const ANSWERS = { role: 'teacher', useful: 4, recommend: 9, topics: ['ai'], nickname: 'Ana', order: ['panel', 'keynote', 'workshop'] };

describe('feedback: submitting', () => {
  test('a participant submits once; the response, its round and the tallies are recorded', async () => {
    const { run, person, view, organiser, participantOf } = await setup();
    const anna = person('anna');
    const result = await run(anna, 'submit', { answers: { ...ANSWERS, why: 'hidden: useful is 4' } });
    assert.deepEqual(result, { responseId: 'r1', round: 1, answers: ANSWERS, edited: false }, 'the hidden question\'s answer is dropped');
    const mine = await view(anna);
    const id = await participantOf(anna);
    assert.deepEqual(mine.byParticipant, { [id]: ['r1'] });
    assert.deepEqual(mine.responses.r1.answers, ANSWERS);
    assert.equal(mine.count, 1);
    const all = await view(organiser);
    assert.deepEqual(all.tally.useful, { [ANSWERED]: 1, 4: 1 });
    assert.deepEqual(all.tally.order, { [ANSWERED]: 1, 'panel@1': 1, 'keynote@2': 1, 'workshop@3': 1 });
    assert.equal(all.tally.nickname, undefined, 'free text is never tallied');
  });

  test('invalid answers are refused naming the question', async () => {
    const { run, person } = await setup();
    assert.equal(await code(run(person('a'), 'submit', { answers: { role: 'teacher' } })), 'invalid:useful');
    assert.equal(await code(run(person('a'), 'submit', { answers: { ...ANSWERS, useful: 2 } })), 'invalid:why', 'requiredIf: a teacher who found it poor says why');
    assert.equal(await code(run(person('a'), 'submit', { answers: { ...ANSWERS, topics: ['ai', 'math', 'art'] } })), 'invalid:topics');
    assert.equal(await code(run(person('a'), 'submit', { answers: ANSWERS, extra: 1 })), 'invalid:extra');
    assert.equal(await code(run(person('a'), 'submit', { answers: ANSWERS, responseId: 'x; drop' })), 'invalid:responseId');
  });

  test('one response per participant: a second is refused; the organiser may allow more', async () => {
    const once = await setup();
    await once.run(once.person('a'), 'submit', { answers: ANSWERS });
    assert.equal(await code(once.run(once.person('a'), 'submit', { answers: ANSWERS })), 'conflict');
    assert.equal(await code(once.run(once.person('b'), 'submit', { answers: ANSWERS })), 'no error', 'others still answer');
    const twice = await setup({ form: EVERY_TYPE, responsesPerParticipant: 2 });
    await twice.run(twice.person('a'), 'submit', { answers: ANSWERS });
    await twice.run(twice.person('a'), 'submit', { answers: { ...ANSWERS, useful: 5 } });
    assert.equal(await code(twice.run(twice.person('a'), 'submit', { answers: ANSWERS })), 'conflict');
    const unlimited = await setup({ form: EVERY_TYPE, responsesPerParticipant: 0 });
    for (let index = 0; index < 5; index += 1) await unlimited.run(unlimited.person('a'), 'submit', { answers: ANSWERS });
    assert.equal((await unlimited.view(unlimited.organiser)).count, 5);
  });

  test('a response is recorded once: the same command sent again is answered from the record', async () => {
    const { run, person, view, organiser } = await setup();
    const key = randomKey();
    const first = await run(person('a'), 'submit', { answers: ANSWERS }, key);
    const again = await run(person('a'), 'submit', { answers: ANSWERS }, key);
    assert.deepEqual(again, first);
    const state = await view(organiser);
    assert.equal(state.count, 1);
    assert.equal(Object.keys(state.responses).length, 1);
    assert.equal(state.tally.useful[ANSWERED], 1);
  });

  test('an edit replaces the response until the form closes: old counts out, new ones in', async () => {
    const { run, person, view, organiser } = await setup();
    const { responseId } = (await run(person('a'), 'submit', { answers: ANSWERS })) as { responseId: string };
    const edited = await run(person('a'), 'submit', { responseId, answers: { ...ANSWERS, useful: 2, why: 'Too long', topics: ['math', 'art'] } });
    assert.equal((edited as { edited: boolean }).edited, true);
    const state = await view(organiser);
    assert.equal(state.count, 1, 'an edit is not a new response');
    assert.deepEqual(state.tally.useful, { [ANSWERED]: 1, 2: 1 });
    assert.deepEqual(state.tally.topics, { [ANSWERED]: 1, math: 1, art: 1 });
    assert.equal(state.responses[responseId].answers.why, 'Too long');
    assert.ok(state.responses[responseId].updatedAt! > state.responses[responseId].at, 'the first time is kept, the edit time added');
    assert.equal(await code(run(person('b'), 'submit', { responseId, answers: ANSWERS })), 'not_found:responseId', 'never someone else\'s');
    assert.equal(await code(run(person('a'), 'submit', { responseId: 'r9', answers: ANSWERS })), 'not_found:responseId');
    await run(organiser, 'setPhase', { phase: 'closed' });
    assert.equal(await code(run(person('a'), 'submit', { responseId, answers: ANSWERS })), 'phase_closed');
    assert.equal(await code(run(person('c'), 'submit', { answers: ANSWERS })), 'phase_closed', 'refused after closing');
  });

  test('without allowEdit an edit is refused; before opening nothing is taken', async () => {
    const fixed = await setup({ form: EVERY_TYPE, allowEdit: false });
    const { responseId } = (await fixed.run(fixed.person('a'), 'submit', { answers: ANSWERS })) as { responseId: string };
    assert.equal(await code(fixed.run(fixed.person('a'), 'submit', { responseId, answers: ANSWERS })), 'forbidden:responseId');
    const early = await setup({ form: EVERY_TYPE }, 'preparing');
    assert.equal(await code(early.run(early.person('a'), 'submit', { answers: ANSWERS })), 'phase_closed');
  });

  test('reset starts a new round: tallies from zero, everyone may answer again, earlier responses stay', async () => {
    const { run, person, view, organiser, exported } = await setup();
    const { responseId } = (await run(person('a'), 'submit', { answers: ANSWERS })) as { responseId: string };
    await run(person('b'), 'submit', { answers: { ...ANSWERS, useful: 5 } });
    assert.equal(await code(run(person('a'), 'reset')), 'forbidden');
    assert.deepEqual(await run(organiser, 'reset'), { round: 2 });
    let state = await view(organiser);
    assert.deepEqual([state.round, state.count, state.tally], [2, 0, {}]);
    assert.equal(await code(run(person('a'), 'submit', { responseId, answers: ANSWERS })), 'conflict:responseId', 'an earlier round\'s response is closed');
    const again = (await run(person('a'), 'submit', { answers: { ...ANSWERS, useful: 1, why: 'Changed my mind' } })) as { round: number };
    assert.equal(again.round, 2);
    state = await view(organiser);
    assert.deepEqual(state.tally.useful, { [ANSWERED]: 1, 1: 1 }, 'only this round counts');
    assert.deepEqual(((await exported()).responses as Array<{ round: number }>).map((row) => row.round), [1, 1, 2]);
  });
});

describe('feedback: privacy', () => {
  const FREE_TEXT = ['Ana', 'Bo', 'Secret reason'];

  test('a participant\'s snapshot and stream hold no other participant\'s answers and no free text; the counts only', async () => {
    const { run, person, view, stream, organiser, participantOf } = await setup();
    const watcher = person('watcher');
    const seen = stream(watcher);
    await run(person('a'), 'submit', { answers: ANSWERS });
    await run(person('b'), 'submit', { answers: { ...ANSWERS, nickname: 'Bo', useful: 1, why: 'Secret reason' } });
    await settle();
    const snapshot = await view(watcher);
    assert.deepEqual(snapshot.responses, {});
    assert.deepEqual(snapshot.byParticipant, {});
    assert.deepEqual(snapshot.tally, {}, 'tallies are hidden without publicResults');
    assert.equal(snapshot.count, 2, 'how many answered is public');
    const kinds = (changes: Change[]) => [...new Set(changes.map((change) => change.type))].filter((type) => type !== 'phase' && type !== 'config').sort();
    assert.deepEqual(kinds(seen.delivered), ['count']);
    for (const text of FREE_TEXT) {
      assert.ok(!JSON.stringify(snapshot).includes(text), `the snapshot holds "${text}"`);
      assert.ok(!JSON.stringify(seen.delivered).includes(text), `the stream holds "${text}"`);
    }
    const a = await view(person('a'));
    assert.deepEqual(Object.keys(a.responses), ['r1'], 'a sees their own response');
    assert.deepEqual(Object.keys(a.byParticipant), [await participantOf(person('a'))]);
    assert.ok(!JSON.stringify(a).includes('Secret reason'));
    assert.ok(JSON.stringify(await view(organiser)).includes('Secret reason'), 'the organiser reads everything');
    seen.stop();
  });

  test('tallies reach participants only with publicResults, and follow the setting when it changes', async () => {
    const { run, person, view, stream, organiser } = await setup({ form: EVERY_TYPE, publicResults: true });
    const watcher = person('watcher');
    const seen = stream(watcher);
    await run(person('a'), 'submit', { answers: ANSWERS });
    await run(person('b'), 'submit', { answers: { ...ANSWERS, nickname: 'Bo', useful: 1, why: 'Secret reason' } });
    await settle();
    const snapshot = await view(watcher);
    assert.deepEqual(snapshot.tally.useful, { [ANSWERED]: 2, 4: 1, 1: 1 });
    assert.equal(snapshot.tally.nickname, undefined);
    assert.equal(snapshot.tally.why, undefined);
    assert.deepEqual([...new Set(seen.delivered.map((change) => change.type))].filter((type) => type !== 'phase' && type !== 'config').sort(), ['count', 'tally']);
    for (const text of FREE_TEXT) assert.ok(!JSON.stringify(seen.delivered).includes(text), `the stream holds "${text}"`);
    await run(organiser, 'configure', { config: { form: EVERY_TYPE, publicResults: false } });
    assert.deepEqual((await view(watcher)).tally, {}, 'hidden again once the organiser turns it off');
    assert.deepEqual((await view(organiser)).tally.useful, { [ANSWERED]: 2, 4: 1, 1: 1 });
    seen.stop();
  });
});

describe('feedback: export', () => {
  test('one row per response, one column per question, participants numbered', async () => {
    const { run, person, exported } = await setup();
    await run(person('a'), 'submit', { answers: ANSWERS });
    await run(person('b'), 'submit', { answers: { role: 'other', useful: NOT_APPLICABLE, topics: ['ai', 'art'] } });
    const { responses } = await exported();
    assert.deepEqual(Object.keys(responses[0]), ['response', 'participant', 'round', 'submitted', 'role', 'useful', 'recommend', 'topics', 'order', 'nickname', 'why', 'subject']);
    assert.deepEqual(responses[0], {
      response: 'r1',
      participant: 'p1',
      round: 1,
      submitted: responses[0].submitted,
      role: 'teacher',
      useful: 4,
      recommend: 9,
      topics: 'ai',
      order: 'panel > keynote > workshop',
      nickname: 'Ana',
      why: null,
      subject: null,
    });
    assert.match(String(responses[0].submitted), /^2026-11-27T10:\d\d:00\.000Z$/);
    assert.deepEqual([responses[1].participant, responses[1].useful, responses[1].topics], ['p2', NOT_APPLICABLE, 'ai; art']);
    assert.ok(!JSON.stringify(responses).includes('device-'), 'no device or participant ids');
  });

  test('CSV through csv.ts: commas, quotes, newlines and = + - @ prefixes are escaped and neutralised', async () => {
    const { run, person, exported } = await setup();
    await run(person('a'), 'submit', { answers: { role: 'teacher', useful: 1, nickname: '=A1&"x"', why: 'Slow, "boring"\nand long' } });
    await run(person('b'), 'submit', { answers: { role: 'other', useful: 3, nickname: '+35840' } });
    await run(person('c'), 'submit', { answers: { role: 'other', useful: 3, nickname: '-5', topics: ['ai', 'math'] } });
    await run(person('d'), 'submit', { answers: { role: 'other', useful: 3, nickname: '@admin' } });
    const { responses } = await exported();
    const csv = toCsv(responses, { columns: ['participant', 'nickname', 'why', 'topics'] });
    assert.equal(
      csv,
      '\uFEFFparticipant,nickname,why,topics\r\n' +
        'p1,"\'=A1&""x""",' + '"Slow, ""boring""\nand long",\r\n' +
        "p2,'+35840,,\r\n" +
        "p3,'-5,,\"ai; math\"\r\n" +
        "p4,'@admin,,\r\n",
    );
    const semicolons = toCsv(responses, { columns: ['participant', 'topics'], delimiter: ';' });
    assert.ok(semicolons.includes('p3;"ai; math"'), 'a list is quoted where ; separates the columns');
  });
});

describe('feedback: configuration', () => {
  const prepare = (config: unknown) => {
    try {
      prepareEvent({ id: 'day', title: 'Day', activities: [{ id: 'f', kind: 'feedback', config }] }, { now: 0, random: createRandom(1), newParticipantId: () => 'p' });
    } catch (error) {
      assert.ok(error instanceof OsaError);
      return `${error.code}:${error.field}`;
    }
    return 'no error';
  };
  const one = (question: Record<string, unknown>): FormDefinition => ({ sections: [{ id: 's', questions: [question] }] }) as unknown as FormDefinition;

  test('the default configuration and every-type form are accepted', () => {
    assert.equal(prepare({}), 'no error');
    assert.equal(prepare({ form: EVERY_TYPE }), 'no error');
  });

  test('a form with problems is refused naming the first by its field', () => {
    assert.equal(prepare({ form: one({ name: 'q', type: 'scale', title: 'Q', visibleIf: '{nope} = 1' }) }), 'invalid:activities.0.config.form.sections.0.questions.0.visibleIf');
    assert.equal(prepare({ form: one({ name: 'q', type: 'single', title: 'Q', choices: [] }) }), 'invalid:activities.0.config.form.sections.0.questions.0.choices');
    assert.equal(prepare({ form: one({ name: 'q', type: 'essay', title: 'Q' }) }), 'invalid:activities.0.config.form.sections.0.questions.0.type');
    assert.equal(prepare({ form: one({ name: 'round', type: 'text', title: 'Q' }) }), 'invalid:activities.0.config.form.sections.0.questions.0.name', 'export columns are reserved');
    assert.equal(prepare({ form: one({ name: 'q', type: 'text', title: 'Q', script: 'x' }) }), 'invalid:activities.0.config.form.sections.0.questions.0.script');
  });

  test('a poll has exactly one question', () => {
    assert.equal(prepare({ mode: 'poll', form: EVERY_TYPE }), 'invalid:activities.0.config.form.sections');
    assert.equal(prepare({ mode: 'poll', form: one({ name: 'q', type: 'single', title: 'Q', choices: [{ value: 'a', label: 'A' }] }) }), 'no error');
  });
});

describe('feedback: changing the form', () => {
  const poll = (question: Record<string, unknown>): Partial<FeedbackConfig> => ({ mode: 'poll', responsesPerParticipant: 1, form: { sections: [{ id: 's', questions: [question] }] } as unknown as FormDefinition });
  const first = { name: 'lunch', type: 'single', title: 'Lunch?', choices: [{ value: 'soup', label: 'Soup' }, { value: 'salad', label: 'Salad' }] };
  const second = { name: 'coffee', type: 'scale', title: 'Coffee?', min: 1, max: 5 };

  test('the current round\'s answered questions and chosen choices stay; after a reset the next poll question may replace them', async () => {
    const { run, person, organiser, exported } = await setup(poll(first));
    await run(person('a'), 'submit', { answers: { lunch: 'soup' } });
    assert.equal(await code(run(organiser, 'configure', { config: poll(second) })), 'invalid:config.form', 'answered in this round');
    assert.equal(await code(run(organiser, 'configure', { config: poll({ ...first, choices: [{ value: 'salad', label: 'Salad' }] }) })), 'invalid:config.form', 'a chosen choice');
    assert.equal(await code(run(organiser, 'configure', { config: poll({ ...first, choices: [...first.choices, { value: 'pie', label: 'Pie' }] }) })), 'no error', 'a choice may be added');
    await run(organiser, 'reset');
    assert.equal(await code(run(organiser, 'configure', { config: poll(second) })), 'no error');
    await run(person('a'), 'submit', { answers: { coffee: 4 } });
    const { responses } = await exported();
    assert.deepEqual(
      responses.map((row) => [row.round, row.coffee, row.lunch]),
      [
        [1, null, 'soup'],
        [2, 4, null],
      ],
      'an earlier question keeps its column in the export',
    );
  });
});

describe('feedback: the tallies always match the responses', () => {
  test('whatever the order of submissions, edits and resets, the live tally is the tally of this round\'s responses', () => {
    const answers = fc.record(
      { role: fc.constantFrom('teacher', 'principal', 'other'), useful: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(NOT_APPLICABLE)), topics: fc.subarray(['ai', 'math', 'art'], { minLength: 1, maxLength: 2 }), why: fc.constant('x') },
      { requiredKeys: ['role', 'useful'] },
    );
    const step = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), who: fc.integer({ min: 0, max: 4 }), answers, edit: fc.boolean() }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const ledger = new EventLedger('t', 'T', [{ id: 'f', kind: 'feedback', config: { form: EVERY_TYPE, responsesPerParticipant: 2 }, phase: 'open' }]);
        const random = createRandom(1);
        let now = 0;
        const run = (viewer: Viewer, command: string, payload: unknown) => {
          const { result, changes } = ledger.stamp('f', command, payload, { ...viewer, now: (now += 1000), random });
          ledger.apply(changes);
          return result;
        };
        for (const entry of steps) {
          if (entry.kind === 'reset') {
            run({ organiser: true }, 'reset', {});
            continue;
          }
          const viewer: Viewer = { participant: `p${entry.who}`, organiser: false };
          const state = ledger.activity('f').record.state as FeedbackState;
          const mine = feedbackMineThisRound(state, viewer);
          const responseId = entry.edit && mine.length > 0 ? mine[0].responseId : undefined;
          try {
            run(viewer, 'submit', { answers: entry.answers, ...(responseId ? { responseId } : {}) });
          } catch (error) {
            if (!(error instanceof OsaError)) throw error;
            assert.ok(error.code === 'conflict' || error.code === 'invalid', `${error.code}: ${error.message}`);
            if (error.code === 'conflict') assert.equal(canRespondAgain(state, { responsesPerParticipant: 2 }, viewer), false);
            else assert.equal(error.field, 'why', 'a teacher who found it poor says why');
          }
        }
        const state = ledger.activity('f').record.state as FeedbackState;
        const thisRound = Object.values(state.responses).filter((response) => response.round === state.round);
        assert.deepEqual(state.tally, tallyOf(EVERY_TYPE, thisRound.map((response) => response.answers)));
        assert.equal(state.count, thisRound.length);
        const participant = ledger.snapshot('f', { participant: 'p0', organiser: false }).state as FeedbackState;
        assert.deepEqual(
          feedbackMine(participant, { participant: 'p0', organiser: false }).map((entry) => entry.responseId),
          Object.entries(state.responses).filter(([, response]) => response.participant === 'p0').map(([id]) => id),
          'a participant\'s own responses, as the organiser has them',
        );
      }),
      { numRuns: 150 },
    );
  });
});
