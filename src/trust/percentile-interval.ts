import type { LatencyHistogram } from '../recorder/latency-histogram.js';
import { valueAtRankUs } from './histogram-ranks.js';
import { minSamplesForQuantile, orderStatisticRanks } from './order-statistic-ranks.js';

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

/** Default confidence of the intervals written into every result. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The interval of `percentile` (0 < p < 100) of a latency histogram at `confidence` (0.5 < c < 1). */
export function percentileInterval(histogram: LatencyHistogram, percentile: number, confidence = DEFAULT_CONFIDENCE): PercentileInterval {
  const p = percentile / 100;
  const count = histogram.totalCount;
  const { lowRank, highRank, method } = orderStatisticRanks(count, p, confidence);
  const ms = (us: number | null) => (us === null ? null : Math.round(us) / 1000);
  const estimate = count > 0 ? Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue) : null;
  return {
    percentile,
    confidence,
    count,
    estimateMs: ms(estimate),
    lowMs: lowRank === null ? null : ms(valueAtRankUs(histogram, lowRank, 'low')),
    highMs: highRank === null ? null : ms(valueAtRankUs(histogram, highRank, 'high')),
    lowRank,
    highRank,
    minSamples: minSamplesForQuantile(p, confidence),
    method,
  };
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

/** Every reported percentile's interval at `confidence`. */
export function latencyIntervals(histogram: LatencyHistogram, confidence = DEFAULT_CONFIDENCE): LatencyIntervals {
  const at = (p: number) => percentileInterval(histogram, p, confidence);
  return { confidence, p50: at(50), p75: at(75), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9) };
}
