import type { MetricsSeries } from '../contracts/metrics-series.js';

/** Metric names sampled by default during each level, besides the sampler's defaults. */
export const SATURATION_METRIC_NAMES: readonly string[] = Object.freeze([
  'process_cpu_seconds_total',
  'pool_queue_length',
  'pool_workers_busy',
  'pool_workers_max',
  'ai_core_jobs_inflight',
  'ai_core_queued_records',
  'mongodb_driver_pool_connections',
]);

/** One resource's figure at one level and whether it was at or near its limit. */
export interface ResourceReading {
  /** 'queue pool_queue_length', 'workers pool_workers', 'CPU', 'event-loop lag'. */
  resource: string;
  /** The highest (or, for CPU, mean) figure seen during the level. */
  value: number;
  /** The limit it is read against, null when it has none (a queue: any wait is saturation). */
  limit: number | null;
  saturated: boolean;
  /** The figure in words: 'pool_queue_length max 14', 'CPU 1.9 of 2 cores'. */
  text: string;
}

const LAG_LIMIT_S = 0.1;

/**
 * Read resource saturation from the samples of one level: queues (any name with 'queue' or
 * 'queued' above 0), worker pools (`x_busy` against `x_max`), process CPU against `cores`,
 * event-loop lag (>= 100 ms). Only what the series holds; never a guess.
 */
export function readResources(series: MetricsSeries, cores: number): ResourceReading[] {
  const max = new Map<string, number>();
  for (const s of series.samples) {
    for (const [k, v] of Object.entries(s.metrics))
      max.set(k, Math.max(max.get(k) ?? -Infinity, v));
  }
  const out: ResourceReading[] = [];
  for (const [key, value] of max) {
    if (/queue|queued/.test(key)) {
      out.push({
        resource: `queue ${key}`,
        value,
        limit: null,
        saturated: value > 0,
        text: `${key} max ${value}`,
      });
    }
    const busy = /^(.*)_busy$/.exec(key);
    const cap = busy ? max.get(`${busy[1]}_max`) : undefined;
    if (busy && cap !== undefined && cap > 0) {
      const resource = `workers ${busy[1]}`;
      out.push({
        resource,
        value,
        limit: cap,
        saturated: value >= 0.9 * cap,
        text: `${key} ${value} of ${cap}`,
      });
    }
    if (key.startsWith('nodejs_eventloop_lag_seconds')) {
      const ms = Math.round(value * 1000);
      out.push({
        resource: 'event-loop lag',
        value,
        limit: LAG_LIMIT_S,
        saturated: value >= LAG_LIMIT_S,
        text: `event-loop lag max ${ms} ms`,
      });
    }
  }
  const cpu = cpuCores(series);
  if (cpu !== undefined) {
    const text = `CPU ${cpu.toFixed(2)} of ${cores} cores`;
    out.push({ resource: 'CPU', value: cpu, limit: cores, saturated: cpu >= 0.9 * cores, text });
  }
  return out;
}

/** Mean cores in use over the series, from the process_cpu_seconds_total counter. */
function cpuCores(series: MetricsSeries): number | undefined {
  const points = series.samples.filter(
    (s) => typeof s.metrics.process_cpu_seconds_total === 'number',
  );
  if (points.length < 2) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  const seconds = (last.tMs - first.tMs) / 1000;
  if (!(seconds > 0)) return undefined;
  return (
    (last.metrics.process_cpu_seconds_total - first.metrics.process_cpu_seconds_total) / seconds
  );
}
