import type { MetricsSeries } from '../contracts/metrics-series.js';
import type { RunResult } from '../contracts/run-result.js';
import type { ResourceReading } from '../contracts/capacity.js';

export type { ResourceReading } from '../contracts/capacity.js';

/** Metric names sampled by default during each level, besides the sampler's defaults. */
export const SATURATION_METRIC_NAMES: readonly string[] = Object.freeze([
  'process_cpu_seconds_total',
  'pool_queue_length',
  'pool_workers_busy',
  'pool_workers_max',
  'ai_core_jobs_inflight',
  'ai_core_jobs_max',
  'ai_core_queued_records',
  'ai_core_refusals_total',
  'http_refusals_total',
  'mongodb_driver_pool_connections',
]);

const LAG_LIMIT_S = 0.1;
/** A bounded resource at this share of its limit is saturated. */
const NEAR_LIMIT = 0.9;
/** An unbounded queue non-empty on this share of samples is saturated (work waits for a worker). */
const QUEUED_SHARE = 0.5;
const QUEUE = /queue|queued/;
const REFUSALS = /(refus|reject)\w*_total/;
const CONFIG = /_(max|limit|total)$/;

/**
 * Read resource saturation from the samples of one level: queues (names with 'queue'/'queued',
 * against `x_max`/`x_limit` when exported, else non-empty on half the samples), worker pools and
 * admitted work (`x_busy` or `x_inflight` against `x_max`), refusal counters (`*refus*_total`
 * rising), process CPU against `cores`, event-loop lag (>= 100 ms). `job` prefixes the names.
 * Only what the series holds; never a guess.
 */
export function readResources(
  series: MetricsSeries,
  cores: number,
  job?: string,
): ResourceReading[] {
  const max = new Map<string, number>();
  const nonEmpty = new Map<string, number>();
  for (const s of series.samples) {
    for (const [k, v] of Object.entries(s.metrics)) {
      max.set(k, Math.max(max.get(k) ?? -Infinity, v));
      if (v > 0) nonEmpty.set(k, (nonEmpty.get(k) ?? 0) + 1);
    }
  }
  const out: ResourceReading[] = [];
  for (const [key, value] of max) {
    const bare = key.replace(/\{.*$/, '');
    if (QUEUE.test(bare) && !CONFIG.test(bare)) {
      const share = (nonEmpty.get(key) ?? 0) / series.samples.length;
      out.push(queueReading(key, value, max.get(`${key}_max`) ?? max.get(`${key}_limit`), share));
    }
    const held = /^(.*)_(busy|inflight)$/.exec(key);
    const cap = held ? max.get(`${held[1]}_max`) : undefined;
    if (held && cap !== undefined && cap > 0) {
      const resource = `${held[2] === 'busy' ? 'workers' : 'admitted'} ${held[1]}`;
      const saturated = value >= NEAR_LIMIT * cap;
      out.push({ resource, value, limit: cap, saturated, text: `${key} ${value} of ${cap}` });
    }
    if (REFUSALS.test(bare)) {
      const rise = counterRise(series, key);
      const text = `${key} +${rise} during the level`;
      out.push({ resource: `refusals ${key}`, value: rise, limit: 0, saturated: rise > 0, text });
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
    const saturated = cpu >= NEAR_LIMIT * cores;
    out.push({ resource: 'CPU', value: cpu, limit: cores, saturated, text });
  }
  if (job === undefined) return out;
  return out.map((r) => ({ ...r, resource: `${job} ${r.resource}`, text: `${job} ${r.text}` }));
}

function queueReading(
  key: string,
  value: number,
  limit: number | undefined,
  nonEmptyShare: number,
): ResourceReading {
  const resource = `queue ${key}`;
  if (limit !== undefined && limit > 0) {
    const saturated = value >= NEAR_LIMIT * limit;
    return { resource, value, limit, saturated, text: `${key} max ${value} of ${limit}` };
  }
  const percent = Math.round(nonEmptyShare * 100);
  return {
    resource,
    value,
    limit: null,
    saturated: value > 0 && nonEmptyShare >= QUEUED_SHARE,
    text: `${key} max ${value}, non-empty on ${percent}% of samples`,
  };
}

/** How much a counter rose between the first and the last sample that hold it. */
function counterRise(series: MetricsSeries, key: string): number {
  const points = series.samples.filter((s) => typeof s.metrics[key] === 'number');
  if (points.length < 2) return 0;
  return Math.max(0, points[points.length - 1].metrics[key] - points[0].metrics[key]);
}

/**
 * The client's view of refusals: answers with 503 (overloaded, with or without Retry-After) or
 * 429 during the level. Undefined when there were none.
 */
export function refusalReading(run: RunResult): ResourceReading | undefined {
  const refused = (run.statusCodes['503'] ?? 0) + (run.statusCodes['429'] ?? 0);
  if (refused === 0) return undefined;
  const answered = Object.values(run.statusCodes).reduce((a, b) => a + b, 0);
  const percent = Math.round((refused / answered) * 1000) / 10;
  return {
    resource: 'refusals 503/429',
    value: refused,
    limit: 0,
    saturated: true,
    text: `refused with 503/429: ${refused} of ${answered} answers (${percent}%)`,
  };
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
