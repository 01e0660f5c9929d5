import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface AnnouncerOptions {
  /** Shortest time between two announcements, in ms. Messages in between are coalesced: the latest wins. */
  interval?: number;
}

/**
 * A polite live region that a screen reader reads without interrupting the user. Live data
 * (a ranking that changes with every vote) would flood the listener, so announcements are
 * throttled: at most one per `interval`, and only the latest message of a burst is spoken.
 *
 * Render `announcer.render()` once in the host's template.
 */
export class AnnouncerController implements ReactiveController {
  /** The text currently in the live region. */
  text = '';
  private readonly interval: number;
  private lastSpokenAt = Number.NEGATIVE_INFINITY;
  private queued: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: AnnouncerOptions = {},
  ) {
    this.interval = options.interval ?? 1500;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = undefined;
  }

  /** Queues `message` for the live region; a newer message replaces one not yet spoken. */
  announce(message: string): void {
    if (!message) return;
    this.queued = message;
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastSpokenAt + this.interval - performance.now());
    if (wait === 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.queued === undefined) return;
    // The same text twice in a row is not re-read by screen readers unless it changes; a
    // zero-width space toggled at the end makes the second one a new text.
    this.text = this.queued === this.text.replace(/\u200b$/, '') && !this.text.endsWith('\u200b') ? `${this.queued}\u200b` : this.queued;
    this.queued = undefined;
    this.lastSpokenAt = performance.now();
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.text}</div>`;
  }
}
