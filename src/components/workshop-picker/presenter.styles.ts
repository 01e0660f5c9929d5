import { css } from 'lit';

/**
 * The presenter view, for a screen in a lobby or beside a stream. Everything is sized in `em` of
 * one font size that follows the picker's width and the screen's height, so a dozen workshops fit a
 * 16:9 screen from 1280×720 up without scrolling; more of them get smaller tiles (`.dense`).
 */
export const presenterStyles = css`
  :host(:fullscreen) {
    background: var(--_surface);
    overflow: auto;
  }

  .presenter {
    font-size: var(--osa-workshop-picker-presenter-font-size, clamp(16px, min(1.45cqi, 2.7svh), 64px));
    line-height: 1.2;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'head join'
      'board join';
    align-items: start;
    gap: 0.8em 1.4em;
    padding: 0.6em 0.9em;
  }
  .presenter.roomy {
    font-size: var(--osa-workshop-picker-presenter-font-size, clamp(16px, min(1.8cqi, 3.4svh), 80px));
  }
  .presenter.dense ul.tiles {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10em), 1fr));
  }
  .presenter.dense {
    font-size: var(--osa-workshop-picker-presenter-font-size, clamp(14px, min(1.05cqi, 1.95svh), 44px));
  }

  .presenter-head {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 1.4em;
  }
  .presenter-head .titles {
    flex: 1 1 14em;
    min-inline-size: 0;
  }
  .presenter h2 {
    margin: 0;
    font-size: 1.7em;
    line-height: 1.1;
  }
  .phase-line {
    margin: 0.15em 0 0;
    color: var(--_text-muted);
    font-weight: 600;
    font-size: 0.8em;
  }
  .presenter-head .message {
    flex-basis: 100%;
    font-size: max(16px, 0.6em);
  }
  /* For whoever runs the screen, not for the audience: small, out of the way. */
  .tools {
    font-size: 16px;
  }

  .board-area {
    grid-area: board;
    display: grid;
    gap: 0.7em;
    min-inline-size: 0;
  }
  .tile-slot h3 {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.6em;
    align-items: baseline;
    margin: 0 0 0.35em;
    font-size: 0.95em;
  }
  .tile-slot h3 .when {
    font-size: 0.85em;
  }
  ul.tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tile {
    display: grid;
    gap: 0.3em;
    padding: 0.45em 0.6em 0.5em;
    border-radius: 0.35em;
    background: var(--_surface-raised);
    border-inline-start: 0.25em solid var(--_fill);
  }
  .tile.is-full {
    border-color: var(--_fill-full);
  }
  .tile-title {
    font-weight: 700;
    font-size: 0.9em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    min-block-size: 2.4em;
  }
  .tile .fill {
    block-size: 0.6em;
    border-radius: 0.3em;
  }
  .tile-figures {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5em;
    font-variant-numeric: tabular-nums;
  }
  .tile-figures .left {
    font-weight: 800;
    font-size: 1.15em;
  }
  .tile.is-low .left {
    color: var(--_warning);
  }
  .tile.is-full .left {
    color: var(--_danger);
  }
  .tile-figures .queue {
    color: var(--_text-muted);
    font-weight: 600;
    align-self: end;
    font-size: 0.85em;
  }

  .join {
    grid-area: join;
    display: grid;
    justify-items: center;
  }
  .join osa-join-code {
    --osa-font-size: 0.8em;
    --osa-join-code-size: 9em;
  }

  @container (max-width: 760px) {
    .presenter {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'head' 'board' 'join';
    }
  }
`;
