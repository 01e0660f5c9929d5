import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { OsaElement } from '../../base/osa-element.js';
import { controls, tokens } from '../../theme/tokens.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { localizedText } from '../../core/activity.js';
import { registerTexts } from '../../i18n/localize.js';
import { runOfShowTexts } from '../../i18n/run-of-show/index.js';
import { EventInfoController, rowsState } from './event-info-controller.js';
import type { OsaRunOfShowActivity } from './run-of-show-activity.js';
import { runOfShowStyles } from './run-of-show.styles.js';

/**
 * One place to move every activity's phase during the event day. Each activity of the event is a
 * card with its kind and title, its phases as a segmented control (a radio group: arrow keys move,
 * Enter or Space sends the phase; the new phase shows once the back end confirms it), what
 * participants see now, and the live counts of their contributions. Phase changes made elsewhere
 * (the board's own organiser view, another device) show at once.
 *
 * Needs the organiser key (`<osa-event>` reads it from `#key=…`); without it, it says so and shows
 * nothing of the activities.
 *
 * @summary The organiser's run of show: every activity's phase in one place.
 * @tagname osa-run-of-show
 *
 * @csspart activity - Each activity's card.
 * @csspart phases - An activity's phase control.
 * @csspart sees - The sentence on what participants see now.
 * @csspart counts - The live counts of an activity.
 *
 * @cssproperty --osa-run-of-show-columns - Minimum width of a card; cards sit side by side when there is room. Defaults to 34em.
 *
 * @example
 * <osa-event api="https://events.example.fi/api" event="yhr-2026" lang="fi">
 *   <osa-run-of-show></osa-run-of-show>
 * </osa-event>
 */
export class OsaRunOfShow extends OsaElement {
  static {
    registerTexts(runOfShowTexts);
  }

  static override styles = [tokens, controls, runOfShowStyles];

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** @internal */
  readonly events = new EventInfoController(this);

  /** Reads the event's activities again (after one was added or renamed). */
  reload(): Promise<void> {
    return this.events.reload();
  }

  private rows(): OsaRunOfShowActivity[] {
    return [...this.renderRoot.querySelectorAll<OsaRunOfShowActivity>('osa-run-of-show-activity')];
  }

  override render(): TemplateResult {
    const msg = this.i18n.msg;
    const t = msg.runOfShow;
    const events = this.events;
    const info = events.info;
    if (!info) return events.renderUnloaded();
    const { loading, keyMissing, offline } = rowsState(this.rows(), info.activities.length);
    const eventTitle = localizedText(info.title, this.i18n.language) || info.id;
    return html`<section class="run-of-show" aria-labelledby="ros-heading" @osa-run-of-show-row=${() => this.requestUpdate()}>
      <h2 id="ros-heading">${t.label}: ${eventTitle}</h2>
      ${events.renderConnection(offline)}
      ${keyMissing
        ? html`<p class="message warning" data-key-needed>${t.keyNeeded}</p>`
        : info.activities.length === 0
          ? html`<p class="muted">${t.empty}</p>`
          : html`<p class="intro">${t.intro}</p>
              <p class="muted small" id="ros-keys">${t.keysHelp}</p>`}
      ${loading ? html`<p role="status" aria-busy="true">${msg.common.loading}</p>` : nothing}
      <div class="activities">
        ${repeat(
          info.activities,
          (activity) => activity.id,
          (activity) =>
            html`<osa-run-of-show-activity .adapter=${events.adapter} event=${info.id} activity=${activity.id}></osa-run-of-show-activity>`,
        )}
      </div>
    </section>`;
  }
}
