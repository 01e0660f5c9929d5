/**
 * The example adapter against the library's conformance suite, imported from the package as a
 * developer would (`osallistu/conformance.js`), and under one of the library's elements.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { runAdapterConformance } from 'osallistu/conformance.js';
import 'osallistu/priority-board.js';
import { LogAdapter } from './log-adapter.js';
import { MapLogStore } from './log-store.js';

runAdapterConformance('example: LogAdapter over a MapLogStore', () => {
  const store = new MapLogStore();
  return { organiser: new LogAdapter(store), participants: [new LogAdapter(store), new LogAdapter(store)] };
});

const boardEvent = (id: string) => ({
  id,
  title: { fi: 'Esimerkki', sv: 'Exempel', en: 'Example' },
  languages: ['fi' as const, 'sv' as const, 'en' as const],
  activities: [{ id: 'ideas', kind: 'board' as const, title: 'Ideas', config: { moderation: 'post' } }],
});

describe('example: LogAdapter', () => {
  it('lands writes that two devices plan at the same moment, one after the other', async () => {
    const store = new MapLogStore();
    const [a, b] = [new LogAdapter(store), new LogAdapter(store)];
    await a.createEvent(boardEvent('race'));
    // Both devices fold the same log and plan on it; the second append finds the log moved on and plans again.
    const [first, second] = await Promise.all([
      a.send('race', 'ideas', 'submitIdea', { text: 'Longer breaks', force: true }),
      b.send('race', 'ideas', 'submitIdea', { text: 'A quiet room', force: true }),
    ]);
    expect(first.queued || second.queued).to.equal(false);
    const seqs = [first, second].map((answer) => (answer.queued ? 0 : answer.seq));
    expect(new Set(seqs).size).to.equal(2);
    const snapshot = await new LogAdapter(store).getActivity('race', 'ideas');
    const texts = Object.values((snapshot.state as { ideas: Record<string, { text: string }> }).ideas).map((idea) => idea.text);
    expect(texts.sort()).to.deep.equal(['A quiet room', 'Longer breaks']);
  });

  it('serves an element: the board shows the ideas in the log and one sent from another device', async () => {
    const store = new MapLogStore();
    const organiser = new LogAdapter(store);
    await organiser.createEvent({ ...boardEvent('element'), seed: [{ activity: 'ideas', command: 'submitIdea', payload: { text: 'Shared bikes', force: true }, as: 'p1' }] });
    const board = await fixture<HTMLElement>(html`<osa-priority-board lang="en" .adapter=${new LogAdapter(store)} event="element" activity="ideas"></osa-priority-board>`);
    const shows = (text: string) => board.shadowRoot?.textContent?.includes(text) ?? false;
    await waitUntil(() => shows('Shared bikes'), 'the seeded idea is shown');
    await new LogAdapter(store).send('element', 'ideas', 'submitIdea', { text: 'Night buses', force: true });
    await waitUntil(() => shows('Night buses'), 'the other device’s idea arrives live');
    await expect(board).to.be.accessible();
  });
});
