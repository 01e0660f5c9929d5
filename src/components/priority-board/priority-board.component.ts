import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens, controls } from '../../theme/tokens.js';
import { boardStyles } from './priority-board.styles.js';
import { renderOrganiser } from './priority-board.organiser.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import {
  boardResults,
  resultsVisible,
  visibleIdeas,
  type BoardConfig,
  type BoardData,
  type BoardResultRow,
  type BoardState,
  type DuelChoice,
  type Idea,
  type SubmitResult,
} from '../../core/board/board.js';
import type { LocalizedText } from '../../core/activity.js';
import { toCsv } from '../../core/csv.js';
import { toOsaError } from '../../core/errors.js';
import type { OsaAdapter, SendOptions } from '../../adapters/types.js';
import type * as ScoreChart from './score-chart.js';

type ScoreChartModule = typeof ScoreChart;

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-idea-submit': { ideaId: string; status: 'pending' | 'visible' | 'queued' };
    'osa-vote': { a: string; b: string; choice: DuelChoice; queued: boolean };
    'osa-like': { ideaId: string; liked: boolean; queued: boolean };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'osa-idea-submit': CustomEvent<{ ideaId: string; status: 'pending' | 'visible' | 'queued' }>;
    'osa-vote': CustomEvent<{ a: string; b: string; choice: DuelChoice; queued: boolean }>;
    'osa-like': CustomEvent<{ ideaId: string; liked: boolean; queued: boolean }>;
  }
}

export type BoardView = 'participant' | 'presenter' | 'organiser';

interface Feedback {
  kind: 'error' | 'success' | 'warning';
  text: string;
}

/** Rows shown before "show more"; the list stays cheap to re-render at every vote however long it is. */
const PAGE = 50;
/** A re-ranking waits this many times its own last duration after the previous one (see `willUpdate`). */
const RANK_THROTTLE = 9;
/** Ideas shown in the presenter's ranking and chart. */
const PRESENTER_TOP = 10;

/**
 * A live prioritisation board: participants submit ideas, prioritise them in pairwise duels (or
 * by likes), and see the ranking when the organiser allows. With `view="presenter"` it shows a
 * large live ranking, a chart, a QR code to join and counters, for a projector or a stream
 * overlay; with `view="organiser"` and the organiser key, phases, moderation and export.
 *
 * Ideas are always rendered as text.
 *
 * @summary Collect ideas and prioritise them live in pairwise duels or by likes.
 *
 * @event osa-idea-submit - An idea was sent (or queued while offline). `detail: { ideaId, status }`
 * @event osa-vote - A duel choice was sent. `detail: { a, b, choice, queued }`
 * @event osa-like - A like was given or taken back. `detail: { ideaId, liked, queued }`
 *
 * @csspart board - The outer container.
 * @csspart duel - The two ideas of a duel.
 * @csspart choice - Each of the two duel buttons.
 * @csspart ranking - The ranked list.
 * @csspart idea - One idea in a list.
 * @csspart form - The idea form.
 *
 * @cssproperty --osa-priority-board-gap - Space between the board's sections. Defaults to `--osa-space-m`.
 * @cssproperty --osa-priority-board-duel-min-height - Height of the duel buttons. Defaults to 160px.
 * @cssproperty --osa-priority-board-bar-color - Colour of the score bars. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-priority-board-band-color - Colour of the uncertainty band. Defaults to `--osa-color-accent-soft`.
 */
export class OsaPriorityBoard extends OsaElement {
  static override styles = [tokens, controls, boardStyles];

  /** The activity id of the board inside the event. */
  @property({ reflect: true }) activity = '';

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** `participant` (default), `presenter` for a projector or stream overlay, or `organiser` (needs the organiser key). */
  @property({ reflect: true }) view: BoardView = 'participant';

  /** Which question to show duels and results for; the first question when left out. */
  @property() question?: string;

  /** The address participants join at, for the presenter's QR code; the page address (without fragment) when left out. */
  @property({ attribute: 'join-url' }) joinUrl?: string;

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  @state() private draft: Record<string, string> = {};
  @state() private similar?: { question: string; id: string; text: string };
  @state() private feedback?: Feedback;
  @state() private pair: [string, string] | null | undefined;
  @state() private duelsDone = 0;
  @state() private stopped = false;
  /** A duel needs the server to choose the next pair: without a network the board waits for it. */
  @state() private waitingForNetwork = false;
  private lastPending = 0;
  private lastConnection = '';
  @state() private busy = false;
  @state() private shown = PAGE;
  @state() private holdRanking = false;
  @state() private editing?: { ideaId: string; text: string };
  @state() private mergeTarget: Record<string, string> = {};

  private readonly live = new ActivityController(this);
  private readonly announcer = new AnnouncerController(this);
  /** Arrow keys move between the organiser's phase buttons. */
  protected readonly phaseGroup = new RovingTabindexController(this, {
    items: () => [...(this.renderRoot?.querySelectorAll<HTMLElement>('[data-phase]') ?? [])],
    orientation: 'horizontal',
  });

  private results: BoardResultRow[] = [];
  private resultsKey = '';
  private resultsView = '';
  private rankedAt = Number.NEGATIVE_INFINITY;
  private rankCost = 0;
  private rankTimer?: ReturnType<typeof setTimeout>;
  private heldResults: BoardResultRow[] | undefined;
  private lastLeader?: string;
  private pairRequestedFor = '';
  private chart?: { update(rows: BoardResultRow[]): void; destroy(): void };
  private chartLoading?: Promise<ScoreChartModule>;
  private chartCanvas?: HTMLCanvasElement;
  private qrFor = '';
  @state() private qrImage = '';

  private get board(): BoardData | undefined {
    const snapshot = this.live.snapshot;
    return snapshot ? { state: snapshot.state as BoardState, config: snapshot.config as BoardConfig, phase: snapshot.phase } : undefined;
  }

  private get t() {
    return this.i18n.msg.board;
  }

  private text(value: LocalizedText | undefined): string {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    return value[this.i18n.language] ?? value.fi ?? value.en ?? value.sv ?? '';
  }

  private get questionId(): string | undefined {
    const board = this.board;
    if (!board) return undefined;
    return board.config.questions.some((entry) => entry.id === this.question) ? this.question : board.config.questions[0]?.id;
  }

  private readonly retryPair = (): void => {
    if (!this.waitingForNetwork) return;
    this.waitingForNetwork = false;
    this.pairRequestedFor = '';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.retryPair);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.retryPair);
    clearTimeout(this.rankTimer);
    this.rankTimer = undefined;
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The network is back when the outbox has just been sent or the live connection returned:
    // ask for the next pair again.
    const pending = this.live.pending;
    const connection = this.live.connection;
    if (this.waitingForNetwork && ((this.lastPending > 0 && pending === 0) || (this.lastConnection !== 'live' && connection === 'live'))) {
      this.retryPair();
    }
    this.lastPending = pending;
    this.lastConnection = connection;
    const board = this.board;
    if (!board) return;
    const view = `${this.questionId}|${board.config.mode}|${this.canSeeResults}`;
    const key = `${view}|${this.live.snapshot?.seq}|${board.state.tallyVersion}`;
    if (key !== this.resultsKey) {
      // On a large board a re-ranking takes tens of milliseconds: during a burst of votes it runs
      // at most every RANK_THROTTLE × its own cost, so it never takes more than a tenth of the main thread.
      const due = this.rankedAt + RANK_THROTTLE * this.rankCost;
      const now = performance.now();
      if (view === this.resultsView && now < due) {
        this.rankTimer ??= setTimeout(() => {
          this.rankTimer = undefined;
          this.requestUpdate();
        }, due - now);
        return;
      }
      this.resultsKey = key;
      this.resultsView = view;
      this.results = this.canSeeResults ? boardResults(board.state, board.config, this.questionId) : [];
      this.rankedAt = performance.now();
      this.rankCost = this.rankedAt - now;
      const leader = this.results.find((row) => row.ranked);
      if (leader && this.lastLeader !== undefined && leader.id !== this.lastLeader) {
        this.announcer.announce(this.t.results.moved(leader.text, 1));
      }
      this.lastLeader = leader?.id;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const board = this.board;
    if (!board) return;
    if (this.view === 'participant' && board.phase === 'vote' && board.config.mode === 'duel' && !this.stopped && !this.waitingForNetwork) {
      const want = `${this.live.snapshot?.eventId}|${this.activity}|${this.questionId}`;
      if (this.pairRequestedFor !== want && this.pair === undefined) {
        this.pairRequestedFor = want;
        // After this update, not inside it: the request changes reactive state.
        queueMicrotask(() => void this.requestPair());
      }
    }
    if (this.view === 'presenter') void this.updatePresenterMedia();
  }

  private get canSeeResults(): boolean {
    const board = this.board;
    if (!board) return false;
    return this.live.snapshot?.viewer.organiser === true || resultsVisible(board.config, board.phase);
  }

  // ------------------------------------------------------------ actions

  private async run<R>(command: string, payload: unknown, options?: SendOptions): Promise<{ queued: boolean; result?: R } | undefined> {
    this.busy = true;
    this.feedback = undefined;
    try {
      const sent = await this.live.send(command, payload, options);
      return sent.queued ? { queued: true } : { queued: false, result: sent.result as R };
    } catch (thrown) {
      const error = toOsaError(thrown);
      // A pair asked for without a network: the duel view says it waits for the connection.
      if (error.code === 'offline' && options?.queue === false) {
        this.waitingForNetwork = true;
        return undefined;
      }
      const board = this.board;
      // The board's own words where they say more than the general ones.
      const text =
        error.code === 'full' && command === 'submitIdea' && board
          ? this.t.collect.limitReached(board.config.maxIdeasPerParticipant)
          : this.live.errorText(error, (field) => (field === 'text' ? this.t.collect.yourIdea : field));
      this.feedback = { kind: 'error', text };
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async submitIdea(question: string, force = false): Promise<void> {
    const text = this.draft[question] ?? '';
    const sent = await this.run<SubmitResult>('submitIdea', { text, question, ...(force ? { force } : {}) });
    if (!sent) return;
    if (sent.queued) {
      this.emit('osa-idea-submit', { ideaId: '', status: 'queued' });
      this.feedback = { kind: 'warning', text: this.i18n.msg.common.offline };
    } else if (sent.result?.status === 'similar') {
      this.similar = { question, ...sent.result.similar };
      return;
    } else if (sent.result) {
      this.emit('osa-idea-submit', { ideaId: sent.result.ideaId, status: sent.result.status });
      this.feedback = { kind: 'success', text: sent.result.status === 'pending' ? this.t.collect.sentPending : this.t.collect.sent };
    }
    this.similar = undefined;
    this.draft = { ...this.draft, [question]: '' };
  }

  private async requestPair(): Promise<void> {
    // Never queued: a pair is chosen by the server for this moment, and is of no use later.
    const sent = await this.run<{ pair: [string, string] | null; done: number }>('nextPair', { question: this.questionId }, { queue: false });
    if (sent?.result) {
      this.pair = sent.result.pair;
      this.duelsDone = sent.result.done;
    } else if (sent === undefined && !this.waitingForNetwork) {
      this.pair = undefined;
      this.pairRequestedFor = '';
    }
  }

  private async choose(choice: DuelChoice): Promise<void> {
    const pair = this.pair;
    if (!pair || this.busy) return;
    const sent = await this.run<{ done: number }>('vote', { a: pair[0], b: pair[1], choice });
    if (!sent) return;
    this.emit('osa-vote', { a: pair[0], b: pair[1], choice, queued: sent.queued });
    this.announcer.announce(this.t.duel.recorded);
    this.duelsDone = sent.result?.done ?? this.duelsDone + 1;
    this.pair = undefined;
    if (sent.queued) {
      this.waitingForNetwork = true;
      return;
    }
    await this.requestPair();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.choice')?.focus();
  }

  private onDuelKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement).tagName === 'TEXTAREA') return;
    const rtl = this.i18n.dir === 'rtl';
    const keys: Record<string, DuelChoice> = {
      '1': 'a',
      '2': 'b',
      '0': 'tie',
      ArrowLeft: rtl ? 'b' : 'a',
      ArrowRight: rtl ? 'a' : 'b',
      ArrowDown: 'tie',
    };
    const choice = keys[event.key];
    if (!choice) return;
    event.preventDefault();
    void this.choose(choice);
  }

  private async setLike(ideaId: string, liked: boolean): Promise<void> {
    const sent = await this.run(liked ? 'like' : 'unlike', { ideaId });
    if (sent) this.emit('osa-like', { ideaId, liked, queued: sent.queued });
  }

  private async organiserAction(command: string, payload: unknown): Promise<void> {
    const sent = await this.run(command, payload);
    if (sent) this.feedback = { kind: 'success', text: this.t.organiser.saved };
  }

  private async download(format: 'json' | 'csv', table?: string): Promise<void> {
    try {
      const data = await this.live.exportActivity();
      const name = `${data.eventId}-${data.activity}${table ? `-${table}` : ''}.${format}`;
      // Finnish and Swedish spreadsheets expect semicolons (their decimal separator is a comma).
      const delimiter = this.i18n.language === 'en' ? ',' : ';';
      const body = format === 'json' ? JSON.stringify(data, null, 2) : toCsv(data.tables[table ?? 'results'] ?? [], { delimiter });
      const url = URL.createObjectURL(new Blob([body], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.feedback = { kind: 'error', text: this.live.errorText(toOsaError(error)) };
    }
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<section class="board" part="board" aria-labelledby="board-title">
      ${this.renderContent()} ${this.announcer.render()}
    </section>`;
  }

  private renderContent(): TemplateResult {
    const status = this.live.status;
    const board = this.board;
    if (!board) {
      if (status === 'error' || status === 'offline') {
        return html`<h2 id="board-title">${this.t.label}</h2>
          <div class="message error" role="alert">
            <p>${this.live.error ? this.live.errorText(this.live.error) : this.i18n.msg.errors.unknown}</p>
            <button @click=${() => this.live.reload()}>${this.i18n.msg.common.retry}</button>
          </div>`;
      }
      return html`<h2 id="board-title">${this.t.label}</h2>
        <p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>`;
    }
    const question = board.config.questions.find((entry) => entry.id === this.questionId);
    const title = this.view === 'organiser' ? `${this.t.label} – ${this.t.organiser.title}` : this.text(question?.title) || this.t.label;
    return html`
      <header class="top">
        <h2 id="board-title">${title}</h2>
        <span class="phase-badge">${this.t.phase[board.phase as keyof typeof this.t.phase] ?? board.phase}</span>
      </header>
      ${this.renderConnection()}
      ${this.feedback
        ? html`<div class="message ${this.feedback.kind}" role=${this.feedback.kind === 'error' ? 'alert' : 'status'}>${this.feedback.text}</div>`
        : nothing}
      ${this.view === 'presenter' ? this.renderPresenter(board) : this.view === 'organiser' ? this.renderOrganiserView(board) : this.renderParticipant(board)}
    `;
  }

  private renderConnection(): TemplateResult | typeof nothing {
    const pending = this.live.pending;
    const offline = this.live.connection === 'offline';
    if (!offline && pending === 0) return nothing;
    return html`<div class="message warning" role="status">
      ${offline ? html`<p>${this.i18n.msg.common.offline}</p>` : nothing}
      ${pending > 0 ? html`<p>${this.i18n.msg.common.pending(pending)}</p>` : nothing}
    </div>`;
  }

  private renderParticipant(board: BoardData): TemplateResult {
    const { config, phase } = board;
    const help = this.t.phaseHelp;
    switch (phase) {
      case 'collect':
        return html`<p class="muted">${help.collect}</p>
          ${config.questions.map((question) => this.renderCollect(board, question.id, this.text(question.title), config.questions.length > 1))}
          ${config.resultsVisibility === 'always' ? this.renderResults(board) : nothing}`;
      case 'vote':
        return html`<p class="muted">${config.mode === 'duel' ? help.voteDuel : help.voteUpvote}</p>
          ${config.mode === 'duel' ? this.renderDuel(board) : this.renderUpvote(board)}
          ${config.resultsVisibility === 'always' ? this.renderResults(board) : nothing}`;
      default:
        return html`<p class="muted">${phase === 'closed' ? help.closed : this.canSeeResults ? help.results : help.waiting}</p>
          ${this.canSeeResults ? this.renderResults(board) : nothing}`;
    }
  }

  private renderCollect(board: { state: BoardState; config: BoardConfig }, question: string, title: string, showTitle: boolean): TemplateResult {
    const { state, config } = board;
    const value = this.draft[question] ?? '';
    const length = [...value].length;
    const over = length > config.maxLength;
    const inputId = `idea-${question}`;
    const mine = Object.values(state.participants)
      .flatMap((record) => record.ideas)
      .map((id) => state.ideas[id])
      .filter((item): item is Idea => item !== undefined && item.question === question);
    const others = config.showIdeas ? visibleIdeas(state, question) : [];
    const likesOpen = config.likesWhileCollecting;
    const similar = this.similar?.question === question ? this.similar : undefined;
    return html`<div class="stack">
      ${showTitle ? html`<h3>${title}</h3>` : nothing}
      <form
        class="stack"
        part="form"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.submitIdea(question);
        }}
      >
        <label for=${inputId}>${this.t.collect.yourIdea}</label>
        <textarea
          id=${inputId}
          .value=${value}
          placeholder=${this.t.collect.placeholder}
          aria-describedby="${inputId}-count"
          aria-invalid=${over ? 'true' : 'false'}
          @input=${(event: InputEvent) => {
            this.draft = { ...this.draft, [question]: (event.target as HTMLTextAreaElement).value };
            if (similar) this.similar = undefined;
          }}
        ></textarea>
        <div class="row">
          <span id="${inputId}-count" class="counter ${over ? 'over' : ''}">${this.i18n.msg.common.characters(length, config.maxLength)}</span>
          <button class="primary" type="submit" ?disabled=${this.busy || value.trim().length === 0 || over}>${this.t.collect.submit}</button>
        </div>
        ${similar
          ? html`<div class="message warning" role="alert">
              <p><strong>${this.t.collect.similarTitle}</strong></p>
              <p>${this.t.collect.similarBody(similar.text)}</p>
              <div class="row">
                <button type="button" @click=${() => this.submitIdea(question, true)}>${this.t.collect.sendAnyway}</button>
                <button
                  type="button"
                  @click=${() => {
                    this.similar = undefined;
                    this.renderRoot.querySelector<HTMLTextAreaElement>(`#${inputId}`)?.focus();
                  }}
                >
                  ${this.t.collect.edit}
                </button>
              </div>
            </div>`
          : nothing}
      </form>
      <h3>${this.t.collect.mine}</h3>
      ${mine.length === 0
        ? html`<p class="muted">${this.t.collect.mineEmpty}</p>`
        : html`<ul class="plain">
            ${mine.map(
              (item) => html`<li class="idea" part="idea">
                <div>${item.text}</div>
                <div class="meta">${this.t.collect.status[item.status]}</div>
              </li>`,
            )}
          </ul>`}
      ${config.showIdeas
        ? html`<h3>${this.t.collect.all}</h3>
            ${others.length === 0
              ? html`<p class="muted">${this.t.collect.allEmpty}</p>`
              : html`<ul class="plain">
                  ${repeat(
                    others,
                    (item) => item.id,
                    (item) => html`<li class="idea" part="idea">
                      <div>${item.text}</div>
                      ${likesOpen ? this.renderLike(board.state, item, true) : nothing}
                    </li>`,
                  )}
                </ul>`}`
        : nothing}
    </div>`;
  }

  private renderLike(state: BoardState, item: Idea, showCount: boolean): TemplateResult {
    const liked = Object.values(state.participants).some((record) => record.likes.includes(item.id));
    return html`<div class="row">
      <button
        type="button"
        aria-pressed=${liked ? 'true' : 'false'}
        aria-label=${this.t.upvote.like(item.text)}
        ?disabled=${this.busy}
        @click=${() => this.setLike(item.id, !liked)}
      >
        <span aria-hidden="true">${liked ? '♥' : '♡'}</span> ${liked ? this.t.upvote.liked : this.t.upvote.action}
      </button>
      ${showCount ? html`<span class="meta">${this.t.upvote.likes(item.likes)}</span>` : nothing}
    </div>`;
  }

  private renderDuel(board: { state: BoardState }): TemplateResult {
    const t = this.t.duel;
    const progress = html`<p class="muted" aria-live="off">${t.done(this.duelsDone)}</p>`;
    if (this.stopped) {
      return html`<div class="stack">
        <p class="message success">${t.stopped}</p>
        ${progress}
        <div class="row"><button class="primary" @click=${() => ((this.stopped = false), (this.pair = undefined), (this.pairRequestedFor = ''))}>${t.continue}</button></div>
      </div>`;
    }
    if (this.pair === null) {
      const enough = visibleIdeas(board.state, this.questionId).length >= 2;
      return html`<div class="stack"><p class="message">${enough ? t.exhausted : t.notEnough}</p>${progress}</div>`;
    }
    if (this.pair === undefined && this.waitingForNetwork) {
      return html`<div class="stack"><p class="message warning">${t.waitingForNetwork}</p>${progress}</div>`;
    }
    if (this.pair === undefined) return html`<p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>`;
    const [a, b] = this.pair.map((id) => board.state.ideas[id]);
    if (!a || !b) return html`<p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>`;
    return html`<div class="stack" role="group" aria-labelledby="duel-question" aria-describedby="duel-keys" @keydown=${this.onDuelKey}>
      <h3 id="duel-question">${t.question}</h3>
      <div class="duel" part="duel">
        ${[a, b].map(
          (item, index) => html`<button class="choice" part="choice" ?disabled=${this.busy} @click=${() => this.choose(index === 0 ? 'a' : 'b')}>
            <span class="visually-hidden">${t.choose(index + 1)}:</span>
            <span>${item.text}</span>
            <span class="key" aria-hidden="true">${index + 1}</span>
          </button>`,
        )}
      </div>
      <div class="row">
        <button ?disabled=${this.busy} @click=${() => this.choose('tie')}>${t.cantDecide} <span class="key" aria-hidden="true">(0)</span></button>
        <button @click=${() => (this.stopped = true)}>${t.stop}</button>
      </div>
      ${progress}
      <p id="duel-keys" class="muted">${t.keys}</p>
    </div>`;
  }

  private renderUpvote(board: BoardData): TemplateResult {
    const ideas = visibleIdeas(board.state, this.questionId);
    if (ideas.length === 0) return html`<p class="muted">${this.t.collect.allEmpty}</p>`;
    const showCounts = this.canSeeResults;
    return html`<ul class="plain">
      ${repeat(
        ideas,
        (item) => item.id,
        (item) => html`<li class="idea" part="idea"><div>${item.text}</div>${this.renderLike(board.state, item, showCounts)}</li>`,
      )}
    </ul>`;
  }

  /** `paged` is the participant's and organiser's list (explained, with "show more"); the presenter's is the bare top. */
  private renderResults(board: { config: BoardConfig }, limit = this.shown, paged = true): TemplateResult {
    const t = this.t.results;
    const rows = this.holdRanking && this.heldResults ? this.heldResults : this.results;
    const changedWhileHeld = this.holdRanking && this.heldResults !== undefined && this.heldResults !== this.results;
    const hold = () => {
      if (!this.holdRanking) {
        this.heldResults = this.results;
        this.holdRanking = true;
      }
    };
    const release = (event: Event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (event.type === 'focusout' && next && (event.currentTarget as HTMLElement).contains(next)) return;
      this.holdRanking = false;
      this.heldResults = undefined;
    };
    let position = 0;
    return html`<div class="stack">
      <h3 id="ranking-title">${t.title}</h3>
      ${paged ? html`<p class="muted">${board.config.mode === 'duel' ? t.scoreExplained : t.upvoteExplained}</p>` : nothing}
      ${changedWhileHeld ? html`<p class="muted" role="status">${t.held}</p>` : nothing}
      ${rows.length === 0
        ? html`<p class="muted">${t.empty}</p>`
        : html`<ol class="ranking" part="ranking" aria-labelledby="ranking-title" @pointerenter=${hold} @pointerleave=${release} @focusin=${hold} @focusout=${release}>
            ${repeat(
              rows.slice(0, limit),
              (row) => row.id,
              (row) => {
                if (row.ranked) position += 1;
                return this.renderRow(row, row.ranked ? position : undefined, board.config);
              },
            )}
          </ol>`}
      ${paged && rows.length > limit
        ? html`<div class="row"><button @click=${() => (this.shown += PAGE)}>${t.showMore(Math.min(PAGE, rows.length - limit))}</button></div>`
        : nothing}
    </div>`;
  }

  private renderRow(row: BoardResultRow, position: number | undefined, config: BoardConfig): TemplateResult {
    const t = this.t.results;
    const f = this.i18n.format;
    const score = f.number(row.score, { maximumFractionDigits: 0 });
    const band = t.band(f.number(row.lower, { maximumFractionDigits: 0 }), f.number(row.upper, { maximumFractionDigits: 0 }));
    const count = config.mode === 'duel' ? t.appearances(row.appearances) : t.views(row.appearances);
    return html`<li part="idea" data-id=${row.id}>
      <span class="position">${position !== undefined ? t.position(position) : '–'}</span>
      <span class="text">${row.text}</span>
      ${row.ranked
        ? html`<span class="score">
            <span class="value">${score}<span class="visually-hidden"> / 100, ${band}</span></span>
            <span class="meter" aria-hidden="true">
              <span class="band" style=${styleMap({ insetInlineStart: `${row.lower}%`, width: `${Math.max(0, row.upper - row.lower)}%` })}></span>
              <span class="bar" style=${styleMap({ width: `${row.score}%` })}></span>
            </span>
            <span class="muted">${count}</span>
          </span>`
        : html`<span class="score muted"><span>${t.notRanked}</span><span>${t.notRankedHelp(config.minAppearances)}</span></span>`}
    </li>`;
  }

  private renderPresenter(board: BoardData): TemplateResult {
    const t = this.t.presenter;
    const url = this.joinLink;
    const votes = board.config.mode === 'duel' ? board.state.duelCount : visibleIdeas(board.state).reduce((sum, item) => sum + item.likes, 0);
    return html`<div class="presenter">
      <div class="stack">
        ${this.canSeeResults ? this.renderResults(board, PRESENTER_TOP, false) : html`<p class="message">${this.t.results.hidden}</p>`}
        ${this.canSeeResults && this.results.some((row) => row.ranked)
          ? html`<div class="chart"><canvas role="img" aria-label=${t.chart}></canvas></div>`
          : nothing}
      </div>
      <aside class="join">
        <p><strong>${t.join}</strong><br /><span>${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</span></p>
        ${this.qrImage ? html`<img src=${this.qrImage} alt=${t.qr(url)} />` : nothing}
        <div class="counters" role="status">
          <span>${t.participants(board.state.participantCount)}</span>
          <span>${t.ideas(visibleIdeas(board.state).length)}</span>
          <span>${t.votes(votes)}</span>
        </div>
      </aside>
    </div>`;
  }

  private get joinLink(): string {
    if (this.joinUrl) return this.joinUrl;
    const here = new URL(location.href);
    here.hash = '';
    here.searchParams.delete('view');
    return here.toString();
  }

  /** Chart.js and the QR encoder load only in the presenter view, on first use. */
  private async updatePresenterMedia(): Promise<void> {
    const url = this.joinLink;
    if (url !== this.qrFor) {
      this.qrFor = url;
      const { renderSVG } = await import('uqr');
      this.qrImage = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { ecc: 'M', border: 2 }))}`;
    }
    const canvas = this.renderRoot.querySelector('canvas');
    const top = this.results.filter((row) => row.ranked).slice(0, PRESENTER_TOP);
    if (!canvas || canvas !== this.chartCanvas) {
      this.chart?.destroy();
      this.chart = undefined;
      this.chartCanvas = canvas ?? undefined;
      if (!canvas) return;
    }
    if (!this.chart) {
      // Several updates may arrive while Chart.js loads: only the first creates the chart.
      this.chartLoading ??= import('./score-chart.js');
      const { createScoreChart } = await this.chartLoading;
      if (!canvas.isConnected) return;
      this.chart ??= createScoreChart(canvas);
    }
    this.chart.update(top);
  }

  private renderOrganiserView(board: BoardData): TemplateResult {
    if (!this.live.snapshot?.viewer.organiser) return html`<p class="message warning">${this.t.organiser.keyNeeded}</p>`;
    return renderOrganiser(
      {
        t: this.t,
        common: this.i18n.msg.common,
        format: this.i18n.format,
        editing: this.editing,
        setEditing: (editing) => (this.editing = editing),
        mergeTarget: this.mergeTarget,
        setMergeTarget: (ideaId, target) => (this.mergeTarget = { ...this.mergeTarget, [ideaId]: target }),
        act: (command, payload) => this.organiserAction(command, payload),
        download: (format, table) => this.download(format, table),
        results: (view) => this.renderResults(view),
      },
      board,
    );
  }
}
