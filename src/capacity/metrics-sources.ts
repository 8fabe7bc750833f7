import { InvalidOptionError } from '../errors.js';
import { DEFAULT_METRIC_NAMES } from '../metrics/select.js';
import { parseTarget } from '../options/target.js';
import { SATURATION_METRIC_NAMES } from './resource-readings.js';

/** One /metrics endpoint sampled during each level. */
export interface MetricsSourceOptions {
  /** The /metrics URL; default /metrics on the target's host. */
  url?: string;
  /** Names the job in the readings ('ai-core CPU 1.9 of 2 cores'); default none. */
  job?: string;
  /** Metric names kept per scrape; default the sampler's defaults plus SATURATION_METRIC_NAMES. */
  names?: string[];
  /** Time between scrapes in ms; default 250. */
  intervalMs?: number;
}

/** A validated source. */
export interface MetricsSource {
  url: string;
  job?: string;
  names: string[];
  intervalMs: number;
}

interface TargetOptions {
  target: string;
  allowRemote?: boolean;
  metrics?: false | MetricsSourceOptions | MetricsSourceOptions[];
}

/** The sources of findCapacity's `metrics` option; undefined when `false`. Throws InvalidOptionError. */
export function resolveMetricsSources(options: TargetOptions): MetricsSource[] | undefined {
  const m = options.metrics;
  if (m === false) return undefined;
  const list = Array.isArray(m) ? m : [m];
  if (list.length === 0)
    throw new InvalidOptionError('metrics', m, 'false, a source or a non-empty list');
  return list.map((source, i) => {
    const field = Array.isArray(m) ? `metrics[${i}]` : 'metrics';
    if (source !== undefined && (typeof source !== 'object' || source === null)) {
      throw new InvalidOptionError(field, source, 'false or { url?, job?, names?, intervalMs? }');
    }
    if (source?.job !== undefined && (typeof source.job !== 'string' || source.job === '')) {
      throw new InvalidOptionError(
        `${field}.job`,
        source.job,
        "a non-empty name such as 'ai-core'",
      );
    }
    const url =
      source?.url ??
      new URL('/metrics', parseTarget(options.target, options.allowRemote === true)).href;
    const names = source?.names ?? [...DEFAULT_METRIC_NAMES, ...SATURATION_METRIC_NAMES];
    const out: MetricsSource = {
      url,
      names: [...new Set(names)],
      intervalMs: source?.intervalMs ?? 250,
    };
    if (source?.job !== undefined) out.job = source.job;
    return out;
  });
}
