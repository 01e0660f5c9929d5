import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answers } from '../../core/feedback/feedback.view.js';

/** The IndexedDB database (and store) that keeps unsent answers. */
export const DRAFT_STORE = 'osallistu-feedback-drafts';

/** How long typing may pause before the draft is written. */
const SAVE_DELAY_MS = 250;

export interface Draft {
  answers: Answers;
  /** The response being edited, when the participant edits one they sent. */
  responseId?: string;
  savedAt: number;
}

let defaultStore: UseStore | undefined;

/**
 * The participant's unsent answers, kept in IndexedDB while they type (per event, activity and
 * participant), so a reload, a closed tab or a dropped connection loses nothing. Cleared once the
 * answers are sent or queued in the outbox.
 */
export class DraftController implements ReactiveController {
  /** The key of the draft in use: `event/activity/participant`. */
  private key: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: Draft | undefined;
  private readonly store: UseStore;

  constructor(host: ReactiveControllerHost, storeName?: string) {
    this.store = storeName ? createStore(storeName, 'drafts') : (defaultStore ??= createStore(DRAFT_STORE, 'drafts'));
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    void this.flush();
  }

  static keyOf(eventId: string, activityId: string, participant: string | undefined): string {
    return `${eventId}/${activityId}/${participant ?? 'organiser'}`;
  }

  /** Whether drafts are kept for `key` now. */
  isFor(key: string): boolean {
    return this.key === key;
  }

  /** Starts keeping drafts under `key`, and reads the one kept there (if any). */
  async open(key: string): Promise<Draft | undefined> {
    await this.flush();
    this.key = key;
    try {
      return await get<Draft>(key, this.store);
    } catch {
      // No IndexedDB (private mode): the answers live only on the page.
      return undefined;
    }
  }

  /** Keeps `draft` (written shortly, the latest one wins). */
  save(draft: Omit<Draft, 'savedAt'>): void {
    if (!this.key) return;
    this.waiting = { ...draft, savedAt: Date.now() };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes a waiting draft now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.waiting;
    const key = this.key;
    this.waiting = undefined;
    if (!draft || !key) return;
    try {
      if (Object.keys(draft.answers).length === 0 && !draft.responseId) await del(key, this.store);
      else await set(key, draft, this.store);
    } catch {
      // Not kept: nothing else to do.
    }
  }

  /** Forgets the draft (sent or queued). */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
    if (!this.key) return;
    try {
      await del(this.key, this.store);
    } catch {
      // Nothing kept.
    }
  }
}
