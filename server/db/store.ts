/**
 * The storage driver: one interface, two implementations (PGlite embedded in the process, or a
 * PostgreSQL server through node-postgres). Both run the same SQL text (`./queries.ts`) and the
 * same migrations (`./migrations/*.sql`).
 */

/** Something SQL can run on: the store itself (autocommit) or one transaction. */
export interface Sql {
  /** One statement with `$n` parameters; jsonb parameters are passed as JSON text. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly kind: StoreKind;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). Inside, use only the `tx` given: on PGlite the store itself waits for the
   * transaction to end.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`. `onReconnect` is called when the listening connection was lost and is
   * back (notifications may have been missed meanwhile). Resolves to a function that stops it.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Where the data lives: `memory`, a PGlite data directory, or a `postgres://` URL. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

export interface StoreOptions {
  /** PGlite data directories: sync the write-ahead log after each commit (`fsync`, the default) or not. */
  pgliteSync?: 'fsync' | 'off';
}

export async function openStore(database: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(database)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(database);
  }
  const { openPgliteStore } = await import('./pglite.js');
  return openPgliteStore(database, options.pgliteSync ?? 'fsync');
}

/** Integers come back as numbers from PGlite and as strings (bigint) from node-postgres. */
export function toNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value as string | bigint);
  if (!Number.isSafeInteger(number)) throw new Error(`Expected an integer from the database, got ${String(value)}.`);
  return number;
}
