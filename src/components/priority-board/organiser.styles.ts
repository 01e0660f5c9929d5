import { css } from 'lit';

/**
 * The organiser view: one column on a phone; from 900 px on, the phases, the "settled" signal,
 * the ideas and the moderation log (the moderator's work) beside a column with the ranking, the
 * settings and the exports. Nothing is wider than the element: long
 * idea texts wrap between words, the log becomes one block per entry on narrow screens.
 */
export const organiserStyles = css`
  .organiser {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_board-gap);
    align-items: start;
  }
  @container (min-width: 900px) {
    /* The side column runs down beside the rest: the last row takes what it needs beyond them. */
    .organiser {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-rows: auto auto auto 1fr;
      grid-template-areas:
        'phases side'
        'settled side'
        'ideas side'
        'log side';
    }
    .org-phases {
      grid-area: phases;
    }
    .org-settled {
      grid-area: settled;
    }
    .org-ideas {
      grid-area: ideas;
    }
    .org-side {
      grid-area: side;
    }
    .org-log {
      grid-area: log;
    }
  }
  .org-side {
    display: grid;
    gap: var(--_board-gap);
    min-width: 0;
  }
  .organiser fieldset,
  .organiser section {
    min-width: 0;
  }
  .row.between {
    justify-content: space-between;
  }
  .organiser label {
    min-width: 0;
  }
  .organiser select {
    min-width: 0;
    max-width: 100%;
  }

  /* Phases */
  .confirm,
  .org-phases .message {
    margin-block-start: var(--_space-s);
  }
  .confirm p {
    margin: 0 0 var(--_space-xs);
  }

  /* Is the top settled? */
  .org-settled {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .org-settled h3 {
    margin: 0;
  }
  .org-settled label {
    font-weight: 400;
  }
  .org-settled select {
    width: auto;
  }
  .org-settled p {
    margin: 0;
  }
  .verdict.settled strong {
    color: var(--_success);
  }
  .verdict.nearly strong {
    color: var(--_warning);
  }
  .org-settled meter {
    inline-size: 100%;
    block-size: 12px;
  }
  .org-settled .edge {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .org-settled .edge li {
    display: flex;
    gap: var(--_space-s);
    min-width: 0;
  }
  .org-settled .edge .share {
    flex: none;
    min-inline-size: 4ch;
    text-align: end;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .org-settled .edge .idea-text {
    min-width: 0;
  }
  .org-settled details > summary {
    min-height: 32px;
    font-weight: 400;
    color: var(--_accent);
  }

  /* The ideas: a toolbar, a compact list, pages */
  .toolbar {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space-s);
  }
  .toolbar .search {
    grid-column: 1 / -1;
  }
  @container (min-width: 560px) {
    .toolbar {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr);
      align-items: end;
    }
    .toolbar .search {
      grid-column: auto;
    }
  }
  .toolbar label {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .org-ideas > p,
  .org-ideas > h3 {
    margin: 0;
  }
  .org-list {
    gap: var(--_space-xs);
  }
  .org-idea {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .org-idea.pending {
    border-inline-start-color: var(--_warning);
  }
  .org-idea.hidden,
  .org-idea.merged {
    background: var(--_surface-raised);
  }
  .org-idea .body {
    flex: 1 1 16em;
    min-width: 0;
  }
  .org-idea .text,
  .org-idea .meta {
    margin: 0;
    overflow-wrap: break-word;
  }
  .org-idea.hidden .text,
  .org-idea.merged .text {
    color: var(--_text-muted);
  }
  .org-idea .meta {
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  .org-idea .status.pending {
    color: var(--_warning);
    font-weight: 600;
  }
  .org-idea .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .org-idea .panel {
    flex: 1 1 100%;
    padding-block: var(--_space-xs);
  }
  .org-idea .panel p {
    margin: 0;
  }
  .choices {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choices legend {
    padding: 0;
  }
  .choice-row {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-height: 44px;
    font-weight: 400;
  }
  .pager {
    justify-content: space-between;
  }

  /* Settings */
  .settings-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: var(--_space-s);
    margin-block-end: var(--_space-s);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    padding-block: var(--_space-xs);
    font-weight: 400;
  }
  .check input {
    flex: none;
    margin-block-start: 1px;
  }

  /* The moderation log: a table of whole words; one block per entry on narrow screens. */
  .org-log th,
  .org-log td {
    vertical-align: top;
    overflow-wrap: normal;
  }
  .org-log th,
  .org-log td.log-time,
  .org-log td.log-action {
    white-space: nowrap;
  }
  .org-log td.log-idea,
  .org-log td.log-detail {
    inline-size: 40%;
    overflow-wrap: anywhere;
  }
  @container (max-width: 559px) {
    .org-log thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .org-log table,
    .org-log tbody {
      display: block;
    }
    .org-log tr {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0 var(--_space-s);
      padding-block: var(--_space-xs);
      border-block-end: 1px solid var(--_surface-raised);
    }
    .org-log td {
      display: block;
      padding: 0;
      border: 0;
    }
    .org-log td.log-idea,
    .org-log td.log-detail {
      grid-column: 1 / -1;
      inline-size: auto;
      overflow-wrap: break-word;
    }
    .org-log td.log-detail {
      color: var(--_text-muted);
    }
    .org-log td.log-detail:empty {
      display: none;
    }
  }
`;
