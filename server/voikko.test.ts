/**
 * Finnish terms on the server: the Voikko path (libvoikko.so.1 through koffi, as CI installs it)
 * and the Snowball fallback, on the same fixture of Finnish forms.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { termsOf, type Lemmatiser, type TermOptions } from '../src/core/cloud/terms.js';
import { APART, HELD_OUT, TOGETHER } from '../src/core/cloud/fixtures/finnish-pairs.js';
import type { CloudState } from '../src/core/cloud/cloud.view.js';
import { migrate } from './db/migrate.js';
import { openStore } from './db/store.js';
import { EventService } from './service.js';
import { finnishLemmatiser, openVoikko } from './voikko.js';

let reason = '';
const voikko = openVoikko({}, (why) => (reason = why));
/**
 * Skipped only when the library itself is missing and `CI` is unset (CI installs Voikko, so there
 * a missing library fails); a missing koffi or dictionary fails everywhere.
 */
const missing = voikko === undefined && reason.startsWith('libvoikko.so.1 could not be loaded');
const skip = missing && !process.env.CI ? `Voikko is not installed here (${reason}); apt-get install libvoikko1 voikko-fi` : false;

const keyOf = (lemmatiser: Lemmatiser | undefined, extra: Partial<TermOptions> = {}) => (word: string): string => {
  const hits = termsOf(word, { language: 'fi', keepPhrases: false, lemmatiser, ...extra });
  assert.equal(hits.length, 1, `"${word}" is one term`);
  return hits[0]!.key;
};
const merged = (keyFor: (word: string) => string, pairs: ReadonlyArray<readonly [string, string]>) => pairs.filter(([a, b]) => keyFor(a) === keyFor(b)).length;
const wrong = (keyFor: (word: string) => string) => APART.filter(([a, b]) => keyFor(a) === keyFor(b)).map((pair) => pair.join('/'));

describe('Voikko path', { skip }, () => {
  test('opens', () => assert.ok(voikko, reason));

  test('base forms: BASEFORM of every analysis; Finnish only', () => {
    assert.deepEqual(voikko!.lemmas('lasten', 'fi'), ['lapsi']);
    assert.deepEqual(voikko!.lemmas('hyvinvoinnin', 'fi'), ['hyvinvointi']);
    assert.deepEqual(voikko!.lemmas('oppilaiden', 'fi'), ['oppilas']);
    assert.deepEqual(new Set(voikko!.lemmas('tuli', 'fi')), new Set(['tuli', 'tulla']), 'every analysis, each once');
    assert.deepEqual(voikko!.lemmas('pellot', 'fi')[0], 'pelto', 'a common noun before a place name (Pello)');
    assert.deepEqual(voikko!.lemmas('xqzvv', 'fi'), []);
    assert.deepEqual(voikko!.lemmas('skolan', 'sv'), []);
    assert.deepEqual(voikko!.lemmas('', 'fi'), []);
    assert.deepEqual(voikko!.lemmas('a'.repeat(1000), 'fi'), []);
  });

  test('the issue\'s pairs merge: lapsi/lasten, vesi/veden, ruoka/ruoan, hyvinvointi/hyvinvoinnin, oppilas/oppilaiden', () => {
    const key = keyOf(voikko);
    for (const [a, b] of [
      ['lapsi', 'lasten'],
      ['vesi', 'veden'],
      ['ruoka', 'ruoan'],
      ['hyvinvointi', 'hyvinvoinnin'],
      ['oppilas', 'oppilaiden'],
      ['koulu', 'kouluissa'],
    ] as const) {
      assert.equal(key(a), key(b), `${a}/${b}`);
    }
    assert.deepEqual(termsOf('Lasten ja nuorten hyvinvointi', { language: 'fi', keepPhrases: true, lemmatiser: voikko }), [{ key: 'lapsi nuori hyvinvointi', surface: 'Lasten ja nuorten hyvinvointi' }]);
  });

  test('merge rate on the fixture: 67 of 69 pairs (97 %), held out 39 of 40; no wrong merge', () => {
    const key = keyOf(voikko);
    // The misses: keskusta (also "keskus" + -ta) and puhelin (also a past form of "puhella"), which `known` resolves in a cloud.
    assert.ok(merged(key, TOGETHER) >= 67, `${merged(key, TOGETHER)} of ${TOGETHER.length}`);
    assert.ok(merged(key, HELD_OUT) >= 39, `${merged(key, HELD_OUT)} of ${HELD_OUT.length}`);
    assert.deepEqual(wrong(key), []);
  });

  test('an ambiguous word takes the base form the cloud already has', () => {
    assert.equal(keyOf(voikko)('keskusta'), 'keskus');
    assert.equal(keyOf(voikko, { known: (term) => term === 'keskusta' })('keskusta'), 'keskusta');
    assert.equal(keyOf(voikko, { known: (term) => term === 'valo' })('valoja'), 'valo');
  });

  test('words Voikko does not know fall back to Snowball', () => {
    assert.equal(keyOf(voikko)('kouluissaxx'), keyOf(undefined)('kouluissaxx'));
  });

  test('the server opens it once for all commands', () => {
    assert.ok(finnishLemmatiser());
    assert.equal(finnishLemmatiser(), finnishLemmatiser());
  });

  test('a command on the server gets it: "tyttären" and "tytär" from two people are one term of a cloud', async () => {
    const store = await openStore('memory');
    try {
      await migrate(store);
      const service = new EventService(store);
      const { eventId } = await service.createEvent({
        id: 'voikko-cloud',
        title: 'Pilvi',
        languages: ['fi'],
        activities: [{ id: 'cloud', kind: 'cloud', title: 'Mikä on tärkeää?', phase: 'open' }],
      });
      const people = [await service.viewer(eventId, { device: 'd'.repeat(32) }), await service.viewer(eventId, { device: 'e'.repeat(32) })];
      await service.send(eventId, 'cloud', 'submit', { text: 'tyttären', language: 'fi' }, people[0]!, 'k1');
      await service.send(eventId, 'cloud', 'submit', { text: 'tytär', language: 'fi' }, people[1]!, 'k2');
      const { state } = (await service.snapshot(eventId, 'cloud', { organiser: true })) as unknown as { state: CloudState };
      assert.notEqual(keyOf(undefined)('tyttären'), keyOf(undefined)('tytär'), 'the fallback keeps these apart, so only Voikko merges them');
      assert.deepEqual(Object.keys(state.terms), ['tytär']);
    } finally {
      await store.close();
    }
  });
});

describe('Snowball fallback (no lemmatiser) on the same fixture', () => {
  test('merge rate: 63 of 69 pairs (91 %), held out 28 of 40 (70 %); no wrong merge', () => {
    const key = keyOf(undefined);
    assert.ok(merged(key, TOGETHER) >= 63, `${merged(key, TOGETHER)} of ${TOGETHER.length}`);
    assert.ok(merged(key, HELD_OUT) >= 28, `${merged(key, HELD_OUT)} of ${HELD_OUT.length}`);
    assert.deepEqual(wrong(key), []);
  });

  test('a missing library gives undefined and a reason, never a throw', () => {
    let why = '';
    assert.equal(openVoikko({ library: 'libvoikko-missing.so.9' }, (text) => (why = text)), undefined);
    assert.match(why, /libvoikko-missing\.so\.9 could not be loaded/);
  });
});
