import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';

export interface ServerOptions {
  /**
   * `memory` (PGlite in memory), a directory (PGlite data directory, default `.data/pglite`), or a
   * `postgres://` URL. Default: env `DATABASE_URL`, else `.data/pglite`.
   */
  database?: string;
  /** Bearer token for `POST /api/v1/events`; env `OSA_ADMIN_TOKEN`. Without one, events are created with the CLI only. */
  adminToken?: string;
  /** Origins whose pages may call the API (`https://www.kunta.fi`); `*` allows any (development). Env `OSA_ALLOWED_ORIGINS`, comma-separated. */
  allowedOrigins?: string[];
  /** Env `OSA_RATE_PER_DEVICE`, `OSA_RATE_PER_IP`, `OSA_RATE_WINDOW_MS`. */
  rateLimit?: RateLimitOptions;
  /** How long live changes gather before they go out as one SSE message (default 150). */
  coalesceMs?: number;
  /** SSE heartbeat interval (default 15000). */
  heartbeatMs?: number;
  /** Request logs (pino, to stdout) without IP addresses; env `OSA_LOG=1`. */
  logger?: boolean;
  /** Repository root: serves `dist/cdn` at `/osallistu/` and `demo/` at `/demo/` when they exist. */
  staticRoot?: string;
  /**
   * Behind a reverse proxy: trust its `X-Forwarded-For` so rate limits see the client's address
   * (Fastify's `trustProxy`: true, a hop count, or addresses). Env `OSA_TRUST_PROXY`.
   */
  trustProxy?: boolean | number | string;
  /**
   * How many connections may wait to be accepted (the listen backlog; default 4096, Node's own is
   * 511). A thousand browsers reconnecting at once after a network drop must not overflow it; the
   * kernel caps it at `net.core.somaxconn`. Env `OSA_LISTEN_BACKLOG`.
   */
  backlog?: number;
  /**
   * An event that nobody watches (no open stream) and nobody used for this long is dropped from
   * memory and loaded again from the database when it is next used (default 600000, ten minutes).
   * Env `OSA_IDLE_EVICT_MS`.
   */
  idleEvictMs?: number;
  /**
   * PGlite only: `fsync` (default) makes every acknowledged write survive a power cut by syncing
   * the write-ahead log to disk after each commit; `off` leaves that to the operating system (a
   * killed process loses nothing, a power cut may lose the last seconds). Env `OSA_PGLITE_SYNC`.
   */
  pgliteSync?: 'fsync' | 'off';
}

export interface ResolvedOptions {
  database: string;
  adminToken: string | undefined;
  allowedOrigins: string[];
  rateLimit: RateLimitOptions;
  coalesceMs: number;
  heartbeatMs: number;
  logger: boolean;
  staticRoot: string | undefined;
  trustProxy: boolean | number | string;
  backlog: number;
  idleEvictMs: number;
  pgliteSync: 'fsync' | 'off';
}

type Env = Record<string, string | undefined>;

function originsFrom(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * The origins `npm start` (the demo and development server) lets call the API: any, so that a
 * page on another origin (a CMS preview, a local test page) works out of the box, unless
 * `OSA_ALLOWED_ORIGINS` names them. `osallistu serve` keeps the allow-list default (same origin only).
 */
export function developmentOrigins(env: Env = process.env): string[] {
  const named = originsFrom(env.OSA_ALLOWED_ORIGINS);
  return named.length > 0 ? named : ['*'];
}

/** Whether a page on `origin` may call the API (`*` allows every origin). */
export function originAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin);
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}.`);
  return value;
}

function envNumber(env: Env, name: string, fallback: number): number {
  const text = env[name];
  return text === undefined || text === '' ? fallback : positiveInteger(name, Number(text));
}

function trustProxyFrom(text: string | undefined): boolean | number | string {
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** Options over environment variables over defaults; throws with a clear message for a bad value. */
export function resolveOptions(options: ServerOptions, env: Env = process.env): ResolvedOptions {
  const database = options.database ?? (env.DATABASE_URL || undefined) ?? '.data/pglite';
  const adminToken = options.adminToken ?? (env.OSA_ADMIN_TOKEN || undefined);
  if (adminToken !== undefined && !/^[A-Za-z0-9_-]{16,200}$/.test(adminToken)) {
    throw new Error('The admin token (OSA_ADMIN_TOKEN) must be 16–200 characters of A–Z, a–z, 0–9, "-" and "_".');
  }
  const allowedOrigins = options.allowedOrigins ?? originsFrom(env.OSA_ALLOWED_ORIGINS);
  for (const origin of allowedOrigins) {
    let valid = origin === '*';
    try {
      valid ||= new URL(origin).origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) throw new Error(`"${origin}" is not an origin: write it as https://www.example.fi (scheme and host, no path or trailing slash), or * for any.`);
  }
  const rateLimit = options.rateLimit ?? {
    perDevice: envNumber(env, 'OSA_RATE_PER_DEVICE', DEFAULT_RATE_LIMIT.perDevice),
    perIp: envNumber(env, 'OSA_RATE_PER_IP', DEFAULT_RATE_LIMIT.perIp),
    newDevicesPerIp: envNumber(env, 'OSA_RATE_NEW_DEVICES_PER_IP', DEFAULT_RATE_LIMIT.newDevicesPerIp),
    windowMs: envNumber(env, 'OSA_RATE_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs),
  };
  positiveInteger('rateLimit.perDevice', rateLimit.perDevice);
  positiveInteger('rateLimit.perIp', rateLimit.perIp);
  if (rateLimit.newDevicesPerIp !== undefined) positiveInteger('rateLimit.newDevicesPerIp', rateLimit.newDevicesPerIp);
  positiveInteger('rateLimit.windowMs', rateLimit.windowMs);
  return {
    database,
    adminToken,
    allowedOrigins,
    rateLimit,
    coalesceMs: positiveInteger('coalesceMs', options.coalesceMs ?? 150),
    heartbeatMs: positiveInteger('heartbeatMs', options.heartbeatMs ?? 15_000),
    logger: options.logger ?? (env.OSA_LOG === '1' || env.OSA_LOG === 'true'),
    staticRoot: options.staticRoot,
    trustProxy: options.trustProxy ?? trustProxyFrom(env.OSA_TRUST_PROXY),
    backlog: positiveInteger('backlog', options.backlog ?? envNumber(env, 'OSA_LISTEN_BACKLOG', 4096)),
    idleEvictMs: positiveInteger('idleEvictMs', options.idleEvictMs ?? envNumber(env, 'OSA_IDLE_EVICT_MS', 600_000)),
    pgliteSync: pgliteSyncFrom(options.pgliteSync ?? (env.OSA_PGLITE_SYNC || 'fsync')),
  };
}

function pgliteSyncFrom(value: string): 'fsync' | 'off' {
  if (value !== 'fsync' && value !== 'off') throw new Error(`OSA_PGLITE_SYNC must be "fsync" or "off", not "${value}".`);
  return value;
}
