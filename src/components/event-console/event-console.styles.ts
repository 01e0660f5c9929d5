import { css } from 'lit';

/** A product dashboard: a bar, cards on a raised background, two columns on wide screens and one on a phone. */
export const consoleStyles = css`
  :host {
    --_max: var(--osa-event-console-max-width, 1200px);
    --_background: var(--osa-event-console-background, var(--_surface-raised));
    --_shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 4px 16px rgb(0 0 0 / 0.06);
    display: block;
    background: var(--_background);
    min-height: 100%;
  }
  .bar {
    display: flex;
    align-items: baseline;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    background: var(--_surface);
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
  }
  .brand {
    font-weight: 800;
    font-size: 1.25em;
    color: var(--_accent);
    letter-spacing: -0.02em !important;
  }
  .product {
    color: var(--_text-muted);
    font-weight: 600;
  }
  .offline {
    border-radius: 0;
  }
  .main {
    max-width: var(--_max);
    margin: 0 auto;
    padding: var(--_space-l) var(--_space-m) var(--_space-xl);
    display: grid;
    gap: var(--_space-m);
  }
  h1 {
    font-size: 1.75em;
    line-height: 1.2;
    margin: 0 0 var(--_space-xs);
  }
  .lead {
    font-size: 1.125em;
    color: var(--_text-muted);
    max-width: 60ch;
  }
  .intro {
    display: grid;
    justify-items: start;
    gap: var(--_space-s);
  }
  .big {
    font-size: 1.0625em;
    padding: var(--_space-s) var(--_space-l);
  }
  .card {
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, var(--_border) 30%, transparent);
    border-radius: calc(var(--_radius) * 1.5);
    box-shadow: var(--_shadow);
    padding: var(--_space-m);
    margin: 0;
    min-width: 0;
  }
  .start-grid,
  .settings-grid {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
    align-items: start;
  }
  .event-grid {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }
  @media (min-width: 900px) {
    .event-grid {
      grid-template-columns: minmax(280px, 1fr) minmax(0, 2.2fr);
    }
  }
  .column {
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  .stack {
    display: grid;
    gap: var(--_space-m);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .hint,
  .meta,
  .empty {
    color: var(--_text-muted);
  }
  .hint {
    font-size: 0.9375em;
    margin: 0;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    margin: var(--_space-xs) 0 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  code.id {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875em;
    padding: 1px 6px;
    border-radius: 4px;
    background: var(--_surface-raised);
  }
  button.link {
    border-color: transparent;
    padding-inline: var(--_space-xs);
    background: transparent;
  }
  button.link:hover {
    text-decoration: underline;
  }
  .crumbs {
    margin-bottom: calc(-1 * var(--_space-s));
  }
  .loading {
    color: var(--_text-muted);
  }
  .notice:focus {
    outline: none;
  }
  h1[tabindex='-1']:focus,
  h3[tabindex='-1']:focus {
    outline: none;
  }
  /* Events on this device */
  .event-list,
  .activity-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .event-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 25%, transparent);
  }
  .event-item:last-child {
    border-bottom: 0;
  }
  .event-name {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .event-name .title {
    font-weight: 700;
  }
  /* Templates */
  .templates {
    border: 0;
    padding: 0;
  }
  .templates legend {
    padding: 0;
    margin-bottom: var(--_space-s);
  }
  .template-grid {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
  }
  .template-card {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-m);
    border: 2px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: calc(var(--_radius) * 1.5);
    cursor: pointer;
    font-weight: 400;
    transition: border-color var(--_duration), background-color var(--_duration);
  }
  .template-card:hover {
    border-color: var(--_accent);
  }
  .template-card:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .template-card input {
    margin-top: 2px;
  }
  .template-name {
    font-weight: 700;
  }
  .template-about {
    grid-column: 2;
    color: var(--_text-muted);
    font-size: 0.9375em;
    display: grid;
    gap: var(--_space-xs);
  }
  .template-includes {
    font-weight: 600;
    color: var(--_text);
  }
  .title-grid {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr));
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    min-height: 44px;
    font-weight: 400;
  }
  /* Copy fields */
  .copy-field {
    display: grid;
    gap: var(--_space-xs);
  }
  .copy-row {
    display: flex;
    gap: var(--_space-s);
    align-items: start;
  }
  .copy-row input,
  .copy-row textarea {
    flex: 1;
    min-width: 0;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_surface-raised);
  }
  .copy-row textarea {
    resize: vertical;
  }
  input.secret {
    font-size: 1em;
    font-weight: 700;
    letter-spacing: 0.02em !important;
  }
  button.copied {
    border-color: var(--_success);
    color: var(--_success);
  }
  a.button {
    text-decoration: none;
  }
  .key-warning {
    margin: var(--_space-s) 0;
  }
  .created {
    display: grid;
    gap: var(--_space-m);
    max-width: 760px;
  }
  /* Tabs */
  .tabs {
    display: flex;
    gap: var(--_space-xs);
    overflow-x: auto;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    scrollbar-width: thin;
  }
  .tabs [role='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: var(--_text-muted);
    white-space: nowrap;
    flex: none;
  }
  .tabs [role='tab'][aria-selected='true'] {
    color: var(--_accent);
    border-bottom-color: var(--_accent);
  }
  .tabs [role='tab']:focus-visible {
    outline-offset: -3px;
  }
  .tab-panel {
    display: grid;
    gap: var(--_space-m);
  }
  .panel {
    padding-top: var(--_space-m);
  }
  /* Activities */
  .activity {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    gap: var(--_space-s);
    border: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
    color: var(--_text);
    font-weight: 400;
    padding: var(--_space-s);
  }
  .activity[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    background: var(--_accent-soft);
  }
  .activity-text {
    display: grid;
    gap: var(--_space-xs);
    min-width: 0;
  }
  .activity .title {
    font-weight: 700;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .chip {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_surface-raised);
    color: var(--_text);
  }
  .chip.phase-open,
  .chip.phase-collect,
  .chip.phase-vote {
    color: var(--_success);
  }
  .chip.phase-closed {
    color: var(--_text-muted);
  }
  .kind-icon {
    flex: none;
    width: 36px;
    height: 36px;
    border-radius: var(--_radius);
    background: var(--_accent-soft);
    display: grid;
    place-items: center;
    color: var(--_accent);
    font-weight: 800;
  }
  .kind-board::before {
    content: '⇅';
  }
  .kind-feedback::before {
    content: '☰';
  }
  .kind-cloud::before {
    content: '☁';
  }
  .kind-workshops::before {
    content: '▦';
  }
  .detail .meta {
    margin-bottom: var(--_space-s);
  }
  .share {
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: minmax(0, 1fr);
  }
  .share-links {
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  .qr {
    margin: 0;
    max-width: 320px;
    padding: var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
    --osa-join-code-size: 160px;
    --osa-join-code-address-size: 0.875em;
  }
  .copy-row button {
    white-space: nowrap;
    flex: none;
  }
  .confirm {
    display: grid;
    gap: var(--_space-s);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .new-key {
    display: grid;
    gap: var(--_space-s);
  }
`;
