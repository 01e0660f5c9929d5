/**
 * Lays out a tag cloud without a long task on the page: a large list goes to a module worker
 * (layout-worker.ts), which measures with OffscreenCanvas and runs `layoutCloud`; a small list
 * (fewer than `WORKER_THRESHOLD` words) is laid out on the main thread at once, and when no
 * worker can start (a strict CSP without `worker-src 'self'`, Trusted Types without the
 * `osallistu-worker` policy, the library loaded from another origin such as a CDN, no Worker at
 * all) or the worker's fonts differ from the page's (a web font the worker has not loaded),
 * the main thread lays it out in steps of a few words, yielding between them.
 *
 * The result is the same layout either way for the same measurements: the worker and the page
 * run the same `layoutCloud` with the same seed.
 */
import { layoutCloud, layoutCloudInSteps, type CloudLayout, type CloudWord, type LayoutOptions } from '../../core/cloud/layout.js';
import { canvasMeasure, fontAt, type CloudFont } from './layout-client-measure.js';
import type { LayoutRequest } from './layout-worker.js';

export { canvasMeasure, fontAt, type CloudFont } from './layout-client-measure.js';

/** From this many words on, the layout runs in the worker. */
export const WORKER_THRESHOLD = 150;
/** Main-thread steps yield to the page after this many milliseconds. */
const STEP_BUDGET_MS = 8;
/** A text whose width tells whether the worker sets the page's font. */
const PROBE_TEXT = 'Osallistu ÅÄÖ åäö Wg 0123';
const PROBE_SIZE = 40;

export interface WorkerLayout extends CloudLayout {
  /** Where it ran: in the worker, on the main thread at once (a small list), or on the main thread in steps (the fallback). */
  via: 'worker' | 'main' | 'steps';
}

export interface LayoutRun {
  /** `auto` (default): the worker for large lists; `main`: never the worker; `worker`: the worker whatever the size (still falling back when it cannot start). */
  mode?: 'auto' | 'main' | 'worker';
  /** Stops waiting: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

type Reply = { id: number; layout: CloudLayout } | { id: number; error: string } | { id: number; fontMismatch: true };

interface Pending {
  resolve(layout: CloudLayout): void;
  /** `undefined`: the worker cannot do it, lay out on the main thread. */
  reject(error: Error | undefined): void;
}

let worker: Worker | undefined;
/** Once a worker has failed to start, every later layout runs on the main thread. */
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

type WorkerClass = new (url: URL, options: WorkerOptions) => Worker;
type Policy = { createScriptURL(url: string): unknown };
let policy: Policy | undefined;

/**
 * `Worker`, or where the page has Trusted Types, a `Worker` whose URL passes the
 * `osallistu-worker` policy (which allows this one script and nothing else). Creating the policy
 * throws when the page enforces Trusted Types without allowing that name: then no worker.
 */
function workerClass(): WorkerClass {
  const trusted = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): Policy } }).trustedTypes;
  if (!trusted) return globalThis.Worker;
  policy ??= trusted.createPolicy('osallistu-worker', {
    createScriptURL: (candidate) => {
      if (!/\/layout-worker[^/]*\.[jt]s$/.test(new URL(candidate).pathname)) throw new TypeError(`osallistu-worker starts the cloud's layout worker only, not ${candidate}`);
      return candidate;
    },
  });
  const allowed = policy;
  return class extends globalThis.Worker {
    constructor(url: URL, options: WorkerOptions) {
      super(allowed.createScriptURL(url.href) as string, options);
    }
  };
}

/**
 * Starts the worker. Written as `new Worker(new URL('./layout-worker.ts', import.meta.url), …)`
 * with a literal path: that is the form Vite recognises to bundle the worker into its own file and
 * to rewrite the URL (web-test-runner serves the `.ts` path transformed). `Worker` here is the
 * class from `workerClass`.
 */
function launch(Worker: WorkerClass): Worker {
  return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'osallistu-cloud-layout' });
}

function giveUp(): void {
  unavailable = true;
  worker?.terminate();
  worker = undefined;
  for (const [id, request] of pending) {
    pending.delete(id);
    request.reject(undefined);
  }
}

function startWorker(): Worker | undefined {
  if (worker) return worker;
  if (unavailable || typeof Worker === 'undefined') return undefined;
  try {
    worker = launch(workerClass());
  } catch {
    // Another origin than the page's, a CSP or Trusted Types refusing it: no worker here.
    unavailable = true;
    return undefined;
  }
  // Fired when the script cannot load (CSP worker-src, 404) or throws while starting.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    giveUp();
  });
  worker.addEventListener('messageerror', giveUp);
  worker.addEventListener('message', ({ data }: MessageEvent<Reply>) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if ('layout' in data) request.resolve(data.layout);
    else if ('error' in data) request.reject(new Error(data.error));
    else request.reject(undefined);
  });
  return worker;
}

function probeWidth(font: CloudFont): number | undefined {
  const context = scratchContext();
  if (!context) return undefined;
  context.font = fontAt(font, PROBE_SIZE);
  return context.measureText(PROBE_TEXT).width;
}

let scratch: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
function scratchContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (scratch !== undefined) return scratch;
  if (typeof document !== 'undefined') scratch = document.createElement('canvas').getContext('2d');
  else if (typeof OffscreenCanvas !== 'undefined') scratch = new OffscreenCanvas(1, 1).getContext('2d');
  else scratch = null;
  return scratch;
}

function inWorker(words: CloudWord[], options: Omit<LayoutOptions, 'measure'>, font: CloudFont): Promise<CloudLayout | undefined> {
  const started = startWorker();
  if (!started) return Promise.resolve(undefined);
  const id = nextId++;
  const request: LayoutRequest = { id, words, options, font, probe: { text: PROBE_TEXT, size: PROBE_SIZE, width: probeWidth(font) } };
  return new Promise<CloudLayout | undefined>((resolve, reject) => {
    pending.set(id, { resolve, reject: (error) => (error ? reject(error) : resolve(undefined)) });
    try {
      started.postMessage(request);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

function measureFor(font: CloudFont): LayoutOptions['measure'] {
  const context = scratchContext();
  if (!context) throw new Error('no 2D canvas to measure the words with');
  return canvasMeasure(context, font);
}

async function inSteps(words: CloudWord[], options: LayoutOptions, signal: AbortSignal | undefined): Promise<CloudLayout> {
  const steps = layoutCloudInSteps(words, options, 20);
  let since = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since > STEP_BUDGET_MS) {
      await yieldToPage();
      since = performance.now();
    }
  }
}

/**
 * Lays out `words` in the area of `options`, measuring them in `font` (a CSS font family, or
 * family, weight and style): in the worker for a large list, else on the main thread.
 */
export async function layoutInWorker(words: CloudWord[], options: Omit<LayoutOptions, 'measure'>, font: CloudFont, run: LayoutRun = {}): Promise<WorkerLayout> {
  const { mode = 'auto', signal } = run;
  signal?.throwIfAborted();
  const plain = { ...options } as LayoutOptions;
  delete (plain as Partial<LayoutOptions>).measure;
  if (mode === 'main' || (mode === 'auto' && words.length < WORKER_THRESHOLD)) {
    return { ...layoutCloud(words, { ...plain, measure: measureFor(font) }), via: 'main' };
  }
  const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  const fromWorker = await Promise.race([inWorker(words, plain, font), aborted]);
  if (fromWorker) return { ...fromWorker, via: 'worker' };
  return { ...(await inSteps(words, { ...plain, measure: measureFor(font) }, signal)), via: 'steps' };
}

/** Forgets the worker (tests; a page that wants its memory back). The next large layout starts a new one. */
export function resetLayoutWorker(): void {
  giveUp();
  unavailable = false;
}
