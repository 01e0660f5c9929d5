/**
 * The operations an organiser console needs, against a real server on loopback (PGlite and
 * PostgreSQL): invitations, adding an activity to an event, editing titles and languages, and
 * replacing the organiser key from the browser; what a participant cannot do; and that the edits
 * reach a restarted server, an evicted ledger and a second instance on the same PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Change } from '../src/core/activity.js';
import type { EventInfo } from '../src/core/protocol.js';
import { startServer, type RunningServer } from './index.js';
import { sha256 } from './secrets.js';
import {
  ADMIN_TOKEN,
  Api,
  BACKENDS,
  SseClient,
  boardEvent,
  newDevice,
  newEventId,
  serverForSuite,
  skipReason,
  testDatabase,
  type Answer,
  type ErrorAnswer,
  type TestDatabase,
} from './test/helpers.js';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const invited = (token: string) => ({ authorization: `Invitation ${token}` });
const organiser = (key: string) => ({ 'x-osa-organiser': key });

interface Invitation {
  invitation: string;
  expiresAt: string;
  uses: number;
}

function assertError(answer: Answer<unknown>, status: number, code: string, field?: string): ErrorAnswer['error'] & { refusal?: string } {
  const { error } = answer.body as ErrorAnswer & { error: { refusal?: string } };
  assert.equal(answer.status, status, answer.text);
  assert.equal(error.code, code, answer.text);
  if (field !== undefined) assert.equal(error.field, field, answer.text);
  assert.ok(error.message.length > 0);
  return error;
}

const CLOUD = { id: 'words', kind: 'cloud', title: { fi: 'Sanat', en: 'Words' }, config: { maxWords: 2 }, phase: 'open' };

for (const backend of BACKENDS) {
  describe(`console operations on ${backend}`, { skip: skipReason(backend) }, () => {
    const suite = serverForSuite(backend);
    const invite = async (body: Record<string, unknown> = {}): Promise<Invitation> => {
      const answer = await suite.api.post<Invitation>('/invitations', body, admin);
      assert.equal(answer.status, 201, answer.text);
      return answer.body;
    };

    test('an invitation: made with the admin token, stored hashed, checked, used once to create an event', async () => {
      const before = Date.now();
      const made = await invite({ uses: 2, days: 3 });
      assert.match(made.invitation, /^[A-Za-z0-9_-]{32}$/);
      assert.equal(made.uses, 2);
      const expires = Date.parse(made.expiresAt);
      assert.ok(expires >= before + 3 * 86_400_000 && expires <= Date.now() + 3 * 86_400_000, made.expiresAt);
      const rows = await suite.server.store.query('SELECT * FROM invitations');
      assert.ok(rows.some((row) => row.token_hash === sha256(made.invitation)));
      assert.ok(!JSON.stringify(rows).includes(made.invitation), 'the token itself is never stored');

      assert.deepEqual((await suite.api.get('/invitations/current', invited(made.invitation))).body, { valid: true, expiresAt: made.expiresAt, usesLeft: 2 });
      const id = newEventId('invited');
      const created = await suite.api.post<{ eventId: string; organiserKey: string }>('/events', boardEvent(id), invited(made.invitation));
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.eventId, id);
      assert.equal((await suite.api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: created.body.organiserKey })).status, 200);
      assert.equal((await suite.api.get('/invitations/current', invited(made.invitation))).body.usesLeft, 1);
      assert.equal((await suite.api.post('/events', boardEvent(newEventId('invited')), invited(made.invitation))).status, 201);

      const used = assertError(await suite.api.get('/invitations/current', invited(made.invitation)), 403, 'forbidden', 'Authorization');
      assert.equal(used.refusal, 'used');
      const third = newEventId('invited');
      assert.equal(assertError(await suite.api.post('/events', boardEvent(third), invited(made.invitation)), 403, 'forbidden').refusal, 'used');
      assert.equal((await suite.api.get(`/events/${third}`)).status, 404, 'nothing was created');
    });

    test('an unknown or expired invitation is refused with its reason, and creates nothing', async () => {
      const unknown = assertError(await suite.api.get('/invitations/current', invited('x'.repeat(32))), 403, 'forbidden', 'Authorization');
      assert.equal(unknown.refusal, 'unknown');
      assert.match(unknown.message, /not known/);

      const made = await invite();
      await suite.server.store.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [sha256(made.invitation)]);
      const expired = assertError(await suite.api.get('/invitations/current', invited(made.invitation)), 403, 'forbidden');
      assert.equal(expired.refusal, 'expired');
      assert.match(expired.message, /expired/);
      const id = newEventId('late');
      assert.equal(assertError(await suite.api.post('/events', boardEvent(id), invited(made.invitation)), 403, 'forbidden').refusal, 'expired');
      assert.equal((await suite.api.get(`/events/${id}`)).status, 404);
      const [row] = await suite.server.store.query<{ uses_left: unknown }>('SELECT uses_left FROM invitations WHERE token_hash = $1', [sha256(made.invitation)]);
      assert.equal(Number(row.uses_left), 1, 'a refused creation takes no use');

      // An invalid definition with a good invitation takes no use either.
      const good = await invite();
      assertError(await suite.api.post('/events', { ...boardEvent(newEventId()), activities: [{ id: 'x', kind: 'poll' }] }, invited(good.invitation)), 400, 'invalid', 'activities.0.kind');
      assert.equal((await suite.api.get('/invitations/current', invited(good.invitation))).body.usesLeft, 1);
    });

    test('two creations at once on an invitation with one use: exactly one succeeds', async () => {
      for (let round = 0; round < 4; round += 1) {
        const made = await invite({ uses: 1 });
        const ids = [newEventId('race'), newEventId('race'), newEventId('race')];
        const answers = await Promise.all(ids.map((id) => suite.api.post('/events', boardEvent(id), invited(made.invitation))));
        assert.deepEqual(
          answers.map((answer) => answer.status).sort(),
          [201, 403, 403],
          answers.map((answer) => answer.text).join('\n'),
        );
        for (const answer of answers.filter((one) => one.status === 403)) assert.equal(assertError(answer, 403, 'forbidden').refusal, 'used');
        const existing = await Promise.all(ids.map(async (id) => (await suite.api.get(`/events/${id}`)).status));
        assert.deepEqual(existing.sort(), [200, 404, 404]);
        const [row] = await suite.server.store.query<{ uses_left: unknown }>('SELECT uses_left FROM invitations WHERE token_hash = $1', [sha256(made.invitation)]);
        assert.equal(Number(row.uses_left), 0);
      }
    });

    test('invitations need the admin token; their input is checked naming the field', async () => {
      assertError(await suite.api.post('/invitations', {}), 403, 'forbidden', 'Authorization');
      assertError(await suite.api.post('/invitations', {}, { authorization: 'Bearer not-the-admin-token-at-all' }), 403, 'forbidden');
      assertError(await suite.api.post('/invitations', {}, { 'x-osa-device': newDevice() }), 403, 'forbidden');
      // An invitation cannot make invitations.
      const made = await invite();
      assertError(await suite.api.post('/invitations', {}, invited(made.invitation)), 403, 'forbidden');
      assertError(await suite.api.post('/invitations', { uses: 0 }, admin), 400, 'invalid', 'uses');
      assertError(await suite.api.post('/invitations', { uses: 1001 }, admin), 400, 'invalid', 'uses');
      assertError(await suite.api.post('/invitations', { days: 1.5 }, admin), 400, 'invalid', 'days');
      assertError(await suite.api.post('/invitations', { days: 366 }, admin), 400, 'invalid', 'days');
      assertError(await suite.api.post('/invitations', { colour: 'red' }, admin), 400, 'invalid', 'colour');
      const defaults = await invite();
      assert.equal(defaults.uses, 1);
      assert.ok(Math.abs(Date.parse(defaults.expiresAt) - Date.now() - 14 * 86_400_000) < 60_000);
      // Without any credential the existing message stays.
      const none = assertError(await suite.api.post('/events', boardEvent(newEventId())), 403, 'forbidden', 'Authorization');
      assert.match(none.message, /needs the admin token/);
      assertError(await suite.api.get('/invitations/current'), 403, 'forbidden', 'Authorization');
    });

    test('adds an activity to an event: shown at once, usable at once, checked as at creation', async () => {
      const id = newEventId('add');
      const key = await suite.api.create(boardEvent(id));
      const added = await suite.api.post<EventInfo>(`/events/${id}/activities`, CLOUD, organiser(key));
      assert.equal(added.status, 201, added.text);
      assert.deepEqual(added.body.activities, [
        { id: 'board', kind: 'board', title: 'Board', phase: 'collect' },
        { id: 'words', kind: 'cloud', title: { fi: 'Sanat', en: 'Words' }, phase: 'open' },
      ]);
      assert.deepEqual((await suite.api.get(`/events/${id}`)).body, added.body);
      const device = newDevice();
      const submitted = await suite.api.command<{ result: { terms: string[] } }>(id, 'words', 'submit', { text: 'koulu kirjasto' }, { device });
      assert.equal(submitted.status, 200, submitted.text);
      assertError(await suite.api.command(id, 'words', 'submit', { text: 'yksi kaksi kolme' }, { device }), 400, 'invalid', 'text');
      const snapshot = await suite.api.get<{ config: { maxWords: number }; phase: string }>(`/events/${id}/activities/words`, { 'x-osa-device': device });
      assert.equal(snapshot.body.config.maxWords, 2);
      assert.equal(snapshot.body.phase, 'open');
      // An activity without a phase starts in its kind's first.
      const poll = await suite.api.post<EventInfo>(`/events/${id}/activities`, { id: 'poll', kind: 'feedback' }, organiser(key));
      assert.equal(poll.body.activities.at(-1)!.phase, 'preparing');
      assert.equal(poll.body.activities.at(-1)!.title, 'poll');

      assertError(await suite.api.post(`/events/${id}/activities`, { ...CLOUD, title: 'Again' }, organiser(key)), 409, 'conflict', 'id');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'poll2', kind: 'poll' }, organiser(key)), 400, 'invalid', 'kind');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'Not A Slug', kind: 'cloud' }, organiser(key)), 400, 'invalid', 'id');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'c2', kind: 'cloud', config: { maxWords: 0 } }, organiser(key)), 400, 'invalid', 'config.maxWords');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'c2', kind: 'cloud', phase: 'vote' }, organiser(key)), 400, 'invalid', 'phase');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'c2', kind: 'cloud', colour: 'red' }, organiser(key)), 400, 'invalid', 'colour');
      assertError(await suite.api.post(`/events/${id}/activities`, { id: 'c2', kind: 'cloud', title: 'a\u0000b' }, organiser(key)), 400, 'invalid', 'title');
      assertError(await suite.api.post(`/events/${id}/activities`, { kind: 'cloud' }, organiser(key)), 400, 'invalid', 'id');
      assertError(await suite.api.post(`/events/no-such-event/activities`, CLOUD, organiser(key)), 404, 'not_found');
      const info = await suite.api.get<EventInfo>(`/events/${id}`);
      assert.deepEqual(
        info.body.activities.map((activity) => activity.id),
        ['board', 'words', 'poll'],
        'refused additions left nothing',
      );
    });

    test('an event holds at most 100 activities, as at creation', async () => {
      const id = newEventId('full');
      const activities = Array.from({ length: 99 }, (_, index) => ({ id: `b${index}`, kind: 'board' }));
      const key = await suite.api.create({ ...boardEvent(id), activities });
      assert.equal((await suite.api.post(`/events/${id}/activities`, { id: 'last', kind: 'cloud' }, organiser(key))).status, 201);
      const error = assertError(await suite.api.post(`/events/${id}/activities`, { id: 'one-more', kind: 'cloud' }, organiser(key)), 400, 'invalid', 'activities');
      assert.deepEqual(error.reason, { kind: 'tooMany', limit: 100 });
    });

    test('edits titles and languages; a title change reaches the activity\'s streams', async () => {
      const id = newEventId('edit');
      const key = await suite.api.create(boardEvent(id));
      const device = newDevice();
      const stream = await SseClient.open(`${suite.server.url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-device': device });
      try {
        const renamed = await suite.api.request<EventInfo>('PATCH', `/events/${id}/activities/board`, { body: { title: { fi: 'Teemat', sv: 'Teman', en: 'Themes' } }, headers: organiser(key) });
        assert.equal(renamed.status, 200, renamed.text);
        assert.deepEqual(renamed.body.activities[0].title, { fi: 'Teemat', sv: 'Teman', en: 'Themes' });
        await stream.waitFor(() => stream.changes().some((change) => change.type === 'title'));
        const change = stream.changes().find((one) => one.type === 'title') as Change<{ title: unknown }>;
        assert.equal(change.activity, 'board');
        assert.deepEqual(change.data.title, { fi: 'Teemat', sv: 'Teman', en: 'Themes' });
        const snapshot = await suite.api.get<{ title: unknown }>(`/events/${id}/activities/board`, { 'x-osa-device': device });
        assert.deepEqual(snapshot.body.title, { fi: 'Teemat', sv: 'Teman', en: 'Themes' });

        const event = await suite.api.request<EventInfo>('PATCH', `/events/${id}`, { body: { title: 'Kevätseminaari', languages: ['sv', 'fi'] }, headers: organiser(key) });
        assert.equal(event.status, 200, event.text);
        assert.equal(event.body.title, 'Kevätseminaari');
        assert.deepEqual(event.body.languages, ['sv', 'fi']);
        const titleOnly = await suite.api.request<EventInfo>('PATCH', `/events/${id}`, { body: { title: { fi: 'Syysseminaari' } }, headers: organiser(key) });
        assert.deepEqual([titleOnly.body.title, titleOnly.body.languages], [{ fi: 'Syysseminaari' }, ['sv', 'fi']]);
        assert.deepEqual((await suite.api.get(`/events/${id}`)).body, titleOnly.body);
      } finally {
        stream.close();
      }
      const patch = (path: string, body: unknown, headers: Record<string, string> = organiser(key)) => suite.api.request('PATCH', path, { body, headers });
      assertError(await patch(`/events/${id}`, { languages: ['de'] }), 400, 'invalid', 'languages.0');
      assertError(await patch(`/events/${id}`, { languages: [] }), 400, 'invalid', 'languages');
      assertError(await patch(`/events/${id}`, {}), 400, 'invalid', 'title');
      assertError(await patch(`/events/${id}`, { title: '' }), 400, 'invalid', 'title');
      assertError(await patch(`/events/${id}`, { id: 'other' }), 400, 'invalid', 'id');
      assertError(await patch(`/events/${id}/activities/board`, {}), 400, 'invalid', 'title');
      assertError(await patch(`/events/${id}/activities/board`, { title: 'x', config: {} }), 400, 'invalid', 'config');
      assertError(await patch(`/events/${id}/activities/board`, { title: { de: 'Themen' } }), 400, 'invalid', 'title');
      assertError(await patch(`/events/${id}/activities/nothing`, { title: 'x' }), 404, 'not_found');
    });

    test('a participant (device only), a wrong key or no key can do none of it, and never sees invitation data', async () => {
      const id = newEventId('guard');
      const key = await suite.api.create(boardEvent(id));
      const made = await invite();
      const device = newDevice();
      const wrongKey = 'w'.repeat(32);
      const seen: string[] = [];
      const callers: Array<Record<string, string>> = [{ 'x-osa-device': device }, { 'x-osa-device': device, 'x-osa-organiser': wrongKey }, { 'x-osa-organiser': wrongKey }, {}];
      for (const headers of callers) {
        const answers = [
          await suite.api.post(`/events/${id}/activities`, CLOUD, headers),
          await suite.api.request('PATCH', `/events/${id}/activities/board`, { body: { title: 'Hijacked' }, headers }),
          await suite.api.request('PATCH', `/events/${id}`, { body: { title: 'Hijacked' }, headers }),
          await suite.api.post(`/events/${id}/organiser-key`, {}, headers),
          await suite.api.post('/invitations', {}, headers),
          await suite.api.get('/invitations/current', headers),
        ];
        for (const answer of answers) {
          assertError(answer, 403, 'forbidden');
          seen.push(answer.text);
        }
      }
      const info = await suite.api.get<EventInfo>(`/events/${id}`, { 'x-osa-device': device });
      assert.deepEqual(info.body.activities, [{ id: 'board', kind: 'board', title: 'Board', phase: 'collect' }]);
      seen.push(info.text, (await suite.api.get(`/events/${id}/activities/board`, { 'x-osa-device': device })).text);
      const stream = await SseClient.open(`${suite.server.url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-device': device });
      await suite.api.post(`/events/${id}/activities`, CLOUD, organiser(key));
      await suite.api.command(id, 'words', 'submit', { text: 'kirjasto' }, { device: newDevice() });
      await stream.waitFor(() => stream.changes().some((change) => change.activity === 'words'));
      stream.close();
      seen.push(JSON.stringify(stream.messages));
      assert.ok(!stream.changes().some((change) => change.activity === ''), "the event's own changes are not streamed");
      for (const text of seen) {
        assert.ok(!text.includes(made.invitation) && !text.includes(sha256(made.invitation)), text);
        assert.ok(!text.includes(key) && !text.includes(sha256(key)), text);
      }
    });

    test('replaces the organiser key from the browser: the old key stops at once, its streams end and are refused', async () => {
      const id = newEventId('rotate');
      const oldKey = await suite.api.create(boardEvent(id));
      const device = newDevice();
      const organiserStream = await SseClient.open(`${suite.server.url}/api/v1/events/${id}/stream?since=0`, organiser(oldKey));
      const participantStream = await SseClient.open(`${suite.server.url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-device': device });
      try {
        const rotated = await suite.api.post<{ organiserKey: string }>(`/events/${id}/organiser-key`, {}, organiser(oldKey));
        assert.equal(rotated.status, 200, rotated.text);
        const newKey = rotated.body.organiserKey;
        assert.match(newKey, /^[A-Za-z0-9_-]{32}$/);
        assert.notEqual(newKey, oldKey);
        assert.equal(rotated.headers.get('cache-control'), 'no-store');

        await organiserStream.ended;
        assertError(await suite.api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: oldKey }), 403, 'forbidden');
        assertError(await suite.api.get(`/events/${id}/activities/board/export`, organiser(oldKey)), 403, 'forbidden');
        assertError(await suite.api.post(`/events/${id}/activities`, CLOUD, organiser(oldKey)), 403, 'forbidden');
        assert.equal((await suite.api.post(`/events/${id}/participants`, {}, organiser(oldKey))).body.organiser, false);
        const reconnect = await fetch(`${suite.server.url}/api/v1/events/${id}/stream`, { headers: { accept: 'text/event-stream', ...organiser(oldKey) } });
        assert.equal(reconnect.status, 403);
        assert.equal(((await reconnect.json()) as ErrorAnswer).error.field, 'X-Osa-Organiser');
        // Rotating again with the old key is refused; with the new one it works.
        assertError(await suite.api.post(`/events/${id}/organiser-key`, {}, organiser(oldKey)), 403, 'forbidden');
        assert.equal((await suite.api.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: newKey })).status, 200);
        // The participant's stream stayed open and goes on.
        await participantStream.waitFor(() => participantStream.changes().some((change) => change.type === 'phase'));
        const fresh = await SseClient.open(`${suite.server.url}/api/v1/events/${id}/stream?since=0`, organiser(newKey));
        fresh.close();
        assertError(await suite.api.post(`/events/${id}/organiser-key`, { colour: 'red' }, organiser(newKey)), 400, 'invalid', 'colour');
        const withoutBody = await fetch(`${suite.server.url}/api/v1/events/${id}/organiser-key`, { method: 'POST', headers: organiser(newKey) });
        assert.equal(withoutBody.status, 200, 'no body at all is fine too');
      } finally {
        organiserStream.close();
        participantStream.close();
      }
    });

    test('two rotations with one key at once: one gets the new key, the other is refused', async () => {
      const id = newEventId('rotate-race');
      const key = await suite.api.create(boardEvent(id));
      const answers = await Promise.all([0, 1, 2].map(() => suite.api.post<{ organiserKey?: string }>(`/events/${id}/organiser-key`, {}, organiser(key))));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 403, 403]);
      const winner = answers.find((answer) => answer.status === 200)!.body.organiserKey!;
      assert.equal((await suite.api.post(`/events/${id}/participants`, {}, organiser(winner))).body.organiser, true);
    });

    test('an added activity and edits survive eviction: the reloaded ledger replays them', async () => {
      const id = newEventId('evict');
      const key = await suite.api.create(boardEvent(id));
      await suite.api.post(`/events/${id}/activities`, CLOUD, organiser(key));
      await suite.api.request('PATCH', `/events/${id}`, { body: { title: 'Uusi nimi', languages: ['en'] }, headers: organiser(key) });
      await suite.api.request('PATCH', `/events/${id}/activities/board`, { body: { title: 'Ideat' }, headers: organiser(key) });
      await suite.api.command(id, 'words', 'submit', { text: 'uimahalli' }, { device: newDevice() });
      const beforeEviction = await suite.api.get(`/events/${id}`);
      const snapshotBefore = await suite.api.get(`/events/${id}/activities/words`, organiser(key));
      suite.server.service.evict(id);
      assert.ok(!suite.server.service.loadedEvents.includes(id));
      assert.deepEqual((await suite.api.get(`/events/${id}`)).body, beforeEviction.body);
      assert.deepEqual((await suite.api.get(`/events/${id}/activities/words`, organiser(key))).body, snapshotBefore.body);
    });
  });
}

describe('console operations across a restart (PGlite data directory)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osa-console-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an added activity, new titles and a replaced key are there after the server restarts', async () => {
    const id = newEventId('restart');
    let server = await startServer({ port: 0, database: dir, adminToken: ADMIN_TOKEN, pgliteSync: 'off' });
    let newKey: string;
    let info: unknown;
    try {
      const api = new Api(server.url);
      const key = await api.create(boardEvent(id));
      assert.equal((await api.post(`/events/${id}/activities`, CLOUD, organiser(key))).status, 201);
      await api.request('PATCH', `/events/${id}/activities/words`, { body: { title: 'Sanapilvi' }, headers: organiser(key) });
      await api.request('PATCH', `/events/${id}`, { body: { title: 'Kevät', languages: ['fi'] }, headers: organiser(key) });
      newKey = (await api.post<{ organiserKey: string }>(`/events/${id}/organiser-key`, {}, organiser(key))).body.organiserKey;
      info = (await api.get(`/events/${id}`)).body;
    } finally {
      await server.close();
    }
    server = await startServer({ port: 0, database: dir, adminToken: ADMIN_TOKEN, pgliteSync: 'off' });
    try {
      const api = new Api(server.url);
      assert.deepEqual((await api.get(`/events/${id}`)).body, info);
      assert.deepEqual(info, {
        id,
        title: 'Kevät',
        languages: ['fi'],
        activities: [
          { id: 'board', kind: 'board', title: 'Board', phase: 'collect' },
          { id: 'words', kind: 'cloud', title: 'Sanapilvi', phase: 'open' },
        ],
      });
      assert.equal((await api.command(id, 'words', 'submit', { text: 'kirjasto' }, { device: newDevice() })).status, 200);
      assert.equal((await api.command(id, 'words', 'setPhase', { phase: 'closed' }, { organiser: newKey })).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('console operations on two instances sharing PostgreSQL', { skip: skipReason('postgres') }, () => {
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  let apiA: Api;
  let apiB: Api;

  before(async () => {
    database = await testDatabase('postgres');
    for (let index = 0; index < 2; index += 1) servers.push(await startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, coalesceMs: 20 }));
    apiA = new Api(servers[0].url);
    apiB = new Api(servers[1].url);
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.stop();
  });

  test('an activity added and renamed through one instance is there at once on the other, which already had the event loaded', async () => {
    const id = newEventId('multi-add');
    const key = await apiA.create(boardEvent(id));
    const device = newDevice();
    // The second instance loads the event (and streams it) before the activity exists.
    assert.equal((await apiB.get<EventInfo>(`/events/${id}`)).body.activities.length, 1);
    const stream = await SseClient.open(`${servers[1].url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-device': device });
    try {
      assert.equal((await apiA.post(`/events/${id}/activities`, CLOUD, organiser(key))).status, 201);
      const onB = await apiB.get<EventInfo>(`/events/${id}`);
      assert.deepEqual(
        onB.body.activities.map((activity) => activity.id),
        ['board', 'words'],
      );
      const submitted = await apiB.command(id, 'words', 'submit', { text: 'uimahalli' }, { device });
      assert.equal(submitted.status, 200, submitted.text);
      await apiB.request('PATCH', `/events/${id}/activities/words`, { body: { title: 'Sanat' }, headers: organiser(key) });
      assert.equal((await apiA.get<EventInfo>(`/events/${id}`)).body.activities[1].title, 'Sanat');
      await stream.waitFor(() => stream.changes().some((change) => change.activity === 'words' && change.type === 'title'));
    } finally {
      stream.close();
    }
  });

  test('a key replaced through one instance ends the old key\'s streams on the other', async () => {
    const id = newEventId('multi-key');
    const key = await apiA.create(boardEvent(id));
    const onB = await SseClient.open(`${servers[1].url}/api/v1/events/${id}/stream?since=0`, organiser(key));
    try {
      const rotated = await apiA.post<{ organiserKey: string }>(`/events/${id}/organiser-key`, {}, organiser(key));
      assert.equal(rotated.status, 200);
      await onB.ended;
      assert.equal((await fetch(`${servers[1].url}/api/v1/events/${id}/stream`, { headers: organiser(key) })).status, 403);
      const fresh = await SseClient.open(`${servers[1].url}/api/v1/events/${id}/stream`, organiser(rotated.body.organiserKey));
      fresh.close();
    } finally {
      onB.close();
    }
  });

  test('one invitation use taken through both instances at once: exactly one event', async () => {
    for (let round = 0; round < 3; round += 1) {
      const made = (await apiA.post<Invitation>('/invitations', { uses: 1 }, admin)).body;
      const ids = [newEventId('multi-race'), newEventId('multi-race')];
      const answers = await Promise.all([apiA.post('/events', boardEvent(ids[0]), invited(made.invitation)), apiB.post('/events', boardEvent(ids[1]), invited(made.invitation))]);
      assert.deepEqual(
        answers.map((answer) => answer.status).sort(),
        [201, 403],
        answers.map((answer) => answer.text).join('\n'),
      );
      const rows = await servers[0].store.query('SELECT id FROM events WHERE id = ANY($1)', [ids]);
      assert.equal(rows.length, 1);
    }
  });
});
