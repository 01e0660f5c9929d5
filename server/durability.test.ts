/**
 * The default store's durability: on a PGlite data directory every acknowledged commit is synced
 * to disk by PostgreSQL itself (fsync on, the WASM file system's fsync wired to the disk's), so it
 * survives a power cut; with `OSA_PGLITE_SYNC=off` nothing is synced (the operating system writes
 * it back later). The procedure to see it from outside: server/README.md, "Durability".
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrate } from './db/migrate.js';
import { pgliteSyncStats } from './db/pglite.js';
import { openStore } from './db/store.js';

async function commitsAndSyncs(sync: 'fsync' | 'off'): Promise<{ before: number; after: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'osa-durable-'));
  try {
    const store = await openStore(dir, { pgliteSync: sync });
    await migrate(store);
    await store.exec('CREATE TABLE IF NOT EXISTS probe (n integer)');
    const before = pgliteSyncStats.fsyncs;
    for (let n = 0; n < 10; n += 1) await store.transaction((tx) => tx.query('INSERT INTO probe VALUES ($1)', [n]));
    const after = pgliteSyncStats.fsyncs;
    await store.close();
    const reopened = await openStore(dir, { pgliteSync: sync });
    const [{ count }] = await reopened.query<{ count: unknown }>('SELECT count(*) AS count FROM probe');
    await reopened.close();
    return { before, after, rows: Number(count) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('with fsync (the default) PostgreSQL syncs the log to disk at every commit', async () => {
  const { before, after, rows } = await commitsAndSyncs('fsync');
  assert.equal(rows, 10);
  assert.ok(after - before >= 10, `10 commits gave ${after - before} fsyncs`);
});

test('with OSA_PGLITE_SYNC=off nothing is synced', async () => {
  const { before, after, rows } = await commitsAndSyncs('off');
  assert.equal(rows, 10);
  assert.equal(after - before, 0);
});
