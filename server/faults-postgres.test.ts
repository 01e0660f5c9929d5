/**
 * Fault tests of two server instances on one PostgreSQL:
 * - PostgreSQL restarted while both run: writes before, during (refused, then sent again with the
 *   same idempotency key until answered) and after; both instances LISTEN again and catch up, and
 *   a subscriber on each receives every committed change once, in order;
 * - streams cut at random (seeded) points and resumed with `Last-Event-ID` on the other instance
 *   while writes flow through both: an organiser and a participant receive exactly what one
 *   uninterrupted stream gives them, no gap, no duplicate, and the participant nothing private
 *   to anyone else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Change } from '../src/core/activity.js';
import { createRandom, type Random } from '../src/core/ranking/random.js';
import { openStore } from './db/store.js';
import { startServer, type RunningServer } from './index.js';
import { startTempPostgres, type TempPostgres } from './test/postgres.js';
import { ADMIN_TOKEN, Api, CROWD_RATE_LIMIT, SseClient, boardEvent, newDevice, newEventId, newKey, skipReason } from './test/helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** seq 1…n */
const upTo = (n: number): number[] => Array.from({ length: n }, (_, index) => index + 1);

describe('faults of two instances on one PostgreSQL', { skip: skipReason('postgres') }, () => {
  let database: TempPostgres;
  const servers: RunningServer[] = [];
  let apis: Api[];

  before(async () => {
    database = await startTempPostgres();
    for (let index = 0; index < 2; index += 1) {
      servers.push(await startServer({ port: 0, database: database.url, adminToken: ADMIN_TOKEN, coalesceMs: 20, rateLimit: CROWD_RATE_LIMIT }));
    }
    apis = servers.map((server) => new Api(server.url));
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.stop();
  });

  /**
   * A command sent until it is answered, as the cache wrapper's outbox does: a failure without an
   * answer or a 5xx is sent again with the same idempotency key; anything else must be a 200.
   */
  async function sendUntilAnswered(api: Api, eventId: string, command: string, payload: unknown, as: { device?: string; organiser?: string }): Promise<{ retried: number; result: unknown }> {
    const key = newKey();
    for (let retried = 0; ; retried += 1) {
      let answer;
      try {
        answer = await api.command<{ result: unknown }>(eventId, 'board', command, payload, as, key);
      } catch {
        answer = undefined;
      }
      if (answer && answer.status < 500) {
        assert.equal(answer.status, 200, answer.text);
        return { retried, result: answer.body.result };
      }
      assert.ok(retried < 1000, `${command} was never answered: ${answer?.text}`);
      await sleep(50);
    }
  }

  async function committedSeqs(eventId: string): Promise<number[]> {
    const rows = await servers[0].store.query<{ seq: unknown }>('SELECT seq FROM changes WHERE event_id = $1 ORDER BY seq', [eventId]);
    return rows.map((row) => Number(row.seq));
  }

  test('PostgreSQL restarted while two instances run: both LISTEN again and catch up, subscribers miss nothing', { timeout: 60_000 }, async () => {
    const id = newEventId('pg-restart');
    const key = await apis[0].create(boardEvent(id, { maxIdeasPerParticipant: 200 }));
    const organiser = { 'x-osa-organiser': key };
    const subscribers = await Promise.all(servers.map((server) => SseClient.open(`${server.url}/api/v1/events/${id}/stream?since=0`, organiser)));
    try {
      const device = newDevice();
      let written = 0;
      const write = (api: Api): Promise<{ retried: number }> => sendUntilAnswered(api, id, 'submitIdea', { text: `Ehdotus numero ${(written += 1)}`, force: true }, { device });

      // Before: through both instances.
      for (let index = 0; index < 6; index += 1) await write(apis[index % 2]);

      // During: writes through both while PostgreSQL restarts; they fail and are sent again until answered.
      const restarting = database.restart();
      const during = await Promise.all(
        Array.from({ length: 2 }, async (_, instance) => {
          let retried = 0;
          for (let index = 0; index < 8; index += 1) retried += (await write(apis[instance])).retried;
          return retried;
        }),
      );
      await restarting;
      assert.ok(
        during.some((retried) => retried > 0),
        'some writes met the restart',
      );

      // After: each instance alone in turn, so the other's subscriber sees them only through LISTEN.
      for (const instance of [0, 1]) {
        for (let index = 0; index < 5; index += 1) await write(apis[instance]);
        const seqs = await committedSeqs(id);
        await Promise.all(subscribers.map((subscriber) => subscriber.waitForSeq(seqs.length, 20_000)));
      }

      const seqs = await committedSeqs(id);
      assert.deepEqual(seqs, upTo(seqs.length), 'committed seq 1…n without a gap');
      const ideas = await servers[0].store.query<{ text: string }>("SELECT data->'idea'->>'text' AS text FROM changes WHERE event_id = $1 AND type = 'idea'", [id]);
      assert.equal(ideas.length, written, 'every write recorded once');
      assert.equal(new Set(ideas.map((idea) => idea.text)).size, written);
      for (const subscriber of subscribers) {
        assert.deepEqual(
          subscriber.changes().map((change) => change.seq),
          seqs,
          'every committed change once, in order',
        );
      }
      // Both instances serve the same state.
      const [a, b] = await Promise.all(apis.map((api) => api.get(`/events/${id}/activities/board`, organiser)));
      assert.equal(a.body.seq, seqs.length);
      assert.deepEqual(a.body.state, b.body.state);
    } finally {
      for (const subscriber of subscribers) subscriber.close();
    }
  });

  test('streams cut at random points and resumed on the other instance: no gap, no duplicate, nothing private to others', { timeout: 60_000 }, async () => {
    const id = newEventId('cut');
    const definition = boardEvent(id, { mode: 'upvote', likesWhileCollecting: true, maxIdeasPerParticipant: 200, duplicateThreshold: 1 });
    definition.seed = Array.from({ length: 6 }, (_, index) => ({ activity: 'board', as: `s${index}`, command: 'submitIdea', payload: { text: `Alkuperäinen ehdotus ${index + 1}` } }));
    const key = await apis[0].create(definition);
    const organiser = { 'x-osa-organiser': key };
    const snapshot = await apis[0].get<{ state: { ideas: Record<string, unknown> } }>(`/events/${id}/activities/board`, organiser);
    const seededIdeas = Object.keys(snapshot.body.state.ideas);

    const viewerDevice = newDevice();
    const whoami = await apis[1].post<{ participant: string }>(`/events/${id}/participants`, {}, { 'x-osa-device': viewerDevice });
    const viewerId = whoami.body.participant;
    const viewerHeaders = { 'x-osa-device': viewerDevice };

    /** Reads the stream as `headers`, cut at seeded random points and resumed alternately on the other instance. */
    const cutReader = (headers: Record<string, string>, random: Random) => {
      const received: Change[] = [];
      let lastId: string | undefined;
      let resumes = 0;
      let stop = false;
      const done: Promise<void> = (async () => {
        for (let round = 0; ; round += 1) {
          const server = servers[round % 2];
          const stream = lastId === undefined ? await SseClient.open(`${server.url}/api/v1/events/${id}/stream?since=0`, headers) : await SseClient.open(`${server.url}/api/v1/events/${id}/stream`, { ...headers, 'last-event-id': lastId });
          if (lastId !== undefined) resumes += 1;
          const ending = stop;
          // Cut after a random wait (mid-message at times), or (on the last round) once this connection is drained.
          await sleep(ending ? 300 : 2 + random.int(60));
          stream.close();
          await stream.ended;
          for (const message of stream.changeMessages()) {
            received.push(...(JSON.parse(message.data) as Change[]));
            lastId = message.id;
          }
          if (ending) return;
        }
      })();
      return {
        received,
        get resumes() {
          return resumes;
        },
        finish: async () => {
          stop = true;
          await done;
        },
      };
    };
    const readers = { organiser: cutReader(organiser, createRandom(7)), participant: cutReader(viewerHeaders, createRandom(8)) };

    // Writes through both instances: other participants' ideas and likes (each like also carries a
    // change private to its author), and the viewer's own likes and idea.
    const writers = Array.from({ length: 6 }, (_, index) => ({ index, device: index === 0 ? viewerDevice : newDevice() }));
    await Promise.all(
      writers.map(async (writer) => {
        for (let step = 0; step < 16; step += 1) {
          // Paced by the readers: every fourth step waits until both were cut and resumed once more.
          if (step % 4 === 0) while (Object.values(readers).some((reader) => reader.resumes < step / 4)) await sleep(5);
          const api = apis[(writer.index + step) % 2];
          if (step % 2 === 0) await sendUntilAnswered(api, id, 'submitIdea', { text: `Osallistuja ${writer.index}: asia ${step}`, force: true }, { device: writer.device });
          else await sendUntilAnswered(api, id, 'like', { ideaId: seededIdeas[(writer.index + step) % seededIdeas.length] }, { device: writer.device });
        }
      }),
    );
    const seqs = await committedSeqs(id);

    // What an uninterrupted stream gives each viewer, from the start.
    const expected = async (headers: Record<string, string>): Promise<Change[]> => {
      const whole = await SseClient.open(`${servers[0].url}/api/v1/events/${id}/stream?since=0`, headers);
      try {
        await whole.waitFor((messages) => messages.some((message) => message.event === 'changes'));
        return whole.changes();
      } finally {
        whole.close();
      }
    };
    const wholeOrganiser = await expected(organiser);
    const wholeParticipant = await expected(viewerHeaders);
    assert.deepEqual(
      wholeOrganiser.map((change) => change.seq),
      seqs,
    );

    // Every reader goes on until it has what the whole stream has (or stops being sent anything new).
    for (const [name, reader] of Object.entries(readers)) {
      const last = (name === 'organiser' ? wholeOrganiser : wholeParticipant).at(-1)!.seq;
      const deadline = Date.now() + 20_000;
      while ((reader.received.at(-1)?.seq ?? 0) < last && Date.now() < deadline) await sleep(20);
      await reader.finish();
      assert.ok(reader.resumes >= 4, `${name}: the stream was cut and resumed (${reader.resumes} times)`);
    }
    assert.deepEqual(
      readers.organiser.received.map((change) => change.seq),
      upTo(seqs.length),
      'organiser: seq 1…n, no gap, no duplicate',
    );
    assert.deepEqual(readers.organiser.received, wholeOrganiser);
    assert.deepEqual(
      readers.participant.received.map((change) => change.seq),
      wholeParticipant.map((change) => change.seq),
      'participant: what the whole stream gives, no gap, no duplicate',
    );
    assert.deepEqual(readers.participant.received, wholeParticipant);

    // The participant got its own private changes and none of anyone else's, of which there were many.
    const privateToViewer = `participant:${viewerId}`;
    assert.ok(readers.participant.received.some((change) => change.audience === privateToViewer));
    for (const change of readers.participant.received) assert.ok(change.audience === 'public' || change.audience === privateToViewer, `leaked: ${JSON.stringify(change)}`);
    const others = wholeOrganiser.filter((change) => change.audience.startsWith('participant:') && change.audience !== privateToViewer);
    assert.ok(others.length > 0);
  });
  test('a connection lost between two queries of a transaction fails that transaction, not the process', async () => {
    const store = await openStore(database.url);
    try {
      await assert.rejects(
        store.transaction(async (tx) => {
          const [{ pid }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await store.query('SELECT pg_terminate_backend($1)', [pid]);
          // The server closes the connection while this transaction is between queries.
          while ((await store.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length > 0) await sleep(10);
          await sleep(100);
          await tx.query('SELECT 1');
        }),
      );
      // The pool goes on with a new connection.
      assert.deepEqual(await store.query('SELECT 1 AS one'), [{ one: 1 }]);
    } finally {
      await store.close();
    }
  });

  test('a group of several commands whose transaction fails: all refused, none recorded, streams on that instance keep up', { timeout: 60_000 }, async () => {
    const id = newEventId('failed-group');
    const key = await apis[0].create(boardEvent(id, { maxIdeasPerParticipant: 200 }));
    // In the database: an idea "Hidas" holds its transaction a moment (so the next commands queue
    // into one group), an idea "Kaatuu" makes its whole transaction fail.
    await servers[0].store.exec(`
      CREATE OR REPLACE FUNCTION osa_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data::text LIKE '%Hidas%' THEN PERFORM pg_sleep(1); END IF;
        IF NEW.data::text LIKE '%Kaatuu%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER osa_test_fault BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION osa_test_fault();
    `);
    const organiser = { 'x-osa-organiser': key };
    const watcher = await SseClient.open(`${servers[0].url}/api/v1/events/${id}/stream?since=0`, organiser);
    try {
      const device = { device: newDevice() };
      const slow = apis[0].command(id, 'board', 'submitIdea', { text: 'Hidas ehdotus', force: true }, device);
      await sleep(200);
      const keys = Array.from({ length: 4 }, () => newKey());
      const group = [
        ...keys.map((idempotencyKey, index) => apis[0].command(id, 'board', 'submitIdea', { text: `Ehdotus ${index}`, force: true }, device, idempotencyKey)),
        apis[0].command(id, 'board', 'submitIdea', { text: 'Kaatuu kesken', force: true }, device),
      ];
      assert.equal((await slow).status, 200);
      const answers = await Promise.all(group);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [500, 500, 500, 500, 500],
        'every command of the failed group is refused',
      );
      assert.equal((await servers[0].store.query("SELECT 1 FROM changes WHERE event_id = $1 AND type = 'idea'", [id])).length, 1);

      // Sent again with the same keys, through the other instance: recorded once each.
      for (const [index, idempotencyKey] of keys.entries()) {
        const again = await apis[1].command(id, 'board', 'submitIdea', { text: `Ehdotus ${index}`, force: true }, device, idempotencyKey);
        assert.equal(again.status, 200, again.text);
      }
      const seqs = await committedSeqs(id);
      // The stream on the instance whose group failed carries them, each once, in order.
      await watcher.waitForSeq(seqs.length);
      assert.deepEqual(
        watcher.changes().map((change) => change.seq),
        seqs,
      );
      assert.deepEqual(seqs, upTo(seqs.length));
    } finally {
      watcher.close();
      await servers[0].store.exec('DROP TRIGGER osa_test_fault ON changes; DROP FUNCTION osa_test_fault();');
    }
  });
});
