import type { RunResult } from '../contracts/run-result.js';
import { recordedRunMeta } from '../vitest/current-test.js';
import type { MetricsSeries } from '../contracts/metrics-series.js';

/** A run result that carries the server metrics sampled during it. */
export type RunResultWithMetrics<R extends RunResult = RunResult> = R & { metrics: MetricsSeries };

/**
 * Add `series` to `result` as `result.metrics` (the same object is returned, its
 * phase()/scenario() accessors intact). Inside a Vitest test the series is also added to
 * that run's entry in the test's meta, so the JSON report carries it.
 */
export function withMetrics<R extends RunResult>(
  result: R,
  series: MetricsSeries,
): RunResultWithMetrics<R> {
  const withSection = Object.assign(result, { metrics: series });
  const meta = recordedRunMeta(result);
  if (meta) meta.metrics = series;
  return withSection;
}
