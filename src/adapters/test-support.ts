/** Helpers for the adapters' browser tests (not part of the published API). */
import { OsaError } from '../core/errors.js';
import { randomKey } from '../core/idempotency.js';
import type { OsaAdapter } from './types.js';

/** A name no other test in this run uses, for IndexedDB databases and channels (which outlive a test file). */
export function uniqueName(prefix: string): string {
  // Letters and digits only: a name often becomes an event id, which may not end in '-' or hold '_'.
  return `${prefix}-${randomKey(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

export interface TestServer {
  url: string;
  adminToken: string;
}

/**
 * The reference server that scripts/wtr-server-plugin.mjs started for this test run (its CORS
 * allow-list holds the test page's origin), or one whose CORS is configured as `npm start`
 * (`development`: any origin) or as production with an allow-list that leaves the test page out.
 */
export async function testServer(cors?: 'development' | 'production'): Promise<TestServer> {
  const info = (await (await fetch(`/__osa/test-server.json${cors ? `?cors=${cors}` : ''}`)).json()) as Partial<TestServer> & { error?: string };
  if (info.error || !info.url || !info.adminToken) throw new Error(info.error ?? 'No test server.');
  return { url: info.url, adminToken: info.adminToken };
}

const NETWORK_CALLS = new Set(['createEvent', 'getEvent', 'getActivity', 'send', 'exportActivity', 'whoami']);

/**
 * Wraps an adapter so that a test can cut it off: while `offline`, every network call fails as
 * `offline` (or with the error `failure` makes, to break the back end in another way).
 */
export function switchable<A extends OsaAdapter>(inner: A, failure: () => Error = () => new OsaError('offline', 'The test cut the network.')): { adapter: A; network: { offline: boolean } } {
  const network = { offline: false };
  const adapter = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (network.offline && NETWORK_CALLS.has(String(property))) return Promise.reject(failure());
        return (value as (...input: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter, network };
}

/** A `fetch` that fails like a network that is down while `down` is true. */
export function controllableFetch(): { fetch: typeof fetch; network: { down: boolean }; requests: Request[] } {
  const network = { down: false };
  const requests: Request[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    if (network.down) throw new TypeError('Failed to fetch (the test cut the network)');
    return fetch(request);
  };
  return { fetch: wrapped, network, requests };
}

/**
 * Asks to delete databases a test made. idb-keyval keeps its connections open, so a deletion may
 * only be `blocked` until the page goes: that counts as done (the names are unique anyway).
 */
export async function deleteDatabases(...names: string[]): Promise<void> {
  await Promise.all(
    [...new Set(names)].map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

export type { OsaAdapter };
