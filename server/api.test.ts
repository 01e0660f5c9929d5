/**
 * The HTTP API against a real server on loopback, once on PGlite and once on a real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Change } from '../src/core/activity.js';
import { startServer, type RunningServer } from './index.js';
import { EventService } from './service.js';
import { sha256 } from './secrets.js';
import type { Sql, Store } from './db/store.js';
import {
  ADMIN_TOKEN,
  Api,
  BACKENDS,
  ORIGIN,
  SseClient,
  boardEvent,
  newDevice,
  newEventId,
  newKey,
  skipReason,
  testDatabase,
  type ErrorAnswer,
  type TestDatabase,
} from './test/helpers.js';

/** Rows the write path leaves for an event. */
async function rowCounts(store: Store, eventId: string): Promise<{ changes: number; writes: number; seq: number }> {
  const [changes] = await store.query<{ n: unknown }>('SELECT count(*) AS n FROM changes WHERE event_id = $1', [eventId]);
  const [writes] = await store.query<{ n: unknown }>('SELECT count(*) AS n FROM idempotency WHERE event_id = $1', [eventId]);
  const [event] = await store.query<{ seq: unknown }>('SELECT seq FROM events WHERE id = $1', [eventId]);
  return { changes: Number(changes.n), writes: Number(writes.n), seq: Number(event.seq) };
}

async function seqsOf(store: Store, eventId: string): Promise<number[]> {
  const rows = await store.query<{ seq: unknown }>('SELECT seq FROM changes WHERE event_id = $1 ORDER BY seq', [eventId]);
  return rows.map((row) => Number(row.seq));
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

function assertInvalid(answer: { status: number; body: unknown }, field: string, reason?: string): void {
  const { error } = answer.body as ErrorAnswer;
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal(error.code, 'invalid');
  assert.equal(error.field, field, JSON.stringify(error));
  if (reason) assert.equal(error.reason?.kind, reason, JSON.stringify(error));
  assert.ok(error.message.length > 0);
}

for (const backend of BACKENDS) {
  describe(`HTTP API on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let api: Api;
    let staticRoot: string;
    let closed = false;

    before(async () => {
      database = await testDatabase(backend);
      staticRoot = mkdtempSync(join(tmpdir(), 'osa-static-'));
      mkdirSync(join(staticRoot, 'dist', 'cdn'), { recursive: true });
      mkdirSync(join(staticRoot, 'demo'));
      writeFileSync(join(staticRoot, 'dist', 'cdn', 'osallistu.js'), 'export {};\n');
      writeFileSync(join(staticRoot, 'demo', 'index.html'), '<!doctype html><title>demo</title>\n');
      server = await startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, allowedOrigins: [ORIGIN], coalesceMs: 20, staticRoot });
      api = new Api(server.url);
    });

    after(async () => {
      if (!closed) await server?.close();
      await database?.stop();
      rmSync(staticRoot, { recursive: true, force: true });
    });

    test('GET /health names the database', async () => {
      const answer = await api.get('/health');
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { ok: true, database: backend });
    });

    test('creates events only with the admin token, once per id', async () => {
      const id = newEventId();
      const without = await api.post<ErrorAnswer>('/events', boardEvent(id));
      assert.equal(without.status, 403);
      assert.equal(without.body.error.code, 'forbidden');
      const wrong = await api.post<ErrorAnswer>('/events', boardEvent(id), { authorization: 'Bearer wrong-token-0123456789abc' });
      assert.equal(wrong.status, 403);
      assert.equal((await api.get(`/events/${id}`)).status, 404);

      const created = await api.post<{ eventId: string; organiserKey: string }>('/events', boardEvent(id), { authorization: `Bearer ${ADMIN_TOKEN}` });
      assert.equal(created.status, 201);
      assert.equal(created.body.eventId, id);
      assert.match(created.body.organiserKey, /^[A-Za-z0-9_-]{32}$/);
      assert.equal(server.organiserKeyOf(id), created.body.organiserKey);
      const [row] = await server.store.query<{ organiser_key_hash: string }>('SELECT organiser_key_hash FROM events WHERE id = $1', [id]);
      assert.equal(row.organiser_key_hash, sha256(created.body.organiserKey), 'only the hash of the key is stored');

      const again = await api.post<ErrorAnswer>('/events', boardEvent(id), { authorization: `Bearer ${ADMIN_TOKEN}` });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'conflict');
      assert.equal(again.body.error.field, 'id');

      const info = await api.get<{ id: string; languages: string[]; activities: Array<{ id: string; kind: string; phase: string }> }>(`/events/${id}`);
      assert.equal(info.status, 200);
      assert.deepEqual(info.body.activities, [{ id: 'board', kind: 'board', title: 'Board', phase: 'collect' }]);
    });

    test('refuses a bad event definition naming the field, and creates nothing', async () => {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const id = newEventId();
      const cases: Array<[unknown, string]> = [
        [{ title: 'x', activities: [] }, 'id'],
        [{ id: 'Not A Slug', title: 'x', activities: [] }, 'id'],
        [{ ...boardEvent(id), activities: [{ id: 'board', kind: 'poll' }] }, 'activities.0.kind'],
        [boardEvent(id, { mode: 'lottery' }), 'activities.0.config.mode'],
        [{ ...boardEvent(id), activities: [{ id: 'board', kind: 'board', phase: 'voting' }] }, 'activities.0.phase'],
        [{ ...boardEvent(id), activities: [{ id: 'a', kind: 'board' }, { id: 'a', kind: 'board' }] }, 'activities.1.id'],
        [{ ...boardEvent(id), seed: [{ activity: 'nope', as: 'x', command: 'submitIdea', payload: { text: 'hei' } }] }, 'seed.0.activity'],
        [{ ...boardEvent(id), seed: [{ activity: 'board', as: 'x', command: 'fly', payload: {} }] }, 'seed.0.command'],
        // Valid up to the second seed action, whose text is too long: nothing of the first stays either.
        [
          {
            ...boardEvent(id),
            seed: [
              { activity: 'board', as: 'x', command: 'submitIdea', payload: { text: 'Ensimmäinen idea' } },
              { activity: 'board', as: 'y', command: 'submitIdea', payload: { text: 'x'.repeat(400) } },
            ],
          },
          'seed.1.payload.text',
        ],
        [[1, 2], 'body'],
        [{ ...boardEvent(id), title: { fi: 'nul\u0000' } }, 'title.fi'],
      ];
      for (const [definition, field] of cases) assertInvalid(await api.post('/events', definition, admin), field);
      assert.equal((await api.get(`/events/${id}`)).status, 404);
      const rows = await server.store.query('SELECT 1 FROM events WHERE id = $1', [id]);
      assert.equal(rows.length, 0);
    });

    test('validates params, headers, query and the body envelope, naming the field', async () => {
      const id = newEventId();
      await api.create(boardEvent(id));
      const device = newDevice();
      const path = `/events/${id}/activities/board/commands/submitIdea`;
      assertInvalid(await api.get('/events/Not_A_Slug'), 'eventId', 'notAllowed');
      assertInvalid(await api.get(`/events/${id}/activities/board`, { 'x-osa-device': 'short' }), 'X-Osa-Device', 'notAllowed');
      assertInvalid(await api.post(path, { payload: { text: 'a' }, idempotencyKey: 'short' }, { 'x-osa-device': device }), 'idempotencyKey', 'notAllowed');
      assertInvalid(await api.post(path, { payload: { text: 'a' } }, { 'x-osa-device': device }), 'idempotencyKey', 'required');
      assertInvalid(await api.post(path, { payload: { text: 'a' }, idempotencyKey: newKey(), extra: 1 }, { 'x-osa-device': device }), 'extra', 'unknownField');
      assertInvalid(
        await api.post(path, { payload: { text: 'a' }, idempotencyKey: newKey() }, { 'x-osa-device': device, 'idempotency-key': newKey() }),
        'idempotencyKey',
        'notAllowed',
      );
      assertInvalid(await api.request('POST', path, { raw: '{"payload":', headers: { 'content-type': 'application/json', 'x-osa-device': device } }), 'body', 'wrongType');
      assertInvalid(await api.request('POST', path, { headers: { 'x-osa-device': device } }), 'body', 'required');
      const plain = await api.request<ErrorAnswer>('POST', `/events/${id}/participants`, { raw: 'hello', headers: { 'content-type': 'text/plain', 'x-osa-device': device } });
      assert.equal(plain.status, 415);
      assert.equal(plain.body.error.field, 'Content-Type');
      assertInvalid(await api.post(`/events/${id}/activities/board/commands/drop-table`, { payload: {}, idempotencyKey: newKey() }, { 'x-osa-device': device }), 'command');
      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=xml`), 'format', 'notAllowed');
      assertInvalid(await api.get(`/events/${id}/stream?since=-1`), 'since', 'tooSmall');
      assertInvalid(await api.get(`/events/${id}/stream?since=12&x=1`), 'x', 'unknownField');
      assertInvalid(await api.get(`/events/${id}/stream`, { 'last-event-id': 'abc' }), 'Last-Event-ID', 'notAllowed');
      assertInvalid(await api.get(`/events/${id}/stream?since=999`), 'since', 'tooLarge');
      const missing = await api.post<ErrorAnswer>(`/events/${id}/participants`, {});
      assertInvalid(missing, 'X-Osa-Device', 'required');
      const tooLarge = await api.post<ErrorAnswer>(path, { payload: { text: 'x'.repeat(300 * 1024) }, idempotencyKey: newKey() }, { 'x-osa-device': device });
      assert.equal(tooLarge.status, 413);
      assert.equal(tooLarge.body.error.field, 'body');
      assert.equal(tooLarge.body.error.reason?.kind, 'tooLong');
    });

    test('validates command payloads with the core rules, and refuses unknown things', async () => {
      const id = newEventId();
      await api.create(boardEvent(id));
      const device = { device: newDevice() };
      assertInvalid(await api.command(id, 'board', 'submitIdea', { text: '' }, device), 'text', 'required');
      assertInvalid(await api.command(id, 'board', 'submitIdea', { text: 'hei', colour: 'red' }, device), 'colour', 'unknownField');
      assertInvalid(await api.command(id, 'board', 'submitIdea', 'just text', device), 'payload', 'wrongType');
      assertInvalid(await api.command(id, 'board', 'submitIdea', { text: 'hei', question: 'other' }, device), 'question', 'notAllowed');
      // jsonb cannot store U+0000: refused up front, not a 500 that a client would retry.
      assertInvalid(await api.command(id, 'board', 'submitIdea', { text: 'hei\u0000maailma' }, device), 'text', 'notAllowed');
      for (const depth of [40, 100_000]) {
        const raw = `{"payload":{"text":${'['.repeat(depth)}${']'.repeat(depth)}},"idempotencyKey":"${newKey()}"}`;
        const deep = await api.request<ErrorAnswer>('POST', `/events/${id}/activities/board/commands/submitIdea`, {
          raw,
          headers: { 'content-type': 'application/json', 'x-osa-device': device.device },
        });
        assert.equal(deep.status, 400, deep.text);
      }
      const unknownCommand = await api.command<ErrorAnswer>(id, 'board', 'teleport', {}, device);
      assert.equal(unknownCommand.status, 404);
      assert.equal(unknownCommand.body.error.code, 'not_found');
      assert.equal((await api.command(id, 'nothing', 'submitIdea', { text: 'hei' }, device)).status, 404);
      assert.equal((await api.command('no-such-event', 'board', 'submitIdea', { text: 'hei' }, device)).status, 404);
      const phaseClosed = await api.command<ErrorAnswer>(id, 'board', 'nextPair', {}, device);
      assert.equal(phaseClosed.status, 409);
      assert.equal(phaseClosed.body.error.code, 'phase_closed');
      const anonymous = await api.command<ErrorAnswer>(id, 'board', 'submitIdea', { text: 'hei' }, {});
      assert.equal(anonymous.status, 403);
    });

    test('idempotency: the same key twice counts once and answers the same; another body is a conflict', async () => {
      const id = newEventId();
      await api.create(boardEvent(id));
      const device = { device: newDevice() };
      const key = newKey();
      const first = await api.command<{ result: { status: string; ideaId: string } }>(id, 'board', 'submitIdea', { text: 'Lisää pyöräteitä' }, device, key);
      assert.equal(first.status, 200);
      assert.equal(first.body.result.status, 'visible');
      // The first answer says which change holds the write (the sender reads its own write from there).
      assert.equal(typeof (first.body as { seq?: unknown }).seq, 'number');
      const before = await rowCounts(server.store, id);
      const retry = await api.command(id, 'board', 'submitIdea', { text: 'Lisää pyöräteitä' }, device, key);
      assert.equal(retry.status, 200);
      // A retry answers the same result; it wrote nothing, so it names no change of its own.
      assert.deepEqual(retry.body, { result: first.body.result });
      assert.deepEqual(await rowCounts(server.store, id), before, 'a retry writes nothing');

      const conflict = await api.command<ErrorAnswer>(id, 'board', 'submitIdea', { text: 'Jotain aivan muuta' }, device, key);
      assert.equal(conflict.status, 409);
      assert.equal(conflict.body.error.code, 'conflict');
      assert.equal(conflict.body.error.field, 'idempotencyKey');

      // The key may also come as a header; a key is the sender's own, so another device's same key is another write.
      const headerKey = newKey();
      const path = `/events/${id}/activities/board/commands/submitIdea`;
      const viaHeader = await api.post<{ result: { ideaId: string } }>(path, { payload: { text: 'Uusi puisto keskustaan' } }, { 'x-osa-device': device.device, 'idempotency-key': headerKey });
      const viaHeaderAgain = await api.post(path, { payload: { text: 'Uusi puisto keskustaan' } }, { 'x-osa-device': device.device, 'idempotency-key': headerKey });
      assert.deepEqual(viaHeaderAgain.body, { result: viaHeader.body.result });
      const other = await api.command<{ result: { ideaId: string } }>(id, 'board', 'submitIdea', { text: 'Kirjaston aukioloajat pidemmiksi' }, { device: newDevice() }, key);
      assert.equal(other.status, 200);
      assert.notEqual(other.body.result.ideaId, first.body.result.ideaId);

      const snapshot = await api.get<{ state: { order: string[] } }>(`/events/${id}/activities/board`, { 'x-osa-device': device.device });
      assert.deepEqual(snapshot.body.state.order, ['i1', 'i2', 'i3']);
    });

    test('organiser-only operations refuse without the key and with a wrong key', async () => {
      const id = newEventId();
      const key = await api.create(boardEvent(id));
      const device = newDevice();
      const wrongKey = newKey() + newKey();
      await api.command(id, 'board', 'submitIdea', { text: 'Skeittipuisto' }, { device });
      for (const as of [{ device }, { device, organiser: wrongKey }, { organiser: wrongKey }]) {
        const setPhase = await api.command<ErrorAnswer>(id, 'board', 'setPhase', { phase: 'vote' }, as);
        assert.equal(setPhase.status, 403, JSON.stringify(setPhase.body));
        assert.equal(setPhase.body.error.code, 'forbidden');
        assert.equal((await api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'hide' }, as)).status, 403);
        const headers: Record<string, string> = as.organiser ? { 'x-osa-organiser': as.organiser } : {};
        assert.equal((await api.get(`/events/${id}/activities/board/export`, headers)).status, 403);
      }
      const whoamiWrong = await api.post(`/events/${id}/participants`, {}, { 'x-osa-device': device, 'x-osa-organiser': wrongKey });
      assert.equal(whoamiWrong.body.organiser, false);
      const whoami = await api.post(`/events/${id}/participants`, {}, { 'x-osa-device': device, 'x-osa-organiser': key });
      assert.equal(whoami.body.organiser, true);
      assert.equal((await api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: key })).status, 200);
      assert.equal((await api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'hide' }, { organiser: key })).status, 200);
      assert.equal((await api.get(`/events/${id}`)).body.activities instanceof Array, true);
    });

    test('binds a device token to a random participant id, stored only as a hash', async () => {
      const id = newEventId();
      await api.create(boardEvent(id));
      const device = newDevice();
      const first = await api.post<{ participant: string; organiser: boolean }>(`/events/${id}/participants`, {}, { 'x-osa-device': device });
      assert.equal(first.status, 200);
      assert.match(first.body.participant, /^p_[A-Za-z0-9_-]{12}$/);
      assert.equal(first.body.organiser, false);
      assert.ok(!device.includes(first.body.participant.slice(2)));
      const again = await api.post(`/events/${id}/participants`, {}, { 'x-osa-device': device });
      assert.equal(again.body.participant, first.body.participant);
      // A snapshot with an unknown token binds it too.
      const other = newDevice();
      const snapshot = await api.get<{ viewer: { participant: string } }>(`/events/${id}/activities/board`, { 'x-osa-device': other });
      const otherWhoami = await api.post(`/events/${id}/participants`, {}, { 'x-osa-device': other });
      assert.equal(snapshot.body.viewer.participant, otherWhoami.body.participant);
      assert.notEqual(otherWhoami.body.participant, first.body.participant);
      const rows = await server.store.query<{ id: string; token_hash: string }>('SELECT id, token_hash FROM participants WHERE event_id = $1 ORDER BY created_at', [id]);
      assert.deepEqual(
        rows.map((row) => row.token_hash),
        [sha256(device), sha256(other)],
      );
      assert.ok(!JSON.stringify(rows).includes(device));
    });

    test('a command that fails leaves no row behind', async () => {
      const id = newEventId();
      await api.create(boardEvent(id, { maxLength: 50 }));
      const device = { device: newDevice() };
      await api.command(id, 'board', 'submitIdea', { text: 'Ensimmäinen idea' }, device);
      const before = await rowCounts(server.store, id);
      assertInvalid(await api.command(id, 'board', 'submitIdea', { text: 'x'.repeat(60) }, device), 'text', 'tooLong');
      assert.deepEqual(await rowCounts(server.store, id), before);

      // A failure after the changes were inserted (here: the idempotency record) rolls them back as well.
      const failing: Store = {
        ...server.store,
        transaction: <T>(work: (tx: Sql) => Promise<T>) =>
          server.store.transaction((tx) =>
            work({
              exec: (text) => tx.exec(text),
              query: async <R>(text: string, params?: readonly unknown[]) => {
                if (text.startsWith('INSERT INTO idempotency')) throw new Error('disk full (simulated)');
                return tx.query<R>(text, params);
              },
            }),
          ),
      };
      const other = new EventService(failing);
      const viewer = await other.viewer(id, { device: device.device });
      await assert.rejects(other.send(id, 'board', 'submitIdea', { text: 'Toinen idea' }, viewer, newKey()), /disk full/);
      assert.deepEqual(await rowCounts(server.store, id), before, 'the changes were rolled back');
      assert.equal((await other.ledger(id)).seq, before.seq, 'nothing was folded into the ledger');

      const next = await api.command<{ result: { ideaId: string } }>(id, 'board', 'submitIdea', { text: 'Kolmas idea' }, device);
      assert.equal(next.body.result.ideaId, 'i2');
      assert.deepEqual(await seqsOf(server.store, id), range(1, (await rowCounts(server.store, id)).seq));
    });

    test('streams changes to each viewer without other participants\' private changes', async () => {
      const id = newEventId();
      const key = await api.create(boardEvent(id, { moderation: 'pre' }));
      const [alice, bob] = [newDevice(), newDevice()];
      const streamUrl = `${server.url}/api/v1/events/${id}/stream`;
      const aliceStream = await SseClient.open(streamUrl, { 'x-osa-device': alice });
      const bobStream = await SseClient.open(streamUrl, { 'x-osa-device': bob });
      const organiserStream = await SseClient.open(streamUrl, { 'x-osa-organiser': key });
      const publicStream = await SseClient.open(`${streamUrl}?since=0`);
      try {
        const alicePid = (await api.post<{ participant: string }>(`/events/${id}/participants`, {}, { 'x-osa-device': alice })).body.participant;
        const submitted = await api.command<{ result: { status: string; ideaId: string } }>(id, 'board', 'submitIdea', { text: 'Salainen idea odottaa' }, { device: alice });
        assert.equal(submitted.body.result.status, 'pending');
        const approved = await api.command(id, 'board', 'moderate', { ideaId: 'i1', action: 'approve' }, { organiser: key });
        assert.equal(approved.status, 200);

        const approval = (change: Change): boolean => change.type === 'idea' && change.audience === 'public';
        await organiserStream.waitFor(() => organiserStream.changes().some(approval));
        await bobStream.waitFor(() => bobStream.changes().some(approval));
        await aliceStream.waitFor(() => aliceStream.changes().some(approval));
        await publicStream.waitFor(() => publicStream.changes().some(approval));

        const mine = `participant:${alicePid}`;
        assert.ok(aliceStream.changes().some((change) => change.type === 'own-idea' && change.audience === mine));
        assert.ok(aliceStream.changes().some((change) => change.type === 'idea' && change.audience === mine), 'Alice sees her pending idea');
        assert.ok(organiserStream.changes().some((change) => change.audience === 'organiser'), 'the organiser sees the moderation log');
        for (const stream of [bobStream, publicStream]) {
          assert.deepEqual(
            stream.changes().filter((change) => change.audience !== 'public'),
            [],
            'no private or organiser change reaches another participant',
          );
        }
        // Every stream gets its changes in seq order, each once.
        for (const stream of [aliceStream, bobStream, organiserStream, publicStream]) {
          const seqs = stream.changes().map((change) => change.seq);
          assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b));
        }
        assert.equal(organiserStream.response.headers.get('x-accel-buffering'), 'no');
      } finally {
        for (const stream of [aliceStream, bobStream, organiserStream, publicStream]) stream.close();
      }
    });

    test('a stream resumed with Last-Event-ID has no gap and no duplicate', async () => {
      const id = newEventId();
      const key = await api.create(boardEvent(id));
      const streamUrl = `${server.url}/api/v1/events/${id}/stream`;
      const write = async (text: string): Promise<void> => {
        assert.equal((await api.command(id, 'board', 'submitIdea', { text, force: true }, { device: newDevice() })).status, 200);
      };
      const first = await SseClient.open(`${streamUrl}?since=0`, { 'x-osa-organiser': key });
      await write('Ensimmäinen ajatus puistosta');
      await write('Toinen ajatus kirjastosta');
      const middle = (await rowCounts(server.store, id)).seq;
      await first.waitForSeq(middle);
      const lastId = first.changeMessages().at(-1)!.id!;
      assert.equal(Number(lastId), middle);
      first.close();

      await write('Kolmas ajatus uimahallista');
      await write('Neljäs ajatus nuorisotalosta');
      const end = (await rowCounts(server.store, id)).seq;
      const second = await SseClient.open(streamUrl, { 'x-osa-organiser': key, 'last-event-id': lastId });
      try {
        assert.deepEqual(JSON.parse(second.messages[0].data), { seq: middle });
        await second.waitForSeq(end);
        const seqs = [...first.changes(), ...second.changes()].map((change) => change.seq);
        assert.deepEqual(seqs, range(1, end), 'every change once, in order');
      } finally {
        second.close();
      }
    });

    test('CORS: the allow-list for the API, any origin for the bundle', async () => {
      const preflight = await fetch(`${server.url}/api/v1/events/x/activities/y/commands/z`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-osa-device,idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['x-osa-device', 'x-osa-organiser', 'last-event-id', 'content-type', 'idempotency-key']) assert.ok(allowed.includes(header), header);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);

      const foreign = await fetch(`${server.url}/api/v1/events/x/activities/y/commands/z`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-osa-device' },
      });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);

      const get = await fetch(`${server.url}/api/v1/health`, { headers: { origin: ORIGIN } });
      assert.equal(get.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const getForeign = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
      assert.equal(getForeign.headers.get('access-control-allow-origin'), null);

      const id = newEventId();
      await api.create(boardEvent(id));
      const stream = await SseClient.open(`${server.url}/api/v1/events/${id}/stream`, { origin: ORIGIN });
      assert.equal(stream.response.headers.get('access-control-allow-origin'), ORIGIN);
      stream.close();

      const bundle = await fetch(`${server.url}/osallistu/osallistu.js`, { headers: { origin: 'https://any.example' } });
      assert.equal(bundle.status, 200);
      assert.equal(bundle.headers.get('access-control-allow-origin'), '*');
      assert.equal(bundle.headers.get('cross-origin-resource-policy'), 'cross-origin');
      const demo = await fetch(`${server.url}/demo/`);
      assert.equal(demo.status, 200);
      assert.match(demo.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    });

    test('exports JSON and CSV (BOM, quoting, no formulas) for the organiser', async () => {
      const id = newEventId();
      const texts = ['=HYPERLINK("http://evil.example","klikkaa")', '+358 40 1234567 soittakaa', '@SUM(A1) laskuri', 'Pyöräily, kävely ja "hiljaiset" kadut', '-5 astetta ja silti ulos'];
      const key = await api.create(
        boardEvent(id, {}, { seed: texts.map((text, index) => ({ activity: 'board', as: `p${index}`, command: 'submitIdea', payload: { text, force: true } })) }),
      );
      const organiser = { 'x-osa-organiser': key };
      const json = await api.get<{ eventId: string; activity: string; kind: string; tables: Record<string, Array<Record<string, unknown>>> }>(
        `/events/${id}/activities/board/export?format=json`,
        organiser,
      );
      assert.equal(json.status, 200);
      assert.equal(json.body.kind, 'board');
      assert.deepEqual(
        json.body.tables.ideas.map((row) => row.text),
        texts,
      );
      assert.deepEqual(Object.keys(json.body.tables).sort(), ['ideas', 'likes', 'moderation', 'results', 'votes']);
      const one = await api.get<{ tables: Record<string, unknown> }>(`/events/${id}/activities/board/export?format=json&table=ideas`, organiser);
      assert.deepEqual(Object.keys(one.body.tables), ['ideas']);

      const csv = await fetch(`${server.url}/api/v1/events/${id}/activities/board/export?format=csv&table=ideas`, { headers: organiser });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename=".*-board-ideas\.csv"/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte order mark');
      const lines = new TextDecoder().decode(bytes).split('\r\n');
      assert.equal(lines[0], 'idea,question,text,status,mergedInto,likes,flagged,author,createdAt');
      assert.ok(lines[1].startsWith(`i1,main,"'=HYPERLINK(""http://evil.example"",""klikkaa"")",visible,`), lines[1]);
      assert.ok(lines[2].startsWith("i2,main,'+358 40 1234567 soittakaa,visible,"), lines[2]);
      assert.ok(lines[3].startsWith("i3,main,'@SUM(A1) laskuri,"), lines[3]);
      assert.ok(lines[4].startsWith('i4,main,"Pyöräily, kävely ja ""hiljaiset"" kadut",'), lines[4]);
      assert.ok(lines[5].startsWith("i5,main,'-5 astetta ja silti ulos,"), lines[5]);
      assert.equal(lines.at(-1), '', 'ends with a line break');

      const semicolons = await fetch(`${server.url}/api/v1/events/${id}/activities/board/export?format=csv&table=ideas&delimiter=semicolon`, { headers: organiser });
      const semicolonLines = (await semicolons.text()).split('\r\n');
      assert.equal(semicolonLines[0], 'idea;question;text;status;mergedInto;likes;flagged;author;createdAt');
      assert.ok(semicolonLines[4].startsWith('i4;main;"Pyöräily, kävely ja ""hiljaiset"" kadut";'), semicolonLines[4]);
      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=csv&table=ideas&delimiter=tab`, organiser), 'delimiter', 'notAllowed');

      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=csv`, organiser), 'table', 'required');
      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=csv&table=secrets`, organiser), 'table', 'notAllowed');
    });

    test('exports CSV in a language: the element\'s column titles, values and local date-times, the same file the element downloads', async () => {
      const { toCsv } = await import('../src/core/csv.js');
      const { boardFi } = await import('../src/i18n/board/fi.js');
      const id = newEventId();
      const key = await api.create(
        boardEvent(id, {}, { seed: ['Pyöräteitä keskustaan', 'Lisää liikuntaa välitunneille'].map((text, index) => ({ activity: 'board', as: `p${index}`, command: 'submitIdea', payload: { text, force: true } })) }),
      );
      const organiser = { 'x-osa-organiser': key };
      assert.equal((await api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: key })).status, 200);
      const voter = { device: newKey() };
      const { body } = await api.command<{ result: { pair: [string, string] } }>(id, 'board', 'nextPair', {}, voter);
      assert.equal((await api.command(id, 'board', 'vote', { a: body.result.pair[0], b: body.result.pair[1], choice: 'tie' }, voter)).status, 200);
      const csvOf = async (query: string) => {
        const answer = await fetch(`${server.url}/api/v1/events/${id}/activities/board/export?format=csv&${query}`, { headers: organiser });
        assert.equal(answer.status, 200, query);
        return (await answer.text()).replace(/^\uFEFF/, '').split('\r\n');
      };
      const votes = await csvOf('table=votes&lang=fi');
      assert.equal(votes[0], 'Osallistuja;Idea A:n tunnus;Idea A;Idea B:n tunnus;Idea B;Valinta');
      assert.match(votes[1], /^p3;i[12];(Pyöräteitä keskustaan|Lisää liikuntaa välitunneille);i[12];.+;En osaa sanoa$/);
      const ideas = await csvOf('table=ideas&lang=sv&timeZone=Europe/Helsinki');
      assert.equal(ideas[0], 'Idéns id;Fråga;Idé;Status;Sammanslagen med (id);Gillningar;Flaggade ord;Skribent;Skickad');
      assert.match(ideas[1], /^i1;main;Pyöräteitä keskustaan;Synlig;;0;;p1;\d{4}-\d\d-\d\d \d\d:\d\d$/);
      const results = await csvOf('table=results&lang=en&timeZone=Europe/Helsinki');
      assert.ok(results[1].endsWith(',no'), `booleans in words: ${results[1]}`);
      // The JSON export stays machine-readable, and the element's download of it writes the same file.
      const json = await api.get<{ tables: Record<string, Array<Record<string, string | number | boolean | null>>> }>(`/events/${id}/activities/board/export`, organiser);
      assert.match(String(json.body.tables.ideas[0].createdAt), /T.*Z$/);
      assert.deepEqual(ideas.slice(0, 2), toCsv(json.body.tables.ideas, { delimiter: ';', labels: (await import('../src/i18n/board/sv.js')).boardSv.export, timeZone: 'Europe/Helsinki' }).replace(/^\uFEFF/, '').split('\r\n').slice(0, 2));
      assert.equal((await csvOf('table=ideas&lang=fi&delimiter=comma'))[0].split(',')[0], boardFi.export.columns.idea);
      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=csv&table=ideas&lang=de`, organiser), 'lang', 'notAllowed');
      assertInvalid(await api.get(`/events/${id}/activities/board/export?format=csv&table=ideas&timeZone=Mars/Olympus`, organiser), 'timeZone', 'notAllowed');
    });

    // Last: it closes this describe's server.
    test('closing the server ends open streams', async () => {
      const id = newEventId();
      await api.create(boardEvent(id));
      const stream = await SseClient.open(`${server.url}/api/v1/events/${id}/stream`);
      // (Streams of earlier tests may still be closing.)
      assert.ok(server.hub.size >= 1);
      await server.close();
      closed = true;
      await stream.ended;
      assert.equal(server.hub.size, 0);
    });
  });

  describe(`rate limits and coalescing on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let api: Api;

    before(async () => {
      database = await testDatabase(backend);
      // Behind a trusted proxy, so each test can be its own network (X-Forwarded-For).
      server = await startServer({
        port: 0,
        database: database.url,
        adminToken: ADMIN_TOKEN,
        allowedOrigins: [ORIGIN],
        trustProxy: true,
        rateLimit: { perDevice: 3, perIp: 8, newDevicesPerIp: 5, windowMs: 10 * 60_000 },
        coalesceMs: 10 * 60_000,
        heartbeatMs: 50,
      });
      api = new Api(server.url);
    });

    after(async () => {
      await server?.close();
      await database?.stop();
    });

    test('limits writes per device with Retry-After, without locking out the rest of the network, up to a ceiling per IP', async () => {
      const id = newEventId();
      await api.create(boardEvent(id), { 'x-forwarded-for': '10.9.9.9' });
      const school = '10.0.0.1';
      const bind = (device: string, ip = school) => api.post<ErrorAnswer>(`/events/${id}/participants`, {}, { 'x-osa-device': device, 'x-forwarded-for': ip, origin: ORIGIN });
      const [a, b, c, d] = [newDevice(), newDevice(), newDevice(), newDevice()];
      for (let index = 0; index < 3; index += 1) assert.equal((await bind(a)).status, 200);
      const limited = await bind(a);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(limited.body.error.retryAfter! >= 1 && limited.body.error.retryAfter! <= 600, String(limited.body.error.retryAfter));
      assert.equal(limited.headers.get('retry-after'), String(limited.body.error.retryAfter));
      assert.equal(limited.headers.get('access-control-allow-origin'), ORIGIN, 'the browser can read the 429');
      assert.match(limited.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      // Same network, other devices: not locked out (4 requests from the school so far).
      for (let index = 0; index < 3; index += 1) assert.equal((await bind(b)).status, 200);
      assert.equal((await bind(c)).status, 200);
      // 8 requests from the school: the ceiling is reached for every device there, reads included.
      const ceiling = await bind(d);
      assert.equal(ceiling.status, 429);
      assert.match(ceiling.body.error.message, /network/);
      assert.equal((await api.get(`/events/${id}`, { 'x-forwarded-for': school })).status, 429);
      // Another network is not affected; the device's own limit follows the device.
      assert.equal((await bind(d, '10.0.0.2')).status, 200);
      assert.equal((await bind(a, '10.0.0.2')).status, 429);
      const stored = await server.store.query('SELECT * FROM participants WHERE event_id = $1', [id]);
      assert.ok(!JSON.stringify(stored).includes('10.0.0.'), 'no IP address is stored');
    });

    test('limits new devices per network, so made-up device tokens do not get around the device limit', async () => {
      const id = newEventId();
      await api.create(boardEvent(id), { 'x-forwarded-for': '10.9.9.8' });
      const network = '10.0.2.1';
      const bind = (device: string, ip = network) => api.post<ErrorAnswer>(`/events/${id}/participants`, {}, { 'x-osa-device': device, 'x-forwarded-for': ip, origin: ORIGIN });
      const known = newDevice();
      for (let index = 0; index < 5; index += 1) assert.equal((await bind(index === 0 ? known : newDevice())).status, 200, `new device ${index + 1}`);
      const sixth = await bind(newDevice());
      assert.equal(sixth.status, 429);
      assert.match(sixth.body.error.message, /new devices/);
      assert.equal((await bind(known)).status, 200, 'a device already seen goes on');
      assert.equal((await bind(newDevice(), '10.0.2.2')).status, 200, 'another network is not affected');
    });

    test('coalesces the changes of a tick into one message', async () => {
      const ip = { 'x-forwarded-for': '10.0.1.1' };
      const id = newEventId();
      const key = await api.create(boardEvent(id), ip);
      const stream = await SseClient.open(`${server.url}/api/v1/events/${id}/stream`, { 'x-osa-organiser': key, ...ip });
      try {
        for (const text of ['Ensimmäinen idea', 'Toinen, aivan eri idea', 'Kolmas ehdotus täysin muuta']) {
          const answer = await api.command(id, 'board', 'submitIdea', { text, force: true }, { device: newDevice() }, newKey(), ip);
          assert.equal(answer.status, 200);
        }
        const end = (await rowCounts(server.store, id)).seq;
        // The coalescing window is ten minutes here: nothing has gone out yet.
        assert.equal(stream.changeMessages().length, 0);
        server.hub.flushAll();
        await stream.waitForSeq(end);
        assert.equal(stream.changeMessages().length, 1, 'one message for the whole tick');
        assert.equal(stream.changeMessages()[0].id, String(end));
        assert.deepEqual(
          stream.changes().map((change) => change.seq),
          range(1, end),
        );
        // Heartbeats keep the idle stream open through proxies.
        await stream.waitFor(() => stream.comments.includes('heartbeat'));
      } finally {
        stream.close();
      }
    });
  });
}
