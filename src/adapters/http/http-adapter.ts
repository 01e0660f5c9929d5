import { OsaError } from '../../core/errors.js';
import { errorFrom } from './response-error.js';
import type { ActivityDefinition, ActivityUpdate, EventDefinition, EventUpdate } from '../../core/event.js';
import { randomKey } from '../../core/idempotency.js';
import { deviceToken } from '../device.js';
import type {
  ActivityExport,
  ActivitySnapshot,
  CommandAnswer,
  ChangeListener,
  CreatedEvent,
  EventInfo,
  OsaAdapter,
  SendOptions,
  SendResult,
  SubscribeOptions,
  Unsubscribe,
  Viewer,
} from '../types.js';
import { sharedStream, type EventStream, type ReconnectPolicy, type StreamSubscriber } from './event-stream.js';

export interface HttpAdapterOptions {
  /**
   * Where the reference server is: its origin (`https://events.example.fi`), its API root
   * (`…/api`), or the versioned root (`…/api/v1`). A server under a path prefix is given with it.
   */
  baseUrl: string;
  /** Only for `createEvent` (the server's `OSA_ADMIN_TOKEN`); never put it in a public page. */
  adminToken?: string;
  /**
   * An invitation the server's operator handed out (`osallistu invite`): lets `createEvent` create
   * an event without the admin token (the admin token is used when both are given). See `checkInvitation`.
   */
  invitation?: string;
  /** This device's token; by default the one this browser keeps in IndexedDB (`deviceStore`). */
  device?: string;
  /** The IndexedDB database of the device token (see `deviceToken`). */
  deviceStore?: string;
  /** The `fetch` to use: a test can make it fail like a network that is down. */
  fetch?: typeof fetch;
  /** Stream reconnection: full-jitter exponential backoff from `initialMs` up to `maxMs`; a random wait up to `onlineJitterMs` when the browser comes back online. */
  reconnect?: Partial<ReconnectPolicy>;
}

/** The versioned API root from whatever part of it the page gave. */
export function apiRoot(baseUrl: string): string {
  const url = baseUrl.replace(/\/+$/, '');
  if (/\/api\/v1$/.test(url)) return url;
  if (/\/api$/.test(url)) return `${url}/v1`;
  return `${url}/api/v1`;
}

interface ActiveSubscription {
  eventId: string;
  subscriber: StreamSubscriber;
  stream: EventStream;
}

/**
 * The adapter for the reference server (see docs/http-api.md): REST for reads and writes, one
 * Server-Sent Events stream per event (shared by every subscriber in the page) for live changes.
 */
export class HttpAdapter implements OsaAdapter {
  readonly root: string;
  private readonly fetch: typeof fetch;
  private readonly device: Promise<string>;
  private deviceValue = '';
  private readonly organiserKeys = new Map<string, string>();
  /** The device is bound to each event once, before the first read, write or stream of it. */
  private readonly bound = new Map<string, Promise<Viewer>>();
  private readonly active = new Set<ActiveSubscription>();
  private readonly reconnect: ReconnectPolicy;

  constructor(private readonly options: HttpAdapterOptions) {
    this.root = apiRoot(options.baseUrl);
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.device = Promise.resolve(options.device ?? deviceToken(options.deviceStore)).then((token) => (this.deviceValue = token));
    this.reconnect = {
      initialMs: options.reconnect?.initialMs ?? 1000,
      maxMs: options.reconnect?.maxMs ?? 30_000,
      onlineJitterMs: options.reconnect?.onlineJitterMs ?? 500,
    };
  }

  async createEvent(definition: EventDefinition): Promise<CreatedEvent> {
    const headers: Record<string, string> = {};
    if (this.options.adminToken) headers.Authorization = `Bearer ${this.options.adminToken}`;
    else if (this.options.invitation) headers.Authorization = `Invitation ${this.options.invitation}`;
    return this.request('POST', '/events', { body: definition, headers });
  }

  /**
   * Whether the `invitation` this adapter was made with may still create an event: its expiry (an
   * ISO instant) and uses left. Rejects with `forbidden` whose `refusal` says why not: `expired`,
   * `used` or `unknown` (an `OsaError`; `invalid` naming `invitation` when the adapter has none).
   */
  async checkInvitation(): Promise<{ expiresAt: string; usesLeft: number }> {
    const { invitation } = this.options;
    if (!invitation) throw new OsaError('invalid', 'This adapter has no invitation: createHttpAdapter({ baseUrl, invitation }).', { field: 'invitation', reason: { kind: 'required' } });
    const { expiresAt, usesLeft } = await this.request<{ expiresAt: string; usesLeft: number }>('GET', '/invitations/current', { headers: { Authorization: `Invitation ${invitation}` } });
    return { expiresAt, usesLeft };
  }

  addActivity(eventId: string, definition: ActivityDefinition): Promise<EventInfo> {
    return this.request('POST', `/events/${encodeURIComponent(eventId)}/activities`, { eventId, body: definition });
  }

  updateActivity(eventId: string, activityId: string, update: ActivityUpdate): Promise<EventInfo> {
    return this.request('PATCH', this.activityPath(eventId, activityId), { eventId, body: update });
  }

  updateEvent(eventId: string, update: EventUpdate): Promise<EventInfo> {
    return this.request('PATCH', `/events/${encodeURIComponent(eventId)}`, { eventId, body: update });
  }

  async rotateOrganiserKey(eventId: string): Promise<{ organiserKey: string }> {
    const { organiserKey } = await this.request<{ organiserKey: string }>('POST', `/events/${encodeURIComponent(eventId)}/organiser-key`, { eventId, body: {} });
    this.setOrganiserKey(eventId, organiserKey);
    return { organiserKey };
  }

  getEvent(eventId: string): Promise<EventInfo> {
    return this.request('GET', `/events/${encodeURIComponent(eventId)}`, { eventId });
  }

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    await this.bind(eventId);
    return this.request('GET', `${this.activityPath(eventId, activityId)}`, { eventId });
  }

  async send(eventId: string, activityId: string, command: string, payload: unknown, options: SendOptions = {}): Promise<SendResult> {
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    await this.bind(eventId);
    const { result, seq } = await this.request<CommandAnswer>('POST', `${this.activityPath(eventId, activityId)}/commands/${encodeURIComponent(command)}`, {
      eventId,
      body: { payload, idempotencyKey },
    });
    return { queued: false, result, ...(typeof seq === 'number' ? { seq } : {}) };
  }

  subscribe(eventId: string, activityId: string, listener: ChangeListener, options: SubscribeOptions = {}): Unsubscribe {
    let subscription: ActiveSubscription | undefined;
    let cancelled = false;
    void (async () => {
      // Bound first: a stream opened before the device is bound would not carry its own changes.
      await this.bind(eventId).catch(() => undefined);
      if (cancelled) return;
      const subscriber: StreamSubscriber = { activityId, listener, onStatus: options.onStatus, onRefused: options.onRefused, lastSeq: options.since ?? Number.NEGATIVE_INFINITY };
      subscription = { eventId, subscriber, stream: this.streamFor(eventId) };
      this.active.add(subscription);
      subscription.stream.add(subscriber, options.since);
    })();
    return () => {
      cancelled = true;
      if (!subscription) return;
      this.active.delete(subscription);
      subscription.stream.remove(subscription.subscriber);
    };
  }

  exportActivity(eventId: string, activityId: string): Promise<ActivityExport> {
    return this.request('GET', `${this.activityPath(eventId, activityId)}/export?format=json`, { eventId });
  }

  setOrganiserKey(eventId: string, key: string | undefined): void {
    if (key === this.organiserKeys.get(eventId)) return;
    if (key === undefined) this.organiserKeys.delete(eventId);
    else this.organiserKeys.set(eventId, key);
    this.bound.delete(eventId);
    // The stream's content depends on the key: move this adapter's subscribers to the stream of the new identity.
    for (const subscription of this.active) {
      if (subscription.eventId !== eventId) continue;
      subscription.stream.remove(subscription.subscriber);
      subscription.stream = this.streamFor(eventId);
      subscription.stream.add(subscription.subscriber, Number.isFinite(subscription.subscriber.lastSeq) ? subscription.subscriber.lastSeq : undefined);
    }
  }

  async whoami(eventId: string): Promise<Viewer> {
    this.bound.delete(eventId);
    return this.bind(eventId);
  }

  close(): void {
    for (const subscription of this.active) subscription.stream.remove(subscription.subscriber);
    this.active.clear();
  }

  private bind(eventId: string): Promise<Viewer> {
    let viewer = this.bound.get(eventId);
    if (!viewer) {
      viewer = this.request<Viewer>('POST', `/events/${encodeURIComponent(eventId)}/participants`, { eventId, body: {} });
      this.bound.set(eventId, viewer);
      viewer.catch(() => this.bound.delete(eventId));
    }
    return viewer;
  }

  private streamFor(eventId: string): EventStream {
    return sharedStream({
      root: this.root,
      eventId,
      device: this.deviceValue,
      organiserKey: this.organiserKeys.get(eventId),
      fetch: this.fetch,
      reconnect: this.reconnect,
    });
  }

  private activityPath(eventId: string, activityId: string): string {
    return `/events/${encodeURIComponent(eventId)}/activities/${encodeURIComponent(activityId)}`;
  }

  private async request<T>(method: string, path: string, options: { eventId?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Osa-Device': await this.device, ...options.headers };
    const organiserKey = options.eventId === undefined ? undefined : this.organiserKeys.get(options.eventId);
    if (organiserKey) headers['X-Osa-Organiser'] = organiserKey;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetch(`${this.root}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch (error) {
      throw await this.unreachable(error);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  /**
   * Why a request failed without an answer. A browser shows a CORS refusal to script as the same
   * error as a network failure, so the server's always-open probe is asked whether it refuses this
   * page's origin: then the webmaster is sent to the server's allow-list, not to the network.
   */
  private async unreachable(error: unknown): Promise<OsaError> {
    try {
      const probe = await this.fetch(`${this.root}/origin`, { cache: 'no-store' });
      const answer = (await probe.json()) as { allowed?: unknown; origin?: unknown };
      if (probe.ok && answer.allowed === false) {
        return new OsaError('origin_refused', `The server ${this.root} does not allow pages on ${String(answer.origin)}: add the origin to its OSA_ALLOWED_ORIGINS.`);
      }
    } catch {
      // The probe failed too: the server cannot be reached.
    }
    return new OsaError('offline', `Cannot reach the server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  return new HttpAdapter(options);
}
