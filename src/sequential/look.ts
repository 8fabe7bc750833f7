import type { LatencyHistogram } from '../histogram/latency-histogram.js';
import { percentileInterval } from '../trust/percentile-interval.js';
import { wilsonInterval } from '../trust/proportion-interval.js';
import { MIN_LOOK_ALPHA } from './alpha-spending.js';

/** What one look says of one SLA: decided (pass / fail) or not yet. */
export type LookDecision = 'pass' | 'fail' | undefined;

/** The bounds a look judged on, at confidence 1 − alpha each. */
export interface LookBounds {
  decision: LookDecision;
  low: number | null;
  high: number | null;
}

/**
 * "percentile below thresholdMs" at one look, each bound at confidence 1 − `alpha`
 * (the look's share of the error budget): fail when the lower bound is at or above the
 * threshold, pass when the upper bound is below it, else undecided.
 */
export function lookPercentile(
  histogram: LatencyHistogram,
  percentile: number,
  thresholdMs: number,
  alpha: number,
): LookBounds {
  if (alpha < MIN_LOOK_ALPHA || histogram.totalCount === 0) {
    return { decision: undefined, low: null, high: null };
  }
  const interval = percentileInterval(histogram, percentile, 1 - alpha);
  const decision = decide(interval.lowMs, interval.highMs, thresholdMs);
  return { decision, low: interval.lowMs, high: interval.highMs };
}

/** "events / n below rate" at one look, on Wilson bounds at confidence 1 − `alpha`. */
export function lookProportion(events: number, n: number, rate: number, alpha: number): LookBounds {
  if (alpha < MIN_LOOK_ALPHA || n === 0) return { decision: undefined, low: null, high: null };
  const interval = wilsonInterval(events, n, 1 - alpha);
  return {
    decision: decide(interval.low, interval.high, rate),
    low: interval.low,
    high: interval.high,
  };
}

function decide(low: number | null, high: number | null, threshold: number): LookDecision {
  if (low !== null && low >= threshold) return 'fail';
  if (high !== null && high < threshold) return 'pass';
  return undefined;
}
