import type { MatcherState } from 'vitest';
import { judgeThreshold, type MatcherResult } from './judge.js';
import { latencySpec } from './latency-spec.js';

/** Passes when the run's 99th percentile latency of successful responses is below `ms`. */
export function toHaveP99Below(this: MatcherState, received: unknown, ms: number): MatcherResult {
  return judgeThreshold(this, received, latencySpec('toHaveP99Below', 99, ms));
}
