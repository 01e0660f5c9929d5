import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { BOARD_PHASES, duelTally, strengthsOf, visibleIdeas, type BoardData, type BoardPhase, type Idea, type IdeaStatus, type ModerationEntry } from '../../core/board/board.view.js';
import { topStability, type TopStability } from '../../core/ranking/stability.js';
import { similarity } from '../../core/text.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { downloadExport } from '../../kit/download.js';
import type { OsaPriorityBoard } from './priority-board.component.js';

export type IdeaFilter = 'all' | IdeaStatus;
export type IdeaSort = 'newest' | 'oldest' | 'liked' | 'alphabetical';

const FILTERS: readonly IdeaFilter[] = ['all', 'pending', 'visible', 'hidden', 'merged'];
const SORTS: readonly IdeaSort[] = ['newest', 'oldest', 'liked', 'alphabetical'];
/** Ideas on one page of the organiser's list: a page renders at once however large the board. */
const IDEAS_PER_PAGE = 25;
/** Moderation log rows shown before "show more". */
const LOG_PAGE = 50;
/** Ideas offered as merge targets at once. */
const MERGE_CHOICES = 8;
/** Phases that change what everyone sees at once: moving to them asks first. */
const ASK_FIRST: readonly BoardPhase[] = ['results', 'closed'];
/** Sizes of the top whose settledness the organiser can follow. */
const TOP_SIZES = [3, 5, 10] as const;
/** The top is "settled" from this probability on, "nearly" from NEARLY. */
const SETTLED = 0.9;
const NEARLY = 0.6;
/** An idea is "on the edge" of the top while it is in it in between these shares of outcomes. */
const EDGE = [0.05, 0.95] as const;
/** How settled the top is, computed again at most every THROTTLE × its own last duration. */
const THROTTLE = 19;

const folded = new Map<string, string>();

/** Case and accents do not matter in a search: "Paatos" finds "Päätös". Kept per text: a list of hundreds is searched at every key press. */
function fold(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
    if (folded.size > 50_000) folded.clear();
    folded.set(text, key);
  }
  return key;
}

/**
 * The organiser's view of a board: phases (asking before the changes that everyone sees at once,
 * with undo), how settled the top of the ranking is, every idea with search, a status filter,
 * sorting and pages, the actions on each (publish, edit, hide, restore, merge), the ranking, the
 * settings, the exports and the moderation log. It owns its state (the list's query and page,
 * the idea being edited or merged, the phase waiting for confirmation); the board renders it only
 * for a viewer who holds the organiser key.
 */
export class BoardOrganiser implements ReactiveController {
  editing: { ideaId: string; text: string } | undefined;
  merging: { ideaId: string; query: string; target: string | undefined } | undefined;
  query = '';
  filter: IdeaFilter = 'all';
  sort: IdeaSort = 'newest';
  page = 0;
  /** The phase the organiser chose and has not confirmed yet. */
  confirming: BoardPhase | undefined;
  /** The last phase change, which "Undo" takes back. */
  undo: { from: BoardPhase; to: BoardPhase } | undefined;
  top: number = 5;
  logShown = LOG_PAGE;
  /** How settled the top is: undefined before it is computed, null while no more than `top` ideas are ranked. */
  stability: TopStability | null | undefined;
  private stabilityKey = '';
  private stabilityView = '';
  private stabilityAt = Number.NEGATIVE_INFINITY;
  private stabilityCost = 0;
  private stabilityTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly host: OsaPriorityBoard) {
    host.addController(this);
    // Arrow keys move between the phase buttons.
    new RovingTabindexController(host, {
      items: () => [...(host.renderRoot?.querySelectorAll<HTMLElement>('[data-phase]') ?? [])],
      orientation: 'horizontal',
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.stabilityTimer);
    this.stabilityTimer = undefined;
  }

  /** What the "settled" signal is computed for now (`view`), and for which votes (`key`); none where it is not shown. */
  private stabilityTarget(): { view: string; key: string } | undefined {
    const host = this.host;
    const board = host.board;
    if (host.view !== 'organiser' || !board || !host.live.snapshot?.viewer.organiser || board.config.mode !== 'duel' || board.phase === 'collect') return undefined;
    const { config } = board;
    const view = `${host.questionId}|${this.top}|${config.priorStrength ?? 1}|${config.minAppearances}`;
    return { view, key: `${view}|${board.state.tallyVersion}` };
  }

  /**
   * Computes how settled the top is again when votes, the question or the top size changed: after
   * the render, so typing and clicking never wait for it, and during a burst of votes at most once
   * every THROTTLE × its own last duration (tens to hundreds of milliseconds on a board of
   * hundreds of ideas), so it never takes more than a twentieth of the main thread.
   */
  hostUpdated(): void {
    const target = this.stabilityTarget();
    if (!target || target.key === this.stabilityKey) return;
    const sameView = target.view === this.stabilityView;
    if (this.stabilityTimer !== undefined) {
      if (sameView) return;
      clearTimeout(this.stabilityTimer);
    }
    const wait = sameView ? Math.max(0, this.stabilityAt + THROTTLE * this.stabilityCost - performance.now()) : 0;
    this.stabilityTimer = setTimeout(() => {
      this.stabilityTimer = undefined;
      this.computeStability();
    }, wait);
  }

  private computeStability(): void {
    const target = this.stabilityTarget();
    const board = this.host.board;
    if (!target || !board || target.key === this.stabilityKey) return;
    const { config, state } = board;
    const started = performance.now();
    const tally = duelTally(state);
    const ideas = visibleIdeas(state, this.host.questionId).map((item) => item.id);
    const competing = ideas.filter((id) => tally.appearances(id) >= config.minAppearances);
    const own = config.questions.length > 1 ? tally.subset(ideas) : tally;
    this.stability = topStability(own, { top: this.top, among: competing, prior: config.priorStrength ?? 1, initial: strengthsOf(state) }) ?? null;
    this.stabilityKey = target.key;
    this.stabilityView = target.view;
    this.stabilityAt = performance.now();
    this.stabilityCost = this.stabilityAt - started;
    this.host.requestUpdate();
  }

  get t() {
    return this.host.t;
  }

  get common() {
    return this.host.i18n.msg.common;
  }

  get format() {
    return this.host.i18n.format;
  }

  private get root(): HTMLElement | DocumentFragment {
    return this.host.renderRoot;
  }

  private async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.root.querySelector<HTMLElement>(selector)?.focus();
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------ the list of ideas

  /** The ideas the list shows now: searched (case and accents aside), filtered by status and sorted. */
  matching(board: BoardData): Idea[] {
    const { state } = board;
    const query = fold(this.query.trim());
    const position = new Map(state.order.map((id, index) => [id, index]));
    const found = state.order
      .map((id) => state.ideas[id])
      .filter((item) => item && (this.filter === 'all' || item.status === this.filter) && (!query || fold(item.text).includes(query) || item.id === query));
    const newest = (a: Idea, b: Idea) => b.createdAt - a.createdAt || position.get(b.id)! - position.get(a.id)!;
    const collator = new Intl.Collator(this.host.i18n.language);
    const order: Record<IdeaSort, (a: Idea, b: Idea) => number> = {
      newest,
      oldest: (a, b) => -newest(a, b),
      liked: (a, b) => b.likes - a.likes || newest(a, b),
      alphabetical: (a, b) => collator.compare(a.text, b.text) || newest(a, b),
    };
    return found.sort(order[this.sort]);
  }

  /** Changes what the list shows, back to its first page, and says how many ideas match. */
  setQuery(change: Partial<Pick<BoardOrganiser, 'query' | 'filter' | 'sort'>>): void {
    Object.assign(this, change);
    this.page = 0;
    this.host.requestUpdate();
    const board = this.host.board;
    if (board && (change.query !== undefined || change.filter !== undefined)) this.host.announce(this.t.organiser.matches(this.matching(board).length));
  }

  setPage(page: number, pages: number): void {
    if (page < 0 || page >= pages) return;
    this.update(() => (this.page = page));
    this.host.announce(this.t.organiser.page(page + 1, pages));
  }

  setEditing(editing: { ideaId: string; text: string } | undefined): void {
    this.update(() => (this.editing = editing));
  }

  setMerging(merging: BoardOrganiser['merging']): void {
    this.update(() => (this.merging = merging));
  }

  // ------------------------------------------------------------ actions

  async act(command: string, payload: unknown): Promise<boolean> {
    const outcome = await this.host.commands.run(command, payload, { success: this.t.organiser.saved });
    return outcome.status === 'done' || outcome.status === 'queued';
  }

  /**
   * Runs an action on an idea of the list. When the idea leaves the list (published from the
   * queue, merged away), focus goes to the idea that took its place, so a keyboard user goes on
   * working down the list.
   */
  async actOnIdea(ideaId: string, command: string, payload: unknown): Promise<boolean> {
    const cards = () => [...this.root.querySelectorAll<HTMLElement>('[data-idea]')];
    const index = cards().findIndex((card) => card.dataset.idea === ideaId);
    const done = await this.act(command, payload);
    await this.host.updateComplete;
    const active = (this.root as ShadowRoot).activeElement;
    if (active === null || !active.isConnected) {
      const next = cards()[Math.min(index, cards().length - 1)];
      (next?.querySelector<HTMLElement>('button') ?? this.root.querySelector<HTMLElement>('#idea-search'))?.focus();
    }
    return done;
  }

  /** Moves to `phase`; the changes that everyone sees at once wait for a confirmation. */
  choosePhase(phase: BoardPhase, current: BoardPhase): void {
    if (phase === current) return;
    if (ASK_FIRST.includes(phase)) {
      this.update(() => (this.confirming = phase));
      void this.focus('[data-confirm-phase]');
      return;
    }
    void this.setPhase(phase, current);
  }

  async setPhase(phase: BoardPhase, current: BoardPhase): Promise<void> {
    this.confirming = undefined;
    this.undo = undefined;
    const outcome = await this.host.commands.run('setPhase', { phase });
    if (outcome.status === 'done') this.undo = { from: current, to: phase };
    this.host.requestUpdate();
    await this.focus(`[data-phase="${this.undo ? phase : current}"]`);
  }

  cancelPhase(): void {
    const phase = this.host.board?.phase;
    this.update(() => (this.confirming = undefined));
    void this.focus(`[data-phase="${phase}"]`);
  }

  async undoPhase(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    const outcome = await this.host.commands.run('setPhase', { phase: undo.from }, { success: this.t.organiser.undone(this.t.phase[undo.from]) });
    if (outcome.status === 'done') this.undo = undefined;
    this.host.requestUpdate();
    await this.focus(`[data-phase="${undo.from}"]`);
  }

  setTop(top: number): void {
    // The share shown was for another top: gone until computed for this one.
    this.update(() => {
      this.top = top;
      this.stability = undefined;
    });
  }

  download(format: 'json' | 'csv', table = 'results'): Promise<boolean> {
    return this.host.commands.act(async () =>
      downloadExport(await this.host.live.exportActivity(), format, table, this.host.i18n.language, { labels: this.t.export }),
    );
  }

  results(): TemplateResult {
    return this.host.ranking.render(this.host.board!.config);
  }

  /** "Show on screen": the presenter view, as the organiser, in full screen. */
  showOnScreen(): TemplateResult {
    return this.host.presenter.renderShowOnScreen();
  }

  render(board: BoardData): TemplateResult {
    return html`<div class="organiser">
      ${renderPhases(this, board)} ${board.config.mode === 'duel' && board.phase !== 'collect' ? renderSettled(this, board) : nothing} ${renderIdeas(this, board)}
      <div class="org-side">
        ${renderSettings(this, board)} ${renderExports(this)} ${this.results()}
      </div>
      ${renderLog(this, board)}
    </div>`;
  }
}

type Organiser = BoardOrganiser;

function renderPhases(host: Organiser, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const phase = board.phase as BoardPhase;
  const confirming = host.confirming;
  return html`<fieldset class="org-phases">
    <legend id="phase-legend">${t.phase}</legend>
    <div class="row">
      <div class="row" role="radiogroup" aria-labelledby="phase-legend">
        ${BOARD_PHASES.map(
          (value) => html`<button
            role="radio"
            data-phase=${value}
            aria-checked=${phase === value ? 'true' : 'false'}
            @click=${() => host.choosePhase(value, phase)}
          >
            ${host.t.phase[value]}
          </button>`,
        )}
      </div>
      ${host.showOnScreen()}
    </div>
    ${confirming
      ? html`<div
          class="message warning confirm"
          role="alertdialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-body"
          @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            host.cancelPhase();
          }}
        >
          <p id="confirm-title"><strong>${t.confirmTitle(host.t.phase[confirming])}</strong></p>
          <p id="confirm-body">${confirming === 'closed' ? t.confirmClosed : t.confirmResults}</p>
          <div class="row">
            <button class="primary" data-confirm-phase ?disabled=${host.host.commands.busy} @click=${() => host.setPhase(confirming, phase)}>
              ${t.confirmPhase(host.t.phase[confirming])}
            </button>
            <button @click=${() => host.cancelPhase()}>${host.common.cancel}</button>
          </div>
        </div>`
      : nothing}
    ${host.undo && host.undo.to === phase
      ? html`<div class="message success row between" role="status">
          <span>${t.phaseChanged(host.t.phase[host.undo.to])}</span>
          <button data-undo-phase ?disabled=${host.host.commands.busy} @click=${() => host.undoPhase()}>${t.undo}</button>
        </div>`
      : nothing}
  </fieldset>`;
}

function renderSettled(host: Organiser, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const f = host.format;
  const stability = host.stability;
  const level = stability ? (stability.probability >= SETTLED ? 'settled' : stability.probability >= NEARLY ? 'nearly' : 'open') : undefined;
  const edge = stability
    ? [...stability.inTop].filter(([, share]) => share > EDGE[0] && share < EDGE[1]).sort((a, b) => b[1] - a[1]).slice(0, 6)
    : [];
  const unestimated = (board.config.priorStrength ?? 1) === 0 ? host.host.ranking.results.filter((row) => row.estimable === false).length : 0;
  return html`<section class="org-settled stack" aria-labelledby="settled-title">
    <div class="row between">
      <h3 id="settled-title">${t.settledTitle}</h3>
      <label class="row"
        >${t.topSize}
        <select @change=${(event: Event) => host.setTop(Number((event.target as HTMLSelectElement).value))}>
          ${TOP_SIZES.map((size) => html`<option value=${size} ?selected=${host.top === size}>${f.number(size)}</option>`)}
        </select></label
      >
    </div>
    ${stability === undefined
      ? nothing
      : stability === null
        ? html`<p class="muted">${t.settledNeedsMore(host.top)}</p>`
        : html`<p class="verdict ${level}">
              <strong>${level === 'settled' ? t.settledYes : level === 'nearly' ? t.settledNearly : t.settledNo}</strong>
              ${t.settledShare(host.top, f.percent(stability.probability))}
            </p>
            <meter min="0" max="1" low=${NEARLY} high=${SETTLED} optimum="1" .value=${stability.probability} aria-label=${t.settledTitle}></meter>
            ${edge.length > 0
              ? html`<p id="settled-edge">${t.settledEdge(host.top)}</p>
                  <ul class="edge" aria-labelledby="settled-edge">
                    ${edge.map(
                      ([id, share]) => html`<li>
                        <span class="share">${f.percent(share)}</span><span class="idea-text">${board.state.ideas[id]?.text ?? id}</span>
                      </li>`,
                    )}
                  </ul>`
              : nothing}`}
    ${unestimated > 0 ? html`<p class="muted">${t.noEstimate(unestimated)}</p>` : nothing}
    <details>
      <summary>${t.settledWhat}</summary>
      <p>${t.settledExplained(host.top)}</p>
    </details>
  </section>`;
}

function renderIdeas(host: Organiser, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const { state } = board;
  const all = state.order.map((id) => state.ideas[id]).filter((item) => item !== undefined);
  const count = (filter: IdeaFilter) => (filter === 'all' ? all.length : all.filter((item) => item.status === filter).length);
  const matching = host.matching(board);
  const pages = Math.max(1, Math.ceil(matching.length / IDEAS_PER_PAGE));
  const page = Math.min(host.page, pages - 1);
  const shown = matching.slice(page * IDEAS_PER_PAGE, (page + 1) * IDEAS_PER_PAGE);
  const pending = count('pending');
  const visible = visibleIdeas(state);
  return html`<section class="org-ideas stack" aria-labelledby="ideas-title">
    <h3 id="ideas-title">${t.ideas} (${host.format.number(all.length)})</h3>
    ${pending > 0 && host.filter !== 'pending'
      ? html`<div class="message warning row between">
          <span>${t.pendingWaiting(pending)}</span>
          <button @click=${() => host.setQuery({ filter: 'pending' })}>${t.showPending}</button>
        </div>`
      : nothing}
    ${pending === 0 && host.filter === 'pending' ? html`<p class="muted">${t.queueEmpty}</p>` : nothing}
    <div class="toolbar" role="search" aria-label=${t.ideas}>
      <label class="search"
        >${t.search}
        <input
          id="idea-search"
          type="search"
          autocomplete="off"
          .value=${live(host.query)}
          @input=${(event: InputEvent) => host.setQuery({ query: (event.target as HTMLInputElement).value })}
      /></label>
      <label
        >${t.show}
        <select @change=${(event: Event) => host.setQuery({ filter: (event.target as HTMLSelectElement).value as IdeaFilter })}>
          ${FILTERS.map(
            (filter) => html`<option value=${filter} ?selected=${host.filter === filter}>${t.filters[filter]} (${host.format.number(count(filter))})</option>`,
          )}
        </select></label
      >
      <label
        >${t.sort}
        <select @change=${(event: Event) => host.setQuery({ sort: (event.target as HTMLSelectElement).value as IdeaSort })}>
          ${SORTS.map((sort) => html`<option value=${sort} ?selected=${host.sort === sort}>${t.sorts[sort]}</option>`)}
        </select></label
      >
    </div>
    <p class="muted" id="ideas-count">
      ${matching.length === 0
        ? all.length === 0
          ? t.noIdeas
          : t.matches(0)
        : t.showing(host.format.number(page * IDEAS_PER_PAGE + 1), host.format.number(page * IDEAS_PER_PAGE + shown.length), host.format.number(matching.length))}
    </p>
    ${shown.length > 0
      ? html`<ul class="plain org-list" aria-describedby="ideas-count">
          ${repeat(shown, (item) => item.id, (item) => renderIdea(host, board, item, visible))}
        </ul>`
      : nothing}
    ${pages > 1
      ? html`<nav class="row pager" aria-label=${t.pages}>
          <button aria-disabled=${page === 0 ? 'true' : 'false'} @click=${() => host.setPage(page - 1, pages)}>${t.previous}</button>
          <span>${t.page(page + 1, pages)}</span>
          <button aria-disabled=${page === pages - 1 ? 'true' : 'false'} @click=${() => host.setPage(page + 1, pages)}>${t.next}</button>
        </nav>`
      : nothing}
  </section>`;
}

function renderIdea(host: Organiser, board: BoardData, item: Idea, visible: Idea[]): TemplateResult {
  const t = host.t.organiser;
  const textId = `idea-text-${item.id}`;
  const editing = host.editing?.ideaId === item.id ? host.editing : undefined;
  const merging = host.merging?.ideaId === item.id ? host.merging : undefined;
  const question = board.config.questions.length > 1 ? board.config.questions.find((entry) => entry.id === item.question) : undefined;
  const mergedInto = item.mergedInto ? board.state.ideas[item.mergedInto] : undefined;
  const action = (label: string, command: string, payload: unknown, primary = false) => html`<button
    class=${primary ? 'primary' : ''}
    aria-describedby=${textId}
    ?disabled=${host.host.commands.busy}
    @click=${() => host.actOnIdea(item.id, command, payload)}
  >
    ${label}
  </button>`;
  return html`<li class="org-idea ${item.status}" part="idea" data-idea=${item.id}>
    <div class="body">
      <p class="text" id=${textId}>${item.text}</p>
      <p class="meta">
        <span>${item.id}</span> · <span class="status ${item.status}">${t.statuses[item.status]}</span> · ${host.t.upvote.likes(item.likes)} ·
        <time datetime=${new Date(item.createdAt).toISOString()}>${host.format.time(item.createdAt)}</time>${question
          ? html` · ${typeof question.title === 'string' ? question.title : question.id}`
          : nothing}${mergedInto ? html` · ${t.mergedInto(mergedInto.text)}` : nothing}${item.flagged?.length
          ? html` · <span class="flag">${t.flagged(item.flagged.join(', '))}</span>`
          : nothing}
      </p>
    </div>
    ${item.status === 'merged' || editing || merging
      ? nothing
      : html`<div class="actions">
          ${item.status === 'pending' ? action(t.approve, 'moderate', { ideaId: item.id, action: 'approve' }, true) : nothing}
          <button
            aria-describedby=${textId}
            data-edit=${item.id}
            @click=${() => {
              host.setEditing({ ideaId: item.id, text: item.text });
              void focusAfter(host, `#edit-${item.id}`);
            }}
          >
            ${t.edit}
          </button>
          ${item.status === 'hidden' ? action(t.restore, 'moderate', { ideaId: item.id, action: 'restore' }) : action(t.hide, 'moderate', { ideaId: item.id, action: 'hide' })}
          ${item.status === 'visible' && visible.length > 1
            ? html`<button
                aria-describedby=${textId}
                data-merge=${item.id}
                @click=${() => {
                  host.setMerging({ ideaId: item.id, query: '', target: undefined });
                  void focusAfter(host, `#merge-search-${item.id}`);
                }}
              >
                ${t.mergeInto}
              </button>`
            : nothing}
        </div>`}
    ${editing ? renderEdit(host, item, editing) : nothing} ${merging ? renderMerge(host, item, merging, visible) : nothing}
  </li>`;
}

async function focusAfter(host: Organiser, selector: string): Promise<void> {
  await host.host.updateComplete;
  host.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

function renderEdit(host: Organiser, item: Idea, editing: { ideaId: string; text: string }): TemplateResult {
  const t = host.t.organiser;
  const close = () => {
    host.setEditing(undefined);
    void focusAfter(host, `[data-edit="${item.id}"]`);
  };
  return html`<form
    class="panel stack"
    @submit=${async (event: Event) => {
      event.preventDefault();
      if (await host.act('moderate', { ideaId: item.id, action: 'edit', text: editing.text })) close();
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    }}
  >
    <label for="edit-${item.id}">${t.edit}</label>
    <textarea
      id="edit-${item.id}"
      .value=${editing.text}
      @input=${(event: InputEvent) => host.setEditing({ ideaId: item.id, text: (event.target as HTMLTextAreaElement).value })}
    ></textarea>
    <div class="row">
      <button class="primary" type="submit" ?disabled=${host.host.commands.busy || editing.text.trim() === ''}>${t.saveEdit}</button>
      <button type="button" @click=${close}>${host.common.cancel}</button>
    </div>
  </form>`;
}

/**
 * Choosing the idea to keep: the most similar visible ideas first (duplicates are what gets
 * merged), or those matching a search, as radio buttons (arrow keys move between them).
 */
function renderMerge(host: Organiser, item: Idea, merging: NonNullable<Organiser['merging']>, visible: Idea[]): TemplateResult {
  const t = host.t.organiser;
  const query = fold(merging.query.trim());
  const candidates = visible
    .filter((other) => other.id !== item.id && other.question === item.question && (!query || fold(other.text).includes(query)))
    .map((other) => ({ other, score: similarity(item.text, other.text) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MERGE_CHOICES)
    .map(({ other }) => other);
  const close = () => {
    host.setMerging(undefined);
    void focusAfter(host, `[data-merge="${item.id}"]`);
  };
  const legendId = `merge-legend-${item.id}`;
  return html`<form
    class="panel stack"
    @submit=${async (event: Event) => {
      event.preventDefault();
      if (!merging.target) return;
      if (await host.actOnIdea(item.id, 'merge', { from: item.id, into: merging.target })) host.setMerging(undefined);
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    }}
  >
    <p class="muted">${t.mergeHelp}</p>
    <label for="merge-search-${item.id}">${t.mergeSearch}</label>
    <input
      id="merge-search-${item.id}"
      type="search"
      autocomplete="off"
      .value=${live(merging.query)}
      @input=${(event: InputEvent) => host.setMerging({ ...merging, query: (event.target as HTMLInputElement).value })}
    />
    <fieldset class="choices">
      <legend id=${legendId}>${query ? t.mergeFound : t.mergeSimilar}</legend>
      ${candidates.length === 0
        ? html`<p class="muted">${t.mergeNone}</p>`
        : candidates.map(
            (other) => html`<label class="choice-row"
              ><input
                type="radio"
                name="merge-${item.id}"
                value=${other.id}
                .checked=${merging.target === other.id}
                @change=${() => host.setMerging({ ...merging, target: other.id })}
              /><span>${other.text}</span></label
            >`,
          )}
    </fieldset>
    <div class="row">
      <button class="primary" type="submit" ?disabled=${host.host.commands.busy || !merging.target}>${t.merge}</button>
      <button type="button" @click=${close}>${host.common.cancel}</button>
    </div>
  </form>`;
}

function renderSettings(host: Organiser, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const { config } = board;
  const setting = <K extends 'mode' | 'moderation' | 'resultsVisibility'>(key: K, options: Record<string, string>, label: string) => html`<label
    class="stack"
    >${label}
    <select @change=${(event: Event) => host.act('configure', { config: { ...config, [key]: (event.target as HTMLSelectElement).value } })}>
      ${Object.entries(options).map(([value, text]) => html`<option value=${value} ?selected=${config[key] === value}>${text}</option>`)}
    </select></label
  >`;
  return html`<fieldset class="org-settings">
    <legend>${t.settings}</legend>
    <div class="settings-grid">
      ${setting('mode', t.modes, t.mode)} ${setting('moderation', t.moderations, t.moderation)} ${setting('resultsVisibility', t.visibilities, t.visibility)}
    </div>
    ${(['showIdeas', 'likesWhileCollecting'] as const).map(
      (key) => html`<label class="check"
        ><input
          type="checkbox"
          .checked=${config[key]}
          @change=${(event: Event) => host.act('configure', { config: { ...config, [key]: (event.target as HTMLInputElement).checked } })}
        /><span>${t[key]}</span></label
      >`,
    )}
  </fieldset>`;
}

function renderExports(host: Organiser): TemplateResult {
  const t = host.t.organiser;
  return html`<fieldset class="org-export">
    <legend>${t.export}</legend>
    <div class="row">
      ${(Object.keys(t.tables) as Array<keyof typeof t.tables>).map(
        (table) => html`<button @click=${() => host.download('csv', table)}>${t.exportCsv(t.tables[table])}</button>`,
      )}
      <button @click=${() => host.download('json')}>${t.exportJson}</button>
    </div>
  </fieldset>`;
}

function renderLog(host: Organiser, board: BoardData): TemplateResult {
  const t = host.t.organiser;
  const { moderation, ideas } = board.state;
  const entries = moderation.slice(-host.logShown).reverse();
  const today = new Date().toDateString();
  const when = (at: number) =>
    new Date(at).toDateString() === today ? host.format.time(at) : host.format.date(at, { dateStyle: 'short', timeStyle: 'short' });
  // The detail of publishing, hiding and restoring is the idea's text at the time: shown only once it differs from the text now.
  const detail = (entry: ModerationEntry) =>
    ['approve', 'hide', 'restore'].includes(entry.action) && entry.detail === ideas[entry.ideaId]?.text ? '' : entry.detail;
  return html`<details class="org-log">
    <summary>${t.log} (${host.format.number(moderation.length)})</summary>
    ${moderation.length === 0
      ? html`<p class="muted">${t.logEmpty}</p>`
      : html`<table>
            <thead>
              <tr>
                <th scope="col">${t.logColumns.time}</th>
                <th scope="col">${t.logColumns.action}</th>
                <th scope="col">${t.logColumns.idea}</th>
                <th scope="col">${t.logColumns.detail}</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (entry) => html`<tr>
                  <td class="log-time"><time datetime=${new Date(entry.at).toISOString()}>${when(entry.at)}</time></td>
                  <td class="log-action">${t.actions[entry.action]}</td>
                  <td class="log-idea">${ideas[entry.ideaId]?.text ?? entry.ideaId}</td>
                  <td class="log-detail">${detail(entry)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${moderation.length > host.logShown
            ? html`<button
                @click=${() => {
                  host.logShown += LOG_PAGE;
                  host.host.requestUpdate();
                }}
              >
                ${host.t.results.showMore(Math.min(LOG_PAGE, moderation.length - host.logShown))}
              </button>`
            : nothing}`}
  </details>`;
}
