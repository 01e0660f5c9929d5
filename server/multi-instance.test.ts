/**
 * Two server instances on one PostgreSQL: changes reach the other instance's streams through
 * LISTEN/NOTIFY, and concurrent writes through both keep one gapless sequence.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './index.js';
import { ADMIN_TOKEN, Api, SseClient, boardEvent, newDevice, newEventId, newKey, skipReason, testDatabase, type TestDatabase } from './test/helpers.js';

describe('two server instances on one PostgreSQL', { skip: skipReason('postgres') }, () => {
  let database: TestDatabase;
  let first: RunningServer;
  let second: RunningServer;
  const servers: RunningServer[] = [];
  let apiA: Api;
  let apiB: Api;

  before(async () => {
    database = await testDatabase('postgres');
    // Started together: they also race to migrate the empty database.
    const started = await Promise.allSettled([
      startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, coalesceMs: 20 }),
      startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, coalesceMs: 20 }),
    ]);
    for (const outcome of started) if (outcome.status === 'fulfilled') servers.push(outcome.value);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    [first, second] = servers;
    apiA = new Api(first.url);
    apiB = new Api(second.url);
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.stop();
  });

  test('a change written through one instance reaches a stream on the other', async () => {
    const id = newEventId('multi');
    const key = await apiA.create(boardEvent(id));
    const device = newDevice();
    const stream = await SseClient.open(`${second.url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-device': device });
    try {
      const written = await apiA.command<{ result: { ideaId: string } }>(id, 'board', 'submitIdea', { text: 'Uimahalli auki myös sunnuntaisin' }, { device: newDevice() });
      assert.equal(written.status, 200);
      await stream.waitFor(() => stream.changes().some((change) => change.type === 'idea'));
      const idea = stream.changes().find((change) => change.type === 'idea')!;
      assert.equal((idea.data as { idea: { text: string } }).idea.text, 'Uimahalli auki myös sunnuntaisin');
      // A phase set through the second instance is seen by a read through the first.
      assert.equal((await apiB.command(id, 'board', 'setPhase', { phase: 'vote' }, { organiser: key })).status, 200);
      const info = await apiA.get<{ activities: Array<{ phase: string }> }>(`/events/${id}`);
      assert.equal(info.body.activities[0].phase, 'vote');
    } finally {
      stream.close();
    }
  });

  test('concurrent writes through both instances keep seq gapless and both ledgers equal', async () => {
    const id = newEventId('multi');
    const key = await apiA.create(boardEvent(id, { maxIdeasPerParticipant: 200 }));
    const watcher = await SseClient.open(`${first.url}/api/v1/events/${id}/stream?since=0`, { 'x-osa-organiser': key });
    try {
      const writes = Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? apiA : apiB).command<{ result: { status: string; ideaId: string } }>(
          id,
          'board',
          'submitIdea',
          { text: `Ehdotus numero ${index}`, force: true },
          { device: newDevice() },
        ),
      );
      const answers = await Promise.all(writes);
      for (const answer of answers) assert.equal(answer.status, 200, answer.text);
      const ideaIds = answers.map((answer) => answer.body.result.ideaId);
      assert.equal(new Set(ideaIds).size, 40, 'every write saw the ones before it');

      const rows = await first.store.query<{ seq: unknown }>('SELECT seq FROM changes WHERE event_id = $1 ORDER BY seq', [id]);
      const seqs = rows.map((row) => Number(row.seq));
      assert.deepEqual(
        seqs,
        seqs.map((_, index) => index + 1),
        'seq 1…n without a gap',
      );
      const [event] = await first.store.query<{ seq: unknown }>('SELECT seq FROM events WHERE id = $1', [id]);
      assert.equal(Number(event.seq), seqs.length);

      const organiser = { 'x-osa-organiser': key };
      const [viewA, viewB] = await Promise.all([apiA.get(`/events/${id}/activities/board`, organiser), apiB.get(`/events/${id}/activities/board`, organiser)]);
      assert.equal(viewA.body.seq, seqs.length);
      assert.deepEqual(viewA.body.state, viewB.body.state);
      // The first instance's stream carried the second instance's writes too, each once, in order.
      await watcher.waitForSeq(seqs.length);
      assert.deepEqual(
        watcher.changes().map((change) => change.seq),
        seqs,
      );
    } finally {
      watcher.close();
    }
  });

  test('one idempotency key sent to both instances at once is written once', async () => {
    const id = newEventId('multi');
    await apiA.create(boardEvent(id));
    const device = { device: newDevice() };
    const key = newKey();
    const payload = { text: 'Lisää penkkejä puistoihin' };
    const [a, b] = await Promise.all([apiA.command(id, 'board', 'submitIdea', payload, device, key), apiB.command(id, 'board', 'submitIdea', payload, device, key)]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const answers = [a.body, b.body] as Array<{ result: unknown; seq?: number }>;
    assert.deepEqual(answers[0].result, answers[1].result, 'both answer the same result');
    // One of them wrote (and names its change), the other replayed it (and names none).
    assert.deepEqual(answers.map((answer) => answer.seq === undefined).sort(), [false, true]);
    const rows = await first.store.query("SELECT seq FROM changes WHERE event_id = $1 AND type = 'idea'", [id]);
    assert.equal(rows.length, 1);
  });
});
