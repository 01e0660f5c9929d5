import { expect } from '@open-wc/testing';
import type { Change } from '../../core/activity.js';
import type { BoardState } from '../../core/board/board.js';
import { randomKey } from '../../core/idempotency.js';
import { boardEvent, waitFor } from '../conformance.js';
import { deleteDatabases, uniqueName } from '../test-support.js';
import { LocalBackend } from './backend.js';
import { createLocalAdapter, LocalAdapter } from './local-adapter.js';

const ideaTexts = (state: unknown): string[] => {
  const board = state as BoardState;
  return board.order.map((id) => board.ideas[id].text);
};

describe('local adapter', () => {
  const databases: string[] = [];
  const persisted = (): string => {
    const name = uniqueName('local-test');
    databases.push(name);
    return name;
  };
  afterEach(async () => {
    await deleteDatabases(...databases.splice(0));
  });

  it('delivers changes asynchronously: never inside subscribe or send', async () => {
    const backend = new LocalBackend();
    const [organiser, participant] = [new LocalAdapter(backend), new LocalAdapter(backend)];
    const { eventId } = await organiser.createEvent(boardEvent({ seed: [{ activity: 'ideas', as: 'x', command: 'submitIdea', payload: { text: 'Seeded' } }] }));
    const delivered: Change[][] = [];
    let inCall = true;
    const stop = participant.subscribe(eventId, 'ideas', (changes) => {
      expect(inCall, 'called inside subscribe').to.be.false;
      delivered.push(changes);
    }, { since: 0 });
    inCall = false;
    await waitFor(() => delivered.length === 1, 'the backlog');
    inCall = true;
    const sending = participant.send(eventId, 'ideas', 'submitIdea', { text: 'Live' });
    inCall = false;
    await sending;
    await waitFor(() => delivered.length === 2, 'the live change');
    expect(delivered.flat().filter((change) => change.type === 'idea')).to.have.length(2);
    stop();
  });

  it('gives every device its own copy: changing a delivered change or a snapshot changes nothing else', async () => {
    const backend = new LocalBackend();
    const [a, b] = [new LocalAdapter(backend), new LocalAdapter(backend)];
    const { eventId } = await a.createEvent(boardEvent());
    await a.send(eventId, 'ideas', 'submitIdea', { text: 'Original' });
    const mine = await a.getActivity(eventId, 'ideas');
    (mine.state as BoardState).ideas.i1.text = 'Tampered';
    expect(ideaTexts((await b.getActivity(eventId, 'ideas')).state)).to.deep.equal(['Original']);
  });

  it('keeps events, changes and participants across a reload', async () => {
    const name = persisted();
    const device = randomKey(32);
    const before = new LocalAdapter(new LocalBackend({ persist: name }), { device });
    const { eventId, organiserKey } = await before.createEvent(boardEvent());
    await before.send(eventId, 'ideas', 'submitIdea', { text: 'Survives a reload' });
    const { participant } = await before.whoami(eventId);

    const after = new LocalAdapter(new LocalBackend({ persist: name }), { device });
    const snapshot = await after.getActivity(eventId, 'ideas');
    expect(ideaTexts(snapshot.state)).to.deep.equal(['Survives a reload']);
    expect(snapshot.viewer.participant).to.equal(participant);
    after.setOrganiserKey(eventId, organiserKey);
    expect((await after.whoami(eventId)).organiser).to.be.true;
  });

  it('never lets two tabs allocate the same seq (Web Locks, catch up before writing)', async () => {
    const name = persisted();
    const tabs = [new LocalBackend({ persist: name, broadcast: true }), new LocalBackend({ persist: name, broadcast: true })];
    const [one, two] = tabs.map((tab) => new LocalAdapter(tab, { device: randomKey(32) }));
    const { eventId, organiserKey } = await one.createEvent(boardEvent());
    await two.getEvent(eventId);
    const writes = [];
    for (let index = 0; index < 8; index += 1) {
      writes.push(one.send(eventId, 'ideas', 'submitIdea', { text: `From tab one, number ${index}`, force: true }));
      writes.push(two.send(eventId, 'ideas', 'submitIdea', { text: `From tab two, number ${index}`, force: true }));
    }
    await Promise.all(writes);

    // A third tab, as the organiser (who sees every change), reads the log from the database alone.
    const third = new LocalAdapter(new LocalBackend({ persist: name }), { device: randomKey(32) });
    third.setOrganiserKey(eventId, organiserKey);
    const collected: Change[] = [];
    const stop = third.subscribe(eventId, 'ideas', (changes) => collected.push(...changes), { since: 0 });
    const snapshot = await third.getActivity(eventId, 'ideas');
    await waitFor(() => collected.length > 0 && collected.at(-1)!.seq === snapshot.seq, 'the whole log');
    stop();
    expect(ideaTexts(snapshot.state)).to.have.length(16);
    expect(new Set(ideaTexts(snapshot.state)).size).to.equal(16);
    const seqs = collected.map((change) => change.seq);
    expect(seqs, 'every seq once, none skipped').to.deep.equal(seqs.map((_, index) => index + 1));
    // Both tabs end with the same state.
    const [first, second] = await Promise.all([one.getActivity(eventId, 'ideas'), two.getActivity(eventId, 'ideas')]);
    expect(first.seq).to.equal(second.seq);
    expect(ideaTexts(first.state)).to.deep.equal(ideaTexts(second.state));
    for (const tab of tabs) tab.close();
  });

  it('shares one backend per database in a page, and keeps the device token of the browser', async () => {
    const name = persisted();
    const first = createLocalAdapter({ persist: name });
    const second = createLocalAdapter({ persist: name });
    expect(first.backend).to.equal(second.backend);
    const { eventId } = await first.createEvent(boardEvent());
    expect((await first.whoami(eventId)).participant).to.equal((await second.whoami(eventId)).participant);
    expect(createLocalAdapter().backend).not.to.equal(createLocalAdapter().backend);
  });

  it('refuses broadcast without persist', () => {
    expect(() => new LocalBackend({ broadcast: true })).to.throw(TypeError);
  });

  it('reports a failing seed action with its index', async () => {
    const adapter = createLocalAdapter();
    const definition = boardEvent({ seed: [{ activity: 'ideas', as: 'x', command: 'submitIdea', payload: { text: '' } }] });
    const error = await adapter.createEvent(definition).then(
      () => undefined,
      (caught: unknown) => caught as { code: string; field?: string },
    );
    expect(error?.code).to.equal('invalid');
    expect(error?.field).to.equal('seed.0.payload.text');
    // Nothing half-made is left behind.
    await adapter.getEvent(definition.id).then(
      () => expect.fail('the event exists'),
      (caught: { code: string }) => expect(caught.code).to.equal('not_found'),
    );
  });
});
