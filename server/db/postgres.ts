import pg from 'pg';
import type { Sql, Store } from './store.js';

const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
  async query<R>(text: string, params: readonly unknown[] = []) {
    const result = await client.query(text, params as unknown[]);
    return result.rows as R[];
  },
  async exec(text: string) {
    await client.query(text);
  },
});

/** A PostgreSQL server through a node-postgres pool, plus one dedicated connection for LISTEN. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.OSA_DB_POOL ?? 10) });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', (error) => console.error('osallistu: a pooled PostgreSQL connection failed:', error.message));
  // Fail now, with the driver's message, if the server cannot be reached.
  await pool.query('SELECT 1');
  const sql = wrap(pool);
  const listeners = new Set<() => Promise<void>>();
  let closed = false;

  return {
    kind: 'postgres',
    query: sql.query,
    exec: sql.exec,
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client has no error listener of the pool's: a connection lost between two
      // queries (a database restart) would otherwise be an uncaught error that ends the process.
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A connection that failed (or whose ROLLBACK failed) is not given back to the pool.
        client.off('error', onError);
        client.release(broken);
      }
    },
    async listen(channel, onNotify, onReconnect) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (reconnecting: boolean): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        next.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onNotify(message.payload);
        });
        next.on('error', (error) => {
          console.error(`osallistu: the LISTEN connection failed (${error.message}); reconnecting.`);
          void next.end().catch(() => {});
          if (client === next) client = undefined;
          schedule();
        });
        await next.connect();
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        if (stopped) {
          await next.end();
          return;
        }
        client = next;
        if (reconnecting) onReconnect?.();
      };
      const schedule = (): void => {
        if (stopped || retry) return;
        retry = setTimeout(() => {
          retry = undefined;
          connect(true).catch((error: Error) => {
            console.error(`osallistu: cannot LISTEN again (${error.message}); retrying.`);
            schedule();
          });
        }, 1000);
        retry.unref();
      };
      await connect(false);
      const stop = async (): Promise<void> => {
        stopped = true;
        clearTimeout(retry);
        listeners.delete(stop);
        await client?.end().catch(() => {});
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}
