import { OsaError } from '../../core/errors.js';
import type { ActivityDefinition, ActivityUpdate, EventDefinition, EventUpdate } from '../../core/event.js';
import { IDEMPOTENCY_KEY_PATTERN, randomKey } from '../../core/idempotency.js';
import { deviceToken } from '../device.js';
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
  Viewer,
} from '../types.js';
import { LocalBackend, type Caller, type LocalBackendOptions } from './backend.js';

export interface LocalAdapterOptions {
  /** This device's token; by default a new one per adapter (memory) or this browser's persisted one (`persist`). */
  device?: string;
}

const idempotencyKeyPattern = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/**
 * One device's view of a `LocalBackend`: its device token (bound to a random participant id per
 * event) and the organiser keys it holds. Two adapters on one backend are two participants.
 */
export class LocalAdapter implements OsaAdapter {
  private readonly device: Promise<string>;
  private readonly organiserKeys = new Map<string, string>();
  private deviceValue = '';

  constructor(
    readonly backend: LocalBackend,
    options: LocalAdapterOptions = {},
  ) {
    const device = options.device ?? (backend.options.persist ? deviceToken() : Promise.resolve(randomKey(32)));
    this.device = Promise.resolve(device).then((token) => (this.deviceValue = token));
  }

  createEvent(definition: EventDefinition): Promise<CreatedEvent> {
    return this.backend.createEvent(definition);
  }

  getEvent(eventId: string): Promise<EventInfo> {
    return this.backend.getEvent(eventId);
  }

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    return this.backend.snapshot(eventId, activityId, await this.caller(eventId));
  }

  async send(eventId: string, activityId: string, command: string, payload: unknown, options: SendOptions = {}): Promise<SendResult> {
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    if (!idempotencyKeyPattern.test(idempotencyKey)) {
      throw new OsaError('invalid', '"idempotencyKey" must be 8–100 letters, digits, "-" or "_"', { field: 'idempotencyKey', reason: { kind: 'notAllowed' } });
    }
    const answer = await this.backend.send(eventId, activityId, command, payload, await this.caller(eventId), idempotencyKey);
    return { queued: false, ...answer };
  }

  subscribe(eventId: string, activityId: string, listener: ChangeListener, options: SubscribeOptions = {}): Unsubscribe {
    let unsubscribe: Unsubscribe | undefined;
    let cancelled = false;
    void this.device.then(() => {
      if (!cancelled) unsubscribe = this.backend.subscribe(eventId, activityId, () => this.callerNow(eventId), listener, options);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }

  async exportActivity(eventId: string, activityId: string): Promise<ActivityExport> {
    return this.backend.exportActivity(eventId, activityId, await this.caller(eventId));
  }

  async addActivity(eventId: string, definition: ActivityDefinition): Promise<EventInfo> {
    return this.backend.edit(eventId, { edit: 'addActivity', definition }, await this.caller(eventId));
  }

  async updateActivity(eventId: string, activityId: string, update: ActivityUpdate): Promise<EventInfo> {
    return this.backend.edit(eventId, { edit: 'updateActivity', activityId, update }, await this.caller(eventId));
  }

  async updateEvent(eventId: string, update: EventUpdate): Promise<EventInfo> {
    return this.backend.edit(eventId, { edit: 'updateEvent', update }, await this.caller(eventId));
  }

  async rotateOrganiserKey(eventId: string): Promise<{ organiserKey: string }> {
    const organiserKey = await this.backend.rotateOrganiserKey(eventId, await this.caller(eventId));
    this.setOrganiserKey(eventId, organiserKey);
    return { organiserKey };
  }

  setOrganiserKey(eventId: string, key: string | undefined): void {
    if (key === undefined) this.organiserKeys.delete(eventId);
    else this.organiserKeys.set(eventId, key);
  }

  async whoami(eventId: string): Promise<Viewer> {
    return this.backend.viewer(eventId, await this.caller(eventId));
  }

  private async caller(eventId: string): Promise<Caller> {
    await this.device;
    return this.callerNow(eventId);
  }

  private callerNow(eventId: string): Caller {
    return { device: this.deviceValue, organiserKey: this.organiserKeys.get(eventId) };
  }
}

const backends = new Map<string, LocalBackend>();

/**
 * A local adapter for this page. With `persist`, every call with the same database name shares
 * one backend (one ledger per event in the page, one BroadcastChannel); without it each call makes
 * a new in-memory backend. To simulate several participants, make one `LocalBackend` and several
 * `LocalAdapter`s on it.
 */
export function createLocalAdapter(options: LocalBackendOptions & LocalAdapterOptions = {}): LocalAdapter {
  const { device, ...backendOptions } = options;
  let backend: LocalBackend | undefined;
  if (backendOptions.persist) {
    const key = `${backendOptions.persist}\n${backendOptions.broadcast ? 'broadcast' : ''}`;
    backend = backends.get(key);
    if (!backend) backends.set(key, (backend = new LocalBackend(backendOptions)));
  }
  return new LocalAdapter(backend ?? new LocalBackend(backendOptions), { device });
}
