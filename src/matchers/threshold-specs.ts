import type { ThresholdSpec } from './threshold-spec.js';
import { latencySpec } from './latency-spec.js';
import { errorRateSpec } from './to-have-error-rate-below.js';
import { successRateSpec } from './to-have-success-rate-above.js';
import { throughputSpec } from './to-have-throughput-above.js';

/** What a recorded verdict must carry to be judged again: its threshold and, for percentiles, which one. */
export interface JudgeableVerdict {
  matcher: string;
  threshold: number | string;
  percentile?: number;
}

type SpecBuilder = (verdict: JudgeableVerdict) => ThresholdSpec | undefined;

const BUILDERS = new Map<string, SpecBuilder>([
  ['toHaveP50Below', (v) => latencySpec('toHaveP50Below', 50, v.threshold)],
  ['toHaveP95Below', (v) => latencySpec('toHaveP95Below', 95, v.threshold)],
  ['toHaveP99Below', (v) => latencySpec('toHaveP99Below', 99, v.threshold)],
  [
    'toHavePercentileBelow',
    (v) =>
      v.percentile === undefined
        ? undefined
        : latencySpec('toHavePercentileBelow', v.percentile, v.threshold),
  ],
  ['toHaveErrorRateBelow', (v) => errorRateSpec(v.threshold)],
  ['toHaveSuccessRateAbove', (v) => successRateSpec(v.threshold)],
  ['toHaveThroughputAbove', (v) => throughputSpec(v.threshold)],
]);

/**
 * The spec a threshold matcher used for `verdict`, rebuilt from what the verdict recorded; undefined
 * for matchers that are not plain thresholds over a run's figures (recovery, memory, audit trail).
 */
export function thresholdSpecOf(verdict: JudgeableVerdict): ThresholdSpec | undefined {
  return BUILDERS.get(verdict.matcher)?.(verdict);
}
