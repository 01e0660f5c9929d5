/**
 * Ranking for upvote mode, where participants like ideas instead of judging duels.
 *
 * Rule: score = 100 × the lower end of the 95% Wilson score interval of the like rate
 * likes / views, where `views` counts the participants who could have seen the idea. Ranking by
 * this lower bound rather than by the raw rate means "at least this share of the people who saw it
 * liked it, with 95% confidence", so 1 like out of 1 view (score 20.7) does not beat 40 likes out
 * of 50 (score 66.9), and a new idea starts at 0 and climbs as evidence arrives.
 */
import { CONFIDENCE_Z, compareRankRows } from './bradley-terry.js';
import type { RankRow } from './bradley-terry.js';

/** Likes of one idea and the number of participants who could have seen it. */
export interface UpvoteCount {
  id: string;
  likes: number;
  views: number;
}

/** Options of {@link rankUpvotes}. */
export interface UpvoteRankOptions {
  /** Ideas with fewer views than this are listed after the ranked ones with `ranked: false`. */
  minAppearances: number;
}

/**
 * Wilson score interval for a success proportion: the range of true rates p for which observing
 * `successes` out of `trials` is within `z` standard errors of p. Unlike the normal approximation
 * it stays inside [0, 1] and behaves well for small counts. With no trials it is [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z: number = CONFIDENCE_Z): { lower: number; upper: number } {
  if (trials === 0) return { lower: 0, upper: 1 };
  const rate = successes / trials;
  const zz = z * z;
  const denominator = 1 + zz / trials;
  const centre = (rate + zz / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((rate * (1 - rate)) / trials + zz / (4 * trials * trials))) / denominator;
  // Mathematically lower ≤ rate ≤ upper; the clamps only absorb rounding (e.g. at rate 0 or 1).
  return { lower: Math.min(rate, Math.max(0, centre - halfWidth)), upper: Math.max(rate, Math.min(1, centre + halfWidth)) };
}

/**
 * Ranks ideas by the rule at the top of this module. Row fields: `score` = `lower` = 100 × the
 * Wilson lower bound, `upper` = 100 × the Wilson upper bound, `appearances` = views,
 * `wins` = likes, `losses` = views − likes, `ties` = 0. Views below likes (someone liked it, so they
 * saw it; e.g. counters updated out of order) are raised to the likes. Throws a RangeError for
 * negative or non-finite counts.
 */
export function rankUpvotes(items: readonly UpvoteCount[], options: UpvoteRankOptions): RankRow[] {
  const rows = items.map(({ id, likes, views }): RankRow => {
    if (!(likes >= 0 && views >= 0 && Number.isFinite(likes) && Number.isFinite(views))) {
      throw new RangeError(`Invalid upvote counts for ${id}: ${likes} likes, ${views} views`);
    }
    const seenBy = Math.max(views, likes);
    const { lower, upper } = wilsonInterval(likes, seenBy);
    return {
      id,
      score: 100 * lower,
      lower: 100 * lower,
      upper: 100 * upper,
      appearances: seenBy,
      wins: likes,
      losses: seenBy - likes,
      ties: 0,
      ranked: seenBy >= options.minAppearances,
    };
  });
  return rows.sort(compareRankRows);
}
