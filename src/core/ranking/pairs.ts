/**
 * Choosing the next duel to show a participant.
 *
 * Rules, in order of strength:
 * 1. Never a pair the participant already judged (`seen`, keyed by {@link pairKey}).
 * 2. Never a pair made only of the participant's own ideas (there would be nobody else's idea to
 *    judge).
 * 3. Own ideas are a conflict of interest, so a pair with one own idea is shown only once every
 *    pair without own ideas has been judged (in practice: in small events, or to a prolific
 *    author).
 * Within those rules the sampler prefers ideas the crowd has seen little, so that new ideas catch
 * up, and pairs of close strength (win probability near ½), because such a duel tells the most
 * about the order; randomness makes different participants get different pairs.
 *
 * Cost per call is O(number of ideas) for the appearance weights plus a few dozen pair checks;
 * an exhaustive O(n²) scan only happens when random sampling found no allowed pair, which means
 * the participant has judged nearly every pair (a small event).
 */
import { pairKey } from './bradley-terry.js';
import type { DuelTally } from './bradley-terry.js';
import type { Random } from './random.js';

export { pairKey };

/** What the pair sampler knows when a participant asks for the next duel. */
export interface PairRequest {
  /** Ideas that may be shown (visible, not moderated away); ids must be unique. */
  items: readonly string[];
  /** Crowd tally, for how often each idea has been shown. */
  tally: Pick<DuelTally, 'appearances'>;
  /** Pair keys ({@link pairKey}) this participant has already judged. */
  seen: ReadonlySet<string>;
  /** Ids of this participant's own ideas. */
  own: ReadonlySet<string>;
  /** Latest fitted strengths; ideas missing here count as strength 1 (the prior median). */
  strengths?: ReadonlyMap<string, number>;
  random: Random;
}

/** A pair-selection strategy; returns the two ids in display order, or null when none is left. */
export type PairChooser = (request: PairRequest) => [string, string] | null;

/** First ideas tried before giving up on random sampling. */
const FIRST_ITEM_ATTEMPTS = 8;
/** Opponents compared for information once a first idea is drawn. */
const OPPONENT_CANDIDATES = 6;
/** Random draws spent looking for those opponents. */
const OPPONENT_DRAWS = 24;
/** Random draws of `uniformRandomPair` before it falls back to the exhaustive scan. */
const UNIFORM_DRAWS = 64;

function isAllowed(request: PairRequest, a: string, b: string): boolean {
  return a !== b && !(request.own.has(a) && request.own.has(b)) && !request.seen.has(pairKey(a, b));
}

/** Information of a duel between strengths a and b: p(1 − p), largest (¼) when they are equal. */
function duelInformation(strengthA: number, strengthB: number): number {
  const p = strengthA / (strengthA + strengthB);
  return p * (1 - p);
}

/**
 * Random display order, so that the idea the sampler picked first (often the newest) is not
 * always on the same side.
 */
function inRandomOrder(a: string, b: string, random: Random): [string, string] {
  return random.next() < 0.5 ? [a, b] : [b, a];
}

/**
 * Uniformly random allowed pair among `items`, by a full scan (reservoir sampling over all pairs),
 * or null when there is none. O(n²): only for fallbacks.
 */
function scanForPair(items: readonly string[], request: PairRequest): [string, string] | null {
  let chosen: [string, string] | null = null;
  let found = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (isAllowed(request, a, b) && request.random.int(++found) === 0) chosen = [a, b];
    }
  }
  return chosen;
}

/**
 * Draws a first idea from `firstPool` with weight 1 / (1 + appearances)², so an idea shown 0 times
 * is drawn (1 + a)² times as often as one shown a times, then compares up to a handful of random
 * allowed opponents from `opponentPool` and keeps the most informative (ties: fewer appearances).
 * Null when sampling found no allowed pair; that does not prove there is none.
 */
function sampleInformativePair(firstPool: readonly string[], opponentPool: readonly string[], request: PairRequest): [string, string] | null {
  const { tally, strengths, random } = request;
  if (firstPool.length === 0 || opponentPool.length === 0) return null;
  const cumulativeWeight = new Float64Array(firstPool.length);
  let total = 0;
  firstPool.forEach((id, i) => {
    const shown = tally.appearances(id);
    total += 1 / ((1 + shown) * (1 + shown));
    cumulativeWeight[i] = total;
  });
  const strengthOf = (id: string): number => strengths?.get(id) ?? 1;

  for (let attempt = 0; attempt < FIRST_ITEM_ATTEMPTS; attempt++) {
    const first = firstPool[upperBound(cumulativeWeight, random.next() * total)];
    let best: string | null = null;
    let bestInformation = -1;
    let bestAppearances = 0;
    for (let draw = 0, candidates = 0; draw < OPPONENT_DRAWS && candidates < OPPONENT_CANDIDATES; draw++) {
      const opponent = opponentPool[random.int(opponentPool.length)];
      if (!isAllowed(request, first, opponent)) continue;
      candidates++;
      const information = duelInformation(strengthOf(first), strengthOf(opponent));
      const appearances = tally.appearances(opponent);
      if (information > bestInformation || (information === bestInformation && appearances < bestAppearances)) {
        best = opponent;
        bestInformation = information;
        bestAppearances = appearances;
      }
    }
    if (best !== null) return [first, best];
  }
  return null;
}

/** Index of the first entry of the ascending `cumulative` that is greater than `value`. */
function upperBound(cumulative: Float64Array, value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Chooses the next duel for one participant following the rules at the top of this module:
 * never a judged pair, never only own ideas, own ideas only when nothing else is left; among the
 * rest, little-shown ideas and close strengths first, with randomness. Returns the two ids in
 * display order, or null when the participant has judged every allowed pair.
 */
export function choosePair(request: PairRequest): [string, string] | null {
  const others = request.items.filter((id) => !request.own.has(id));
  const mine = request.items.filter((id) => request.own.has(id));
  // Once no pair without own ideas is left, the only allowed pairs in `items` are mixed ones.
  const pair =
    sampleInformativePair(others, others, request) ??
    scanForPair(others, request) ??
    sampleInformativePair(others, mine, request) ??
    scanForPair(request.items, request);
  return pair && inRandomOrder(pair[0], pair[1], request.random);
}

/**
 * Baseline for benchmarks: a uniformly random pair among all allowed ones (not judged by this
 * participant, not only own ideas), ignoring appearances, strengths and the own-idea preference.
 */
export function uniformRandomPair(request: PairRequest): [string, string] | null {
  const { items, random } = request;
  if (items.length < 2) return null;
  for (let draw = 0; draw < UNIFORM_DRAWS; draw++) {
    const a = items[random.int(items.length)];
    const b = items[random.int(items.length)];
    if (isAllowed(request, a, b)) return [a, b];
  }
  const pair = scanForPair(items, request);
  return pair && inRandomOrder(pair[0], pair[1], random);
}
