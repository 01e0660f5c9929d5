import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { defineElement } from '../../base/define.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { CommandController } from '../../controllers/command-controller.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { renderUnloaded } from '../../kit/activity-view.js';
import type { ActivitySnapshot, OsaAdapter } from '../../adapters/types.js';
import { localizedText } from '../../core/activity.js';
import { resultsVisible, visibleIdeas, type BoardConfig, type BoardState } from '../../core/board/board.view.js';
import type { CloudConfig, CloudState } from '../../core/cloud/cloud.view.js';
import type { FeedbackConfig, FeedbackState } from '../../core/feedback/feedback.view.js';
import type { WorkshopsConfig, WorkshopsState } from '../../core/workshops/workshops.view.js';
import type { RunOfShowTranslation } from '../../i18n/run-of-show/en.js';
import { KIND_VIEWS, phaseName, phasesOf } from './activity-words.js';

/** Tells the run of show that a row's state changed (loaded, offline, organiser or not). */
export const ROW_UPDATE = 'osa-run-of-show-row';

/** What participants of an activity see in its current phase, in the organiser's words. */
export function participantsSee(snapshot: ActivitySnapshot, t: RunOfShowTranslation['sees']): string | undefined {
  const phase = snapshot.phase;
  switch (snapshot.kind) {
    case 'board': {
      const config = snapshot.config as BoardConfig;
      if (phase === 'collect') return t.board.collect(config.showIdeas);
      if (phase === 'vote') return config.mode === 'duel' ? t.board.voteDuel : t.board.voteUpvote;
      if (phase === 'results' || phase === 'closed') return t.board[phase](resultsVisible(config, phase));
      return undefined;
    }
    case 'workshops': {
      const data = snapshot as ActivitySnapshot<WorkshopsState, WorkshopsConfig>;
      if (phase === 'preparing') return t.workshops.preparing;
      if (phase === 'open') return data.config.mode === 'ranked' ? t.workshops.openRanked : t.workshops.openFirstCome;
      if (phase === 'closed') return t.workshops.closed(data.state.publishedAt !== undefined);
      return undefined;
    }
    case 'feedback': {
      const config = snapshot.config as FeedbackConfig;
      if (phase === 'preparing') return t.feedback.preparing;
      if (phase === 'open' || phase === 'closed') return t.feedback[phase](config.publicResults);
      return undefined;
    }
    case 'cloud': {
      const config = snapshot.config as CloudConfig;
      if (phase === 'preparing') return t.cloud.preparing;
      if (phase === 'open' || phase === 'closed') return t.cloud[phase](config.showCloud);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The live counts of participants' contributions an activity's snapshot holds. */
export function contributionCounts(snapshot: ActivitySnapshot, t: RunOfShowTranslation['counts']): string[] {
  switch (snapshot.kind) {
    case 'board': {
      const state = snapshot.state as BoardState;
      return [t.ideas(visibleIdeas(state).length), t.votes(state.votes), t.participants(state.participantCount)];
    }
    case 'workshops': {
      const { state, config } = snapshot as ActivitySnapshot<WorkshopsState, WorkshopsConfig>;
      const held = config.workshops.reduce((sum, workshop) => sum + (state.counts[workshop.id]?.held ?? 0), 0);
      const capacity = config.workshops.reduce((sum, workshop) => sum + workshop.capacity, 0);
      const waiting = config.workshops.reduce((sum, workshop) => sum + (state.counts[workshop.id]?.waiting ?? 0), 0);
      return [t.seats(held, capacity), t.waiting(waiting), ...(config.mode === 'ranked' ? [t.ranked(state.rankedCount)] : [])];
    }
    case 'feedback':
      return [t.responses((snapshot.state as FeedbackState).count)];
    case 'cloud': {
      const state = snapshot.state as CloudState;
      return [t.answers(state.answerCount), t.participants(state.participantCount)];
    }
    default:
      return [];
  }
}

/**
 * One activity in the run of show: its phases as a segmented control, what participants see now
 * and the live counts. Rendered without a shadow root, inside the run of show's, which styles it.
 * @internal
 */
export class OsaRunOfShowActivity extends OsaElement {
  @property({ attribute: false }) adapter?: OsaAdapter;
  @property() event?: string;
  @property() activity?: string;

  /** The kind is known only from the snapshot: every kind's view is registered (`KIND_VIEWS`), and the board's is passed. */
  readonly live = new ActivityController(this, KIND_VIEWS.board);
  readonly commands = new CommandController(this, this.live);
  private readonly announcer = new AnnouncerController(this);
  private readonly roving = new RovingTabindexController(this, { items: () => this.phaseButtons(), orientation: 'both' });
  private shownPhase: string | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get t(): RunOfShowTranslation {
    return this.i18n.msg.runOfShow;
  }

  private phaseButtons(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('button[role="radio"]')];
  }

  private get activityTitle(): string {
    const snapshot = this.live.snapshot;
    return snapshot ? localizedText(snapshot.title, this.i18n.language) || snapshot.id : (this.activity ?? '');
  }

  /** Moves the activity to `phase`; shown once the back end has done it (never before). */
  async choose(phase: string): Promise<void> {
    const snapshot = this.live.snapshot;
    if (!snapshot || this.commands.busy || snapshot.phase === phase) return;
    const language = this.i18n.language;
    const outcome = await this.commands.run('setPhase', { phase }, { queue: false, success: this.t.moved(this.activityTitle, phaseName(snapshot.kind, phase, language)) });
    if (outcome.status === 'offline') this.commands.say({ kind: 'error', text: this.t.notMovedOffline });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const phase = this.live.snapshot?.phase;
    if (phase !== this.shownPhase) {
      // A phase changed elsewhere (another device, the activity's own organiser view) is spoken; one's own change says so itself.
      if (phase !== undefined && this.shownPhase !== undefined && !this.commands.busy) {
        const message = this.t.moved(this.activityTitle, phaseName(this.live.snapshot!.kind, phase, this.i18n.language));
        // After this update: the live region is rendered by the next one.
        void this.updateComplete.then(() => this.announcer.announce(message));
      }
      this.shownPhase = phase;
      // The Tab stop follows the current phase, unless the organiser is moving through the group.
      const checked = this.querySelector<HTMLButtonElement>('button[role="radio"][aria-checked="true"]');
      const focused = (this.getRootNode() as Document | ShadowRoot).activeElement;
      if (checked && !(focused && this.contains(focused))) {
        this.roving.setActive(checked);
      }
    }
    this.dispatchEvent(new Event(ROW_UPDATE, { bubbles: true }));
  }

  override render(): TemplateResult | typeof nothing {
    const snapshot = this.live.snapshot;
    // While it loads, the run of show says so once for every activity.
    if (!snapshot) return this.live.status === 'loading' ? nothing : renderUnloaded(this.live, this.i18n.msg);
    // Without the organiser key, nothing of the activity: the run of show says the key is needed.
    if (!snapshot.viewer.organiser) return nothing;
    const t = this.t;
    const language = this.i18n.language;
    const id = `ros-${snapshot.id}`;
    const phases = phasesOf(snapshot.kind);
    const sees = participantsSee(snapshot, t.sees);
    const counts = contributionCounts(snapshot, t.counts);
    return html`<article class="activity" part="activity" aria-labelledby="${id}-title" data-activity=${snapshot.id}>
      <div class="head">
        <h3 id="${id}-title">${this.activityTitle}</h3>
        <span class="kind">${Object.hasOwn(t.kinds, snapshot.kind) ? t.kinds[snapshot.kind] : snapshot.kind}</span>
      </div>
      ${phases.length === 0
        ? html`<p class="muted">${t.unknownKind(snapshot.kind)}</p>`
        : html`<span class="visually-hidden" id="${id}-phase">${t.phase}</span>
            <div class="phases" part="phases" role="radiogroup" aria-labelledby="${id}-title ${id}-phase" aria-describedby="ros-keys" aria-busy=${this.commands.busy ? 'true' : 'false'}>
              ${phases.map(
                (phase, index) => html`<button type="button" role="radio" data-phase=${phase} aria-checked=${snapshot.phase === phase ? 'true' : 'false'} @click=${() => void this.choose(phase)}>
                  <span class="step" aria-hidden="true">${index + 1}</span>${phaseName(snapshot.kind, phase, language)}
                </button>`,
              )}
            </div>`}
      ${sees ? html`<p class="sees" part="sees"><strong>${t.seesNow}:</strong> <span data-sees>${sees}</span></p>` : nothing}
      ${counts.length > 0 ? html`<p class="counts" part="counts" data-counts>${counts.join(' · ')}</p>` : nothing} ${this.commands.render()}
      ${this.announcer.render()}
    </article>`;
  }
}

defineElement('osa-run-of-show-activity', OsaRunOfShowActivity);

declare global {
  interface HTMLElementTagNameMap {
    'osa-run-of-show-activity': OsaRunOfShowActivity;
  }
}
