import type { MetricsSeries } from '../contracts/metrics-series.js';

/** A point of one metric over time. */
export interface MetricPoint {
  tMs: number;
  value: number;
}

/** A point and the series key it came from. */
export interface KeyedPoint extends MetricPoint {
  key: string;
}

/** True for a metrics series from sampleMetrics(). */
export function isMetricsSeries(value: unknown): value is MetricsSeries {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MetricsSeries>;
  return v.kind === 'vitest-stress/metrics' && Array.isArray(v.samples) && Array.isArray(v.errors);
}

/** The metrics series of a run result (its `metrics` section) or the series itself; undefined otherwise. */
export function metricsOf(value: unknown): MetricsSeries | undefined {
  if (isMetricsSeries(value)) return value;
  const section = (value as { metrics?: unknown } | null)?.metrics;
  return isMetricsSeries(section) ? section : undefined;
}

/** The base name of a key: `name{...}` → `name`; `sum(name)` stays as it is. */
export function baseName(key: string): string {
  const brace = key.indexOf('{');
  return brace === -1 ? key : key.slice(0, brace);
}

/**
 * The points of `name` in the series. `name` is an exact key (`process_resident_memory_bytes`,
 * `sum(http_requests_total)`, `x{route="/a"}`); a bare name that no sample has as a key
 * matches every labelled series of it, and `keys` says which matched.
 */
export function pointsOf(
  series: MetricsSeries,
  name: string,
): { keys: string[]; points: KeyedPoint[] } {
  const exact = series.samples.some((s) => name in s.metrics);
  const keys = new Set<string>();
  const points: KeyedPoint[] = [];
  for (const sample of series.samples) {
    for (const [key, value] of Object.entries(sample.metrics)) {
      if (exact ? key !== name : baseName(key) !== name) continue;
      keys.add(key);
      points.push({ tMs: sample.tMs, value, key });
    }
  }
  return { keys: [...keys], points };
}

/** Every key seen in the series, sorted. */
export function seenKeys(series: MetricsSeries): string[] {
  const keys = new Set<string>();
  for (const sample of series.samples) for (const key of Object.keys(sample.metrics)) keys.add(key);
  return [...keys].sort();
}
