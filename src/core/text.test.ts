import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanText, mostSimilar, similarity, TextIndex } from './text.js';

describe('cleanText', () => {
  test('drops bidirectional formatting characters, which would reverse what others see', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const control of controls) {
      assert.equal(cleanText(`Lisää ${control}pyöräteitä${control} kouluille`), 'Lisää pyöräteitä kouluille', `U+${control.codePointAt(0)!.toString(16)}`);
    }
    // The classic spoof: an override turns "exe.txt" around on screen.
    assert.equal(cleanText('lasku\u202Etxt.exe'), 'laskutxt.exe');
    assert.equal(cleanText(' \u202E '), '', 'nothing but controls is nothing');
    assert.equal(cleanText('a \u2067 b'), 'a b', 'white space around a dropped control folds to one space');
  });

  test('keeps what is text: right-to-left letters, joiners in emoji, paired surrogates', () => {
    assert.equal(cleanText('مرحبا بالعالم'), 'مرحبا بالعالم');
    assert.equal(cleanText('שלום'), 'שלום');
    assert.equal(cleanText('perhe 👨‍👩‍👧 ja 🚲'), 'perhe 👨‍👩‍👧 ja 🚲');
  });
});

describe('TextIndex', () => {
  const words = ['koulu', 'koulun', 'kouluissa', 'ruoka', 'ruokailu', 'pyörä', 'tie', 'teitä', 'puisto', 'kirjasto', 'uimahalli', 'nuoret', 'lisää', '!', '42', 'å', 'Ö'];
  const textArbitrary = fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((parts) => parts.join(' '));

  test('answers as mostSimilar over the same texts in the same order, edits and filters included', () => {
    fc.assert(
      fc.property(
        fc.array(textArbitrary, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(24), textArbitrary), { maxLength: 4 }),
        textArbitrary,
        fc.constantFrom(0.5, 0.6, 0.8, 0.95, 1),
        fc.nat(3),
        (texts, edits, query, threshold, skip) => {
          const index = new TextIndex<number>();
          const current = [...texts];
          texts.forEach((text, id) => index.set(id, text));
          for (const [at, text] of edits) {
            if (at >= current.length) continue;
            current[at] = text;
            index.set(at, text);
          }
          const accept = (id: number): boolean => skip === 0 || id % (skip + 1) !== 0;
          const candidates = current.map((text, id) => ({ id, text })).filter(({ id }) => accept(id));
          const expected = mostSimilar(query, candidates, (candidate) => candidate.text, threshold);
          const found = index.mostSimilar(query, threshold, accept);
          assert.equal(found?.id, expected?.id);
          if (expected) assert.equal(found?.score, similarity(query, expected.text));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('finds inflected near-duplicates and nothing for a different idea', () => {
    const index = new TextIndex<string>();
    index.set('i1', 'Koulujen ruokailun kehittäminen');
    index.set('i2', 'Oppilashuollon resurssit');
    assert.equal(index.mostSimilar('koulujen ruokailun kehittäminen!', 0.8, () => true)?.id, 'i1');
    assert.equal(index.mostSimilar('Pyöräteitä keskustaan', 0.8, () => true), undefined);
    assert.equal(index.mostSimilar('koulujen ruokailun kehittäminen', 0.8, (id) => id !== 'i1'), undefined, 'only ideas the filter lets through');
    index.set('i1', 'Pyöräteitä keskustaan');
    assert.equal(index.mostSimilar('Pyöräteitä keskustaan', 0.8, () => true)?.id, 'i1', 'an edited text is found by its new words');
    assert.equal(index.mostSimilar('koulujen ruokailun kehittäminen', 0.8, () => true), undefined, 'and no longer by its old ones');
    assert.equal(index.size, 2);
  });
});
