import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { adapterContext, eventIdContext, identityContext } from '../adapters/context.js';
import type { OsaAdapter } from '../adapters/types.js';

/** An element that reads from an event: its own `adapter` and `event` win over what `<osa-event>` provides. */
export interface EventContextHost extends ReactiveControllerHost, HTMLElement {
  adapter?: OsaAdapter;
  event?: string;
}

/**
 * Where an element's data comes from, found once for every controller that loads it: the host's own
 * adapter and event, else those of the nearest `<osa-event>`, and the caller's identity there (it
 * counts up when the organiser key is given or taken away). Each change asks the host to update.
 */
export class EventContext {
  /** Counts up with every identity `<osa-event>` gives (the organiser key). */
  identity: number | undefined;
  private providedAdapter: OsaAdapter | undefined;
  private providedEvent: string | undefined;

  constructor(private readonly host: EventContextHost) {
    new ContextConsumer(host, {
      context: adapterContext,
      subscribe: true,
      callback: (adapter) => {
        this.providedAdapter = adapter;
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: eventIdContext,
      subscribe: true,
      callback: (eventId) => {
        this.providedEvent = eventId;
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: identityContext,
      subscribe: true,
      callback: (identity) => {
        this.identity = identity;
        host.requestUpdate();
      },
    });
  }

  /** The adapter in use: the host's own, else the provided one. */
  get adapter(): OsaAdapter | undefined {
    return this.host.adapter ?? this.providedAdapter;
  }

  get eventId(): string | undefined {
    return this.host.event || this.providedEvent;
  }
}
