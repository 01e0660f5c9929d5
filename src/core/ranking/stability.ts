/**
 * "Is the top settled?": how sure a Bradley–Terry ranking is about which ideas make its top N, so
 * that an organiser knows when more duels would no longer change the top.
 */
import { posterior, type DuelTally, type FitOptions } from './bradley-terry.js';
import { createRandom } from './random.js';

/** Options of {@link topStability}. */
export interface TopStabilityOptions extends Pick<FitOptions, 'prior' | 'initial'> {
  /** N: the size of the top that should be settled. */
  top: number;
  /**
   * The ideas that compete for the top, e.g. the ranked ones (enough duels). Default: every idea
   * the fit estimates. Others still shape the strengths through their duels.
   */
  among?: Iterable<string>;
  /**
   * At most this many draws from the fit's normal approximation. They are made in batches of 100
   * until the share's standard error is at most 0.02 (±4 points), so a clearly settled or clearly
   * open top takes 100–200 draws and a close call up to this many. Default 400.
   */
  samples?: number;
  /** Seed of the draws: the same votes always give the same answer. Default 1. */
  seed?: number;
}

/** The answer of {@link topStability}. */
export interface TopStability {
  /** The current top N ideas, strongest first. */
  top: string[];
  /** The share of plausible outcomes in which the top N are the same ideas (in any order), 0–1. */
  probability: number;
  /** Per competing idea, the share of plausible outcomes in which it is in the top N. */
  inTop: Map<string, number>;
  /** Draws made. */
  samples: number;
}

/**
 * How settled the top `top` of a ranking is: the probability that the top N would still be the
 * same set of ideas if the strengths were what the votes make plausible rather than exactly the
 * fitted ones. The strengths are drawn from the fit's normal approximation (its curvature, the same
 * that gives the score bands, with every correlation between ideas: see {@link posterior}); the
 * answer is the share of draws whose top N set equals the fitted one. It rises towards 1 as duels
 * accumulate and falls when ideas near the edge of the top are close.
 *
 * Deterministic for a seed. `undefined` when no more than N ideas compete (the top is then all of
 * them, and there is nothing to settle).
 */
export function topStability(tally: DuelTally, options: TopStabilityOptions): TopStability | undefined {
  const { top, samples = 400, seed = 1 } = options;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`top must be a positive integer, got ${top}`);
  const model = posterior(tally, { prior: options.prior, initial: options.initial });
  const wanted = options.among === undefined ? undefined : new Set(options.among);
  const competing = model.ids.flatMap((id, i) => (wanted === undefined || wanted.has(id) ? [i] : []));
  if (competing.length <= top) return undefined;
  // The fitted top: strongest first, ties by id (ids are sorted, so by index).
  const byStrength = [...competing].sort((a, b) => model.theta[b] - model.theta[a] || a - b);
  const isTop = new Uint8Array(model.ids.length);
  for (const i of byStrength.slice(0, top)) isTop[i] = 1;
  const draw = new Float64Array(model.ids.length);
  const counts = new Float64Array(model.ids.length);
  const random = createRandom(seed);
  let same = 0;
  let sample = 0;
  for (; sample < samples; sample++) {
    if (sample > 0 && sample % BATCH === 0) {
      const share = same / sample;
      if (share * (1 - share) <= STANDARD_ERROR ** 2 * sample) break;
    }
    model.sample(random, draw);
    // The drawn top N set is the fitted one exactly when the weakest fitted-top idea still beats
    // the strongest of the rest; the per-idea shares need the drawn N-th strength.
    let weakestTop = Infinity;
    let strongestRest = -Infinity;
    for (const i of competing) {
      if (isTop[i]) weakestTop = Math.min(weakestTop, draw[i]);
      else strongestRest = Math.max(strongestRest, draw[i]);
    }
    if (weakestTop > strongestRest) same += 1;
    const threshold = nthLargest(competing.map((i) => draw[i]), top);
    for (const i of competing) if (draw[i] >= threshold) counts[i] += 1;
  }
  return {
    top: byStrength.slice(0, top).map((i) => model.ids[i]),
    probability: same / sample,
    inTop: new Map(competing.map((i) => [model.ids[i], counts[i] / sample])),
    samples: sample,
  };
}

const BATCH = 100;
const STANDARD_ERROR = 0.02;

/** The n-th largest of `values` (1-based). Sorting is fine: at most a few thousand ideas. */
function nthLargest(values: number[], n: number): number {
  return Float64Array.from(values).sort()[values.length - n];
}
