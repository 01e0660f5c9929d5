import { expect } from '@open-wc/testing';
import type { BoardState } from '../../core/board/board.js';
import { randomKey } from '../../core/idempotency.js';
import { withCache, type CachedAdapter } from '../cache.js';
import { assertRejects, boardEvent, Recorder, waitFor } from '../conformance.js';
import { controllableFetch, deleteDatabases, testServer, uniqueName, type TestServer } from '../test-support.js';
import { apiRoot, createHttpAdapter, type HttpAdapter } from './http-adapter.js';
import { openStreamCount } from './event-stream.js';

const ideaTexts = (rows: Array<Record<string, unknown>> | undefined): string[] => (rows ?? []).map((row) => String(row.text));
const ideasIn = (recorder: Recorder): string[] => recorder.ofType('idea').map((change) => (change.data as { idea: { text: string } }).idea.text);

describe('http adapter', () => {
  let server: TestServer;
  let organiser: HttpAdapter;
  let eventId: string;
  let organiserKey: string;
  const closers: Array<() => void> = [];
  const databases: string[] = [];

  const participant = (options: { fetch?: typeof fetch; device?: string; deviceStore?: string; reconnect?: { initialMs: number; maxMs: number } } = {}): HttpAdapter => {
    const adapter = createHttpAdapter({ baseUrl: server.url, device: options.deviceStore ? undefined : (options.device ?? randomKey(32)), ...options });
    closers.push(() => adapter.close());
    return adapter;
  };
  const record = (adapter: HttpAdapter, options: { since?: number } = {}, activityId = 'ideas'): Recorder => {
    const recorder = new Recorder(adapter, eventId, activityId, options);
    closers.push(() => recorder.close());
    return recorder;
  };
  const exportedIdeas = async (): Promise<string[]> => ideaTexts((await organiser.exportActivity(eventId, 'ideas')).tables.ideas);

  before(async () => {
    server = await testServer();
  });
  beforeEach(async () => {
    organiser = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken, device: randomKey(32) });
    const definition = boardEvent();
    definition.activities.push({ id: 'other', kind: 'board', title: 'Other board' });
    const created = await organiser.createEvent(definition);
    eventId = created.eventId;
    organiserKey = created.organiserKey;
    organiser.setOrganiserKey(eventId, created.organiserKey);
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    organiser.close();
    await deleteDatabases(...databases.splice(0));
  });

  it('finds the versioned API root from the origin, /api or /api/v1', () => {
    expect(apiRoot('https://events.example.fi')).to.equal('https://events.example.fi/api/v1');
    expect(apiRoot('https://events.example.fi/')).to.equal('https://events.example.fi/api/v1');
    expect(apiRoot('https://x.fi/osallistu/api')).to.equal('https://x.fi/osallistu/api/v1');
    expect(apiRoot('https://x.fi/api/v1/')).to.equal('https://x.fi/api/v1');
  });

  it('turns error bodies into OsaErrors and a network failure into offline', async () => {
    const failing = controllableFetch();
    const adapter = participant({ fetch: failing.fetch });
    await assertRejects(adapter.getActivity(eventId, 'nope'), 'not_found');
    await assertRejects(adapter.send(eventId, 'ideas', 'submitIdea', { text: '' }), 'invalid', 'text');
    failing.network.down = true;
    await assertRejects(adapter.getEvent(eventId), 'offline');
    // Identity travels in headers, never in the address.
    const sent = failing.requests.find((request) => request.url.includes('/commands/submitIdea'))!;
    expect(sent.headers.get('X-Osa-Device')).to.have.length.greaterThan(40);
    expect(sent.url).not.to.include(sent.headers.get('X-Osa-Device')!);
  });

  it('tells a server that refuses this page\'s origin (CORS) apart from a network that is down', async function () {
    // The first request for this server starts it, with an embedded database of its own: slow on a busy machine.
    this.timeout(180000);
    const refusing = await testServer('production');
    const failing = controllableFetch();
    const adapter = createHttpAdapter({ baseUrl: refusing.url, device: randomKey(32), fetch: failing.fetch });
    const refused = await assertRejects(adapter.getActivity('any-event', 'ideas'), 'origin_refused');
    expect(refused.message).to.include('OSA_ALLOWED_ORIGINS').and.include(globalThis.origin);
    expect(refused.retryable).to.be.false;
    failing.network.down = true;
    await assertRejects(adapter.getActivity('any-event', 'ideas'), 'offline');
  });

  it('keeps one device token per browser in IndexedDB, and sends the organiser key as a header', async () => {
    const deviceStore = uniqueName('device');
    databases.push(deviceStore);
    const counting = controllableFetch();
    const first = participant({ deviceStore, fetch: counting.fetch });
    const second = participant({ deviceStore, fetch: counting.fetch });
    expect((await first.whoami(eventId)).participant).to.equal((await second.whoami(eventId)).participant);
    const tokens = new Set(counting.requests.map((request) => request.headers.get('X-Osa-Device')));
    expect(tokens.size).to.equal(1);
    expect([...tokens][0]).to.have.length(43);
  });

  it('two pages see the same change live', async () => {
    const [pageOne, pageTwo] = [participant(), participant()];
    const [one, two] = [record(pageOne, { since: (await pageOne.getActivity(eventId, 'ideas')).seq }), record(pageTwo, { since: (await pageTwo.getActivity(eventId, 'ideas')).seq })];
    await waitFor(() => one.statuses.includes('live') && two.statuses.includes('live'), 'both streams live');
    await pageOne.send(eventId, 'ideas', 'submitIdea', { text: 'Seen on both pages' });
    await pageTwo.send(eventId, 'ideas', 'submitIdea', { text: 'Also from the other page' });
    await waitFor(() => ideasIn(one).length === 2 && ideasIn(two).length === 2, 'both ideas on both pages');
    expect(ideasIn(one)).to.deep.equal(['Seen on both pages', 'Also from the other page']);
    expect(ideasIn(two)).to.deep.equal(ideasIn(one));
    expect(one.ofType('idea').map((change) => change.seq)).to.deep.equal(two.ofType('idea').map((change) => change.seq));
    // Private changes stay with their author.
    expect(one.ofType('own-idea')).to.have.length(1);
    expect(two.ofType('own-idea')).to.have.length(1);
    expect(one.ofType('own-idea')[0].seq).not.to.equal(two.ofType('own-idea')[0].seq);
  });

  it('opens one stream per event in a page, however many subscribers and adapters, and splits it by activity', async () => {
    const counting = controllableFetch();
    const device = randomKey(32);
    const [first, second] = [participant({ fetch: counting.fetch, device }), participant({ fetch: counting.fetch, device })];
    const before = openStreamCount();
    const ideas = [record(first), record(second)];
    const other = record(second, {}, 'other');
    await waitFor(() => [...ideas, other].every((recorder) => recorder.statuses.includes('live')), 'the subscriptions to be live');
    await organiser.send(eventId, 'other', 'submitIdea', { text: 'On the other board' });
    await organiser.send(eventId, 'ideas', 'submitIdea', { text: 'On the ideas board' });
    await waitFor(() => ideas.every((recorder) => ideasIn(recorder).length === 1) && ideasIn(other).length === 1, 'each idea on its board');
    expect(counting.requests.filter((request) => request.url.includes('/stream'))).to.have.length(1);
    expect(openStreamCount() - before).to.equal(1);
    expect(ideasIn(ideas[0])).to.deep.equal(['On the ideas board']);
    expect(ideasIn(other)).to.deep.equal(['On the other board']);
    for (const recorder of [...ideas, other]) recorder.close();
    expect(openStreamCount()).to.equal(before);
  });

  it('says once why a live stream was refused (the organiser key was replaced), and does not ask again', async () => {
    let streamRequests = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/stream')) streamRequests += 1;
      return fetch(input, init);
    };
    const watcher = participant({ fetch: counting, reconnect: { initialMs: 50, maxMs: 100 } });
    watcher.setOrganiserKey(eventId, organiserKey);
    const refusals: string[] = [];
    const statuses: string[] = [];
    closers.push(watcher.subscribe(eventId, 'ideas', () => undefined, { onStatus: (status) => statuses.push(status), onRefused: (error) => refusals.push(error.code) }));
    await waitFor(() => statuses.includes('live'), 'the organiser stream to be live');
    await organiser.rotateOrganiserKey!(eventId);
    await waitFor(() => refusals.length > 0, 'the stream to be refused');
    expect(refusals).to.deep.equal(['forbidden']);
    const asked = streamRequests;
    // Long enough for several reconnects at this adapter's backoff (at most 100 ms), had it kept trying.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(streamRequests, 'no reconnect after a refusal').to.equal(asked);
    expect(refusals).to.deep.equal(['forbidden']);
    // A later subscriber on the same refused stream hears it too.
    const later: string[] = [];
    closers.push(watcher.subscribe(eventId, 'other', () => undefined, { onRefused: (error) => later.push(error.code) }));
    await waitFor(() => later.length > 0, 'the later subscriber to hear of the refusal');
    expect(later).to.deep.equal(['forbidden']);
  });

  it('resumes a cut stream with Last-Event-ID: no gap, no duplicate', async () => {
    const device = randomKey(32);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const streamRequests: Request[] = [];
    // The first stream is cut right after its first `changes` message; the reconnect waits until the test lets it go.
    const cutting: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.includes('/stream')) return fetch(request);
      streamRequests.push(request);
      if (streamRequests.length > 1) {
        await held;
        return fetch(request);
      }
      const response = await fetch(request);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let cutNow = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (cutNow) {
            void reader.cancel();
            controller.error(new TypeError('network connection lost (cut by the test)'));
            return;
          }
          const { done, value } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          text += decoder.decode(value, { stream: true });
          cutNow = /event: changes\n(?:data: .*\n)+\n/.test(text);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const page = participant({ fetch: cutting, device });
    const writer = participant();
    const start = await page.getActivity(eventId, 'ideas');
    const live = record(page, { since: start.seq });
    await writer.send(eventId, 'ideas', 'submitIdea', { text: 'Before the cut' });
    await waitFor(() => streamRequests.length === 2, 'the stream to be cut and a reconnect to start');
    const deliveredBeforeCut = live.seqs;
    expect(ideasIn(live)).to.deep.equal(['Before the cut']);
    expect(live.statuses).to.include('reconnecting');
    for (const text of ['During the cut 1', 'During the cut 2', 'During the cut 3']) await writer.send(eventId, 'ideas', 'submitIdea', { text, force: true });
    release();
    await writer.send(eventId, 'ideas', 'submitIdea', { text: 'After the cut', force: true });
    await waitFor(() => ideasIn(live).length === 5, 'every idea');

    // The reconnect asks for what follows the last message received before the cut.
    const resumedFrom = Number(streamRequests[1].headers.get('Last-Event-ID'));
    const firstAfterCut = live.seqs[deliveredBeforeCut.length];
    expect(resumedFrom).to.be.at.least(deliveredBeforeCut.at(-1)!);
    expect(resumedFrom).to.be.below(firstAfterCut);
    // What the same participant gets from an uncut stream from the same start.
    const reference = record(participant({ device }), { since: start.seq });
    await waitFor(() => ideasIn(reference).length === 5, 'the reference stream');
    expect(live.seqs).to.deep.equal(reference.seqs);
    expect(ideasIn(live)).to.deep.equal(['Before the cut', 'During the cut 1', 'During the cut 2', 'During the cut 3', 'After the cut']);
    expect(live.statuses.at(-1)).to.equal('live');
  });

  it('goes offline on the offline event, and catches up when the browser is online again', async () => {
    const page = participant();
    const live = record(page, { since: (await page.getActivity(eventId, 'ideas')).seq });
    await waitFor(() => live.statuses.at(-1) === 'live', 'live');
    window.dispatchEvent(new Event('offline'));
    await waitFor(() => live.statuses.at(-1) === 'offline', 'offline');
    await organiser.send(eventId, 'ideas', 'submitIdea', { text: 'While this page was offline' });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => ideasIn(live).length === 1, 'the missed idea');
    expect(live.statuses.at(-1)).to.equal('live');
  });

  describe('with the cache wrapper', () => {
    const wrapped: CachedAdapter[] = [];
    afterEach(() => {
      for (const adapter of wrapped.splice(0)) adapter.close();
    });
    const cachedPage = (name: string, deviceStore: string, fetchImpl: typeof fetch): CachedAdapter => {
      databases.push(`${name}:cache`, `${name}:outbox`, deviceStore);
      const adapter = withCache(createHttpAdapter({ baseUrl: server.url, deviceStore, fetch: fetchImpl }), { name });
      wrapped.push(adapter);
      return adapter;
    };

    it('records a write made offline exactly once after a reload and the return of the network', async () => {
      const name = uniqueName('http-outbox');
      const deviceStore = uniqueName('http-device');
      let mode: 'up' | 'down' | 'answer lost' = 'up';
      const flaky: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        if (mode === 'down') throw new TypeError('Failed to fetch (network down)');
        const response = await fetch(request);
        // The request reached the server, which recorded it; the answer never came back.
        if (mode === 'answer lost' && request.url.includes('/commands/')) throw new TypeError('Failed to fetch (connection reset)');
        return response;
      };
      const before = cachedPage(name, deviceStore, flaky);
      await before.whoami(eventId);
      mode = 'answer lost';
      const lost = await before.send(eventId, 'ideas', 'submitIdea', { text: 'Reached the server, answer lost', force: true });
      mode = 'down';
      const never = await before.send(eventId, 'ideas', 'submitIdea', { text: 'Never reached the server', force: true });
      expect([lost.queued, never.queued]).to.deep.equal([true, true]);
      expect(before.pendingCount(eventId)).to.equal(2);
      expect(await exportedIdeas()).to.deep.equal(['Reached the server, answer lost']);
      before.close();

      // The page reloads while still offline.
      const after = cachedPage(name, deviceStore, flaky);
      await waitFor(() => after.pendingCount(eventId) === 2, 'the outbox after the reload');
      mode = 'up';
      window.dispatchEvent(new Event('online'));
      await waitFor(() => after.pendingCount(eventId) === 0, 'the outbox to be sent');
      expect(await exportedIdeas()).to.deep.equal(['Reached the server, answer lost', 'Never reached the server']);
    });

    it('lets one of two tabs send their shared outbox, and the server gets each write once', async () => {
      const name = uniqueName('http-tabs');
      const deviceStore = uniqueName('http-tabs-device');
      const network = { down: true };
      const switchFetch: typeof fetch = (input, init) => (network.down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
      const [one, two] = [cachedPage(name, deviceStore, switchFetch), cachedPage(name, deviceStore, switchFetch)];
      const texts = ['Tab idea 1', 'Tab idea 2', 'Tab idea 3', 'Tab idea 4'];
      for (const text of texts) await one.send(eventId, 'ideas', 'submitIdea', { text, force: true });
      await waitFor(() => two.pendingCount(eventId) === texts.length, 'the other tab to see the outbox');
      network.down = false;
      const reports = await Promise.all([one.flush(), two.flush()]);
      expect(reports.map((report) => report.sent).sort()).to.deep.equal([0, texts.length]);
      expect(await exportedIdeas()).to.deep.equal(texts);
      const state = (await organiser.getActivity(eventId, 'ideas')).state as BoardState;
      expect(state.order).to.have.length(texts.length);
    });
  });
});
