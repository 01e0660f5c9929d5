/**
 * Server-Sent Events: one stream per event and client, carrying every change of the event's
 * activities that the client may read, coalesced into one `changes` message per tick.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Change, Viewer } from '../src/core/activity.js';
import type { EventLedger } from '../src/core/ledger.js';
import type { EventService } from './service.js';

export interface LiveOptions {
  /** How long changes gather before they go out as one message. */
  coalesceMs: number;
  /** Interval of the comment lines that keep proxies from closing an idle stream. */
  heartbeatMs: number;
}

interface StreamClient {
  eventId: string;
  viewer: Viewer;
  /** Every change up to here was sent or was not visible to this client. */
  cursor: number;
  res: ServerResponse;
  /** The organiser key an organiser's stream was opened with: checked again when the event's key is replaced. */
  organiserKey?: string;
}

/** A client that stopped reading is dropped (it resumes with Last-Event-ID) rather than buffered without end. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** How long a browser waits before it reconnects a cut stream. */
const RETRY_MS = 2000;

/** The changes of every activity of the event after `since` that `viewer` may read now, in seq order. */
export function visibleChanges(ledger: EventLedger, viewer: Viewer, since: number, until = ledger.seq): Change[] {
  const changes: Change[] = [];
  for (const activityId of ledger.activities.keys()) changes.push(...ledger.changesFor(activityId, viewer, since, until));
  return changes.sort((a, b) => a.seq - b.seq);
}

/** Who a stream is for, as far as what it may read goes. */
function viewerKey(viewer: Viewer): string {
  return viewer.organiser ? 'organiser' : viewer.participant !== undefined ? `participant:${viewer.participant}` : 'anonymous';
}

/** Each change as JSON, made once however many clients receive it. */
const json = new WeakMap<Change, string>();
function serialized(change: Change): string {
  let text = json.get(change);
  if (text === undefined) json.set(change, (text = JSON.stringify(change)));
  return text;
}

export class LiveHub {
  private readonly clients = new Map<string, Set<StreamClient>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopListening: () => void;
  private readonly stopKeyListening: () => void;
  private closed = false;

  constructor(
    private readonly service: EventService,
    private readonly options: LiveOptions,
  ) {
    this.stopListening = service.onChanges((eventId) => this.schedule(eventId));
    this.stopKeyListening = service.onKeyRotated((eventId) => {
      this.endStaleOrganiserStreams(eventId).catch((error: Error) => console.error(`osallistu: ending the old key's streams of ${eventId} failed:`, error.message));
    });
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Whether any stream of the event is open (its ledger must then stay in memory). */
  watching(eventId: string): boolean {
    return this.clients.has(eventId);
  }

  /** Open streams, for health checks and tests. */
  get size(): number {
    let size = 0;
    for (const set of this.clients.values()) size += set.size;
    return size;
  }

  /**
   * Starts a stream on a hijacked response: headers (with the CORS and security headers the hooks
   * set, `headers`), `retry`, a `ready` event naming the seq it starts after, then at once every
   * visible change after `since`, and from then on coalesced changes and heartbeats.
   */
  open(eventId: string, viewer: Viewer, since: number, req: IncomingMessage, res: ServerResponse, headers: OutgoingHttpHeaders, organiserKey?: string): void {
    const client: StreamClient = { eventId, viewer, cursor: since, res, ...(viewer.organiser ? { organiserKey } : {}) };
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    if (this.closed) {
      res.end();
      return;
    }
    res.write(`retry: ${RETRY_MS}\n\nevent: ready\ndata: ${JSON.stringify({ seq: since })}\n\n`);
    let set = this.clients.get(eventId);
    if (!set) this.clients.set(eventId, (set = new Set()));
    set.add(client);
    const drop = (): void => this.remove(client);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
    // The backlog goes out at once: a resuming client should not wait for the next change.
    const ledger = this.service.cached(eventId);
    if (ledger) this.deliver(client, ledger);
    else {
      // Evicted in between (nobody was watching): load it again, or this stream would wait for
      // someone else to use the event.
      this.service.ledger(eventId).then(
        (loaded) => {
          if (this.clients.get(eventId)?.has(client)) this.deliver(client, loaded);
        },
        () => this.remove(client),
      );
    }
  }

  /**
   * After the event's organiser key was replaced: ends the organiser streams opened with a key that
   * is no longer the event's (the browser reconnects with it and is refused, or with the new key).
   * Streams opened with the new key meanwhile (another instance heard of the rotation late) stay.
   */
  async endStaleOrganiserStreams(eventId: string): Promise<void> {
    const set = this.clients.get(eventId);
    if (!set) return;
    const checked = new Map<string, Promise<boolean | undefined>>();
    for (const client of [...set]) {
      const key = client.organiserKey;
      if (key === undefined) continue;
      if (!checked.has(key)) checked.set(key, this.service.isOrganiserKey(eventId, key));
      if ((await checked.get(key)) !== true) this.remove(client);
    }
  }

  private remove(client: StreamClient): void {
    const set = this.clients.get(client.eventId);
    if (!set?.delete(client)) return;
    if (set.size === 0) {
      this.clients.delete(client.eventId);
      clearTimeout(this.timers.get(client.eventId));
      this.timers.delete(client.eventId);
    }
    if (!client.res.writableEnded) client.res.end();
  }

  /** New changes of an event: sent after `coalesceMs`, together with any that follow meanwhile. */
  schedule(eventId: string): void {
    if (this.closed || !this.clients.has(eventId) || this.timers.has(eventId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(eventId);
      this.flush(eventId);
    }, this.options.coalesceMs);
    this.timers.set(eventId, timer);
  }

  /** Sends every client of the event what it has not seen yet (normally called by the coalescing timer). */
  flush(eventId: string): void {
    const ledger = this.service.cached(eventId);
    const set = this.clients.get(eventId);
    if (!ledger || !set) return;
    // Streams of the same viewer at the same position get the same message: made once per flush
    // (every anonymous screen of a livestream, a participant's tabs).
    const messages = new Map<string, string | null>();
    for (const client of [...set]) this.deliver(client, ledger, messages);
  }

  /** Flushes every event now, without waiting for the timers. */
  flushAll(): void {
    for (const [eventId, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(eventId);
    }
    for (const eventId of this.clients.keys()) this.flush(eventId);
  }

  private deliver(client: StreamClient, ledger: EventLedger, messages?: Map<string, string | null>): void {
    // Only what is committed: a group being committed is already folded into the ledger.
    const until = this.service.committedSeq(client.eventId) ?? ledger.seq;
    if (until <= client.cursor) return;
    const key = `${viewerKey(client.viewer)}\u0000${client.cursor}`;
    let message = messages?.get(key);
    if (message === undefined) {
      const changes = visibleChanges(ledger, client.viewer, client.cursor, until);
      // The id is the highest seq looked at, visible or not: resuming from it skips nothing visible.
      message = changes.length > 0 ? `id: ${until}\nevent: changes\ndata: [${changes.map(serialized).join(',')}]\n\n` : null;
      messages?.set(key, message);
    }
    client.cursor = until;
    if (message !== null) this.write(client, message);
  }

  private write(client: StreamClient, text: string): void {
    // Still holding megabytes from before: this client is not reading (a large backlog once is fine).
    if (client.res.writableEnded || client.res.destroyed || client.res.writableLength > MAX_BUFFERED_BYTES) {
      this.remove(client);
      return;
    }
    client.res.write(text);
  }

  private beat(): void {
    for (const set of this.clients.values()) for (const client of [...set]) this.write(client, ': heartbeat\n\n');
  }

  /** Ends every stream (the server is closing); browsers reconnect, to another instance if there is one. */
  close(): void {
    this.closed = true;
    this.stopListening();
    this.stopKeyListening();
    clearInterval(this.heartbeat);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const set of [...this.clients.values()]) for (const client of [...set]) this.remove(client);
  }
}
