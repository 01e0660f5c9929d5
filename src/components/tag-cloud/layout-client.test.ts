import { expect } from '@open-wc/testing';
import { canvasMeasure, fontAt, layoutInWorker, resetLayoutWorker, type WorkerLayout } from './layout-client.js';
import type { CloudWord, LayoutOptions, PlacedWord } from '../../core/cloud/layout.js';
import { cloudWords } from '../../../bench/cloud-layout-words.js';

const FONT = { family: 'system-ui, "DejaVu Sans", sans-serif', weight: 600 };
const AREA: Omit<LayoutOptions, 'measure'> = { width: 1100, height: 700, seed: 3, rotate: 0.2, minFontSize: 10, maxFontSize: 64 };

interface Ink {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where `word`'s glyphs paint, as the browser measures them, set centred with its baseline at `baseline` below the centre. */
function inkOf(context: CanvasRenderingContext2D, word: PlacedWord): Ink {
  context.font = fontAt(FONT, word.fontSize);
  context.textAlign = 'left';
  const metrics = context.measureText(word.text);
  const start = -metrics.width / 2;
  // Along the text (u) and across it (v), from the box centre.
  const u0 = start - metrics.actualBoundingBoxLeft;
  const u1 = start + metrics.actualBoundingBoxRight;
  const v0 = (word.baseline ?? 0) - metrics.actualBoundingBoxAscent;
  const v1 = (word.baseline ?? 0) + metrics.actualBoundingBoxDescent;
  return word.rotate === 90
    ? { left: word.x + v0, right: word.x + v1, top: word.y - u1, bottom: word.y - u0 }
    : { left: word.x + u0, right: word.x + u1, top: word.y + v0, bottom: word.y + v1 };
}

function inkOverlaps(layout: WorkerLayout): string[] {
  const context = document.createElement('canvas').getContext('2d')!;
  const inks = layout.placed.map((word) => inkOf(context, word));
  const found: string[] = [];
  inks.forEach((a, i) => {
    const word = layout.placed[i]!;
    const box = { left: word.x - word.width / 2, right: word.x + word.width / 2, top: word.y - word.height / 2, bottom: word.y + word.height / 2 };
    if (a.left < box.left - 0.01 || a.right > box.right + 0.01 || a.top < box.top - 0.01 || a.bottom > box.bottom + 0.01) found.push(`${word.text} paints outside its box`);
    for (let j = i + 1; j < inks.length; j++) {
      const b = inks[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${word.text}/${layout.placed[j]!.text}`);
    }
  });
  return found;
}

const keysOf = (words: CloudWord[], layout: WorkerLayout) => {
  expect([...layout.placed.map((word) => word.key), ...layout.overflow.map((word) => word.key)].sort()).to.deep.equal(words.map((word) => word.key).sort());
};

/**
 * Runs `layoutInWorker` inside a frame whose document carries `csp`, so that the worker meets
 * the policy a webmaster may send; returns the frame's result.
 */
async function inFrameWithPolicy(csp: string, count: number): Promise<{ via: string; placed: number; overflow: number }> {
  const client = new URL('./layout-client.ts', import.meta.url).href;
  const words = new URL('../../../bench/cloud-layout-words.ts', import.meta.url).href;
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
<script type="module">
import { layoutInWorker } from '${client}';
import { cloudWords } from '${words}';
const words = cloudWords(${count}, 4);
layoutInWorker(words, ${JSON.stringify(AREA)}, ${JSON.stringify(FONT)}).then(
  (layout) => parent.postMessage({ via: layout.via, placed: layout.placed.length, overflow: layout.overflow.length }, '*'),
  (error) => parent.postMessage({ error: String(error) }, '*'),
);
</script>`;
  const result = new Promise<{ via: string; placed: number; overflow: number; error?: string }>((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', listen);
      resolve(event.data);
    };
    window.addEventListener('message', listen);
  });
  document.body.append(frame);
  try {
    const data = await result;
    expect(data.error).to.equal(undefined);
    return data;
  } finally {
    frame.remove();
  }
}

describe('layoutInWorker', function () {
  this.timeout(60000);
  afterEach(() => resetLayoutWorker());

  it('lays out 1,000 words in the worker with no overlap of the glyphs the browser paints', async () => {
    const words = cloudWords(1000, 2);
    const layout = await layoutInWorker(words, { ...AREA, width: 1600, height: 1000 }, FONT);
    expect(layout.via).to.equal('worker');
    keysOf(words, layout);
    expect(layout.overflow).to.deep.equal([]);
    expect(layout.placed.some((word) => word.rotate === 90)).to.equal(true);
    expect(inkOverlaps(layout)).to.deep.equal([]);
    for (const word of layout.placed) {
      expect(word.x - word.width / 2).to.be.at.least(0);
      expect(word.y + word.height / 2).to.be.at.most(1000);
    }
  });

  it('gives the worker the same layout as the main thread, for the same font and seed', async () => {
    const words = cloudWords(300, 5);
    const worker = await layoutInWorker(words, AREA, FONT);
    const main = await layoutInWorker(words, AREA, FONT, { mode: 'main' });
    expect(worker.via).to.equal('worker');
    expect(main.via).to.equal('main');
    expect({ ...worker, via: '' }).to.deep.equal({ ...main, via: '' });
  });

  it('lays out a small list on the main thread at once', async () => {
    const words = cloudWords(60, 6);
    const layout = await layoutInWorker(words, AREA, FONT);
    expect(layout.via).to.equal('main');
    keysOf(words, layout);
    expect(inkOverlaps(layout)).to.deep.equal([]);
  });

  it('falls back to the main thread in steps when a CSP forbids the worker', async () => {
    const result = await inFrameWithPolicy("worker-src 'none'", 400);
    expect(result).to.deep.equal({ via: 'steps', placed: 400, overflow: 0 });
  });

  it('falls back when Trusted Types do not allow the worker policy, and uses the worker when they do', async () => {
    const refused = await inFrameWithPolicy("require-trusted-types-for 'script'; trusted-types lit-html", 400);
    expect(refused).to.deep.equal({ via: 'steps', placed: 400, overflow: 0 });
    const allowed = await inFrameWithPolicy("require-trusted-types-for 'script'; trusted-types lit-html osallistu-worker", 400);
    expect(allowed).to.deep.equal({ via: 'worker', placed: 400, overflow: 0 });
  });

  it('passes the layout\'s errors on from the worker, and stops waiting when aborted', async () => {
    const words = cloudWords(200, 7);
    const twice = [...words, { ...words[0]! }];
    let error: unknown;
    await layoutInWorker(twice, AREA, FONT).catch((caught: unknown) => (error = caught));
    expect(String(error)).to.contain('is used twice');
    const controller = new AbortController();
    const pending = layoutInWorker(words, AREA, FONT, { signal: controller.signal });
    controller.abort(new Error('closed'));
    let reason: unknown;
    await pending.catch((caught: unknown) => (reason = caught));
    expect(String(reason)).to.contain('closed');
    // The worker still serves the next layout.
    expect((await layoutInWorker(words, AREA, FONT)).via).to.equal('worker');
  });

  it('measures a word wide and tall enough for its line box and its ink', () => {
    const context = document.createElement('canvas').getContext('2d')!;
    const measure = canvasMeasure(context, FONT);
    const plain = measure('Åland jäähalli', 40);
    context.font = fontAt(FONT, 40);
    const metrics = context.measureText('Åland jäähalli');
    expect(plain.width).to.be.at.least(metrics.width);
    expect(plain.height).to.be.at.least(metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent);
    expect(plain.ascent).to.be.at.least(metrics.actualBoundingBoxAscent);
  });
});
