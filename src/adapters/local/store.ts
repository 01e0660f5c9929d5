import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { Change } from '../../core/activity.js';
import type { EventDefinition } from '../../core/event.js';
import type { StoredWrite } from '../../core/idempotency.js';

/** An event as the local back end keeps it: the definition it was created from and its organiser key. */
export interface StoredEvent {
  definition: EventDefinition;
  organiserKey: string;
}

export interface RecordedWrite {
  key: string;
  write: StoredWrite<unknown>;
}

/**
 * Where the local back end keeps what outlives the page: events, the change log, idempotency
 * records and device bindings. The in-memory `EventLedger` is the working copy; the store is the
 * truth that other tabs write to as well.
 */
export interface LocalStore {
  /** Runs `task` while no other writer of this event (in this tab or another) runs. */
  exclusive<T>(eventId: string, task: () => Promise<T>): Promise<T>;
  getEvent(eventId: string): Promise<StoredEvent | undefined>;
  putEvent(event: StoredEvent): Promise<void>;
  /** Changes recorded after `seq`, in order, including those written by other tabs. */
  changesAfter(eventId: string, seq: number): Promise<Change[]>;
  getWrite(eventId: string, key: string): Promise<StoredWrite<unknown> | undefined>;
  participantOf(eventId: string, device: string): Promise<string | undefined>;
  bind(eventId: string, device: string, participant: string): Promise<void>;
  /** Records changes together with the idempotency record of the write that made them, atomically. */
  record(eventId: string, changes: readonly Change[], write?: RecordedWrite): Promise<void>;
}

/** Serialises tasks per key within this page. */
class Mutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/**
 * A store for one page only: the ledger's own log is the change log, so `changesAfter` has
 * nothing to add (no other writer exists).
 */
export class MemoryStore implements LocalStore {
  private readonly events = new Map<string, StoredEvent>();
  private readonly writes = new Map<string, StoredWrite<unknown>>();
  private readonly bindings = new Map<string, string>();
  private readonly mutex = new Mutex();

  exclusive<T>(eventId: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(eventId, task);
  }
  async getEvent(eventId: string): Promise<StoredEvent | undefined> {
    return this.events.get(eventId);
  }
  async putEvent(event: StoredEvent): Promise<void> {
    this.events.set(event.definition.id, event);
  }
  async changesAfter(): Promise<Change[]> {
    return [];
  }
  async getWrite(eventId: string, key: string): Promise<StoredWrite<unknown> | undefined> {
    return this.writes.get(`${eventId}\n${key}`);
  }
  async participantOf(eventId: string, device: string): Promise<string | undefined> {
    return this.bindings.get(`${eventId}\n${device}`);
  }
  async bind(eventId: string, device: string, participant: string): Promise<void> {
    this.bindings.set(`${eventId}\n${device}`, participant);
  }
  async record(eventId: string, _changes: readonly Change[], write?: RecordedWrite): Promise<void> {
    if (write) this.writes.set(`${eventId}\n${write.key}`, write.write);
  }
}

/**
 * A store in one IndexedDB database (idb-keyval, one object store, array keys so that an event's
 * changes read back in seq order with one key range). Writers of an event are serialised across
 * tabs with the Web Locks API; without it (very old browsers) only within the page.
 */
export class IndexedDbStore implements LocalStore {
  private readonly store: UseStore;
  private readonly mutex = new Mutex();

  constructor(private readonly name: string) {
    this.store = createStore(name, 'osallistu');
  }

  exclusive<T>(eventId: string, task: () => Promise<T>): Promise<T> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return this.mutex.run(eventId, task);
    return locks.request(`osallistu:${this.name}:${eventId}`, task) as Promise<T>;
  }
  getEvent(eventId: string): Promise<StoredEvent | undefined> {
    return this.read((store) => store.get(['event', eventId]));
  }
  putEvent(event: StoredEvent): Promise<void> {
    return this.write((store) => store.put(event, ['event', event.definition.id]));
  }
  changesAfter(eventId: string, seq: number): Promise<Change[]> {
    return this.read((store) => store.getAll(IDBKeyRange.bound(['change', eventId, seq], ['change', eventId, Infinity], true, false)));
  }
  getWrite(eventId: string, key: string): Promise<StoredWrite<unknown> | undefined> {
    return this.read((store) => store.get(['write', eventId, key]));
  }
  participantOf(eventId: string, device: string): Promise<string | undefined> {
    return this.read((store) => store.get(['device', eventId, device]));
  }
  bind(eventId: string, device: string, participant: string): Promise<void> {
    return this.write((store) => store.put(participant, ['device', eventId, device]));
  }
  record(eventId: string, changes: readonly Change[], write?: RecordedWrite): Promise<void> {
    return this.write((store) => {
      for (const change of changes) store.put(change, ['change', eventId, change.seq]);
      if (write) store.put(write.write, ['write', eventId, write.key]);
    });
  }

  private read<T>(request: (store: IDBObjectStore) => IDBRequest): Promise<T> {
    return this.store('readonly', (store) => promisifyRequest(request(store))) as Promise<T>;
  }

  /** One readwrite transaction: everything `put` in it is stored, or nothing. */
  private write(puts: (store: IDBObjectStore) => void): Promise<void> {
    return this.store('readwrite', (store) => {
      puts(store);
      return promisifyRequest(store.transaction);
    });
  }
}
