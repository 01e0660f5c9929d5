/**
 * The tag cloud's layout in Chromium beside d3-cloud, in the same page, with the same seeded word
 * lists (Finnish, Swedish and English terms with Zipf-like counts; bench/cloud-layout-words.ts),
 * the same canvas measurement, font, area, padding, share of turned words, Archimedean spiral
 * and font sizes (d3-cloud gets ours at scale 1: it cannot scale down, it drops what does not fit).
 *
 * For 100, 500 and 1,000 words: the median time of a whole layout (measuring included), the
 * words placed, and the pixels painted by two words (each result drawn word by word into a
 * counting buffer, the same count for both). Then the incremental case: one more word in a
 * 300-word cloud: ours `IncrementalCloud.set`, d3-cloud a new layout of 301 words (it has no
 * other way), with the time and how many of the 300 words moved.
 */
import cloud from 'd3-cloud';
import { IncrementalCloud, layoutCloud, type CloudWord, type LayoutOptions, type PlacedWord } from '../src/core/cloud/layout.js';
import { canvasMeasure, fontAt } from '../src/components/tag-cloud/layout-client-measure.js';
import { createRandom } from '../src/core/ranking/random.js';
import { cloudWords } from './cloud-layout-words.js';

const FONT = { family: 'system-ui, "DejaVu Sans", sans-serif', weight: 600 };
const WIDTH = 1600;
const HEIGHT = 1000;
const MIN_SIZE = 10;
const MAX_SIZE = 64;
const PADDING = 2;
const ROTATE = 0.2;
const SEED = 42;
const RUNS = 5;

/** A word as drawn: the point of its baseline's centre, its turn and size. */
interface Drawn {
  text: string;
  x: number;
  y: number;
  rotate: number;
  size: number;
}

interface D3Word {
  key: string;
  text: string;
  size: number;
  x?: number;
  y?: number;
  rotate?: number;
}

const context = document.createElement('canvas').getContext('2d')!;
const measure = canvasMeasure(context, FONT);
const options: LayoutOptions = { width: WIDTH, height: HEIGHT, seed: SEED, measure, minFontSize: MIN_SIZE, maxFontSize: MAX_SIZE, padding: PADDING, rotate: ROTATE };
/** Our font size at scale 1, which d3-cloud gets. */
const sizeOf = (weight: number, top: number) => MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(weight / top);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => Number(value.toFixed(1));

function oursDrawn(word: PlacedWord): Drawn {
  // Rotated -90° around the box centre; the baseline lies `baseline` below the centre in the text's frame.
  const baseline = word.baseline ?? 0;
  return word.rotate === 90
    ? { text: word.text, x: word.x + baseline, y: word.y, rotate: -90, size: word.fontSize }
    : { text: word.text, x: word.x, y: word.y + baseline, rotate: 0, size: word.fontSize };
}

function runD3(words: CloudWord[], seed: number): { placed: D3Word[]; time: number } {
  const top = Math.max(...words.map((word) => word.weight));
  const random = createRandom(seed);
  const input: D3Word[] = words.map((word) => ({ key: word.key, text: word.text, size: sizeOf(word.weight, top) }));
  let placed: D3Word[] = [];
  const start = performance.now();
  cloud<D3Word>()
    .size([WIDTH, HEIGHT])
    .words(input)
    .font(FONT.family)
    .fontWeight(String(FONT.weight))
    .fontSize((word) => word.size)
    .padding(PADDING / 2)
    .rotate(() => (random.next() < ROTATE ? 90 : 0))
    .spiral('archimedean')
    .random(random.next)
    .timeInterval(Infinity)
    .on('end', (words) => (placed = words))
    .start();
  return { placed, time: performance.now() - start };
}

function d3Drawn(word: D3Word): Drawn {
  return { text: word.text, x: WIDTH / 2 + word.x!, y: HEIGHT / 2 + word.y!, rotate: word.rotate ?? 0, size: word.size };
}

/** Pixels painted by two or more words (alpha > 0), drawing each word alone and counting. */
function overlappingPixels(drawn: Drawn[]): number {
  const counts = new Uint8Array(WIDTH * HEIGHT);
  const scratch = document.createElement('canvas');
  scratch.width = WIDTH;
  scratch.height = HEIGHT;
  const paint = scratch.getContext('2d', { willReadFrequently: true })!;
  paint.textAlign = 'center';
  paint.textBaseline = 'alphabetic';
  let overlap = 0;
  for (const word of drawn) {
    paint.font = fontAt(FONT, word.size);
    const reach = Math.ceil(paint.measureText(word.text).width / 2 + word.size) + 2;
    const left = Math.max(0, Math.floor(word.x - reach));
    const top = Math.max(0, Math.floor(word.y - reach));
    const right = Math.min(WIDTH, Math.ceil(word.x + reach));
    const bottom = Math.min(HEIGHT, Math.ceil(word.y + reach));
    if (right <= left || bottom <= top) continue;
    paint.clearRect(left, top, right - left, bottom - top);
    paint.save();
    paint.translate(word.x, word.y);
    if (word.rotate) paint.rotate((word.rotate * Math.PI) / 180);
    paint.fillText(word.text, 0, 0);
    paint.restore();
    const pixels = paint.getImageData(left, top, right - left, bottom - top).data;
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        if (pixels[((y - top) * (right - left) + (x - left)) * 4 + 3] === 0) continue;
        const index = y * WIDTH + x;
        if (counts[index] === 1) overlap++;
        if (counts[index] < 2) counts[index]++;
      }
    }
  }
  return overlap;
}

function whole(count: number): Record<string, string | number>[] {
  const words = cloudWords(count, count);
  const ours: number[] = [];
  const theirs: number[] = [];
  let layout = layoutCloud(words, options);
  let d3 = runD3(words, SEED);
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    layout = layoutCloud(words, options);
    ours.push(performance.now() - start);
    start = performance.now();
    d3 = runD3(words, SEED);
    theirs.push(d3.time);
  }
  return [
    { case: `${count} words`, measure: 'time (ms, median)', ours: ms(median(ours)), 'd3-cloud': ms(median(theirs)) },
    { case: `${count} words`, measure: 'words placed', ours: layout.placed.length, 'd3-cloud': d3.placed.length },
    { case: `${count} words`, measure: 'in "+N more"', ours: layout.overflow.length, 'd3-cloud': `${count - d3.placed.length} dropped` },
    { case: `${count} words`, measure: 'overlapping pixels', ours: overlappingPixels(layout.placed.map(oursDrawn)), 'd3-cloud': overlappingPixels(d3.placed.map(d3Drawn)) },
    { case: `${count} words`, measure: 'scale', ours: Number(layout.scale.toFixed(3)), 'd3-cloud': 1 },
  ];
}

function incremental(): Record<string, string | number>[] {
  const words = cloudWords(301, 301);
  const extra = words.pop()!;
  const ours: number[] = [];
  const theirs: number[] = [];
  let oursMoved = 0;
  let theirMoved = 0;
  let relayouts = 0;
  for (let run = 0; run < RUNS; run++) {
    const incremental = new IncrementalCloud(options);
    for (const word of words) incremental.set(word);
    const start = performance.now();
    const result = incremental.set(extra);
    ours.push(performance.now() - start);
    oursMoved = result.moved.length;
    if (result.relayout) relayouts++;

    const before = runD3(words, SEED + run);
    const after = runD3([...words, extra], SEED + run);
    theirs.push(after.time);
    const where = new Map(before.placed.map((word) => [word.key, `${word.x},${word.y},${word.rotate},${word.size}`]));
    theirMoved = after.placed.filter((word) => where.has(word.key) && where.get(word.key) !== `${word.x},${word.y},${word.rotate},${word.size}`).length;
    theirMoved += before.placed.filter((word) => !after.placed.some((other) => other.key === word.key)).length;
  }
  return [
    { case: '+1 word on 300', measure: 'time (ms, median)', ours: ms(median(ours)), 'd3-cloud': ms(median(theirs)) },
    { case: '+1 word on 300', measure: 'placed words moved', ours: oursMoved, 'd3-cloud': theirMoved },
    { case: '+1 word on 300', measure: 'whole relayouts', ours: relayouts, 'd3-cloud': RUNS },
  ];
}

(window as unknown as { runBench: () => Promise<Record<string, string | number>[]> }).runBench = async () => {
  await document.fonts.ready;
  return [...whole(100), ...whole(500), ...whole(1000), ...incremental()];
};
