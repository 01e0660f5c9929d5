import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { EventContext, type EventContextHost } from '../../controllers/event-context.js';
import type { EventInfo, OsaAdapter } from '../../adapters/types.js';
import { toOsaError, type OsaError } from '../../core/errors.js';
import { errorMessage } from '../../i18n/error-message.js';
import { LocalizeController } from '../../i18n/localize.js';

/** An element about a whole event: its own properties win over what `<osa-event>` provides. */
export type EventHost = EventContextHost;

export type EventStatus = 'loading' | 'ready' | 'error' | 'offline';

/**
 * The event-wide counterpart of `ActivityController`, for elements that show every activity of an
 * event (the run of show, the results report): finds the adapter and event the same way, reads the
 * event's information (from the cache first, so that it shows offline), and reads it again when the
 * caller's identity changes (the organiser key given or taken away) or on `reload()`. Each activity
 * is then shown by an element of its own with an `ActivityController`, which keeps it live.
 */
export class EventInfoController implements ReactiveController {
  status: EventStatus = 'loading';
  info: EventInfo | undefined;
  error: OsaError | undefined;
  private readonly context: EventContext;
  private target: { adapter: OsaAdapter; eventId: string; identity: number | undefined } | undefined;
  private generation = 0;
  private readonly i18n: LocalizeController;

  private readonly onOnline = (): void => {
    if (this.status === 'offline') void this.load();
  };

  constructor(private readonly host: EventHost) {
    this.context = new EventContext(host);
    this.i18n = new LocalizeController(host);
    host.addController(this);
  }

  /** Counts up with every identity `<osa-event>` gives (the organiser key): activity elements load again under it. */
  get identity(): number | undefined {
    return this.context.identity;
  }

  get adapter(): OsaAdapter | undefined {
    return this.context.adapter;
  }

  get eventId(): string | undefined {
    return this.context.eventId;
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onOnline);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onOnline);
    this.generation += 1;
    this.target = undefined;
  }

  hostUpdate(): void {
    const adapter = this.adapter;
    const eventId = this.eventId;
    const current = this.target;
    if (current && current.adapter === adapter && current.eventId === eventId && current.identity === this.identity) return;
    this.generation += 1;
    this.info = undefined;
    this.error = undefined;
    this.status = 'loading';
    this.target = adapter && eventId ? { adapter, eventId, identity: this.identity } : undefined;
    void this.load();
  }

  /** Reads the event again (a "try again" button, or after the organiser added an activity). */
  reload(): Promise<void> {
    return this.load();
  }

  /** An error as a sentence in the host's language. */
  errorText(error: OsaError): string {
    return errorMessage(error, this.i18n.msg);
  }

  /** Before the event is known: "Loading…" as a busy status, or why it cannot be shown (an alert) with "try again". */
  renderUnloaded(): TemplateResult {
    const msg = this.i18n.msg;
    if (this.error) {
      return html`<div class="message error" role="alert">
        <p>${this.errorText(this.error)}</p>
        <button type="button" @click=${() => this.reload()}>${msg.common.retry}</button>
      </div>`;
    }
    return html`<p role="status" aria-busy="true">${msg.common.loading}</p>`;
  }

  /** Once for the whole event: no connection (the event's or an activity's), and writes waiting in the outbox. */
  renderConnection(activitiesOffline: boolean): TemplateResult | typeof nothing {
    const msg = this.i18n.msg;
    const offline = activitiesOffline || this.status === 'offline';
    const pending = (this.eventId && this.adapter?.pendingCount?.(this.eventId)) || 0;
    if (!offline && pending === 0) return nothing;
    return html`<div class="message warning" role="status">
      ${offline ? html`<p>${msg.common.offline}</p>` : nothing} ${pending > 0 ? html`<p>${msg.common.pending(pending)}</p>` : nothing}
    </div>`;
  }

  private async load(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    try {
      if (!this.info && target.adapter.getEventCached) {
        const cached = await target.adapter.getEventCached(target.eventId).catch(() => undefined);
        if (!current()) return;
        if (cached && !this.info) {
          this.info = cached;
          this.host.requestUpdate();
        }
      }
      const fresh = await target.adapter.getEvent(target.eventId);
      if (!current()) return;
      this.info = fresh;
      this.status = 'ready';
      this.error = undefined;
    } catch (thrown) {
      if (!current()) return;
      const error = toOsaError(thrown);
      this.error = error;
      this.status = error.code === 'offline' ? 'offline' : 'error';
    } finally {
      if (current()) this.host.requestUpdate();
    }
  }
}

/**
 * Says what is true of an event's activity elements together (each with its `ActivityController`): whether the organiser key is missing (an
 * element loaded a participant's view), and whether the back end cannot be reached.
 */
export function rowsState(
  rows: ReadonlyArray<{ live: { snapshot?: { viewer: { organiser: boolean } }; status: string; connection: string } }>,
  activities: number,
): { loading: boolean; keyMissing: boolean; offline: boolean } {
  return {
    loading: rows.length < activities || rows.some((row) => row.live.snapshot === undefined && row.live.status === 'loading'),
    keyMissing: rows.some((row) => row.live.snapshot !== undefined && !row.live.snapshot.viewer.organiser),
    offline: rows.some((row) => row.live.status === 'offline' || row.live.connection === 'offline'),
  };
}
