import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant: several instances starting at once on one PostgreSQL take turns migrating. */
const MIGRATION_LOCK = 7_324_001;

/**
 * Applies the migrations not yet recorded in `osa_migrations`, in file-name order, all in one
 * transaction under an advisory lock (PostgreSQL's DDL is transactional: a failed migration leaves
 * nothing, and instances starting together do not race). Returns the names applied now.
 */
export async function migrate(store: Store): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS osa_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM osa_migrations')).map((row) => row.name));
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      await tx.exec(readFileSync(MIGRATIONS_DIR + name, 'utf8'));
      await tx.query('INSERT INTO osa_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}
