import { css } from 'lit';

/**
 * The presenter view, for a projector or a stream overlay. Everything is sized in `em` of one
 * font size that follows the board's width and the screen's height, so the whole view (title, top
 * ten, chart, join code) keeps its proportions and fits a 16:9 screen from 1280×720 up; the
 * floor of 16px keeps text growing with browser zoom.
 */
export const presenterStyles = css`
  :host([view='presenter']) {
    background: var(--_surface);
  }
  :host(:fullscreen) {
    overflow: auto;
  }

  .presenter {
    font-size: calc(var(--_presenter-fit, 1) * var(--osa-priority-board-presenter-font-size, clamp(16px, min(1.6cqi, 2.85svh), 72px)));
    line-height: 1.2;
    display: grid;
    grid-template-columns: minmax(0, 7fr) minmax(0, 4fr);
    grid-template-rows: auto minmax(0, 1fr) auto auto;
    grid-template-areas:
      'head head'
      'rank chart'
      'rank join'
      'tools join';
    gap: 0.6em 1.4em;
    padding: 0.6em 0.9em;
  }

  .presenter-head {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 1.2em;
  }
  .presenter-head .titles {
    flex: 1 1 20em;
    min-inline-size: 0;
  }
  .event-title {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  .presenter h2 {
    margin: 0;
    font-size: 1.6em;
    line-height: 1.1;
    text-wrap: balance;
  }
  .presenter-head .message {
    flex-basis: 100%;
    font-size: max(16px, 0.6em);
  }


  .presenter-head .phase-badge {
    align-self: start;
    font-size: max(14px, 0.5em);
  }

  /* For whoever runs the screen, not for the audience: small, and out of sight on a projector or
     stream until the pointer moves over the view or focus comes to them. */
  .tools {
    grid-area: tools;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: end;
    font-size: 16px;
    transition: opacity var(--_duration);
  }
  @media (hover: hover) {
    .presenter:not(:hover) .tools:not(:focus-within) {
      opacity: 0;
    }
  }

  .standings-area {
    grid-area: rank;
    display: grid;
    align-content: start;
    gap: 0.5em;
    min-inline-size: 0;
  }
  ol.standings {
    display: grid;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .standings li {
    display: grid;
    grid-template-columns: 2.2em minmax(0, 1fr) 2.4em;
    grid-template-areas:
      'position text text'
      'position meter value';
    column-gap: 0.45em;
    row-gap: 0.12em;
    align-items: center;
  }
  .standings .position {
    grid-area: position;
    font-size: 1.15em;
    font-weight: 800;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .standings .text {
    grid-area: text;
    font-weight: 600;
    /* Two lines at most: ten ideas stay on one screen, and the export has every word. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  .standings .meter {
    grid-area: meter;
    block-size: 0.7em;
    border-radius: 0.35em;
  }
  /* A bold bar inside its band (CSS geometry wins over the participant list's attributes where supported). */
  .standings .meter .bar {
    y: 20%;
    height: 60%;
    rx: 0.15em;
  }
  .standings .value {
    grid-area: value;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .standings-area .note {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.65em;
  }
  .presenter-message {
    margin: 0;
    padding: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-size: 1.3em;
    font-weight: 600;
  }

  .chart {
    grid-area: chart;
    align-self: start;
    min-inline-size: 0;
    --osa-font-size: max(14px, 0.7em);
    --osa-chart-height: 26em;
  }

  .join {
    grid-area: join;
    display: grid;
    align-content: end;
    justify-items: center;
  }
  .join osa-join-code {
    --osa-font-size: 0.8em;
    --osa-join-code-size: 10.5em;
  }

  /* Nothing ranked to show (results hidden, or no votes yet): the join code is the screen. */
  .presenter.waiting {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    grid-template-rows: auto auto auto;
    grid-template-areas:
      'head head'
      'rank join'
      'tools join';
  }
  .presenter.waiting .join {
    align-content: start;
  }
  .presenter.waiting .join osa-join-code {
    --osa-join-code-size: 22em;
    --osa-join-code-heading-size: 1.4em;
    --osa-join-code-address-size: 2em;
  }

  @container (max-width: 760px) {
    .presenter,
    .presenter.waiting {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: none;
      grid-template-areas: 'head' 'rank' 'chart' 'join' 'tools';
    }
  }
`;
