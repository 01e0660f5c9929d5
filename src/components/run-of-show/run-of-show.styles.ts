import { css } from 'lit';

export const runOfShowStyles = css`
  .run-of-show {
    display: grid;
    gap: var(--_space-m);
  }
  .activities {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--osa-run-of-show-columns, 34em)), 1fr));
  }
  .activities:empty {
    display: none;
  }
  .activity {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-m);
  }
  .head h3 {
    margin: 0;
    font-size: 1.25em;
  }
  .kind {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  .phases {
    display: flex;
    flex-wrap: wrap;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  /* Each phase draws its own edges, so the control stays a grid of cells when it wraps onto several rows. */
  .phases button {
    flex: 1 1 auto;
    min-height: 52px;
    border: 0;
    border-radius: 0;
    box-shadow: 0 0 0 1px var(--_accent);
    font-size: 1.0625em;
  }
  .phases button:focus-visible {
    outline-offset: -5px;
  }
  .phases button[aria-checked='true']::before {
    content: '✓';
    margin-inline-end: var(--_space-xs);
  }
  .phases[aria-busy='true'] button {
    cursor: progress;
  }
  .step {
    display: inline-grid;
    place-items: center;
    min-width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    border: 1px solid currentColor;
    font-size: 0.8em;
    margin-inline-end: var(--_space-xs);
  }
  .phases button[aria-checked='true'] .step {
    display: none;
  }
  .sees {
    margin: 0;
    font-size: 1.0625em;
  }
  .counts {
    margin: 0;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_text-muted);
  }
  .small {
    font-size: 0.875em;
  }
  .intro {
    margin: 0;
  }
  h2 {
    margin: 0;
  }
  .message p:last-child {
    margin-bottom: 0;
  }
`;
