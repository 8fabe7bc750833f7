import { studentTQuantile } from '../trust/student-t.js';

/**
 * A confidence interval of a ratio (candidate / baseline), with its point estimate; each bound
 * one-sided at `confidence`.
 */
export interface RatioInterval {
  /** exp(mean of the log ratios): the geometric mean ratio. */
  ratio: number;
  lower: number;
  upper: number;
  /**
   * Each bound holds with this probability (one-sided), as in every vitest-stress interval: 0.95 ≈
   * a two-sided 90% interval.
   */
  confidence: number;
  /** Number of paired rounds. */
  pairs: number;
}

/**
 * Paired t-interval of the mean log ratio, returned as a ratio interval.
 * d_r = ln(candidate_r / baseline_r); mean ± t(confidence, k − 1) · s / √k; then exp(). Each bound is
 * one-sided at `confidence` (pass 0.975 for a two-sided 95% interval).
 * Every value must be a positive finite number and there must be at least 2 pairs.
 */
export function pairedLogRatioInterval(
  baseline: readonly number[],
  candidate: readonly number[],
  confidence = 0.95,
): RatioInterval {
  if (baseline.length !== candidate.length)
    throw new RangeError(
      'pairedLogRatioInterval: baseline and candidate need the same number of rounds',
    );
  const k = baseline.length;
  if (k < 2) throw new RangeError(`pairedLogRatioInterval: needs at least 2 pairs, got ${k}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`pairedLogRatioInterval: confidence must be in (0, 1), got ${confidence}`);
  const d = baseline.map((a, r) => {
    const b = candidate[r];
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(
        `pairedLogRatioInterval: round ${r + 1} has a non-positive figure (${a}, ${b})`,
      );
    }
    return Math.log(b / a);
  });
  const mean = d.reduce((s, x) => s + x, 0) / k;
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
  const half = studentTQuantile(confidence, k - 1) * Math.sqrt(variance / k);
  return {
    ratio: Math.exp(mean),
    lower: Math.exp(mean - half),
    upper: Math.exp(mean + half),
    confidence,
    pairs: k,
  };
}
