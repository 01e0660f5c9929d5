import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventLedger } from '../ledger.js';
import type { CommandContext, Viewer } from '../activity.js';
import { OsaError } from '../errors.js';
import { createRandom } from '../ranking/random.js';
import { activityExport } from '../backend.js';
import type { Language } from '../protocol.js';
import fc from 'fast-check';
import { answersOfTerm, cloudKind, cloudMine, cloudTerms, cloudView, termOf, type CloudConfig, type CloudState } from './cloud.js';
import * as core from '../index.js';

function setup(config: Partial<CloudConfig> = {}, phase = 'open', languages: Language[] = ['fi', 'sv', 'en']) {
  const ledger = new EventLedger('test', 'Test', [{ id: 'c', kind: 'cloud', config, phase }], languages);
  const random = createRandom(3);
  let now = 1_700_000_000_000;
  const run = (viewer: Viewer, command: string, payload: unknown): unknown => {
    const context: CommandContext = { ...viewer, now: (now += 1000), random };
    const { result, changes } = ledger.stamp('c', command, payload, context);
    ledger.apply(changes);
    return result;
  };
  const organiser: Viewer = { organiser: true };
  const person = (id: string): Viewer => ({ participant: id, organiser: false });
  const view = (viewer: Viewer) => ledger.snapshot('c', viewer).state as CloudState;
  const shown = (viewer: Viewer = organiser, includeHidden = false) =>
    Object.fromEntries(cloudTerms(view(viewer), { includeHidden }).map((term) => [term.display, term.count]));
  const keyOf = (display: string): string => cloudTerms(view(organiser), { includeHidden: true }).find((term) => term.display === display)!.key;
  return { ledger, run, organiser, person, view, shown, keyOf };
}

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof OsaError, `expected an OsaError, got ${String(error)}`);
    return error.field ? `${error.code}:${error.field}:${error.reason?.kind ?? ''}` : error.code;
  }
  return 'no error';
};

describe('cloud: answers become terms', () => {
  test('inflected Finnish forms count as one term shown as its most frequent form', () => {
    const { run, person, shown } = setup({ answersPerParticipant: 5 });
    run(person('a'), 'submit', { text: 'koulu', language: 'fi' });
    run(person('b'), 'submit', { text: 'koulun', language: 'fi' });
    run(person('c'), 'submit', { text: 'kouluissa', language: 'fi' });
    run(person('d'), 'submit', { text: 'koulun', language: 'fi' });
    run(person('e'), 'submit', { text: 'yhteisö', language: 'fi' });
    assert.deepEqual(shown(), { koulun: 4, yhteisö: 1 }, 'koulu, koulun and kouluissa are one term, shown as the most frequent form');
  });

  test('every word of an answer counts once, stop words do not count, phrases when asked', () => {
    const words = setup({ maxWords: 6, maxLength: 60 });
    words.run(words.person('a'), 'submit', { text: 'the school and the school garden', language: 'en' });
    assert.deepEqual(words.shown(), { school: 1, garden: 1 });
    const phrases = setup({ maxWords: 5, maxLength: 60, keepPhrases: true });
    phrases.run(phrases.person('a'), 'submit', { text: 'school garden', language: 'en' });
    phrases.run(phrases.person('b'), 'submit', { text: 'School gardens', language: 'en' });
    assert.deepEqual(phrases.shown(), { 'school garden': 2 });
  });

  test('the answer counts in its own language, else the configured one', () => {
    const { run, person, view, shown } = setup({ language: 'sv', answersPerParticipant: 5 });
    run(person('a'), 'submit', { text: 'trygghet' });
    run(person('a'), 'submit', { text: 'trygg' });
    assert.deepEqual(shown(), { trygghet: 1, trygg: 1 }, 'Swedish exceptions apply');
    assert.deepEqual(cloudMine(view(person('a')), person('a')).map((answer) => answer.language), ['sv', 'sv']);
  });

  test("an answer without a language counts in the event's first language, with its stemming and stop words, with no configuration", () => {
    const answers = ['skolan och', 'skolor', 'skolan', 'det är skola'];
    const swedish = setup({}, 'open', ['sv']);
    answers.forEach((text, index) => swedish.run(swedish.person(`p${index}`), 'submit', { text }));
    assert.deepEqual(swedish.shown(), { skolan: 4 }, 'Swedish stemming merges skolan/skolor/skola; och, det and är are stop words');
    assert.deepEqual(cloudMine(swedish.view(swedish.person('p0')), swedish.person('p0')).map((answer) => answer.language), ['sv']);
    // The same answers read as Finnish (an event whose first language is fi) stay apart, stop words and all.
    const finnish = setup({}, 'open', ['fi', 'sv']);
    answers.forEach((text, index) => finnish.run(finnish.person(`p${index}`), 'submit', { text }));
    assert.notDeepEqual(finnish.shown(), { skolan: 4 });
    assert.ok(Object.keys(finnish.shown()).includes('och'), 'och is no Finnish stop word');
  });

  test("the submit's own language wins over the cloud's setting, which wins over the event's first language", () => {
    const { run, person, view } = setup({ answersPerParticipant: 5 }, 'open', ['sv', 'fi']);
    run(person('a'), 'submit', { text: 'koulu', language: 'fi' });
    run(person('a'), 'submit', { text: 'koulu' });
    assert.deepEqual(cloudMine(view(person('a')), person('a')).map((answer) => answer.language), ['fi', 'sv']);
    const configured = setup({ language: 'en' }, 'open', ['sv', 'fi']);
    configured.run(configured.person('a'), 'submit', { text: 'schools' });
    assert.deepEqual(cloudMine(configured.view(configured.person('a')), configured.person('a')).map((answer) => answer.language), ['en']);
  });

  test('public counters follow answers and people', () => {
    const { run, person, view } = setup();
    run(person('a'), 'submit', { text: 'kirja' });
    run(person('a'), 'submit', { text: 'kirjasto' });
    run(person('b'), 'submit', { text: 'liikunta' });
    const state = view(person('c'));
    assert.equal(state.answerCount, 3);
    assert.equal(state.participantCount, 2);
    assert.equal(Object.keys(state.terms).length, 3, 'look-alikes stay apart');
  });
});

describe('cloud: limits', () => {
  test('length, words and answers per person are refused with the field named', () => {
    const { run, person } = setup({ maxWords: 2, maxLength: 12, answersPerParticipant: 2 });
    assert.equal(code(() => run(person('a'), 'submit', { text: 'yhteisöllisyyttä' })), 'invalid:text:tooLong');
    assert.equal(code(() => run(person('a'), 'submit', { text: 'yy kaa koo' })), 'invalid:text:tooMany');
    assert.equal(code(() => run(person('a'), 'submit', { text: '   ' })), 'invalid:text:required');
    assert.equal(code(() => run(person('a'), 'submit', { text: 'ja', language: 'fi' })), 'invalid:text:notAllowed', 'only stop words');
    run(person('a'), 'submit', { text: 'kirja' });
    run(person('a'), 'submit', { text: 'vesi' });
    assert.equal(code(() => run(person('a'), 'submit', { text: 'ruoka' })), 'invalid:answers:tooMany');
    assert.equal(code(() => run(person('b'), 'submit', { text: 'ruoka' })), 'no error', 'the limit is per person');
  });

  test('answers only while open; only participants answer', () => {
    const { run, person, organiser } = setup({}, 'preparing');
    assert.equal(code(() => run(person('a'), 'submit', { text: 'koulu' })), 'phase_closed');
    run(organiser, 'setPhase', { phase: 'open' });
    assert.equal(code(() => run(person('a'), 'submit', { text: 'koulu' })), 'no error');
    run(organiser, 'setPhase', { phase: 'closed' });
    assert.equal(code(() => run(person('a'), 'submit', { text: 'koulu' })), 'phase_closed');
  });

  test('a configuration whose length cannot hold its words is refused', () => {
    const { run, organiser } = setup();
    assert.equal(code(() => run(organiser, 'configure', { config: { maxWords: 10, maxLength: 5 } })), 'invalid:config.maxLength:tooSmall');
    assert.equal(code(() => run(organiser, 'configure', { config: { maxWords: 0 } })), 'invalid:config.maxWords:tooSmall');
  });
});

describe('cloud: the organiser curates terms', () => {
  test('merge folds counts into a term, split undoes it, hide takes a term out of the cloud', () => {
    const { run, person, organiser, shown, keyOf, view } = setup({ language: 'fi' });
    run(person('a'), 'submit', { text: 'opettaja' });
    run(person('b'), 'submit', { text: 'opettaja' });
    run(person('c'), 'submit', { text: 'ope' });
    const teacher = keyOf('opettaja');
    const short = keyOf('ope');
    assert.deepEqual(run(organiser, 'merge', { terms: [short], into: teacher }), { into: teacher });
    assert.deepEqual(shown(person('d')), { opettaja: 3 }, 'a participant sees the merged count');
    assert.deepEqual(answersOfTerm(view(organiser), teacher).map((answer) => answer.text), ['opettaja', 'opettaja', 'ope']);
    run(person('d'), 'submit', { text: 'ope' });
    assert.deepEqual(shown(), { opettaja: 4 }, 'new answers follow the merge');
    run(organiser, 'split', { term: short });
    assert.deepEqual(shown(), { opettaja: 2, ope: 2 });
    assert.equal(code(() => run(organiser, 'split', { term: short })), 'invalid:term:notAllowed');
    assert.equal(code(() => run(organiser, 'merge', { terms: [teacher], into: teacher })), 'invalid:terms:notAllowed');
    assert.equal(code(() => run(organiser, 'merge', { terms: ['nope'], into: teacher })), 'not_found:terms.0:');
    run(organiser, 'hide', { term: short, hidden: true });
    assert.deepEqual(shown(person('d')), { opettaja: 2 });
    assert.deepEqual(shown(organiser, true), { opettaja: 2, ope: 2 }, 'the organiser still lists it');
    run(organiser, 'hide', { term: short, hidden: false });
    assert.deepEqual(shown(person('d')), { opettaja: 2, ope: 2 });
  });

  test('splitting the term others were merged into lets them all go', () => {
    const { run, person, organiser, shown, keyOf } = setup({ language: 'en' });
    for (const [id, text] of [['a', 'joy'], ['b', 'fun'], ['c', 'happiness']]) run(person(id), 'submit', { text });
    run(organiser, 'merge', { terms: [keyOf('fun'), keyOf('happiness')], into: keyOf('joy') });
    assert.deepEqual(shown(), { joy: 3 });
    assert.deepEqual(run(organiser, 'split', { term: keyOf('joy') }), { terms: [keyOf('fun'), keyOf('happiness')] });
    assert.deepEqual(shown(), { joy: 1, fun: 1, happiness: 1 });
  });

  test('an answer with two terms merged into a third counts once for it, in every view and after a split', () => {
    const { run, person, organiser, shown, keyOf } = setup({ language: 'en', maxWords: 3, answersPerParticipant: 5 });
    run(person('a'), 'submit', { text: 'books library' });
    run(person('b'), 'submit', { text: 'reading' });
    run(person('c'), 'submit', { text: 'books' });
    const [books, library, reading] = [keyOf('books'), keyOf('library'), keyOf('reading')];
    run(organiser, 'merge', { terms: [books, library], into: reading });
    for (const viewer of [organiser, person('a'), person('z')]) assert.deepEqual(shown(viewer), { reading: 3 }, 'three answers, not four hits');
    run(person('d'), 'submit', { text: 'library books reading' });
    assert.deepEqual(shown(person('z')), { reading: 4 }, 'a new answer with three merged terms counts once');
    run(organiser, 'split', { term: library });
    assert.deepEqual(shown(person('z')), { reading: 4, library: 2 });
  });

  test('shown counts are distinct answers per term, through any merges and splits (property)', () => {
    const words = ['apple', 'pear', 'plum', 'kiwi', 'lime'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), who: fc.integer({ min: 0, max: 5 }), words: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('merge' as const), terms: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), into: fc.constantFrom(...words) }),
      fc.record({ kind: fc.constant('split' as const), term: fc.constantFrom(...words) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const { run, person, organiser, view } = setup({ language: 'en', maxWords: 3, answersPerParticipant: 100 });
        for (const item of steps) {
          try {
            if (item.kind === 'submit') run(person(`p${item.who}`), 'submit', { text: item.words.join(' ') });
            else if (item.kind === 'merge') run(organiser, 'merge', { terms: item.terms, into: item.into });
            else run(organiser, 'split', { term: item.term });
          } catch (error) {
            if (!(error instanceof OsaError)) throw error;
          }
        }
        const full = view(organiser);
        const expected: Record<string, number> = {};
        for (const id of full.answerOrder) {
          for (const root of new Set(full.answers[id].terms.map((key) => termOf(full, key)))) expected[root] = (expected[root] ?? 0) + 1;
        }
        for (const viewer of [organiser, person('p0'), person('nobody')]) {
          const counts = Object.fromEntries(cloudTerms(view(viewer), { includeHidden: true }).map((term) => [term.key, term.count]));
          assert.deepEqual(counts, expected);
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  test('participants cannot curate', () => {
    const { run, person } = setup();
    run(person('a'), 'submit', { text: 'koulu' });
    assert.equal(code(() => run(person('a'), 'hide', { term: 'x', hidden: true })), 'forbidden');
  });

  test('the profanity list only flags a term for the organiser', () => {
    const { run, person, organiser, view } = setup({ language: 'en' });
    run(person('a'), 'submit', { text: 'shit' });
    const [term] = cloudTerms(view(organiser));
    assert.equal(term.flagged, true);
    assert.equal(cloudTerms(view(person('b')))[0].flagged, false, 'participants never learn of flags');
    assert.equal(cloudTerms(view(person('b'))).length, 1, 'flagging does not hide');
  });
});

describe('cloud: privacy', () => {
  test("participants never receive others' raw answers; own answers are theirs", () => {
    const { run, person, organiser, ledger } = setup({ maxWords: 5, maxLength: 80 });
    run(person('a'), 'submit', { text: 'Salainen ajatus Annalta', language: 'fi' });
    run(person('b'), 'submit', { text: 'koulu', language: 'fi' });
    const forB = JSON.stringify(ledger.snapshot('c', person('b')));
    assert.ok(!forB.includes('Salainen ajatus Annalta'), 'no raw text of another');
    assert.ok(!forB.includes('"a"'), 'no participant id of another');
    assert.ok(forB.includes('koulu'));
    const mine = ledger.snapshot('c', person('a')).state as CloudState;
    assert.deepEqual(cloudMine(mine, person('a')).map((answer) => answer.text), ['Salainen ajatus Annalta']);
    assert.deepEqual(cloudMine(mine, person('b')), [], '"mine" is by the viewer');
    const all = ledger.snapshot('c', organiser).state as CloudState;
    assert.equal(all.answerOrder.length, 2, 'the organiser sees every answer');
  });

  test('with showCloud off participants see only their own answers', () => {
    const { run, person, organiser, view } = setup({ showCloud: false });
    run(person('a'), 'submit', { text: 'koulu' });
    run(person('b'), 'submit', { text: 'vesi' });
    assert.deepEqual(view(person('a')).terms, {});
    assert.deepEqual(cloudMine(view(person('a')), person('a')).map((answer) => answer.text), ['koulu']);
    assert.equal(cloudTerms(view(organiser)).length, 2);
    run(organiser, 'configure', { config: { showCloud: true } });
    assert.equal(cloudTerms(view(person('a'))).length, 2, 'turning it on shows the cloud');
  });
});

describe('cloud: export', () => {
  test('terms and answers tables', () => {
    const { run, person, organiser, ledger } = setup({ language: 'en', answersPerParticipant: 5 });
    run(person('a'), 'submit', { text: 'schools' });
    run(person('b'), 'submit', { text: 'school' });
    run(person('b'), 'submit', { text: 'trust' });
    assert.throws(() => activityExport(ledger, 'c', person('a'), 0), OsaError, 'only the organiser exports');
    const rows = activityExport(ledger, 'c', organiser, 0).tables;
    assert.deepEqual(
      rows.terms.map(({ term: _term, ...row }) => row),
      [
        { display: 'schools', count: 2, hidden: false, flagged: false, mergedInto: null },
        { display: 'trust', count: 1, hidden: false, flagged: false, mergedInto: null },
      ],
    );
    assert.deepEqual(
      rows.answers.map(({ submitted, ...row }) => ({ ...row, submitted: typeof submitted })),
      [
        { text: 'schools', term: rows.terms[0].term, participant: 'p1', submitted: 'string' },
        { text: 'school', term: rows.terms[0].term, participant: 'p2', submitted: 'string' },
        { text: 'trust', term: rows.terms[1].term, participant: 'p2', submitted: 'string' },
      ],
    );
  });
});

test('the core entry point exports the cloud kind, its view and its layout, like the other kinds', () => {
  assert.equal(core.cloudKind, cloudKind);
  assert.equal(core.cloudView, cloudView);
  assert.equal(core.cloudTerms, cloudTerms);
  for (const name of ['answersOfTerm', 'cloudMine', 'answersLeft', 'wordCount', 'termOf', 'initialCloudState', 'CLOUD_PHASES', 'answerLanguage', 'DEFAULT_CLOUD_CONFIG', 'layoutCloud', 'IncrementalCloud', 'termsOf']) {
    assert.ok(name in core, `osallistu/core exports ${name}`);
  }
});
