import type { MatcherState } from 'vitest';
import { StressError } from '../errors.js';
import { BYTES_PER_MB, describeGaps, seriesFromReceived } from '../metrics/describe-series.js';
import { afterWarmup, linearTrend } from '../metrics/linear-trend.js';
import { pointsOf, seenKeys, type MetricPoint } from '../metrics/series.js';
import type { MetricsSeries } from '../contracts/metrics-series.js';
import { formatDurationMs, parseDurationMs, type Duration } from '../options/duration.js';
import { describeReceived, formatNumber } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';

/** Options of toHaveStableMemory. */
export interface StableMemoryOptions {
  /** Highest acceptable growth of the metric after warm-up, MB (10^6 bytes) per hour. */
  maxGrowthMBPerHour: number;
  /** Time to skip from the first sample: ms or '30s'. Default: warmupFraction. */
  warmup?: Duration;
  /** Fraction (0..1) of the sampled time to skip when `warmup` is not given; default 0.1. */
  warmupFraction?: number;
  /** The byte metric to judge; default 'process_resident_memory_bytes'. */
  metric?: string;
  /** Fewest samples after warm-up that can be judged; default 5 (at least 3). */
  minSamples?: number;
}

const MATCHER = 'toHaveStableMemory';
const KEYS = ['maxGrowthMBPerHour', 'warmup', 'warmupFraction', 'metric', 'minSamples'];
const DEFAULT_METRIC = 'process_resident_memory_bytes';

/** Checked options, with the defaults. */
interface ResolvedStableMemory {
  limit: number;
  minSamples: number;
  warmupMs: number | undefined;
  /** Set when warmupMs is not. */
  warmupFraction: number | undefined;
}

/** The options checked and defaulted, or a message naming the one that is wrong. */
function resolveOptions(options: unknown): ResolvedStableMemory | string {
  if (typeof options !== 'object' || options === null)
    return (
      `${MATCHER}: options must be an object such as { maxGrowthMBPerHour: 50 }, ` +
      `received ${describeReceived(options)}`
    );
  const o = options as Partial<StableMemoryOptions>;
  const limit = o.maxGrowthMBPerHour;
  const unknown = Object.keys(options).find((k) => !KEYS.includes(k));
  if (unknown !== undefined)
    return `${MATCHER}: unknown option "${unknown}"; the options are ${KEYS.join(', ')}`;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0)
    return `${MATCHER}: maxGrowthMBPerHour must be a number of MB per hour > 0, received ${describeReceived(limit)}`;
  if (o.metric !== undefined && (typeof o.metric !== 'string' || o.metric === ''))
    return `${MATCHER}: metric must be a metric name, received ${describeReceived(o.metric)}`;
  const minSamples = o.minSamples ?? 5;
  if (!Number.isInteger(minSamples) || minSamples < 3)
    return `${MATCHER}: minSamples must be an integer >= 3, received ${describeReceived(o.minSamples)}`;
  if (o.warmup !== undefined && o.warmupFraction !== undefined)
    return `${MATCHER}: give warmup or warmupFraction, not both`;
  let warmupMs: number | undefined;
  try {
    warmupMs =
      o.warmup === undefined ? undefined : parseDurationMs(o.warmup, 'warmup', { allowZero: true });
  } catch (error) {
    if (error instanceof StressError) return `${MATCHER}: ${error.message}`;
    throw error;
  }
  if (
    o.warmupFraction !== undefined &&
    !(typeof o.warmupFraction === 'number' && o.warmupFraction >= 0 && o.warmupFraction < 1)
  )
    return `${MATCHER}: warmupFraction must be a fraction in [0, 1), received ${describeReceived(o.warmupFraction)}`;
  const warmupFraction = warmupMs === undefined ? (o.warmupFraction ?? 0.1) : undefined;
  return { limit, minSamples, warmupMs, warmupFraction };
}

/**
 * The samples of `metric` left after warm-up, with how the warm-up and the scrape gaps read;
 * a message after `head` when there are none of the metric or too few to judge.
 */
function samplesAfterWarmup(
  series: MetricsSeries,
  metric: string,
  options: ResolvedStableMemory,
  head: string,
): { points: MetricPoint[]; after: string; gaps: string } | string {
  const gaps = describeGaps(series);
  if (series.samples.length === 0)
    return `${head}, but the metrics series from ${series.source} has no samples${gaps ? ` (${gaps})` : ''}`;
  const { points: all } = pointsOf(series, metric);
  if (!series.samples.some((s) => metric in s.metrics))
    return (
      `${head}, but no sample has ${metric}; seen: ` +
      `${seenKeys(series).join(', ') || 'nothing'} (sample it with names: ['${metric}'])`
    );
  const used = afterWarmup(all, options);
  const after = `after ${formatDurationMs(used.warmupMs)} warm-up`;
  if (used.points.length < options.minSamples)
    return (
      `${head}, but only ${used.points.length} samples of ${metric} ${after} (at least ` +
      `${options.minSamples} needed; ${all.length} in all${gaps ? `; ${gaps}` : ''})`
    );
  return { points: used.points, after, gaps };
}

/**
 * Passes when the least-squares slope of a byte metric (resident memory by default), after
 * warm-up, is below `maxGrowthMBPerHour`. Judged on the estimate; the message gives its t-based
 * 95% interval (corrected for autocorrelation, see linearTrend) and the sample count.
 * Fewer than `minSamples` samples after warm-up never pass, nor samples so autocorrelated that
 * no interval can be given (effective n < 3).
 */
export function toHaveStableMemory(
  this: MatcherState,
  received: unknown,
  options: StableMemoryOptions,
): MatcherResult {
  const o = (
    typeof options === 'object' && options !== null ? options : {}
  ) as Partial<StableMemoryOptions>;
  const metric = typeof o.metric === 'string' ? o.metric : DEFAULT_METRIC;
  const subject = metric === DEFAULT_METRIC ? 'resident memory' : metric;
  const v = verdicts(this, {
    matcher: MATCHER,
    metric: `${subject} growth`,
    unit: 'MB/h',
    subject: metric,
  });
  const fail = (message: string, observed: number | null = null): MatcherResult =>
    v.refuse(message, {
      threshold:
        typeof o.maxGrowthMBPerHour === 'number'
          ? o.maxGrowthMBPerHour
          : describeReceived(o.maxGrowthMBPerHour),
      observed,
    });

  const series = seriesFromReceived(MATCHER, received);
  if (typeof series === 'string') return fail(series);
  const resolved = resolveOptions(options);
  if (typeof resolved === 'string') return fail(resolved);
  const limit = resolved.limit;
  const head = `expected ${subject} growth ${v.isNot ? 'not ' : ''}below ${formatNumber(limit)} MB/h`;
  const used = samplesAfterWarmup(series, metric, resolved, head);
  if (typeof used === 'string') return fail(used);
  const { after, gaps } = used;

  const trend = linearTrend(used.points);
  const slope = trend.slopePerHour / BYTES_PER_MB;
  const [low, high] = trend.ci95.map((v) => v / BYTES_PER_MB);
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    return fail(
      `${head}, but the ${trend.n} samples ${after} move together too much to tell a trend ` +
        `(worth ${formatNumber(trend.effectiveN)} independent ones, at least 3 needed; slope ` +
        `${formatNumber(slope)} MB/h): run longer${gaps ? ` (${gaps})` : ''}`,
      slope,
    );
  }
  const interval = `95% CI ${formatNumber(low)}–${formatNumber(high)}`;
  // Autocorrelated samples are worth fewer independent ones; say how many when it matters.
  const effective =
    trend.effectiveN < trend.n - 0.5 ? ` (effective ${Math.round(trend.effectiveN)})` : '';
  const message =
    `${head}, got ${formatNumber(slope)} MB/h (${interval}, n=${trend.n} samples${effective} ` +
    `${after}${gaps ? `; ${gaps}` : ''})`;
  return v.point(
    slope < limit,
    message,
    { threshold: limit, observed: slope },
    { actual: slope, expected: limit },
  );
}
