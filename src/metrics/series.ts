/** One successful scrape, reduced to the selected metrics. */
export interface MetricsSample {
  /** When the scrape was sent, in ms since the sampler started. */
  tMs: number;
  /** Selected values by key: `name`, `name{label="v"}` or `sum(name)`. */
  metrics: Record<string, number>;
}

/** Consecutive scrapes that failed with the same error. */
export interface ScrapeGap {
  /** When the first failed scrape was sent, ms since the sampler started. */
  tMs: number;
  /** When the last failed scrape of this gap was sent, ms since the sampler started. */
  untilMs: number;
  /** Failed scrapes in this gap. */
  scrapes: number;
  /** What went wrong: 'HTTP 503', 'timeout after 1000 ms', 'connect ECONNREFUSED ...', a parse error. */
  error: string;
}

/** Server-side metrics sampled during a run: a plain, JSON-serialisable object. */
export interface MetricsSeries {
  kind: 'vitest-stress/metrics';
  /** The URL scraped. */
  source: string;
  /** Wall-clock time the sampler started (tMs = 0), ISO 8601. */
  startedAt: string;
  /** Time between scrapes at the end, ms (doubles each time the series is thinned). */
  intervalMs: number;
  /** The selectors in force (see DEFAULT_METRIC_NAMES). */
  names: string[];
  samples: MetricsSample[];
  /** Failed scrapes, merged into gaps; at most 100 gaps are kept (`scrapes.failed` counts all). */
  errors: ScrapeGap[];
  scrapes: { ok: number; failed: number };
  /** Times every other sample was dropped to stay within maxSamples. */
  thinned: number;
}

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
export function pointsOf(series: MetricsSeries, name: string): { keys: string[]; points: KeyedPoint[] } {
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
