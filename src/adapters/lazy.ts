import type { ActivityExport, ActivitySnapshot, ChangeListener, CreatedEvent, EventDefinition, EventInfo, OsaAdapter, SendOptions, SendResult, SubscribeOptions, Unsubscribe, Viewer } from './types.js';

/**
 * An adapter whose code is fetched on first use: `<osa-event adapter="local">` hands its elements
 * this at once, and the in-page back end (the core's rules of every kind) loads only on a page
 * that runs an event locally. Organiser keys given before it loaded are passed on when it has.
 */
export class LazyAdapter implements OsaAdapter {
  private loaded: Promise<OsaAdapter> | undefined;
  private readonly keys = new Map<string, string | undefined>();

  constructor(private readonly load: () => Promise<OsaAdapter>) {}

  private get adapter(): Promise<OsaAdapter> {
    this.loaded ??= this.load().then((adapter) => {
      for (const [eventId, key] of this.keys) adapter.setOrganiserKey(eventId, key);
      return adapter;
    });
    return this.loaded;
  }

  async createEvent(definition: EventDefinition): Promise<CreatedEvent> {
    return (await this.adapter).createEvent(definition);
  }

  async getEvent(eventId: string): Promise<EventInfo> {
    return (await this.adapter).getEvent(eventId);
  }

  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    return (await this.adapter).getActivity(eventId, activityId);
  }

  async send(eventId: string, activityId: string, command: string, payload: unknown, options?: SendOptions): Promise<SendResult> {
    return (await this.adapter).send(eventId, activityId, command, payload, options);
  }

  subscribe(eventId: string, activityId: string, listener: ChangeListener, options?: SubscribeOptions): Unsubscribe {
    let unsubscribe: Unsubscribe | undefined;
    let cancelled = false;
    void this.adapter.then((adapter) => {
      if (!cancelled) unsubscribe = adapter.subscribe(eventId, activityId, listener, options);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }

  async exportActivity(eventId: string, activityId: string): Promise<ActivityExport> {
    return (await this.adapter).exportActivity(eventId, activityId);
  }

  setOrganiserKey(eventId: string, key: string | undefined): void {
    this.keys.set(eventId, key);
    void this.loaded?.then((adapter) => adapter.setOrganiserKey(eventId, key));
  }

  async whoami(eventId: string): Promise<Viewer> {
    return (await this.adapter).whoami(eventId);
  }

  close(): void {
    void this.loaded?.then((adapter) => adapter.close?.());
  }
}
