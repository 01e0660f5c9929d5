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
  const ledger = new EventLedger('bench', 'bench', [{ id: 'b', kind: 'board', phase: 'results', config: { resultsVisibility: 'always', minAppearances: 5 } }], ['en']);
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

async function mountBoard(ideas: number, showAll: boolean): Promise<{ element: OsaPriorityBoard; adapter: LedgerAdapter; ledger: EventLedger }> {
  const ledger = buildLedger(ideas, 20, ideas);
  const adapter = new LedgerAdapter(ledger);
  const element = document.createElement('osa-priority-board') as OsaPriorityBoard;
  element.adapter = adapter;
  element.event = 'bench';
  element.activity = 'b';
  element.lang = 'en';
  document.body.append(element);
  for (let tries = 0; tries < 200 && !element.shadowRoot?.querySelector('ol.ranking'); tries += 1) await nextFrame();
  if (!element.shadowRoot?.querySelector('ol.ranking')) throw new Error('the ranking never rendered');
  if (showAll) {
    (element as unknown as { shown: number }).shown = ideas;
    await element.updateComplete;
  }
  await nextFrame();
  return { element, adapter, ledger };
}

function vote(adapter: LedgerAdapter, ledger: EventLedger, ideas: number, random: ReturnType<typeof createRandom>): void {
  const a = random.int(ideas);
  const b = (a + 1 + random.int(ideas - 1)) % ideas;
  adapter.push({ seq: ledger.seq + 1, activity: 'b', type: 'duel', data: { a: `i${a + 1}`, b: `i${b + 1}`, winner: `i${a + 1}`, previous: null }, audience: 'public', at: 0 });
}

/** One vote after a quiet moment: script time from the change to the next frame (median). */
async function singleVote(ideas: number, showAll: boolean, rounds: number): Promise<number> {
  const { element, adapter, ledger } = await mountBoard(ideas, showAll);
  const random = createRandom(99);
  const times: number[] = [];
  for (let round = 0; round < rounds + 2; round += 1) {
    // Quiet long enough that the element's throttle lets this vote re-rank at once.
    await sleep(ideas > 1000 ? 1200 : 400);
    const start = performance.now();
    vote(adapter, ledger, ideas, random);
    await element.updateComplete;
    await nextFrame();
    if (round >= 2) times.push(performance.now() - start);
  }
  element.remove();
  return median(times);
}

/** 20 votes a second for 3 seconds: how much of the main thread the board takes, and its longest task. */
async function burst(ideas: number): Promise<{ busy: number; longest: number; frames: number }> {
  const { element, adapter, ledger } = await mountBoard(ideas, false);
  const random = createRandom(7);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  let counting = true;
  const count = () => {
    frames += 1;
    if (counting) requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
  const start = performance.now();
  for (let index = 0; index < 60; index += 1) {
    vote(adapter, ledger, ideas, random);
    await sleep(50);
  }
  const elapsed = performance.now() - start;
  counting = false;
  await sleep(100);
  observer.disconnect();
  element.remove();
  return { busy: tasks.reduce((sum, duration) => sum + duration, 0) / elapsed, longest: Math.max(0, ...tasks), frames: frames / (elapsed / 1000) };
}

declare global {
  interface Window {
    runBench(): Promise<Array<Record<string, string | number>>>;
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

window.runBench = async () => {
  const results = [];
  for (const ideas of [1000, 5000]) {
    const ours = await singleVote(ideas, false, ideas > 1000 ? 6 : 10);
    const reference = await singleVote(ideas, true, ideas > 1000 ? 3 : 6);
    const load = await burst(ideas);
    results.push({
      ideas,
      'one vote, ours (50 rows shown)': ms(ours),
      'one vote, reference (all rows)': ms(reference),
      'burst 20 votes/s: long tasks share': `${(100 * load.busy).toFixed(0)} %`,
      'burst: longest task': ms(load.longest),
      'burst: frames/s': load.frames.toFixed(0),
    });
  }
  return results;
};
