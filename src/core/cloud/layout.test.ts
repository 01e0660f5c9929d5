import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalCloud, Occupancy, layoutCloud, layoutCloudInSteps, type CloudLayout, type CloudWord, type LayoutOptions, type PlacedWord } from './layout.js';
import { createRandom } from '../ranking/random.js';

/** A deterministic stand-in for canvas `measureText`: width proportional to length × size. */
const measure = (text: string, fontSize: number) => ({ width: [...text].length * fontSize * 0.56, height: fontSize * 1.17, ascent: fontSize * 0.9 });

const options = (extra: Partial<LayoutOptions> = {}): LayoutOptions => ({ width: 800, height: 500, seed: 7, measure, ...extra });

const SYLLABLES = ['ko', 'ulu', 'lap', 'si', 'ves', 'i', 'ruo', 'ka', 'tryg', 'ghet', 'school', 'park', 'lii', 'kun', 'ta', 'kir', 'ja', 'sto', 'hus', 'gård'];

/** `count` distinct words with Zipf-like weights, seeded. */
function wordsOf(count: number, seed = 1): CloudWord[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let parts = 1 + random.int(3); parts > 0; parts--) text += SYLLABLES[random.int(SYLLABLES.length)];
    return { key: `k${i}`, text: `${text}${i}`, weight: Math.max(1, Math.round(300 / (i + 1) ** 1.05)) };
  });
}

/** The on-screen box of a placed word. */
const boxOf = (word: PlacedWord) => ({ left: word.x - word.width / 2, right: word.x + word.width / 2, top: word.y - word.height / 2, bottom: word.y + word.height / 2 });

/** Pairs of placed words whose boxes overlap (by more than rounding). */
function overlaps(layout: CloudLayout): string[] {
  const found: string[] = [];
  const boxes = layout.placed.map(boxOf);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right - 1e-9 && b.left < a.right - 1e-9 && a.top < b.bottom - 1e-9 && b.top < a.bottom - 1e-9) found.push(`${layout.placed[i]!.key}/${layout.placed[j]!.key}`);
    }
  }
  return found;
}

function assertInside(layout: CloudLayout, width: number, height: number): void {
  for (const word of layout.placed) {
    const box = boxOf(word);
    assert.ok(box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height, `${word.key} at ${box.left},${box.top}–${box.right},${box.bottom} is outside ${width}×${height}`);
  }
}

function assertAccounted(words: readonly CloudWord[], layout: CloudLayout): void {
  const keys = [...layout.placed.map((word) => word.key), ...layout.overflow.map((word) => word.key)].sort();
  assert.deepEqual(keys, words.map((word) => word.key).sort(), 'every word is placed or in overflow, once');
}

const positions = (layout: CloudLayout) => new Map(layout.placed.map((word) => [word.key, `${word.x},${word.y},${word.fontSize},${word.rotate}`]));

test('places 1,000 distinct words without overlap, inside the area, each placed or in overflow', () => {
  const words = wordsOf(1000);
  for (const rotate of [0, 0.3]) {
    const layout = layoutCloud(words, options({ width: 1200, height: 800, rotate }));
    assertAccounted(words, layout);
    assert.deepEqual(overlaps(layout), []);
    assertInside(layout, 1200, 800);
    assert.equal(layout.overflow.length, 0, 'a 1200×800 area holds 1,000 short words');
    assert.ok(layout.scale < 1, 'scaled down to fit');
    if (rotate > 0) assert.ok(layout.placed.some((word) => word.rotate === 90) && layout.placed.some((word) => word.rotate === 0));
  }
});

test('a word that does not fit scales the whole cloud down instead of disappearing', () => {
  const words = wordsOf(200);
  const roomy = layoutCloud(words, options({ width: 1600, height: 1000 }));
  const tight = layoutCloud(words, options({ width: 700, height: 420 }));
  assert.equal(tight.overflow.length, 0);
  assert.equal(tight.placed.length, 200);
  assert.ok(tight.scale < roomy.scale);
  assert.deepEqual(overlaps(tight), []);
  const big = tight.placed.find((word) => word.key === 'k0')!;
  const small = tight.placed.find((word) => word.key === 'k199')!;
  assert.ok(big.fontSize > small.fontSize, 'heavier words stay larger');
});

test('below the legible floor the rest overflows, heaviest first, and the count is exact', () => {
  const words = wordsOf(400);
  const layout = layoutCloud(words, options({ width: 300, height: 200, legibleFontSize: 9 }));
  assertAccounted(words, layout);
  assert.ok(layout.overflow.length > 0);
  assert.deepEqual(overlaps(layout), []);
  assertInside(layout, 300, 200);
  for (const word of layout.placed) assert.ok(word.fontSize >= 9, `${word.key} is ${word.fontSize}px`);
  const weights = layout.overflow.map((word) => word.weight);
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a));
});

test('font size grows with the square root of the weight between the minimum and the maximum', () => {
  const words = [
    { key: 'a', text: 'koulu', weight: 100 },
    { key: 'b', text: 'lapsi', weight: 25 },
    { key: 'c', text: 'vesi', weight: 0 },
  ];
  const layout = layoutCloud(words, options({ minFontSize: 10, maxFontSize: 50 }));
  const size = Object.fromEntries(layout.placed.map((word) => [word.key, word.fontSize]));
  assert.deepEqual(size, { a: 50, b: 30, c: 10 });
  assert.equal(layout.scale, 1);
  const a = layout.placed[0]!;
  assert.equal(a.baseline, 50 * 0.9 - (50 * 1.17) / 2);
});

test('deterministic for a seed, whatever the input order; another seed gives another layout', () => {
  const words = wordsOf(300);
  const first = layoutCloud(words, options({ rotate: 0.25 }));
  const again = layoutCloud([...words].reverse(), options({ rotate: 0.25 }));
  assert.deepEqual(again, first);
  const other = layoutCloud(words, options({ rotate: 0.25, seed: 8 }));
  assert.notDeepEqual(other.placed, first.placed);
});

test('in steps: the same layout as layoutCloud, a few words per step', () => {
  const words = wordsOf(500);
  const steps = layoutCloudInSteps(words, options({ rotate: 0.2 }), 25);
  let count = 0;
  let next = steps.next();
  for (; !next.done; next = steps.next()) count++;
  assert.ok(count >= 500 / 25 - 1, `${count} steps`);
  assert.deepEqual(next.value, layoutCloud(words, options({ rotate: 0.2 })));
});

test('padding keeps boxes apart and away from the edge', () => {
  const layout = layoutCloud(wordsOf(150), options({ padding: 6 }));
  const grown = { ...layout, placed: layout.placed.map((word) => ({ ...word, width: word.width + 5.9, height: word.height + 5.9 })) };
  assert.deepEqual(overlaps(grown), []);
  for (const word of layout.placed) {
    const box = boxOf(word);
    assert.ok(box.left >= 3 && box.top >= 3 && box.right <= 797 && box.bottom <= 497);
  }
});

test('incremental: adding one word to a 300-word cloud moves no placed word', () => {
  const cloud = new IncrementalCloud(options({ width: 1000, height: 700 }));
  for (const word of wordsOf(300)) cloud.set(word);
  const before = cloud.layout();
  assert.equal(before.placed.length, 300);
  const result = cloud.set({ key: 'new', text: 'osallistuminen', weight: 3 });
  assert.deepEqual(result, { moved: [], relayout: false });
  const after = cloud.layout();
  const was = positions(before);
  for (const [key, position] of positions(after)) if (key !== 'new') assert.equal(position, was.get(key), key);
  assert.ok(after.placed.some((word) => word.key === 'new'));
  assert.deepEqual(overlaps(after), []);
});

test('incremental: growing weights keeps every other word in place; only a grown word that no longer fits moves', () => {
  const cloud = new IncrementalCloud(options({ width: 1000, height: 700, rotate: 0.2 }));
  const words = wordsOf(120, 3);
  for (const word of words) cloud.set(word);
  let layout = cloud.layout();
  for (let round = 0; round < 40; round++) {
    const word = words[(round * 37) % words.length]!;
    word.weight += 1 + (round % 3);
    const was = positions(layout);
    const previous = new Map(layout.placed.map((placed) => [placed.key, placed]));
    const { moved, relayout } = cloud.set(word);
    layout = cloud.layout();
    assert.deepEqual(overlaps(layout), []);
    assertInside(layout, 1000, 700);
    if (relayout) continue;
    assert.ok(moved.length === 0 || (moved.length === 1 && moved[0] === word.key), `moved ${moved.join(', ')}`);
    for (const [key, position] of positions(layout)) if (key !== word.key) assert.equal(position, was.get(key), `${key} stayed`);
    const old = layout.placed.length > 0 ? previous.get(word.key) : undefined;
    const now = layout.placed.find((placed) => placed.key === word.key);
    if (old && now && moved.length === 0) {
      // Grown over its old place: the old box lies inside the new one (to half a pixel: boxes take whole pixels).
      const [a, b] = [boxOf(old), boxOf(now)];
      assert.ok(b.left <= a.left + 0.5 && b.right >= a.right - 0.5 && b.top <= a.top + 0.5 && b.bottom >= a.bottom - 0.5, `${word.key} grew over its place`);
    }
    const [, , before] = (was.get(word.key) ?? '0,0,0').split(',').map(Number);
    assert.ok(positions(layout).has(word.key), `${word.key} is still placed`);
    assert.ok(layout.placed.find((placed) => placed.key === word.key)!.fontSize >= before!, `${word.key} did not shrink`);
  }
});

test('incremental: when nothing fits the cloud is laid out again, scaled down; the same calls give the same cloud', () => {
  const opts = options({ width: 400, height: 260 });
  const cloud = new IncrementalCloud(opts);
  const twin = new IncrementalCloud(opts);
  const words = wordsOf(80, 5);
  let relayouts = 0;
  let movedOnRelayout = 0;
  let scale = 1;
  for (const word of words) {
    const result = cloud.set(word);
    assert.deepEqual(twin.set(word), result);
    const layout = cloud.layout();
    assert.deepEqual(overlaps(layout), []);
    if (result.relayout) {
      relayouts++;
      movedOnRelayout += result.moved.length;
      assert.ok(layout.scale <= scale, 'a relayout never grows the cloud');
      scale = layout.scale;
    } else {
      assert.deepEqual(result.moved, []);
    }
  }
  assert.ok(relayouts >= 2, `${relayouts} relayouts`);
  assert.ok(movedOnRelayout > 0);
  const layout = cloud.layout();
  assert.deepEqual(twin.layout(), layout);
  assert.ok(layout.scale < 1);
  assertAccounted(words, layout);
  assertInside(layout, 400, 260);
});

test('incremental: setAll of 1,000 words is layoutCloud for the same seed, in one layout; adding one word then moves none', () => {
  const words = wordsOf(1000);
  for (const rotate of [0, 0.3]) {
    const opts = options({ width: 1200, height: 800, rotate });
    const cloud = new IncrementalCloud(opts);
    const result = cloud.setAll(words);
    assert.deepEqual(result, { moved: [], relayout: true });
    const layout = cloud.layout();
    assert.deepEqual(layout, layoutCloud(words, opts));
    assertAccounted(words, layout);
    const added = cloud.set({ key: 'new', text: 'osallistuminen', weight: 1 });
    assert.deepEqual(added, { moved: [], relayout: false });
    const after = cloud.layout();
    const was = positions(layout);
    for (const [key, position] of positions(after)) if (key !== 'new') assert.equal(position, was.get(key), key);
    assert.ok(after.placed.some((word) => word.key === 'new'), 'the new word is placed');
    assert.deepEqual(overlaps(after), []);
    assertInside(after, 1200, 800);
  }
});

test('incremental: setAll replaces the words (reporting those that moved); it checks its input as layoutCloud does', () => {
  const opts = options({ width: 900, height: 600 });
  const cloud = new IncrementalCloud(opts);
  for (const word of wordsOf(40, 2)) cloud.set(word);
  const before = cloud.layout();
  const next = wordsOf(60, 4);
  const { moved, relayout } = cloud.setAll(next);
  assert.equal(relayout, true);
  const layout = cloud.layout();
  assert.deepEqual(layout, layoutCloud(next, opts));
  const now = positions(layout);
  const expected = before.placed.filter((word) => now.get(word.key) !== positions(before).get(word.key)).map((word) => word.key).sort();
  assert.ok(expected.length > 0);
  assert.deepEqual([...moved].sort(), expected);
  const kept = next.slice(0, 20);
  assert.deepEqual(cloud.setAll(kept).moved.sort(), layoutCloud(kept, opts).placed.filter((word) => now.get(word.key) !== positions(layoutCloud(kept, opts)).get(word.key)).map((word) => word.key).sort());
  assert.deepEqual(cloud.setAll([]), { moved: [], relayout: true }, 'words left out are removed, not moved');
  assert.deepEqual(cloud.layout().placed, []);
  assert.throws(() => cloud.setAll('x' as never), /words must be an array/);
  assert.throws(() => cloud.setAll([{ key: 'a', text: 'a', weight: 1 }, { key: 'a', text: 'b', weight: 2 }]), /key "a" is used twice/);
  assert.throws(() => cloud.setAll([{ key: 'a', text: ' ', weight: 1 }]), /non-empty text/);
});

test('incremental: from() a computed whole layout goes on exactly as setAll of the same words', () => {
  const words = wordsOf(400, 6);
  const opts = options({ width: 1000, height: 640, rotate: 0.2 });
  const computed = JSON.parse(JSON.stringify(layoutCloud(words, opts))) as CloudLayout;
  const resumed = IncrementalCloud.from(computed, opts);
  const whole = new IncrementalCloud(opts);
  whole.setAll(words);
  assert.deepEqual(resumed.layout(), whole.layout());
  const more = wordsOf(30, 11).map((word) => ({ ...word, key: `more-${word.key}` }));
  for (const word of [...more, { ...words[5]!, weight: words[5]!.weight + 40 }, { ...words[200]!, weight: words[200]!.weight + 3 }]) {
    const [a, b] = [resumed.set(word), whole.set(word)];
    assert.deepEqual({ ...a, moved: a.moved.sort() }, { ...b, moved: b.moved.sort() }, word.key);
  }
  assert.deepEqual(resumed.layout(), whole.layout());
  assert.deepEqual(overlaps(resumed.layout()), []);
});

test('incremental: from() refuses a layout that is not one of these options', () => {
  const opts = options({ width: 600, height: 400 });
  const layout = layoutCloud(wordsOf(50, 3), opts);
  assert.throws(() => IncrementalCloud.from(layout, options({ width: 300, height: 200 })), /outside the 300×200 area/);
  const [first] = layout.placed;
  const twice: CloudLayout = { ...layout, placed: [...layout.placed, { ...first!, key: 'copy' }] };
  assert.throws(() => IncrementalCloud.from(twice, opts), /\(copy\) overlaps another/);
  assert.throws(() => IncrementalCloud.from({ ...layout, scale: 0 }, opts), /scale must be a positive number/);
  assert.throws(() => IncrementalCloud.from({ placed: 'x' } as never, opts), /must be a cloud layout/);
  assert.throws(() => IncrementalCloud.from({ ...layout, placed: [{ ...first!, rotate: 45 as never }] }, opts), /rotate 0 or 90/);
  assert.throws(() => IncrementalCloud.from({ ...layout, overflow: [...layout.overflow, { key: first!.key, text: 'x', weight: 1 }] }, opts), /used twice/);
});

test('incremental: remove frees the space for an overflowing word; resize lays out again inside the new area', () => {
  const cloud = new IncrementalCloud(options({ width: 260, height: 160 }));
  const words = wordsOf(150, 9);
  for (const word of words) cloud.set(word);
  let layout = cloud.layout();
  assertAccounted(words, layout);
  assert.ok(layout.overflow.length > 0, 'the small area overflows');
  const waiting = layout.overflow.length;
  const was = positions(layout);
  for (const word of layout.placed.slice(0, 5)) cloud.remove(word.key);
  layout = cloud.layout();
  assert.ok(layout.overflow.length < waiting, 'an overflowing word took the freed space');
  for (const word of layout.placed) if (was.has(word.key)) assert.equal(positions(layout).get(word.key), was.get(word.key));
  assert.deepEqual(overlaps(layout), []);
  cloud.resize(900, 600);
  layout = cloud.layout();
  assert.equal(layout.overflow.length, 0);
  assertInside(layout, 900, 600);
  assert.deepEqual(overlaps(layout), []);
});

test('property: any words, area, seed, rotation and padding give disjoint boxes inside the area, every word accounted for', () => {
  const word = fc.record({ text: fc.string({ minLength: 1, maxLength: 24 }).filter((text) => text.trim() !== ''), weight: fc.integer({ min: 0, max: 500 }) });
  fc.assert(
    fc.property(
      fc.array(word, { maxLength: 120 }),
      fc.integer({ min: 40, max: 900 }),
      fc.integer({ min: 40, max: 700 }),
      fc.integer(),
      fc.constantFrom(0, 0.3, 1),
      fc.integer({ min: 0, max: 8 }),
      (list, width, height, seed, rotate, padding) => {
        const words = list.map((item, i) => ({ key: `w${i}`, ...item }));
        const layout = layoutCloud(words, { width, height, seed, measure, rotate, padding, minFontSize: 10, maxFontSize: 48 });
        assertAccounted(words, layout);
        assert.deepEqual(overlaps(layout), []);
        assertInside(layout, width, height);
      },
    ),
    { numRuns: 60, seed: 11 },
  );
});

test('property: incremental set keeps placed words in place unless it reports a relayout', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 80 }),
      fc.integer(),
      (steps, seed) => {
        const cloud = new IncrementalCloud({ width: 500, height: 320, seed, measure, rotate: 0.2 });
        for (const [id, weight] of steps) {
          const before = positions(cloud.layout());
          const { moved, relayout } = cloud.set({ key: `t${id}`, text: `sana${id}`, weight });
          const after = cloud.layout();
          assert.deepEqual(overlaps(after), []);
          if (relayout) continue;
          for (const [key, position] of before) if (key !== `t${id}`) assert.equal(positions(after).get(key), position, key);
          assert.ok(moved.every((key) => key === `t${id}`));
        }
      },
    ),
    { numRuns: 40, seed: 5 },
  );
});

test('Occupancy marks and frees exactly the pixels of a box, across 32-bit word edges', () => {
  const grid = new Occupancy(100, 10);
  grid.set(30, 2, 70, 5, true);
  assert.equal(grid.isFree(0, 0, 30, 10), true);
  assert.equal(grid.isFree(70, 0, 100, 10), true);
  assert.equal(grid.isFree(0, 0, 100, 2), true);
  assert.equal(grid.isFree(0, 5, 100, 10), true);
  assert.equal(grid.isFree(29, 4, 31, 6), false);
  assert.equal(grid.isFree(69, 4, 71, 5), false);
  assert.equal(grid.isFree(63, 2, 65, 3), false);
  grid.set(40, 2, 50, 5, false);
  assert.equal(grid.isFree(40, 2, 50, 5), true);
  assert.equal(grid.isFree(39, 2, 51, 5), false);
});

test('invalid input is refused with a clear error', () => {
  assert.throws(() => layoutCloud([], { ...options(), width: 0 }), /width must be a positive number/);
  assert.throws(() => layoutCloud([], { ...options(), measure: undefined as never }), /measure must be a function/);
  assert.throws(() => layoutCloud([], options({ minFontSize: 40, maxFontSize: 20 })), /maxFontSize \(20\) is smaller than minFontSize \(40\)/);
  assert.throws(() => layoutCloud([], options({ rotate: 2 })), /rotate must be a share from 0 to 1/);
  assert.throws(() => layoutCloud([{ key: 'a', text: 'x', weight: -1 }], options()), /finite weight of at least 0/);
  assert.throws(() => layoutCloud([{ key: 'a', text: ' ', weight: 1 }], options()), /non-empty text/);
  assert.throws(
    () =>
      layoutCloud(
        [
          { key: 'a', text: 'x', weight: 1 },
          { key: 'a', text: 'y', weight: 2 },
        ],
        options(),
      ),
    /key "a" is used twice/,
  );
  assert.throws(() => layoutCloud([{ key: 'a', text: 'x', weight: 1 }], options({ measure: () => ({ width: Number.NaN, height: 3 }) })), /finite non-negative width and height/);
  assert.throws(() => new IncrementalCloud(options()).set({ key: '', text: 'x', weight: 1 }), /non-empty string key/);
  assert.deepEqual(layoutCloud([], options()), { placed: [], overflow: [], scale: 1 });
});
