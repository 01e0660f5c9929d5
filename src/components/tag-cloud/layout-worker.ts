/**
 * The tag cloud's layout worker: receives `{ id, words, options, font }`, measures with an
 * OffscreenCanvas in `font`, runs `layoutCloud` and posts `{ id, layout }` (or `{ id, error }`).
 * Started by `layoutInWorker` (layout-client.ts) for large lists, so the page has no long task.
 */
import { layoutCloud, type CloudWord, type LayoutOptions } from '../../core/cloud/layout.js';
import { canvasMeasure, fontAt, type CloudFont } from './layout-client-measure.js';

/** What the page sends: the layout options without `measure`, which the worker makes itself. */
export interface LayoutRequest {
  id: number;
  words: CloudWord[];
  options: Omit<LayoutOptions, 'measure'>;
  font: CloudFont;
  /** The page's width of `text` at `size` pixels in `font`: when the worker measures another, it lacks the page's font. */
  probe: { text: string; size: number; width: number | undefined };
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: unknown): void };
let context: OffscreenCanvasRenderingContext2D | null = null;

scope.onmessage = ({ data: { id, words, options, font, probe } }) => {
  try {
    context ??= typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    if (!context) {
      scope.postMessage({ id, fontMismatch: true });
      return;
    }
    if (probe.width !== undefined) {
      context.font = fontAt(font, probe.size);
      if (Math.abs(context.measureText(probe.text).width - probe.width) > 0.5) {
        // A web font the page has loaded and this worker has not: the page must measure.
        scope.postMessage({ id, fontMismatch: true });
        return;
      }
    }
    const layout = layoutCloud(words, { ...options, measure: canvasMeasure(context, font) });
    scope.postMessage({ id, layout });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
