import type { MatcherState } from 'vitest';
import { judgeThreshold, type MatcherResult } from './judge.js';
import { latencySpec } from './latency-spec.js';

/** Passes when the run's median latency of successful responses is below `ms`. */
export function toHaveP50Below(this: MatcherState, received: unknown, ms: number): MatcherResult {
  return judgeThreshold(this, received, latencySpec('toHaveP50Below', 50, ms));
}
