/**
 * The duplicate check of `submitIdea` in node: `node --import tsx bench/similarity.bench.ts`.
 *
 * For a board of 500 and 5,000 ideas, the cost of one check: ours, the trigram index kept beside
 * the state (`TextIndex`, prefix filtering, then only the candidates scored), beside the
 * reference, the linear scan that scores every idea with `mostSimilar` (the check before the
 * index), same texts, same filter, same answers (checked). Queries are near copies of stored ideas
 * (answered "similar") and new ideas (no match). Also the one-off cost of building the index when a
 * board is loaded, and a whole `submitIdea` run by the core (its plan, nothing recorded).
 */
import { EventLedger } from '../src/core/ledger.js';
import { createRandom, type Random } from '../src/core/ranking/random.js';
import { mostSimilar, TextIndex } from '../src/core/text.js';
import type { BoardState, Idea } from '../src/core/board/board.js';

const THRESHOLD = 0.8;

const STEMS = [
  'koulu', 'ruokailu', 'pyörätie', 'kirjasto', 'uimahalli', 'nuorisotalo', 'puisto', 'liikunta', 'kiusaaminen', 'oppilashuolto',
  'bussi', 'valaistus', 'penkki', 'leikkipuisto', 'kerho', 'välitunti', 'opettaja', 'vanhempi', 'harrastus', 'musiikki',
  'taide', 'kieli', 'luonto', 'metsä', 'ranta', 'katu', 'jalkakäytävä', 'pysäkki', 'kauppa', 'tori',
  'sauna', 'kenttä', 'jäähalli', 'kuntosali', 'ryhmä', 'luokka', 'piha', 'lounas', 'aamupala', 'kirja',
];
const ENDINGS = ['', 'n', 'a', 'ssa', 'lla', 'ille', 'jen', 'ja', 'ksi', 'sta'];
const VERBS = ['lisää', 'parempi', 'uusi', 'korjataan', 'pidempi', 'turvallisempi', 'halvempi', 'avoin', 'siistimpi', 'enemmän'];

function ideaText(random: Random): string {
  const words = [VERBS[Math.floor(random.next() * VERBS.length)]];
  const count = 2 + Math.floor(random.next() * 6);
  for (let index = 0; index < count; index += 1) {
    words.push(STEMS[Math.floor(random.next() * STEMS.length)] + ENDINGS[Math.floor(random.next() * ENDINGS.length)]);
  }
  return words.join(' ');
}

/** A near copy: one word's ending changed, as a participant writes the same idea again. */
function nearCopy(text: string, random: Random): string {
  const words = text.split(' ');
  const at = 1 + Math.floor(random.next() * (words.length - 1));
  words[at] = `${words[at]}${ENDINGS[1 + Math.floor(random.next() * (ENDINGS.length - 1))]}`;
  return words.join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median microseconds per call over `queries`, each candidate measured round-robin after a warm-up round. */
function timeInterleaved(candidates: Record<string, (query: string) => unknown>, queries: string[], repeats: number): Record<string, number> {
  const times = new Map(Object.keys(candidates).map((name) => [name, [] as number[]]));
  for (let round = -1; round < repeats; round += 1) {
    for (const [name, run] of Object.entries(candidates)) {
      const start = performance.now();
      for (const query of queries) run(query);
      if (round >= 0) times.get(name)!.push(((performance.now() - start) * 1000) / queries.length);
    }
  }
  return Object.fromEntries([...times].map(([name, values]) => [name, median(values)]));
}

function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

function board(ideas: number): { ledger: EventLedger; state: BoardState; texts: string[] } {
  const ledger = new EventLedger('bench', 'Bench', [{ id: 'b', kind: 'board', config: { profanityFilter: false, maxIdeasPerParticipant: 200 } }], ['fi']);
  const random = createRandom(ideas);
  const texts: string[] = [];
  for (let index = 0; index < ideas; index += 1) {
    const text = `${ideaText(random)} ${index}`;
    texts.push(text);
    const { changes } = ledger.stamp('b', 'submitIdea', { text, force: true }, { participant: `p${index % 997}`, organiser: false, now: index, random });
    ledger.apply(changes);
  }
  return { ledger, state: ledger.activity('b').record.state as BoardState, texts };
}

const rows: (string | number)[][] = [];
for (const ideas of [500, 5_000]) {
  const { ledger, state, texts } = board(ideas);
  const random = createRandom(ideas + 1);
  const hits = Array.from({ length: 25 }, () => nearCopy(texts[Math.floor(random.next() * texts.length)], random));
  const misses = Array.from({ length: 25 }, () => ideaText(random));
  const mine = new Set<string>();
  const accept = (item: Idea): boolean => item.question === 'main' && (item.status === 'visible' || mine.has(item.id));

  const buildStart = performance.now();
  const index = new TextIndex<string>();
  for (const id of state.order) index.set(id, state.ideas[id].text);
  const buildMs = performance.now() - buildStart;

  const linear = (query: string) => mostSimilar(query, state.order.map((id) => state.ideas[id]).filter(accept), (item) => item.text, THRESHOLD)?.id;
  const indexed = (query: string) => index.mostSimilar(query, THRESHOLD, (id) => accept(state.ideas[id]))?.id;
  let similar = 0;
  for (const query of [...hits, ...misses]) {
    if (linear(query) !== indexed(query)) throw new Error(`The index and the scan disagree on "${query}".`);
    if (linear(query) !== undefined) similar += 1;
  }
  // The whole command as a back end runs it: the board's own index, kept beside its state.
  const context = { participant: 'bench-writer', organiser: false, now: 0, random };
  const command = (query: string) => ledger.plan('b', 'submitIdea', { text: query }, context);
  command(hits[0]);

  const repeats = ideas >= 5_000 ? 3 : 9;
  const hit = timeInterleaved({ indexed, linear, command }, hits, repeats);
  const miss = timeInterleaved({ indexed, linear, command }, misses, repeats);
  rows.push([
    ideas,
    `${similar}/${hits.length + misses.length}`,
    hit.indexed.toFixed(0),
    hit.linear.toFixed(0),
    miss.indexed.toFixed(0),
    miss.linear.toFixed(0),
    `${(miss.linear / miss.indexed).toFixed(0)}×`,
    buildMs.toFixed(1),
    hit.command.toFixed(0),
  ]);
}
console.log(`\nOne duplicate check (median µs per query, threshold ${THRESHOLD}; hits are near copies, misses new ideas)`);
printTable(
  ['ideas', 'similar', 'ours hit µs', 'reference scan hit µs', 'ours miss µs', 'reference scan miss µs', 'miss speed-up', 'index build ms (once)', 'submitIdea plan µs (ours)'],
  rows,
);
