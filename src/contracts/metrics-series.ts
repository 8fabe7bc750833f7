// Server metrics sampled during a run (RunResult.metrics). Types only.

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
