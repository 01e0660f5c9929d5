import { OsaError } from './errors.js';

/** JSON with object keys sorted, so two equal bodies give the same text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/**
 * A short fingerprint of a write (who, which command, what body). Not a security hash: it only
 * tells a retry of the same write from a different write that reuses its idempotency key.
 */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value);
  // Two independent 32-bit FNV-1a variants give a 64-bit fingerprint.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export interface StoredWrite<R> {
  fingerprint: string;
  result: R;
}

/** Idempotency keys are chosen by clients: long enough to be unique, short enough to store. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,100}$';

/**
 * The rule every store applies to a write with an idempotency key: a retry with the same body
 * returns the first result without running again; the same key with another body is refused.
 */
export function replayOrConflict<R>(stored: StoredWrite<R> | undefined, print: string): R | undefined {
  if (stored === undefined) return undefined;
  if (stored.fingerprint !== print) {
    throw new OsaError('conflict', 'This idempotency key was already used for a different request.', { field: 'idempotencyKey' });
  }
  return stored.result;
}

/** A new random idempotency key (or device token): URL-safe, 128 bits or more. */
export function randomKey(bytes = 16): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let text = '';
  for (const byte of buffer) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
