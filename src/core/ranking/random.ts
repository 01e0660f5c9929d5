/**
 * Seeded pseudo-random numbers for pair sampling, simulations, tests and benchmarks.
 *
 * The generator is mulberry32: 32 bits of state, period 2^32, good enough statistical quality for
 * shuffling pairs and simulating crowds, and – unlike `Math.random` – reproducible from a seed, so a
 * failing test or a benchmark figure can be replayed exactly. Not for anything security-related.
 */

/** A reproducible stream of random numbers. */
export interface Random {
  /** Uniform number in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); `n` must be a positive integer. */
  int(n: number): number;
  /** Standard normal deviate (mean 0, standard deviation 1). */
  normal(): number;
}

/**
 * Creates a random stream from `seed`. The same seed always gives the same stream; the seed is
 * reduced to an unsigned 32-bit integer (`seed >>> 0`), so seeds that differ only beyond that give
 * the same stream.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  return {
    next,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    normal(): number {
      // Box–Muller; 1 - next() lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
  };
}
