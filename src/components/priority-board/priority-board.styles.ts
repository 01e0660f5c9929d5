import { css } from 'lit';

export const boardStyles = css`
  :host {
    --_board-gap: var(--osa-priority-board-gap, var(--_space-m));
    --_board-duel-min-height: var(--osa-priority-board-duel-min-height, 160px);
    --_board-bar: var(--osa-priority-board-bar-color, var(--_accent));
    --_board-band: var(--osa-priority-board-band-color, var(--_accent-soft));
    container-type: inline-size;
  }

  .board {
    display: grid;
    gap: var(--_board-gap);
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }

  header.top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: baseline;
    justify-content: space-between;
  }

  .phase-badge {
    display: inline-block;
    padding: 2px var(--_space-s);
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 600;
  }

  .muted {
    color: var(--_text-muted);
  }

  .stack {
    display: grid;
    gap: var(--_space-s);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }

  textarea {
    min-height: 5em;
    resize: vertical;
  }

  .counter {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }

  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }

  .idea {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    white-space: pre-line;
  }

  .idea .meta {
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  /* Duels: two large targets side by side, stacked on narrow screens. */
  .duel {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space-m);
  }
  @container (max-width: 480px) {
    .duel {
      grid-template-columns: 1fr;
    }
  }
  .duel button.choice {
    min-height: var(--_board-duel-min-height);
    padding: var(--_space-l) var(--_space-m);
    font-size: 1.125em;
    font-weight: 600;
    text-align: center;
    white-space: pre-line;
    flex-direction: column;
  }
  .duel .key {
    font-size: 0.75em;
    font-weight: 400;
    color: var(--_text-muted);
  }

  /* Ranking */
  ol.ranking {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  ol.ranking li {
    display: grid;
    grid-template-columns: 3ch 1fr minmax(90px, 30%);
    gap: var(--_space-s);
    align-items: center;
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_surface-raised);
    content-visibility: auto;
    contain-intrinsic-size: auto 56px;
  }
  ol.ranking .position {
    font-weight: 700;
    text-align: end;
  }
  ol.ranking .text {
    white-space: pre-line;
  }
  .score {
    display: grid;
    gap: 2px;
  }
  .score .value {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .meter {
    display: block;
    inline-size: 100%;
    block-size: 10px;
    border-radius: 5px;
    background: var(--_surface-raised);
    outline: 1px solid var(--_border);
    outline-offset: -1px;
    overflow: hidden;
  }
  .meter .band {
    fill: var(--_board-band);
  }
  .meter .bar {
    fill: var(--_board-bar);
  }
  /* Bars start at the inline start in right-to-left text too. */
  :host(:dir(rtl)) .meter {
    transform: scaleX(-1);
  }

  /* Organiser */
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .flag {
    color: var(--_danger);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875em;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_surface-raised);
  }
  details > summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  select {
    width: auto;
  }
`;
