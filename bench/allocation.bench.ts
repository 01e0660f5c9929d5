/**
 * Seat allocation in node: `node --import tsx bench/allocation.bench.ts`.
 *
 * 700 people × 37 workshops × top-5 (seats for 105 % of the people, popularity skewed), each
 * objective of ours beside two baselines measured in the same run on the same preferences:
 * first come, first served in a random arrival order (what a race for seats gives), and an
 * independent exact method, the Hungarian algorithm (`munkres`) on the seat-expanded matrix (the
 * same optimum as our `sum`, for the time). Medians of several seeds and runs.
 */
import { munkres } from 'munkres';
import { allocate, firstComeFirstServed, type AllocationInput, type AllocationResult } from '../src/core/workshops/allocation.js';
import { collegeCase } from '../src/core/workshops/simulate.js';
import { createRandom } from '../src/core/ranking/random.js';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

function timed<T>(run: () => T, repeats = 5): { ms: number; result: T } {
  let result = run();
  const times: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const outsideTop5 = (result: AllocationResult) => result.assignments.filter((entry) => entry.rank === null).length;
const profile = (result: AllocationResult) => [0, 1, 2, 3, 4].map((index) => result.profile[index] ?? 0).join('/');

function hungarian(input: AllocationInput): number {
  const seats = input.workshops.flatMap((workshop) => Array.from({ length: workshop.capacity }, () => workshop.id));
  const matrix = input.participants.map((participant) => seats.map((workshop) => {
    const rank = participant.choices.indexOf(workshop);
    return rank === -1 ? 6 : rank + 1;
  }));
  return munkres(matrix).length;
}

const rows: string[][] = [['method', 'time (median)', 'rank profile 1st/2nd/3rd/4th/5th', 'outside top 5', 'no seat']];
for (const seed of [1, 2, 3]) {
  const input = collegeCase(seed);
  const random = createRandom(seed + 100);
  const order = input.participants.map((participant) => participant.id);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = random.int(index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  const race = timed(() => firstComeFirstServed(input, order));
  rows.push([`seed ${seed}: first come, first served`, `${race.ms.toFixed(1)} ms`, profile(race.result), String(outsideTop5(race.result)), String(race.result.unseated)]);
  for (const objective of ['sum', 'fair', 'rankMaximal'] as const) {
    const ours = timed(() => allocate({ ...input, objective }));
    rows.push([`seed ${seed}: osallistu ${objective}`, `${ours.ms.toFixed(1)} ms`, profile(ours.result), String(outsideTop5(ours.result)), String(ours.result.unseated)]);
  }
  const exact = timed(() => hungarian(input), 2);
  rows.push([`seed ${seed}: Hungarian (munkres), seat-expanded`, `${exact.ms.toFixed(1)} ms`, 'same optimum as sum', '', '']);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
