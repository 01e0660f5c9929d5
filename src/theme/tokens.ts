import { css } from 'lit';

/**
 * The global design tokens and the host reset every element starts from.
 *
 * A page themes all elements at once by setting the public tokens (`--osa-color-accent`,
 * `--osa-radius`, …) on any ancestor; each element's own custom properties fall back to them.
 * Defaults meet WCAG 2.1 AA contrast in both schemes. `light-dark()` follows
 * `prefers-color-scheme` unless the page pins `--osa-color-scheme: light` (or `dark`).
 *
 * The reset shields the element from hostile page CSS: inherited text properties are set
 * explicitly, sizes are in px (not rem, which follows the page's `html { font-size }`), and
 * `box-sizing` is set inside the shadow root.
 */
export const tokens = css`
  :host {
    color-scheme: var(--osa-color-scheme, light dark);
    --_text: var(--osa-color-text, light-dark(#1b1f24, #eef1f5));
    --_text-muted: var(--osa-color-text-muted, light-dark(#4a5561, #b4bec9));
    --_surface: var(--osa-color-surface, light-dark(#ffffff, #16191d));
    --_surface-raised: var(--osa-color-surface-raised, light-dark(#f3f5f8, #22272d));
    --_border: var(--osa-color-border, light-dark(#6b7785, #8793a0));
    --_accent: var(--osa-color-accent, light-dark(#0a58b0, #7cb8ff));
    --_on-accent: var(--osa-color-on-accent, light-dark(#ffffff, #0b1420));
    --_accent-soft: var(--osa-color-accent-soft, light-dark(#e4eefa, #1c2c40));
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

    box-sizing: border-box;
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    overflow-wrap: anywhere;
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
