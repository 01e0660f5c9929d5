import type { ReactiveController } from 'lit';
import { boardMine, visibleIdeas, type DuelChoice, type Idea } from '../../core/board/board.view.js';
import type { OsaPriorityBoard } from './priority-board.component.js';

/**
 * The participant's duels. The pair on screen and the number of duels done are read from the
 * snapshot (the participant's own record: the server issues pairs and records votes); this
 * controller only asks for a pair when none is issued, and knows whether the participant stopped
 * and whether a pair waits for the network (a pair is chosen for this moment, never queued).
 */
export class DuelController implements ReactiveController {
  /** The participant chose to stop for now. */
  stopped = false;
  /** No pair could be asked for without a network: asked again when it returns. */
  waitingForNetwork = false;
  /** The last ask was refused (the feedback says why); the participant may try again. */
  failed = false;
  /** Which event, board and question a pair was last asked for (asked once per target). */
  private askedFor = '';
  private lastPending = 0;
  private lastConnection = '';

  constructor(private readonly host: OsaPriorityBoard) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get target(): string {
    return `${this.host.live.snapshot?.eventId}|${this.host.activity}|${this.host.questionId}`;
  }

  /** The pair issued to the participant for the current question; `null` when none is left; `undefined` when none is issued yet. */
  get pair(): [Idea, Idea] | null | undefined {
    const board = this.host.board;
    const viewer = this.host.live.snapshot?.viewer;
    if (!board || !viewer) return undefined;
    const issued = boardMine(board.state, viewer).pair;
    if (issued === null) return this.askedFor === this.target ? null : undefined;
    if (!issued) return undefined;
    const [a, b] = issued.map((id) => board.state.ideas[id]);
    if (!a || !b || a.status !== 'visible' || b.status !== 'visible' || a.question !== this.host.questionId) return undefined;
    return [a, b];
  }

  /** Duels the participant has answered, in every question. */
  get done(): number {
    const board = this.host.board;
    const viewer = this.host.live.snapshot?.viewer;
    return board && viewer ? Object.keys(boardMine(board.state, viewer).votes).length : 0;
  }

  /** Whether the current question has enough ideas for a duel. */
  get enoughIdeas(): boolean {
    const board = this.host.board;
    return board !== undefined && visibleIdeas(board.state, this.host.questionId).length >= 2;
  }

  hostUpdated(): void {
    const live = this.host.live;
    // The network is back when the outbox has just been sent or the live connection returned.
    if (this.waitingForNetwork && ((this.lastPending > 0 && live.pending === 0) || (this.lastConnection !== 'live' && live.connection === 'live'))) {
      void this.retry();
    }
    this.lastPending = live.pending;
    this.lastConnection = live.connection;
    const board = this.host.board;
    if (!board || this.host.view !== 'participant' || board.phase !== 'vote' || board.config.mode !== 'duel') return;
    if (this.stopped || this.waitingForNetwork || this.failed || this.pair !== undefined || this.askedFor === this.target) return;
    this.askedFor = this.target;
    // After this update, not inside it: asking changes reactive state.
    queueMicrotask(() => void this.ask());
  }

  private async ask(): Promise<void> {
    const outcome = await this.host.commands.run('nextPair', { question: this.host.questionId }, { queue: false });
    if (outcome.status === 'offline') this.waitingForNetwork = true;
    else if (outcome.status === 'refused') this.failed = true;
    this.host.requestUpdate();
  }

  /** Asks again, from a fresh snapshot (votes sent from the outbox have issued the next pair meanwhile). */
  async retry(): Promise<void> {
    this.failed = false;
    await this.host.live.reload();
    this.waitingForNetwork = false;
    this.askedFor = '';
    this.host.requestUpdate();
  }

  stop(): void {
    this.stopped = true;
    this.host.requestUpdate();
  }

  continue(): void {
    this.stopped = false;
    this.askedFor = '';
    this.host.requestUpdate();
  }

  /** Answers the pair on screen; the answer brings the next pair. */
  async choose(choice: DuelChoice): Promise<void> {
    const pair = this.pair;
    if (!pair || this.host.commands.busy) return;
    const [a, b] = pair;
    const outcome = await this.host.commands.run('vote', { a: a.id, b: b.id, choice });
    if (outcome.status !== 'done' && outcome.status !== 'queued') return;
    const queued = outcome.status === 'queued';
    this.host.emit('osa-vote', { a: a.id, b: b.id, choice, queued });
    this.host.announce(this.host.t.duel.recorded);
    if (queued) {
      // The next pair comes with this vote's answer, once the network is back.
      this.waitingForNetwork = true;
      this.host.commands.say(undefined);
      this.host.requestUpdate();
      return;
    }
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLButtonElement>('button.choice')?.focus();
  }

  onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement).tagName === 'TEXTAREA') return;
    const rtl = this.host.i18n.dir === 'rtl';
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
}
