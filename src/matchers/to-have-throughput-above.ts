import type { MatcherState } from 'vitest';
import { judgeThreshold } from './judge.js';
import type { ThresholdSpec } from './threshold-spec.js';
import type { MatcherResult } from './verdict.js';
import { finishedCount } from './describe.js';
import { throughputBounds } from './bounds.js';
import type { ConfidenceOptions } from './confidence-options.js';

/** The threshold spec of toHaveThroughputAbove, also used to re-judge merged split runs. */
export function throughputSpec(rps: unknown): ThresholdSpec {
  return {
    matcher: 'toHaveThroughputAbove',
    metric: 'throughput',
    unit: 'rps',
    direction: 'above',
    threshold: rps,
    countOf: finishedCount,
    bounds: throughputBounds,
    checkThreshold: (t) =>
      t >= 0 ? undefined : `a rate in requests per second >= 0, received ${t}`,
    observe: (s) =>
      s.requests.ok + s.requests.failed > 0
        ? s.throughput
        : `no finished requests to judge throughput (${s.requests.total} sent)`,
  };
}

/** Passes when finished requests per second is above `rps`; with `{ confidence }` judged on the per-second series. */
export function toHaveThroughputAbove(
  this: MatcherState,
  received: unknown,
  rps: number,
  options?: ConfidenceOptions,
): MatcherResult {
  return judgeThreshold(this, received, throughputSpec(rps), options);
}
