import { createStore, del, entries, get, set, setMany, type UseStore } from 'idb-keyval';
import type { Change } from '../core/activity.js';
import { OsaError, toOsaError } from '../core/errors.js';
import type { ActivityDefinition, ActivityUpdate, EventDefinition, EventUpdate } from '../core/event.js';
import { fingerprint, randomKey } from '../core/idempotency.js';
import { foldChanges } from './fold.js';
import type {
  ActivityExport,
  ActivitySnapshot,
  ChangeListener,
  CreatedEvent,
  EventInfo,
  OsaAdapter,
  OutboxFailure,
  SendOptions,
  SendResult,
  SubscribeOptions,
  Unsubscribe,
  Viewer,
} from './types.js';

export interface CacheOptions {
  /**
   * Names the IndexedDB databases (`<name>:cache` and `<name>:outbox`). Tabs that use the same
   * name share one outbox, and only one of them sends it.
   */
  name: string;
  /** How often to retry sending the outbox while it is not empty, in ms (default 20 s). */
  retryIntervalMs?: number;
  /** When the browser comes back online, the outbox is sent after a random wait up to this (ms; default 500), so a room's phones do not all write at once. */
  onlineJitterMs?: number;
  /** Called when a queued write is refused for good (also available as `onOutboxError()`). */
  onOutboxError?: (failure: OutboxFailure) => void;
}

/** One write waiting in the outbox, sent later with its original idempotency key. */
export interface OutboxEntry {
  eventId: string;
  activityId: string;
  command: string;
  payload: unknown;
  idempotencyKey: string;
  queuedAt: number;
}

export interface FlushReport {
  /** Entries this call sent (and the back end accepted). */
  sent: number;
  /** Entries refused for good, removed and reported. */
  refused: number;
  /** Another tab (or this one) was already sending the outbox; this call sent nothing. */
  skipped: boolean;
}

let counter = 0;
/** Outbox keys sort in the order writes were queued: time, then a per-page counter. */
const outboxKey = (entry: OutboxEntry): string =>
  `${String(entry.queuedAt).padStart(16, '0')}:${String((counter = (counter + 1) % 1e6)).padStart(6, '0')}:${entry.idempotencyKey}`;

/**
 * Wraps any adapter with an IndexedDB cache and an offline outbox:
 * - `getActivityCached`/`getEventCached` answer at once from what this device saw last; live
 *   changes keep the cached snapshot current (folded with the kind's own rule). Snapshots are kept
 *   per viewer identity (participant, or the organiser key held): on a shared device a participant
 *   is never shown what the organiser saw;
 * - a write that fails as `offline` is queued and `send` resolves `{ queued: true }`; the outbox
 *   survives a reload and is sent in order, each write with its original idempotency key (so the
 *   back end counts it once), when the network returns: on the `online` event, after any
 *   successful request, when a stream is live again, or on a periodic retry. One tab sends (Web
 *   Locks); a write refused for good is removed and reported through `onOutboxError`.
 */
export class CachedAdapter implements OsaAdapter {
  private readonly cache: UseStore;
  private readonly outbox: UseStore;
  /** Cached snapshots by `cacheKey` (event, activity and viewer identity). */
  private readonly snapshots = new Map<string, ActivitySnapshot>();
  /** The organiser key this adapter sends for each event (see `identity`). */
  private readonly organiserKeys = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly pendingListeners = new Set<() => void>();
  private readonly errorListeners = new Set<(failure: OutboxFailure) => void>();
  private readonly channel: BroadcastChannel;
  private readonly retryIntervalMs: number;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<FlushReport> | undefined;
  private queue: Array<[string, OutboxEntry]> = [];
  private queueWritten: Promise<void> | undefined;
  private persistQueued = new Set<string>();
  private readonly ready: Promise<void>;
  private closed = false;

  /** The organiser's edits, offered when the wrapped adapter has them; never queued (they need an answer now). */
  readonly addActivity?: (eventId: string, definition: ActivityDefinition) => Promise<EventInfo>;
  readonly updateActivity?: (eventId: string, activityId: string, update: ActivityUpdate) => Promise<EventInfo>;
  readonly updateEvent?: (eventId: string, update: EventUpdate) => Promise<EventInfo>;
  readonly rotateOrganiserKey?: (eventId: string) => Promise<{ organiserKey: string }>;

  private onlineTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = (): void => {
    clearTimeout(this.onlineTimer);
    this.onlineTimer = setTimeout(() => void this.flush(), Math.random() * (this.options.onlineJitterMs ?? 500));
  };

  constructor(
    readonly inner: OsaAdapter,
    private readonly options: CacheOptions,
  ) {
    this.cache = createStore(`${options.name}:cache`, 'cache');
    this.outbox = createStore(`${options.name}:outbox`, 'outbox');
    this.retryIntervalMs = options.retryIntervalMs ?? 20_000;
    if (options.onOutboxError) this.errorListeners.add(options.onOutboxError);
    this.channel = new BroadcastChannel(`osallistu-outbox:${options.name}`);
    this.channel.onmessage = () => void this.refreshCounts();
    globalThis.addEventListener?.('online', this.onOnline);
    this.ready = this.refreshCounts();
    const { addActivity, updateActivity, updateEvent, rotateOrganiserKey } = inner;
    if (addActivity) this.addActivity = (eventId, definition) => this.edited(eventId, addActivity.call(inner, eventId, definition));
    if (updateActivity) this.updateActivity = (eventId, activityId, update) => this.edited(eventId, updateActivity.call(inner, eventId, activityId, update));
    if (updateEvent) this.updateEvent = (eventId, update) => this.edited(eventId, updateEvent.call(inner, eventId, update));
    if (rotateOrganiserKey) {
      this.rotateOrganiserKey = async (eventId) => {
        const rotated = await this.succeeded(rotateOrganiserKey.call(inner, eventId));
        // The inner adapter uses the new key already; views are now cached under it.
        this.setOrganiserKey(eventId, rotated.organiserKey);
        return rotated;
      };
    }
  }

  /** An edit answered with the event as it is now: kept as the cached `EventInfo`. */
  private async edited(eventId: string, request: Promise<EventInfo>): Promise<EventInfo> {
    const info = await this.succeeded(request);
    await set(['event', eventId], info, this.cache).catch(() => undefined);
    return info;
  }

  createEvent(definition: EventDefinition): Promise<CreatedEvent> {
    return this.succeeded(this.inner.createEvent(definition));
  }

  async getEvent(eventId: string): Promise<EventInfo> {
    const info = await this.succeeded(this.inner.getEvent(eventId));
    await set(['event', eventId], info, this.cache).catch(() => undefined);
    return info;
  }

  async getEventCached(eventId: string): Promise<EventInfo | undefined> {
    return get<EventInfo>(['event', eventId], this.cache).catch(() => undefined);
  }

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    const identity = this.identity(eventId);
    const snapshot = await this.succeeded(this.inner.getActivity(eventId, activityId));
    // Kept only under the identity that asked, and only when the answer is that identity's view
    // (a key that is not the event's gets a participant's view, which is not the organiser's).
    if (identity === this.identity(eventId) && (identity === PARTICIPANT) === !snapshot.viewer.organiser) {
      const key = cacheKey(eventId, activityId, identity);
      this.snapshots.set(key, structuredClone(snapshot));
      await this.persist(key);
    }
    return snapshot;
  }

  async getActivityCached(eventId: string, activityId: string): Promise<ActivitySnapshot | undefined> {
    const key = cacheKey(eventId, activityId, this.identity(eventId));
    let snapshot = this.snapshots.get(key);
    if (!snapshot) {
      snapshot = await get<ActivitySnapshot>(key, this.cache).catch(() => undefined);
      if (!snapshot) return undefined;
      if (!this.snapshots.has(key)) this.snapshots.set(key, snapshot);
    }
    return structuredClone(this.snapshots.get(key)!);
  }

  async send(eventId: string, activityId: string, command: string, payload: unknown, options: SendOptions = {}): Promise<SendResult> {
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    await this.ready;
    // Writes already waiting go first: a new one joins the queue behind them, in order.
    if (this.pendingCount(eventId) > 0) {
      if (options.queue === false) {
        void this.flush();
        throw new OsaError('offline', 'Earlier writes are still waiting to be sent.');
      }
      await this.enqueue({ eventId, activityId, command, payload, idempotencyKey, queuedAt: Date.now() });
      void this.flush();
      return { queued: true, idempotencyKey };
    }
    try {
      return await this.succeeded(this.inner.send(eventId, activityId, command, payload, { idempotencyKey }));
    } catch (error) {
      if (!(error instanceof OsaError) || error.code !== 'offline' || options.queue === false) throw error;
      await this.enqueue({ eventId, activityId, command, payload, idempotencyKey, queuedAt: Date.now() });
      return { queued: true, idempotencyKey };
    }
  }

  subscribe(eventId: string, activityId: string, listener: ChangeListener, options: SubscribeOptions = {}): Unsubscribe {
    const identity = this.identity(eventId);
    return this.inner.subscribe(
      eventId,
      activityId,
      (changes: Change[]) => {
        // Changes delivered to one identity never reach another identity's cached view.
        if (identity === this.identity(eventId)) this.fold(cacheKey(eventId, activityId, identity), changes);
        listener(changes);
      },
      {
        ...options,
        onStatus: (status) => {
          if (status === 'live' && this.totalPending() > 0) void this.flush();
          options.onStatus?.(status);
        },
      },
    );
  }

  exportActivity(eventId: string, activityId: string): Promise<ActivityExport> {
    return this.succeeded(this.inner.exportActivity(eventId, activityId));
  }

  setOrganiserKey(eventId: string, key: string | undefined): void {
    if (key === undefined) this.organiserKeys.delete(eventId);
    else this.organiserKeys.set(eventId, key);
    this.inner.setOrganiserKey(eventId, key);
  }

  whoami(eventId: string): Promise<Viewer> {
    return this.succeeded(this.inner.whoami(eventId));
  }

  pendingCount(eventId: string): number {
    return this.counts.get(eventId) ?? 0;
  }

  onPendingChange(listener: () => void): Unsubscribe {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  onOutboxError(listener: (failure: OutboxFailure) => void): Unsubscribe {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** The queued writes, oldest first. */
  async outboxEntries(): Promise<OutboxEntry[]> {
    return (await this.sortedOutbox()).map(([, entry]) => entry);
  }

  /**
   * Sends the outbox in order, if no other tab is sending it. Stops at the first write that fails
   * in a way a retry may fix (still offline, rate limited) and leaves it and the rest for later.
   */
  flush(): Promise<FlushReport> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  close(): void {
    this.closed = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    clearTimeout(this.onlineTimer);
    clearInterval(this.retryTimer);
    this.channel.close();
    this.inner.close?.();
  }

  private async flushOnce(): Promise<FlushReport> {
    await this.ready;
    const report: FlushReport = { sent: 0, refused: 0, skipped: false };
    const send = async (): Promise<void> => {
      // Rounds until the outbox is empty: writes queued while a round runs go in the next one.
      for (;;) {
        const round = await this.sortedOutbox();
        if (round.length === 0) return;
        for (const [key, entry] of round) {
          try {
            await this.inner.send(entry.eventId, entry.activityId, entry.command, entry.payload, { idempotencyKey: entry.idempotencyKey });
            report.sent += 1;
          } catch (error) {
            const failure = toOsaError(error);
            if (failure.retryable) return;
            report.refused += 1;
            await del(key, this.outbox);
            this.report({ ...entryFields(entry), error: failure });
            continue;
          }
          await del(key, this.outbox);
        }
      }
    };
    const locks = globalThis.navigator?.locks;
    if (locks) {
      await locks.request(`osallistu-outbox:${this.options.name}`, { ifAvailable: true }, async (lock) => {
        if (lock) await send();
        else report.skipped = true;
      });
    } else {
      await send();
    }
    if (report.sent + report.refused > 0) {
      await this.refreshCounts();
      this.channel.postMessage('changed');
    }
    return report;
  }

  private report(failure: OutboxFailure): void {
    if (this.errorListeners.size === 0) console.warn('osallistu: a queued write was refused and removed from the outbox:', failure);
    for (const listener of this.errorListeners) listener(failure);
  }

  private async sortedOutbox(): Promise<Array<[string, OutboxEntry]>> {
    const all = await entries<string, OutboxEntry>(this.outbox);
    return all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Queues a write; writes queued in the same task are stored in one `setMany`. */
  private async enqueue(entry: OutboxEntry): Promise<void> {
    this.queue.push([outboxKey(entry), entry]);
    this.queueWritten ??= Promise.resolve().then(async () => {
      const batch = this.queue;
      this.queue = [];
      this.queueWritten = undefined;
      await setMany(batch, this.outbox);
      await this.refreshCounts();
      this.channel.postMessage('changed');
    });
    await this.queueWritten;
  }

  private async refreshCounts(): Promise<void> {
    const all = await entries<string, OutboxEntry>(this.outbox).catch(() => []);
    const counts = new Map<string, number>();
    for (const [, entry] of all) counts.set(entry.eventId, (counts.get(entry.eventId) ?? 0) + 1);
    const changed = counts.size !== this.counts.size || [...counts].some(([eventId, count]) => this.counts.get(eventId) !== count);
    this.counts.clear();
    for (const [eventId, count] of counts) this.counts.set(eventId, count);
    this.updateRetryTimer();
    if (changed) for (const listener of this.pendingListeners) listener();
  }

  private totalPending(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  private updateRetryTimer(): void {
    if (this.totalPending() > 0 && this.retryTimer === undefined && !this.closed) {
      this.retryTimer = setInterval(() => void this.flush(), this.retryIntervalMs);
    } else if (this.totalPending() === 0 && this.retryTimer !== undefined) {
      clearInterval(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  /** A request got through: the network is back, so the outbox may go. */
  private async succeeded<T>(request: Promise<T>): Promise<T> {
    const value = await request;
    if (this.totalPending() > 0) void this.flush();
    return value;
  }

  /**
   * Who this adapter reads an event as: a participant, or the holder of one organiser key (named by
   * a fingerprint, so the key itself is never written to the cache).
   */
  private identity(eventId: string): string {
    const key = this.organiserKeys.get(eventId);
    return key === undefined ? PARTICIPANT : `organiser:${fingerprint(key)}`;
  }

  private fold(key: CacheKey, changes: Change[]): void {
    const snapshot = this.snapshots.get(key);
    if (!snapshot) return;
    try {
      this.snapshots.set(key, foldChanges(snapshot, structuredClone(changes)));
    } catch {
      // No element on this page folds this kind: forget the view rather than keep a stale one.
      this.snapshots.delete(key);
      void del(key, this.cache).catch(() => undefined);
      return;
    }
    // One write per burst of deliveries.
    if (this.persistQueued.has(key)) return;
    this.persistQueued.add(key);
    queueMicrotask(() => {
      this.persistQueued.delete(key);
      void this.persist(key);
    });
  }

  private async persist(key: CacheKey): Promise<void> {
    const snapshot = this.snapshots.get(key);
    if (snapshot) await set(key, snapshot, this.cache).catch(() => undefined);
  }
}

const PARTICIPANT = 'participant';

/** A cached view: one per event, activity and viewer identity (also its IndexedDB key). */
type CacheKey = `activity\n${string}`;
const cacheKey = (eventId: string, activityId: string, identity: string): CacheKey => `activity\n${eventId}\n${activityId}\n${identity}`;

function entryFields(entry: OutboxEntry): Omit<OutboxFailure, 'error'> {
  return { eventId: entry.eventId, activityId: entry.activityId, command: entry.command, payload: entry.payload, idempotencyKey: entry.idempotencyKey };
}

/** Wraps `adapter` with an IndexedDB cache and an offline outbox (see `CachedAdapter`). */
export function withCache(adapter: OsaAdapter, options: CacheOptions): CachedAdapter {
  return new CachedAdapter(adapter, options);
}
