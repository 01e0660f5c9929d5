/**
 * Board update in Chromium: one new vote arrives on a board with N ideas (20 duels per idea);
 * we measure the script time from the change reaching the element to the next frame (fold,
 * warm refit, ranking, render). Ours renders the ranking in pages of 50 rows with keyed rows;
 * the reference, in the same page and run, is the same element showing every row at once
 * (what a list without paging would do).
 */
import '../src/components/priority-board/priority-board.js';
import type { OsaPriorityBoard } from '../src/components/priority-board/priority-board.component.js';
import { EventLedger } from '../src/core/ledger.js';
import type { Change } from '../src/core/activity.js';
import { createRandom } from '../src/core/ranking/random.js';
import type { ActivityExport, ActivitySnapshot, ChangeListener, EventInfo, OsaAdapter, SendResult, Viewer } from '../src/adapters/types.js';

/** A read-only adapter over a ledger built in the page, with a hook to push one more change. */
class LedgerAdapter implements OsaAdapter {
  private listeners: ChangeListener[] = [];
  constructor(private readonly ledger: EventLedger) {}
  createEvent(): never {
    throw new Error('not used');
  }
  async getEvent(): Promise<EventInfo> {
    return { id: this.ledger.eventId, title: 'bench', languages: ['en'], activities: [] };
  }
  async getActivity(eventId: string, activityId: string): Promise<ActivitySnapshot> {
    return { ...this.ledger.snapshot(activityId, this.viewerNow()), eventId, viewer: this.viewerNow() };
  }
  async send(): Promise<SendResult> {
    throw new Error('not used');
  }
  subscribe(_event: string, _activity: string, listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((entry) => entry !== listener));
  }
  push(change: Change): void {
    this.ledger.apply([change]);
    for (const listener of this.listeners) listener([change]);
  }
  async exportActivity(): Promise<ActivityExport> {
    throw new Error('not used');
  }
  setOrganiserKey(): void {}
  async whoami(): Promise<Viewer> {
    return this.viewerNow();
  }
  private viewerNow(): Viewer {
    return { participant: 'viewer', organiser: false };
  }
}

function buildLedger(ideas: number, duelsPerIdea: number, seed: number): EventLedger {
  const ledger = new EventLedger('bench', 'bench', ['en'], [
    { id: 'b', kind: 'board', phase: 'results', config: { resultsVisibility: 'always', minAppearances: 5 } },
  ]);
  const random = createRandom(seed);
  const changes: Change[] = [];
  let seq = 0;
  const push = (type: string, data: unknown) => changes.push({ seq: (seq += 1), activity: 'b', type, data, audience: 'public', at: 0 });
  const strength = Array.from({ length: ideas }, () => Math.exp(random.normal()));
  for (let index = 0; index < ideas; index += 1) {
    push('idea', { idea: { id: `i${index + 1}`, question: 'main', text: `Idea number ${index + 1} about school well-being`, status: 'visible', createdAt: 0, likes: 0 } });
  }
  for (let duel = 0; duel < (ideas * duelsPerIdea) / 2; duel += 1) {
    const a = random.int(ideas);
    let b = random.int(ideas - 1);
    if (b >= a) b += 1;
    const aWins = random.next() < strength[a] / (strength[a] + strength[b]);
    push('duel', { a: `i${a + 1}`, b: `i${b + 1}`, winner: aWins ? `i${a + 1}` : `i${b + 1}`, previous: null });
  }
  ledger.apply(changes);
  return ledger;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

async function measure(ideas: number, showAll: boolean, rounds: number): Promise<number> {
  const ledger = buildLedger(ideas, 20, ideas);
  const adapter = new LedgerAdapter(ledger);
  const element = document.createElement('osa-priority-board') as OsaPriorityBoard;
  element.adapter = adapter;
  element.event = 'bench';
  element.activity = 'b';
  element.lang = 'en';
  document.body.append(element);
  for (let tries = 0; tries < 200 && !element.shadowRoot?.querySelector('ol.ranking'); tries += 1) await nextFrame();
  if (!element.shadowRoot?.querySelector('ol.ranking')) throw new Error(`the ranking never rendered: ${element.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
  if (showAll) {
    (element as unknown as { shown: number }).shown = ideas;
    await element.updateComplete;
  }
  await nextFrame();
  const random = createRandom(99);
  const times: number[] = [];
  for (let round = 0; round < rounds + 3; round += 1) {
    const a = random.int(ideas);
    const b = (a + 1 + random.int(ideas - 1)) % ideas;
    const start = performance.now();
    adapter.push({ seq: ledger.seq + 1, activity: 'b', type: 'duel', data: { a: `i${a + 1}`, b: `i${b + 1}`, winner: `i${a + 1}`, previous: null }, audience: 'public', at: 0 });
    await element.updateComplete;
    await nextFrame();
    if (round >= 3) times.push(performance.now() - start);
  }
  element.remove();
  return median(times);
}

declare global {
  interface Window {
    runBench(): Promise<Array<{ ideas: number; ours: number; reference: number; rows: string }>>;
  }
}

window.runBench = async () => {
  const results = [];
  for (const ideas of [1000, 5000]) {
    const ours = await measure(ideas, false, ideas > 1000 ? 10 : 20);
    const reference = await measure(ideas, true, ideas > 1000 ? 5 : 10);
    results.push({ ideas, ours, reference, rows: `50 of ${ideas} vs all ${ideas}` });
  }
  return results;
};
