/**
 * A simulated crowd judging duels, for tests and benchmarks: ideas have known true strengths, so a
 * ranking method can be scored against the truth (e.g. with Kendall's tau).
 */
import { DuelTally, fit, pairKey } from './bradley-terry.js';
import type { PairChooser } from './pairs.js';
import { createRandom } from './random.js';
import type { Random } from './random.js';

/**
 * True strengths exp(σ · Z) with Z standard normal (log-normal), for ideas `idea-000`,
 * `idea-001`, … With σ = 1 the strongest of 100 ideas beats the median one about 90% of the time.
 */
export function logNormalStrengths(count: number, sigma: number, random: Random): Map<string, number> {
  const digits = Math.max(3, String(count - 1).length);
  return new Map(Array.from({ length: count }, (_, i) => [`idea-${String(i).padStart(digits, '0')}`, Math.exp(sigma * random.normal())]));
}

/** Options of {@link simulateCrowd}. */
export interface CrowdOptions {
  /** True strength of every idea; outcomes follow Bradley–Terry with these strengths. */
  strengths: ReadonlyMap<string, number>;
  /** Number of participants; each never judges the same pair twice. */
  participants: number;
  /** Target duels per idea; the crowd casts round(ideas × duelsPerItem / 2) votes in total. */
  duelsPerItem: number;
  /** How each participant's next pair is chosen (e.g. `choosePair` or `uniformRandomPair`). */
  chooser: PairChooser;
  seed: number;
  /**
   * Chance of a tie between two ideas of equal strength; it falls with their difference as
   * 4p(1 − p), where p is the true probability that the first wins. Default 0.
   */
  tieProbability?: number;
  /**
   * Votes between refits of the strengths handed to `chooser` (warm-started, as a live board
   * would). Default: a tenth of the number of ideas. 0 never fits (for choosers that ignore them).
   */
  refitEvery?: number;
}

/**
 * Runs the crowd: each vote comes from a random participant who still has unjudged pairs, on the
 * pair `chooser` picks for them, decided by the true strengths. Stops early if every participant
 * has judged every allowed pair. Participants have no ideas of their own. Deterministic for a seed.
 */
export function simulateCrowd(options: CrowdOptions): DuelTally {
  const { strengths, participants, duelsPerItem, chooser, seed, tieProbability = 0 } = options;
  const items = [...strengths.keys()];
  const refitEvery = options.refitEvery ?? Math.max(1, Math.round(items.length / 10));
  const random = createRandom(seed);
  const tally = new DuelTally();
  items.forEach((id) => tally.addItem(id));
  const seenBy = Array.from({ length: participants }, () => new Set<string>());
  const active = seenBy.map((_, participant) => participant);
  const noOwnIdeas = new Set<string>();
  const votes = Math.round((items.length * duelsPerItem) / 2);
  let estimated: Map<string, number> | undefined;

  for (let cast = 0; cast < votes && active.length > 0; ) {
    const slot = random.int(active.length);
    const seen = seenBy[active[slot]];
    const pair = chooser({ items, tally, seen, own: noOwnIdeas, strengths: estimated, random });
    if (!pair) {
      active[slot] = active[active.length - 1];
      active.pop();
      continue;
    }
    const [a, b] = pair;
    seen.add(pairKey(a, b));
    const strengthA = strengths.get(a)!;
    const pA = strengthA / (strengthA + strengths.get(b)!);
    if (random.next() < tieProbability * 4 * pA * (1 - pA)) tally.addTie(a, b);
    else if (random.next() < pA) tally.add(a, b);
    else tally.add(b, a);
    cast++;
    if (refitEvery > 0 && cast % refitEvery === 0) estimated = fit(tally, { initial: estimated }).strengths;
  }
  return tally;
}
