import { createStore, get, update } from 'idb-keyval';
import { randomKey } from '../core/idempotency.js';

/** The IndexedDB database (and store) that keeps this browser's device token. */
export const DEFAULT_DEVICE_STORE = 'osallistu-device';

const tokens = new Map<string, Promise<string>>();

/**
 * This browser's anonymous device token: 32 random bytes, created on first use and kept in
 * IndexedDB, so the participant stays the same across reloads and tabs. `update` runs in one
 * IndexedDB transaction, so two tabs that start at once still agree on one token.
 */
export function deviceToken(storeName = DEFAULT_DEVICE_STORE): Promise<string> {
  let token = tokens.get(storeName);
  if (!token) {
    const store = createStore(storeName, 'device');
    token = update<string>('token', (existing) => existing ?? randomKey(32), store).then(async () => (await get<string>('token', store))!);
    // A failed read (private mode without IndexedDB) must not stick: fall back to a token for this page only.
    token = token.catch(() => randomKey(32));
    tokens.set(storeName, token);
  }
  return token;
}
