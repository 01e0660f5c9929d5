/** Shared pieces of the server tests: back ends, HTTP and SSE clients, event definitions. */
import type { Change } from '../../src/core/activity.js';
import type { EventDefinition } from '../../src/core/event.js';
import { randomKey } from '../../src/core/idempotency.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startServer, type RunningServer, type ServerOptions } from '../index.js';
import { postgresSkipReason, startTempPostgres } from './postgres.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ORIGIN = 'https://www.kunta.example.fi';

export function skipReason(backend: Backend): string | false {
  return backend === 'postgres' ? postgresSkipReason() : false;
}

/** Where a test's servers keep their data: PGlite in memory (one per server), or one temp PostgreSQL database shared by the file's servers. */
export interface TestDatabase {
  /** The `database` option for a new server. */
  url: string;
  stop(): Promise<void>;
}

export async function testDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') return { url: 'memory', stop: async () => {} };
  return startTempPostgres();
}

/**
 * Rate limits for hundreds of simulated people behind one address (the tests' loopback): the
 * per-address limits are meant for a school's NAT, not for a load of this shape.
 */
export const CROWD_RATE_LIMIT = { perDevice: 100, perIp: 100_000, newDevicesPerIp: 100_000, windowMs: 60_000 };

export const newDevice = (): string => randomKey(32);
export const newKey = (): string => randomKey(16);

let counter = 0;
/** A fresh event id for one test. */
export const newEventId = (prefix = 't'): string => `${prefix}-${process.pid}-${(counter += 1)}`;

export function boardEvent(id: string, config: Record<string, unknown> = {}, extra: Partial<EventDefinition> = {}): EventDefinition {
  return {
    id,
    title: { fi: 'Testitapahtuma', sv: 'Testevenemang', en: 'Test event' },
    languages: ['fi', 'sv', 'en'],
    activities: [{ id: 'board', kind: 'board', title: 'Board', config: { questions: [{ id: 'main', title: 'Mitä?' }], ...config } }],
    ...extra,
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface ErrorAnswer {
  error: { code: string; message: string; field?: string; reason?: { kind: string; limit?: number }; retryAfter?: number };
}

export class Api {
  constructor(readonly base: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.base}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = Record<string, unknown>>(path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('GET', path, { headers });
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('POST', path, { body, headers });
  }

  /** Creates an event with the admin token; returns its organiser key. */
  async create(definition: EventDefinition, headers: Record<string, string> = {}): Promise<string> {
    const answer = await this.post<{ eventId: string; organiserKey: string }>('/events', definition, { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers });
    if (answer.status !== 201) throw new Error(`Creating ${definition.id} failed: ${answer.status} ${answer.text}`);
    return answer.body.organiserKey;
  }

  /** Runs a command; `as` is a device token or `{ organiser: key }`. */
  command<T = { result: unknown }>(
    eventId: string,
    activityId: string,
    command: string,
    payload: unknown,
    as: { device?: string; organiser?: string },
    idempotencyKey = newKey(),
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const identity: Record<string, string> = { ...headers };
    if (as.device) identity['x-osa-device'] = as.device;
    if (as.organiser) identity['x-osa-organiser'] = as.organiser;
    return this.post<T>(`/events/${eventId}/activities/${activityId}/commands/${command}`, { payload, idempotencyKey }, identity);
  }
}

export interface SseMessage {
  event: string;
  id: string | undefined;
  data: string;
}

/** A Server-Sent Events client over fetch (so it can send headers), recording every message. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  /** Comment lines (heartbeats), without the colon. */
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream (or it is closed here). */
  readonly ended: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private buffer = '';

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    this.ended = this.read();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (response.status !== 200) throw new Error(`The stream answered ${response.status}: ${await response.text()}`);
    const client = new SseClient(response, abort);
    await client.waitFor((messages) => messages.some((message) => message.event === 'ready'));
    return client;
  }

  private async read(): Promise<void> {
    const reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.feed(value);
      }
    } catch {
      // Aborted by close().
    } finally {
      for (const wake of this.waiters) wake();
    }
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) this.messages.push({ event, id, data: data.join('\n') });
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** Every change received, in the order received. */
  changes(): Change[] {
    return this.messages.filter((message) => message.event === 'changes').flatMap((message) => JSON.parse(message.data) as Change[]);
  }

  changeMessages(): SseMessage[] {
    return this.messages.filter((message) => message.event === 'changes');
  }

  /** Waits until `predicate` holds for the messages so far; fails after `timeoutMs` (a deadline, not a measurement). */
  waitFor(predicate: (messages: SseMessage[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (predicate(this.messages)) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`The expected stream messages did not arrive; got: ${JSON.stringify(this.messages).slice(0, 2000)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits until a change with at least this seq arrived. */
  waitForSeq(seq: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.changes().some((change) => change.seq >= seq), timeoutMs);
  }

  close(): void {
    this.abort.abort();
  }
}

/**
 * A server on `backend` for the tests of one suite: started before them (on loopback, on a fresh
 * database), stopped after. Read `suite.server` and `suite.api` inside the tests.
 */
export function serverForSuite(
  backend: Backend,
  options: Partial<ServerOptions> & { /** Serve static files from an empty temporary folder (no bundle, no demo). */ emptyStaticRoot?: boolean } = {},
): { readonly server: RunningServer; readonly api: Api } {
  let database: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let api: Api | undefined;
  let staticRoot: string | undefined;
  before(async () => {
    database = await testDatabase(backend);
    const { emptyStaticRoot, ...rest } = options;
    if (emptyStaticRoot) staticRoot = mkdtempSync(join(tmpdir(), 'osa-static-'));
    server = await startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, allowedOrigins: [ORIGIN], coalesceMs: 20, ...(staticRoot ? { staticRoot } : {}), ...rest });
    api = new Api(server.url);
  });
  after(async () => {
    await server?.close();
    await database?.stop();
    if (staticRoot) rmSync(staticRoot, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('The suite has not started its server yet.');
      return server;
    },
    get api() {
      if (!api) throw new Error('The suite has not started its server yet.');
      return api;
    },
  };
}
