/**
 * The server's event logic around the core's `EventLedger`: ledgers loaded lazily and cached, the
 * atomic write path (plan → record in one transaction → apply), participants, organiser keys,
 * event creation with seeds, exports. The rules themselves all live in `src/core`.
 */
import { randomInt } from 'node:crypto';
import type { Change, Viewer } from '../src/core/activity.js';
import { OsaError } from '../src/core/errors.js';
import { prepareEvent as prepareCoreEvent, type PreparedEvent } from '../src/core/event-setup.js';
import { replayOrConflict } from '../src/core/idempotency.js';
import { EventLedger } from '../src/core/ledger.js';
import { createRandom, type Random } from '../src/core/ranking/random.js';
import {
  activityExport,
  activitySnapshot,
  eventInfo,
  lastVisibleSeq,
  newOrganiserKey,
  newParticipantId,
  writeFingerprint,
  writeScope,
} from '../src/core/backend.js';
import type { ActivityExport, ActivitySnapshot, CreatedEvent, EventInfo } from '../src/core/protocol.js';
import * as q from './db/queries.js';
import type { Store } from './db/store.js';
import { KeyedMutex } from './mutex.js';
import { matchesHash, sha256 } from './secrets.js';
import { simulateDuels } from '../src/core/board/simulate.js';
import { finnishLemmatiser } from './voikko.js';

export interface Credentials {
  /** The X-Osa-Device token. */
  device?: string;
  /** The X-Osa-Organiser key. */
  organiserKey?: string;
}

export interface WriteOutcome {
  result: unknown;
  /** The changes this write recorded (none for a replay or a command that changed nothing). */
  changes: Change[];
  /** The result was stored by an earlier request with the same idempotency key. */
  replayed: boolean;
  /** The last change of this write that its caller may read (see `CommandAnswer.seq`). */
  seq?: number;
}

export interface CreateEventOptions {
  /**
   * After the seed, cast this many simulated duel votes on every board in the `vote` phase in
   * duel mode (demo data): simulated participants ask `nextPair` and answer by hidden strengths.
   */
  simulateVotes?: number;
  /** Seed of the simulation's random numbers (default 2026): the same file gives the same votes. */
  simulationSeed?: number;
}

const cryptoRandom = (): Random => createRandom(randomInt(2 ** 32));
const PARTICIPANT_CACHE_LIMIT = 50_000;

/**
 * Checks an event definition and runs its seed in memory (core `prepareEvent`), touching no
 * database so the CLI can check a whole file first; with `simulateVotes`, demo duel votes follow.
 */
export function prepareEvent(input: unknown, options: CreateEventOptions = {}, now = Date.now()): PreparedEvent {
  const random = options.simulateVotes ? createRandom(options.simulationSeed ?? 2026) : cryptoRandom();
  return prepareCoreEvent(input, {
    now,
    random,
    newParticipantId,
    afterSeed: options.simulateVotes
      ? ({ ledger, run, participant, seeded }) => simulateDuels(ledger, options.simulateVotes!, random, seeded, participant, run)
      : undefined,
  });
}

export class EventService {
  private readonly ledgers = new Map<string, Promise<EventLedger>>();
  private readonly loaded = new Map<string, EventLedger>();
  private readonly mutex = new KeyedMutex();
  private readonly participants = new Map<string, Map<string, string>>();
  private readonly listeners = new Set<(eventId: string) => void>();
  /** Whether other processes may write to the same database (PostgreSQL); a PGlite directory has one owner. */
  private readonly shared: boolean;
  /** Organiser keys of the events this process created (the database keeps only their hashes). */
  readonly createdKeys = new Map<string, string>();

  constructor(
    readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.shared = store.kind === 'postgres';
  }

  /** Called after changes of an event were folded into its ledger (written here or caught up from the database). */
  onChanges(listener: (eventId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(eventId: string): void {
    for (const listener of this.listeners) listener(eventId);
  }

  /** The ledger of an event if this process has loaded it. */
  cached(eventId: string): EventLedger | undefined {
    return this.loaded.get(eventId);
  }

  /** The event's ledger, loaded from the database on first use (every change folded in). */
  ledger(eventId: string): Promise<EventLedger> {
    let pending = this.ledgers.get(eventId);
    if (!pending) {
      pending = this.load(eventId);
      this.ledgers.set(eventId, pending);
      pending.then(
        (ledger) => this.loaded.set(eventId, ledger),
        () => {
          if (this.ledgers.get(eventId) === pending) this.ledgers.delete(eventId);
        },
      );
    }
    return pending;
  }

  private async load(eventId: string): Promise<EventLedger> {
    const event = await q.findEvent(this.store, eventId);
    if (!event) throw new OsaError('not_found', `There is no event "${eventId}".`);
    const ledger = new EventLedger(event.id, event.title, await q.loadActivities(this.store, eventId), event.languages);
    ledger.apply(await q.changesAfter(this.store, eventId, 0));
    return ledger;
  }

  /** The ledger with every change that another server instance recorded folded in. */
  async fresh(eventId: string): Promise<EventLedger> {
    const ledger = await this.ledger(eventId);
    if (this.shared) await this.mutex.run(eventId, () => this.catchUp(ledger));
    return ledger;
  }

  /** Folds in changes recorded elsewhere; the caller holds the event's lock. */
  private async catchUp(ledger: EventLedger): Promise<void> {
    const missed = await q.changesAfter(this.store, ledger.eventId, ledger.seq);
    if (missed.length === 0) return;
    ledger.apply(missed);
    this.emit(ledger.eventId);
  }

  /** A NOTIFY on `osa_changes` (`{"event","seq"}`): catch up if this process serves that event. */
  handleNotification(payload: string): void {
    let message: { event?: unknown; seq?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (typeof message.event !== 'string' || typeof message.seq !== 'number') return;
    const ledger = this.loaded.get(message.event);
    if (!ledger || message.seq <= ledger.seq) return;
    this.mutex.run(message.event, () => this.catchUp(ledger)).catch((error: Error) => console.error(`osallistu: catching up ${message.event} failed:`, error.message));
  }

  /** After the LISTEN connection was lost: notifications may be missing, so catch up every loaded event. */
  catchUpAll(): void {
    for (const ledger of this.loaded.values()) {
      this.mutex.run(ledger.eventId, () => this.catchUp(ledger)).catch((error: Error) => console.error(`osallistu: catching up ${ledger.eventId} failed:`, error.message));
    }
  }

  async exists(eventId: string): Promise<boolean> {
    return (await q.findEvent(this.store, eventId)) !== undefined;
  }

  async info(eventId: string): Promise<EventInfo> {
    return eventInfo(await this.fresh(eventId));
  }

  /**
   * Who is calling: the participant bound to the device token (bound now if it is new), and
   * whether the organiser key is right. A wrong key counts as no key: the caller is then a
   * participant (organiser-only operations refuse with `forbidden`), so a stale key kept by a
   * browser never locks a participant out; `whoami` (`POST …/participants`) shows which it is.
   */
  async viewer(eventId: string, credentials: Credentials): Promise<Viewer> {
    await this.ledger(eventId);
    let organiser = false;
    if (credentials.organiserKey !== undefined) {
      const hash = await q.organiserKeyHash(this.store, eventId);
      organiser = hash !== undefined && matchesHash(credentials.organiserKey, hash);
    }
    if (credentials.device === undefined) return { organiser };
    return { participant: await this.participantOf(eventId, credentials.device), organiser };
  }

  private async participantOf(eventId: string, device: string): Promise<string> {
    let cache = this.participants.get(eventId);
    if (!cache) this.participants.set(eventId, (cache = new Map()));
    const hash = sha256(device);
    const known = cache.get(hash);
    if (known) return known;
    const id = (await q.findParticipant(this.store, eventId, hash)) ?? (await q.bindParticipant(this.store, eventId, hash, newParticipantId()));
    if (cache.size >= PARTICIPANT_CACHE_LIMIT) cache.clear();
    cache.set(hash, id);
    return id;
  }

  async snapshot(eventId: string, activityId: string, viewer: Viewer): Promise<ActivitySnapshot> {
    return activitySnapshot(await this.fresh(eventId), activityId, viewer);
  }

  /**
   * Runs a command as `viewer`. In one transaction: lock the event row, fold in changes other
   * instances wrote, replay or refuse a known idempotency key, plan with the core rules, record
   * the changes with the next seq numbers, the new seq, the idempotency record and a NOTIFY. Only
   * after COMMIT are the changes folded into the cached ledger; on any error nothing is written.
   */
  async send(eventId: string, activityId: string, command: string, payload: unknown, viewer: Viewer, idempotencyKey: string): Promise<WriteOutcome> {
    const ledger = await this.ledger(eventId);
    ledger.activity(activityId);
    const scope = writeScope(viewer);
    const print = writeFingerprint(viewer, activityId, command, payload);
    return this.mutex.run(eventId, async () => {
      let caughtUp = false;
      try {
        const outcome = await this.store.transaction(async (tx): Promise<WriteOutcome> => {
          const seq = await q.lockEvent(tx, eventId);
          if (seq === undefined) throw new OsaError('not_found', `There is no event "${eventId}".`);
          if (seq > ledger.seq) {
            ledger.apply(await q.changesAfter(tx, eventId, ledger.seq));
            caughtUp = true;
          }
          const stored = await q.findWrite(tx, eventId, scope, idempotencyKey);
          if (stored) return { result: replayOrConflict(stored, print), changes: [], replayed: true };
          const now = this.now();
          // The ledger has caught up to the locked seq, so its numbering is the database's.
          const planned = ledger.stamp(activityId, command, payload, { ...viewer, now, random: cryptoRandom(), lemmatiser: finnishLemmatiser() });
          const { changes } = planned;
          if (changes.length > 0) {
            await q.insertChanges(tx, eventId, changes);
            await q.setEventSeq(tx, eventId, seq + changes.length);
            await q.notifyChanges(tx, eventId, seq + changes.length);
          }
          await q.insertWrite(tx, eventId, scope, idempotencyKey, print, planned.result);
          return { result: planned.result, changes, replayed: false, seq: lastVisibleSeq(ledger, activityId, changes, viewer) };
        });
        if (outcome.changes.length > 0) {
          ledger.apply(outcome.changes);
          caughtUp = true;
        }
        return outcome;
      } finally {
        if (caughtUp) this.emit(eventId);
      }
    });
  }

  /** The organiser's export of an activity (refused for anyone else). */
  async exportActivity(eventId: string, activityId: string, viewer: Viewer): Promise<ActivityExport> {
    return activityExport(await this.fresh(eventId), activityId, viewer, this.now());
  }

  /**
   * Creates an event from its definition (see `prepareEvent`) in one transaction: the event, its
   * activities, the seed's simulated participants and every change the seed made.
   */
  async createEvent(input: unknown, options: CreateEventOptions = {}): Promise<CreatedEvent> {
    const prepared = prepareEvent(input, options, this.now());
    const { definition, ledger } = prepared;
    if (await this.exists(definition.id)) {
      throw new OsaError('conflict', `An event with the id "${definition.id}" already exists.`, { field: 'id' });
    }
    const organiserKey = newOrganiserKey();
    await this.store.transaction(async (tx) => {
      const inserted = await q.insertEvent(tx, { id: definition.id, title: definition.title, languages: ledger.languages, organiserKeyHash: sha256(organiserKey) });
      if (!inserted) throw new OsaError('conflict', `An event with the id "${definition.id}" already exists.`, { field: 'id' });
      await q.insertActivities(tx, definition.id, prepared.activities);
      await q.insertSimulatedParticipants(tx, definition.id, prepared.simulated);
      await q.insertChanges(tx, definition.id, prepared.recorded);
      if (prepared.recorded.length > 0) {
        await q.setEventSeq(tx, definition.id, ledger.seq);
        await q.notifyChanges(tx, definition.id, ledger.seq);
      }
    });
    this.ledgers.set(definition.id, Promise.resolve(ledger));
    this.loaded.set(definition.id, ledger);
    this.createdKeys.set(definition.id, organiserKey);
    return { eventId: definition.id, organiserKey };
  }

  /** Replaces the event's organiser key (the old one stops working) and returns the new one. */
  async rotateOrganiserKey(eventId: string): Promise<string> {
    const organiserKey = newOrganiserKey();
    if (!(await q.setOrganiserKeyHash(this.store, eventId, sha256(organiserKey)))) throw new OsaError('not_found', `There is no event "${eventId}".`);
    this.createdKeys.set(eventId, organiserKey);
    return organiserKey;
  }
}
