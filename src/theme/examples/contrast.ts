/**
 * WCAG 2.1 contrast, computed from `#rrggbb` colours: for checking a theme's colours before they
 * reach a page (the theming guide's example, and a test that holds it to AA).
 */

/** `#rrggbb` as its three bytes. */
export function bytes(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(match[1], 16), Number.parseInt(match[2], 16), Number.parseInt(match[3], 16)];
}

/** The relative luminance of a colour (WCAG 2.1, "relative luminance"). */
export function luminance(hex: string): number {
  const [r, g, b] = bytes(hex).map((byte) => {
    const channel = byte / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * `color-mix(in srgb, a share, b)` as a browser draws it: each byte mixed and rounded. The elements
 * tint some backgrounds this way (a workshop the participant has a seat in).
 */
export function mix(a: string, share: number, b: string): string {
  const [x, y] = [bytes(a), bytes(b)];
  return `#${x.map((byte, index) => Math.round(byte * share + y[index] * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}
