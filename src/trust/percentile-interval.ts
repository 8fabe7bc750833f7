import type { LatencyHistogram } from '../histogram/latency-histogram.js';
import { valueAtRankUs } from './histogram-ranks.js';
import { minSamplesForQuantile, orderStatisticRanks } from './order-statistic-ranks.js';
import type { LatencyIntervals, PercentileInterval } from '../contracts/latency.js';

/** Default confidence of the intervals written into every result. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The interval of `percentile` (0 < p < 100) of a latency histogram at `confidence` (0.5 < c < 1). */
export function percentileInterval(
  histogram: LatencyHistogram,
  percentile: number,
  confidence = DEFAULT_CONFIDENCE,
): PercentileInterval {
  const p = percentile / 100;
  const count = histogram.totalCount;
  const { lowRank, highRank, method } = orderStatisticRanks(count, p, confidence);
  const ms = (us: number | null) => (us === null ? null : Math.round(us) / 1000);
  const estimate =
    count > 0 ? Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue) : null;
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

/** Every reported percentile's interval at `confidence`. */
export function latencyIntervals(
  histogram: LatencyHistogram,
  confidence = DEFAULT_CONFIDENCE,
): LatencyIntervals {
  const at = (p: number) => percentileInterval(histogram, p, confidence);
  return {
    confidence,
    p50: at(50),
    p75: at(75),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
  };
}
