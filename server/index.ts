/** The reference server: `startServer` listens; `createApp` gives the Fastify app without listening. */
import { fileURLToPath } from 'node:url';
import type { EventDefinition } from '../src/core/event.js';
import type { CreatedEvent } from '../src/core/protocol.js';
import { createApp, type App } from './app.js';
import type { ServerOptions } from './options.js';
import type { CreateEventOptions } from './service.js';

export { createApp } from './app.js';
export type { App } from './app.js';
export type { ServerOptions } from './options.js';
export type { Store } from './db/store.js';
export type { CreateEventOptions } from './service.js';

/** The repository root (the package root when installed): where `dist/cdn` and `demo/` are. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  /** `http://host:port` (the API is under `/api/v1`). */
  url: string;
  close(): Promise<void>;
  /** The organiser key of an event this server created (`importEvent` or `POST /events`); keys are stored only as hashes. */
  organiserKeyOf(eventId: string): string | undefined;
  /** Creates an event as the CLI's import does (validation, seed, optional simulated votes). */
  importEvent(definition: EventDefinition, options?: CreateEventOptions): Promise<CreatedEvent>;
  app: App['app'];
  store: App['store'];
  service: App['service'];
  hub: App['hub'];
}

/**
 * Starts the server on `host:port` (default 127.0.0.1:8787; port 0 picks a free one). Static
 * files are served from the package root unless `staticRoot` says otherwise.
 */
export async function startServer(options: ServerOptions & { port?: number; host?: string } = {}): Promise<RunningServer> {
  const { port = 8787, host = '127.0.0.1', ...rest } = options;
  const built = await createApp({ staticRoot: PACKAGE_ROOT, ...rest });
  try {
    await built.app.listen({ port, host, backlog: built.options.backlog });
  } catch (error) {
    await built.close();
    throw error;
  }
  const address = built.app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${boundPort}`,
    close: built.close,
    organiserKeyOf: (eventId) => built.service.createdKeys.get(eventId),
    importEvent: (definition, createOptions) => built.service.createEvent(definition, createOptions),
    app: built.app,
    store: built.store,
    service: built.service,
    hub: built.hub,
  };
}
