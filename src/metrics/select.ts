import { InvalidOptionError } from '../errors.js';
import { seriesKey, type MetricFamily } from './exposition.js';

/**
 * What the sampler keeps of each scrape by default: memory, event-loop lag, the reference
 * service's queues and the total of answered requests.
 */
export const DEFAULT_METRIC_NAMES: readonly string[] = Object.freeze([
  'process_resident_memory_bytes',
  'process_heap_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
  'audit_queue_depth',
  'ai_core_inflight_requests',
  'sum(http_requests_total)',
]);

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SUM = /^sum\(([a-zA-Z_:][a-zA-Z0-9_:]*)\)$/;

/** A parsed selector: keep every series of a sample name, or their sum under `sum(name)`. */
interface Selector {
  name: string;
  sum: boolean;
}

/**
 * Check a list of selectors. Each is a sample name (`process_resident_memory_bytes`,
 * `http_request_duration_seconds_count`), which keeps every series of it, or `sum(name)`,
 * which keeps one value: the sum over all its series. Throws InvalidOptionError naming `field`.
 */
export function parseSelectors(names: unknown, field = 'names'): Selector[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw new InvalidOptionError(field, names, "a non-empty array of metric names or 'sum(name)'");
  }
  return names.map((n, i) => {
    if (typeof n === 'string' && NAME.test(n)) return { name: n, sum: false };
    const sum = typeof n === 'string' ? SUM.exec(n) : null;
    if (sum) return { name: sum[1], sum: true };
    throw new InvalidOptionError(
      `${field}[${i}]`,
      n,
      "a metric name such as 'process_resident_memory_bytes' or 'sum(http_requests_total)'",
    );
  });
}

/**
 * Reduce parsed families to the compact record kept per sample: `{ key: value }` where the key
 * is the series key (`name` or `name{labels}`) or `sum(name)`. Non-finite values (NaN, ±Inf)
 * are left out, since JSON cannot carry them; a sum skips them too.
 */
export function selectMetrics(
  families: readonly MetricFamily[],
  selectors: readonly Selector[],
): Record<string, number> {
  const wanted = new Map(selectors.map((s) => [s.name, [] as Selector[]]));
  for (const s of selectors) wanted.get(s.name)!.push(s);
  const out: Record<string, number> = {};
  for (const family of families) {
    for (const sample of family.samples) {
      const want = wanted.get(sample.name);
      if (!want || !Number.isFinite(sample.value)) continue;
      for (const s of want) {
        if (s.sum) {
          const key = `sum(${s.name})`;
          out[key] = (out[key] ?? 0) + sample.value;
        } else {
          out[seriesKey(sample.name, sample.labels)] = sample.value;
        }
      }
    }
  }
  return out;
}
