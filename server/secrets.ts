import { createHash, timingSafeEqual } from 'node:crypto';

/** A device token: url-safe, 16–200 characters (the browser makes 43 from 32 random bytes). */
export const DEVICE_TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,200}$';
/** An organiser key or admin token as sent in a header. */
export const KEY_PATTERN = '^[A-Za-z0-9_-]{16,200}$';

/** SHA-256 in hex: how device tokens and organiser keys are stored. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares a secret with a stored SHA-256 hash in constant time. */
export function matchesHash(secret: string, hash: string): boolean {
  const presented = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Compares two secrets in constant time (their hashes, so lengths never leak). */
export function secretsEqual(a: string, b: string): boolean {
  return matchesHash(a, sha256(b));
}
