import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { OsaElement } from '../../base/osa-element.js';
import { controls, tokens } from '../../theme/tokens.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { localizedText } from '../../core/activity.js';
import { registerTexts } from '../../i18n/localize.js';
import { eventReportTexts } from '../../i18n/event-report/index.js';
import { EventInfoController, rowsState } from '../run-of-show/event-info-controller.js';
import type { OsaEventReportActivity } from './event-report-activity.js';
import { eventReportStyles } from './event-report.styles.js';

/**
 * The results of an event, for sharing afterwards: the event's title and date, then each activity's
 * results in the language of the element (the event's language): the board's ranking (top ideas
 * with their score), the workshops' seats taken and waitlists, the feedback form's figures per
 * question (mean, median, NPS, choice counts, written answers) and the cloud's most common terms.
 * Built with the same rules as the elements and the exports, from the organiser's view (it needs the
 * organiser key; without it, it says so and shows nothing else), and live until it is printed.
 *
 * A "Print or save as PDF" button opens the browser's print dialog; the print style is A4, without
 * the controls, each activity on a page of its own, readable in black and white. Written answers
 * are left out unless `include-text` is set (or the organiser ticks the box): participants' own
 * words may need review before the report is shared.
 *
 * @summary A printable results report of a whole event.
 * @tagname osa-event-report
 *
 * @csspart report - The report.
 * @csspart controls - The print button and the options (not printed).
 * @csspart activity - Each activity's results.
 *
 * @example
 * <osa-event api="https://events.example.fi/api" event="yhr-2026" lang="fi">
 *   <osa-event-report date="2026-05-14"></osa-event-report>
 * </osa-event>
 */
export class OsaEventReport extends OsaElement {
  static {
    registerTexts(eventReportTexts);
  }

  static override styles = [tokens, controls, eventReportStyles];

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** The event's date (`2026-05-14`, or a date and time), shown under the title. */
  @property() date?: string;

  /** Shows participants' written answers (feedback free text). Off by default: they may need review before sharing. */
  @property({ type: Boolean, reflect: true, attribute: 'include-text' }) includeText = false;

  /** @internal */
  readonly events = new EventInfoController(this);

  /** Reads the event's activities again (after one was added or renamed). */
  reload(): Promise<void> {
    return this.events.reload();
  }

  /** Opens the browser's print dialog (print, or save as PDF). */
  print(): void {
    globalThis.print();
  }

  private sections(): OsaEventReportActivity[] {
    return [...this.renderRoot.querySelectorAll<OsaEventReportActivity>('osa-event-report-activity')];
  }

  private eventDate(): string | undefined {
    if (!this.date) return undefined;
    // A date alone is a calendar day, the same wherever the report is read.
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(this.date);
    const parsed = new Date(this.date);
    if (Number.isNaN(parsed.getTime())) return this.date;
    return this.i18n.format.date(parsed, dayOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' });
  }

  private toggleText(event: Event): void {
    this.includeText = (event.target as HTMLInputElement).checked;
  }

  override render(): TemplateResult {
    const t = this.i18n.msg.eventReport;
    const events = this.events;
    const info = events.info;
    if (!info) return events.renderUnloaded();
    const { loading, keyMissing, offline } = rowsState(this.sections(), info.activities.length);
    const language = this.i18n.language;
    const eventDate = this.eventDate();
    return html`<article class="report" part="report" aria-labelledby="report-title" @osa-event-report-section=${() => this.requestUpdate()}>
      <header>
        <h2 id="report-title">${t.heading(localizedText(info.title, language) || info.id)}</h2>
        ${eventDate ? html`<p class="date">${t.eventDate(eventDate)}</p>` : nothing}
        <p class="muted small">${t.compiled(this.i18n.format.date(Date.now(), { dateStyle: 'long' }))}</p>
      </header>
      ${events.renderConnection(offline)}
      ${keyMissing
        ? html`<p class="message warning" data-key-needed>${t.keyNeeded}</p>`
        : info.activities.length === 0
          ? html`<p class="muted">${t.empty}</p>`
          : html`<div class="controls" part="controls" role="group" aria-label=${t.options}>
              <button type="button" class="primary" data-print @click=${() => this.print()}>${t.print}</button>
              <div class="option">
                <input type="checkbox" id="include-text" .checked=${this.includeText} aria-describedby="include-text-help" @change=${this.toggleText} />
                <label for="include-text">${t.includeText}</label>
                <p class="muted small" id="include-text-help">${t.includeTextHelp}</p>
              </div>
            </div>`}
      ${loading ? html`<p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>` : nothing}
      <div class="activities">
        ${repeat(
          info.activities,
          (activity) => activity.id,
          (activity) =>
            html`<osa-event-report-activity .adapter=${events.adapter} event=${info.id} activity=${activity.id} ?include-text=${this.includeText}></osa-event-report-activity>`,
        )}
      </div>
    </article>`;
  }
}
