import { html, nothing, svg, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { boardResults, type BoardConfig, type BoardResultRow } from '../../core/board/board.view.js';
import type { OsaPriorityBoard } from './priority-board.component.js';

/** Rows shown before "show more"; the list stays cheap to re-render at every vote however long it is. */
const PAGE = 50;
/** A re-ranking waits this many times its own last duration after the previous one. */
const RANK_THROTTLE = 9;

const percent = (value: number) => `${Math.min(100, Math.max(0, value)).toFixed(2)}%`;

/**
 * A bar of `value` (0–100) with its uncertainty band behind it, for sighted readers (the numbers
 * are in the text). Drawn as SVG geometry, never with a `style` attribute, which a strict
 * Content-Security-Policy blocks.
 */
export function renderMeter(value: number, band?: { lower: number; upper: number }): TemplateResult {
  return html`<svg class="meter" aria-hidden="true" focusable="false">
    ${band ? svg`<rect class="band" x=${percent(band.lower)} width=${percent(band.upper - band.lower)} height="100%"></rect>` : nothing}
    <rect class="bar" width=${percent(value)} y=${band ? '30%' : '0'} height=${band ? '40%' : '100%'} rx="2"></rect>
  </svg>`;
}

/**
 * The board's live ranking: computed from the snapshot (throttled on large boards), held still
 * while the pointer or focus is on it, paged, and with a change of leader announced politely.
 * The presenter draws its own top list from `results` and is never held: nobody reads a
 * projector with a pointer.
 */
export class RankingController implements ReactiveController {
  /** The current ranking of the shown question (empty while the viewer may not see results). */
  results: BoardResultRow[] = [];
  private shown = PAGE;
  private held: BoardResultRow[] | undefined;
  private resultsKey = '';
  private resultsView = '';
  private rankedAt = Number.NEGATIVE_INFINITY;
  private rankCost = 0;
  private rankTimer: ReturnType<typeof setTimeout> | undefined;
  private lastLeader: string | undefined;

  constructor(private readonly host: OsaPriorityBoard) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.rankTimer);
    this.rankTimer = undefined;
  }

  /** Ranks again when votes or visibility changed (before each render). */
  hostUpdate(): void {
    const host = this.host;
    const board = host.board;
    if (!board) return;
    // A list held in another view would stay held: its pointer never leaves.
    if (host.view === 'presenter') this.held = undefined;
    const canSee = host.canSeeResults;
    const view = `${host.questionId}|${board.config.mode}|${canSee}`;
    const key = `${view}|${host.live.snapshot?.seq}|${board.state.tallyVersion}`;
    if (key === this.resultsKey) return;
    // On a large board a re-ranking takes tens of milliseconds: during a burst of votes it runs at
    // most every RANK_THROTTLE × its own cost, so it never takes more than a tenth of the main thread.
    const due = this.rankedAt + RANK_THROTTLE * this.rankCost;
    const now = performance.now();
    if (view === this.resultsView && now < due) {
      this.rankTimer ??= setTimeout(() => {
        this.rankTimer = undefined;
        host.requestUpdate();
      }, due - now);
      return;
    }
    this.resultsKey = key;
    this.resultsView = view;
    this.results = canSee ? boardResults(board.state, board.config, host.questionId) : [];
    this.rankedAt = performance.now();
    this.rankCost = this.rankedAt - now;
    const leader = this.results.find((row) => row.ranked);
    if (leader && this.lastLeader !== undefined && leader.id !== this.lastLeader) host.announce(host.t.results.moved(leader.text, 1));
    this.lastLeader = leader?.id;
  }

  /** The participant's and organiser's list: explained, held while read, with "show more". */
  render(config: BoardConfig): TemplateResult {
    const t = this.host.t.results;
    const rows = this.held ?? this.results;
    const changedWhileHeld = this.held !== undefined && this.held !== this.results;
    const hold = () => {
      this.held ??= this.results;
    };
    const release = (event: Event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (event.type === 'focusout' && next && (event.currentTarget as HTMLElement).contains(next)) return;
      this.held = undefined;
      this.host.requestUpdate();
    };
    let position = 0;
    return html`<div class="stack">
      <h3 id="ranking-title">${t.title}</h3>
      <p class="muted">${config.mode === 'duel' ? t.scoreExplained : t.upvoteExplained}</p>
      ${changedWhileHeld ? html`<p class="muted" role="status">${t.held}</p>` : nothing}
      ${rows.length === 0
        ? html`<p class="muted">${t.empty}</p>`
        : html`<ol class="ranking" part="ranking" aria-labelledby="ranking-title" @pointerenter=${hold} @pointerleave=${release} @focusin=${hold} @focusout=${release}>
            ${repeat(
              rows.slice(0, this.shown),
              (row) => row.id,
              (row) => {
                if (row.ranked) position += 1;
                return this.renderRow(row, row.ranked ? position : undefined, config);
              },
            )}
          </ol>`}
      ${rows.length > this.shown
        ? html`<div class="row">
            <button
              @click=${() => {
                this.shown += PAGE;
                this.host.requestUpdate();
              }}
            >
              ${t.showMore(Math.min(PAGE, rows.length - this.shown))}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderRow(row: BoardResultRow, position: number | undefined, config: BoardConfig): TemplateResult {
    const t = this.host.t.results;
    const f = this.host.i18n.format;
    const score = f.number(row.score, { maximumFractionDigits: 0 });
    const band = t.band(f.number(row.lower, { maximumFractionDigits: 0 }), f.number(row.upper, { maximumFractionDigits: 0 }));
    const count = config.mode === 'duel' ? t.appearances(row.appearances) : t.views(row.appearances);
    return html`<li part="idea" data-id=${row.id}>
      <span class="position">${position !== undefined ? t.position(position) : '–'}</span>
      <span class="text">${row.text}</span>
      ${row.ranked
        ? html`<span class="score">
            <span class="value">${score}<span class="visually-hidden"> / 100, ${band}</span></span>
            ${renderMeter(row.score, row)}
            <span class="muted">${count}</span>
          </span>`
        : html`<span class="score muted"><span>${t.notRanked}</span><span>${t.notRankedHelp(config.minAppearances)}</span></span>`}
    </li>`;
  }
}
