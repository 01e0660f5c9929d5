/**
 * A throwaway PostgreSQL cluster for tests, from the Debian binaries under
 * /usr/lib/postgresql/<version>/bin: initdb in a temp directory, started on 127.0.0.1 with a free
 * port, one database. As root the binaries run as the `postgres` user (initdb refuses root).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempPostgres {
  /** postgres://postgres@127.0.0.1:<port>/osallistu_test */
  url: string;
  /**
   * `pg_ctl restart -m fast` on the same data directory and port: open connections are cut,
   * running transactions roll back. Asynchronous, so servers in this process keep running meanwhile.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest PostgreSQL bin directory with initdb and pg_ctl, if any. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/**
 * Whether the PostgreSQL variant of a suite is skipped: only when there are no binaries, and
 * never under CI (env CI set), where a missing PostgreSQL is a failure, not a skip.
 */
export function postgresSkipReason(): string | false {
  if (findPostgresBin()) return false;
  if (process.env.CI) return false;
  return 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql); set CI=1 to make this a failure';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is required here (CI is set) but no binaries were found under /usr/lib/postgresql/*/bin.');
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
  };
  const dir = mkdtempSync(join(tmpdir(), 'osa-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start']);
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'osallistu_test']);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    stopSync(run, data, dir);
    throw new Error(`Could not start a temporary PostgreSQL: ${(error as Error).message}\n${stderr}`);
  }
  // Never leave a server behind, even when a test run is cut short.
  const onExit = (): void => stopSync(run, data, dir);
  process.once('exit', onExit);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/osallistu_test`,
    restart: () =>
      new Promise<void>((resolve, reject) => {
        const args = ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-m', 'fast', '-w', '-t', '60', 'restart'];
        const command = asRoot ? 'runuser' : join(bin, 'pg_ctl');
        const argv = asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args] : args;
        execFile(command, argv, { cwd: tmpdir() }, (error, _stdout, stderr) => (error ? reject(new Error(`pg_ctl restart failed: ${error.message}\n${stderr}`)) : resolve()));
      }),
    async stop() {
      process.off('exit', onExit);
      stopSync(run, data, dir);
    },
  };
}

function stopSync(run: (program: string, args: string[]) => void, data: string, dir: string): void {
  try {
    if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } catch {
    // Already stopped.
  }
  rmSync(dir, { recursive: true, force: true });
}
