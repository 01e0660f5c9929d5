import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { visibleIdeas, type BoardData, type BoardResultRow } from '../../core/board/board.view.js';
import type { LocalizedText } from '../../core/activity.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { renderConnection } from '../../kit/activity-view.js';
import { renderMeter } from './ranking-controller.js';
import type { BoardView, OsaPriorityBoard } from './priority-board.component.js';
import '../join-code/join-code.js';
import '../chart/chart.js';
import { joinLink } from '../../kit/presenter.js';

/** Ideas shown in the presenter's ranking and chart. */
const PRESENTER_TOP = 10;
/** How long a row takes to move to its new place after a re-ranking. */
const MOVE_MS = 600;
/** The smallest share of its natural size the view shrinks to, to fit a box of fixed height. */
const MIN_FIT = 0.6;

/** One row of the presenter's top list. */
interface Standing {
  id: string;
  text: string;
  position: number;
  /** Length of the bar, 0–100. */
  bar: number;
  /** The uncertainty band behind the bar (duels only). */
  band?: { lower: number; upper: number };
  /** What the chart shows: the score in duels, the number of likes in likes mode. */
  value: number;
  row: BoardResultRow;
}

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The presenter view of a board, for a projector or a stream overlay: the event and question, the
 * live top ten with bars that move to their new places, a chart, the join code and true counters.
 * Type and bars follow the size of the screen. It goes full screen on request, and the organiser
 * opens it from the organiser view ("Show on screen") to show the room results that participants
 * do not see yet, without the organiser key ever appearing in an address.
 */
export class BoardPresenter implements ReactiveController {
  /** The view to return to: set when the organiser opened the presenter with "Show on screen". */
  private returnTo: BoardView | undefined;
  private eventTitle: LocalizedText | undefined;
  private titleOf: { adapter: OsaAdapter; eventId: string } | undefined;
  /** Rows' tops before an update, and their order after the last one (for moving rows). */
  private tops = new Map<string, number>();
  private order: string | undefined;
  private readonly moves = new Map<string, Animation>();
  /** How much the view is shrunk to fit the host's height; set through a constructed style sheet, as a strict CSP blocks inline styles. */
  private fit = 1;
  private readonly fitSheet = new CSSStyleSheet();
  private readonly resizes = new ResizeObserver(() => this.refit(true));
  private readonly onFullscreenChange = (): void => this.host.requestUpdate();

  constructor(private readonly host: OsaPriorityBoard) {
    host.addController(this);
  }

  private get t() {
    return this.host.t.presenter;
  }

  private get showing(): boolean {
    return this.host.view === 'presenter';
  }

  private get fullscreen(): boolean {
    return this.host.matches(':fullscreen');
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.resizes.observe(this.host);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.resizes.disconnect();
  }

  hostUpdate(): void {
    if (!this.showing) {
      this.returnTo = undefined;
      this.order = undefined;
      return;
    }
    this.loadEventTitle();
    this.tops = new Map([...this.rows()].map(([id, row]) => [id, row.getBoundingClientRect().top]));
  }

  /** Rows whose place changed move there from where they were (FLIP), unless motion is reduced. */
  hostUpdated(): void {
    if (!this.showing) return;
    this.refit();
    const rows = this.rows();
    const order = [...rows.keys()].join(' ');
    // The first rows shown (or the first after none) appear in place; later changes of order move.
    const reordered = Boolean(this.order) && order !== this.order;
    this.order = order;
    if (!reordered || reducedMotion()) return;
    for (const [id, row] of rows) {
      const before = this.tops.get(id);
      const offset = before === undefined ? undefined : before - row.getBoundingClientRect().top;
      if (offset !== undefined && Math.abs(offset) < 1) continue;
      this.moves.get(id)?.cancel();
      const keyframes = offset === undefined ? [{ opacity: 0 }, { opacity: 1 }] : [{ transform: `translateY(${offset}px)` }, { transform: 'none' }];
      this.moves.set(id, row.animate(keyframes, { duration: MOVE_MS, easing: 'cubic-bezier(0.2, 0, 0, 1)' }));
    }
  }

  /**
   * Shrinks the view when its natural height is more than the host's: a host of fixed height (full
   * screen, or a box the page sizes) shows everything without scrolling, long ideas and titles too.
   * A host of automatic height grows with the view instead. Shorter lines wrap less, so the size
   * is searched for, not computed: after a resize, or when a live update no longer fits snugly.
   */
  private refit(resized = false): void {
    const root = this.host.shadowRoot;
    const board = root?.querySelector('.board');
    if (!root || !board || !this.showing) return;
    if (!root.adoptedStyleSheets.includes(this.fitSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.fitSheet];
    const fits = () => board.getBoundingClientRect().height <= this.host.clientHeight + 0.5;
    if (!resized && fits() && (this.fit === 1 || board.getBoundingClientRect().height >= 0.95 * this.host.clientHeight)) return;
    this.setFit(1);
    if (fits()) return;
    let [small, large] = [MIN_FIT, 1];
    for (let step = 0; step < 7; step += 1) {
      const middle = (small + large) / 2;
      this.setFit(middle);
      if (fits()) small = middle;
      else large = middle;
    }
    this.setFit(small);
  }

  private setFit(fit: number): void {
    if (fit === this.fit) return;
    this.fit = fit;
    this.fitSheet.replaceSync(`:host { --_presenter-fit: ${fit.toFixed(3)}; }`);
  }

  private rows(): Map<string, HTMLElement> {
    const items = this.host.renderRoot?.querySelectorAll<HTMLElement>('.standings > li[data-id]') ?? [];
    return new Map([...items].map((item) => [item.dataset.id!, item]));
  }

  /** The event's title, read once per adapter and event (from the cache first); the question's title stands alone until then. */
  private loadEventTitle(): void {
    const { adapter, eventId } = this.host.live;
    if (!adapter || !eventId || (this.titleOf?.adapter === adapter && this.titleOf.eventId === eventId)) return;
    const target = (this.titleOf = { adapter, eventId });
    this.eventTitle = undefined;
    const show = (title: LocalizedText | undefined) => {
      if (this.titleOf !== target || title === undefined) return;
      this.eventTitle = title;
      this.host.requestUpdate();
    };
    void (async () => {
      try {
        show((await adapter.getEventCached?.(eventId))?.title);
        show((await adapter.getEvent(eventId)).title);
      } catch {
        // Offline or refused: the question's title is enough on the screen.
      }
    })();
  }

  /** Opens the presenter in place of the organiser's view, as the organiser (results shown), full screen where the browser allows. */
  showOnScreen(): void {
    this.returnTo = this.host.view;
    this.host.view = 'presenter';
    void this.enterFullscreen();
    void this.focusAfterUpdate('[data-presenter-back]');
  }

  private back(): void {
    const view = this.returnTo ?? 'organiser';
    if (this.fullscreen) void document.exitFullscreen().catch(() => undefined);
    this.host.view = view;
    void this.focusAfterUpdate('[data-show-on-screen]');
  }

  private async enterFullscreen(): Promise<void> {
    if (!document.fullscreenEnabled) return;
    try {
      await this.host.requestFullscreen();
    } catch {
      // Refused (no user gesture, or a frame without permission): the view stays in the page.
    }
  }

  private toggleFullscreen(): void {
    if (this.fullscreen) void document.exitFullscreen().catch(() => undefined);
    else void this.enterFullscreen();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The organiser view's button that opens this view. */
  renderShowOnScreen(): TemplateResult {
    return html`<button type="button" data-show-on-screen @click=${() => this.showOnScreen()}>${this.t.showOnScreen}</button>`;
  }


  /** The top of the ranking: by score in duels (ranked ideas only), by likes in likes mode, where equal counts share a place. */
  private standings(board: BoardData): { rows: Standing[]; unranked: number } {
    const results = this.host.ranking.results;
    if (board.config.mode === 'duel') {
      const ranked = results.filter((row) => row.ranked);
      const rows = ranked.slice(0, PRESENTER_TOP).map((row, index) => ({
        id: row.id,
        text: row.text,
        position: index + 1,
        bar: row.score,
        band: { lower: row.lower, upper: row.upper },
        value: Math.round(row.score),
        row,
      }));
      return { rows, unranked: results.length - ranked.length };
    }
    const byLikes = [...results].sort((a, b) => b.wins - a.wins).slice(0, PRESENTER_TOP);
    // Bars show the share of voters who like the idea, as the chart's axis ends at the number of voters.
    const out = Math.max(1, board.state.voters, byLikes[0]?.wins ?? 0);
    const rows = byLikes.map((row) => ({
      id: row.id,
      text: row.text,
      position: 1 + byLikes.findIndex((other) => other.wins === row.wins),
      bar: (100 * row.wins) / out,
      value: row.wins,
      row,
    }));
    return { rows, unranked: 0 };
  }

  render(board: BoardData, title: string, localize: (value: LocalizedText | undefined) => string): TemplateResult {
    const host = this.host;
    const t = this.t;
    const f = host.i18n.format;
    const likes = board.config.mode === 'upvote';
    const { rows, unranked } = host.canSeeResults ? this.standings(board) : { rows: [], unranked: 0 };
    const eventTitle = localize(this.eventTitle);
    const counters: Array<[number, (count: number) => string]> = [
      [board.state.participantCount, t.participants],
      [visibleIdeas(board.state, host.questionId).length, t.ideas],
      [board.state.votes, likes ? t.likes : t.votes],
    ];
    return html`<div class="presenter ${rows.length === 0 ? 'waiting' : ''}" part="presenter">
      <header class="presenter-head">
        <div class="titles">
          ${eventTitle ? html`<p class="event-title">${eventTitle}</p>` : nothing}
          <h2 id="board-title">${title}</h2>
        </div>
        <ul class="counters">
          ${counters.map(([count, noun]) => html`<li><span class="count">${f.number(count)}</span> <span class="noun">${noun(count)}</span></li>`)}
        </ul>
        <span class="phase-badge">${host.t.phase[board.phase as keyof typeof host.t.phase] ?? board.phase}</span>
        ${renderConnection(host.live, host.i18n.msg)}
      </header>
      <section class="standings-area" aria-labelledby="ranking-title">
        <h3 id="ranking-title" class="visually-hidden">${host.t.results.title}</h3>
        ${!host.canSeeResults
          ? html`<p class="presenter-message">${host.t.results.hidden}</p>`
          : rows.length === 0
            ? html`<p class="presenter-message">${host.t.results.empty}</p>`
            : html`<ol class="standings" part="ranking" aria-labelledby="ranking-title">
                  ${repeat(rows, (row) => row.id, (row) => this.renderStanding(row, likes))}
                </ol>
                <p class="note">${likes ? t.likesNote(board.state.voters) : t.scoreNote}${unranked > 0 ? ` ${t.notRanked(unranked)}` : ''}</p>`}
      </section>
      ${this.renderTools()}
      ${rows.length > 0
        ? html`<osa-chart
            class="chart"
            label=${likes ? t.chartLikes : t.chart}
            .max=${likes ? Math.max(1, board.state.voters) : 100}
            .rows=${rows.map((row) => ({ label: row.text, value: row.value }))}
          ></osa-chart>`
        : nothing}
      <aside class="join">
        <osa-join-code url=${joinLink(this.host.joinUrl)}></osa-join-code>
      </aside>
    </div>`;
  }

  /** For whoever runs the screen: full screen, and the way back for the organiser who opened this view. */
  private renderTools(): TemplateResult | typeof nothing {
    const t = this.t;
    const back = this.returnTo !== undefined && this.host.live.snapshot?.viewer.organiser === true;
    if (!back && !document.fullscreenEnabled) return nothing;
    return html`<div class="tools">
      ${document.fullscreenEnabled
        ? html`<button type="button" data-fullscreen @click=${() => this.toggleFullscreen()}>${this.fullscreen ? t.exitFullscreen : t.fullscreen}</button>`
        : nothing}
      ${back ? html`<button type="button" data-presenter-back @click=${() => this.back()}>${t.back}</button>` : nothing}
    </div>`;
  }

  private renderStanding(standing: Standing, likes: boolean): TemplateResult {
    const results = this.host.t.results;
    const f = this.host.i18n.format;
    const whole = (value: number) => f.number(value, { maximumFractionDigits: 0 });
    const { row } = standing;
    return html`<li part="idea" data-id=${standing.id}>
      <span class="position">${results.position(standing.position)}</span>
      <span class="text">${standing.text}</span>
      ${renderMeter(standing.bar, standing.band)}
      ${likes
        ? html`<span class="value"><span aria-hidden="true">♥ ${f.number(row.wins)}</span><span class="visually-hidden">${this.host.t.upvote.likes(row.wins)}</span></span>`
        : html`<span class="value">${whole(row.score)}<span class="visually-hidden"> / 100, ${results.band(whole(row.lower), whole(row.upper))}</span></span>`}
    </li>`;
  }
}
