import { linearRegression } from 'simple-statistics';
import { InvalidOptionError, StressError } from '../errors.js';
import type { MetricPoint } from './series.js';

const MS_PER_HOUR = 3_600_000;

/** A least-squares line through a metric's points, with the uncertainty of its slope. */
export interface LinearTrend {
  /** Points the line was fitted to (after warm-up). */
  n: number;
  /**
   * Independent points they are worth: n·(1 − r1)/(1 + r1), r1 the lag-1 autocorrelation of the
   * residuals (clamped at 0). Memory samples a second apart are far from independent.
   */
  effectiveN: number;
  /** Change of the value per hour (value units per hour). */
  slopePerHour: number;
  /** Standard error of the slope, value units per hour, from effectiveN; Infinity when effectiveN < 3. */
  standardErrorPerHour: number;
  /** t-based 95% confidence interval of the slope, [low, high], value units per hour (±Infinity when unknowable). */
  ci95: [number, number];
  /** The fitted value at the first point used. */
  startValue: number;
  /** Time of the first and last point used, ms (as in the points). */
  fromMs: number;
  toMs: number;
}

/** How much of the start of a series to ignore: memory grows while pools, caches and JIT warm up. */
export interface WarmupOptions {
  /** Skip points earlier than this many ms after the first point. */
  warmupMs?: number;
  /** Skip this fraction (0..1) of the series' time span; used when warmupMs is not given. */
  warmupFraction?: number;
}

/**
 * The points left after warm-up, and the warm-up applied in ms. `warmupMs` wins over
 * `warmupFraction`; with neither, nothing is skipped. Throws InvalidOptionError for bad values.
 */
export function afterWarmup(
  points: readonly MetricPoint[],
  { warmupMs, warmupFraction }: WarmupOptions = {},
): { points: MetricPoint[]; warmupMs: number } {
  if (warmupMs !== undefined && !(Number.isFinite(warmupMs) && warmupMs >= 0))
    throw new InvalidOptionError('warmupMs', warmupMs, 'a number of ms >= 0');
  if (warmupFraction !== undefined && !(warmupFraction >= 0 && warmupFraction < 1))
    throw new InvalidOptionError('warmupFraction', warmupFraction, 'a fraction in [0, 1)');
  if (points.length === 0) return { points: [], warmupMs: warmupMs ?? 0 };
  const sorted = [...points].sort((a, b) => a.tMs - b.tMs);
  const first = sorted[0].tMs;
  const span = sorted[sorted.length - 1].tMs - first;
  const skipMs = warmupMs ?? span * (warmupFraction ?? 0);
  return { points: sorted.filter((p) => p.tMs - first >= skipMs), warmupMs: skipMs };
}

/**
 * Fit value = a + b·t by least squares (simple-statistics) and give the slope per hour with
 * its standard error and t-based 95% confidence interval. The residuals of a metric sampled
 * every second are autocorrelated (GC sawtooth, slow drifts), which makes the plain interval
 * far too narrow; so the error uses the effective sample size n·(1 − r1)/(1 + r1) with
 * n_eff − 2 degrees of freedom (Santer et al. 2000). Needs at least 3 points at 2 or more
 * distinct times; throws StressError ERR_STRESS_METRICS otherwise.
 */
export function linearTrend(points: readonly MetricPoint[]): LinearTrend {
  const n = points.length;
  if (n < 3)
    throw new StressError('ERR_STRESS_METRICS', `a trend needs at least 3 points, got ${n}`);
  const sorted = [...points].sort((p, q) => p.tMs - q.tMs);
  const xs = sorted.map((p) => p.tMs / MS_PER_HOUR);
  const ys = sorted.map((p) => p.value);
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - xMean) ** 2, 0);
  if (!(sxx > 0))
    throw new StressError(
      'ERR_STRESS_METRICS',
      'a trend needs points at two or more different times',
    );
  const { m, b } = linearRegression(xs.map((x, i) => [x, ys[i]]));
  const residuals = xs.map((x, i) => ys[i] - (b + m * x));
  const sse = residuals.reduce((a, e) => a + e * e, 0);
  const lagged = residuals.reduce((a, e, i) => (i === 0 ? a : a + e * residuals[i - 1]), 0);
  const r1 = sse > 0 ? Math.max(0, lagged / sse) : 0;
  const effectiveN = (n * (1 - r1)) / (1 + r1);
  const df = effectiveN - 2;
  // With one degree of freedom or less there is no usable interval: say so rather than invent one.
  const standardError = df >= 1 ? Math.sqrt(sse / df / sxx) : Infinity;
  const half = Number.isFinite(standardError) ? tCritical95(df) * standardError : Infinity;
  const fromMs = sorted[0].tMs;
  return {
    n,
    effectiveN,
    slopePerHour: m,
    standardErrorPerHour: standardError,
    ci95: [m - half, m + half],
    startValue: b + (m * fromMs) / MS_PER_HOUR,
    fromMs,
    toMs: sorted[n - 1].tMs,
  };
}

// Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom, then 40, 60, 120, ∞.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];
const T95_TAIL: [number, number][] = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
  [Infinity, 1.96],
];

/**
 * t such that P(|T| < t) = 0.95 for `df` degrees of freedom (a fraction rounds down, the safe
 * side); beyond 30, interpolated in 1/df (within 0.001).
 */
export function tCritical95(df: number): number {
  if (!(df >= 1))
    throw new StressError('ERR_STRESS_METRICS', `t quantile needs df >= 1, got ${df}`);
  if (df <= 30) return T95[Math.floor(df) - 1];
  for (let i = 1; i < T95_TAIL.length; i++) {
    const [hiDf, hiT] = T95_TAIL[i];
    if (df <= hiDf) {
      const [loDf, loT] = T95_TAIL[i - 1];
      const w = (1 / loDf - 1 / df) / (1 / loDf - 1 / hiDf);
      return loT + (hiT - loT) * w;
    }
  }
  return 1.96;
}
