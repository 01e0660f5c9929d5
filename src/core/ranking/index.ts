/**
 * Pure ranking math for the priority board: Bradley–Terry fitting and scores for pairwise duels,
 * pair selection, how settled the top is, upvote ranking, and tools (seeded random numbers, Kendall's tau, a simulated
 * crowd) for tests and benchmarks. No DOM, no I/O.
 */
export { CONFIDENCE_Z, DuelTally, EXACT_SCORE_LIMIT, compareRankRows, estimableIds, fit, pairKey, posterior, rank } from './bradley-terry.js';
export type { DuelRankRow, FitOptions, FitResult, ItemTotals, PairTally, Posterior, RankOptions, RankRow } from './bradley-terry.js';
export { topStability } from './stability.js';
export type { TopStability, TopStabilityOptions } from './stability.js';
export { choosePair, uniformRandomPair } from './pairs.js';
export type { PairChooser, PairRequest } from './pairs.js';
export { rankUpvotes, wilsonInterval } from './upvote.js';
export type { UpvoteCount, UpvoteRankOptions } from './upvote.js';
export { kendallTauB } from './kendall.js';
export { logNormalStrengths, simulateCrowd } from './simulate.js';
export type { CrowdOptions } from './simulate.js';
export { createRandom } from './random.js';
export type { Random } from './random.js';
