import { studentTCdf, studentTQuantile } from '../trust/student-t.js';

/** Mean, spread and a confidence interval of the runs between two change points. */
export interface SegmentLevel {
  /** Runs in the segment. */
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  stddev: number;
  /** Two-sided t-interval of the mean at `confidence`; null with fewer than two runs. */
  low: number | null;
  high: number | null;
  confidence: number;
}

/** The two sides of a split and how likely they are to share one mean. */
export interface SegmentComparison {
  before: SegmentLevel;
  after: SegmentLevel;
  /** Two-sided Student t-test (pooled variance), computed as Hunter does; 1 when undefined. */
  pValue: number;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sumOfSquares(values: readonly number[], m: number): number {
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum;
}

/** The level of a non-empty segment with its t-interval at `confidence` (0.95 = 95%). */
export function segmentLevel(values: readonly number[], confidence = 0.95): SegmentLevel {
  const m = mean(values);
  const n = values.length;
  const stddev = n > 1 ? Math.sqrt(sumOfSquares(values, m) / (n - 1)) : 0;
  if (n < 2) return { count: n, mean: m, stddev, low: null, high: null, confidence };
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * (stddev / Math.sqrt(n));
  return { count: n, mean: m, stddev, low: m - half, high: m + half, confidence };
}

/**
 * Hunter's TTestSignificanceTester.compare: scipy's ttest_ind_from_stats fed the population
 * standard deviations (ddof 0), pooled variance, df = n1 + n2 − 2. Kept exactly so that our
 * p-values match Hunter's; p = 1 for two runs in all, 0 when both sides are constant and differ.
 */
export function tTestPValue(left: readonly number[], right: readonly number[]): number {
  const n1 = left.length;
  const n2 = right.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('tTestPValue: both sides need at least one value');
  if (n1 + n2 <= 2) return 1;
  const m1 = mean(left);
  const m2 = mean(right);
  const var1 = n1 >= 2 ? sumOfSquares(left, m1) / n1 : 0;
  const var2 = n2 >= 2 ? sumOfSquares(right, m2) / n2 : 0;
  const df = n1 + n2 - 2;
  const pooled = ((n1 - 1) * var1 + (n2 - 1) * var2) / df;
  const denominator = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  if (denominator === 0) return m1 === m2 ? 1 : 0;
  const t = Math.abs(m1 - m2) / denominator;
  // The lower tail at −t keeps its precision where 1 − cdf(t) would round to 0.
  return Math.min(1, 2 * studentTCdf(-t, df));
}

/** Compare `values[start:index]` with `values[index:end]`: both levels and the t-test p-value. */
export function compareSegments(
  values: readonly number[],
  start: number,
  index: number,
  end: number,
  confidence = 0.95,
): SegmentComparison {
  const left = values.slice(start, index);
  const right = values.slice(index, end);
  return {
    before: segmentLevel(left, confidence),
    after: segmentLevel(right, confidence),
    pValue: tTestPValue(left, right),
  };
}
