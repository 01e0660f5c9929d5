/**
 * Fixed-window rate limits kept in memory: writes per device (by its token's hash) under a
 * ceiling per client IP. The IP is a map key in memory only, never stored or logged.
 *
 * (Not @fastify/rate-limit: it runs one limit per request, and a write needs two.)
 */
export interface RateLimitOptions {
  /** Writes (POST) per device and window. */
  perDevice: number;
  /** Requests of any kind to the API per client IP and window: a whole school or venue shares one address. */
  perIp: number;
  /**
   * Devices not seen before in the window, per client IP. Without it, a script that makes up a new
   * device token for every write would only meet `perIp`. A venue of 700 joining at once stays under it.
   */
  newDevicesPerIp?: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = { perDevice: 300, perIp: 60_000, newDevicesPerIp: 2_000, windowMs: 60_000 };

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(options.windowMs, 1000));
    this.sweeper.unref();
  }

  /** Counts one request for `key`; returns the seconds to wait when it is over `max`, else undefined. */
  hit(key: string, max: number): number | undefined {
    const now = this.now();
    const window = this.count(key, now);
    if (window.count <= max) return undefined;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
  }

  /** Whether `key` is seen for the first time in its current window (and counts it). */
  firstInWindow(key: string): boolean {
    return this.count(key, this.now()).count === 1;
  }

  private count(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (now - window.start >= this.options.windowMs) this.windows.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}
