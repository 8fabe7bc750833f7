import type { MatcherState } from 'vitest';
import { judgeThreshold, type MatcherResult } from './judge.js';
import { finishedCount } from './describe.js';

/** Passes when finished requests per second is above `rps`. */
export function toHaveThroughputAbove(this: MatcherState, received: unknown, rps: number): MatcherResult {
  return judgeThreshold(this, received, {
    matcher: 'toHaveThroughputAbove',
    metric: 'throughput',
    unit: 'rps',
    direction: 'above',
    threshold: rps,
    countOf: finishedCount,
    checkThreshold: (t) => (t >= 0 ? undefined : `a rate in requests per second >= 0, received ${t}`),
    observe: (s) => (s.requests.ok + s.requests.failed > 0 ? s.throughput : `no finished requests to judge throughput (${s.requests.total} sent)`),
  });
}
