import type { Change, Viewer } from '../../core/activity.js';
import {
  activityExport,
  activitySnapshot,
  assertOrganiser,
  eventInfo,
  lastVisibleSeq,
  newOrganiserKey,
  newParticipantId,
  stampEdit,
  writeFingerprint,
  writeScope,
  type EventEdit,
} from '../../core/backend.js';
import { OsaError } from '../../core/errors.js';
import type { EventDefinition } from '../../core/event.js';
import { assertStorable, ledgerOf, prepareEvent } from '../../core/event-setup.js';
import { replayOrConflict } from '../../core/idempotency.js';
import type { EventLedger } from '../../core/ledger.js';
import type { ActivityExport, ActivitySnapshot, CommandAnswer, CreatedEvent, EventInfo } from '../../core/protocol.js';
import { createRandom } from '../../core/ranking/random.js';
import type { ChangeListener, ConnectionStatus, SubscribeOptions, Unsubscribe } from '../types.js';
import { IndexedDbStore, MemoryStore, type LocalStore, type RecordedWrite, type StoredEvent } from './store.js';

export interface LocalBackendOptions {
  /**
   * IndexedDB database name: events, the change log, idempotency records and device bindings
   * persist across reloads. Left out, everything lives in this page's memory.
   */
  persist?: string;
  /**
   * Keep tabs of one browser in sync over a BroadcastChannel: each tab applies the others'
   * changes live. Needs `persist` (the database is the shared truth that a tab catches up from).
   */
  broadcast?: boolean;
  /** The clock; tests may pin it. */
  now?: () => number;
}

/** Who is calling: the adapter instance's device and the organiser key it holds for the event. */
export interface Caller {
  device: string;
  organiserKey?: string;
}

interface LoadedEvent {
  ledger: EventLedger;
  organiserKey: string;
}

interface Subscription {
  eventId: string;
  activityId: string;
  viewer: () => Viewer;
  listener: ChangeListener;
  /** Changes up to here were delivered (or not visible when they came). */
  lastSeq: number;
  active: boolean;
}

type TabMessage = { type: 'changes'; eventId: string; changes: Change[] } | { type: 'organiser-key'; eventId: string };

const clone = <T>(value: T): T => structuredClone(value);
const newRandom = () => createRandom(globalThis.crypto.getRandomValues(new Uint32Array(1))[0]);

/**
 * The in-page back end: runs the rules of `src/core` with the same `EventLedger` as the server
 * (plan → record → apply). One backend serves many adapter instances (one per simulated device);
 * see `LocalAdapter`.
 */
export class LocalBackend {
  private readonly store: LocalStore;
  private readonly loaded = new Map<string, Promise<LoadedEvent>>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly channel: BroadcastChannel | undefined;
  private readonly dirty = new Set<string>();
  private readonly now: () => number;

  constructor(readonly options: LocalBackendOptions = {}) {
    if (options.broadcast && !options.persist) throw new TypeError('osallistu: the local adapter\'s "broadcast" needs "persist".');
    this.store = options.persist ? new IndexedDbStore(options.persist) : new MemoryStore();
    this.now = options.now ?? Date.now;
    if (options.broadcast) {
      this.channel = new BroadcastChannel(`osallistu:${options.persist}`);
      this.channel.onmessage = (message: MessageEvent<TabMessage>) => {
        if (message.data?.type === 'changes') void this.absorb(message.data.eventId, message.data.changes);
        // Another tab replaced the key: streams of this tab check it at every delivery.
        if (message.data?.type === 'organiser-key') this.refreshKey(message.data.eventId).catch(() => undefined);
      };
    }
  }

  async createEvent(input: EventDefinition): Promise<CreatedEvent> {
    const { definition, ledger, recorded } = prepareEvent(input, { now: this.now(), random: newRandom(), newParticipantId });
    return this.store.exclusive(definition.id, async () => {
      if (this.loaded.has(definition.id) || (await this.store.getEvent(definition.id))) {
        throw new OsaError('conflict', `An event with the id "${definition.id}" already exists.`, { field: 'id' });
      }
      // The log first, the event last: an event is found only once it is complete.
      const stored: StoredEvent = { definition, organiserKey: newOrganiserKey() };
      await this.store.record(definition.id, recorded);
      await this.store.putEvent(stored);
      this.loaded.set(definition.id, Promise.resolve({ ledger, organiserKey: stored.organiserKey }));
      return { eventId: definition.id, organiserKey: stored.organiserKey };
    });
  }

  async getEvent(eventId: string): Promise<EventInfo> {
    return eventInfo((await this.fresh(eventId)).ledger);
  }

  async viewer(eventId: string, caller: Caller): Promise<Viewer> {
    const event = await this.event(eventId);
    // The stored key is the truth: another tab may have replaced it a moment ago.
    if (caller.organiserKey !== undefined) await this.refreshKey(eventId);
    let participant = await this.store.participantOf(eventId, caller.device);
    if (!participant) {
      participant = await this.store.exclusive(eventId, async () => {
        const bound = await this.store.participantOf(eventId, caller.device);
        if (bound) return bound;
        const created = newParticipantId();
        await this.store.bind(eventId, caller.device, created);
        return created;
      });
    }
    return { participant, organiser: caller.organiserKey !== undefined && caller.organiserKey === event.organiserKey };
  }

  async snapshot(eventId: string, activityId: string, caller: Caller): Promise<ActivitySnapshot> {
    const viewer = await this.viewer(eventId, caller);
    const { ledger } = await this.fresh(eventId);
    return clone(activitySnapshot(ledger, activityId, viewer));
  }

  async send(eventId: string, activityId: string, command: string, payload: unknown, caller: Caller, idempotencyKey: string): Promise<CommandAnswer> {
    assertStorable(payload);
    const viewer = await this.viewer(eventId, caller);
    const event = await this.event(eventId);
    return this.store.exclusive(eventId, async () => {
      await this.catchUp(eventId, event);
      return clone(await this.writeLocked(event, activityId, command, clone(payload), viewer, idempotencyKey));
    });
  }

  /** An organiser's edit of the event (`stampEdit`, as the server runs it), recorded and folded in like a command; answers the event after it. */
  async edit(eventId: string, edit: EventEdit, caller: Caller): Promise<EventInfo> {
    const viewer = await this.viewer(eventId, caller);
    const event = await this.event(eventId);
    return this.store.exclusive(eventId, async () => {
      await this.catchUp(eventId, event);
      await this.commit(event.ledger, stampEdit(event.ledger, edit, viewer, this.now()));
      return clone(eventInfo(event.ledger));
    });
  }

  /** Replaces the organiser key for a caller who holds it now (`forbidden` otherwise); the old key stops working in every tab. */
  async rotateOrganiserKey(eventId: string, caller: Caller): Promise<string> {
    const event = await this.event(eventId);
    return this.store.exclusive(eventId, async () => {
      const stored = await this.store.getEvent(eventId);
      if (!stored) throw new OsaError('not_found', `There is no event "${eventId}".`);
      assertOrganiser({ organiser: caller.organiserKey !== undefined && caller.organiserKey === stored.organiserKey }, 'replace the organiser key');
      const organiserKey = newOrganiserKey();
      await this.store.putEvent({ ...stored, organiserKey });
      event.organiserKey = organiserKey;
      this.channel?.postMessage({ type: 'organiser-key', eventId } satisfies TabMessage);
      return organiserKey;
    });
  }

  async exportActivity(eventId: string, activityId: string, caller: Caller): Promise<ActivityExport> {
    const viewer = await this.viewer(eventId, caller);
    const { ledger } = await this.fresh(eventId);
    return clone(activityExport(ledger, activityId, viewer, this.now()));
  }

  subscribe(eventId: string, activityId: string, caller: () => Caller, listener: ChangeListener, options: SubscribeOptions = {}): Unsubscribe {
    let viewer: Viewer = { organiser: false };
    const subscription: Subscription = { eventId, activityId, listener, lastSeq: Number.POSITIVE_INFINITY, active: true, viewer: () => viewer };
    void (async () => {
      try {
        viewer = await this.viewer(eventId, caller());
        const event = await this.fresh(eventId);
        event.ledger.activity(activityId);
        // The organiser key may be set, dropped or replaced after subscribing: checked at every delivery.
        subscription.viewer = () => ({ ...viewer, organiser: caller().organiserKey === event.organiserKey });
        const { ledger } = event;
        subscription.lastSeq = options.since ?? ledger.seq;
      } catch (error) {
        console.warn(`osallistu: cannot subscribe to ${eventId}/${activityId}:`, error);
        return;
      }
      if (!subscription.active) return;
      this.subscriptions.add(subscription);
      options.onStatus?.('live' satisfies ConnectionStatus);
      this.schedule(eventId);
    })();
    return () => {
      subscription.active = false;
      this.subscriptions.delete(subscription);
    };
  }

  close(): void {
    this.channel?.close();
    this.subscriptions.clear();
  }

  /** Plan → record → apply; the caller holds the event's lock and has caught up. */
  private async writeLocked(event: LoadedEvent, activityId: string, command: string, payload: unknown, viewer: Viewer, idempotencyKey: string): Promise<CommandAnswer> {
    const { ledger } = event;
    const print = writeFingerprint(viewer, activityId, command, payload);
    const key = `${writeScope(viewer)}:${idempotencyKey}`;
    const replay = replayOrConflict(await this.store.getWrite(ledger.eventId, key), print);
    if (replay !== undefined) return { result: replay };
    const { result, changes } = ledger.stamp(activityId, command, payload, { ...viewer, now: this.now(), random: newRandom() });
    await this.commit(ledger, changes, { key, write: { fingerprint: print, result } });
    return { result, seq: lastVisibleSeq(ledger, activityId, changes, viewer) };
  }

  /** Records changes (with a command's idempotency record), folds them in and tells the other tabs; the caller holds the event's lock. */
  private async commit(ledger: EventLedger, changes: Change[], write?: RecordedWrite): Promise<void> {
    await this.store.record(ledger.eventId, changes, write);
    ledger.apply(changes);
    if (changes.length > 0) {
      this.channel?.postMessage({ type: 'changes', eventId: ledger.eventId, changes } satisfies TabMessage);
      this.schedule(ledger.eventId);
    }
  }

  /** Reads the event's organiser key again from the store (if the event is loaded here). */
  private async refreshKey(eventId: string): Promise<void> {
    const pending = this.loaded.get(eventId);
    if (!pending) return;
    const [event, stored] = await Promise.all([pending, this.store.getEvent(eventId)]);
    if (stored) event.organiserKey = stored.organiserKey;
  }

  private event(eventId: string): Promise<LoadedEvent> {
    let event = this.loaded.get(eventId);
    if (!event) {
      event = this.load(eventId);
      this.loaded.set(eventId, event);
      event.catch(() => this.loaded.delete(eventId));
    }
    return event;
  }

  private async load(eventId: string): Promise<LoadedEvent> {
    const stored = await this.store.getEvent(eventId);
    if (!stored) throw new OsaError('not_found', `There is no event "${eventId}".`);
    const ledger = ledgerOf(stored.definition);
    ledger.apply(await this.store.changesAfter(eventId, 0));
    return { ledger, organiserKey: stored.organiserKey };
  }

  /** The event with every change other tabs recorded folded in. */
  private async fresh(eventId: string): Promise<LoadedEvent> {
    const event = await this.event(eventId);
    await this.catchUp(eventId, event);
    return event;
  }

  private async catchUp(eventId: string, event: LoadedEvent): Promise<void> {
    const missed = await this.store.changesAfter(eventId, event.ledger.seq);
    if (missed.length === 0) return;
    event.ledger.apply(missed);
    this.schedule(eventId);
  }

  /** Changes another tab recorded and announced: folded in directly, or read back when some are missing. */
  private async absorb(eventId: string, changes: Change[]): Promise<void> {
    const pending = this.loaded.get(eventId);
    if (!pending) return;
    const event = await pending;
    const fresh = changes.filter((change) => change.seq > event.ledger.seq);
    if (fresh.length === 0) return;
    if (fresh[0].seq === event.ledger.seq + 1) {
      event.ledger.apply(fresh);
      this.schedule(eventId);
    } else {
      await this.catchUp(eventId, event);
    }
  }

  /** Delivers to subscribers after the current task: never inside `send`. */
  private schedule(eventId: string): void {
    if (this.dirty.has(eventId)) return;
    this.dirty.add(eventId);
    queueMicrotask(() => {
      this.dirty.delete(eventId);
      void this.deliver(eventId);
    });
  }

  private async deliver(eventId: string): Promise<void> {
    const pending = this.loaded.get(eventId);
    if (!pending) return;
    const { ledger } = await pending;
    for (const subscription of this.subscriptions) {
      if (subscription.eventId !== eventId || !subscription.active || subscription.lastSeq >= ledger.seq) continue;
      const changes = ledger.changesFor(subscription.activityId, subscription.viewer(), subscription.lastSeq);
      subscription.lastSeq = ledger.seq;
      if (changes.length > 0) subscription.listener(clone(changes));
    }
  }
}
