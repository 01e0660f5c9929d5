/**
 * A web-test-runner plugin that starts the real reference server (server/index.ts, on loopback,
 * with an in-memory database) when the test run starts and stops it at the end. Browser tests
 * read its address and admin token from `GET /__osa/test-server.json` on the test dev server
 * (see src/adapters/test-support.ts). If the server cannot start, that route answers with the
 * error, and the tests that need the server fail with it rather than being skipped.
 *
 * `GET /__osa/test-server.json?cors=development` and `?cors=production` start (on first request)
 * two more servers whose CORS is configured as a webmaster meets it: as `npm start` configures it,
 * and as `osallistu serve` with an allow-list that leaves the test page's origin out.
 *
 * Server commands (`executeServerCommand` from @web/test-runner-commands) run a server as a child
 * process that a test may kill: `osa-kill-server:start` spawns `osallistu serve` on a free port
 * with a fresh PGlite data directory and the test page's origin allowed, and answers
 * `{ url, adminToken }`; `osa-kill-server:kill` sends it SIGKILL and answers once it is gone;
 * `osa-kill-server:restart` starts it again on the same port and data directory;
 * `osa-kill-server:stop` ends it and removes the directory (as the end of the run does).
 * A browser waits at most 20 s for a command's answer and a start can take longer on a busy
 * machine, so `start` and `restart` answer at once: `osa-kill-server:listening` answers
 * `{ listening: true }` once the server listens, or `{ listening: false }` after 15 s (ask again),
 * and fails with the server's output if it exited first.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

export const TEST_SERVER_ROUTE = '/__osa/test-server.json';

const KILL_COMMAND = 'osa-kill-server:';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Killable `osallistu serve` child processes, one per test session, on PGlite in a temporary
 * directory. Rate limits are out of the way: every simulated participant shares the loopback address.
 */
function killableServers() {
  const serverBin = fileURLToPath(new URL('../server/bin/osallistu.js', import.meta.url));
  const root = fileURLToPath(new URL('..', import.meta.url));
  /** By session id: `{ dir, port, adminToken, origins, child?, exited?, listening? }`. */
  const servers = new Map();

  const spawnChild = (server) => {
    server.listening = new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [serverBin, 'serve', '--port', String(server.port), '--host', '127.0.0.1', '--data', server.dir], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          OSA_ADMIN_TOKEN: server.adminToken,
          OSA_ALLOWED_ORIGINS: server.origins.join(','),
          OSA_LOG: '0',
          OSA_RATE_PER_DEVICE: '100000',
          OSA_RATE_PER_IP: '10000000',
          OSA_RATE_NEW_DEVICES_PER_IP: '10000000',
        },
      });
      server.child = child;
      server.exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ?? code)));
      // Read to the end (a full pipe would stall the server); the tail explains a failed start.
      let output = '';
      const read = (chunk) => {
        output = (output + chunk.toString()).slice(-4000);
        if (output.includes('is listening on')) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code, signal) => reject(new Error(`The killable server exited (${signal ?? code}) before listening:\n${output}`)));
    });
    // Read by `listening`; a server killed while it starts is no failure of the run.
    server.listening.catch(() => undefined);
  };

  const kill = async (server) => {
    if (!server.child) return null;
    server.child.kill('SIGKILL');
    const signal = await server.exited;
    server.child = undefined;
    return signal;
  };

  const stop = async (sessionId) => {
    const server = servers.get(sessionId);
    if (!server) return;
    servers.delete(sessionId);
    await kill(server);
    rmSync(server.dir, { recursive: true, force: true });
  };

  return {
    async run(action, sessionId, origins) {
      if (action === 'start') {
        await stop(sessionId);
        const server = { dir: mkdtempSync(join(tmpdir(), 'osa-kill-')), port: await freePort(), adminToken: randomBytes(24).toString('base64url'), origins };
        servers.set(sessionId, server);
        spawnChild(server);
        return { url: `http://127.0.0.1:${server.port}`, adminToken: server.adminToken };
      }
      if (action === 'stop') {
        await stop(sessionId);
        return { stopped: true };
      }
      const server = servers.get(sessionId);
      if (!server) throw new Error(`${KILL_COMMAND}${action}: no server was started for this test file (${KILL_COMMAND}start).`);
      if (action === 'kill') {
        if (!server.child) throw new Error(`${KILL_COMMAND}kill: the server is not running.`);
        return { signal: await kill(server) };
      }
      if (action === 'restart') {
        if (server.child) throw new Error(`${KILL_COMMAND}restart: the server is still running; kill it first.`);
        spawnChild(server);
        return { url: `http://127.0.0.1:${server.port}` };
      }
      if (action === 'listening') {
        let timer;
        const waited = new Promise((resolve) => (timer = setTimeout(() => resolve(false), 15_000)));
        const listening = await Promise.race([server.listening.then(() => true), waited]).finally(() => clearTimeout(timer));
        return { listening };
      }
      throw new Error(`Unknown server command ${KILL_COMMAND}${action}.`);
    },
    async stopAll() {
      for (const sessionId of [...servers.keys()]) await stop(sessionId);
    },
  };
}

export function osaServerPlugin({ coalesceMs = 20 } = {}) {
  const adminToken = randomBytes(24).toString('base64url');
  let server;
  let info = { error: 'The test server has not started yet.' };
  /** The servers of `?cors=…`, by profile: a promise of `{ server?, info }`. */
  const profiles = new Map();
  const killable = killableServers();
  /** The test page's origins, for the CORS allow-lists. */
  let origins = [];

  const startProfile = async (profile) => {
    try {
      const [{ startServer }, { developmentOrigins }] = await Promise.all([tsImport('../server/index.ts', import.meta.url), tsImport('../server/options.ts', import.meta.url)]);
      const allowedOrigins = profile === 'development' ? developmentOrigins({}) : ['https://www.kunta.example'];
      const started = await startServer({ port: 0, host: '127.0.0.1', database: 'memory', adminToken, allowedOrigins, coalesceMs });
      return { server: started, info: { url: started.url, adminToken } };
    } catch (error) {
      return { info: { error: `The ${profile} test server did not start: ${error instanceof Error ? error.stack : String(error)}` } };
    }
  };

  return {
    name: 'osa-test-server',

    async serverStart({ config }) {
      origins = [...new Set([`http://${config.hostname ?? 'localhost'}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`])];
      try {
        const { startServer } = await tsImport('../server/index.ts', import.meta.url);
        server = await startServer({
          port: 0,
          host: '127.0.0.1',
          database: 'memory',
          adminToken,
          allowedOrigins: origins,
          // Every test shares one device address and writes a lot: limits that never bite here.
          rateLimit: { perDevice: 1_000_000, perIp: 1_000_000, windowMs: 60_000 },
          coalesceMs,
        });
        info = { url: server.url, adminToken };
      } catch (error) {
        info = { error: `The reference server did not start: ${error instanceof Error ? error.stack : String(error)}` };
        console.error(info.error);
      }
    },

    async serverStop() {
      await server?.close();
      server = undefined;
      for (const pending of profiles.values()) await (await pending).server?.close();
      profiles.clear();
      await killable.stopAll();
    },

    executeCommand({ command, session }) {
      if (!command.startsWith(KILL_COMMAND)) return undefined;
      return killable.run(command.slice(KILL_COMMAND.length), session.id, origins);
    },

    async serve(context) {
      if (context.path !== TEST_SERVER_ROUTE) return undefined;
      const profile = context.URL.searchParams.get('cors');
      if (profile === 'development' || profile === 'production') {
        if (!profiles.has(profile)) profiles.set(profile, startProfile(profile));
        return { body: JSON.stringify((await profiles.get(profile)).info), type: 'application/json' };
      }
      return { body: JSON.stringify(info), type: 'application/json' };
    },
  };
}
