/**
 * E-divisive means' divergence q̂(τ) of splitting a series at τ (Matteson & James 2014), with
 * the within-sample averages divided by C(n, 2) ("proper division"), as in
 * mongodb/signal-processing-algorithms 1.3 — the calculator Hunter's E-divisive runs on.
 */

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** q̂ from the sums of |xi − yj| across, |xi − xj| within X and within Y (i < j), and the sizes. */
export function qhatOf(
  crossSum: number,
  xSum: number,
  ySum: number,
  xLength: number,
  yLength: number,
): number {
  if (xLength + yLength === 0) return 0;
  const cross = xLength < 1 || yLength < 1 ? 0 : (crossSum * 2) / (xLength * yLength);
  const within =
    (xLength < 2 ? 0 : xSum / pairs(xLength)) + (yLength < 2 ? 0 : ySum / pairs(yLength));
  return ((xLength * yLength) / (xLength + yLength)) * (cross - within);
}

/**
 * q̂(τ) for every τ in [0, end − start) of `values[start:end]`: X = the values before τ, Y = from τ.
 * O(n²) time, O(n) memory (distances are computed on the fly, no n×n matrix).
 */
export function qhatValues(
  values: readonly number[],
  start = 0,
  end = values.length,
): Float64Array {
  const n = end - start;
  const q = new Float64Array(Math.max(0, n));
  const at = (i: number) => values[start + i];
  let crossSum = 0;
  let xSum = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ySum += Math.abs(at(i) - at(j));
  for (let tau = 0; tau < n; tau++) {
    q[tau] = qhatOf(crossSum, xSum, ySum, tau, n - tau);
    let column = 0;
    for (let i = 0; i < tau; i++) column += Math.abs(at(i) - at(tau));
    let row = 0;
    for (let j = tau + 1; j < n; j++) row += Math.abs(at(tau) - at(j));
    crossSum += row - column;
    xSum += column;
    ySum -= row;
  }
  return q;
}
