/**
 * Bradley–Terry ranking of ideas from pairwise duels ("which of these two matters more?").
 *
 * Model: idea i has a positive strength s_i = exp(θ_i) and wins a duel against idea j with
 * probability s_i / (s_i + s_j). The strengths are fitted by maximum a posteriori estimation:
 *
 * - Prior: every idea gets one virtual win and one virtual loss against a virtual idea of fixed
 *   strength 1. This is the same as a standard logistic prior on θ_i (median strength 1), it keeps
 *   every strength finite even when an idea has won (or lost) all of its duels or has none, it pulls
 *   ideas with little data towards the middle, and it fixes the scale, so strengths from one fit can
 *   be compared with (and used to warm-start) the next. Its weight is an option (`prior`, default 1
 *   virtual win and loss); with 0 the fit is plain maximum likelihood, as in standard statistical
 *   software (see {@link estimableIds} for when that estimate exists).
 * - Ties ("can't decide") count as half a win for each side (the half-win convention; no extra tie
 *   parameter as in Davidson's model). A tie therefore pulls the two strengths towards each other.
 *
 * The fit is Newton's method in θ with a backtracking line search. The log-posterior is strictly
 * concave, so this converges from any start, quadratically near the optimum; each Newton system
 * (the weighted Laplacian of the duel graph plus the prior's diagonal) is solved by
 * Jacobi-preconditioned conjugate gradients over the pairs that have duels, never over all n² pairs.
 * After a single new vote the previous strengths are already close to the new optimum, so a warm
 * start typically needs two or three Newton steps instead of six or more.
 *
 * Everything runs in a canonical order (ideas sorted by id, pairs by index), so results do not
 * depend on the order in which votes or ideas were added.
 */

import type { Random } from './random.js';

/** z-value of a two-sided 95% normal interval, used for all uncertainty bands. */
export const CONFIDENCE_Z = 1.959963984540054;

/**
 * Key of the unordered pair {a, b}: the same for (a, b) and (b, a), different for every other pair
 * of ids whatever characters they contain (the first id's length is part of the key).
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a.length}:${a}|${b}` : `${b.length}:${b}|${a}`;
}

/** Duel results of one unordered pair; `first` is the id that sorts first (code-unit order). */
export interface PairTally {
  readonly first: string;
  readonly second: string;
  readonly firstWins: number;
  readonly secondWins: number;
  readonly ties: number;
}

/** Duel results of one idea over all its duels. */
export interface ItemTotals {
  readonly wins: number;
  readonly losses: number;
  readonly ties: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_DUELS: ItemTotals = Object.freeze({ wins: 0, losses: 0, ties: 0 });

/**
 * Running tally of duel results: per unordered pair the wins of each side and the ties, per idea
 * its wins, losses and ties. Every update and query is O(1), so the tally can follow a live event
 * vote by vote. Ideas are registered by `addItem` or by their first duel and stay registered when
 * votes are removed.
 */
export class DuelTally {
  private readonly pairTallies = new Map<string, Mutable<PairTally>>();
  private readonly itemTotals = new Map<string, Mutable<ItemTotals>>();
  private duels = 0;

  /** Registers an idea that has no duels yet, so that it is ranked (as unranked) and fitted. */
  addItem(id: string): void {
    this.totalsFor(id);
  }

  /** Records that `winner` won a duel against `loser`. */
  add(winner: string, loser: string): void {
    this.apply(winner, loser, 'win', 1);
  }

  /** Records a tie ("can't decide") between `a` and `b`. */
  addTie(a: string, b: string): void {
    this.apply(a, b, 'tie', 1);
  }

  /**
   * Removes one recorded win of `winner` over `loser`, e.g. when a participant changes their vote
   * (their last vote counts, so the old outcome goes). Throws a RangeError if there is none.
   */
  remove(winner: string, loser: string): void {
    this.apply(winner, loser, 'win', -1);
  }

  /** Removes one recorded tie between `a` and `b`. Throws a RangeError if there is none. */
  removeTie(a: string, b: string): void {
    this.apply(a, b, 'tie', -1);
  }

  /** Registered ideas, in registration order. */
  items(): string[] {
    return [...this.itemTotals.keys()];
  }

  /** Number of registered ideas. */
  get itemCount(): number {
    return this.itemTotals.size;
  }

  /** Number of recorded duels (wins and ties). */
  get duelCount(): number {
    return this.duels;
  }

  /** Duels that `id` took part in (0 for an unknown idea). */
  appearances(id: string): number {
    const totals = this.totals(id);
    return totals.wins + totals.losses + totals.ties;
  }

  /** Wins, losses and ties of `id` (all 0 for an unknown idea). */
  totals(id: string): ItemTotals {
    return this.itemTotals.get(id) ?? NO_DUELS;
  }

  /** Duels recorded between `a` and `b`, in either direction, ties included. */
  pairCount(a: string, b: string): number {
    const pair = this.pairTallies.get(pairKey(a, b));
    return pair ? pair.firstWins + pair.secondWins + pair.ties : 0;
  }

  /** Results between `a` and `b`, or undefined when they never met. */
  pair(a: string, b: string): PairTally | undefined {
    return this.pairTallies.get(pairKey(a, b));
  }

  /** All pairs with at least one recorded duel (sparse: never pairs without data). */
  pairs(): IterableIterator<PairTally> {
    return this.pairTallies.values();
  }

  /** A new tally of the registered ideas among `ids` and their duels with each other. */
  subset(ids: Iterable<string>): DuelTally {
    const members = new Set(ids);
    const tally = new DuelTally();
    for (const id of this.itemTotals.keys()) if (members.has(id)) tally.addItem(id);
    for (const pair of this.pairTallies.values()) {
      if (!members.has(pair.first) || !members.has(pair.second)) continue;
      for (let k = 0; k < pair.firstWins; k++) tally.add(pair.first, pair.second);
      for (let k = 0; k < pair.secondWins; k++) tally.add(pair.second, pair.first);
      for (let k = 0; k < pair.ties; k++) tally.addTie(pair.first, pair.second);
    }
    return tally;
  }

  private totalsFor(id: string): Mutable<ItemTotals> {
    let totals = this.itemTotals.get(id);
    if (!totals) {
      totals = { wins: 0, losses: 0, ties: 0 };
      this.itemTotals.set(id, totals);
    }
    return totals;
  }

  private apply(a: string, b: string, outcome: 'win' | 'tie', delta: 1 | -1): void {
    if (a === b) throw new RangeError(`An idea cannot duel itself: ${a}`);
    const key = pairKey(a, b);
    let pair = this.pairTallies.get(key);
    if (!pair && delta > 0) {
      pair = a < b ? { first: a, second: b, firstWins: 0, secondWins: 0, ties: 0 } : { first: b, second: a, firstWins: 0, secondWins: 0, ties: 0 };
      this.pairTallies.set(key, pair);
    }
    const field = outcome === 'tie' ? 'ties' : a < b ? 'firstWins' : 'secondWins';
    if (!pair || pair[field] + delta < 0) throw new RangeError(`No recorded ${outcome} between ${a} and ${b} to remove`);
    pair[field] += delta;
    if (pair.firstWins + pair.secondWins + pair.ties === 0) this.pairTallies.delete(key);

    const totalsA = this.totalsFor(a);
    const totalsB = this.totalsFor(b);
    if (outcome === 'tie') {
      totalsA.ties += delta;
      totalsB.ties += delta;
    } else {
      totalsA.wins += delta;
      totalsB.losses += delta;
    }
    this.duels += delta;
  }
}

/**
 * The tally in canonical, index-based form: ideas sorted by id, pairs with data as an edge list
 * sorted by (first, second) index, all counts in typed arrays.
 */
interface DuelGraph {
  readonly ids: string[];
  /** Virtual wins and losses per idea against strength 1 (see {@link FitOptions.prior}). */
  readonly prior: number;
  /** Per idea: wins + ties / 2 (observed, without the prior's virtual win). */
  readonly points: Float64Array;
  readonly edgeFirst: Int32Array;
  readonly edgeSecond: Int32Array;
  /** Per edge: the first idea's wins + ties / 2 against the second. */
  readonly edgeFirstPoints: Float64Array;
  /** Per edge: all duels between the two, ties included. */
  readonly edgeDuels: Float64Array;
}

/** The graph of the tally's ideas, or of `members` only (their duels with each other). */
function buildGraph(tally: DuelTally, prior: number, members?: ReadonlySet<string>): DuelGraph {
  const ids = tally.items().filter((id) => members === undefined || members.has(id)).sort();
  const index = new Map<string, number>();
  const points = new Float64Array(ids.length);
  ids.forEach((id, i) => index.set(id, i));
  const pairs = [...tally.pairs()].filter((pair) => index.has(pair.first) && index.has(pair.second));
  const first = new Int32Array(pairs.length);
  const second = new Int32Array(pairs.length);
  const identity = new Int32Array(pairs.length);
  pairs.forEach((pair, e) => {
    // pairKey orders `first` < `second` in code-unit order, which is also the order of `ids`.
    first[e] = index.get(pair.first)!;
    second[e] = index.get(pair.second)!;
    identity[e] = e;
    points[first[e]] += pair.firstWins + pair.ties / 2;
    points[second[e]] += pair.secondWins + pair.ties / 2;
  });
  // Two stable counting sorts (least significant key first) order the edges by (first, second).
  const order = stableCountingSort(first, ids.length, stableCountingSort(second, ids.length, identity));
  const graph: DuelGraph = {
    ids,
    prior,
    points,
    edgeFirst: new Int32Array(pairs.length),
    edgeSecond: new Int32Array(pairs.length),
    edgeFirstPoints: new Float64Array(pairs.length),
    edgeDuels: new Float64Array(pairs.length),
  };
  order.forEach((e, position) => {
    const pair = pairs[e];
    graph.edgeFirst[position] = first[e];
    graph.edgeSecond[position] = second[e];
    graph.edgeFirstPoints[position] = pair.firstWins + pair.ties / 2;
    graph.edgeDuels[position] = pair.firstWins + pair.secondWins + pair.ties;
  });
  return graph;
}

/** `order` stably re-sorted by `keys[e]`, keys being integers in [0, keyCount). O(edges + keyCount). */
function stableCountingSort(keys: Int32Array, keyCount: number, order: Int32Array): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (let e = 0; e < keys.length; e++) start[keys[e] + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const sorted = new Int32Array(order.length);
  for (let position = 0; position < order.length; position++) {
    const e = order[position];
    sorted[start[keys[e]]++] = e;
  }
  return sorted;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log σ(x), accurate for large |x|. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Log-posterior of log-strengths `theta` (up to a constant): duel likelihood plus the prior. */
function logPosterior(graph: DuelGraph, theta: Float64Array): number {
  let total = 0;
  const { prior } = graph;
  if (prior > 0) for (let i = 0; i < theta.length; i++) total += prior * (logSigmoid(theta[i]) + logSigmoid(-theta[i]));
  const { edgeFirst, edgeSecond, edgeFirstPoints, edgeDuels } = graph;
  for (let e = 0; e < edgeFirst.length; e++) {
    // w·log σ(d) + (n − w)·log σ(−d), using log σ(−d) = log σ(d) − d.
    const difference = theta[edgeFirst[e]] - theta[edgeSecond[e]];
    total += edgeDuels[e] * logSigmoid(difference) - (edgeDuels[e] - edgeFirstPoints[e]) * difference;
  }
  return total;
}

/** Gradient and curvature (negative Hessian) of the log-posterior at one point. */
interface Derivatives {
  readonly gradient: Float64Array;
  /** Diagonal of the negative Hessian: the Fisher information of each θ_i, prior included. */
  readonly information: Float64Array;
  /** The prior's part of `information`. */
  readonly priorInformation: Float64Array;
  /** Per edge: duels × p(1 − p), the off-diagonal weight of the negative Hessian. */
  readonly edgeWeight: Float64Array;
}

function allocateDerivatives(graph: DuelGraph): Derivatives {
  const n = graph.ids.length;
  return {
    gradient: new Float64Array(n),
    information: new Float64Array(n),
    priorInformation: new Float64Array(n),
    edgeWeight: new Float64Array(graph.edgeFirst.length),
  };
}

/** Fills `out` at `theta`; returns the squared Euclidean norm of the gradient. */
function evaluateDerivatives(graph: DuelGraph, theta: Float64Array, out: Derivatives): number {
  const { gradient, information, priorInformation, edgeWeight } = out;
  const { prior } = graph;
  for (let i = 0; i < theta.length; i++) {
    const p = sigmoid(theta[i]);
    // `prior` virtual wins and as many losses against strength 1: gradient prior·(1 − 2p), curvature prior·2p(1 − p).
    gradient[i] = graph.points[i] + prior * (1 - 2 * p);
    priorInformation[i] = prior * 2 * p * (1 - p);
    information[i] = priorInformation[i];
  }
  const { edgeFirst, edgeSecond, edgeDuels } = graph;
  for (let e = 0; e < edgeFirst.length; e++) {
    const i = edgeFirst[e];
    const j = edgeSecond[e];
    const p = sigmoid(theta[i] - theta[j]);
    const duels = edgeDuels[e];
    gradient[i] -= duels * p;
    gradient[j] -= duels * (1 - p);
    const weight = duels * p * (1 - p);
    edgeWeight[e] = weight;
    information[i] += weight;
    information[j] += weight;
  }
  let squaredNorm = 0;
  for (let i = 0; i < gradient.length; i++) squaredNorm += gradient[i] * gradient[i];
  return squaredNorm;
}

/** out = (negative Hessian) · v, using only the edges. */
function multiplyCurvature(graph: DuelGraph, derivatives: Derivatives, v: Float64Array, out: Float64Array): void {
  const { priorInformation, edgeWeight } = derivatives;
  for (let i = 0; i < v.length; i++) out[i] = priorInformation[i] * v[i];
  const { edgeFirst, edgeSecond } = graph;
  for (let e = 0; e < edgeFirst.length; e++) {
    const i = edgeFirst[e];
    const j = edgeSecond[e];
    const flow = edgeWeight[e] * (v[i] - v[j]);
    out[i] += flow;
    out[j] -= flow;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Scratch vectors for the conjugate-gradient solve, allocated once per fit. */
interface SolverWork {
  readonly step: Float64Array;
  readonly residual: Float64Array;
  readonly preconditioned: Float64Array;
  readonly direction: Float64Array;
  readonly product: Float64Array;
}

/**
 * Solves (negative Hessian) · step = `rhs` by Jacobi-preconditioned conjugate gradients until the
 * residual is below `relativeTolerance` × |rhs|. With the gradient as `rhs` this is the Newton step:
 * starting from zero, every iterate is an ascent direction, so an early stop still lets the line
 * search make progress. Without a prior the curvature is singular along "all strengths times a
 * constant", but `rhs` then sums to zero and the iterates stay off that direction.
 */
function solveCurvature(graph: DuelGraph, derivatives: Derivatives, rhs: Float64Array, relativeTolerance: number, work: SolverWork): Float64Array {
  const { information } = derivatives;
  const { step, residual, preconditioned, direction, product } = work;
  const n = rhs.length;
  step.fill(0);
  residual.set(rhs);
  for (let i = 0; i < n; i++) preconditioned[i] = residual[i] / information[i];
  direction.set(preconditioned);
  let residualDotPreconditioned = dot(residual, preconditioned);
  const target = relativeTolerance * relativeTolerance * dot(rhs, rhs);
  // In exact arithmetic CG finishes within n iterations; the margin absorbs rounding.
  for (let iteration = 0; iteration < n + 10 && dot(residual, residual) > target; iteration++) {
    multiplyCurvature(graph, derivatives, direction, product);
    const stepLength = residualDotPreconditioned / dot(direction, product);
    for (let i = 0; i < n; i++) {
      step[i] += stepLength * direction[i];
      residual[i] -= stepLength * product[i];
      preconditioned[i] = residual[i] / information[i];
    }
    const next = dot(residual, preconditioned);
    const beta = next / residualDotPreconditioned;
    residualDotPreconditioned = next;
    for (let i = 0; i < n; i++) direction[i] = preconditioned[i] + beta * direction[i];
  }
  return step;
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

/** Sufficient-increase constant of the Armijo line search. */
const ARMIJO = 1e-4;
/** A gradient this small (in points, i.e. votes) is the optimum to floating-point rounding. */
const GRADIENT_FLOOR = 1e-11;
/** The line search gives up (fit not converged) when the step has been halved this often. */
const MAX_HALVINGS = 40;

/** Options of {@link fit}. */
export interface FitOptions {
  /**
   * Strengths to start from, e.g. the previous fit's `strengths` (warm start). Ideas missing from
   * the map, or with a strength that is not a finite positive number, start at 1.
   */
  initial?: ReadonlyMap<string, number>;
  /**
   * Stop when no log-strength changes by more than this in a Newton step. Default 1e-6, i.e.
   * strengths to about a millionth, far below anything a displayed score can show.
   */
  tolerance?: number;
  /** Upper bound on Newton steps. Default 100. */
  maxIterations?: number;
  /**
   * Weight of the prior: every idea counts this many virtual wins and as many virtual losses
   * against a virtual idea of strength 1. Default 1. 0 fits plain Bradley–Terry by maximum
   * likelihood (what R's BradleyTerry2 or any logistic regression gives), which exists only for
   * the ideas of {@link estimableIds}; the others get no strength. Strengths are then scaled so that
   * their geometric mean is 1.
   */
  prior?: number;
}

/** Result of {@link fit}. */
export interface FitResult {
  /**
   * Fitted strength of every registered idea; 1 is the prior's median (an idea with no duels).
   * With `prior: 0` only of the ideas whose maximum-likelihood strength exists.
   */
  strengths: Map<string, number>;
  /** Newton steps taken. */
  iterations: number;
  /** Whether the tolerance was reached within `maxIterations`. */
  converged: boolean;
}

interface FittedModel {
  readonly graph: DuelGraph;
  readonly theta: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * The ideas whose plain maximum-likelihood strengths (no prior) exist: the largest group in which
 * every idea can be reached from every other by a chain of "scored against" (won or tied). Outside
 * it the likelihood grows without bound as some strengths go to infinity or zero: an idea that never
 * lost, one that never won, a group that beat every idea outside it, or ideas never compared with
 * the group (Zermelo 1929; Ford 1957). Of two groups of the same size, the one with the first id.
 */
export function estimableIds(tally: DuelTally): Set<string> {
  const ids = tally.items().filter((id) => tally.appearances(id) > 0).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: number[][] = ids.map(() => []);
  for (const pair of tally.pairs()) {
    const first = index.get(pair.first)!;
    const second = index.get(pair.second)!;
    if (pair.firstWins + pair.ties > 0) edges[first].push(second);
    if (pair.secondWins + pair.ties > 0) edges[second].push(first);
  }
  let best: number[] = [];
  for (const component of stronglyConnected(edges)) {
    if (component.length > best.length || (component.length === best.length && Math.min(...component) < Math.min(...best))) best = component;
  }
  return new Set(best.length >= 2 ? best.map((i) => ids[i]) : []);
}

/** Strongly connected components of a directed graph (Tarjan's algorithm, without recursion). */
function stronglyConnected(edges: readonly number[][]): number[][] {
  const n = edges.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] >= 0) continue;
    const path: Array<[node: number, next: number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const [node, next] = frame;
      if (next < edges[node].length) {
        frame[1] = next + 1;
        const target = edges[node][next];
        if (order[target] < 0) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          path.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node], order[target]);
        }
        continue;
      }
      path.pop();
      if (path.length > 0) {
        const parent = path[path.length - 1][0];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

function fitModel(tally: DuelTally, options: FitOptions): FittedModel {
  const { initial, tolerance = 1e-6, maxIterations = 100, prior = 1 } = options;
  if (!(prior >= 0) || !Number.isFinite(prior)) throw new RangeError(`prior must be a finite number ≥ 0, got ${prior}`);
  const graph = buildGraph(tally, prior, prior > 0 ? undefined : estimableIds(tally));
  const model = newton(graph, initial, tolerance, maxIterations);
  // Without a prior only differences of log-strengths are determined: centre them.
  if (prior === 0 && graph.ids.length > 0) {
    const mean = model.theta.reduce((sum, value) => sum + value, 0) / graph.ids.length;
    for (let i = 0; i < model.theta.length; i++) model.theta[i] -= mean;
  }
  return model;
}

function newton(graph: DuelGraph, initial: ReadonlyMap<string, number> | undefined, tolerance: number, maxIterations: number): FittedModel {
  const n = graph.ids.length;
  let theta = new Float64Array(n);
  if (initial) {
    graph.ids.forEach((id, i) => {
      const strength = initial.get(id);
      if (strength !== undefined && strength > 0 && Number.isFinite(strength)) theta[i] = Math.log(strength);
    });
  }
  let trial = new Float64Array(n);
  const derivatives = allocateDerivatives(graph);
  const work: SolverWork = {
    step: new Float64Array(n),
    residual: new Float64Array(n),
    preconditioned: new Float64Array(n),
    direction: new Float64Array(n),
    product: new Float64Array(n),
  };
  let objective = logPosterior(graph, theta);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradientNorm = Math.sqrt(evaluateDerivatives(graph, theta, derivatives));
    // Solved to rounding: the likelihood equations hold to 1e-11 points. A Newton step from here is
    // rounding noise (the curvature is singular without a prior), and taking it would only drift.
    if (gradientNorm <= GRADIENT_FLOOR) return { graph, theta, iterations: iteration, converged: true };
    // Inexact Newton: solve loosely far from the optimum, tightly near it (quadratic convergence).
    const step = solveCurvature(graph, derivatives, derivatives.gradient, Math.min(0.1, gradientNorm), work);
    const stepSize = maxAbs(step);
    if (stepSize <= tolerance) {
      for (let i = 0; i < n; i++) theta[i] += step[i];
      return { graph, theta, iterations: iteration, converged: true };
    }
    const slope = dot(derivatives.gradient, step);
    let scale = 1;
    for (let halvings = 0; ; halvings++) {
      for (let i = 0; i < n; i++) trial[i] = theta[i] + scale * step[i];
      const trialObjective = logPosterior(graph, trial);
      if (trialObjective >= objective + ARMIJO * scale * slope) {
        objective = trialObjective;
        break;
      }
      if (halvings === MAX_HALVINGS) return { graph, theta, iterations: iteration, converged: false };
      scale /= 2;
    }
    // Convergence is judged on full Newton steps only: a short damped step says nothing.
    [theta, trial] = [trial, theta];
  }
  return { graph, theta, iterations: maxIterations, converged: false };
}

/**
 * Fits Bradley–Terry strengths to the tally (maximum a posteriori with the prior and tie rule
 * described at the top of this module). Pass the previous result's `strengths` as `initial` to
 * refit after new votes in a fraction of the Newton steps. The result does not depend on the order
 * in which votes were recorded.
 */
export function fit(tally: DuelTally, options: FitOptions = {}): FitResult {
  const { graph, theta, iterations, converged } = fitModel(tally, options);
  const strengths = new Map(graph.ids.map((id, i) => [id, Math.exp(theta[i])]));
  return { strengths, iterations, converged };
}

/**
 * The fit's normal approximation of the log-strengths: centred on the fitted ones, with the inverse
 * of the log-posterior's curvature (the same curvature that gives the score bands) as covariance.
 */
export interface Posterior {
  /** The fitted ideas (sorted); with `prior: 0` only those of {@link estimableIds}. */
  readonly ids: readonly string[];
  /** Fitted log-strengths, in `ids` order. */
  readonly theta: Float64Array;
  /** Draws log-strengths from the approximation into `out` (in `ids` order). */
  sample(random: Random, out: Float64Array): void;
}

/**
 * Fits the tally and returns its normal approximation, to ask how sure the ranking is (e.g.
 * {@link topStability}). A draw is exact for the whole covariance, not idea by idea: the
 * curvature is a sum of one term per pair with duels plus the prior's diagonal, so a vector with
 * one standard normal per term, weighted by its square root, has the curvature as covariance,
 * and solving curvature · x = that vector (by the fit's own conjugate gradients) gives x with the
 * inverse curvature as covariance ("perturb, then solve"). No n × n matrix is ever formed.
 */
export function posterior(tally: DuelTally, options: FitOptions = {}): Posterior {
  const { graph, theta } = fitModel(tally, options);
  const n = graph.ids.length;
  const derivatives = allocateDerivatives(graph);
  evaluateDerivatives(graph, theta, derivatives);
  const { edgeFirst, edgeSecond } = graph;
  const priorScale = derivatives.priorInformation.map(Math.sqrt);
  const edgeScale = derivatives.edgeWeight.map(Math.sqrt);
  const normals = new Float64Array(n + edgeFirst.length);
  const noise = new Float64Array(n);
  const work: SolverWork = {
    step: new Float64Array(n),
    residual: new Float64Array(n),
    preconditioned: new Float64Array(n),
    direction: new Float64Array(n),
    product: new Float64Array(n),
  };
  return {
    ids: graph.ids,
    theta,
    sample(random, out) {
      fillStandardNormal(random, normals);
      for (let i = 0; i < n; i++) noise[i] = priorScale[i] * normals[i];
      for (let e = 0; e < edgeFirst.length; e++) {
        const flow = edgeScale[e] * normals[n + e];
        noise[edgeFirst[e]] += flow;
        noise[edgeSecond[e]] -= flow;
      }
      // A residual of a hundredth changes a share of draws by less than the draws' own noise.
      const offset = solveCurvature(graph, derivatives, noise, 1e-2, work);
      for (let i = 0; i < n; i++) out[i] = theta[i] + offset[i];
    },
  };
}

/** Fills `out` with standard normal deviates: Box–Muller, both of each pair used (a draw needs one per duelled pair). */
function fillStandardNormal(random: Random, out: Float64Array): void {
  for (let k = 0; k < out.length; k += 2) {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
    const angle = 2 * Math.PI * random.next();
    out[k] = radius * Math.cos(angle);
    if (k + 1 < out.length) out[k + 1] = radius * Math.sin(angle);
  }
}

/** One row of a ranking table; the same shape for duel and upvote rankings. */
export interface RankRow {
  id: string;
  /** 0–100; see the ranking function for what it means. */
  score: number;
  /** Lower end of the 95% band of `score`, 0–100. */
  lower: number;
  /** Upper end of the 95% band of `score`, 0–100. */
  upper: number;
  /** Times the idea was shown (duels it took part in, or participants who could see it). */
  appearances: number;
  wins: number;
  losses: number;
  ties: number;
  /**
   * False when the idea has fewer than `minAppearances` appearances: too little data to place it;
   * or when its score cannot be estimated (`estimable: false`).
   */
  ranked: boolean;
  /**
   * False only in a plain maximum-likelihood ranking (`prior: 0`) for an idea whose strength has
   * no estimate (see {@link estimableIds}); its score and band are then NaN.
   */
  estimable?: boolean;
}

/** A duel ranking row, with the fitted strength (pass these back as `previous` to warm-start). */
export interface DuelRankRow extends RankRow {
  /** NaN when the idea is not `estimable`. */
  strength: number;
  estimable: boolean;
}

/**
 * Table order: ranked rows before unranked ones, then higher score first, then id (code-unit
 * order) so that equal scores always come out in the same order.
 */
export function compareRankRows(a: RankRow, b: RankRow): number {
  if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
  // An idea without an estimate (NaN) comes after every scored one.
  const scoreA = Number.isNaN(a.score) ? -Infinity : a.score;
  const scoreB = Number.isNaN(b.score) ? -Infinity : b.score;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Options of {@link rank}. */
export interface RankOptions {
  /** Ideas with fewer duels than this are listed after the ranked ones with `ranked: false`. */
  minAppearances: number;
  /** Strengths from the previous ranking (`strength` of its rows), to warm-start the fit. */
  previous?: ReadonlyMap<string, number>;
  /** Weight of the prior, see {@link FitOptions.prior}; default 1, 0 for plain maximum likelihood. */
  prior?: number;
}

/**
 * Score of every idea and its 95% band, as parallel arrays in `graph.ids` order.
 *
 * score_i = 100 × mean over the other ideas j of P(i beats j) = s_i / (s_i + s_j): the expected
 * share of duels i would win against an idea drawn at random from the board. 50 is average.
 *
 * The band re-evaluates the same score at θ_i ± 1.96 · se_i, where se_i = 1 / sqrt(information_i)
 * is the standard error of i's log-strength from the curvature of the log-posterior with the other
 * strengths held at their estimates. It answers "how far could this idea's score move given how
 * much evidence there is about it", not the uncertainty of the whole table; because the others are
 * held fixed it is somewhat narrower than a full joint interval when everyone has few duels.
 */
/**
 * Above this many ideas the mean over all others is taken over a histogram of their strengths
 * instead of idea by idea: O(n·B) instead of O(n²), so a live board of 5,000 ideas re-ranks in
 * milliseconds. See {@link binnedMeans} for the error bound.
 */
export const EXACT_SCORE_LIMIT = 1500;
const SCORE_BINS = 512;

/** 100 × mean over j ≠ i of x / (x + s_j) for x = own, low and high strength of idea i, exactly (one pass over j). */
function exactMeans(strength: Float64Array, low: Float64Array, high: Float64Array, out: [Float64Array, Float64Array, Float64Array]): void {
  const n = strength.length;
  for (let i = 0; i < n; i++) {
    const own = strength[i];
    const lo = low[i];
    const hi = high[i];
    let sum = 0;
    let lowSum = 0;
    let highSum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const other = strength[j];
      sum += own / (own + other);
      lowSum += lo / (lo + other);
      highSum += hi / (hi + other);
    }
    out[0][i] = (100 * sum) / (n - 1);
    out[1][i] = (100 * lowSum) / (n - 1);
    out[2][i] = (100 * highSum) / (n - 1);
  }
}

/**
 * The same means over a histogram of log-strengths in {@link SCORE_BINS} equal bins, each
 * represented by its members' mean log-strength, with idea i's own term removed exactly as the
 * histogram counted it. A term moves by at most a quarter of the bin's half-width (the logistic
 * curve's slope is at most 1/4), so with 512 bins over a spread of 10 in log-strength every score
 * is within 0.25 points of the exact one (in practice far less: errors of both signs cancel).
 */
function binnedMeans(theta: Float64Array, xs: Float64Array[], out: Float64Array[]): void {
  const n = theta.length;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    if (theta[j] < min) min = theta[j];
    if (theta[j] > max) max = theta[j];
  }
  const width = (max - min) / SCORE_BINS || 1;
  const count = new Float64Array(SCORE_BINS);
  const thetaSum = new Float64Array(SCORE_BINS);
  const binOf = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const bin = Math.min(SCORE_BINS - 1, Math.floor((theta[j] - min) / width));
    binOf[j] = bin;
    count[bin] += 1;
    thetaSum[bin] += theta[j];
  }
  const bins: number[] = [];
  for (let bin = 0; bin < SCORE_BINS; bin++) if (count[bin] > 0) bins.push(bin);
  const weight = Float64Array.from(bins, (bin) => count[bin]);
  const representative = Float64Array.from(bins, (bin) => Math.exp(thetaSum[bin] / count[bin]));
  const ownRepresentative = (i: number) => Math.exp(thetaSum[binOf[i]] / count[binOf[i]]);
  for (let k = 0; k < xs.length; k++) {
    const values = xs[k];
    const target = out[k];
    for (let i = 0; i < n; i++) {
      const x = values[i];
      let sum = 0;
      for (let b = 0; b < bins.length; b++) sum += (weight[b] * x) / (x + representative[b]);
      sum -= x / (x + ownRepresentative(i));
      target[i] = (100 * sum) / (n - 1);
    }
  }
}

function scoreBands(theta: Float64Array, information: Float64Array): { score: Float64Array; lower: Float64Array; upper: Float64Array } {
  const n = theta.length;
  const strength = theta.map(Math.exp);
  const score = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  if (n === 1) {
    score[0] = lower[0] = upper[0] = 50;
    return { score, lower, upper };
  }
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const spread = Math.exp(CONFIDENCE_Z / Math.sqrt(information[i]));
    low[i] = strength[i] / spread;
    high[i] = strength[i] * spread;
  }
  if (n > EXACT_SCORE_LIMIT) {
    binnedMeans(theta, [strength, low, high], [score, lower, upper]);
  } else {
    exactMeans(strength, low, high, [score, lower, upper]);
  }
  // The histogram can nudge a bound past the score by a rounding hair; keep the band around it.
  for (let i = 0; i < n; i++) {
    lower[i] = Math.min(lower[i], score[i]);
    upper[i] = Math.max(upper[i], score[i]);
  }
  return { score, lower, upper };
}

/**
 * Ranks all registered ideas from their duels: fits strengths (warm-started from
 * `options.previous` if given) and returns one row per idea in table order (see
 * {@link compareRankRows}).
 *
 * `score` (0–100) is the idea's expected share of wins against a randomly drawn other idea on the
 * board; `lower`/`upper` are the score at the ends of a 95% interval of the idea's own
 * log-strength (others held at their estimates), so lower ≤ score ≤ upper, and an idea with few
 * duels has a wide band. The result is the same for any order of the recorded votes.
 */
export function rank(tally: DuelTally, options: RankOptions): DuelRankRow[] {
  const { graph, theta } = fitModel(tally, { initial: options.previous, prior: options.prior });
  const derivatives = allocateDerivatives(graph);
  evaluateDerivatives(graph, theta, derivatives);
  const { score, lower, upper } = scoreBands(theta, derivatives.information);
  const fitted = new Map(graph.ids.map((id, i) => [id, i]));
  const rows = tally.items().map((id): DuelRankRow => {
    const { wins, losses, ties } = tally.totals(id);
    const appearances = wins + losses + ties;
    const i = fitted.get(id);
    return {
      id,
      score: i === undefined ? Number.NaN : score[i],
      lower: i === undefined ? Number.NaN : lower[i],
      upper: i === undefined ? Number.NaN : upper[i],
      appearances,
      wins,
      losses,
      ties,
      ranked: i !== undefined && appearances >= options.minAppearances,
      strength: i === undefined ? Number.NaN : Math.exp(theta[i]),
      estimable: i !== undefined,
    };
  });
  return rows.sort(compareRankRows);
}
