import type { LocalizedText } from '../../core/activity.js';

/** An event this browser has opened in the console: enough to open it again. */
export interface RememberedEvent {
  /** The server's address (`serverBase`): the same id on two servers is two events. */
  server: string;
  id: string;
  title: LocalizedText;
  organiserKey: string;
}

const STORAGE_KEY = 'osallistu-console-events';

/**
 * The events opened in this browser, kept in `localStorage` (which a browser keeps per origin and
 * never sends anywhere) so that an organiser need not keep the key at hand; "forget on this device"
 * removes one. Storage that is full or blocked (private windows) leaves the list in memory.
 */
export class RememberedEvents {
  private memory: RememberedEvent[] | undefined;

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {}

  private read(): RememberedEvent[] {
    if (this.memory) return this.memory;
    try {
      const parsed = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((entry): entry is RememberedEvent => typeof entry?.id === 'string' && typeof entry?.organiserKey === 'string' && typeof entry?.server === 'string') : [];
    } catch {
      return [];
    }
  }

  private write(events: RememberedEvent[]): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(events));
      this.memory = undefined;
    } catch {
      this.memory = events;
    }
  }

  /** The events of one server, the most recently opened first. */
  list(server: string): RememberedEvent[] {
    return this.read().filter((entry) => entry.server === server);
  }

  get(server: string, id: string): RememberedEvent | undefined {
    return this.list(server).find((entry) => entry.id === id);
  }

  /** Adds or updates an event and moves it to the top. */
  remember(event: RememberedEvent): void {
    this.write([event, ...this.read().filter((entry) => !(entry.server === event.server && entry.id === event.id))]);
  }

  forget(server: string, id: string): void {
    this.write(this.read().filter((entry) => !(entry.server === server && entry.id === id)));
  }
}
