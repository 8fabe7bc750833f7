import type { MatcherState } from 'vitest';
import { judgeThreshold } from './judge.js';
import type { MatcherResult } from './verdict.js';
import { latencySpec } from './latency-spec.js';
import type { ConfidenceOptions } from './confidence-options.js';

/**
 * Passes when the run's median latency of successful responses is below `ms`; with `{ confidence }`
 * judged on its interval.
 */
export function toHaveP50Below(
  this: MatcherState,
  received: unknown,
  ms: number,
  options?: ConfidenceOptions,
): MatcherResult {
  return judgeThreshold(this, received, latencySpec('toHaveP50Below', 50, ms), options);
}
