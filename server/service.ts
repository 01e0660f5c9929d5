/**
 * The server's event logic around the core's `EventLedger`: ledgers loaded lazily and cached, the
 * atomic write path (plan → record in one transaction → apply), participants, organiser keys,
 * event creation with seeds, exports. The rules themselves all live in `src/core`.
 */
import { randomInt } from 'node:crypto';
import type { Change, Viewer } from '../src/core/activity.js';
import { OsaError } from '../src/core/errors.js';
import { prepareEvent as prepareCoreEvent, type PreparedEvent } from '../src/core/event-setup.js';
import { randomKey, replayOrConflict } from '../src/core/idempotency.js';
import { assertValid } from '../src/core/validate.js';
import { EventLedger } from '../src/core/ledger.js';
import { createRandom, type Random } from '../src/core/ranking/random.js';
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
} from '../src/core/backend.js';
import type { ActivityExport, ActivitySnapshot, CreatedEvent, EventInfo } from '../src/core/protocol.js';
import * as q from './db/queries.js';
import type { Store } from './db/store.js';
import { KeyedMutex } from './mutex.js';
import { INVITATION_LIMITS, invitationInput } from './schemas.js';
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
/** The most commands one transaction commits (a bound on its size and on the wait of the first). */
const MAX_GROUP = 256;

/** A write waiting for its event's next group commit: a command, or an organiser's edit of the event. */
interface PendingWrite {
  /** The core rule against the ledger as the writes before it left it: the changes to record (throws to refuse the write). */
  plan(ledger: EventLedger, now: number): { result: unknown; changes: Change[] };
  /** The sender's answer once the changes are folded in. */
  settle(ledger: EventLedger, planned: { result: unknown; changes: Change[] }): WriteOutcome;
  /** A command's idempotency record; an edit has none (adding an activity again is refused as a duplicate, a title set again is the same title). */
  idempotency?: { key: string; scope: string; print: string };
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

export interface CreatedInvitation {
  /** The token: shown once (the database keeps its hash). */
  invitation: string;
  expiresAt: string;
  uses: number;
}

/** An invitation that may still create events. */
export interface InvitationState {
  expiresAt: string;
  usesLeft: number;
}

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
  /** Commands waiting for their event's next group commit. */
  private readonly queues = new Map<string, PendingWrite[]>();
  /** When each loaded event was last used (for `evictIdle`). */
  private readonly lastUsed = new Map<string, number>();
  /** Per event while a group is being committed: the seq readers may see (the ledger is ahead of it). */
  private readonly committed = new Map<string, number>();
  /** Events whose ledger was dropped after a failed group: their streams wait until it is loaded again. */
  private readonly dropped = new Set<string>();
  private readonly listeners = new Set<(eventId: string) => void>();
  private readonly keyListeners = new Set<(eventId: string) => void>();
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

  /** Events whose ledger this process holds in memory. */
  get loadedEvents(): string[] {
    return [...this.loaded.keys()];
  }

  /**
   * Drops from memory the ledgers of events that nobody watches (`watched`) and nobody used for
   * `idleMs` (no request, no queued write): their change logs would otherwise stay for the life of
   * the process. The next use loads them again from the database. Returns the events dropped.
   */
  evictIdle(idleMs: number, watched: (eventId: string) => boolean): string[] {
    const now = this.now();
    const dropped: string[] = [];
    for (const eventId of [...this.loaded.keys()]) {
      if (watched(eventId) || this.queues.has(eventId) || this.committed.has(eventId)) continue;
      if (now - (this.lastUsed.get(eventId) ?? 0) < idleMs) continue;
      this.evict(eventId);
      dropped.push(eventId);
    }
    return dropped;
  }

  /** The event's ledger, loaded from the database on first use (every change folded in). */
  ledger(eventId: string): Promise<EventLedger> {
    this.lastUsed.set(eventId, this.now());
    let pending = this.ledgers.get(eventId);
    if (!pending) {
      pending = this.load(eventId);
      this.ledgers.set(eventId, pending);
      pending.then(
        (ledger) => {
          this.loaded.set(eventId, ledger);
          // Loaded again after a failed group: the streams send what was committed meanwhile.
          if (this.dropped.delete(eventId)) this.emit(eventId);
        },
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

  /**
   * A NOTIFY on `osa_changes`: `{"event","seq"}`, catch up if this process serves that event;
   * `{"event","keyRotated":true}`, its organiser key was replaced (see `rotateOrganiserKey`).
   */
  handleNotification(payload: string): void {
    let message: { event?: unknown; seq?: unknown; keyRotated?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (typeof message.event === 'string' && message.keyRotated === true) {
      this.emitKeyRotated(message.event);
      return;
    }
    if (typeof message.event !== 'string' || typeof message.seq !== 'number') return;
    const ledger = this.loaded.get(message.event);
    if (!ledger) {
      if (this.dropped.has(message.event)) this.reload(message.event);
      return;
    }
    if (message.seq <= ledger.seq) return;
    this.mutex.run(message.event, () => this.catchUp(ledger)).catch((error: Error) => console.error(`osallistu: catching up ${message.event} failed:`, error.message));
  }

  /** After the LISTEN connection was lost: notifications may be missing, so catch up every loaded event. */
  catchUpAll(): void {
    for (const eventId of this.dropped) this.reload(eventId);
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
    const ledger = await this.fresh(eventId);
    return activitySnapshot(ledger, activityId, viewer, this.committedSeq(eventId) ?? ledger.seq);
  }

  /**
   * Runs a command as `viewer`. Commands of one event are committed in groups: while one
   * transaction runs, the commands that arrive queue up, and the next transaction takes them all
   * (up to `MAX_GROUP`). In that transaction: lock the event row, fold in changes other instances
   * wrote, then for each command in arrival order replay or refuse a known idempotency key, or
   * plan it with the core rules against the state the commands before it left (a refused command
   * is answered with its error and changes nothing); then record every change with the next seq
   * numbers, the idempotency records, the new seq and one NOTIFY. Each command is still atomic and
   * idempotent as its sender sees it: it is answered only after COMMIT. Readers (snapshots,
   * streams) see only committed changes (`committedSeq`); if the transaction fails, every command
   * of the group gets the error and the cached ledger is dropped and reloaded from the database.
   */
  send(eventId: string, activityId: string, command: string, payload: unknown, viewer: Viewer, idempotencyKey: string): Promise<WriteOutcome> {
    return this.ledger(eventId).then((ledger) => {
      ledger.activity(activityId);
      return this.enqueue(eventId, {
        plan: (current, now) => current.stamp(activityId, command, payload, { ...viewer, now, random: cryptoRandom(), lemmatiser: finnishLemmatiser() }),
        settle: (current, { result, changes }) => ({ result, changes, replayed: false, seq: lastVisibleSeq(current, activityId, changes, viewer) }),
        idempotency: { key: idempotencyKey, scope: writeScope(viewer), print: writeFingerprint(viewer, activityId, command, payload) },
      });
    });
  }

  /**
   * An organiser's edit of the event (`stampEdit` in the core: a new activity, a title, the
   * event's title or languages), written as a command is: in the event's next group commit, under
   * its row lock, numbered in its seq, so that other instances and reloaded ledgers get it from
   * the change log. Answers the `EventInfo` right after the edit.
   */
  async edit(eventId: string, edit: EventEdit, viewer: Viewer): Promise<EventInfo> {
    await this.ledger(eventId);
    const outcome = await this.enqueue(eventId, {
      plan: (ledger, now) => ({ result: undefined, changes: stampEdit(ledger, edit, viewer, now) }),
      settle: (ledger, { changes }) => ({ result: eventInfo(ledger), changes, replayed: false }),
    });
    return outcome.result as EventInfo;
  }

  private enqueue(eventId: string, write: Omit<PendingWrite, 'resolve' | 'reject'>): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      const pending: PendingWrite = { ...write, resolve, reject };
      let queue = this.queues.get(eventId);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(eventId, (queue = [pending]));
      this.mutex.run(eventId, () => this.drain(eventId)).catch((error: Error) => console.error(`osallistu: writing to ${eventId} failed:`, error.message));
    });
  }

  /** Commits the queued writes of an event, group after group, until its queue is empty. */
  private async drain(eventId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(eventId);
      if (!queue || queue.length === 0) {
        this.queues.delete(eventId);
        return;
      }
      const group = queue.splice(0, MAX_GROUP);
      await this.commitGroup(eventId, group);
      // PGlite runs its queries without giving the event loop a turn: let timers, streams and
      // sockets run between transactions instead of after the whole queue.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async commitGroup(eventId: string, group: PendingWrite[]): Promise<void> {
    let ledger: EventLedger;
    try {
      ledger = await this.ledger(eventId);
    } catch (error) {
      for (const write of group) write.reject(error);
      return;
    }
    const answers: Array<{ write: PendingWrite; outcome?: WriteOutcome; error?: unknown }> = [];
    const recorded: Change[] = [];
    let caughtUp = false;
    let planned = false;
    try {
      await this.store.transaction(async (tx) => {
        const seq = await q.lockEvent(tx, eventId);
        if (seq === undefined) throw new OsaError('not_found', `There is no event "${eventId}".`);
        if (seq > ledger.seq) {
          ledger.apply(await q.changesAfter(tx, eventId, ledger.seq));
          caughtUp = true;
        }
        this.committed.set(eventId, ledger.seq);
        const keyed = group.flatMap((write) => (write.idempotency ? [write.idempotency] : []));
        const stored = await q.findWrites(tx, eventId, keyed);
        const inGroup = new Map<string, { print: string; result: unknown }>();
        const fresh: Array<{ scope: string; key: string; print: string; result: unknown }> = [];
        const now = this.now();
        for (const write of group) {
          const id = write.idempotency && `${write.idempotency.scope}\u0000${write.idempotency.key}`;
          const earlier = id === undefined ? undefined : (stored.get(id) ?? inGroup.get(id));
          if (earlier) {
            try {
              answers.push({ write, outcome: { result: replayOrConflict({ fingerprint: earlier.print, result: earlier.result }, write.idempotency!.print), changes: [], replayed: true } });
            } catch (error) {
              answers.push({ write, error });
            }
            continue;
          }
          let outcome: { result: unknown; changes: Change[] };
          try {
            outcome = write.plan(ledger, now);
          } catch (error) {
            answers.push({ write, error });
            continue;
          }
          // Folded in now so that the next command of the group sees it; readers stop at `committedSeq`.
          planned = true;
          ledger.apply(outcome.changes);
          recorded.push(...outcome.changes);
          if (write.idempotency && id !== undefined) {
            inGroup.set(id, { print: write.idempotency.print, result: outcome.result });
            fresh.push({ ...write.idempotency, result: outcome.result });
          }
          answers.push({ write, outcome: write.settle(ledger, outcome) });
        }
        if (recorded.length > 0) {
          await q.insertChanges(tx, eventId, recorded);
          await q.setEventSeq(tx, eventId, ledger.seq);
          await q.notifyChanges(tx, eventId, ledger.seq);
        }
        if (fresh.length > 0) await q.insertWrites(tx, eventId, fresh);
      });
    } catch (error) {
      // Nothing of this group was written; a ledger that already holds its changes is dropped.
      this.committed.delete(eventId);
      if (planned) {
        // Loaded again at once (or, if the database is down, at the next notification or
        // reconnect): until then the event's streams, here and fed by other instances, stand still.
        this.evict(eventId);
        this.dropped.add(eventId);
        this.reload(eventId);
      } else if (caughtUp) this.emit(eventId);
      for (const write of group) write.reject(error);
      return;
    }
    this.committed.delete(eventId);
    if (recorded.length > 0 || caughtUp) this.emit(eventId);
    for (const answer of answers) {
      if (answer.outcome) answer.write.resolve(answer.outcome);
      else answer.write.reject(answer.error);
    }
  }

  /**
   * The last seq of the event that is committed: what readers may see. While a group is being
   * committed, the ledger already holds its changes; snapshots and streams stop before them.
   */
  committedSeq(eventId: string): number | undefined {
    const ledger = this.loaded.get(eventId);
    if (!ledger) return undefined;
    return this.committed.get(eventId) ?? ledger.seq;
  }

  /** Loads a ledger dropped after a failed group, unless it is loaded or loading already. */
  private reload(eventId: string): void {
    if (!this.ledgers.has(eventId)) this.ledger(eventId).catch((error: Error) => console.error(`osallistu: reloading ${eventId} failed:`, error.message));
  }

  /** Forgets the cached ledger of an event; the next use loads it from the database. */
  evict(eventId: string): void {
    this.ledgers.delete(eventId);
    this.loaded.delete(eventId);
    this.committed.delete(eventId);
    this.lastUsed.delete(eventId);
    this.participants.delete(eventId);
  }

  /** The organiser's export of an activity (refused for anyone else). */
  async exportActivity(eventId: string, activityId: string, viewer: Viewer): Promise<ActivityExport> {
    return activityExport(await this.fresh(eventId), activityId, viewer, this.now());
  }

  /**
   * Creates an event from its definition (see `prepareEvent`) in one transaction: the event, its
   * activities, the seed's simulated participants and every change the seed made. With
   * `invitation`, one of its uses is taken in the same transaction (refused as `checkInvitation`
   * says, and then nothing is created): of two creations on an invitation's last use, one wins.
   */
  async createEvent(input: unknown, options: CreateEventOptions & { invitation?: string } = {}): Promise<CreatedEvent> {
    if (options.invitation !== undefined) await this.checkInvitation(options.invitation);
    const prepared = prepareEvent(input, options, this.now());
    const { definition, ledger } = prepared;
    if (await this.exists(definition.id)) {
      throw new OsaError('conflict', `An event with the id "${definition.id}" already exists.`, { field: 'id' });
    }
    const organiserKey = newOrganiserKey();
    await this.store.transaction(async (tx) => {
      if (options.invitation !== undefined) {
        const hash = sha256(options.invitation);
        if ((await q.takeInvitationUse(tx, hash, new Date(this.now()).toISOString())) === undefined) throw this.refuseInvitation(await q.findInvitation(tx, hash));
      }
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

  /**
   * Makes an invitation (the CLI's `invite` and `POST /invitations`): a token that lets whoever
   * holds it create up to `uses` events (default 1) for `days` days (default 14). Only its hash is stored.
   */
  async createInvitation(input: { uses?: number; days?: number } = {}): Promise<CreatedInvitation> {
    const { uses = INVITATION_LIMITS.uses.default, days = INVITATION_LIMITS.days.default } = assertValid<{ uses?: number; days?: number }>(invitationInput, input);
    const invitation = randomKey(24);
    const expiresAt = new Date(this.now() + days * 86_400_000).toISOString();
    await q.insertInvitation(this.store, { tokenHash: sha256(invitation), uses, expiresAt });
    return { invitation, expiresAt, uses };
  }

  /** The state of an invitation that may still create an event; else `forbidden` with its `refusal` (`expired`, `used`, `unknown`). */
  async checkInvitation(invitation: string): Promise<InvitationState> {
    const found = await q.findInvitation(this.store, sha256(invitation));
    if (!found || found.usesLeft === 0 || Date.parse(found.expiresAt) <= this.now()) throw this.refuseInvitation(found);
    return { expiresAt: found.expiresAt, usesLeft: found.usesLeft };
  }

  private refuseInvitation(found: q.InvitationRow | undefined): OsaError {
    const field = 'Authorization';
    if (!found) return new OsaError('forbidden', 'This invitation is not known here: check the link, or ask the operator for a new one.', { field, refusal: 'unknown' });
    if (found.usesLeft === 0) {
      return new OsaError('forbidden', `This invitation has been used (it was for ${found.uses} event${found.uses === 1 ? '' : 's'}): ask the operator for a new one.`, { field, refusal: 'used' });
    }
    return new OsaError('forbidden', `This invitation expired at ${found.expiresAt}: ask the operator for a new one.`, { field, refusal: 'expired' });
  }

  /**
   * Replaces the event's organiser key and returns the new one: the old key stops working at once
   * for every request, and live streams opened with it end (here through `onKeyRotated`, on other
   * instances through the NOTIFY); reconnecting with it is refused. With `current` (an organiser
   * in the browser) only if that is the event's key now, and only once: of two rotations with one
   * key at once, the second is refused. Without it (the CLI's `rotate-key`, for a lost key) always.
   */
  async rotateOrganiserKey(eventId: string, current?: string): Promise<string> {
    const organiserKey = newOrganiserKey();
    await this.store.transaction(async (tx) => {
      const hash = await q.organiserKeyHash(tx, eventId);
      if (hash === undefined) throw new OsaError('not_found', `There is no event "${eventId}".`);
      const replaced =
        (current === undefined || matchesHash(current, hash)) && (await q.setOrganiserKeyHash(tx, eventId, sha256(organiserKey), current === undefined ? undefined : hash));
      // Refused when the key presented is not the event's, or another rotation replaced it since it was read.
      assertOrganiser({ organiser: replaced }, 'replace the organiser key');
      await q.notifyKeyRotated(tx, eventId);
    });
    this.createdKeys.set(eventId, organiserKey);
    this.emitKeyRotated(eventId);
    return organiserKey;
  }

  /** Whether `key` is the event's organiser key now (undefined when there is no such event). */
  async isOrganiserKey(eventId: string, key: string): Promise<boolean | undefined> {
    const hash = await q.organiserKeyHash(this.store, eventId);
    return hash === undefined ? undefined : matchesHash(key, hash);
  }

  /** Called when an event's organiser key was replaced, by this process or (PostgreSQL) another. */
  onKeyRotated(listener: (eventId: string) => void): () => void {
    this.keyListeners.add(listener);
    return () => this.keyListeners.delete(listener);
  }

  private emitKeyRotated(eventId: string): void {
    for (const listener of this.keyListeners) listener(eventId);
  }
}
