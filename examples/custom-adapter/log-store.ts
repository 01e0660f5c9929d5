/**
 * What `LogAdapter` needs from your back end: a place that keeps, per event, its definition, an
 * append-only log of writes, and which participant each device is. Any database that can append
 * on a condition does (a PostgreSQL table with a unique position, Redis `WATCH`/`MULTI`, a
 * document store's conditional put, Deno KV's `atomic().check()`).
 *
 * `MapLogStore` keeps it all in plain `Map`s in this page: for tests, demos and reading. Its
 * durability: none, everything is gone when the page is.
 */
import type { Change, EventDefinition } from 'osallistu/core.js';

export interface StoredEvent {
  definition: EventDefinition;
  /** The secret that makes a caller the organiser. */
  organiserKey: string;
}

/** One write: the changes it made (none for a write that only answers, e.g. a refused duel) and its idempotency record. */
export interface LogEntry {
  changes: Change[];
  /** `key` is scoped to the caller (`writeScope`), `fingerprint` tells a retry from a reuse of the key. */
  write?: { key: string; fingerprint: string; result: unknown };
}

export interface LogStore {
  /** Saves a new event with its first entry (the seed); false when the id is taken. */
  createEvent(event: StoredEvent, first: LogEntry): Promise<boolean>;
  getEvent(eventId: string): Promise<StoredEvent | undefined>;
  /** The event's log from position `from` (0 is the first entry). */
  entries(eventId: string, from: number): Promise<LogEntry[]>;
  /**
   * Appends `entry` at position `at` only if the log still has exactly `at` entries: false when
   * another writer came first. This one condition is what keeps every device's rules in step.
   */
  append(eventId: string, at: number, entry: LogEntry): Promise<boolean>;
  /** The participant bound to a device in an event; binds `candidate` when there is none yet. */
  bindDevice(eventId: string, device: string, candidate: string): Promise<string>;
  /** Calls `listener` (asynchronously) after every append to the event's log. */
  watch(eventId: string, listener: () => void): () => void;
}

/** A `LogStore` in plain `Map`s. Values are copied in and out, as a database would serialise them. */
export class MapLogStore implements LogStore {
  private readonly events = new Map<string, StoredEvent>();
  private readonly logs = new Map<string, LogEntry[]>();
  private readonly devices = new Map<string, string>();
  private readonly watchers = new Map<string, Set<() => void>>();

  async createEvent(event: StoredEvent, first: LogEntry): Promise<boolean> {
    const eventId = event.definition.id;
    if (this.events.has(eventId)) return false;
    this.events.set(eventId, structuredClone(event));
    this.logs.set(eventId, [structuredClone(first)]);
    return true;
  }

  async getEvent(eventId: string): Promise<StoredEvent | undefined> {
    return structuredClone(this.events.get(eventId));
  }

  async entries(eventId: string, from: number): Promise<LogEntry[]> {
    return structuredClone((this.logs.get(eventId) ?? []).slice(from));
  }

  async append(eventId: string, at: number, entry: LogEntry): Promise<boolean> {
    const log = this.logs.get(eventId);
    if (!log || log.length !== at) return false;
    log.push(structuredClone(entry));
    for (const listener of this.watchers.get(eventId) ?? []) queueMicrotask(listener);
    return true;
  }

  async bindDevice(eventId: string, device: string, candidate: string): Promise<string> {
    const key = `${eventId}\u0000${device}`;
    if (!this.devices.has(key)) this.devices.set(key, candidate);
    return this.devices.get(key)!;
  }

  watch(eventId: string, listener: () => void): () => void {
    const listeners = this.watchers.get(eventId) ?? new Set();
    this.watchers.set(eventId, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }
}
