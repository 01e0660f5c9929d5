import type { Change } from '../../core/activity.js';
import type { ChangeListener, ConnectionStatus } from '../types.js';
import { SseParser, type ServerSentEvent } from './sse-parser.js';
import type { OsaError } from '../../core/errors.js';
import { errorFrom } from './response-error.js';

/** Who a stream is for: the changes a server sends depend on the device and the organiser key. */
export interface StreamIdentity {
  /** The API root, e.g. `https://events.example.fi/api/v1`. */
  root: string;
  eventId: string;
  device: string;
  organiserKey?: string;
  fetch: typeof fetch;
  reconnect: ReconnectPolicy;
}

export interface ReconnectPolicy {
  /** The first delay's upper bound, until the server's `retry:` says otherwise (ms). */
  initialMs: number;
  /** The largest delay (ms). */
  maxMs: number;
  /**
   * When the browser comes back online, the stream reconnects after a random wait up to this
   * (ms): a room of phones whose Wi-Fi returns at once then does not reach the server in one burst.
   */
  onlineJitterMs: number;
}

/** One activity's subscriber on a shared stream. */
export interface StreamSubscriber {
  activityId: string;
  listener: ChangeListener;
  onStatus?: (status: ConnectionStatus) => void;
  onRefused?: (error: OsaError) => void;
  /** Changes up to here were delivered; set from `since` when added. */
  lastSeq: number;
}

/** How many recent changes a stream keeps so a subscriber that joins late gets what it missed without a new connection. */
const BUFFER_LIMIT = 5000;

/**
 * One Server-Sent Events connection per event and identity, shared by every subscriber in the
 * page and demultiplexed by activity. Read over `fetch` (not `EventSource`) so it can send the
 * device and organiser headers and `Last-Event-ID`.
 *
 * Resuming: the position is the last event id received; a reconnect sends it as `Last-Event-ID`
 * and the server sends what was missed. Each subscriber also drops any change at or below its own
 * last delivered seq, so a change is delivered once even if a server repeats one.
 */
export class EventStream {
  status: ConnectionStatus = 'connecting';
  private readonly subscribers = new Set<StreamSubscriber>();
  /** Buffered changes a late subscriber missed, delivered before anything newer. */
  private readonly backlogs = new Map<StreamSubscriber, Change[]>();
  /** Last seq received; changes after it are asked for on reconnect. */
  private position: number | undefined;
  /** Changes received after `bufferFrom`, all of them, in order. */
  private buffer: Change[] = [];
  private bufferFrom: number | undefined;
  private connection: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the server refused the stream (401, 403, 404): it is not opened again. */
  private refused: OsaError | undefined;
  private attempt = 0;
  private retryMs: number;
  private everLive = false;
  private closed = false;
  /** A first connection after a snapshot asks with `?since=`; reconnects with `Last-Event-ID`. */
  private resuming = false;

  private readonly onOffline = (): void => {
    this.disconnect();
    this.setStatus('offline');
  };
  private readonly onOnline = (): void => {
    if (this.refused) return;
    this.attempt = 0;
    this.disconnect();
    this.setStatus(this.everLive ? 'reconnecting' : 'connecting');
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect();
    }, Math.random() * this.identity.reconnect.onlineJitterMs);
  };

  constructor(
    private readonly identity: StreamIdentity,
    private readonly onEmpty: () => void,
  ) {
    this.retryMs = identity.reconnect.initialMs;
    globalThis.addEventListener?.('offline', this.onOffline);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  add(subscriber: StreamSubscriber, since: number | undefined): void {
    this.subscribers.add(subscriber);
    queueMicrotask(() => {
      if (this.subscribers.has(subscriber)) subscriber.onStatus?.(this.status);
      const refused = this.refused;
      if (refused && this.subscribers.has(subscriber)) subscriber.onRefused?.(refused);
    });
    const start = this.connection === undefined && this.timer === undefined && this.status !== 'offline';
    if (since === undefined) {
      // Only what comes from now on: everything received so far is old news to it.
      subscriber.lastSeq = this.position ?? Number.NEGATIVE_INFINITY;
    } else if (this.bufferFrom !== undefined && since >= this.bufferFrom) {
      subscriber.lastSeq = since;
      const missed = this.buffer.filter((change) => change.seq > since);
      if (missed.length > 0) {
        this.backlogs.set(subscriber, missed);
        queueMicrotask(() => this.flushBacklog(subscriber));
      }
    } else {
      subscriber.lastSeq = since;
      // Older than anything this stream has: start over from there. Current subscribers drop the repeats.
      if (this.position === undefined || since < this.position) {
        this.position = since;
        this.bufferFrom = since;
        this.buffer = [];
        this.resuming = false;
        if (!start) this.restart();
      }
    }
    if (start) {
      if (globalThis.navigator?.onLine === false) this.setStatus('offline');
      else this.connect();
    }
  }

  remove(subscriber: StreamSubscriber): void {
    this.subscribers.delete(subscriber);
    this.backlogs.delete(subscriber);
    if (this.subscribers.size === 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    globalThis.removeEventListener?.('offline', this.onOffline);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.disconnect();
    this.subscribers.clear();
    this.onEmpty();
  }

  private restart(): void {
    this.disconnect();
    this.connect();
  }

  private disconnect(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.connection?.abort();
    this.connection = undefined;
  }

  private connect(): void {
    if (this.closed || this.refused) return;
    const connection = new AbortController();
    this.connection = connection;
    this.setStatus(this.everLive ? 'reconnecting' : 'connecting');
    void this.read(connection).then(() => {
      if (this.connection !== connection || this.closed) return;
      this.connection = undefined;
      if (!this.refused) this.scheduleReconnect();
    });
  }

  private async read(connection: AbortController): Promise<void> {
    const { root, eventId, device, organiserKey } = this.identity;
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'X-Osa-Device': device };
    if (organiserKey) headers['X-Osa-Organiser'] = organiserKey;
    let url = `${root}/events/${encodeURIComponent(eventId)}/stream`;
    if (this.position !== undefined && this.resuming) headers['Last-Event-ID'] = String(this.position);
    else if (this.position !== undefined) url += `?since=${this.position}`;
    try {
      const response = await this.identity.fetch(url, { headers, cache: 'no-store', signal: connection.signal });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        // Asking again would be refused again: say why, once, to everyone listening.
        const refused = await errorFrom(response);
        this.refused = refused;
        for (const subscriber of this.subscribers) subscriber.onRefused?.(refused);
        return;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return;
      }
      this.resuming = true;
      this.everLive = true;
      this.setStatus('live');
      const parser = new SseParser({
        onEvent: (event) => this.handle(event),
        onRetry: (ms) => (this.retryMs = ms),
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.connection !== connection) break;
        parser.feed(value);
      }
    } catch {
      // A network failure or an abort: the caller reconnects unless this connection was replaced.
    }
  }

  private handle(event: ServerSentEvent): void {
    if (event.type === 'ready') {
      this.attempt = 0;
      const { seq } = JSON.parse(event.data) as { seq: number };
      if (this.position === undefined) {
        this.position = seq;
        this.bufferFrom = seq;
        for (const subscriber of this.subscribers) if (subscriber.lastSeq === Number.NEGATIVE_INFINITY) subscriber.lastSeq = seq;
      }
      return;
    }
    if (event.type !== 'changes') return;
    this.attempt = 0;
    const changes = (JSON.parse(event.data) as Change[]).filter((change) => this.position === undefined || change.seq > this.position);
    const id = Number(event.lastEventId);
    const last = Math.max(changes.at(-1)?.seq ?? Number.NEGATIVE_INFINITY, Number.isFinite(id) && event.lastEventId !== '' ? id : Number.NEGATIVE_INFINITY);
    if (Number.isFinite(last) && (this.position === undefined || last > this.position)) this.position = last;
    if (this.bufferFrom === undefined && changes.length > 0) this.bufferFrom = changes[0].seq - 1;
    this.buffer.push(...changes);
    if (this.buffer.length > BUFFER_LIMIT) {
      const dropped = this.buffer.splice(0, this.buffer.length - BUFFER_LIMIT);
      this.bufferFrom = dropped.at(-1)!.seq;
    }
    for (const subscriber of this.subscribers) {
      this.flushBacklog(subscriber);
      this.deliver(subscriber, changes);
      if (this.position !== undefined && this.position > subscriber.lastSeq) subscriber.lastSeq = this.position;
    }
  }

  private flushBacklog(subscriber: StreamSubscriber): void {
    const backlog = this.backlogs.get(subscriber);
    if (!backlog) return;
    this.backlogs.delete(subscriber);
    this.deliver(subscriber, backlog);
  }

  private deliver(subscriber: StreamSubscriber, changes: readonly Change[]): void {
    if (!this.subscribers.has(subscriber)) return;
    const mine = changes.filter((change) => change.activity === subscriber.activityId && change.seq > subscriber.lastSeq);
    if (mine.length === 0) return;
    subscriber.lastSeq = mine.at(-1)!.seq;
    subscriber.listener(mine);
  }

  /** Exponential backoff with full jitter: a random wait up to min(max, initial · 2^attempt). */
  private scheduleReconnect(): void {
    if (this.status === 'offline') return;
    this.setStatus(this.everLive ? 'reconnecting' : 'connecting');
    const ceiling = Math.min(this.identity.reconnect.maxMs, this.retryMs * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect();
    }, Math.random() * ceiling);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const subscriber of this.subscribers) subscriber.onStatus?.(status);
  }
}

const streams = new Map<typeof fetch, Map<string, EventStream>>();

/** The page's one stream for this identity, created on first use and dropped when its last subscriber leaves. */
export function sharedStream(identity: StreamIdentity): EventStream {
  const key = [identity.root, identity.eventId, identity.device, identity.organiserKey ?? ''].join('\n');
  let byKey = streams.get(identity.fetch);
  if (!byKey) streams.set(identity.fetch, (byKey = new Map()));
  let stream = byKey.get(key);
  if (!stream) {
    const owner = byKey;
    stream = new EventStream(identity, () => {
      if (owner.get(key) === stream) owner.delete(key);
    });
    byKey.set(key, stream);
  }
  return stream;
}

/** How many streams are open in this page (for tests and diagnostics). */
export function openStreamCount(): number {
  let count = 0;
  for (const byKey of streams.values()) count += byKey.size;
  return count;
}
