import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyKindView, Change } from '../core/activity.js';
import { OsaError, toOsaError } from '../core/errors.js';
import { registerKindView } from '../core/kind-views.js';
import { changesVisibility, foldChanges } from '../adapters/fold.js';
import type { ActivityExport, ActivitySnapshot, ConnectionStatus, OsaAdapter, OutboxFailure, SendOptions, SendResult, Unsubscribe } from '../adapters/types.js';
import { errorMessage } from '../i18n/error-message.js';
import { LocalizeController } from '../i18n/localize.js';
import { EventContext } from './event-context.js';

/** An element that shows one activity: its own properties win over what `<osa-event>` provides. */
export interface ActivityHost extends ReactiveControllerHost, HTMLElement {
  /** An adapter of the element's own; overrides the provided one. */
  adapter?: OsaAdapter;
  /** The event id; overrides the provided one. */
  event?: string;
  activity?: string;
}

/**
 * - `loading`: no snapshot yet (or no adapter, event or activity to load one from);
 * - `ready`: `snapshot` is the live view;
 * - `offline`: the back end cannot be reached; `snapshot` is the cached view when there is one;
 * - `error`: loading failed for another reason (`error` says which).
 */
export type ActivityStatus = 'loading' | 'ready' | 'error' | 'offline';

interface Target {
  adapter: OsaAdapter;
  eventId: string;
  activityId: string;
  /** Who the adapter acts as (changes when `<osa-event>` gets or loses the organiser key). */
  identity: number | undefined;
}

/** How long a command waits for its own changes to arrive live before the snapshot is read again. */
const OWN_WRITE_WAIT_MS = 3000;

/**
 * The one way elements talk to adapters. Finds the adapter and event (the host's own
 * `adapter`/`event` properties, else the nearest `<osa-event>`), loads the activity (from the
 * cache first when the adapter has one), subscribes from the snapshot's `seq` and folds live
 * changes in with the kind's view, and reloads after a `phase` or `config` change (what the viewer
 * may see can change). When the caller's identity changes (the organiser key given or taken away)
 * it starts over: nothing one identity saw is shown to the other. A command resolves once its own
 * changes are in `snapshot` (read-your-writes), so views derive everything from the snapshot.
 * Every change of state requests a host update.
 */
export class ActivityController<S = unknown, C = unknown> implements ReactiveController {
  status: ActivityStatus = 'loading';
  /** Why loading failed (`status` is `error` or `offline`). */
  error: OsaError | undefined;
  connection: ConnectionStatus = 'connecting';
  /** Why the back end refused the live stream (e.g. the organiser key was replaced); nothing live arrives after it. */
  refused: OsaError | undefined;
  /** Writes of this event waiting in the adapter's outbox. */
  pending = 0;
  snapshot: ActivitySnapshot<S, C> | undefined;
  /** The last queued write of this activity that the back end refused for good. */
  outboxFailure: OutboxFailure | undefined;

  private readonly context: EventContext;
  private target: Target | undefined;
  private generation = 0;
  private loading = false;
  /** Changes delivered while a snapshot is loading: folded into it once it arrives. */
  private arrivedWhileLoading: Change[] = [];
  private cleanups: Unsubscribe[] = [];
  private subscribed = false;
  /** Commands waiting for their own changes to reach the snapshot. */
  private ownWrites: Array<{ seq: number; target: Target | undefined; done: () => void }> = [];
  private readonly i18n: LocalizeController;

  private readonly onOnline = (): void => {
    if (this.status === 'offline') void this.load();
  };

  constructor(
    private readonly host: ActivityHost,
    /** The kind this host shows: how its changes fold into the snapshot. */
    view: AnyKindView,
  ) {
    registerKindView(view);
    this.context = new EventContext(host);
    this.i18n = new LocalizeController(host);
    host.addController(this);
  }

  /** The adapter in use: the host's own, else the provided one. */
  get adapter(): OsaAdapter | undefined {
    return this.context.adapter;
  }

  get eventId(): string | undefined {
    return this.context.eventId;
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onOnline);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const adapter = this.adapter;
    const eventId = this.eventId;
    const activityId = this.host.activity;
    const identity = this.context.identity;
    const current = this.target;
    if (current && current.adapter === adapter && current.eventId === eventId && current.activityId === activityId && current.identity === identity) return;
    this.stop();
    this.snapshot = undefined;
    this.error = undefined;
    this.outboxFailure = undefined;
    this.status = 'loading';
    if (!adapter || !eventId || !activityId) return;
    this.target = { adapter, eventId, activityId, identity };
    this.pending = adapter.pendingCount?.(eventId) ?? 0;
    if (adapter.onPendingChange) {
      this.cleanups.push(
        adapter.onPendingChange(() => {
          this.pending = adapter.pendingCount?.(eventId) ?? 0;
          this.host.requestUpdate();
        }),
      );
    }
    if (adapter.onOutboxError) {
      this.cleanups.push(
        adapter.onOutboxError((failure) => {
          if (failure.eventId !== eventId || failure.activityId !== activityId) return;
          this.outboxFailure = failure;
          this.host.requestUpdate();
        }),
      );
    }
    void this.load();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onOnline);
    this.stop();
  }

  /** Loads the snapshot again (e.g. a "try again" button after an error). */
  reload(): Promise<void> {
    return this.load();
  }

  /**
   * Runs a command of the activity as the viewer. Resolves with the result once the command's own
   * changes are in `snapshot`, or `{ queued: true }` when a caching adapter keeps it to send later;
   * rejects with an `OsaError` (show it with `errorText`).
   */
  async send(command: string, payload: unknown, options?: SendOptions): Promise<SendResult> {
    const target = this.requireTarget();
    let sent: SendResult;
    try {
      sent = await target.adapter.send(target.eventId, target.activityId, command, payload, options);
    } catch (error) {
      throw toOsaError(error);
    }
    if (!sent.queued && sent.seq !== undefined) await this.reachSeq(sent.seq);
    return sent;
  }

  /**
   * Resolves once the snapshot holds change `seq` (delivered live), or the target changed; if it
   * has not arrived after `OWN_WRITE_WAIT_MS` (the stream is reconnecting), reads the snapshot again.
   */
  private reachSeq(seq: number): Promise<void> {
    if ((this.snapshot?.seq ?? 0) >= seq) return Promise.resolve();
    const target = this.target;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.ownWrites = this.ownWrites.filter((entry) => entry !== waiter);
        if (target === this.target) void this.load().finally(resolve);
        else resolve();
      }, OWN_WRITE_WAIT_MS);
      const waiter = {
        seq,
        target,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.ownWrites.push(waiter);
    });
  }

  /** Releases the commands whose changes the snapshot now holds (or whose target is gone). */
  private settleOwnWrites(): void {
    if (this.ownWrites.length === 0) return;
    const seq = this.snapshot?.seq ?? 0;
    const settled = this.ownWrites.filter((entry) => entry.target !== this.target || entry.seq <= seq);
    if (settled.length === 0) return;
    this.ownWrites = this.ownWrites.filter((entry) => !settled.includes(entry));
    for (const entry of settled) entry.done();
  }

  /** Organiser only: the activity's tables. */
  async exportActivity(): Promise<ActivityExport> {
    const target = this.requireTarget();
    try {
      return await target.adapter.exportActivity(target.eventId, target.activityId);
    } catch (error) {
      throw toOsaError(error);
    }
  }

  /** An error as a sentence in the host's language. */
  errorText(error: OsaError, fieldLabel?: (field: string) => string): string {
    return errorMessage(error, this.i18n.msg, fieldLabel);
  }

  private requireTarget(): Target {
    if (!this.target) throw new OsaError('not_found', 'No adapter, event or activity: put the element inside <osa-event> or set its adapter, event and activity.');
    return this.target;
  }

  private stop(): void {
    this.generation += 1;
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.subscribed = false;
    this.loading = false;
    this.target = undefined;
    this.settleOwnWrites();
  }

  private async load(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const generation = ++this.generation;
    const { adapter, eventId, activityId } = target;
    this.loading = true;
    this.arrivedWhileLoading = [];
    const current = (): boolean => generation === this.generation;
    try {
      if (!this.snapshot && adapter.getActivityCached) {
        const cached = await adapter.getActivityCached(eventId, activityId).catch(() => undefined);
        if (!current()) return;
        if (cached && !this.snapshot) {
          this.snapshot = cached as ActivitySnapshot<S, C>;
          this.subscribe(target, cached.seq);
          this.host.requestUpdate();
        }
      }
      const fresh = await adapter.getActivity(eventId, activityId);
      if (!current()) return;
      this.snapshot = foldChanges(fresh as ActivitySnapshot<S, C>, this.arrivedWhileLoading);
      this.status = 'ready';
      this.error = undefined;
      this.subscribe(target, fresh.seq);
      this.settleOwnWrites();
    } catch (thrown) {
      if (!current()) return;
      const error = toOsaError(thrown);
      this.error = error;
      this.status = error.code === 'offline' ? 'offline' : 'error';
      // Offline, the subscription tells when the back end is reachable again, and then catches up.
      if (error.code === 'offline') this.subscribe(target, this.snapshot?.seq);
    } finally {
      if (current()) {
        this.loading = false;
        this.arrivedWhileLoading = [];
        this.host.requestUpdate();
      }
    }
  }

  /** One subscription per target, from the first snapshot; later snapshots skip what they already hold. */
  private subscribe(target: Target, since: number | undefined): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.cleanups.push(
      target.adapter.subscribe(target.eventId, target.activityId, (changes) => this.receive(changes), {
        since,
        onStatus: (status) => {
          this.connection = status;
          if (status === 'live' && this.status === 'offline') void this.load();
          this.host.requestUpdate();
        },
        onRefused: (error) => {
          this.refused = error;
          this.host.requestUpdate();
        },
      }),
    );
  }

  private receive(changes: Change[]): void {
    if (this.loading) this.arrivedWhileLoading.push(...changes);
    if (this.snapshot) this.snapshot = foldChanges(this.snapshot, changes);
    if (changes.some(changesVisibility)) void this.load();
    this.settleOwnWrites();
    this.host.requestUpdate();
  }
}
