/**
 * The theming guide's worked example (docs/theming.md): the elements in the colours of a made-up
 * Finnish city, Esimerkkilä, whose look is a deep lake blue and a spruce green. The guide's CSS is
 * written from this file (`node scripts/theming-tables.mjs`), the Storybook story applies it, and
 * src/theme/city-theme.test.ts holds every colour pair it sets to WCAG 2.1 AA in light and dark.
 */
import { contrastRatio, mix } from './contrast.js';

/** A colour for each scheme: `[light, dark]`, each `#rrggbb`. */
export type SchemeColours = readonly [light: string, dark: string];

export type Scheme = 'light' | 'dark';

/** The global colour tokens (src/theme/tokens.ts). */
export type ColourToken =
  | '--osa-color-text'
  | '--osa-color-text-muted'
  | '--osa-color-surface'
  | '--osa-color-surface-raised'
  | '--osa-color-border'
  | '--osa-color-accent'
  | '--osa-color-on-accent'
  | '--osa-color-accent-soft'
  | '--osa-color-danger'
  | '--osa-color-success'
  | '--osa-color-warning'
  | '--osa-focus-ring-color';

export interface ExampleTheme {
  /** Every global colour token, for light and dark. */
  colours: Record<ColourToken, SchemeColours>;
  /** Element custom properties the example sets, for light and dark. */
  elementColours: Record<string, SchemeColours>;
  /** Tokens that are not colours. */
  other: Record<string, string>;
}

export const CITY_THEME: ExampleTheme = {
  colours: {
    '--osa-color-surface': ['#ffffff', '#0d1b2a'],
    '--osa-color-surface-raised': ['#eef3f8', '#172a3d'],
    '--osa-color-text': ['#13202e', '#edf2f7'],
    '--osa-color-text-muted': ['#465566', '#b2c0cf'],
    '--osa-color-border': ['#5f6f80', '#8397ab'],
    '--osa-color-accent': ['#004a8f', '#8ec5ff'],
    '--osa-color-on-accent': ['#ffffff', '#06182b'],
    '--osa-color-accent-soft': ['#e1ecf7', '#1b3654'],
    '--osa-color-success': ['#1b6b3a', '#8bd5a2'],
    '--osa-color-danger': ['#b3261e', '#ffb4ab'],
    '--osa-color-warning': ['#8a5300', '#ffc979'],
    '--osa-focus-ring-color': ['#1b6b3a', '#9fe0b0'],
  },
  elementColours: {
    '--osa-priority-board-bar-color': ['#1b6b3a', '#8bd5a2'],
    '--osa-workshop-picker-fill-color': ['#1b6b3a', '#8bd5a2'],
  },
  other: {
    '--osa-radius': '4px',
  },
};

/** A property the example sets, or a background the elements mix from two of them. */
export type ColourRef = string | { tint: string; share: number; over: string };

export interface ColourPair {
  foreground: ColourRef;
  background: ColourRef;
  /** 4.5 for text (WCAG 1.4.3), 3 for the graphical parts of controls and charts (1.4.11). */
  minimum: 4.5 | 3;
  /** Where the elements draw this pair. */
  where: string;
}

/**
 * Every pair of the example's colours that the elements draw one on the other. Nothing relies on
 * the large-text exception: every text pair needs 4.5:1.
 */
export const CITY_PAIRS: readonly ColourPair[] = [
  { foreground: '--osa-color-text', background: '--osa-color-surface', minimum: 4.5, where: 'body text' },
  { foreground: '--osa-color-text', background: '--osa-color-surface-raised', minimum: 4.5, where: 'text on panels, cards and messages' },
  { foreground: '--osa-color-text', background: '--osa-color-accent-soft', minimum: 4.5, where: 'text on a highlighted row or band' },
  { foreground: '--osa-color-text-muted', background: '--osa-color-surface', minimum: 4.5, where: 'hints and counters' },
  { foreground: '--osa-color-text-muted', background: '--osa-color-surface-raised', minimum: 4.5, where: 'hints on panels' },
  { foreground: '--osa-color-accent', background: '--osa-color-surface', minimum: 4.5, where: 'outline buttons, links, the first word colour of the cloud' },
  { foreground: '--osa-color-accent', background: '--osa-color-surface-raised', minimum: 4.5, where: 'outline buttons on panels' },
  { foreground: '--osa-color-accent', background: '--osa-color-accent-soft', minimum: 4.5, where: 'an outline button under the pointer' },
  { foreground: '--osa-color-on-accent', background: '--osa-color-accent', minimum: 4.5, where: 'primary buttons, the chosen option' },
  { foreground: '--osa-color-danger', background: '--osa-color-surface', minimum: 4.5, where: 'errors, a full workshop' },
  { foreground: '--osa-color-danger', background: '--osa-color-surface-raised', minimum: 4.5, where: 'errors on panels' },
  { foreground: '--osa-color-success', background: '--osa-color-surface', minimum: 4.5, where: 'confirmations, the third word colour of the cloud' },
  { foreground: '--osa-color-success', background: '--osa-color-surface-raised', minimum: 4.5, where: 'confirmations on panels' },
  { foreground: '--osa-color-warning', background: '--osa-color-surface', minimum: 4.5, where: 'warnings, the fourth word colour of the cloud' },
  { foreground: '--osa-color-warning', background: '--osa-color-surface-raised', minimum: 4.5, where: 'warnings on panels' },
  {
    foreground: '--osa-color-text',
    background: { tint: '--osa-color-success', share: 0.14, over: '--osa-color-surface' },
    minimum: 4.5,
    where: 'a workshop the participant has a seat in',
  },
  {
    foreground: '--osa-color-text',
    background: { tint: '--osa-color-warning', share: 0.14, over: '--osa-color-surface' },
    minimum: 4.5,
    where: 'a waitlisted workshop',
  },
  { foreground: '--osa-color-border', background: '--osa-color-surface', minimum: 3, where: 'input and card borders' },
  { foreground: '--osa-color-border', background: '--osa-color-surface-raised', minimum: 3, where: 'borders on panels' },
  { foreground: '--osa-focus-ring-color', background: '--osa-color-surface', minimum: 3, where: 'the keyboard focus ring' },
  { foreground: '--osa-focus-ring-color', background: '--osa-color-surface-raised', minimum: 3, where: 'the focus ring on panels' },
  { foreground: '--osa-priority-board-bar-color', background: '--osa-color-surface', minimum: 3, where: 'the board\'s score bars' },
  { foreground: '--osa-workshop-picker-fill-color', background: '--osa-color-surface', minimum: 3, where: 'the picker\'s fill bars' },
];

const index: Record<Scheme, 0 | 1> = { light: 0, dark: 1 };

/** The `#rrggbb` colour a reference stands for in a scheme. */
export function resolveColour(theme: ExampleTheme, ref: ColourRef, scheme: Scheme): string {
  if (typeof ref !== 'string') return mix(resolveColour(theme, ref.tint, scheme), ref.share, resolveColour(theme, ref.over, scheme));
  const colours = (theme.colours as Record<string, SchemeColours>)[ref] ?? theme.elementColours[ref];
  if (!colours) throw new Error(`The example does not set ${ref}.`);
  return colours[index[scheme]];
}

/** How a reference reads in the guide: `--osa-color-text`, or `--osa-color-success 14% over --osa-color-surface`. */
export function describeColour(ref: ColourRef): string {
  return typeof ref === 'string' ? ref : `${ref.tint} ${Math.round(ref.share * 100)}% over ${ref.over}`;
}

export interface MeasuredPair extends ColourPair {
  scheme: Scheme;
  foregroundColour: string;
  backgroundColour: string;
  ratio: number;
}

/** Each pair in each scheme, with its colours and contrast ratio. */
export function measurePairs(theme: ExampleTheme, pairs: readonly ColourPair[]): MeasuredPair[] {
  return (['light', 'dark'] as const).flatMap((scheme) =>
    pairs.map((pair) => {
      const foregroundColour = resolveColour(theme, pair.foreground, scheme);
      const backgroundColour = resolveColour(theme, pair.background, scheme);
      return { ...pair, scheme, foregroundColour, backgroundColour, ratio: contrastRatio(foregroundColour, backgroundColour) };
    }),
  );
}

/**
 * The example as custom property declarations: each colour as `light-dark(light, dark)`, which
 * resolves in the scheme each element is drawn in (the page's `color-scheme`, or `--osa-color-scheme`).
 */
export function themeDeclarations(theme: ExampleTheme): Array<[property: string, value: string]> {
  const colours = Object.entries({ ...theme.colours, ...theme.elementColours }).map(([property, [light, dark]]): [string, string] => [property, `light-dark(${light}, ${dark})`]);
  return [...colours, ...Object.entries(theme.other)];
}

/** The example as the CSS rule a page adds. */
export function themeCss(theme: ExampleTheme, selector = ':root'): string {
  return `${selector} {\n${themeDeclarations(theme)
    .map(([property, value]) => `  ${property}: ${value};`)
    .join('\n')}\n}\n`;
}
