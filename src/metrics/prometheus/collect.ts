import { InvalidOptionError } from '../../errors.js';
import type { Duration } from '../../options/duration.js';
import { rejectUnknownKeys } from '../../options/closest-name.js';
import { queryApi, type ApiSeries } from './query-api.js';
import { SEED_QUERY_NAMES, seedQueries, type PromQuery, type SeedQueryOptions } from './queries.js';
import { parseTimeMs, resolveRange, type TimeInput } from './time-range.js';

/** Options of collectMetrics(). */
export interface CollectOptions {
  /** Prometheus base URL, e.g. 'http://127.0.0.1:9090'. */
  prometheusUrl: string;
  /** Built-in names ('requestRate', 'p95Latency', ...) and/or { name, expr }; default every built-in. */
  queries?: ReadonlyArray<string | PromQuery>;
  /** 'instant' (default): one value per series at `time`; 'range': points from start to end every step. */
  mode?: 'instant' | 'range';
  /** Instant mode: when; default now. */
  time?: TimeInput;
  start?: TimeInput;
  end?: TimeInput;
  /** Range mode: a duration back from `end`, instead of `start` ('10m'). */
  since?: Duration;
  /** Range mode: resolution, default '15s'. */
  step?: Duration;
  /** Per-query HTTP timeout, ms; default 10 000. */
  timeoutMs?: number;
  /** How the built-in queries are written (rate window, job labels). */
  seed?: SeedQueryOptions;
}

/** What collectMetrics() returns: a plain, JSON-serialisable object (non-finite values aside). */
export interface CollectedMetrics {
  kind: 'vitest-stress/prometheus';
  prometheusUrl: string;
  mode: 'instant' | 'range';
  /** Range mode: ISO times and step in seconds; instant mode: `time`. */
  start?: string;
  end?: string;
  stepS?: number;
  time?: string;
  queries: Array<PromQuery & { series: ApiSeries[] }>;
}

const KEYS = [
  'prometheusUrl',
  'queries',
  'mode',
  'time',
  'start',
  'end',
  'since',
  'step',
  'timeoutMs',
  'seed',
] as const;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Resolve names to queries; throws InvalidOptionError naming `queries[i]`. */
export function resolveQueries(
  queries: CollectOptions['queries'],
  seed?: SeedQueryOptions,
): PromQuery[] {
  const builtIn = seedQueries(seed);
  if (queries === undefined) return builtIn.map(({ name, expr }) => ({ name, expr }));
  if (!Array.isArray(queries) || queries.length === 0)
    throw new InvalidOptionError(
      'queries',
      queries,
      'a non-empty array of query names or { name, expr }',
    );
  return queries.map((q, i) => {
    if (typeof q === 'string') {
      const found = builtIn.find((b) => b.name === q);
      if (!found)
        throw new InvalidOptionError(
          `queries[${i}]`,
          q,
          `one of ${SEED_QUERY_NAMES.join(', ')}, or { name, expr }`,
        );
      return { name: found.name, expr: found.expr };
    }
    if (typeof q?.name !== 'string' || !NAME.test(q.name))
      throw new InvalidOptionError(
        `queries[${i}].name`,
        q?.name,
        'a name of letters, digits, _ . -',
      );
    if (typeof q.expr !== 'string' || q.expr.trim() === '')
      throw new InvalidOptionError(`queries[${i}].expr`, q.expr, 'a PromQL expression');
    return { name: q.name, expr: q.expr };
  });
}

/**
 * The seed's metrics collection script as a function: run each query over Prometheus' HTTP API,
 * as an instant query at `time` or a range query from `start` (or `since` back from `end`) to
 * `end` every `step`. Queries run one after another; the first failure throws a
 * PrometheusQueryError naming the query. Bad options throw InvalidOptionError before any request.
 */
export async function collectMetrics(options: CollectOptions): Promise<CollectedMetrics> {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError(
      'options',
      options,
      'an object { prometheusUrl, queries, mode, ... }',
    );
  rejectUnknownKeys(options, KEYS, 'collectMetrics options');
  const prometheusUrl = checkUrl(options.prometheusUrl);
  const queries = resolveQueries(options.queries, options.seed);
  const mode = options.mode ?? 'instant';
  if (mode !== 'instant' && mode !== 'range')
    throw new InvalidOptionError('mode', mode, "'instant' or 'range'");
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new InvalidOptionError('timeoutMs', timeoutMs, 'a number of ms > 0');
  const out: CollectedMetrics = {
    kind: 'vitest-stress/prometheus',
    prometheusUrl,
    mode,
    queries: [],
  };
  let path = '/api/v1/query';
  let params: Record<string, string>;
  if (mode === 'range') {
    const range = resolveRange(options);
    Object.assign(out, {
      start: new Date(range.startMs).toISOString(),
      end: new Date(range.endMs).toISOString(),
      stepS: range.stepS,
    });
    path = '/api/v1/query_range';
    params = {
      start: String(range.startMs / 1000),
      end: String(range.endMs / 1000),
      step: String(range.stepS),
    };
  } else {
    const timeMs = options.time === undefined ? Date.now() : parseTimeMs(options.time, 'time');
    out.time = new Date(timeMs).toISOString();
    params = { time: String(timeMs / 1000) };
  }
  for (const query of queries) {
    out.queries.push({
      ...query,
      series: await queryApi(query, { prometheusUrl, path, params, timeoutMs }),
    });
  }
  return out;
}

function checkUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new InvalidOptionError(
      'prometheusUrl',
      value,
      "an http(s) URL such as 'http://127.0.0.1:9090'",
    );
  return url.href.replace(/\/$/, '');
}
