// Latency figures of a result: what RunSummary.latency and .intervals hold. Types only.

/** Latency figures in milliseconds (fractional). Every figure is null when `count` is 0. */
export interface LatencySummary {
  /** Number of recorded samples. */
  count: number;
  min: number | null;
  mean: number | null;
  stddev: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
}

/**
 * A distribution-free confidence interval of one latency percentile (order statistics):
 * `lowMs` and `highMs` are the sample values at the ranks where the binomial tail reaches
 * `confidence`. Each bound is one-sided at `confidence` (together they cover the true
 * percentile with probability >= 2·confidence − 1). A bound is null when `count` is below
 * what it needs (for the upper bound: `minSamples`). Assumes independent samples; see docs/trust.md.
 */
export interface PercentileInterval {
  /** 0 < percentile < 100, e.g. 95. */
  percentile: number;
  confidence: number;
  /** Samples the interval is read from. */
  count: number;
  /** The percentile itself (ms), as the run summary reports it; null with no samples. */
  estimateMs: number | null;
  lowMs: number | null;
  highMs: number | null;
  /** 1-based ranks in the sorted sample of the two bounds. */
  lowRank: number | null;
  highRank: number | null;
  /** The fewest samples for which the upper bound exists: ⌈ln(1−c) / ln(p)⌉ (p95 at 95%: 59). */
  minSamples: number;
  method: 'exact-binomial' | 'normal-approximation';
}

/** Intervals of the percentiles a run summary reports (p50 … p99.9), keyed like LatencySummary. */
export interface LatencyIntervals {
  confidence: number;
  p50: PercentileInterval;
  p75: PercentileInterval;
  p90: PercentileInterval;
  p95: PercentileInterval;
  p99: PercentileInterval;
  p999: PercentileInterval;
}
