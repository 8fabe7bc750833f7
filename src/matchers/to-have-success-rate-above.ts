import type { MatcherState } from 'vitest';
import { judgeThreshold } from './judge.js';
import type { ThresholdSpec } from './threshold-spec.js';
import type { MatcherResult } from './verdict.js';
import { finishedCount } from './describe.js';
import { formatPercent } from '../format/message.js';
import { rateBounds } from './bounds.js';
import type { ConfidenceOptions } from './confidence-options.js';

/** The threshold spec of toHaveSuccessRateAbove, also used to re-judge merged split runs. */
export function successRateSpec(fraction: unknown): ThresholdSpec {
  return {
    matcher: 'toHaveSuccessRateAbove',
    metric: 'success rate',
    unit: 'fraction',
    direction: 'above',
    threshold: fraction,
    countOf: finishedCount,
    format: formatPercent,
    bounds: (s, confidence) => rateBounds(s.requests.ok, finishedCount(s), confidence),
    checkThreshold: (t) =>
      t >= 0 && t < 1 ? undefined : `a fraction in [0, 1) (0.8 = 80%), received ${t}`,
    observe: (s) => {
      const finished = s.requests.ok + s.requests.failed;
      return finished > 0
        ? s.requests.ok / finished
        : `no finished requests to judge the success rate (${s.requests.total} sent)`;
    },
  };
}

/**
 * Passes when ok / finished requests is above `fraction` (0..1; 0.8 = 80%); with `{ confidence }`
 * judged on its Wilson interval.
 */
export function toHaveSuccessRateAbove(
  this: MatcherState,
  received: unknown,
  fraction: number,
  options?: ConfidenceOptions,
): MatcherResult {
  return judgeThreshold(this, received, successRateSpec(fraction), options);
}
