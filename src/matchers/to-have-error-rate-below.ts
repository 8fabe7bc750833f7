import type { MatcherState } from 'vitest';
import { judgeThreshold } from './judge.js';
import type { ThresholdSpec } from './threshold-spec.js';
import type { MatcherResult } from './verdict.js';
import { finishedCount } from './describe.js';
import { formatPercent } from '../format/message.js';
import { rateBounds } from './bounds.js';
import type { ConfidenceOptions } from './confidence-options.js';

/** The threshold spec of toHaveErrorRateBelow, also used to re-judge merged split runs. */
export function errorRateSpec(fraction: unknown): ThresholdSpec {
  return {
    matcher: 'toHaveErrorRateBelow',
    metric: 'error rate',
    unit: 'fraction',
    direction: 'below',
    threshold: fraction,
    countOf: finishedCount,
    format: formatPercent,
    bounds: (s, confidence) => rateBounds(s.requests.failed, finishedCount(s), confidence),
    checkThreshold: (t) =>
      t > 0 && t <= 1 ? undefined : `a fraction in (0, 1] (0.01 = 1%), received ${t}`,
    observe: (s) =>
      s.requests.ok + s.requests.failed > 0
        ? s.errorRate
        : `no finished requests to judge the error rate (${s.requests.total} sent)`,
  };
}

/**
 * Passes when failed / finished requests is below `fraction` (0..1; 0.01 = 1%); with `{ confidence
 * }` judged on its Wilson interval.
 */
export function toHaveErrorRateBelow(
  this: MatcherState,
  received: unknown,
  fraction: number,
  options?: ConfidenceOptions,
): MatcherResult {
  return judgeThreshold(this, received, errorRateSpec(fraction), options);
}
