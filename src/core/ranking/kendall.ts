/**
 * Kendall rank correlation, to measure how well an estimated ranking matches the truth.
 */

/**
 * Kendall's tau-b between paired values x[k] and y[k] (e.g. estimated score and true strength of
 * idea k): (concordant − discordant pairs) / sqrt((pairs not tied in x) × (pairs not tied in y)).
 * 1 means the same order, −1 the reverse, 0 no association; tied values (e.g. equal scores) are
 * handled by the tau-b correction. NaN when fewer than two values or when x or y is constant.
 * O(n²), fine for the n ≤ 1,000 of tests and benchmarks.
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`kendallTauB needs paired values, got ${x.length} and ${y.length}`);
  let concordantMinusDiscordant = 0;
  let untiedX = 0;
  let untiedY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const signX = Math.sign(x[i] - x[j]);
      const signY = Math.sign(y[i] - y[j]);
      concordantMinusDiscordant += signX * signY;
      untiedX += signX * signX;
      untiedY += signY * signY;
    }
  }
  return concordantMinusDiscordant / Math.sqrt(untiedX * untiedY);
}
