import { css } from 'lit';

export const cloudStyles = css`
  :host {
    --_cloud-font: var(--osa-tag-cloud-font-family, var(--_font));
    --_cloud-weight: var(--osa-tag-cloud-font-weight, 700);
    --_tone-0: var(--osa-tag-cloud-color-1, var(--_accent));
    --_tone-1: var(--osa-tag-cloud-color-2, var(--_text));
    --_tone-2: var(--osa-tag-cloud-color-3, var(--_success));
    --_tone-3: var(--osa-tag-cloud-color-4, var(--_warning));
    --_move: var(--osa-tag-cloud-move-duration, 600ms);
    display: block;
    container-type: inline-size;
  }

  .cloud {
    display: grid;
    gap: var(--_space-m);
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }

  h2,
  h3 {
    margin: 0;
  }

  header.top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: baseline;
    justify-content: space-between;
  }

  .phase-badge,
  .badge {
    display: inline-block;
    padding: 2px var(--_space-s);
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 0.8em;
    font-weight: 600;
  }

  .badge.warning {
    background: var(--_surface-raised);
    color: var(--_warning);
    border: 1px solid currentColor;
  }

  .muted {
    color: var(--_text-muted);
  }

  .small {
    font-size: 0.875em;
  }

  p {
    margin: 0;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }

  .answer {
    display: grid;
    gap: var(--_space-xs);
  }

  .answer label {
    font-weight: 600;
  }

  .answer .row input {
    flex: 1 1 12em;
    min-width: 0;
    font-size: 1.125em;
  }

  .answer p.row {
    justify-content: space-between;
  }

  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: var(--_space-xs) 0 0;
    padding: 0;
    list-style: none;
  }

  .chips li {
    padding: 2px var(--_space-s);
    border-radius: 999px;
    background: var(--_accent-soft);
    overflow-wrap: anywhere;
  }

  .chips li.waiting {
    background: var(--_surface-raised);
    border: 1px dashed var(--_border);
  }

  .cloud-area {
    display: grid;
    gap: var(--_space-s);
  }

  .toggle {
    display: flex;
    gap: var(--_space-xs);
    align-items: center;
    justify-self: end;
  }

  .toggle button {
    padding: 2px var(--_space-s);
    min-height: 32px;
  }

  .toggle button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .stage {
    position: relative;
    width: 100%;
    height: var(--osa-tag-cloud-height, min(62.5cqi, 70vh));
    min-height: 200px;
    overflow: hidden;
  }

  /* A phone: a squarer area, so the words can be larger. */
  @container (max-width: 500px) {
    .stage {
      height: var(--osa-tag-cloud-height, min(88cqi, 70vh));
    }
  }

  .stage[hidden] {
    display: none;
  }

  .stage svg {
    position: absolute;
    inset: 0;
    display: block;
    overflow: visible;
  }

  .word {
    font-family: var(--_cloud-font);
    font-weight: var(--_cloud-weight);
    cursor: pointer;
    transition:
      transform var(--_move) ease-in-out,
      font-size var(--_move) ease-in-out;
    user-select: text;
  }

  .tone-0 {
    fill: var(--_tone-0);
  }
  .tone-1 {
    fill: var(--_tone-1);
  }
  .tone-2 {
    fill: var(--_tone-2);
  }
  .tone-3 {
    fill: var(--_tone-3);
  }

  .word:hover,
  .word.selected {
    text-decoration: underline;
    text-decoration-thickness: 0.06em;
  }

  .word:focus {
    outline: none;
  }

  .word:focus-visible {
    outline: none;
    fill: var(--_text);
    paint-order: stroke;
    stroke: var(--_focus);
    stroke-width: 0.18em;
    stroke-linejoin: round;
    text-decoration: underline;
  }

  @media (prefers-reduced-motion: reduce) {
    .word {
      transition: none;
    }
  }

  .more {
    justify-self: center;
  }

  .empty {
    padding: var(--_space-l) 0;
    text-align: center;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .terms-list {
    max-height: 70vh;
    overflow: auto;
    display: block;
  }

  .terms-list:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }

  tr.selected {
    background: var(--_accent-soft);
  }

  tr.is-hidden th button {
    text-decoration: line-through;
  }

  button.link {
    min-height: 0;
    /* The theme's minimum width for buttons would centre a short term ("tuki") in it. */
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
  }

  .organiser {
    display: grid;
    gap: var(--_space-m);
  }

  .phases {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }

  .phases button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  label.check {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 600;
  }

  .merge-bar select {
    width: auto;
    min-width: 12em;
    max-width: 100%;
  }

  .org-table .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    justify-content: end;
  }

  .org-table .actions button {
    padding: 2px var(--_space-s);
    min-height: 32px;
  }

  /* The theme lets text break anywhere; headings, counts and buttons stay whole, so on a phone the
     term column takes what is left instead of every column breaking mid-word. */
  .org-table thead th,
  .org-table .num,
  .org-table .actions button,
  .terms-list thead th,
  .terms-list .num {
    overflow-wrap: normal;
    white-space: nowrap;
  }

  @container (max-width: 500px) {
    .org-table th,
    .org-table td {
      padding-inline: var(--_space-xs);
    }
  }

  .org-answers ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.2em;
  }

  /* The presenter: the cloud fills the screen beside the join block. */
  /* The screen's height unless the page gives the element another. */
  :host([view='presenter']) {
    height: 100vh;
  }

  :host([view='presenter']) .cloud {
    height: 100%;
    grid-template-rows: 1fr;
  }

  .presenter {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    gap: var(--_space-m);
    height: 100%;
    font-size: var(--osa-tag-cloud-presenter-font-size, clamp(16px, 1.8vw, 44px));
    min-height: 0;
    box-sizing: border-box;
    padding: var(--_space-l);
  }

  .presenter-top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-m);
  }

  .presenter-top h2 {
    font-size: 1.4em;
  }

  .presenter-body {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-rows: minmax(0, 1fr);
    gap: var(--_space-l);
    min-height: 0;
  }

  .presenter .cloud-area {
    grid-template-rows: minmax(0, 1fr) auto;
    min-height: 0;
  }

  .presenter .stage {
    height: auto;
    min-height: 0;
  }

  .join {
    display: grid;
    align-content: end;
    justify-items: center;
    gap: var(--_space-s);
    width: clamp(180px, 18vw, 360px);
    font-size: 0.7em;
  }

  .join-title {
    font-weight: 700;
    text-align: center;
  }

  @container (max-width: 700px) {
    .presenter-body {
      grid-template-columns: 1fr;
    }
    .join {
      width: auto;
    }
  }
`;
