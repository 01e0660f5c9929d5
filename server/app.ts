/**
 * The reference server as a Fastify app: storage, the event service, live streams, security
 * (helmet, CORS allow-list, rate limits, body limits), the API and the static files.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { OsaError } from '../src/core/errors.js';
import { migrate } from './db/migrate.js';
import { CHANGES_CHANNEL, pruneWrites } from './db/queries.js';
import { openStore, type Store } from './db/store.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { LiveHub } from './live.js';
import { originAllowed, resolveOptions, type ResolvedOptions, type ServerOptions } from './options.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { apiRoutes } from './routes.js';
import { sha256 } from './secrets.js';
import { EventService } from './service.js';

export type { ServerOptions } from './options.js';
export type { Store } from './db/store.js';

export interface App {
  app: FastifyInstance;
  store: Store;
  service: EventService;
  hub: LiveHub;
  options: ResolvedOptions;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';
/**
 * Tells whether the API lets a page's origin call it, to any page: a browser shows a CORS refusal
 * to script as the same error as a network failure, so the http adapter asks here to tell them apart.
 */
export const ORIGIN_PROBE = `${API_PREFIX}/origin`;
const BODY_LIMIT = 256 * 1024;
/** Idempotency keys are kept this long: a retry comes within minutes, an offline outbox within a day or two. */
const IDEMPOTENCY_HOURS = 72;
/** How long requests in flight may take to finish when the server closes. */
const CLOSE_GRACE_MS = 5000;

const CORS_HEADERS = ['Content-Type', 'X-Osa-Device', 'X-Osa-Organiser', 'Idempotency-Key', 'Last-Event-ID', 'Authorization'];

function helmetOptions() {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The demo pages may start the bundle from an inline module script.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Participation pages and the presenter view are embedded in municipalities' sites.
        frameAncestors: ['*'],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: false,
    // The bundle is loaded by other sites' pages.
    crossOriginResourcePolicy: { policy: 'cross-origin' as const },
  };
}

/**
 * Whose writes a request counts against: its device; else, for an organiser writing without one
 * (a console, a script), the event and the key, so that organisers of different events behind one
 * address do not share a bucket; else the network. `from` completes "Too many writes …".
 */
function writerOf(request: FastifyRequest): { bucket: string; hash?: string; from: string } {
  const device = request.headers['x-osa-device'];
  if (typeof device === 'string') {
    const hash = sha256(device);
    return { bucket: `device:${hash}`, hash, from: 'from this device' };
  }
  const key = request.headers['x-osa-organiser'];
  const eventId = (request.params as { eventId?: unknown } | undefined)?.eventId;
  if (typeof key === 'string' && typeof eventId === 'string') {
    const hash = sha256(`${eventId}\n${key}`);
    return { bucket: `organiser:${hash}`, hash, from: "with this event's organiser key" };
  }
  return { bucket: `nodevice:${request.ip}`, from: 'without a device token from this network' };
}

export async function createApp(input: ServerOptions = {}): Promise<App> {
  const options = resolveOptions(input);
  const store = await openStore(options.database, { pgliteSync: options.pgliteSync });
  let stopListening: (() => Promise<void>) | undefined;
  let pruner: NodeJS.Timeout | undefined;
  let evictor: NodeJS.Timeout | undefined;
  let limiter: RateLimiter | undefined;
  let hub: LiveHub | undefined;
  try {
    await migrate(store);
    const service = new EventService(store);
    hub = new LiveHub(service, { coalesceMs: options.coalesceMs, heartbeatMs: options.heartbeatMs });
    stopListening = await store.listen(
      CHANGES_CHANNEL,
      (payload) => service.handleNotification(payload),
      () => service.catchUpAll(),
    );
    await pruneWrites(store, IDEMPOTENCY_HOURS);
    pruner = setInterval(() => {
      pruneWrites(store, IDEMPOTENCY_HOURS).catch((error: Error) => console.error('osallistu: pruning idempotency keys failed:', error.message));
    }, 3_600_000);
    pruner.unref();
    const liveHub = hub;
    evictor = setInterval(() => service.evictIdle(options.idleEvictMs, (eventId) => liveHub.watching(eventId)), Math.max(1000, Math.min(60_000, options.idleEvictMs / 4)));
    evictor.unref();
    limiter = new RateLimiter(options.rateLimit);

    const app = Fastify({
      logger: options.logger
        ? {
            level: 'info',
            // No IP addresses and no headers (tokens) in the logs.
            serializers: {
              req: (request: FastifyRequest) => ({ method: request.method, url: request.url }),
            },
          }
        : false,
      bodyLimit: BODY_LIMIT,
      // A hop count works at run time; Fastify's types leave numbers out.
      trustProxy: options.trustProxy as boolean | string,
      // Unknown fields are errors that name the field, not silently dropped.
      ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    });
    // JSON only: a text/plain POST (which a foreign page could send without a preflight) is 415.
    app.removeContentTypeParser('text/plain');
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(notFoundHandler);

    await app.register(helmet, helmetOptions());
    const anyOrigin = options.allowedOrigins.includes('*');
    await app.register(cors, {
      delegator: (request, callback) => {
        const url = request.url ?? '';
        // The bundle is public code, and the probe answers pages the allow-list leaves out.
        if (url.startsWith('/osallistu/') || url.split('?')[0] === ORIGIN_PROBE) return callback(null, { origin: '*', methods: ['GET', 'HEAD'] });
        callback(null, {
          origin: anyOrigin ? true : options.allowedOrigins,
          methods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
          allowedHeaders: CORS_HEADERS,
          exposedHeaders: ['Retry-After'],
          maxAge: 600,
        });
      },
    });

    const rate = options.rateLimit;
    const activeLimiter = limiter;
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith(`${API_PREFIX}/`) || request.method === 'OPTIONS' || request.url === `${API_PREFIX}/health`) return;
      const ipWait = activeLimiter.hit(`ip:${request.ip}`, rate.perIp);
      if (ipWait !== undefined) {
        throw new OsaError('rate_limited', `Too many requests from this network: wait ${ipWait} s and try again.`, { retryAfter: ipWait });
      }
      const writer = writerOf(request);
      // Made-up device tokens (or organiser keys) would each get a bucket of their own: new ones are limited per network.
      if (writer.hash !== undefined && activeLimiter.firstInWindow(`seen:${writer.hash}`)) {
        const newWait = activeLimiter.hit(`new-devices:${request.ip}`, rate.newDevicesPerIp ?? DEFAULT_RATE_LIMIT.newDevicesPerIp);
        if (newWait !== undefined) {
          throw new OsaError('rate_limited', `Too many new devices from this network: wait ${newWait} s and try again.`, { retryAfter: newWait });
        }
      }
      if (request.method !== 'POST' && request.method !== 'PATCH') return;
      const wait = activeLimiter.hit(writer.bucket, rate.perDevice);
      if (wait !== undefined) throw new OsaError('rate_limited', `Too many writes ${writer.from}: wait ${wait} s and try again.`, { retryAfter: wait });
    });

    app.get<{ Querystring: { origin?: string } }>(
      ORIGIN_PROBE,
      { schema: { querystring: { type: 'object', properties: { origin: { type: 'string', minLength: 1, maxLength: 2048 } }, additionalProperties: false } } },
      async (request) => {
        // A page on the server's own origin sends no Origin header with a GET: the same origin is always allowed.
        const origin = request.query.origin ?? request.headers.origin;
        return { origin: origin ?? null, allowed: origin === undefined || originAllowed(origin, options.allowedOrigins) };
      },
    );

    const activeHub = hub;
    await app.register(apiRoutes, { prefix: API_PREFIX, service, hub: activeHub, adminToken: options.adminToken });

    if (options.staticRoot !== undefined) {
      const bundle = join(options.staticRoot, 'dist', 'cdn');
      const demo = join(options.staticRoot, 'demo');
      const consolePages = join(options.staticRoot, 'console');
      if (existsSync(bundle)) await app.register(fastifyStatic, { root: bundle, prefix: '/osallistu/', decorateReply: false, maxAge: 60_000 });
      if (existsSync(demo)) {
        await app.register(fastifyStatic, { root: demo, prefix: '/demo/', decorateReply: false, redirect: true });
        app.get('/', (_request, reply) => reply.redirect('/demo/'));
      }
      // The organiser console and the participation page its links lead to (keys travel only in the fragment).
      if (existsSync(consolePages)) await app.register(fastifyStatic, { root: consolePages, prefix: '/console/', decorateReply: false, redirect: true });
    }

    // On close: open streams end first, and connections that never carried a request (browsers and
    // fetch open spare ones) are dropped, so close() does not wait for their timeouts. Requests in
    // flight get a few seconds to finish; a write cut after that is safe to retry (idempotency key).
    const unused = new Set<Socket>();
    app.server.on('connection', (socket: Socket) => {
      unused.add(socket);
      socket.once('close', () => unused.delete(socket));
    });
    app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
    app.addHook('preClose', async () => {
      activeHub.close();
      for (const socket of unused) socket.destroy();
      setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(pruner);
      clearInterval(evictor);
      activeLimiter.close();
      await stopListening?.();
      await store.close();
    });

    return { app, store, service, hub: activeHub, options, close: () => app.close() };
  } catch (error) {
    clearInterval(pruner);
    clearInterval(evictor);
    limiter?.close();
    hub?.close();
    await stopListening?.().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
}
