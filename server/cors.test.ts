/**
 * Which pages may call the API: `npm start` lets any origin in (a webmaster's first test page works),
 * `osallistu serve` keeps an allow-list, and the origin probe tells a page the allow-list leaves out
 * why its requests fail (a browser shows the CORS refusal to script as a network failure).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp, ORIGIN_PROBE, type App } from './app.js';
import { developmentOrigins, resolveOptions } from './options.js';

const KUNTA = 'https://www.kunta.example';
const FOREIGN = 'https://cms.elsewhere.example';

function preflight(app: App, origin: string) {
  return app.app.inject({
    method: 'OPTIONS',
    url: '/api/v1/events/x/participants',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-osa-device' },
  });
}

describe('CORS as a webmaster meets it', () => {
  let production: App;
  let development: App;

  before(async () => {
    production = await createApp({ database: 'memory', allowedOrigins: resolveOptions({}, { OSA_ALLOWED_ORIGINS: KUNTA }).allowedOrigins });
    development = await createApp({ database: 'memory', allowedOrigins: developmentOrigins({}) });
  });
  after(async () => {
    await production.close();
    await development.close();
  });

  test('npm start lets pages on any origin in unless OSA_ALLOWED_ORIGINS names them; serve defaults to the same origin only', async () => {
    assert.deepEqual(developmentOrigins({}), ['*']);
    assert.deepEqual(developmentOrigins({ OSA_ALLOWED_ORIGINS: `${KUNTA}, ${FOREIGN}` }), [KUNTA, FOREIGN]);
    assert.deepEqual(resolveOptions({}, {}).allowedOrigins, []);

    const open = await preflight(development, FOREIGN);
    assert.equal(open.headers['access-control-allow-origin'], FOREIGN);
    assert.match(String(open.headers['access-control-allow-headers']), /X-Osa-Device/i);

    assert.equal((await preflight(production, KUNTA)).headers['access-control-allow-origin'], KUNTA);
    assert.equal((await preflight(production, FOREIGN)).headers['access-control-allow-origin'], undefined);
  });

  test('the origin probe answers every page whether the API lets its origin in', async () => {
    const ask = async (app: App, headers: Record<string, string>, query = '') => {
      const answer = await app.app.inject({ method: 'GET', url: `${ORIGIN_PROBE}${query}`, headers });
      assert.equal(answer.statusCode, 200, answer.body);
      // Readable by the refused page itself.
      assert.equal(answer.headers['access-control-allow-origin'], '*');
      return answer.json<{ origin: string | null; allowed: boolean }>();
    };
    assert.deepEqual(await ask(production, { origin: FOREIGN }), { origin: FOREIGN, allowed: false });
    assert.deepEqual(await ask(production, { origin: KUNTA }), { origin: KUNTA, allowed: true });
    assert.deepEqual(await ask(development, { origin: FOREIGN }), { origin: FOREIGN, allowed: true });
    // An operator checks an origin by hand; a same-origin page sends no Origin header.
    assert.deepEqual(await ask(production, {}, `?origin=${encodeURIComponent(KUNTA)}`), { origin: KUNTA, allowed: true });
    assert.deepEqual(await ask(production, {}), { origin: null, allowed: true });
  });
});
