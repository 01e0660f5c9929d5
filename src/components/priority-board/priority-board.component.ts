import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens, controls } from '../../theme/tokens.js';
import { boardStyles } from './priority-board.styles.js';
import { presenterStyles } from './presenter.styles.js';
import { presenterCounterStyles } from '../../kit/presenter.js';
import { organiserStyles } from './organiser.styles.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { CommandController } from '../../controllers/command-controller.js';
import { renderConnection, renderUnloaded } from '../../kit/activity-view.js';
import {
  boardMine,
  boardView,
  resultsVisible,
  visibleIdeas,
  type BoardConfig,
  type BoardData,
  type BoardState,
  type DuelChoice,
  type Idea,
  type ParticipantRecord,
} from '../../core/board/board.view.js';
import type { SubmitResult } from '../../core/board/board.js';
import type { LocalizedText } from '../../core/activity.js';
import { localizedText } from '../../core/activity.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { DuelController } from './duel-controller.js';
import { RankingController } from './ranking-controller.js';
import { BoardOrganiser } from './priority-board.organiser.js';
import { BoardPresenter } from './priority-board.presenter.js';
import { registerTexts } from '../../i18n/localize.js';
import { boardTexts } from '../../i18n/board/index.js';

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-idea-submit': { ideaId: string; status: 'pending' | 'visible' | 'queued' };
    'osa-vote': { a: string; b: string; choice: DuelChoice; queued: boolean };
    'osa-like': { ideaId: string; liked: boolean; queued: boolean };
  }
}

export type BoardView = 'participant' | 'presenter' | 'organiser';

/**
 * A live prioritisation board: participants submit ideas, prioritise them in pairwise duels (or
 * by likes), and see the ranking when the organiser allows. With `view="presenter"` it shows a
 * large live ranking, a chart, a QR code to join and counters, for a projector or a stream
 * overlay (sized to the screen, with a full-screen button); with `view="organiser"` and the
 * organiser key, phases, moderation, export and "Show on screen", which turns the same element
 * into the presenter view as the organiser.
 *
 * Ideas are always rendered as text.
 *
 * @summary Collect ideas and prioritise them live in pairwise duels or by likes.
 * @tagname osa-priority-board
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
 * @csspart presenter - The presenter view's container.
 *
 * @cssproperty --osa-priority-board-gap - Space between the board's sections. Defaults to `--osa-space-m`.
 * @cssproperty --osa-priority-board-duel-min-height - Height of the duel buttons. Defaults to 160px.
 * @cssproperty --osa-priority-board-bar-color - Colour of the score bars. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-priority-board-band-color - Colour of the uncertainty band. Defaults to `--osa-color-accent-soft`.
 * @cssproperty --osa-priority-board-presenter-font-size - Base font size of the presenter view, which sizes all of it. Defaults to a size that follows the element's width and the screen's height.
 */
export class OsaPriorityBoard extends OsaElement {
  static {
    registerTexts(boardTexts);
  }

  static override styles = [tokens, controls, boardStyles, presenterCounterStyles, presenterStyles, organiserStyles];

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

  /** @internal */
  readonly live = new ActivityController<BoardState, BoardConfig>(this, boardView);
  /** @internal */
  readonly commands = new CommandController(this, this.live, {
    // The board's own words where they say more than the general ones.
    refusal: (error, command) => (error.code === 'full' && command === 'submitIdea' && this.board ? this.t.collect.limitReached(this.board.config.maxIdeasPerParticipant) : undefined),
    fieldLabel: (field) => (field === 'text' ? this.t.collect.yourIdea : field),
  });
  /** @internal */
  readonly ranking = new RankingController(this);
  private readonly duel = new DuelController(this);
  private readonly organiser = new BoardOrganiser(this);
  /** @internal */
  readonly presenter = new BoardPresenter(this);
  private readonly announcer = new AnnouncerController(this);

  /** The board as the viewer sees it now. @internal */
  get board(): BoardData | undefined {
    return this.live.snapshot;
  }

  /** What of the board is the viewer's own. */
  private get mine(): ParticipantRecord {
    const snapshot = this.live.snapshot!;
    return boardMine(snapshot.state, snapshot.viewer);
  }

  /** @internal */
  get t() {
    return this.i18n.msg.board;
  }

  /** @internal */
  announce(message: string): void {
    this.announcer.announce(message);
  }

  private text(value: LocalizedText | undefined): string {
    return localizedText(value, this.i18n.language);
  }

  /** The question whose duels and results are shown. @internal */
  get questionId(): string | undefined {
    const board = this.board;
    if (!board) return undefined;
    return board.config.questions.some((entry) => entry.id === this.question) ? this.question : board.config.questions[0]?.id;
  }

  /** Whether the viewer may see the ranking now. @internal */
  get canSeeResults(): boolean {
    const snapshot = this.live.snapshot;
    return snapshot !== undefined && (snapshot.viewer.organiser || resultsVisible(snapshot.config, snapshot.phase));
  }

  // ------------------------------------------------------------ actions

  private async submitIdea(question: string, force = false): Promise<void> {
    const text = this.draft[question] ?? '';
    const outcome = await this.commands.run<SubmitResult>('submitIdea', { text, question, ...(force ? { force } : {}) });
    if (outcome.status === 'refused' || outcome.status === 'offline') return;
    if (outcome.status === 'queued') {
      this.emit('osa-idea-submit', { ideaId: '', status: 'queued' });
    } else if (outcome.result.status === 'similar') {
      this.similar = { question, ...outcome.result.similar };
      return;
    } else {
      this.emit('osa-idea-submit', { ideaId: outcome.result.ideaId, status: outcome.result.status });
      this.commands.say({ kind: 'success', text: outcome.result.status === 'pending' ? this.t.collect.sentPending : this.t.collect.sent });
    }
    this.similar = undefined;
    this.draft = { ...this.draft, [question]: '' };
  }

  private async setLike(ideaId: string, liked: boolean): Promise<void> {
    const outcome = await this.commands.run(liked ? 'like' : 'unlike', { ideaId });
    if (outcome.status === 'done' || outcome.status === 'queued') this.emit('osa-like', { ideaId, liked, queued: outcome.status === 'queued' });
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<section class="board" part="board" aria-labelledby="board-title">${this.renderContent()} ${this.announcer.render()}</section>`;
  }

  private renderContent(): TemplateResult {
    const board = this.board;
    if (!board) return html`<h2 id="board-title">${this.t.label}</h2>${renderUnloaded(this.live, this.i18n.msg)}`;
    const question = board.config.questions.find((entry) => entry.id === this.questionId);
    const title = this.view === 'organiser' ? `${this.t.label} – ${this.t.organiser.title}` : this.text(question?.title) || this.t.label;
    if (this.view === 'presenter') return this.presenter.render(board, title, (value) => this.text(value));
    return html`
      <header class="top">
        <h2 id="board-title">${title}</h2>
        <span class="phase-badge">${this.t.phase[board.phase as keyof typeof this.t.phase] ?? board.phase}</span>
      </header>
      ${renderConnection(this.live, this.i18n.msg)} ${this.commands.render()}
      ${this.view === 'organiser' ? this.renderOrganiserView(board) : this.renderParticipant(board)}
    `;
  }

  private renderParticipant(board: BoardData): TemplateResult {
    const { config, phase } = board;
    const help = this.t.phaseHelp;
    switch (phase) {
      case 'collect':
        return html`<p class="muted">${help.collect}</p>
          ${config.questions.map((question) => this.renderCollect(board, question.id, this.text(question.title), config.questions.length > 1))}
          ${config.resultsVisibility === 'always' ? this.ranking.render(board.config) : nothing}`;
      case 'vote':
        return html`<p class="muted">${config.mode === 'duel' ? help.voteDuel : help.voteUpvote}</p>
          ${config.mode === 'duel' ? this.renderDuel() : this.renderUpvote(board)}
          ${config.resultsVisibility === 'always' ? this.ranking.render(board.config) : nothing}`;
      default:
        return html`<p class="muted">${phase === 'closed' ? help.closed : this.canSeeResults ? help.results : help.waiting}</p>
          ${this.canSeeResults ? this.ranking.render(board.config) : nothing}`;
    }
  }

  private renderCollect(board: BoardData, question: string, title: string, showTitle: boolean): TemplateResult {
    const { state, config } = board;
    const value = this.draft[question] ?? '';
    const length = [...value].length;
    const over = length > config.maxLength;
    const inputId = `idea-${question}`;
    const mine = this.mine.ideas.map((id) => state.ideas[id]).filter((item): item is Idea => item !== undefined && item.question === question);
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
          <button class="primary" type="submit" ?disabled=${this.commands.busy || value.trim().length === 0 || over}>${this.t.collect.submit}</button>
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
                      ${likesOpen ? this.renderLike(item, true) : nothing}
                    </li>`,
                  )}
                </ul>`}`
        : nothing}
    </div>`;
  }

  private renderLike(item: Idea, showCount: boolean): TemplateResult {
    const liked = this.mine.likes.includes(item.id);
    return html`<div class="row">
      <button
        type="button"
        aria-pressed=${liked ? 'true' : 'false'}
        aria-label=${this.t.upvote.like(item.text)}
        ?disabled=${this.commands.busy}
        @click=${() => this.setLike(item.id, !liked)}
      >
        <span aria-hidden="true">${liked ? '♥' : '♡'}</span> ${liked ? this.t.upvote.liked : this.t.upvote.action}
      </button>
      ${showCount ? html`<span class="meta">${this.t.upvote.likes(item.likes)}</span>` : nothing}
    </div>`;
  }

  private renderDuel(): TemplateResult {
    const t = this.t.duel;
    const duel = this.duel;
    const progress = html`<p class="muted" aria-live="off">${t.done(duel.done)}</p>`;
    if (duel.stopped) {
      return html`<div class="stack">
        <p class="message success">${t.stopped}</p>
        ${progress}
        <div class="row"><button class="primary" @click=${() => duel.continue()}>${t.continue}</button></div>
      </div>`;
    }
    if (duel.waitingForNetwork) return html`<div class="stack"><p class="message warning">${t.waitingForNetwork}</p>${progress}</div>`;
    const pair = duel.pair;
    if (pair === null) return html`<div class="stack"><p class="message">${duel.enoughIdeas ? t.exhausted : t.notEnough}</p>${progress}</div>`;
    if (pair === undefined && duel.failed) {
      return html`<div class="stack">${progress}<div class="row"><button @click=${() => duel.retry()}>${this.i18n.msg.common.retry}</button></div></div>`;
    }
    if (pair === undefined) return html`<p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>`;
    const busy = this.commands.busy;
    return html`<div class="stack" role="group" aria-labelledby="duel-question" aria-describedby="duel-keys" @keydown=${(event: KeyboardEvent) => duel.onKey(event)}>
      <h3 id="duel-question">${t.question}</h3>
      <div class="duel" part="duel">
        ${pair.map(
          (item, index) => html`<button class="choice" part="choice" ?disabled=${busy} @click=${() => duel.choose(index === 0 ? 'a' : 'b')}>
            <span class="visually-hidden">${t.choose(index + 1)}:</span>
            <span>${item.text}</span>
            <span class="key" aria-hidden="true">${index + 1}</span>
          </button>`,
        )}
      </div>
      <div class="row">
        <button ?disabled=${busy} @click=${() => duel.choose('tie')}>${t.cantDecide} <span class="key" aria-hidden="true">(0)</span></button>
        <button @click=${() => duel.stop()}>${t.stop}</button>
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
        (item) => html`<li class="idea" part="idea"><div>${item.text}</div>${this.renderLike(item, showCounts)}</li>`,
      )}
    </ul>`;
  }

  private renderOrganiserView(board: BoardData): TemplateResult {
    if (!this.live.snapshot?.viewer.organiser) return html`<p class="message warning">${this.t.organiser.keyNeeded}</p>`;
    return this.organiser.render(board);
  }
}
