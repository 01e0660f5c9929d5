/**
 * The tag cloud's layout: where each word goes, as a pure function of the words, the area, a seed
 * and a text-measuring function (no DOM: a canvas `measureText`, a worker's OffscreenCanvas or a
 * test's fake all do). Usable on its own, like d3-cloud, but it never drops a word silently and it
 * has an incremental form whose placed words stay where they are.
 *
 * - Font size: a square-root scale of the weight between `minFontSize` and `maxFontSize` (the
 *   domain is [0, largest weight], so equal weights are all large), times the cloud's `scale`.
 * - Placement: largest word first, each on an Archimedean spiral (stretched to the area's aspect
 *   ratio) from a seeded point near the centre, at the first position where its measured box,
 *   grown by `padding`, is inside the area and touches no placed box. All words share the start
 *   point, so a search may skip what an earlier search of a smaller box found taken.
 * - Collisions: an occupancy bitmask, one bit per pixel in rows of 32-bit words. A box covers
 *   whole pixels (rounded outwards), so boxes that test free are disjoint, exactly; testing a box
 *   is one masked AND per 32 pixels of a row, starting with its middle row, which rejects most
 *   candidates at once.
 * - Never drops a word: when one does not fit, every font size is scaled down and the cloud laid
 *   out again (at most `MAX_TRIES` times); a size never goes below the legible floor, and only
 *   what does not fit at the floor goes to `overflow`, for the element to show as "+N more".
 * - Deterministic: the same words (in any order), options and measure give the same layout; the
 *   seed (mulberry32 from `../ranking/random.ts`) chooses the start point, the spiral's direction
 *   and which words turn.
 */
import { createRandom, type Random } from '../ranking/random.js';

export interface CloudWord {
  /** The term's id, unique in the cloud. */
  key: string;
  /** What is shown. */
  text: string;
  /** A count or any non-negative weight; the font size grows with its square root. */
  weight: number;
}

/** The extents of `text` set in `fontSize` pixels: `width` along the text, `height` across it; `ascent`: baseline below the top. */
export type MeasureText = (text: string, fontSize: number) => { width: number; height: number; ascent?: number };

export interface LayoutOptions {
  /** The area in pixels. */
  width: number;
  height: number;
  /** Chooses start points, spiral directions and turned words; the same seed gives the same layout. */
  seed: number;
  measure: MeasureText;
  /** The font size of a weight near 0 at scale 1 (default 12). */
  minFontSize?: number;
  /** The font size of the largest weight at scale 1 (default 64). */
  maxFontSize?: number;
  /** Share of words turned 90°, 0 (default) to 1. */
  rotate?: number;
  /** Pixels kept free between two words' boxes and between a box and the area's edge (halved there); default 2. */
  padding?: number;
  /** Sizes never go below this when the cloud scales down (default 9, at most `minFontSize`); what does not fit at it overflows. */
  legibleFontSize?: number;
}

export interface PlacedWord {
  key: string;
  text: string;
  /** The centre of the word's box in the area's pixels. */
  x: number;
  y: number;
  /** The box as it appears on screen: for a word turned 90°, `width` is the measured height. */
  width: number;
  height: number;
  fontSize: number;
  /** Degrees; a turned word reads upwards (SVG `rotate(-90)`) or downwards (`rotate(90)`): the box is the same. */
  rotate: 0 | 90;
  /** The baseline's offset from the centre along the text's own vertical (positive: below the centre), when the measure gave `ascent`. */
  baseline?: number;
  weight: number;
}

export interface CloudLayout {
  /** Largest first. */
  placed: PlacedWord[];
  /** Words that did not fit even at the legible floor, heaviest first: shown as "+N more", never silently dropped. */
  overflow: CloudWord[];
  /** The factor every font size was multiplied by (1: no scaling down). */
  scale: number;
}

/** How many times a whole-list layout scales down before the rest overflows. */
export const MAX_TRIES = 12;
/** Each retry multiplies the sizes by at most this. */
const SHRINK = 0.9;
/** Share of the area that boxes may cover before the first try already starts scaled down. */
const FILL_ESTIMATE = 0.62;
/** The same for the incremental layout's whole layouts: room for words to come and to grow. */
const INCREMENTAL_FILL = 0.5;

interface Settings {
  width: number;
  height: number;
  seed: number;
  measure: MeasureText;
  minFontSize: number;
  maxFontSize: number;
  rotate: number;
  padding: number;
  legible: number;
}

function settingsOf(options: LayoutOptions): Settings {
  if (options === null || typeof options !== 'object') throw new TypeError('layout options must be an object');
  const { width, height, seed, measure } = options;
  const positive = (name: string, value: unknown): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError(`layout option ${name} must be a positive number, got ${String(value)}`);
    return value;
  };
  positive('width', width);
  positive('height', height);
  if (width > 16384 || height > 16384) throw new RangeError(`layout area ${width}×${height} is larger than 16384×16384 pixels`);
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new RangeError(`layout option seed must be a finite number, got ${String(seed)}`);
  if (typeof measure !== 'function') throw new TypeError('layout option measure must be a function (text, fontSize) => { width, height }');
  const minFontSize = positive('minFontSize', options.minFontSize ?? 12);
  const maxFontSize = positive('maxFontSize', options.maxFontSize ?? 64);
  if (maxFontSize < minFontSize) throw new RangeError(`layout option maxFontSize (${maxFontSize}) is smaller than minFontSize (${minFontSize})`);
  const rotate = options.rotate ?? 0;
  if (typeof rotate !== 'number' || !(rotate >= 0 && rotate <= 1)) throw new RangeError(`layout option rotate must be a share from 0 to 1, got ${String(rotate)}`);
  const padding = options.padding ?? 2;
  if (typeof padding !== 'number' || !(padding >= 0 && padding <= 100)) throw new RangeError(`layout option padding must be 0 to 100 pixels, got ${String(padding)}`);
  const legible = Math.min(minFontSize, positive('legibleFontSize', options.legibleFontSize ?? 9));
  return { width, height, seed, measure, minFontSize, maxFontSize, rotate, padding, legible };
}

function checkWord(word: CloudWord, index: number | string): void {
  const where = typeof index === 'number' ? `word ${index}` : 'the word';
  if (word === null || typeof word !== 'object') throw new TypeError(`${where} must be an object { key, text, weight }`);
  if (typeof word.key !== 'string' || word.key === '') throw new TypeError(`${where} needs a non-empty string key`);
  if (typeof word.text !== 'string' || word.text.trim() === '') throw new TypeError(`${where} (${word.key}) needs a non-empty text`);
  if (typeof word.weight !== 'number' || !Number.isFinite(word.weight) || word.weight < 0) {
    throw new RangeError(`${where} (${word.key}) needs a finite weight of at least 0, got ${String(word.weight)}`);
  }
}

/** Checks a list of words: an array of valid words with unique keys; returns it. */
function checkedWords(words: readonly CloudWord[]): readonly CloudWord[] {
  if (!Array.isArray(words)) throw new TypeError('words must be an array of { key, text, weight }');
  const seen = new Set<string>();
  words.forEach((word, index) => {
    checkWord(word, index);
    if (seen.has(word.key)) throw new RangeError(`word ${index}: the key ${JSON.stringify(word.key)} is used twice`);
    seen.add(word.key);
  });
  return words;
}

/** Heaviest first; equal weights by key, so the input's order never matters. */
function byWeight(a: CloudWord, b: CloudWord): number {
  return b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Occupancy: one bit per pixel.

/** Which pixels of the area are taken, one bit each, in rows of 32-bit words. */
export class Occupancy {
  readonly width: number;
  readonly height: number;
  private readonly stride: number;
  private readonly bits: Uint32Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.stride = (width + 31) >>> 5;
    this.bits = new Uint32Array(this.stride * height);
  }

  /** True when the box [x0, x1) × [y0, y1), inside the area, covers no taken pixel. */
  isFree(x0: number, y0: number, x1: number, y1: number): boolean {
    const stride = this.stride;
    const w0 = x0 >>> 5;
    const w1 = (x1 - 1) >>> 5;
    const first = (0xffffffff << (x0 & 31)) >>> 0;
    const last = 0xffffffff >>> (31 - ((x1 - 1) & 31));
    const middle = (y0 + y1) >>> 1;
    // The middle row first: a taken box is found there far more often than at an edge.
    if (!this.rowFree(middle * stride, w0, w1, first, last)) return false;
    for (let y = y0; y < y1; y++) if (y !== middle && !this.rowFree(y * stride, w0, w1, first, last)) return false;
    return true;
  }

  private rowFree(row: number, w0: number, w1: number, first: number, last: number): boolean {
    const bits = this.bits;
    if (w0 === w1) return (bits[row + w0]! & first & last) === 0;
    if ((bits[row + w0]! & first) !== 0 || (bits[row + w1]! & last) !== 0) return false;
    for (let w = w0 + 1; w < w1; w++) if (bits[row + w] !== 0) return false;
    return true;
  }

  /** Marks the box taken (`taken`) or free. */
  set(x0: number, y0: number, x1: number, y1: number, taken: boolean): void {
    const { bits, stride } = this;
    const w0 = x0 >>> 5;
    const w1 = (x1 - 1) >>> 5;
    const first = (0xffffffff << (x0 & 31)) >>> 0;
    const last = 0xffffffff >>> (31 - ((x1 - 1) & 31));
    for (let y = y0; y < y1; y++) {
      const row = y * stride;
      for (let w = w0; w <= w1; w++) {
        const mask = (w === w0 ? first : 0xffffffff) & (w === w1 ? last : 0xffffffff);
        bits[row + w] = taken ? bits[row + w]! | mask : bits[row + w]! & ~mask;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The spiral.

/**
 * Integer offsets from the start along an Archimedean spiral r = θ (one turn per 2π pixels across,
 * stretched by the aspect ratio along x), a few pixels apart (more in a large area), without
 * repeats, out to where no point can lie inside the area from a start near its centre. Computed
 * as far as searches reach (most end near the centre) and shared by the layouts of one size.
 */
class Spiral {
  /** x, y, x, y, …; `length` of them are computed. */
  points = new Int32Array(4096);
  length = 0;
  private theta = 0.1;
  private lastX = Number.NaN;
  private lastY = Number.NaN;
  private done = false;
  private readonly aspect: number;
  private readonly step: number;
  private readonly limit: number;

  constructor(width: number, height: number) {
    this.aspect = width / height;
    this.step = Math.max(2, Math.round(Math.sqrt(width * height) / 700));
    // Past this θ, |x| > 0.6 width or |y| > 0.6 height at every point: outside from any start.
    this.limit = Math.hypot((0.6 * width) / this.aspect, 0.6 * height) + 1;
    this.push(0, 0);
  }

  private push(x: number, y: number): void {
    if (this.length + 2 > this.points.length) {
      const grown = new Int32Array(this.points.length * 2);
      grown.set(this.points);
      this.points = grown;
    }
    this.points[this.length++] = x;
    this.points[this.length++] = y;
    this.lastX = x;
    this.lastY = y;
  }

  /** Computes more points (at least `count` more coordinates); false when the spiral has ended. */
  extend(count = 8192): boolean {
    if (this.done) return false;
    const { aspect, step, limit } = this;
    const target = this.length + count;
    let theta = this.theta;
    while (this.length < target) {
      if (theta > limit) {
        this.done = true;
        break;
      }
      const x = Math.round(aspect * theta * Math.cos(theta));
      const y = Math.round(theta * Math.sin(theta));
      if (x !== this.lastX || y !== this.lastY) this.push(x, y);
      theta += Math.min(0.1, step / (theta * Math.max(1, aspect)));
    }
    this.theta = theta;
    return true;
  }
}

const spirals = new Map<string, Spiral>();

function spiralOf(width: number, height: number): Spiral {
  const id = `${width}x${height}`;
  let spiral = spirals.get(id);
  if (!spiral) {
    if (spirals.size >= 16) spirals.clear();
    spirals.set(id, (spiral = new Spiral(width, height)));
  }
  return spiral;
}

// ---------------------------------------------------------------------------------------------
// Placing one word.

/** A word's box with padding in whole pixels, and where it is. */
interface Box {
  /** Top-left corner of the padded box. */
  x0: number;
  y0: number;
  /** Padded size in whole pixels. */
  w: number;
  h: number;
}

interface Sized {
  word: CloudWord;
  fontSize: number;
  rotate: 0 | 90;
  /** The on-screen box of the text, unpadded. */
  width: number;
  height: number;
  baseline?: number;
}

class Placer {
  readonly grid: Occupancy;
  readonly spiral: Spiral;
  readonly cols: number;
  readonly rows: number;
  /** Where every spiral starts (whole pixels) and which way it turns: seeded, once per layout. */
  readonly cx: number;
  readonly cy: number;
  readonly direction: 1 | -1;
  /**
   * What earlier searches proved: per padded box height, per width, how many spiral points from
   * the start are taken for any box at least that large. Occupancy only grows between two
   * releases, and a larger box at the same point contains the smaller one, so a search may skip
   * them; without this, every small word late in a big cloud would test the whole filled centre
   * again. Cleared when a box is released.
   */
  private rejected = new Map<number, Int32Array>();

  constructor(
    readonly settings: Settings,
    random: Random,
  ) {
    this.cols = Math.max(1, Math.floor(settings.width));
    this.rows = Math.max(1, Math.floor(settings.height));
    this.grid = new Occupancy(this.cols, this.rows);
    this.spiral = spiralOf(this.cols, this.rows);
    this.cx = Math.round(this.cols / 2 + (random.next() - 0.5) * this.cols * 0.1);
    this.cy = Math.round(this.rows / 2 + (random.next() - 0.5) * this.rows * 0.1);
    this.direction = random.next() < 0.5 ? 1 : -1;
  }

  /** Measures `word` at `fontSize`, turned or not. */
  size(word: CloudWord, fontSize: number, rotate: 0 | 90): Sized {
    const measured = this.settings.measure(word.text, fontSize);
    const mw = measured?.width;
    const mh = measured?.height;
    if (typeof mw !== 'number' || !Number.isFinite(mw) || mw < 0 || typeof mh !== 'number' || !Number.isFinite(mh) || mh < 0) {
      throw new RangeError(`measure(${JSON.stringify(word.text.slice(0, 40))}, ${fontSize}) must return finite non-negative width and height`);
    }
    const sized: Sized = { word, fontSize, rotate, width: rotate ? mh : mw, height: rotate ? mw : mh };
    if (typeof measured.ascent === 'number' && Number.isFinite(measured.ascent)) sized.baseline = measured.ascent - mh / 2;
    return sized;
  }

  /** The padded whole-pixel size of a sized word. */
  padded(sized: Sized): { w: number; h: number } {
    const pad = this.settings.padding;
    return { w: Math.max(1, Math.ceil(sized.width + pad)), h: Math.max(1, Math.ceil(sized.height + pad)) };
  }

  /**
   * The first free box of `w` × `h` along the spiral, taken; undefined when none is free. The
   * spiral starts at the layout's start point, or at `near` (then what earlier searches proved
   * does not apply, and this search proves nothing for later ones).
   */
  private search(w: number, h: number, near?: { x: number; y: number }): Box | undefined {
    const { cols, rows, spiral, grid, direction } = this;
    if (w > cols || h > rows) return undefined;
    const left = (near ? Math.round(near.x) : this.cx) - (w >> 1);
    const top = (near ? Math.round(near.y) : this.cy) - (h >> 1);
    const maxX = cols - w;
    const maxY = rows - h;
    // A large box need not try every point of the spiral: about one per twelfth of its smaller
    // side (the points are a few pixels apart). Only a search that tried every point proves
    // anything for later ones.
    const stride = 2 * Math.max(1, Math.floor(Math.min(w, h) / 12));
    const proves = !near && stride === 2;
    let i = near ? 0 : this.skip(w, h);
    for (;;) {
      if (i >= spiral.length && !spiral.extend()) break;
      const points = spiral.points;
      const end = spiral.length;
      for (; i < end; i += stride) {
        const x0 = left + direction * points[i]!;
        const y0 = top + points[i + 1]!;
        if (x0 < 0 || y0 < 0 || x0 > maxX || y0 > maxY) continue;
        if (grid.isFree(x0, y0, x0 + w, y0 + h)) {
          grid.set(x0, y0, x0 + w, y0 + h, true);
          if (proves) this.remember(w, h, i);
          return { x0, y0, w, h };
        }
      }
    }
    if (proves) this.remember(w, h, spiral.length);
    return undefined;
  }

  /** How many spiral coordinates a box of `w` × `h` may skip. */
  private skip(w: number, h: number): number {
    let skip = 0;
    for (const [height, byWidth] of this.rejected) if (height <= h) skip = Math.max(skip, byWidth[Math.min(w, this.cols)]!);
    return skip;
  }

  private remember(w: number, h: number, index: number): void {
    let byWidth = this.rejected.get(h);
    if (!byWidth) this.rejected.set(h, (byWidth = new Int32Array(this.cols + 1)));
    for (let width = w; width <= this.cols && byWidth[width]! < index; width++) byWidth[width] = index;
  }

  /** Takes the box of `sized` centred at (`x`, `y`) when it is free and inside the area. */
  placeAt(sized: Sized, x: number, y: number): Box | undefined {
    const { w, h } = this.padded(sized);
    const x0 = Math.round(x - w / 2);
    const y0 = Math.round(y - h / 2);
    if (x0 < 0 || y0 < 0 || x0 + w > this.cols || y0 + h > this.rows) return undefined;
    if (!this.grid.isFree(x0, y0, x0 + w, y0 + h)) return undefined;
    this.grid.set(x0, y0, x0 + w, y0 + h, true);
    return { x0, y0, w, h };
  }

  /**
   * Takes a free box for `sized` that covers `old` (a word grown about where it was, shifted
   * towards free space by at most its growth), closest to centred first; undefined when none is.
   */
  placeOver(sized: Sized, old: Box): Box | undefined {
    const { w, h } = this.padded(sized);
    if (w < old.w || h < old.h) return undefined;
    const xs = offsets(Math.max(0, old.x0 + old.w - w), Math.min(old.x0, this.cols - w));
    const ys = offsets(Math.max(0, old.y0 + old.h - h), Math.min(old.y0, this.rows - h));
    for (let tries = 0, i = 0; i < xs.length + ys.length - 1 && tries < 2000; i++) {
      // Every (x, y) with x index + y index = i: rings of growing shift.
      for (let a = Math.max(0, i - ys.length + 1); a <= Math.min(i, xs.length - 1) && tries < 2000; a++, tries++) {
        const x0 = xs[a]!;
        const y0 = ys[i - a]!;
        if (this.grid.isFree(x0, y0, x0 + w, y0 + h)) {
          this.grid.set(x0, y0, x0 + w, y0 + h, true);
          return { x0, y0, w, h };
        }
      }
    }
    return undefined;
  }

  release(box: Box): void {
    this.grid.set(box.x0, box.y0, box.x0 + box.w, box.y0 + box.h, false);
    this.rejected.clear();
  }

  /** Places a sized word at the first free point of the spiral; the placed word, or undefined. */
  placeWord(sized: Sized, near?: { x: number; y: number }): { placed: PlacedWord; box: Box } | undefined {
    const { w, h } = this.padded(sized);
    const box = this.search(w, h, near);
    return box && { placed: placedOf(sized, box), box };
  }
}

/** The integers from `low` to `high`, those nearest their middle first. */
function offsets(low: number, high: number): number[] {
  if (high < low) return [];
  const middle = Math.round((low + high) / 2);
  const found = [middle];
  for (let d = 1; middle - d >= low || middle + d <= high; d++) {
    if (middle - d >= low) found.push(middle - d);
    if (middle + d <= high) found.push(middle + d);
  }
  return found;
}

function placedOf(sized: Sized, box: Box): PlacedWord {
  const placed: PlacedWord = {
    key: sized.word.key,
    text: sized.word.text,
    x: box.x0 + box.w / 2,
    y: box.y0 + box.h / 2,
    width: sized.width,
    height: sized.height,
    fontSize: sized.fontSize,
    rotate: sized.rotate,
    weight: sized.word.weight,
  };
  if (sized.baseline !== undefined) placed.baseline = sized.baseline;
  return placed;
}

// ---------------------------------------------------------------------------------------------
// Font sizes and the whole-list layout.

/** The font size of `weight` at scale 1, on a square-root scale of [0, `top`]. */
function baseSize(settings: Settings, weight: number, top: number): number {
  const share = top > 0 ? Math.sqrt(weight / top) : 1;
  return settings.minFontSize + (settings.maxFontSize - settings.minFontSize) * share;
}

function fontSizeAt(settings: Settings, weight: number, top: number, scale: number): number {
  return Math.max(settings.legible, Math.round(baseSize(settings, weight, top) * scale * 10) / 10);
}

interface Attempt {
  placed: PlacedWord[];
  boxes: Box[];
  overflow: CloudWord[];
  placer: Placer;
  /** Index of the first word that did not fit, when the attempt stopped there. */
  failedAt?: number;
}

/** One try at `scale`: stops at the first word that does not fit unless `final`. */
function* attempt(settings: Settings, sorted: CloudWord[], top: number, scale: number, turns: boolean[], final: boolean, step: number): Generator<void, Attempt> {
  const placer = new Placer(settings, createRandom(settings.seed));
  const placed: PlacedWord[] = [];
  const boxes: Box[] = [];
  const overflow: CloudWord[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && i % step === 0) yield;
    const word = sorted[i]!;
    const sized = placer.size(word, fontSizeAt(settings, word.weight, top, scale), turns[i] ? 90 : 0);
    const result = placer.placeWord(sized);
    if (result) {
      placed.push(result.placed);
      boxes.push(result.box);
    } else if (final) {
      overflow.push(word);
    } else {
      return { placed, boxes, overflow, placer, failedAt: i };
    }
  }
  return { placed, boxes, overflow, placer };
}

/** Which words turn 90°: seeded per key, so a word keeps its turn when others come and go. */
function turnsOf(settings: Settings, words: readonly CloudWord[]): boolean[] {
  if (settings.rotate <= 0) return words.map(() => false);
  return words.map((word) => hashUnit(word.key, settings.seed) < settings.rotate);
}

/** A number in [0, 1) from `text` and `seed` (FNV-1a, then mulberry32's finaliser). */
function hashUnit(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return createRandom(h).next();
}

interface Laid extends Attempt {
  scale: number;
  top: number;
}

/** Runs a generator of steps to its end. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

function* laidOut(settings: Settings, words: readonly CloudWord[], step = Number.POSITIVE_INFINITY, fill = FILL_ESTIMATE): Generator<void, Laid> {
  const sorted = [...words].sort(byWeight);
  const top = sorted.length > 0 ? sorted[0]!.weight : 0;
  const turns = turnsOf(settings, sorted);
  // Each word's padded box area at scale 1. The first try starts at the scale at which the boxes
  // would cover FILL_ESTIMATE of the area (a spiral rarely packs boxes denser), and a failed try
  // shrinks by what the words left over need: each try saved is a whole layout.
  const probe = new Placer(settings, createRandom(0));
  const bases = sorted.map((word) => baseSize(settings, word.weight, top));
  const areas = sorted.map((word, i) => {
    const { w, h } = probe.padded(probe.size(word, bases[i]!, turns[i] ? 90 : 0));
    return w * h;
  });
  const areaAt = (i: number, scale: number): number => areas[i]! * (fontSizeAt(settings, sorted[i]!.weight, top, scale) / bases[i]!) ** 2;
  const total = areas.reduce((sum, area) => sum + area, 0);
  let scale = Math.min(1, Math.sqrt((fill * probe.cols * probe.rows) / Math.max(1, total)));
  for (let tries = 1; ; tries++) {
    const largest = fontSizeAt(settings, top, top, scale);
    const final = tries >= MAX_TRIES || largest <= settings.legible;
    const result = yield* attempt(settings, sorted, top, scale, turns, final, step);
    if (result.failedAt === undefined) return { ...result, scale, top };
    let missing = 0;
    let shrinkable = 0;
    for (let i = 0; i < sorted.length; i++) {
      const area = areaAt(i, scale);
      if (i >= result.failedAt) missing += area;
      if (fontSizeAt(settings, sorted[i]!.weight, top, scale) > settings.legible) shrinkable += area;
    }
    const factor = shrinkable > 0 ? 1 - (1.15 * missing) / shrinkable : 0;
    scale *= Math.min(SHRINK, Math.sqrt(Math.max(0.25, factor)));
    if (fontSizeAt(settings, top, top, scale) <= settings.legible) scale = settings.legible / baseSize(settings, top, top);
  }
}

/**
 * Lays out `words` in the area: every word is placed, scaled down when needed, or listed in
 * `overflow` when it does not fit even at the legible floor. Deterministic for the words (in any
 * order), the options and the measure.
 */
export function layoutCloud(words: readonly CloudWord[], options: LayoutOptions): CloudLayout {
  return drain(layoutCloudInSteps(words, options, Number.POSITIVE_INFINITY));
}

/**
 * `layoutCloud` in steps, for a page that lays out on its main thread without a long task: each
 * `next()` places at most `wordsPerStep` words (a try that scales down starts over), and the
 * last one returns the same layout `layoutCloud` gives.
 */
export function* layoutCloudInSteps(words: readonly CloudWord[], options: LayoutOptions, wordsPerStep = 50): Generator<void, CloudLayout> {
  const settings = settingsOf(options);
  if (!(wordsPerStep >= 1)) throw new RangeError(`wordsPerStep must be at least 1, got ${String(wordsPerStep)}`);
  checkedWords(words);
  const { placed, overflow, scale } = yield* laidOut(settings, words, Math.floor(wordsPerStep));
  return { placed, overflow, scale };
}

// ---------------------------------------------------------------------------------------------
// The incremental layout.

interface Entry {
  word: CloudWord;
  placed?: PlacedWord;
  box?: Box;
}

/**
 * A cloud to which words are added and whose weights change, keeping every placed word where it
 * is: a new word takes free space; a grown word grows about its centre or over its old place
 * (shifted towards free space by at most its growth); one that no longer fits there moves alone,
 * to the nearest free place; only when no space is left is the whole cloud laid out
 * again, scaled down (as `layoutCloud` does, leaving more room for words to come and grow).
 * Font sizes follow the weights on a scale fixed at the last whole layout, so a word's growth
 * changes no other word's size.
 */
export class IncrementalCloud {
  private settings: Settings;
  private readonly entries = new Map<string, Entry>();
  private placer: Placer;
  private scale = 1;
  /** The weight that gets `maxFontSize` (at scale 1), fixed between whole layouts. */
  private top = 0;

  constructor(options: LayoutOptions) {
    this.settings = settingsOf(options);
    this.placer = new Placer(this.settings, createRandom(this.settings.seed));
  }

  /** Adds a word or sets a new weight or text; returns the placed words that moved (normally none) and whether the whole cloud was laid out again. */
  set(word: CloudWord): { moved: string[]; relayout: boolean } {
    checkWord(word, 'set');
    const copy: CloudWord = { key: word.key, text: word.text, weight: word.weight };
    const entry = this.entries.get(copy.key);
    if (this.entries.size === 0 || this.top <= 0) {
      this.entries.set(copy.key, { word: copy });
      return this.relayout();
    }
    if (entry && entry.word.text === copy.text && entry.word.weight === copy.weight) return { moved: [], relayout: false };
    const turned = entry?.placed ? entry.placed.rotate : turnsOf(this.settings, [copy])[0] ? 90 : 0;
    const sized = this.placer.size(copy, fontSizeAt(this.settings, copy.weight, this.top, this.scale), turned);
    if (entry?.placed && entry.box) {
      const { x, y } = entry.placed;
      this.placer.release(entry.box);
      const box = this.placer.placeAt(sized, x, y) ?? this.placer.placeOver(sized, entry.box);
      if (box) {
        this.entries.set(copy.key, { word: copy, placed: placedOf(sized, box), box });
        return { moved: [], relayout: false };
      }
      // The nearest free place to where it was (else any: the spiral from a corner ends early).
      const result = this.placer.placeWord(sized, { x, y }) ?? this.placer.placeWord(sized);
      if (result) {
        this.entries.set(copy.key, { word: copy, ...result });
        return { moved: [copy.key], relayout: false };
      }
      this.entries.set(copy.key, { word: copy });
      return this.relayout();
    }
    // A new word, or one that had overflowed.
    const result = this.placer.placeWord(sized);
    if (result) {
      this.entries.set(copy.key, { word: copy, ...result });
      return { moved: [], relayout: false };
    }
    this.entries.set(copy.key, { word: copy });
    // Already at the floor with words overflowing: laying out again only helps a word heavier than the lightest placed one.
    if (this.hasOverflow(copy.key) && fontSizeAt(this.settings, this.top, this.top, this.scale) <= this.settings.legible) {
      const lightest = this.lightestPlaced();
      if (lightest === undefined || byWeight(copy, lightest) > 0) return { moved: [], relayout: false };
    }
    return this.relayout();
  }

  /** Removes a word; the others stay where they are, and an overflowing word may take the space. */
  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.box) {
      this.placer.release(entry.box);
      this.fillFromOverflow();
    }
  }

  /**
   * Replaces every word with `words` and lays them out in one whole layout, exactly as
   * `layoutCloud(words, options)` does (same placements, scale and overflow); later `set`s go on
   * incrementally from there. Adding many words one by one instead would lay the cloud out again
   * each time one no longer fits. Returns the words kept from before whose place changed (words
   * left out are removed, not moved).
   */
  setAll(words: readonly CloudWord[]): { moved: string[]; relayout: boolean } {
    const copies = checkedWords(words).map((word): CloudWord => ({ key: word.key, text: word.text, weight: word.weight }));
    const keep = new Set(copies.map((word) => word.key));
    for (const key of [...this.entries.keys()]) if (!keep.has(key)) this.entries.delete(key);
    for (const word of copies) {
      const entry = this.entries.get(word.key);
      if (entry) entry.word = word;
      else this.entries.set(word.key, { word });
    }
    return this.relayout(FILL_ESTIMATE);
  }

  /**
   * A cloud that goes on from `layout`, a whole layout of the same options computed elsewhere
   * (`layoutCloud`, or a worker's `layoutInWorker`): the words stay exactly where `layout` put
   * them, at its scale, and later `set`s place new and grown words around them. Equivalent to
   * `setAll` of the same words, without laying them out again. Throws a RangeError when `layout`
   * does not fit the options (a word outside the area, two words on one spot).
   */
  static from(layout: CloudLayout, options: LayoutOptions): IncrementalCloud {
    if (layout === null || typeof layout !== 'object' || !Array.isArray(layout.placed) || !Array.isArray(layout.overflow)) {
      throw new TypeError('layout must be a cloud layout { placed, overflow, scale }');
    }
    const { scale } = layout;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) throw new RangeError(`layout scale must be a positive number, got ${String(scale)}`);
    const cloud = new IncrementalCloud(options);
    const words = checkedWords([...layout.placed, ...layout.overflow]);
    const { placer, settings } = cloud;
    layout.placed.forEach((placed, index) => {
      const { x, y, width, height, fontSize, rotate } = placed;
      for (const [name, value] of Object.entries({ x, y, width, height, fontSize })) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`placed word ${index} (${placed.key}) needs a finite ${name} of at least 0, got ${String(value)}`);
      }
      if (rotate !== 0 && rotate !== 90) throw new RangeError(`placed word ${index} (${placed.key}) needs rotate 0 or 90, got ${String(rotate)}`);
      // The padded whole-pixel box the layout took, from the sizes it measured (no measuring again).
      const w = Math.max(1, Math.ceil(width + settings.padding));
      const h = Math.max(1, Math.ceil(height + settings.padding));
      const x0 = Math.round(x - w / 2);
      const y0 = Math.round(y - h / 2);
      if (x0 < 0 || y0 < 0 || x0 + w > placer.cols || y0 + h > placer.rows) {
        throw new RangeError(`placed word ${index} (${placed.key}) lies outside the ${placer.cols}×${placer.rows} area: the layout is of other options`);
      }
      if (!placer.grid.isFree(x0, y0, x0 + w, y0 + h)) throw new RangeError(`placed word ${index} (${placed.key}) overlaps another: the layout is of other options`);
      placer.grid.set(x0, y0, x0 + w, y0 + h, true);
      const copy: PlacedWord = { key: placed.key, text: placed.text, x, y, width, height, fontSize, rotate, weight: placed.weight };
      if (typeof placed.baseline === 'number' && Number.isFinite(placed.baseline)) copy.baseline = placed.baseline;
      cloud.entries.set(placed.key, { word: { key: placed.key, text: placed.text, weight: placed.weight }, placed: copy, box: { x0, y0, w, h } });
    });
    for (const word of layout.overflow) cloud.entries.set(word.key, { word: { key: word.key, text: word.text, weight: word.weight } });
    cloud.scale = scale;
    cloud.top = words.reduce((top, word) => Math.max(top, word.weight), 0);
    return cloud;
  }

  /** A new area: the whole cloud is laid out again in it. */
  resize(width: number, height: number): void {
    this.settings = settingsOf({ ...this.optionsOf(), width, height });
    this.relayout();
  }

  /** The cloud as it stands. */
  layout(): CloudLayout {
    const placed: PlacedWord[] = [];
    const overflow: CloudWord[] = [];
    for (const entry of this.entries.values()) {
      if (entry.placed) placed.push({ ...entry.placed });
      else overflow.push({ ...entry.word });
    }
    placed.sort((a, b) => byWeight(a, b));
    overflow.sort(byWeight);
    return { placed, overflow, scale: this.scale };
  }

  private optionsOf(): LayoutOptions {
    const s = this.settings;
    return {
      width: s.width,
      height: s.height,
      seed: s.seed,
      measure: s.measure,
      minFontSize: s.minFontSize,
      maxFontSize: s.maxFontSize,
      rotate: s.rotate,
      padding: s.padding,
      legibleFontSize: s.legible,
    };
  }

  private hasOverflow(except?: string): boolean {
    for (const entry of this.entries.values()) if (!entry.placed && entry.word.key !== except) return true;
    return false;
  }

  private lightestPlaced(): CloudWord | undefined {
    let lightest: CloudWord | undefined;
    for (const entry of this.entries.values()) if (entry.placed && (!lightest || byWeight(entry.word, lightest) > 0)) lightest = entry.word;
    return lightest;
  }

  private fillFromOverflow(): void {
    const waiting = [...this.entries.values()].filter((entry) => !entry.placed).sort((a, b) => byWeight(a.word, b.word));
    for (const entry of waiting) {
      const turned = turnsOf(this.settings, [entry.word])[0] ? 90 : 0;
      const sized = this.placer.size(entry.word, fontSizeAt(this.settings, entry.word.weight, this.top, this.scale), turned);
      const result = this.placer.placeWord(sized);
      if (result) Object.assign(entry, result);
    }
  }

  /** Lays out every word as `layoutCloud` does, leaving more room (`INCREMENTAL_FILL`); returns the placed words that moved. */
  private relayout(fill = INCREMENTAL_FILL): { moved: string[]; relayout: boolean } {
    const before = new Map<string, PlacedWord>();
    for (const [key, entry] of this.entries) if (entry.placed) before.set(key, entry.placed);
    const laid = drain(laidOut(this.settings, [...this.entries.values()].map((entry) => entry.word), Number.POSITIVE_INFINITY, fill));
    this.placer = laid.placer;
    this.scale = laid.scale;
    this.top = laid.top;
    for (const entry of this.entries.values()) {
      delete entry.placed;
      delete entry.box;
    }
    laid.placed.forEach((placed, index) => {
      const entry = this.entries.get(placed.key)!;
      entry.placed = placed;
      entry.box = laid.boxes[index]!;
    });
    const moved: string[] = [];
    for (const [key, old] of before) {
      const now = this.entries.get(key)?.placed;
      if (!now || now.x !== old.x || now.y !== old.y || now.fontSize !== old.fontSize || now.rotate !== old.rotate) moved.push(key);
    }
    return { moved, relayout: true };
  }
}
