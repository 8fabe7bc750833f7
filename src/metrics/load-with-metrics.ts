import { load } from '../load.js';
import type { LoadOptions } from '../options/load-options.js';
import type { RunResultWithPhases } from '../result/build-result.js';
import { parseTarget } from '../options/target.js';
import { sampleMetrics, type MetricsSamplerOptions } from './sampler.js';
import { withMetrics, type RunResultWithMetrics } from './with-metrics.js';

/** Options of loadWithMetrics(): the sampler's, with the URL defaulting to the target's /metrics. */
export type LoadMetricsOptions = Omit<MetricsSamplerOptions, 'url' | 'signal' | 'allowRemote'> & {
  /** The /metrics URL; default /metrics on the target's host. */
  url?: string;
};

/**
 * load() while sampling the target's Prometheus metrics (default: /metrics on the target's host):
 * the sampler starts (first scrape at
 * once) before the load, stops when it ends, and the series is attached as `result.metrics`.
 * Scrape failures are gaps in the series, never errors; bad options throw before any load.
 */
export async function loadWithMetrics(
  options: LoadOptions,
  metrics: LoadMetricsOptions = {},
): Promise<RunResultWithMetrics<RunResultWithPhases>> {
  const allowRemote = options?.allowRemote === true;
  const url = metrics.url ?? new URL('/metrics', parseTarget(options?.target, allowRemote)).href;
  const sampler = sampleMetrics({ ...metrics, url, signal: options?.signal, allowRemote });
  let result: RunResultWithPhases;
  try {
    result = await load(options);
  } finally {
    await sampler.stop();
  }
  return withMetrics(result, await sampler.stop());
}
