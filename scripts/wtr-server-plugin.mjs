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
 */
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';

export const TEST_SERVER_ROUTE = '/__osa/test-server.json';

export function osaServerPlugin({ coalesceMs = 20 } = {}) {
  const adminToken = randomBytes(24).toString('base64url');
  let server;
  let info = { error: 'The test server has not started yet.' };
  /** The servers of `?cors=…`, by profile: a promise of `{ server?, info }`. */
  const profiles = new Map();

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
      const origins = [`http://${config.hostname ?? 'localhost'}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      try {
        const { startServer } = await tsImport('../server/index.ts', import.meta.url);
        server = await startServer({
          port: 0,
          host: '127.0.0.1',
          database: 'memory',
          adminToken,
          allowedOrigins: [...new Set(origins)],
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
