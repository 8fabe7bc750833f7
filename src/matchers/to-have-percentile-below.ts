import type { MatcherState } from 'vitest';
import { judgeThreshold } from './judge.js';
import type { MatcherResult } from './verdict.js';
import { latencySpec } from './latency-spec.js';
import { describeReceived } from '../format/message.js';
import type { ConfidenceOptions } from './confidence-options.js';

/** Passes when the run's `percentile` (0 < p <= 100, e.g. 99.9) latency is below `ms`. */
export function toHavePercentileBelow(
  this: MatcherState,
  received: unknown,
  percentile: number,
  ms: number,
  options?: ConfidenceOptions,
): MatcherResult {
  if (typeof percentile !== 'number' || !(percentile > 0 && percentile <= 100)) {
    return judgeThreshold(
      this,
      received,
      {
        ...latencySpec('toHavePercentileBelow', 50, ms),
        metric: 'percentile',
        checkThreshold: () =>
          `given with a percentile in (0, 100], received percentile ${describeReceived(percentile)}`,
      },
      options,
    );
  }
  return judgeThreshold(
    this,
    received,
    latencySpec('toHavePercentileBelow', percentile, ms),
    options,
  );
}
