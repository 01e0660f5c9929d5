import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Sql, Store } from './store.js';

const wrap = (target: Pick<Transaction, 'query' | 'exec'>): Sql => ({
  async query<R>(text: string, params: readonly unknown[] = []) {
    const result = await target.query<R>(text, params as unknown[]);
    return result.rows;
  },
  async exec(text: string) {
    await target.exec(text);
  },
});

/**
 * One process at a time may open a PGlite data directory (it is a single-user database): a lock
 * file with the owner's pid refuses a second server or CLI with a clear message instead of
 * corrupting the data. A lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dir: string): () => void {
  const path = join(dir, 'osallistu.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        const who = owner === process.pid ? 'this process' : `process ${owner}`;
        throw new Error(`The data directory ${dir} is in use by ${who} (an osallistu server or CLI). Stop it first, or use PostgreSQL (DATABASE_URL) to run several.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Cannot lock the data directory ${dir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where PGlite mounts its data directory inside its own file system. */
const PGLITE_DATA_MOUNT = '/pglite/data';

/**
 * PGlite starts PostgreSQL with `-F` (fsync off), and its file system passes no fsync to the disk:
 * a commit then survives a killed process (the write reached the operating system) but maybe not
 * a power cut. With `fsync`, PostgreSQL runs with fsync on and `wal_sync_method=fsync`, and the
 * data directory's files get a real sync (the WASM file system's fsync is wired to Node's fdatasync), so
 * every acknowledged commit is on disk and checkpoints sync the data files, as on a PostgreSQL server.
 */
function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

interface EmscriptenFs {
  lookupPath(path: string): { node: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } } };
}

function wireFsync(db: PGlite): void {
  // `mod` is the Emscripten module (protected in the types): the one way to reach its file system.
  const fs = (db as unknown as { mod?: { FS?: EmscriptenFs } }).mod?.FS;
  const streamOps = fs?.lookupPath(PGLITE_DATA_MOUNT).node.stream_ops;
  if (!streamOps) throw new Error('PGlite: cannot reach its file system to make commits durable; set OSA_PGLITE_SYNC=off to run without.');
  streamOps.fsync = (stream) => {
    if (stream.nfd !== undefined) {
      fdatasyncSync(stream.nfd);
      pgliteSyncStats.fsyncs += 1;
    }
    return 0;
  };
}

/** Counts the fsyncs PGlite's data files got (for the durability test). */
export const pgliteSyncStats = { fsyncs: 0 };

/** PGlite (PostgreSQL compiled to WASM) in memory (`memory`) or in a data directory. */
export async function openPgliteStore(database: string, sync: 'fsync' | 'off' = 'fsync'): Promise<Store> {
  let unlock = (): void => {};
  let db: PGlite;
  if (database === 'memory') {
    db = await PGlite.create();
  } else {
    const dir = resolve(database);
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      db = await PGlite.create(join(dir, 'pgdata'), sync === 'fsync' ? { startParams: durableStartParams() } : {});
      if (sync === 'fsync') {
        wireFsync(db);
        // What the start-up (recovery) wrote before fsync was wired goes to disk now.
        await db.query('CHECKPOINT');
      }
    } catch (error) {
      unlock();
      throw error;
    }
  }
  const sql = wrap(db);
  return {
    kind: 'pglite',
    query: sql.query,
    exec: sql.exec,
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(wrap(tx)));
    },
    async listen(channel, onNotify) {
      const stop = await db.listen(channel, onNotify);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      if (!db.closed) await db.close();
      unlock();
    },
  };
}
