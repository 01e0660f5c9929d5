/**
 * Ranking math in node: `node --import tsx bench/ranking.bench.ts`.
 *
 * (a) Refit time of the Bradley–Terry fit for 37, 100 and 300 ideas with 20 duels per idea: ours
 *     warm-started from the previous strengths after one extra vote, beside the same fit cold and
 *     beside the reference, Hunter's MM algorithm (same prior, same tie rule, same stopping rule),
 *     cold. Medians of several runs; iterations are Newton steps for ours, MM sweeps for MM.
 * (b) Ranking accuracy: Kendall's tau between the fitted scores and the simulated true strengths
 *     for 100 ideas at 5, 10, 20 and 50 duels per idea, pairs from our `choosePair` beside the
 *     reference `uniformRandomPair`, same seeds and same true strengths, averaged over the seeds.
 */
import { choosePair, createRandom, fit, kendallTauB, logNormalStrengths, rank, simulateCrowd, uniformRandomPair } from '../src/core/ranking/index.js';
import type { DuelTally, PairChooser } from '../src/core/ranking/index.js';

const TOLERANCE = 1e-6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median wall time in milliseconds of each candidate, measured round-robin (so that background
 * load hits all of them alike) after a few unmeasured rounds to warm up the JIT.
 */
function timeInterleaved<C extends Record<string, () => unknown>>(candidates: C, repeats: number): { [K in keyof C]: { ms: number; result: ReturnType<C[K]> } } {
  const names = Object.keys(candidates);
  const times = new Map(names.map((name) => [name, [] as number[]]));
  const results = new Map<string, unknown>();
  for (let round = -3; round < repeats; round++) {
    for (const name of names) {
      const start = performance.now();
      results.set(name, candidates[name]());
      if (round >= 0) times.get(name)?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ms: median(times.get(name) ?? []), result: results.get(name) }])) as {
    [K in keyof C]: { ms: number; result: ReturnType<C[K]> };
  };
}

/**
 * Reference: Hunter's (2004) MM algorithm for the same posterior, s_i ← (W_i + 1) /
 * (Σ_j n_ij / (s_i + s_j) + 2 / (s_i + 1)), all ideas updated from the previous sweep, stopped when
 * no log-strength moves more than TOLERANCE in a sweep.
 */
function fitMinorizeMaximize(tally: DuelTally, maxSweeps = 100_000): { strengths: Map<string, number>; iterations: number } {
  const ids = tally.items().sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = [...tally.pairs()];
  const first = Int32Array.from(pairs, (pair) => index.get(pair.first) ?? -1);
  const second = Int32Array.from(pairs, (pair) => index.get(pair.second) ?? -1);
  const duels = Float64Array.from(pairs, (pair) => pair.firstWins + pair.secondWins + pair.ties);
  const points = Float64Array.from(ids, (id) => {
    const { wins, ties } = tally.totals(id);
    return wins + ties / 2 + 1;
  });
  const strength = new Float64Array(ids.length).fill(1);
  const denominator = new Float64Array(ids.length);
  let sweeps = 0;
  for (let moved = Infinity; moved > TOLERANCE && sweeps < maxSweeps; sweeps++) {
    for (let i = 0; i < ids.length; i++) denominator[i] = 2 / (strength[i] + 1);
    for (let e = 0; e < pairs.length; e++) {
      const share = duels[e] / (strength[first[e]] + strength[second[e]]);
      denominator[first[e]] += share;
      denominator[second[e]] += share;
    }
    moved = 0;
    for (let i = 0; i < ids.length; i++) {
      const next = points[i] / denominator[i];
      moved = Math.max(moved, Math.abs(Math.log(next / strength[i])));
      strength[i] = next;
    }
  }
  return { strengths: new Map(ids.map((id, i) => [id, strength[i]])), iterations: sweeps };
}

function maxLogDifference(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let max = 0;
  for (const [id, strength] of a) max = Math.max(max, Math.abs(Math.log(strength / (b.get(id) ?? Number.NaN))));
  return max;
}

function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

function refitBenchmark(): void {
  console.log('\n(a) Refit after one extra vote, 20 duels per idea (median ms of 21 interleaved runs; iterations)');
  const rows: (string | number)[][] = [];
  for (const ideas of [37, 100, 300]) {
    const truth = logNormalStrengths(ideas, 1, createRandom(ideas));
    const tally = simulateCrowd({ strengths: truth, participants: 60, duelsPerItem: 20, chooser: uniformRandomPair, seed: ideas, tieProbability: 0.1, refitEvery: 0 });
    const previous = fit(tally).strengths;
    // One more vote, decided by the true strengths.
    const random = createRandom(ideas + 1);
    const pair = uniformRandomPair({ items: tally.items(), tally, seen: new Set(), own: new Set(), random });
    if (!pair) throw new Error('no pair for the extra vote');
    const [a, b] = pair;
    const strengthA = truth.get(a) ?? 1;
    if (random.next() < strengthA / (strengthA + (truth.get(b) ?? 1))) tally.add(a, b);
    else tally.add(b, a);

    const { warm, cold, reference, warmRank } = timeInterleaved(
      {
        warm: () => fit(tally, { initial: previous, tolerance: TOLERANCE }),
        cold: () => fit(tally, { tolerance: TOLERANCE }),
        reference: () => fitMinorizeMaximize(tally),
        warmRank: () => rank(tally, { minAppearances: 5, previous }),
      },
      21,
    );
    rows.push([
      ideas,
      tally.duelCount,
      `${warm.ms.toFixed(2)} (${warm.result.iterations})`,
      `${cold.ms.toFixed(2)} (${cold.result.iterations})`,
      warmRank.ms.toFixed(2),
      `${reference.ms.toFixed(2)} (${reference.result.iterations})`,
      maxLogDifference(reference.result.strengths, cold.result.strengths).toExponential(1),
    ]);
  }
  printTable(['ideas', 'duels', 'ours warm ms (it)', 'ours cold ms (it)', 'rank() warm ms', 'reference MM cold ms (it)', 'MM vs ours max |Δ log s|'], rows);
}

function accuracyBenchmark(): void {
  const ideas = 100;
  const seeds = 20;
  console.log(`\n(b) Kendall tau vs truth, ${ideas} ideas, 60 participants, ties 10% when equal, mean over ${seeds} seeds`);
  const rows: (string | number)[][] = [];
  for (const duelsPerItem of [5, 10, 20, 50]) {
    const differences: number[] = [];
    let ours = 0;
    let reference = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const truth = logNormalStrengths(ideas, 1, createRandom(1000 + seed));
      const tau = (chooser: PairChooser, refitEvery?: number) => {
        const tally = simulateCrowd({ strengths: truth, participants: 60, duelsPerItem, chooser, seed, tieProbability: 0.1, refitEvery });
        const rows = rank(tally, { minAppearances: 0 });
        return kendallTauB(
          rows.map((row) => row.score),
          rows.map((row) => truth.get(row.id) ?? Number.NaN),
        );
      };
      const oursTau = tau(choosePair);
      const referenceTau = tau(uniformRandomPair, 0);
      ours += oursTau / seeds;
      reference += referenceTau / seeds;
      differences.push(oursTau - referenceTau);
    }
    const meanDifference = differences.reduce((sum, d) => sum + d, 0) / seeds;
    const standardError = Math.sqrt(differences.reduce((sum, d) => sum + (d - meanDifference) ** 2, 0) / (seeds - 1) / seeds);
    rows.push([duelsPerItem, ours.toFixed(3), reference.toFixed(3), `${meanDifference >= 0 ? '+' : ''}${meanDifference.toFixed(3)} ± ${standardError.toFixed(3)}`]);
  }
  printTable(['duels per idea', 'ours choosePair tau', 'reference uniform tau', 'difference ± s.e.'], rows);
}

const started = performance.now();
refitBenchmark();
accuracyBenchmark();
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
