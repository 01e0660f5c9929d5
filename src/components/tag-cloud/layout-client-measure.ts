/**
 * Text extents from a 2D canvas (a page's canvas or a worker's OffscreenCanvas) for the cloud's
 * layout: the box of a word set with `text-anchor: middle` and its baseline at `ascent`, wide
 * and tall enough for the font's line box and for every painted pixel (ink may reach past the
 * advance, e.g. an italic or a "j" at the start), so boxes that do not overlap never paint over
 * each other.
 */
import type { MeasureText } from '../../core/cloud/layout.js';

/** The font the cloud's words are set in: a CSS font family list, or family with weight and style. */
export type CloudFont = string | { family: string; weight?: string | number; style?: string };

/** The CSS `font` shorthand of `font` at `size` pixels. */
export function fontAt(font: CloudFont, size: number): string {
  const { family, weight = 'normal', style = 'normal' } = typeof font === 'string' ? { family: font } : font;
  return `${style} ${weight} ${size}px ${family}`;
}

type Context2D = Pick<CanvasRenderingContext2D, 'font' | 'measureText'>;

/** A `MeasureText` for the layout that measures with `context` in `font`. */
export function canvasMeasure(context: Context2D, font: CloudFont): MeasureText {
  let current = -1;
  return (text, fontSize) => {
    if (fontSize !== current) {
      context.font = fontAt(font, fontSize);
      current = fontSize;
    }
    const metrics = context.measureText(text);
    const advance = metrics.width;
    const half = Math.max(advance / 2, metrics.actualBoundingBoxLeft + advance / 2, metrics.actualBoundingBoxRight - advance / 2);
    const ascent = Math.max(metrics.fontBoundingBoxAscent || fontSize * 0.9, metrics.actualBoundingBoxAscent);
    const descent = Math.max(metrics.fontBoundingBoxDescent || fontSize * 0.25, metrics.actualBoundingBoxDescent);
    return { width: Math.ceil(2 * half), height: Math.ceil(ascent + descent), ascent };
  };
}
