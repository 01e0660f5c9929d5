import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

/** PGlite (PostgreSQL compiled to WASM) in memory (`memory`) or in a data directory. */
export async function openPgliteStore(database: string): Promise<Store> {
  let unlock = (): void => {};
  let db: PGlite;
  if (database === 'memory') {
    db = await PGlite.create();
  } else {
    const dir = resolve(database);
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      db = await PGlite.create(join(dir, 'pgdata'));
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
