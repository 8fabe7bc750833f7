import { decodeHistogram, percentileMs } from '../histogram/latency-histogram.js';
import type { RunSummary } from '../contracts/run-result.js';
import type { ThresholdSpec } from './threshold-spec.js';
import { percentileBounds } from './bounds.js';

const KNOWN: Record<number, keyof RunSummary['latency']> = {
  50: 'p50',
  75: 'p75',
  90: 'p90',
  95: 'p95',
  99: 'p99',
  99.9: 'p999',
};

/** The spec of a latency-percentile matcher: below `ms`, judged on successful responses only. */
export function latencySpec(matcher: string, percentile: number, ms: unknown): ThresholdSpec {
  const name = `p${String(percentile).replace('.', '')}`;
  return {
    matcher,
    metric: name,
    unit: 'ms',
    direction: 'below',
    threshold: ms,
    percentile,
    checkThreshold: (t) => (t > 0 ? undefined : `a latency in ms > 0, received ${t}`),
    observe: (summary) => {
      if (summary.latency.count === 0) return `no successful responses to judge ${name}`;
      const key = KNOWN[percentile];
      const known = key ? summary.latency[key] : null;
      if (typeof known === 'number') return known;
      return (
        percentileMs(decodeHistogram(summary.histogram), percentile) ??
        `no successful responses to judge ${name}`
      );
    },
    bounds: (summary, confidence) => percentileBounds(summary, percentile, confidence, name),
  };
}
