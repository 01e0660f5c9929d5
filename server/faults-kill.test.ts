/**
 * Fault test: the server is killed with SIGKILL twice while simulated participants write through
 * the library's http adapter, and restarted on the same PGlite data directory and port.
 *
 * The participants use `HttpAdapter` (the browser adapter, given its device token so it needs no
 * IndexedDB) with the retry semantics of the cache wrapper's outbox (`CachedAdapter`, which needs
 * IndexedDB and so cannot run in node): a write that fails as retryable (`offline` while the
 * server is down, or when its answer is lost on the way, which a tenth of them are) is sent again
 * with the same idempotency key until it is answered. At the end
 * every write the participants consider sent is recorded exactly once, and an organiser's live
 * subscription through the adapter, resumed across both kills, received every change once.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Change } from '../src/core/activity.js';
import { toOsaError } from '../src/core/errors.js';
import { randomKey } from '../src/core/idempotency.js';
import { createRandom } from '../src/core/ranking/random.js';
import { HttpAdapter } from '../src/adapters/http/http-adapter.js';
import { ADMIN_TOKEN, boardEvent, newDevice } from './test/helpers.js';

const PARTICIPANTS = 16;
/** Writes per participant: ideas and likes, alternating. */
const WRITES = 16;
const TOTAL = PARTICIPANTS * WRITES;
const EVENT = 'faults-kill';
const SEEDED_IDEAS = 8;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let port: number;
let child: ChildProcess | undefined;
let exited: Promise<void> = Promise.resolve();
/** Closed at the end, also after a failure: a live subscription would otherwise keep reconnecting. */
const cleanups: Array<() => void> = [];

/** `osallistu serve` as an operator runs it, on the test's data directory; resolves once it listens. */
function startChild(): Promise<void> {
  const started = spawn(process.execPath, ['server/bin/osallistu.js', 'serve', '--port', String(port), '--data', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      OSA_ADMIN_TOKEN: ADMIN_TOKEN,
      // Every simulated participant shares the loopback address.
      OSA_RATE_PER_DEVICE: '100000',
      OSA_RATE_PER_IP: '10000000',
      OSA_RATE_NEW_DEVICES_PER_IP: '10000000',
    },
  });
  child = started;
  exited = new Promise((resolve) => started.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('is listening on')) {
        started.stdout!.off('data', onData);
        resolve();
      }
    };
    started.stdout!.on('data', onData);
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.once('exit', (code, signal) => reject(new Error(`The server exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

async function killChild(): Promise<void> {
  child!.kill('SIGKILL');
  await exited;
  child = undefined;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'osa-kill-'));
  port = await freePort();
  await startChild();
});

after(async () => {
  for (const cleanup of cleanups) cleanup();
  if (child) await killChild();
  rmSync(dir, { recursive: true, force: true });
});

test('SIGKILL twice under load: every write the participants sent is recorded exactly once', { timeout: 120_000 }, async () => {
  const base = `http://127.0.0.1:${port}`;
  const admin = new HttpAdapter({ baseUrl: base, device: newDevice(), adminToken: ADMIN_TOKEN });
  cleanups.push(() => admin.close());
  const definition = boardEvent(EVENT, { mode: 'upvote', likesWhileCollecting: true, maxIdeasPerParticipant: 100, duplicateThreshold: 1 });
  definition.seed = Array.from({ length: SEEDED_IDEAS }, (_, index) => ({
    activity: 'board',
    as: `s${index}`,
    command: 'submitIdea',
    payload: { text: `Alkuperäinen ehdotus ${index + 1}` },
  }));
  const { organiserKey } = await admin.createEvent(definition);

  // The organiser watches live through the adapter; its stream is cut by each kill and resumes.
  const organiser = new HttpAdapter({ baseUrl: base, device: newDevice(), reconnect: { initialMs: 50, maxMs: 400, onlineJitterMs: 50 } });
  cleanups.push(() => organiser.close());
  organiser.setOrganiserKey(EVENT, organiserKey);
  const seeded = (await organiser.getActivity(EVENT, 'board')) as { seq: number; state: { ideas: Record<string, unknown> } };
  const seededIdeas = Object.keys(seeded.state.ideas);
  assert.equal(seededIdeas.length, SEEDED_IDEAS);
  const watched: Change[] = [];
  const unsubscribe = organiser.subscribe(EVENT, 'board', (changes) => watched.push(...changes), { since: seeded.seq });
  cleanups.push(unsubscribe);

  let acknowledged = 0;
  /** Sends that failed retryably and were sent again (the kills must have cut some). */
  let retried = 0;
  const random = createRandom(12);
  /** Like the outbox: the same idempotency key, sent again after a retryable failure until answered. */
  const sendUntilAnswered = async (adapter: HttpAdapter, command: string, payload: unknown): Promise<unknown> => {
    const idempotencyKey = randomKey();
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await adapter.send(EVENT, 'board', command, payload, { idempotencyKey });
        assert.equal(answer.queued, false);
        acknowledged += 1;
        return answer.queued ? undefined : answer.result;
      } catch (error) {
        if (!toOsaError(error).retryable || attempt > 2000) throw error;
        retried += 1;
        await sleep(10 + random.int(40));
      }
    }
  };

  /**
   * A phone's network that loses some answers: the command reaches the server (and is committed),
   * its answer does not reach the participant, who sends it again.
   */
  let lostAnswers = 0;
  const lossyFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method === 'POST' && String(input).includes('/commands/') && random.next() < 0.1) {
      await response.arrayBuffer();
      lostAnswers += 1;
      throw new TypeError('fetch failed: the answer was lost on the way');
    }
    return response;
  };
  const participants = Array.from({ length: PARTICIPANTS }, (_, index) => ({
    index,
    adapter: new HttpAdapter({ baseUrl: base, device: newDevice(), fetch: lossyFetch }),
    ideas: [] as string[],
    liked: [] as string[],
  }));
  const load = Promise.all(
    participants.map(async (participant) => {
      for (let step = 0; step < WRITES; step += 1) {
        if (step % 2 === 0) {
          const text = `Osallistuja ${participant.index} ehdottaa asiaa ${step}`;
          await sendUntilAnswered(participant.adapter, 'submitIdea', { text, force: true });
          participant.ideas.push(text);
        } else {
          const ideaId = seededIdeas[(participant.index + step) % SEEDED_IDEAS];
          const result = (await sendUntilAnswered(participant.adapter, 'like', { ideaId })) as { liked: boolean };
          assert.equal(result.liked, true);
          participant.liked.push(ideaId);
        }
      }
    }),
  );

  // Killed twice mid-load (at a third and two thirds of the writes answered), restarted on the same directory.
  for (const fraction of [1 / 3, 2 / 3]) {
    while (acknowledged < TOTAL * fraction) await sleep(5);
    await killChild();
    await startChild();
  }
  await load;
  assert.equal(acknowledged, TOTAL);
  assert.ok(retried > lostAnswers, 'the kills cut writes in flight');
  assert.ok(lostAnswers > 0);

  // Each idea written once: its text appears once, every text that was sent is there.
  const snapshot = (await organiser.getActivity(EVENT, 'board')) as { seq: number; state: { ideas: Record<string, { text: string; likes: number }> } };
  const texts = Object.values(snapshot.state.ideas).map((idea) => idea.text);
  const sentTexts = participants.flatMap((participant) => participant.ideas);
  assert.equal(sentTexts.length, (PARTICIPANTS * WRITES) / 2);
  assert.equal(texts.length, SEEDED_IDEAS + sentTexts.length, 'no idea lost, none duplicated');
  assert.deepEqual(new Set(texts), new Set([...sentTexts, ...Array.from({ length: SEEDED_IDEAS }, (_, index) => `Alkuperäinen ehdotus ${index + 1}`)]));
  // Each like counted once, none lost: the organiser's counts are the likes the participants sent.
  const expectedLikes = new Map<string, number>();
  for (const participant of participants) for (const ideaId of new Set(participant.liked)) expectedLikes.set(ideaId, (expectedLikes.get(ideaId) ?? 0) + 1);
  for (const ideaId of seededIdeas) assert.equal(snapshot.state.ideas[ideaId].likes, expectedLikes.get(ideaId) ?? 0, `likes of ${ideaId}`);

  // The organiser's stream, cut twice, received every change after its start once, in order.
  const deadline = Date.now() + 20_000;
  while ((watched.at(-1)?.seq ?? 0) < snapshot.seq && Date.now() < deadline) await sleep(20);
  unsubscribe();
  assert.deepEqual(
    watched.map((change) => change.seq),
    Array.from({ length: snapshot.seq - seeded.seq }, (_, index) => seeded.seq + index + 1),
    'every change once, in order, across both kills',
  );
  for (const participant of participants) participant.adapter.close();
});
