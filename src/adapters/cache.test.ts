import { expect } from '@open-wc/testing';
import type { BoardState } from '../core/board/board.js';
import { withCache, type CachedAdapter } from './cache.js';
import { boardEvent, waitFor } from './conformance.js';
import { LocalBackend } from './local/backend.js';
import { LocalAdapter } from './local/local-adapter.js';
import { deleteDatabases, switchable, uniqueName } from './test-support.js';
import type { OsaAdapter, OutboxFailure } from './types.js';

const ideaTexts = (state: unknown): string[] => {
  const board = state as BoardState;
  return board.order.map((id) => board.ideas[id].text);
};

/** Polls an asynchronous condition; the deadline only turns a hang into a readable failure. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 800; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('withCache', () => {
  const opened: CachedAdapter[] = [];
  const names: string[] = [];
  let backend: LocalBackend;
  let organiser: LocalAdapter;
  let eventId: string;

  /** A cache wrapper around a participant device that the test can take offline; the same `name` is the same IndexedDB (a reload, or another tab). */
  const wrap = (inner: OsaAdapter, name = uniqueName('cache-test')) => {
    names.push(`${name}:cache`, `${name}:outbox`);
    const { adapter, network } = switchable(inner);
    const cached = withCache(adapter, { name });
    opened.push(cached);
    return { cached, network, name };
  };

  const ideas = async (): Promise<string[]> => ideaTexts((await organiser.getActivity(eventId, 'ideas')).state);

  beforeEach(async () => {
    backend = new LocalBackend();
    organiser = new LocalAdapter(backend);
    const created = await organiser.createEvent(boardEvent());
    eventId = created.eventId;
    organiser.setOrganiserKey(eventId, created.organiserKey);
  });
  afterEach(async () => {
    for (const adapter of opened.splice(0)) adapter.close();
    await deleteDatabases(...names.splice(0));
  });

  it('answers from the cache at once, and keeps the cached snapshot current with live changes', async () => {
    const device = new LocalAdapter(backend);
    const { cached, name } = wrap(device);
    expect(await cached.getActivityCached(eventId, 'ideas')).to.equal(undefined);
    const snapshot = await cached.getActivity(eventId, 'ideas');
    await cached.getEvent(eventId);
    const stop = cached.subscribe(eventId, 'ideas', () => undefined, { since: snapshot.seq });
    await organiser.send(eventId, 'ideas', 'submitIdea', { text: 'Folded into the cache' });
    await until(async () => ideaTexts((await cached.getActivityCached(eventId, 'ideas'))!.state).length === 1, 'the live change in the cache');
    stop();
    cached.close();

    // A reload with the network down: the cache still answers, with the change folded in.
    const reloaded = wrap(device, name);
    reloaded.network.offline = true;
    await until(async () => (await reloaded.cached.getActivityCached(eventId, 'ideas')) !== undefined, 'the cached snapshot');
    const fromDisk = (await reloaded.cached.getActivityCached(eventId, 'ideas'))!;
    expect(ideaTexts(fromDisk.state)).to.deep.equal(['Folded into the cache']);
    expect(fromDisk.seq).to.be.greaterThan(snapshot.seq);
    expect((await reloaded.cached.getEventCached(eventId))?.id).to.equal(eventId);
    await reloaded.cached.getActivity(eventId, 'ideas').then(
      () => expect.fail('the network is down'),
      (error: { code: string }) => expect(error.code).to.equal('offline'),
    );
  });

  it('keeps what the organiser saw apart from what a participant on the same device sees, offline too', async () => {
    // A shared classroom computer: the organiser view was opened with the key, then a participant uses the page.
    const created = await organiser.createEvent(boardEvent({ moderation: 'pre' }));
    const shared = created.eventId;
    await new LocalAdapter(backend).send(shared, 'ideas', 'submitIdea', { text: 'Waiting for moderation' });
    const device = new LocalAdapter(backend);
    const { cached, network, name } = wrap(device);
    cached.setOrganiserKey(shared, created.organiserKey);
    const asOrganiser = await cached.getActivity(shared, 'ideas');
    expect(asOrganiser.viewer.organiser).to.be.true;
    expect(ideaTexts(asOrganiser.state)).to.deep.equal(['Waiting for moderation']);

    cached.setOrganiserKey(shared, undefined);
    expect(await cached.getActivityCached(shared, 'ideas'), 'no participant view was cached yet').to.equal(undefined);
    const asParticipant = await cached.getActivity(shared, 'ideas');
    expect(ideaTexts(asParticipant.state)).to.deep.equal([]);
    cached.close();

    // A reload with the network down, as the participant: only the participant's view is shown.
    const reloaded = wrap(device, name);
    reloaded.network.offline = true;
    network.offline = true;
    const offline = (await reloaded.cached.getActivityCached(shared, 'ideas'))!;
    expect(offline.viewer.organiser).to.be.false;
    expect(ideaTexts(offline.state)).to.deep.equal([]);
    // The organiser, giving the key again, gets the organiser's view back.
    reloaded.cached.setOrganiserKey(shared, created.organiserKey);
    expect(ideaTexts((await reloaded.cached.getActivityCached(shared, 'ideas'))!.state)).to.deep.equal(['Waiting for moderation']);
  });

  it('queues writes made offline, keeps them across a reload, and sends them once, in order, when the network returns', async () => {
    const device = new LocalAdapter(backend);
    const { cached, network, name } = wrap(device);
    let pendingChanges = 0;
    cached.onPendingChange(() => (pendingChanges += 1));
    network.offline = true;
    const queued = [];
    for (const text of ['First offline', 'Second offline', 'Third offline']) queued.push(await cached.send(eventId, 'ideas', 'submitIdea', { text, force: true }));
    expect(queued.every((result) => result.queued)).to.be.true;
    expect(cached.pendingCount(eventId)).to.equal(3);
    expect(pendingChanges).to.be.greaterThan(0);
    expect(await ideas()).to.deep.equal([]);
    cached.close();

    // The page reloads, still offline: the outbox is still there.
    const reloaded = wrap(device, name);
    reloaded.network.offline = true;
    await until(async () => reloaded.cached.pendingCount(eventId) === 3, 'the outbox after the reload');
    expect((await reloaded.cached.outboxEntries()).map((entry) => (entry.payload as { text: string }).text)).to.deep.equal(['First offline', 'Second offline', 'Third offline']);
    expect((await reloaded.cached.outboxEntries()).map((entry) => entry.idempotencyKey)).to.deep.equal(queued.map((result) => (result as { idempotencyKey: string }).idempotencyKey));

    // Back online: the browser says so.
    reloaded.network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => reloaded.cached.pendingCount(eventId) === 0, 'the outbox to empty');
    expect(await ideas()).to.deep.equal(['First offline', 'Second offline', 'Third offline']);
  });

  it('does not queue a write sent with queue: false, offline or behind waiting writes', async () => {
    const { cached, network } = wrap(new LocalAdapter(backend));
    network.offline = true;
    let refused: unknown;
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Now or never' }, { queue: false }).catch((error: unknown) => (refused = error));
    expect((refused as { code?: string })?.code).to.equal('offline');
    expect(cached.pendingCount(eventId)).to.equal(0);
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Can wait', force: true });
    network.offline = false;
    refused = undefined;
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Would overtake', force: true }, { queue: false }).catch((error: unknown) => (refused = error));
    expect((refused as { code?: string })?.code, 'it would overtake a waiting write').to.equal('offline');
    await waitFor(() => cached.pendingCount(eventId) === 0, 'the outbox to empty');
    expect(await ideas()).to.deep.equal(['Can wait']);
  });

  it('puts a new write behind the queued ones, so the order of writes is kept', async () => {
    const { cached, network } = wrap(new LocalAdapter(backend));
    network.offline = true;
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Queued first', force: true });
    network.offline = false;
    const later = await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Sent later', force: true });
    expect(later.queued).to.be.true;
    await waitFor(() => cached.pendingCount(eventId) === 0, 'the outbox to empty');
    expect(await ideas()).to.deep.equal(['Queued first', 'Sent later']);
  });

  it('removes and reports a queued write the back end refuses for good, and sends the rest', async () => {
    const { cached, network } = wrap(new LocalAdapter(backend));
    const failures: OutboxFailure[] = [];
    cached.onOutboxError((failure) => failures.push(failure));
    network.offline = true;
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'x'.repeat(400) });
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'A fine idea' });
    network.offline = false;
    const report = await cached.flush();
    expect(report).to.deep.equal({ sent: 1, refused: 1, skipped: false });
    expect(failures).to.have.length(1);
    expect(failures[0].error.code).to.equal('invalid');
    expect(failures[0].error.field).to.equal('text');
    expect((failures[0].payload as { text: string }).text).to.have.length(400);
    expect(cached.pendingCount(eventId)).to.equal(0);
    expect(await ideas()).to.deep.equal(['A fine idea']);
  });

  it('stops at a write that fails as offline again and keeps it for later', async () => {
    const { cached, network } = wrap(new LocalAdapter(backend));
    network.offline = true;
    await cached.send(eventId, 'ideas', 'submitIdea', { text: 'Still waiting' });
    const report = await cached.flush();
    expect(report).to.deep.equal({ sent: 0, refused: 0, skipped: false });
    expect(cached.pendingCount(eventId)).to.equal(1);
  });

  it('lets only one tab send a shared outbox (Web Locks)', async () => {
    const device = new LocalAdapter(backend);
    const name = uniqueName('cache-tabs');
    const one = wrap(device, name);
    const two = wrap(device, name);
    one.network.offline = two.network.offline = true;
    for (let index = 0; index < 6; index += 1) await one.cached.send(eventId, 'ideas', 'submitIdea', { text: `Queued ${index}`, force: true });
    await until(async () => two.cached.pendingCount(eventId) === 6, 'the other tab to see the outbox');
    one.network.offline = two.network.offline = false;
    const reports = await Promise.all([one.cached.flush(), two.cached.flush()]);
    expect(reports[0].sent + reports[1].sent, 'every write sent by exactly one tab').to.equal(6);
    expect(reports.map((report) => report.sent).sort()).to.deep.equal([0, 6]);
    expect(await ideas()).to.deep.equal([0, 1, 2, 3, 4, 5].map((index) => `Queued ${index}`));
    await waitFor(() => one.cached.pendingCount(eventId) === 0 && two.cached.pendingCount(eventId) === 0, 'both tabs to show an empty outbox');
  });
});
