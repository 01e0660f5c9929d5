import { css } from 'lit';

export const pickerStyles = css`
  :host {
    --_gap: var(--osa-workshop-picker-gap, var(--_space-m));
    --_card-min: var(--osa-workshop-picker-card-min-width, 260px);
    --_fill: var(--osa-workshop-picker-fill-color, var(--_accent));
    --_fill-full: var(--osa-workshop-picker-full-color, var(--_danger));
    --_mine: var(--osa-workshop-picker-mine-color, var(--_success));
    --_hairline: color-mix(in srgb, var(--_border) 45%, var(--_surface));
    container-type: inline-size;
  }

  /* A button's look changes with its words (claim → cancel, run → run again): at once, never through unreadable in-between colours. */
  button {
    transition: none;
  }

  .picker {
    display: grid;
    gap: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
  }

  /* Text helpers */
  .muted {
    color: var(--_text-muted);
  }
  .small {
    font-size: 0.875em;
  }
  .block {
    display: block;
  }
  .when {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .stack {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  p {
    margin: 0;
  }
  h4,
  h5 {
    margin: 0;
    line-height: 1.3;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  a {
    color: var(--_accent);
    font-weight: 600;
  }

  header.top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: baseline;
    justify-content: space-between;
  }
  header.top h2 {
    margin: 0;
  }
  .phase-badge {
    display: inline-block;
    padding: 2px var(--_space-s);
    border-radius: 999px;
    background: var(--_surface-raised);
    border: 1px solid var(--_hairline);
    font-size: 0.875em;
    font-weight: 600;
  }
  .phase-badge.phase-open {
    background: color-mix(in srgb, var(--_success) 14%, var(--_surface));
    border-color: color-mix(in srgb, var(--_success) 45%, var(--_surface));
  }
  .help {
    color: var(--_text-muted);
    max-inline-size: 70ch;
  }

  /* Layout: "mine" beside the catalogue on wide screens, above it on narrow ones. */
  .layout {
    display: grid;
    gap: var(--_space-l);
    align-items: start;
  }
  @container (min-width: 880px) {
    .layout:not(.no-aside) {
      grid-template-columns: minmax(260px, 320px) minmax(0, 1fr);
    }
    aside.mine {
      position: sticky;
      top: var(--_space-m);
    }
  }
  aside.mine {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
  }
  aside.mine h3 {
    margin: 0;
  }

  /* Schedule */
  ol.schedule {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  ol.schedule > li {
    display: grid;
    gap: 2px;
    padding: var(--_space-s) 0;
    border-top: 1px solid var(--_hairline);
  }
  ol.schedule > li:first-child {
    border-top: 0;
    padding-top: 0;
  }
  ol.schedule h4 {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
    align-items: baseline;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .entry-title {
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    padding: 1px var(--_space-s);
    border-radius: 999px;
    font-weight: 600;
    border: 1px solid transparent;
  }
  .badge.held {
    background: color-mix(in srgb, var(--_success) 14%, var(--_surface));
    border-color: color-mix(in srgb, var(--_success) 50%, var(--_surface));
  }
  .badge.waiting,
  .badge.queued {
    background: color-mix(in srgb, var(--_warning) 14%, var(--_surface));
    border-color: color-mix(in srgb, var(--_warning) 50%, var(--_surface));
  }

  /* Ranking */
  .ranking-slot {
    display: grid;
    gap: var(--_space-xs);
    padding-top: var(--_space-s);
    border-top: 1px solid var(--_hairline);
  }
  .ranking-slot:first-of-type {
    border-top: 0;
    padding-top: 0;
  }
  .ranking-slot h4 {
    font-size: 0.9375em;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
    align-items: baseline;
  }
  ol.choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  ol.choices > li {
    display: grid;
    grid-template-columns: 1.75em minmax(0, 1fr);
    grid-template-areas: 'place title' '. tools';
    gap: 2px var(--_space-s);
    align-items: center;
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_hairline);
  }
  ol.choices .place {
    grid-area: place;
    display: grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 0.875em;
  }
  ol.choices .choice-title {
    grid-area: title;
    font-weight: 600;
  }
  .choice-tools {
    grid-area: tools;
    display: flex;
    gap: var(--_space-xs);
  }
  button.icon {
    padding: 0;
    font-size: 1.125em;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .send-row {
    display: grid;
    gap: var(--_space-xs);
  }
  .unsent {
    color: var(--_warning);
    font-weight: 600;
  }

  /* Filters */
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
    gap: var(--_space-s) var(--_space-m);
    align-items: end;
    padding: var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    border: 1px solid var(--_hairline);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .field label {
    font-size: 0.875em;
  }
  .field.search {
    grid-column: 1 / -1;
  }

  /* The organiser's catalogue editor */
  .editor-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .editor-row {
    padding-block: var(--_space-xs);
    border-block-end: 1px solid var(--_hairline);
  }
  .editor-row .grow {
    flex: 1 1 16em;
  }
  .editor-form {
    padding: var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    border: 1px solid var(--_hairline);
  }
  .editor-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--_space-s) var(--_space-m);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  .settings {
    align-items: end;
  }
  .settings .field {
    flex: 0 1 28em;
  }
  .filter-foot {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: center;
  }
  .filter-foot .count {
    margin-inline-start: auto;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  label.check,
  label.radio {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 400;
  }
  label.radio {
    align-items: start;
  }
  label.radio input {
    margin-top: 2px;
    flex: none;
  }
  button .icon-svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  button.quiet {
    border-color: transparent;
    text-decoration: underline;
  }

  /* Catalogue */
  .catalogue {
    gap: var(--_space-m);
  }
  .catalogue > h3 {
    margin: 0;
  }
  .empty {
    padding: var(--_space-l);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
    color: var(--_text-muted);
    text-align: center;
  }
  .slot {
    display: grid;
    gap: var(--_space-s);
  }
  .slot-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-m);
    align-items: baseline;
    padding-block: var(--_space-s) var(--_space-xs);
    border-bottom: 2px solid var(--_hairline);
  }
  .slot-head h4 {
    font-size: 1.125em;
  }
  .slot-head .when {
    font-size: 0.9375em;
    font-weight: 600;
    color: var(--_text);
  }
  .slot-head .small {
    margin-inline-start: auto;
  }
  .slot-note {
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 12%, var(--_surface));
    font-size: 0.9375em;
  }
  .slot-note.waiting {
    background: color-mix(in srgb, var(--_warning) 12%, var(--_surface));
  }
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: var(--_space-m);
  }
  .card {
    display: flex;
    border: 1px solid var(--_hairline);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
    transition: border-color var(--_duration), box-shadow var(--_duration);
  }
  .card:hover {
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.08);
  }
  .card.mine {
    border-color: var(--_mine);
    box-shadow: inset 4px 0 0 var(--_mine);
  }
  .card.waiting {
    border-color: var(--_warning);
    box-shadow: inset 4px 0 0 var(--_warning);
  }
  .card.ranked {
    border-color: var(--_accent);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .card article {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    padding: var(--_space-m);
    min-inline-size: 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .chip {
    display: inline-block;
    padding: 1px var(--_space-s);
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    background: var(--_accent-soft);
  }
  .chip.level {
    background: transparent;
    border: 1px solid var(--_hairline);
  }
  .card h5 {
    font-size: 1.125em;
    font-weight: 700;
  }
  .description {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2px var(--_space-m);
    margin: 0;
    font-size: 0.9375em;
  }
  dl.facts > div {
    display: contents;
  }
  dl.facts dt {
    color: var(--_text-muted);
  }
  dl.facts dd {
    margin: 0;
  }
  .seats {
    display: grid;
    gap: var(--_space-xs);
    margin-top: auto;
    padding-top: var(--_space-xs);
  }
  .seats-text {
    font-size: 0.9375em;
    font-variant-numeric: tabular-nums;
  }
  .seats.is-low .seats-text {
    color: var(--_warning);
    font-weight: 700;
  }
  .seats.is-full .seats-text {
    color: var(--_danger);
    font-weight: 700;
  }
  .fill {
    display: block;
    inline-size: 100%;
    block-size: 8px;
    border-radius: 4px;
    background: var(--_surface-raised);
    outline: 1px solid var(--_hairline);
    outline-offset: -1px;
    overflow: hidden;
  }
  .fill .bar {
    fill: var(--_fill);
  }
  .fill.high .bar {
    fill: var(--_warning);
  }
  .fill.full .bar {
    fill: var(--_fill-full);
  }
  .fill.other .bar {
    fill: var(--_text-muted);
  }
  .fill.plain .bar {
    fill: var(--_fill);
  }
  :host(:dir(rtl)) .fill {
    transform: scaleX(-1);
  }
  .status {
    display: flex;
    gap: var(--_space-xs);
    align-items: start;
    font-weight: 700;
    font-size: 0.9375em;
  }
  .status .icon-svg {
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-top: 0.15em;
    flex: none;
  }
  .status.held {
    color: var(--_success);
  }
  .status.waiting,
  .status.queued,
  .status.lost {
    color: var(--_warning);
  }
  .status.offered {
    color: var(--_accent);
  }
  .status.ranked {
    color: var(--_accent);
  }
  .status.cancelled {
    color: var(--_warning);
  }
  .card.cancelled {
    border-style: dashed;
    box-shadow: none;
  }
  .card.cancelled h5 {
    text-decoration: line-through;
  }
  .below li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  .actions button {
    flex: 1 1 auto;
  }
  button.clash {
    border-color: var(--_border);
    color: var(--_text-muted);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .confirm {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    border-inline-start: 4px solid var(--_danger);
  }
  .card .message {
    font-size: 0.9375em;
  }

  /* Organiser */
  ul.figures {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-xl);
  }
  ul.figures li {
    display: grid;
  }
  .figure {
    font-size: 1.75em;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9375em;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: var(--_space-s) 0;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_hairline);
    vertical-align: middle;
  }
  thead th {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  tbody th {
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .fill-cell {
    display: grid;
    grid-template-columns: minmax(60px, 1fr) 5.5em;
    gap: var(--_space-s);
    align-items: center;
    min-inline-size: 140px;
  }
  .warn {
    color: var(--_danger);
    font-weight: 600;
  }
  .preview {
    padding: var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
  }
  .preview .headline {
    font-size: 1.25em;
    font-weight: 700;
  }
  .comparison th[scope='col'] {
    color: var(--_text);
    font-size: 0.9375em;
  }
  ul.below {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .organiser.stack {
    gap: var(--_space-l);
  }
  .organiser > * {
    min-inline-size: 0;
  }
  /* On a phone the numbers carry the tables: the bars give their room to the names. */
  @container (max-width: 560px) {
    td .fill {
      display: none;
    }
    .fill-cell {
      grid-template-columns: auto;
      min-inline-size: 0;
    }
    th,
    td {
      padding-inline: var(--_space-xs);
    }
    .preview {
      padding: var(--_space-s);
    }
  }
`;
