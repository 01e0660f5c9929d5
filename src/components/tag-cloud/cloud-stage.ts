import { svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { IncrementalCloud, type CloudLayout, type CloudWord, type LayoutOptions, type PlacedWord } from '../../core/cloud/layout.js';
import { canvasMeasure, layoutInWorker, WORKER_THRESHOLD, type CloudFont } from './layout-client.js';

/** How many theme colours the words cycle through (`.tone-0` … in the styles). */
export const TONES = 4;
/** A word's colour: stable for its key, so a word keeps its colour across updates. */
export function toneOf(key: string): number {
  let hash = 0;
  for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) | 0;
  return Math.abs(hash) % TONES;
}

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
  private cloud: IncrementalCloud | undefined;
  private words = new Map<string, CloudWord>();
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
    const before = this.positions();
    // A new area: laid out again from the words as they are (fonts sized to the area).
    this.rebuild();
    this.settle(before, true);
  }

  /**
   * Lays out every word at once, as `layoutCloud` would: the words go into a cloud of no area
   * (where each only joins the overflow, at no cost) and one resize lays them all out. Adding
   * 1,000 words one by one would lay the cloud out again hundreds of times on the way.
   */
  private rebuild(): void {
    const options = this.optionsNow();
    this.cloud = new IncrementalCloud({ ...options, width: 1, height: 1 });
    for (const word of byWeight([...this.words.values()])) this.cloud.set(word);
    this.cloud.resize(options.width, options.height);
  }

  /** Sets the words to show: new ones take free space, grown ones grow in place, removed ones go. */
  update(words: readonly CloudWord[]): void {
    const next = new Map(words.map((word) => [word.key, word]));
    const changed = words.length !== this.words.size || words.some((word) => {
      const old = this.words.get(word.key);
      return !old || old.weight !== word.weight || old.text !== word.text;
    });
    if (!changed) return;
    const previous = this.words;
    this.words = next;
    if (!this.ready) return;
    if (this.options.isStatic()) {
      void this.layStatic();
      return;
    }
    const before = this.positions();
    const fresh = words.filter((word) => {
      const old = previous.get(word.key);
      return !old || old.weight !== word.weight || old.text !== word.text;
    });
    if (!this.cloud || fresh.length > BULK) {
      this.rebuild();
      return this.settle(before, true);
    }
    for (const key of previous.keys()) if (!next.has(key)) this.cloud.remove(key);
    let relayout = false;
    for (const word of byWeight(fresh)) relayout = this.cloud.set(word).relayout || relayout;
    this.settle(before, relayout);
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
