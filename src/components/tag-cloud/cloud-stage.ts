import { svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { IncrementalCloud, type CloudLayout, type CloudWord, type LayoutOptions, type PlacedWord } from '../../core/cloud/layout.js';
import { canvasMeasure, layoutInWorker, WORKER_THRESHOLD, type CloudFont, type WorkerLayout } from './layout-client.js';

/** How many theme colours the words cycle through (`.tone-0` … in the styles). */
export const TONES = 4;
/** A word's colour: stable for its key, so a word keeps its colour across updates. */
export function toneOf(key: string): number {
  let hash = 0;
  for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) | 0;
  return Math.abs(hash) % TONES;
}

/** Where the stage's layout was made: a whole layout (`WorkerLayout['via']`), or sets on the live cloud. */
export type StageLayoutVia = WorkerLayout['via'] | 'incremental';

/** More new or changed words than this at once are laid out whole (see `rebuild`). */
const BULK = 24;

/** Heaviest first (then by key): the large words take the middle. */
const byWeight = (words: CloudWord[]): CloudWord[] => words.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));

export interface StageHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Font sizes that follow the area: the heaviest word about a seventh of the shorter side, which
 * leaves the incremental layout room to grow words in place (larger, and the cloud fills up and
 * is laid out again on nearly every answer).
 */
function sizesFor(width: number, height: number): Pick<LayoutOptions, 'minFontSize' | 'maxFontSize'> {
  const maxFontSize = Math.round(Math.max(20, Math.min(140, Math.min(width, height) / 6.8)));
  return { maxFontSize, minFontSize: Math.max(12, Math.round(maxFontSize / 4.2)) };
}

/**
 * The cloud's drawing area: watches its size (ResizeObserver), keeps an `IncrementalCloud` across
 * updates so placed words never jump, and lays out a large static list in the worker
 * (`layoutInWorker`). Renders the words as SVG `<text>`: crisp, selectable, and each one a
 * focusable button (the host's roving tabindex).
 */
export class CloudStage implements ReactiveController {
  layout: CloudLayout = { placed: [], overflow: [], scale: 1 };
  /** The words that moved in the last update (animated; never under reduced motion). */
  moving = new Set<string>();
  /** How the words shown came to be where they are: the last whole layout's `via`, or `incremental`. */
  via: StageLayoutVia | undefined;
  private cloud: IncrementalCloud | undefined;
  /** The words wanted. */
  private words = new Map<string, CloudWord>();
  /** The words `cloud` holds. */
  private shown = new Map<string, CloudWord>();
  /** A whole layout is under way in the worker: updates wait for it. */
  private building = false;
  private buildRun = 0;
  private width = 0;
  private height = 0;
  private element: Element | undefined;
  private staticRun = 0;
  private readonly observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (!box) return;
    const width = Math.round(box.width);
    const height = Math.round(box.height);
    if (Math.abs(width - this.width) < 2 && Math.abs(height - this.height) < 2) return;
    this.width = width;
    this.height = height;
    this.onResize();
  });

  constructor(
    private readonly host: StageHost,
    private readonly options: { seed: () => number; font: () => CloudFont; isStatic: () => boolean },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.element) this.observer.observe(this.element);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  hostUpdated(): void {
    const stage = this.host.renderRoot.querySelector('.stage');
    if (stage === this.element) return;
    if (this.element) this.observer.unobserve(this.element);
    this.element = stage ?? undefined;
    if (stage) this.observer.observe(stage);
  }

  get ready(): boolean {
    return this.width > 0 && this.height > 0;
  }

  private optionsNow(): LayoutOptions {
    const context = document.createElement('canvas').getContext('2d')!;
    return { width: this.width, height: this.height, seed: this.options.seed(), measure: canvasMeasure(context, this.options.font()), padding: 3, ...sizesFor(this.width, this.height) };
  }

  private onResize(): void {
    if (!this.ready) return;
    if (this.options.isStatic()) {
      void this.layStatic();
      return;
    }
    // A new area: laid out again from the words as they are (fonts sized to the area).
    this.rebuild();
  }

  /**
   * Lays out every word in one whole layout (`IncrementalCloud.setAll`, the same as
   * `layoutCloud`); a large list (`WORKER_THRESHOLD` words or more) in the worker, with the cloud
   * going on incrementally from the worker's result (`IncrementalCloud.from`). Answers that
   * arrive meanwhile are added once the result is in. Adding 1,000 words one by one instead would
   * lay the cloud out again hundreds of times on the way.
   */
  private rebuild(): void {
    const run = ++this.buildRun;
    const options = this.optionsNow();
    const words = [...this.words.values()];
    if (words.length < WORKER_THRESHOLD) {
      const before = this.positions();
      this.cloud = new IncrementalCloud(options);
      this.cloud.setAll(words);
      this.shown = new Map(this.words);
      this.building = false;
      this.via = 'main';
      this.settle(before, true);
      return;
    }
    this.building = true;
    const { measure: _measure, ...plain } = options;
    const done = (cloud: IncrementalCloud, via: StageLayoutVia): void => {
      if (run !== this.buildRun) return;
      const before = this.positions();
      this.cloud = cloud;
      this.shown = new Map(words.map((word) => [word.key, word]));
      this.building = false;
      this.via = via;
      // What changed while the worker was busy goes in incrementally (or, when much did, in another whole layout).
      if (!this.catchUp(before)) this.settle(before, true);
    };
    // When the worker fails, or its result does not fit the page's measurements, the page lays the words out.
    const onPage = (): void => {
      if (run !== this.buildRun) return;
      const cloud = new IncrementalCloud(options);
      cloud.setAll(words);
      done(cloud, 'main');
    };
    void layoutInWorker(words, plain, this.options.font()).then((layout) => {
      if (run !== this.buildRun) return;
      let cloud: IncrementalCloud;
      try {
        cloud = IncrementalCloud.from(layout, options);
      } catch {
        return onPage();
      }
      done(cloud, layout.via);
    }, onPage);
  }

  /** Sets the words to show: new ones take free space, grown ones grow in place, removed ones go. */
  update(words: readonly CloudWord[]): void {
    const next = new Map(words.map((word) => [word.key, word]));
    const changed = words.length !== this.words.size || words.some((word) => {
      const old = this.words.get(word.key);
      return !old || old.weight !== word.weight || old.text !== word.text;
    });
    if (!changed) return;
    this.words = next;
    if (!this.ready) return;
    if (this.options.isStatic()) {
      void this.layStatic();
      return;
    }
    if (this.building) return;
    this.catchUp(this.positions());
  }

  /**
   * Brings the cloud from the words it shows to the words wanted: incrementally, or in one whole
   * layout when there is no cloud yet or more than `BULK` words are new or changed. False when
   * nothing changed.
   */
  private catchUp(before: Map<string, string>): boolean {
    const fresh = [...this.words.values()].filter((word) => {
      const old = this.shown.get(word.key);
      return !old || old.weight !== word.weight || old.text !== word.text;
    });
    const gone = [...this.shown.keys()].filter((key) => !this.words.has(key));
    if (this.cloud && fresh.length === 0 && gone.length === 0) return false;
    if (!this.cloud || fresh.length > BULK) {
      this.rebuild();
      return true;
    }
    for (const key of gone) this.cloud.remove(key);
    let relayout = false;
    for (const word of byWeight(fresh)) relayout = this.cloud.set(word).relayout || relayout;
    this.shown = new Map(this.words);
    this.via = 'incremental';
    this.settle(before, relayout);
    return true;
  }

  private positions(): Map<string, string> {
    return new Map(this.layout.placed.map((word) => [word.key, `${word.x},${word.y},${word.fontSize},${word.rotate}`]));
  }

  private settle(before: Map<string, string>, relayout: boolean): void {
    this.layout = this.cloud!.layout();
    this.moving = new Set(relayout ? this.layout.placed.filter((word) => before.has(word.key) && before.get(word.key) !== `${word.x},${word.y},${word.fontSize},${word.rotate}`).map((word) => word.key) : []);
    this.host.requestUpdate();
  }

  /** A static list: laid out whole, in the worker when it is large. */
  private async layStatic(): Promise<void> {
    const run = ++this.staticRun;
    const words = [...this.words.values()];
    const { measure: _measure, ...options } = this.optionsNow();
    const layout = await layoutInWorker(words, options, this.options.font(), { mode: words.length >= WORKER_THRESHOLD ? 'auto' : 'main' });
    if (run !== this.staticRun) return;
    this.layout = layout;
    this.via = layout.via;
    this.moving = new Set();
    this.host.requestUpdate();
  }

  /** The SVG of the placed words; `label(word)` names each for assistive technology. */
  render(label: (word: PlacedWord) => string, className: (word: PlacedWord) => string): TemplateResult {
    return svg`${repeat(
      this.layout.placed,
      (word) => word.key,
      (word) =>
        svg`<text
          class="word tone-${toneOf(word.key)} ${this.moving.has(word.key) ? 'moving' : ''} ${className(word)}"
          data-key=${word.key}
          role="button"
          tabindex="-1"
          aria-label=${label(word)}
          text-anchor="middle"
          y=${word.baseline ?? word.fontSize * 0.35}
          font-size=${word.fontSize}
          style=${styleMap({ transform: `translate(${word.x}px, ${word.y}px)${word.rotate === 90 ? ' rotate(-90deg)' : ''}` })}
        >${word.text}</text>`,
    )}`;
  }

  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }
}
