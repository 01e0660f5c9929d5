import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { defineElement } from '../../base/define.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { renderUnloaded } from '../../kit/activity-view.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { localizedText } from '../../core/activity.js';
import type { EventReportTranslation } from '../../i18n/event-report/en.js';
import { KIND_VIEWS, phaseName } from '../run-of-show/activity-words.js';
import { renderResults } from './report-sections.js';

/** Tells the report that a section's state changed (loaded, offline, organiser or not). */
export const SECTION_UPDATE = 'osa-event-report-section';

/**
 * One activity's results in the report, live. Rendered without a shadow root, inside the report's,
 * which styles it (and prints it).
 * @internal
 */
export class OsaEventReportActivity extends OsaElement {
  @property({ attribute: false }) adapter?: OsaAdapter;
  @property() event?: string;
  @property() activity?: string;
  @property({ type: Boolean, attribute: 'include-text' }) includeText = false;

  /** The kind is known only from the snapshot: every kind's view is registered (`KIND_VIEWS`), and the board's is passed. */
  readonly live = new ActivityController(this, KIND_VIEWS.board);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.dispatchEvent(new Event(SECTION_UPDATE, { bubbles: true }));
  }

  override render(): TemplateResult | typeof nothing {
    const snapshot = this.live.snapshot;
    // While it loads, the report says so once for every activity.
    if (!snapshot) return this.live.status === 'loading' ? nothing : renderUnloaded(this.live, this.i18n.msg);
    // Without the organiser key, nothing of the activity: the report says the key is needed.
    if (!snapshot.viewer.organiser) return nothing;
    const t: EventReportTranslation = this.i18n.msg.eventReport;
    const language = this.i18n.language;
    const id = `report-${snapshot.id}`;
    const kind = Object.hasOwn(t.kinds, snapshot.kind) ? t.kinds[snapshot.kind] : snapshot.kind;
    const results = renderResults(snapshot, { t, language, format: this.i18n.format, includeText: this.includeText, id });
    return html`<section class="activity" part="activity" aria-labelledby="${id}-title" data-activity=${snapshot.id}>
      <h3 id="${id}-title">${localizedText(snapshot.title, language) || snapshot.id}</h3>
      <p class="muted">${t.kindAndPhase(kind, phaseName(snapshot.kind, snapshot.phase, language))}</p>
      ${results ?? html`<p>${t.unknownKind(snapshot.kind)}</p>`}
    </section>`;
  }
}

defineElement('osa-event-report-activity', OsaEventReportActivity);

declare global {
  interface HTMLElementTagNameMap {
    'osa-event-report-activity': OsaEventReportActivity;
  }
}
