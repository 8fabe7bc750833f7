/**
 * The one weighted pick (scenarios by weight, faults by rate, generated categories by share).
 * `cumulative[i]` is weights[0] + ... + weights[i]; the pick for a draw x is the first i with
 * x < cumulative[i] (binary search, so zero weights are never picked), or -1 when x is past them all.
 */
export function weightedIndex(cumulative: readonly number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo < cumulative.length ? lo : -1;
}

/** Running sums of `weights`. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/**
 * A picker drawing one number from `random` (in [0, 1)) per pick: index i with probability
 * weights[i] / scale, and -1 ("none") with what is left when `scale` exceeds the sum of the
 * weights (fault rates summing to less than 1). `scale` defaults to that sum: always an index.
 */
export function createWeightedPick(
  weights: readonly number[],
  random: () => number,
  scale?: number,
): () => number {
  const cumulative = cumulativeOf(weights);
  const total = cumulative.length > 0 ? cumulative[cumulative.length - 1] : 0;
  const range = scale ?? total;
  return () => weightedIndex(cumulative, random() * range);
}
