import { css } from 'lit';

export const feedbackStyles = css`
  :host {
    --_gap: var(--osa-feedback-form-gap, var(--_space-m));
    --_bar: var(--osa-feedback-form-bar-color, var(--_accent));
    --_own: var(--osa-feedback-form-own-color, var(--_success));
    --_tile: var(--osa-feedback-form-tile-size, 44px);
    --_hairline: color-mix(in srgb, var(--_border) 45%, var(--_surface));
    display: block;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }

  .feedback {
    display: grid;
    gap: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
  }
  .answers,
  .poll,
  .results {
    display: grid;
    gap: var(--_gap);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .top h2 {
    margin: 0;
  }
  .phase-badge {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 2px var(--_space-s);
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_text-muted);
  }
  .phase-open {
    border-color: var(--_success);
    color: var(--_text);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  .small {
    font-size: 0.875em;
  }
  .help {
    font-size: 1.0625em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  a {
    color: inherit;
  }
  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  h2[tabindex='-1']:focus,
  #thanks:focus,
  [data-own]:focus {
    outline: none;
  }

  /* The webmaster's error list */
  .webmaster h2 {
    font-size: 1.125em;
  }
  .webmaster ul {
    margin: var(--_space-s) 0 0;
    padding-inline-start: 1.25em;
  }

  /* Questions */
  .form-section {
    display: grid;
    gap: var(--_gap);
  }
  .form-section > h3 {
    margin: var(--_space-s) 0 0;
    padding-bottom: var(--_space-xs);
    border-bottom: 1px solid var(--_hairline);
  }
  .question {
    display: grid;
    gap: var(--_space-s);
    min-width: 0;
    border: 1px solid var(--_hairline);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    background: var(--_surface);
  }
  div.question {
    padding-top: var(--_space-m);
  }
  .question.has-error {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  legend,
  .question > label {
    font-weight: 600;
    font-size: 1.0625em;
    line-height: 1.35;
    padding: 0 var(--_space-xs);
  }
  .question > label {
    padding: 0;
  }
  .question > label.option {
    font-size: 1em;
    font-weight: 400;
    padding: 0 var(--_space-s);
  }
  .required {
    color: var(--_danger);
  }
  .q-description,
  .hint {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .options {
    display: grid;
    gap: var(--_space-xs);
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-height: 44px;
    padding: 0 var(--_space-s);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option:hover {
    background: var(--_accent-soft);
  }
  .option:has(input:checked) {
    background: var(--_accent-soft);
    font-weight: 600;
  }
  .option input {
    flex: none;
  }
  .na {
    color: var(--_text-muted);
    justify-self: start;
    font-weight: 400;
  }

  /* Scales: native radios drawn as tiles, the end labels under the first and last */
  .scale-box {
    display: grid;
    gap: var(--_space-xs);
    width: fit-content;
    max-width: 100%;
  }
  .nps .scale-box {
    width: auto;
  }
  .scale-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .nps .scale-row {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
  }
  .tile {
    position: relative;
    flex: 0 0 calc(var(--_tile) * 1.25);
    font-weight: 600;
    cursor: pointer;
  }
  .nps .tile {
    max-width: none;
  }
  .tile input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }
  .tile-face {
    display: grid;
    place-items: center;
    min-height: var(--_tile);
    min-width: 0;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
    transition: background-color var(--_duration), color var(--_duration);
  }
  .tile:hover .tile-face {
    background: var(--_accent-soft);
  }
  .tile input:checked + .tile-face {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .tile input:focus-visible + .tile-face {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .face {
    width: 2em;
    height: 2em;
  }
  .face-head {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .face-eye {
    fill: currentColor;
  }
  .face-mouth {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.2;
    stroke-linecap: round;
  }
  .display-smileys .tile-face {
    color: var(--_text-muted);
  }
  .display-smileys .tile input:checked + .tile-face {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .display-stars .tile-face {
    font-size: 1.5em;
    color: var(--_text-muted);
    border-color: transparent;
  }
  .display-stars .tile.filled .tile-face,
  .display-stars .tile input:checked + .tile-face {
    color: var(--_warning);
    background: transparent;
    border-color: transparent;
  }
  .display-stars .tile input:checked + .tile-face {
    border-color: var(--_accent);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-m);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .ends span:last-child {
    text-align: end;
  }

  /* Ranking */
  .rank-list {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rank-list li {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-xs) var(--_space-xs) var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .place {
    flex: none;
    display: grid;
    place-items: center;
    width: 2em;
    height: 2em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .rank-label {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .rank-tools {
    display: flex;
    gap: var(--_space-xs);
  }
  button.icon {
    padding: 0;
    width: 44px;
  }
  .rank-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }

  /* Text */
  textarea {
    resize: vertical;
    min-height: 6em;
  }
  .counter {
    justify-self: end;
    font-variant-numeric: tabular-nums;
  }

  /* Summary, progress, sending */
  .summary ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
  }
  .summary:focus {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .progress {
    display: grid;
    gap: var(--_space-xs);
    position: sticky;
    top: 0;
    z-index: 1;
    padding: var(--_space-xs) 0;
    background: var(--_surface);
  }
  progress {
    width: 100%;
    height: 8px;
    accent-color: var(--_accent);
  }
  .send-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
  }
  .thanks {
    display: grid;
    gap: var(--_space-s);
    justify-items: start;
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .thanks .big {
    font-size: 2em;
    line-height: 1;
    color: var(--_success);
  }

  /* Poll: compact for a stream's side column */
  .is-poll {
    --_gap: var(--osa-feedback-form-gap, var(--_space-s));
  }
  .poll-title {
    font-size: 1.125em;
  }
  .poll .question {
    border: 0;
    padding: 0;
  }
  .poll legend {
    padding: 0;
    margin-bottom: var(--_space-xs);
  }
  .poll-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-s);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .confirm {
    display: grid;
    gap: var(--_space-s);
  }
  .own-answer strong {
    color: var(--_text);
  }

  /* Bars: a table whose row headers carry the bars */
  .bars,
  .ranks {
    width: 100%;
    border-collapse: collapse;
  }
  .bars th,
  .bars td,
  .ranks th,
  .ranks td {
    padding: var(--_space-xs);
    text-align: start;
    vertical-align: bottom;
  }
  .bars th {
    font-weight: 400;
    width: 100%;
    overflow-wrap: break-word;
    padding-inline-start: 0;
  }
  .bar-label {
    display: inline;
  }
  .bars tr.own th {
    font-weight: 700;
  }
  .own-mark {
    color: var(--_text-muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  .meter {
    display: block;
    width: 100%;
    height: 0.9em;
    margin-top: 2px;
  }
  .meter .track {
    fill: color-mix(in srgb, var(--_border) 25%, var(--_surface));
  }
  .meter .bar {
    fill: var(--_bar);
  }
  .bars tr.own .meter .bar {
    fill: var(--_own);
  }
  .bar-count,
  .bar-share {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    text-align: end !important;
  }
  .bar-count {
    width: 1%;
    font-weight: 700;
    padding-inline-start: var(--_space-s) !important;
  }
  .bar-share {
    width: 1%;
  }
  .bar-share {
    color: var(--_text-muted);
    padding-inline-end: 0 !important;
  }
  .caption {
    text-align: start;
    font-weight: 600;
  }
  .ranks thead th {
    font-size: 0.875em;
    color: var(--_text-muted);
    border-bottom: 1px solid var(--_hairline);
  }
  .ranks tbody th {
    font-weight: 400;
  }
  .ranks td {
    font-variant-numeric: tabular-nums;
  }

  /* Results */
  .responses {
    font-weight: 600;
  }
  .result {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_hairline);
    border-radius: var(--_radius);
  }
  .result h3 {
    margin: 0;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l, 1.5rem);
    margin: 0;
  }
  .figures div {
    display: grid;
  }
  .figures dt {
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  .figures dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .dashboard {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
  }
  .dashboard > * {
    min-width: 0;
  }
  @container (min-width: 760px) {
    .dashboard {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  .chart {
    display: block;
  }
  /* Beside the chart the table gives the exact numbers: the chart already draws the bars. */
  .dashboard .bars .meter {
    display: none;
  }
  .texts {
    display: grid;
    gap: var(--_space-xs);
  }
  .text-answers {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space-xs);
    max-height: 28em;
    overflow: auto;
  }
  .text-answers li {
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .export {
    justify-content: flex-start;
  }

  /* Presenter: a 1920×1080 screen, type that follows the screen; it fills the height it is given. */
  :host([view='presenter']) .feedback {
    height: 100%;
    grid-template-rows: minmax(0, 1fr);
  }
  .presenter {
    font-size: var(--osa-feedback-form-presenter-font-size, clamp(16px, 1.6vw, 36px));
    display: flex;
    flex-direction: column;
    gap: 1em;
    min-height: 100%;
    padding: 1em 1.5em;
    box-sizing: border-box;
  }
  .presenter-top {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 1em;
  }
  .presenter-event {
    color: var(--_text-muted);
    font-weight: 600;
  }
  .presenter-question {
    font-size: 2em;
    line-height: 1.15;
    margin: 0;
  }
  .presenter .counters {
    font-size: 1.6em;
  }
  .presenter-body {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2em;
    align-items: center;
  }
  .presenter-mean {
    font-size: 1.2em;
  }
  .presenter .bars {
    font-size: 1.5em;
  }
  .presenter .bars th,
  .presenter .bars td {
    padding-block: 0.35em;
  }
  .presenter .meter {
    height: 1.2em;
  }
  .presenter-join {
    display: grid;
    justify-items: center;
    gap: 0.5em;
    font-size: 1.1em;
    /* A long join address wraps rather than squeezing the bars. */
    max-width: 22em;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .join-title {
    font-weight: 700;
  }
  .presenter osa-join-code {
    --osa-join-code-size: clamp(160px, 16vw, 320px);
  }
  @container (max-width: 700px) {
    .presenter-body {
      grid-template-columns: 1fr;
    }
  }

  @container (max-width: 420px) {
    .question {
      padding-inline: var(--_space-s);
    }
    .nps .scale-row {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
    .bars th {
      width: 45%;
    }
  }
`;
