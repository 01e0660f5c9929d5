/**
 * The data contract every back end implements: the in-page memory/local adapter, the http
 * adapter for the reference server, the caching wrapper, and any adapter of a developer's own.
 * One conformance suite (`./conformance.ts`) checks that an adapter keeps it.
 *
 * The contract knows nothing of boards or clouds: an activity kind (in `src/core`) declares its
 * commands and how its changes fold into state, and every adapter runs every kind.
 */
import type { Change, LocalizedText, Viewer } from '../core/activity.js';
import type { ActivityDefinition, ActivityUpdate, EventDefinition, EventUpdate } from '../core/event.js';
import type { ActivityExport, ActivitySnapshot, CommandAnswer, CreatedEvent, EventInfo } from '../core/protocol.js';
import type { OsaError } from '../core/errors.js';

export type { ActivityDefinition, ActivityUpdate, Change, EventDefinition, EventUpdate, LocalizedText, Viewer };
export type { ActivityExport, ActivitySnapshot, ActivitySummary, CommandAnswer, CreatedEvent, EventInfo, ExportCell, ExportTables, Language } from '../core/protocol.js';
export type { ErrorCode, ErrorBody, Refusal } from '../core/errors.js';
export { OsaError } from '../core/errors.js';

export interface SendOptions {
  /**
   * Makes a retry count once: the same key with the same body returns the first result; the same
   * key with another body is refused (`conflict`). Generated when left out.
   */
  idempotencyKey?: string;
  /**
   * Whether a caching adapter may keep the write in its outbox when the back end cannot be reached
   * (default true). A request whose answer is needed now (the next duel pair) passes `false` and
   * fails as `offline` instead.
   */
  queue?: boolean;
}

/**
 * A write either reached the back end (`result`, and `seq` for reading one's own write, see
 * `CommandAnswer`), or waits in an offline outbox to be sent once.
 */
export type SendResult<R = unknown> = ({ queued: false } & CommandAnswer<R>) | { queued: true; idempotencyKey: string };

/** The state of a live subscription, for "live", "reconnecting…" and "offline" indicators. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface SubscribeOptions {
  /** Deliver changes after this sequence number (the `seq` of a snapshot); left out, only new ones. */
  since?: number;
  /** Called (never synchronously inside `subscribe`) with the current status and on every change of it. */
  onStatus?: (status: ConnectionStatus) => void;
  /**
   * Called when the back end refuses the live stream (e.g. the organiser key it was opened with was
   * replaced): no reconnect follows until the page subscribes again, so the user should be told why.
   */
  onRefused?: (error: OsaError) => void;
}

export type ChangeListener = (changes: Change[]) => void;
export type Unsubscribe = () => void;

/** A write from the offline outbox that the back end refused for good: it is dropped, and reported. */
export interface OutboxFailure {
  eventId: string;
  activityId: string;
  command: string;
  payload: unknown;
  idempotencyKey: string;
  error: OsaError;
}

export interface OsaAdapter {
  /** Creates an event (with its activities and seed actions). Reference-server adapters need an admin token. */
  createEvent(definition: EventDefinition): Promise<CreatedEvent>;
  getEvent(eventId: string): Promise<EventInfo>;
  /** The caller's view of an activity. */
  getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot>;
  /**
   * Runs an operation of the activity's kind (or `setPhase`/`configure`) as the caller. Rejects
   * with an `OsaError` whose code says why (`invalid` names the field).
   */
  send(eventId: string, activityId: string, command: string, payload: unknown, options?: SendOptions): Promise<SendResult>;
  /**
   * Delivers the caller's visible changes of one activity, in `seq` order, each once: after a
   * reconnect the missed ones come first, with no gap and no duplicate. The listener is always
   * called asynchronously (never inside `send` or `subscribe`). A change made readable only by a
   * later phase is not re-sent: after a `phase` or `config` change, reload the snapshot.
   */
  subscribe(eventId: string, activityId: string, listener: ChangeListener, options?: SubscribeOptions): Unsubscribe;
  /** Organiser only: the activity's data as tables, for CSV and JSON export. */
  exportActivity(eventId: string, activityId: string): Promise<ActivityExport>;
  /**
   * Stores (or forgets, with undefined) the organiser key used for this event's requests. A key
   * that is not the event's counts as none: the caller gets a participant's view, and organiser
   * operations fail as `forbidden`.
   */
  setOrganiserKey(eventId: string, key: string | undefined): void;
  /** The caller's anonymous participant id in this event, and whether they hold the organiser key. */
  whoami(eventId: string): Promise<Viewer>;
  /**
   * What this device last saw of an activity, from a local cache, without the network; undefined
   * when nothing is cached. Offered by caching adapters (`withCache`), so an element can render at
   * once and then replace it with `getActivity`'s live view.
   *
   * (Added to the contract as optional, not as an `onCached` callback of `getActivity`: a plain
   * second read keeps `getActivity` one promise with one answer for every adapter, and lets the
   * caller decide whether a cached view is good enough, e.g. while offline.)
   */
  getActivityCached?(eventId: string, activityId: string): Promise<ActivitySnapshot | undefined>;
  /** The cached `EventInfo`, like `getActivityCached`. */
  getEventCached?(eventId: string): Promise<EventInfo | undefined>;
  /** Writes waiting in an offline outbox for this event (0 for adapters without one). */
  pendingCount?(eventId: string): number;
  /** Called whenever `pendingCount` may have changed. */
  onPendingChange?(listener: () => void): Unsubscribe;
  /**
   * Called when a queued write was refused for a reason a retry cannot fix (e.g. `phase_closed`
   * after the organiser moved on): the write is removed from the outbox and never silently lost.
   */
  onOutboxError?(listener: (failure: OutboxFailure) => void): Unsubscribe;
  /**
   * Organiser only: adds an activity to an existing event, checked by the same rules as at
   * creation (a known kind, settings valid for it, a slug id not yet in the event, at most 100
   * activities); it starts in `definition.phase`, else its kind's first phase. Answers the event
   * as `getEvent` now does. Refusals: `forbidden` without the organiser key, `conflict` (field
   * `id`) for an id the event has, `invalid` naming the field (`kind`, `config.mode`, …).
   *
   * This and the three methods below are optional: the in-page adapters, the http adapter and the
   * cache wrapper (when the adapter it wraps has them) offer them; an organiser console checks for
   * them. None is queued offline: they fail as `offline`.
   */
  addActivity?(eventId: string, definition: ActivityDefinition): Promise<EventInfo>;
  /**
   * Organiser only: a new title for an activity (settings change with the `configure` command).
   * Subscribers of the activity receive it as a `title` change that their view folds.
   */
  updateActivity?(eventId: string, activityId: string, update: ActivityUpdate): Promise<EventInfo>;
  /** Organiser only: the event's new title, languages (main first), or both. */
  updateEvent?(eventId: string, update: EventUpdate): Promise<EventInfo>;
  /**
   * Organiser only: replaces the event's organiser key and answers the new one, shown this once;
   * this adapter uses it from now on (its subscriptions move to it). The old key stops working at
   * once: requests with it get a participant's view, and the reference server ends live streams
   * opened with it and refuses them with `forbidden` when they reconnect.
   */
  rotateOrganiserKey?(eventId: string): Promise<{ organiserKey: string }>;
  /** Releases connections, channels and timers. */
  close?(): void;
}
