/**
 * Hostile input against a real server on loopback, on PGlite and on a real PostgreSQL: what the
 * database cannot store, bodies nested thousands deep, HEAD on the stream, huge unknown names, and
 * rate-limit buckets for organisers writing without a device.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIELD_KEY_LIMIT } from '../src/core/validate.js';
import { startServer, type RunningServer } from './index.js';
import { ADMIN_TOKEN, Api, BACKENDS, ORIGIN, boardEvent, newDevice, newEventId, newKey, serverForSuite, skipReason, testDatabase, type ErrorAnswer, type TestDatabase } from './test/helpers.js';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

function assertInvalid(answer: { status: number; body: unknown; text: string }, field?: string): ErrorAnswer['error'] {
  assert.equal(answer.status, 400, answer.text);
  const { error } = answer.body as ErrorAnswer;
  assert.equal(error.code, 'invalid');
  if (field !== undefined) assert.equal(error.field, field, answer.text);
  return error;
}

const nested = (depth: number, inner = '1'): string => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

for (const backend of BACKENDS) {
  describe(`hostile input on ${backend}`, { skip: skipReason(backend) }, () => {
    const suite = serverForSuite(backend, { emptyStaticRoot: true });

    const changeCount = async (eventId: string): Promise<number> => {
      const [row] = await suite.server.store.query<{ n: unknown }>('SELECT count(*) AS n FROM changes WHERE event_id = $1', [eventId]);
      return Number(row.n);
    };

    test('a lone UTF-16 surrogate in any stored text is 400 naming the field, and nothing is stored', async () => {
      const id = newEventId();
      const key = await suite.api.create(boardEvent(id));
      const device = { device: newDevice() };
      assert.equal((await suite.api.command(id, 'board', 'submitIdea', { text: 'Pyöräteitä kouluille' }, device)).status, 200);
      const before = await changeCount(id);
      assertInvalid(await suite.api.command(id, 'board', 'submitIdea', { text: 'Lisää \ud800 puistoja' }, device), 'text');
      assertInvalid(await suite.api.command(id, 'board', 'submitIdea', { text: 'loppuun \udc00' }, device), 'text');
      assertInvalid(await suite.api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'edit', text: 'x\ud83d' }, { organiser: key }), 'text');
      assertInvalid(await suite.api.command(id, 'board', 'configure', { config: { questions: [{ id: 'main', title: 'Mitä\udbff?' }] } }, { organiser: key }), 'config.questions.0.title');
      assertInvalid(await suite.api.command(id, 'board', 'submitIdea', { text: 'ok', ['\ud800']: 1 }, device), '\ud800');
      assert.equal(await changeCount(id), before);
      // A pair is a character (an emoji), stored as sent.
      const emoji = await suite.api.command<{ result: { status: string } }>(id, 'board', 'submitIdea', { text: 'Pyöräily 🚲 ja kävely' }, device);
      assert.equal(emoji.status, 200, emoji.text);

      const other = newEventId();
      assertInvalid(await suite.api.post('/events', { ...boardEvent(other), title: { fi: 'Tapahtuma\ud800' } }, admin), 'title.fi');
      assert.equal((await suite.api.get(`/events/${other}`)).status, 404);
    });

    test('a body nested 2,000 levels deep is 400, for an event definition and for a command', async () => {
      const id = newEventId();
      const headers = { 'content-type': 'application/json', ...admin };
      for (const [at, raw] of [
        ['title', `{"id":"${id}","title":${nested(2_000)},"activities":[]}`],
        ['seed', `{"id":"${id}","title":"T","activities":[],"seed":[${nested(2_000)}]}`],
        ['unexpected', `{"id":"${id}","title":"T","activities":[],"unexpected":${nested(2_000, '"x"')}}`],
      ]) {
        const error = assertInvalid(await suite.api.request('POST', '/events', { raw, headers }));
        assert.match(error.message, /nested too deeply/, error.message);
        assert.ok(error.field?.startsWith(at), error.field);
      }
      assert.equal((await suite.api.get(`/events/${id}`)).status, 404);

      await suite.api.create(boardEvent(id));
      const device = newDevice();
      const path = `/events/${id}/activities/board/commands/submitIdea`;
      const commandHeaders = { 'content-type': 'application/json', 'x-osa-device': device };
      for (const raw of [
        `{"payload":${nested(2_000)},"idempotencyKey":"${newKey()}"}`,
        `{"payload":{"text":"hei"},"idempotencyKey":"${newKey()}","extra":${nested(2_000)}}`,
        `{"payload":{"text":"hei"},"idempotencyKey":${nested(2_000)}}`,
        `[${nested(2_000)}]`,
      ]) {
        assertInvalid(await suite.api.request('POST', path, { raw, headers: commandHeaders }));
      }
      assert.equal(await changeCount(id), 0);
    });

    test('HEAD on the stream answers at once: the stream headers, no body, no stream left open', async () => {
      const id = newEventId();
      await suite.api.create(boardEvent(id));
      const open = suite.server.hub.size;
      const head = await fetch(`${suite.server.url}/api/v1/events/${id}/stream`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
      assert.equal(head.status, 200);
      assert.match(head.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(await head.text(), '');
      assert.equal(suite.server.hub.size, open);
      const missing = await fetch(`${suite.server.url}/api/v1/events/no-such-event/stream`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
      assert.equal(missing.status, 404);
    });

    test(`errors repeat at most ${FIELD_KEY_LIMIT} characters of a name the client made up`, async () => {
      const id = newEventId();
      await suite.api.create(boardEvent(id));
      const long = 'k'.repeat(200_000);
      const cut = `${'k'.repeat(FIELD_KEY_LIMIT)}…`;
      const device = { device: newDevice() };
      const answers = [
        await suite.api.post(`/events/${id}/activities/board/commands/submitIdea`, { payload: { text: 'hei' }, idempotencyKey: newKey(), [long]: 1 }, { 'x-osa-device': device.device }),
        await suite.api.command(id, 'board', 'submitIdea', { text: 'hei', [long]: 1 }, device),
        await suite.api.command(id, 'board', 'submitIdea', { text: 'hei', [long]: 'nul\u0000' }, device),
        await suite.api.post('/events', { ...boardEvent(newEventId()), [long]: 1 }, admin),
        await suite.api.get(`/events/${id}/stream?since=0&${long.slice(0, 4_000)}=1`),
      ];
      for (const answer of answers) {
        const error = assertInvalid(answer);
        assert.ok(error.field?.endsWith(cut), error.field);
        assert.ok(answer.text.length < 400, answer.text.slice(0, 400));
      }
      const notFound = await suite.api.get(`/${'x'.repeat(8_000)}`);
      assert.equal(notFound.status, 404);
      assert.ok(notFound.text.length < 400, 'a 404 repeats the path cut short');
    });
  });

  describe(`rate-limit buckets for organisers on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let api: Api;
    let staticRoot: string;

    before(async () => {
      database = await testDatabase(backend);
      staticRoot = mkdtempSync(join(tmpdir(), 'osa-static-'));
      server = await startServer({
        port: 0,
        database: database.url,
        adminToken: ADMIN_TOKEN,
        allowedOrigins: [ORIGIN],
        trustProxy: true,
        rateLimit: { perDevice: 3, perIp: 100, newDevicesPerIp: 4, windowMs: 10 * 60_000 },
        staticRoot,
      });
      api = new Api(server.url);
    });

    after(async () => {
      await server?.close();
      await database?.stop();
      rmSync(staticRoot, { recursive: true, force: true });
    });

    test('organiser writes without a device count per event and key, with a message that says so', async () => {
      const [first, second] = [newEventId(), newEventId()];
      const firstKey = await api.create(boardEvent(first), { 'x-forwarded-for': '10.1.0.1' });
      const secondKey = await api.create(boardEvent(second), { 'x-forwarded-for': '10.1.0.2' });
      const office = { 'x-forwarded-for': '10.1.1.1' };
      const configure = (eventId: string, key: string) =>
        api.command<ErrorAnswer>(eventId, 'board', 'configure', { config: { maxLength: 200 } }, { organiser: key }, newKey(), office);
      for (let index = 0; index < 3; index += 1) assert.equal((await configure(first, firstKey)).status, 200);
      const limited = await configure(first, firstKey);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.match(limited.body.error.message, /organiser key/);
      assert.doesNotMatch(limited.body.error.message, /device/);
      // Another event's organiser in the same office has a bucket of their own.
      assert.equal((await configure(second, secondKey)).status, 200);
      // As has a participant there.
      const device = newDevice();
      assert.equal((await api.command(first, 'board', 'submitIdea', { text: 'Pyöräteitä' }, { device }, newKey(), office)).status, 200);
    });

    test('made-up organiser keys count as new devices of the network', async () => {
      const id = newEventId();
      await api.create(boardEvent(id), { 'x-forwarded-for': '10.2.0.1' });
      const network = { 'x-forwarded-for': '10.2.1.1' };
      const guess = () => api.command<ErrorAnswer>(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: newKey() + newKey() }, newKey(), network);
      for (let index = 0; index < 4; index += 1) assert.equal((await guess()).status, 403);
      const limited = await guess();
      assert.equal(limited.status, 429);
      assert.match(limited.body.error.message, /new devices/);
    });
  });
}
