/**
 * Group commit: the commands of one event that queue up while a transaction runs are committed
 * together in the next one, each still answered as if it ran alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OsaError } from '../src/core/errors.js';
import { migrate } from './db/migrate.js';
import { openStore, type Sql, type Store } from './db/store.js';
import { EventService } from './service.js';
import { BACKENDS, boardEvent, newDevice, newEventId, newKey, skipReason, testDatabase, type TestDatabase } from './test/helpers.js';

/** The store with a count of its transactions. */
function counting(store: Store): Store & { transactions: number } {
  const counted = {
    ...store,
    transactions: 0,
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      counted.transactions += 1;
      return store.transaction(work);
    },
  };
  return counted;
}

for (const backend of BACKENDS) {
  describe(`group commit on ${backend}`, { skip: skipReason(backend) }, () => {
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      database = await testDatabase(backend);
      store = await openStore(database.url);
      await migrate(store);
    });
    after(async () => {
      await store?.close();
      await database?.stop();
    });

    test('commits concurrent commands in fewer transactions, each answered as if alone, in arrival order', async () => {
      const setup = new EventService(store);
      const id = newEventId('group');
      await setup.createEvent(boardEvent(id));
      const measured = counting(store);
      const service = new EventService(measured);
      const viewers = await Promise.all(Array.from({ length: 200 }, () => service.viewer(id, { device: newDevice() })));
      measured.transactions = 0;
      const answers = await Promise.all(
        viewers.map((viewer, index) => service.send(id, 'board', 'submitIdea', { text: `Ehdotus numero ${index}`, force: true }, viewer, newKey())),
      );
      // Arrival order is the order of the idea numbers: each command saw the ones before it.
      assert.deepEqual(
        answers.map((answer) => (answer.result as { ideaId: string }).ideaId),
        answers.map((_, index) => `i${index + 1}`),
      );
      assert.ok(answers.every((answer) => !answer.replayed && answer.changes.length > 0));
      assert.ok(measured.transactions < 200 / 4, `200 commands took ${measured.transactions} transactions`);
      const rows = await store.query<{ seq: unknown }>('SELECT seq FROM changes WHERE event_id = $1 ORDER BY seq', [id]);
      assert.deepEqual(
        rows.map((row) => Number(row.seq)),
        rows.map((_, index) => index + 1),
        'seq 1…n without a gap',
      );
      const reloaded = await new EventService(store).ledger(id);
      assert.equal(reloaded.seq, (await service.ledger(id)).seq, 'what was committed is what the ledger holds');
    });

    test('in one group: a refused command changes nothing, a repeated key replays, a reused key with another body is refused', async () => {
      const service = new EventService(store);
      const id = newEventId('group');
      await service.createEvent(boardEvent(id, { maxLength: 50 }));
      const viewer = await service.viewer(id, { device: newDevice() });
      const key = newKey();
      const first = service.send(id, 'board', 'submitIdea', { text: 'Lisää penkkejä' }, viewer, key);
      const refused = service.send(id, 'board', 'submitIdea', { text: 'x'.repeat(60) }, viewer, newKey());
      const retry = service.send(id, 'board', 'submitIdea', { text: 'Lisää penkkejä' }, viewer, key);
      const reused = service.send(id, 'board', 'submitIdea', { text: 'Jotain muuta' }, viewer, key);
      const last = service.send(id, 'board', 'submitIdea', { text: 'Valoja pyöräteille' }, viewer, newKey());
      const [a, b, c, d, e] = await Promise.allSettled([first, refused, retry, reused, last]);
      assert.equal(a.status, 'fulfilled');
      assert.equal(b.status, 'rejected');
      assert.equal(((b as PromiseRejectedResult).reason as OsaError).code, 'invalid');
      assert.equal(c.status, 'fulfilled');
      assert.deepEqual((c as PromiseFulfilledResult<{ result: unknown; replayed: boolean }>).value.result, (a as PromiseFulfilledResult<{ result: unknown }>).value.result);
      assert.equal((c as PromiseFulfilledResult<{ replayed: boolean }>).value.replayed, true);
      assert.equal(d.status, 'rejected');
      assert.equal(((d as PromiseRejectedResult).reason as OsaError).code, 'conflict');
      assert.equal(e.status, 'fulfilled');
      assert.equal(((e as PromiseFulfilledResult<{ result: { ideaId: string } }>).value.result as { ideaId: string }).ideaId, 'i2');
      const ideas = await store.query("SELECT seq FROM changes WHERE event_id = $1 AND type = 'idea'", [id]);
      assert.equal(ideas.length, 2);
    });

    test('readers see only committed changes while a group is being committed', async () => {
      const setup = new EventService(store);
      const id = newEventId('group');
      await setup.createEvent(boardEvent(id));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let reachedInsert!: () => void;
      const atInsert = new Promise<void>((resolve) => (reachedInsert = resolve));
      const slow: Store = {
        ...store,
        transaction: <T>(work: (tx: Sql) => Promise<T>) =>
          store.transaction((tx) =>
            work({
              exec: (text) => tx.exec(text),
              query: async <R>(text: string, params?: readonly unknown[]) => {
                if (text.startsWith('INSERT INTO changes')) {
                  reachedInsert();
                  await held;
                }
                return tx.query<R>(text, params);
              },
            }),
          ),
      };
      const service = new EventService(slow);
      const viewer = await service.viewer(id, { device: newDevice() });
      const organiser = { organiser: true };
      const before = await service.snapshot(id, 'board', organiser);
      const writing = service.send(id, 'board', 'submitIdea', { text: 'Lisää penkkejä' }, viewer, newKey());
      await atInsert;
      // The ledger already holds the idea; a reader does not see it before COMMIT.
      assert.ok((await service.ledger(id)).seq > before.seq);
      assert.equal(service.committedSeq(id), before.seq);
      const during = service.snapshot(id, 'board', organiser);
      if (backend === 'pglite') {
        // One process owns the database: the snapshot is answered at once, from committed changes only.
        const seen = await during;
        assert.equal(seen.seq, before.seq);
        assert.deepEqual(seen.state, before.state);
      }
      release();
      const answer = await writing;
      assert.equal(service.committedSeq(id), answer.seq);
      // On PostgreSQL a snapshot first catches up under the event's lock, so it waited for the group.
      if (backend === 'postgres') assert.equal((await during).seq, answer.seq);
      const afterCommit = await service.snapshot(id, 'board', organiser);
      assert.equal(afterCommit.seq, answer.seq);
    });
  });
}
