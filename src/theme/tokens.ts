import { css } from 'lit';

/**
 * The global design tokens and the host reset every element starts from.
 *
 * A page themes all elements at once by setting the public tokens (`--osa-color-accent`,
 * `--osa-radius`, …) on any ancestor; each element's own custom properties fall back to them.
 * Defaults meet WCAG 2.1 AA contrast in both schemes. The scheme is the host page's own
 * `color-scheme` (inherited: a page that declares none is light, one that declares `light dark`
 * follows the visitor's system), not the visitor's system regardless of the page: a light CMS page
 * keeps a light widget. `--osa-color-scheme: light` (or `dark`, or `light dark`) overrides it.
 * A page's own `--osa-color-accent` is kept AA in both schemes: darkened toward black in light and
 * lightened toward white in dark (in OKLab, as far as contrast needs), and its soft variant follows it.
 *
 * The reset shields the element from hostile page CSS: inherited text properties are set
 * explicitly, sizes are in px (not rem, which follows the page's `html { font-size }`), and
 * `box-sizing` is set inside the shadow root. A page rule that matches the host element itself
 * (`* { margin: 7px; line-height: 1 }`) beats a `:host` rule whatever its specificity, and what it
 * sets on the host is inherited inside: so the host's margin, box model and inherited text
 * properties are `!important` (a page spaces an element with a wrapper, and themes it with the tokens).
 */
export const tokens = css`
  :host {
    /* Without --osa-color-scheme this is invalid at computed-value time, so the page's color-scheme is inherited. */
    color-scheme: var(--osa-color-scheme);
    --_text: var(--osa-color-text, light-dark(#1b1f24, #eef1f5));
    --_text-muted: var(--osa-color-text-muted, light-dark(#4a5561, #b4bec9));
    --_surface: var(--osa-color-surface, light-dark(#ffffff, #16191d));
    --_surface-raised: var(--osa-color-surface-raised, light-dark(#f3f5f8, #22272d));
    --_border: var(--osa-color-border, light-dark(#6b7785, #8793a0));
    /*
     * Defined only when the page sets --osa-color-accent (a var() of an unset property makes these
     * unset): at most OKLab lightness 0.5 in light (at least 4.5:1 on white, so white text on it too)
     * and at least 0.75 in dark (at least 4.5:1 on the dark surfaces, dark text on it). Lowering
     * lightness and chroma in proportion is a mix with black, which stays in sRGB; raising lightness
     * while chroma shrinks in proportion to 1 − l is a mix with white, which stays close to it.
     */
    --_accent-own: light-dark(
      oklch(from var(--osa-color-accent) min(l, 0.5) calc(c * min(1, 0.5 / l)) h),
      oklch(from var(--osa-color-accent) max(l, 0.75) calc(c * min(1, 0.25 / (1 - l))) h)
    );
    --_accent-soft-own: light-dark(oklch(from var(--osa-color-accent) 0.95 min(c, 0.03) h), oklch(from var(--osa-color-accent) 0.3 min(c, 0.05) h));
    --_accent: var(--_accent-own, light-dark(#0a58b0, #7cb8ff));
    --_on-accent: var(--osa-color-on-accent, light-dark(#ffffff, #0b1420));
    --_accent-soft: var(--osa-color-accent-soft, var(--_accent-soft-own, light-dark(#e4eefa, #1c2c40)));
    --_danger: var(--osa-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--osa-color-success, light-dark(#1d6b35, #8fd8a6));
    --_warning: var(--osa-color-warning, light-dark(#8a5300, #ffc979));
    --_focus: var(--osa-focus-ring-color, light-dark(#0a58b0, #ffd166));
    --_focus-width: var(--osa-focus-ring-width, 3px);
    --_space-xs: var(--osa-space-xs, 4px);
    --_space-s: var(--osa-space-s, 8px);
    --_space-m: var(--osa-space-m, 16px);
    --_space-l: var(--osa-space-l, 24px);
    --_space-xl: var(--osa-space-xl, 40px);
    --_radius: var(--osa-radius, 8px);
    --_font: var(--osa-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--osa-font-size, 16px);
    --_duration: var(--osa-duration, 160ms);

    display: block;
    box-sizing: border-box !important;
    margin: 0 !important;
    color: var(--_text) !important;
    font-family: var(--_font) !important;
    font-size: var(--_font-size) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    white-space: normal !important;
    overflow-wrap: anywhere !important;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
    *,
    *::before,
    *::after {
      animation-duration: 0ms !important;
      transition-duration: 0ms !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :host {
      --_accent: Highlight;
      --_on-accent: HighlightText;
      --_border: CanvasText;
      --_focus: Highlight;
      --_text: CanvasText;
      --_surface: Canvas;
      --_surface-raised: Canvas;
    }
  }
`;

/**
 * Shared control styles: buttons, inputs and messages look the same in every element.
 */
export const controls = css`
  /* Groups of settings (an organiser's phases, options), as every element draws them. */
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--_space-xs);
  }
  [role='radiogroup'] button[aria-checked='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button,
  .button {
    all: revert;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-xs);
    min-height: 44px;
    min-width: 44px;
    padding: var(--_space-s) var(--_space-m);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
    transition: background-color var(--_duration), color var(--_duration);
  }
  button:hover {
    background: var(--_accent-soft);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.primary:hover {
    filter: brightness(1.1);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  input,
  textarea,
  select {
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s);
    min-height: 44px;
    width: 100%;
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 1px;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 22px;
    height: 22px;
    min-height: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }
  label {
    font-weight: 600;
  }
  h2,
  h3 {
    margin: 0 0 var(--_space-s);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0 0 var(--_space-s);
  }
  .message {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface-raised);
  }
  .message.error {
    border-color: var(--_danger);
  }
  .message.success {
    border-color: var(--_success);
  }
  .message.warning {
    border-color: var(--_warning);
  }
`;
