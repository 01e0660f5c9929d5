/**
 * An osallistu adapter over a back end of your own that only stores: an append-only log per event
 * (`LogStore`). The rules (who may do what, in which phase; seats, duels, answers) are not written
 * here: every device folds the log with the library's own `EventLedger` from `osallistu/core.js`,
 * plans a write against what it has folded, and appends it only if nobody wrote in between; if
 * somebody did, it folds their write and plans again.
 *
 * One `LogAdapter` is one device. Trust: each device runs the rules itself, so this fits back ends
 * whose devices you trust (a kiosk, an intranet, a test). For an open event, run this same code
 * on your server and give the browsers a thin fetch adapter (docs/adapters.md shows one).
 */
import {
  OsaError,
  IDEMPOTENCY_KEY_PATTERN,
  activityExport,
  activitySnapshot,
  assertStorable,
  createRandom,
  eventInfo,
  lastVisibleSeq,
  ledgerOf,
  newOrganiserKey,
  newParticipantId,
  prepareEvent,
  randomKey,
  replayOrConflict,
  writeFingerprint,
  writeScope,
  type EventDefinition,
  type EventLedger,
  type StoredWrite,
  type Viewer,
} from 'osallistu/core.js';
import type {
  ActivityExport,
  ActivitySnapshot,
  ChangeListener,
  CreatedEvent,
  EventInfo,
  OsaAdapter,
  SendOptions,
  SendResult,
  SubscribeOptions,
  Unsubscribe,
} from 'osallistu/adapters.js';
import type { LogEntry, LogStore } from './log-store.js';

/** What this device has folded of one event's log. */
interface FoldedEvent {
  ledger: EventLedger;
  organiserKey: string;
  /** How many log entries are folded in. */
  position: number;
  /** Idempotency records of the folded writes, by scoped key. */
  writes: Map<string, StoredWrite<unknown>>;
  /** Runs one step at a time on this event (folding is not re-entrant). */
  queue: Promise<unknown>;
}

const keyPattern = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const random = () => createRandom(crypto.getRandomValues(new Uint32Array(1))[0]);

export class LogAdapter implements OsaAdapter {
  private readonly events = new Map<string, Promise<FoldedEvent>>();
  private readonly organiserKeys = new Map<string, string>();

  constructor(
    private readonly store: LogStore,
    /** This device's secret token; the store binds it to an anonymous participant id per event. */
    private readonly device: string = randomKey(32),
  ) {}

  // ---------------------------------------------------------------- events and identity

  async createEvent(input: EventDefinition): Promise<CreatedEvent> {
    // The core checks the definition and runs its seed, touching no store.
    const { definition, recorded } = prepareEvent(input, { now: Date.now(), random: random(), newParticipantId });
    const organiserKey = newOrganiserKey();
    if (!(await this.store.createEvent({ definition, organiserKey }, { changes: recorded }))) {
      throw new OsaError('conflict', `An event with the id "${definition.id}" already exists.`, { field: 'id' });
    }
    return { eventId: definition.id, organiserKey };
  }

  async getEvent(eventId: string): Promise<EventInfo> {
    return eventInfo((await this.caughtUp(eventId)).ledger);
  }

  setOrganiserKey(eventId: string, key: string | undefined): void {
    if (key === undefined) this.organiserKeys.delete(eventId);
    else this.organiserKeys.set(eventId, key);
  }

  async whoami(eventId: string): Promise<Viewer> {
    const event = await this.caughtUp(eventId);
    const participant = await this.store.bindDevice(eventId, this.device, newParticipantId());
    return { participant, organiser: this.isOrganiser(eventId, event) };
  }

  // ---------------------------------------------------------------- reads

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    const viewer = await this.whoami(eventId);
    const event = await this.caughtUp(eventId);
    return structuredClone(activitySnapshot(event.ledger, activityId, viewer));
  }

  async exportActivity(eventId: string, activityId: string): Promise<ActivityExport> {
    const viewer = await this.whoami(eventId);
    const event = await this.caughtUp(eventId);
    return structuredClone(activityExport(event.ledger, activityId, viewer, Date.now()));
  }

  // ---------------------------------------------------------------- writes

  async send(eventId: string, activityId: string, command: string, payload: unknown, options: SendOptions = {}): Promise<SendResult> {
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    if (!keyPattern.test(idempotencyKey)) {
      throw new OsaError('invalid', '"idempotencyKey" must be 8–100 letters, digits, "-" or "_"', { field: 'idempotencyKey', reason: { kind: 'notAllowed' } });
    }
    assertStorable(payload);
    const viewer = await this.whoami(eventId);
    const print = writeFingerprint(viewer, activityId, command, payload);
    const key = `${writeScope(viewer)}:${idempotencyKey}`;
    const event = await this.event(eventId);
    return this.step(event, async () => {
      for (;;) {
        await this.fold(eventId, event);
        // A retry of a write already in the log answers its first result and runs nothing.
        const replay = replayOrConflict(event.writes.get(key), print);
        if (replay !== undefined) return { queued: false, result: structuredClone(replay) };
        // Plan against the folded state (this throws the rule's OsaError: phase_closed, full, …).
        const { result, changes } = event.ledger.stamp(activityId, command, structuredClone(payload), { ...viewer, now: Date.now(), random: random() });
        const entry: LogEntry = { changes, write: { key, fingerprint: print, result } };
        if (await this.store.append(eventId, event.position, entry)) {
          this.absorb(event, [entry]);
          return { queued: false, result: structuredClone(result), seq: lastVisibleSeq(event.ledger, activityId, changes, viewer) };
        }
        // Another device appended first: fold its write and plan again on the state it left.
      }
    });
  }

  // ---------------------------------------------------------------- live changes

  subscribe(eventId: string, activityId: string, listener: ChangeListener, options: SubscribeOptions = {}): Unsubscribe {
    let active = true;
    let stopWatching = (): void => {};
    void (async () => {
      let viewer: Viewer;
      let event: FoldedEvent;
      let delivered: number;
      try {
        viewer = await this.whoami(eventId);
        event = await this.caughtUp(eventId);
        event.ledger.activity(activityId); // not_found for an unknown activity
        delivered = options.since ?? event.ledger.seq;
      } catch (error) {
        console.warn(`LogAdapter: cannot subscribe to ${eventId}/${activityId}:`, error);
        return;
      }
      // Everything after `delivered` that this viewer may read, in seq order, each change once.
      const deliver = () =>
        this.step(event, async () => {
          await this.fold(eventId, event);
          if (!active || delivered >= event.ledger.seq) return;
          // The organiser key may be set or dropped after subscribing: checked at every delivery.
          const now = { ...viewer, organiser: this.isOrganiser(eventId, event) };
          const changes = event.ledger.changesFor(activityId, now, delivered);
          delivered = event.ledger.seq;
          if (changes.length > 0) listener(structuredClone(changes));
        });
      if (!active) return;
      stopWatching = this.store.watch(eventId, () => void deliver());
      options.onStatus?.('live');
      void deliver();
    })();
    return () => {
      active = false;
      stopWatching();
    };
  }

  // ---------------------------------------------------------------- folding the log

  private isOrganiser(eventId: string, event: FoldedEvent): boolean {
    return this.organiserKeys.get(eventId) === event.organiserKey;
  }

  /** This device's fold of an event, loaded once. */
  private event(eventId: string): Promise<FoldedEvent> {
    let event = this.events.get(eventId);
    if (!event) {
      event = this.store.getEvent(eventId).then((stored) => {
        if (!stored) throw new OsaError('not_found', `There is no event "${eventId}".`);
        return { ledger: ledgerOf(stored.definition), organiserKey: stored.organiserKey, position: 0, writes: new Map(), queue: Promise.resolve() };
      });
      this.events.set(eventId, event);
      event.catch(() => this.events.delete(eventId));
    }
    return event;
  }

  /** The event with every write in the store folded in. */
  private async caughtUp(eventId: string): Promise<FoldedEvent> {
    const event = await this.event(eventId);
    await this.step(event, () => this.fold(eventId, event));
    return event;
  }

  private async fold(eventId: string, event: FoldedEvent): Promise<void> {
    this.absorb(event, await this.store.entries(eventId, event.position));
  }

  private absorb(event: FoldedEvent, entries: LogEntry[]): void {
    for (const entry of entries) {
      event.ledger.apply(entry.changes);
      if (entry.write) event.writes.set(entry.write.key, { fingerprint: entry.write.fingerprint, result: entry.write.result });
      event.position += 1;
    }
  }

  private step<T>(event: FoldedEvent, run: () => Promise<T>): Promise<T> {
    const result = event.queue.then(run);
    event.queue = result.catch(() => undefined);
    return result;
  }
}
